"""Commands that change the FOSSBilling server: what they print, and what changed there."""

from __future__ import annotations

import json

from tests.conftest import CLI
from tests.fossbilling.conftest import FossBilling


def _service(fb: FossBilling, order_id: int) -> dict:
    return fb.client("order/service", {"id": order_id})


def test_lock_and_privacy_per_item_through_the_bulk_engine(
    fb_cli_reset: CLI, fb_reset: FossBilling
) -> None:
    off = fb_cli_reset("domains", "lock", "off", "garcia-consulting.es", "--yes")
    assert (off.exit_code, off.stdout) == (0, "garcia-consulting.es  lock off\n"), off.stderr
    assert off.stderr.startswith("lock off: 1 done, 0 failed (run ")
    assert _service(fb_reset, 3)["locked"] == 0
    privacy = fb_cli_reset("domains", "privacy", "on", "--tld", "com", "--yes")
    assert privacy.stdout == "garcia-consulting.com  privacy on\n", privacy.stderr
    assert _service(fb_reset, 4)["privacy"] == 1
    run_id = privacy.stderr.split("(run ")[1].split(")")[0]
    journal = fb_cli_reset("journal", "show", run_id)
    assert journal.exit_code == 0
    assert "garcia-consulting.com" in journal.stdout


def test_nameservers_set_and_a_fifth_one_refused_before_anything_is_sent(
    fb_cli_reset: CLI, fb_reset: FossBilling
) -> None:
    five = [f"ns{i}.example.net" for i in range(1, 6)]
    refused = fb_cli_reset("domains", "nameservers", "set", "garcia-consulting.es", *five, "--yes")
    assert (refused.exit_code, refused.stdout) == (2, "")
    assert refused.stderr == "error: FOSSBilling takes 2 to 4 name servers per domain (not 5)\n"
    assert _service(fb_reset, 3)["ns1"] == "ns1.loopback-hosting.test"
    done = fb_cli_reset("domains", "nameservers", "set", "garcia-consulting.es", *five[:3], "--yes")
    assert done.stdout == (
        "garcia-consulting.es  nameservers ns1.example.net, ns2.example.net, ns3.example.net\n"
    ), done.stderr
    details = _service(fb_reset, 3)
    assert [details[f"ns{i}"] for i in range(1, 5)] == [*five[:3], None]


def test_contacts_set_for_every_role_and_one_role_alone_exits_6(
    fb_cli_reset: CLI, fb_reset: FossBilling
) -> None:
    done = fb_cli_reset(
        "domains", "contacts", "set", "garcia-consulting.es", "--role", "all",
        "--email", "dns@garcia.test", "--yes",
    )  # fmt: skip
    assert done.exit_code == 0, done.stderr
    assert _service(fb_reset, 3)["contact"]["email"] == "dns@garcia.test"
    one = fb_cli_reset(
        "domains", "contacts", "set", "garcia-consulting.es", "--role", "tech",
        "--email", "tech@garcia.test", "--yes",
    )  # fmt: skip
    assert one.exit_code == 6
    assert one.stderr.endswith(
        "error: the fossbilling provider does not support a different contact for each role\n"
        "hint: FOSSBilling keeps one contact per domain for every role: set them all to the same "
        "contact\n"
    )
    assert _service(fb_reset, 3)["contact"]["email"] == "dns@garcia.test"


def test_wallet_add_issues_a_funds_invoice(fb_cli_reset: CLI, fb_reset: FossBilling) -> None:
    result = fb_cli_reset("wallet", "add", "20", "--transfer")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Funds invoice FOSS00007 for 20.00 EUR issued (invoice 7): pay it like any invoice; "
        "the credit is added when it is paid.\n"
    )
    newest = fb_reset.client("invoice/get_list")["list"][0]
    assert (newest["id"], newest["status"], newest["total"]) == (7, "unpaid", 20)
    assert [line["type"] for line in newest["lines"]] == ["deposit"]
    pending = fb_cli_reset("wallet", "show", "-o", "json")
    assert json.loads(pending.stdout)["wallet"]["pending_top_ups"]["amount"] == "20.00"
    card = fb_cli_reset("wallet", "add", "20", "--card", "1")
    assert (card.exit_code, card.stderr) == (
        2,
        "error: this provider stores no cards: use --transfer (it issues a funds invoice to pay)\n",
    )
    assert len(fb_reset.client("invoice/get_list")["list"]) == 6


def test_what_fossbilling_cannot_do_exits_6_with_one_sentence(
    fb_cli_reset: CLI, fb_reset: FossBilling
) -> None:
    before = fb_reset.client("invoice/get_list")["list"]
    cases = {
        ("invoices", "pay", "4", "--use-credit", "--yes"): (
            "error: the fossbilling provider does not support paying an invoice through the API\n"
            "hint: pay on the invoice's page of the FOSSBilling client area in a browser; "
            "FOSSBilling spends account credit on unpaid invoices by itself when its cron runs\n"
        ),
        ("domains", "autorenew", "off", "garcia-consulting.es", "--yes"): (
            "error: the fossbilling provider does not support switching auto-renew\n"
            "hint: FOSSBilling issues a renewal invoice 14 days before expiry for every order set "
            "to `issue-invoice` (shown as auto-renew yes); clients cannot change that setting: ask "
            "your provider with `clientarea tickets open`\n"
        ),
        ("domains", "epp", "garcia-consulting.es"): (
            "error: the fossbilling provider does not support showing the EPP code\n"
            "hint: this FOSSBilling registrar answered `true` instead of a code (its Custom "
            "registrar has none): ask your provider with `clientarea tickets open`\n"
        ),
    }
    for args, stderr in cases.items():
        result = fb_cli_reset(*args)
        assert (result.exit_code, result.stdout, result.stderr) == (6, "", stderr), args
    for args in (
        ("domains", "recur", "on", "garcia-consulting.es", "--method", "1", "--yes"),
        ("payment-methods", "list"),
        ("services", "upgrade", "1", "--to", "2", "--yes"),
    ):
        result = fb_cli_reset(*args)
        assert result.exit_code == 6, (args, result.stderr)
        assert "the fossbilling provider does not support" in result.stderr
    assert fb_reset.client("invoice/get_list")["list"] == before
    assert fb_reset.client("order/service", {"id": 3})["locked"] == 1


def test_account_update_changes_only_the_given_fields(
    fb_cli_reset: CLI, fb_reset: FossBilling
) -> None:
    before = fb_reset.client("profile/get")
    result = fb_cli_reset(
        "account", "update", "--city", "Sevilla", "--phone", "+34 611 222 333", "--yes"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "Changes to the account:\n  city: Madrid -> Sevilla\n"
        "  phone: +34 600000001 -> +34.611222333\n"
    )
    after = fb_reset.client("profile/get")
    assert (after["city"], after["phone_cc"], after["phone"]) == ("Sevilla", "34", "611222333")
    unchanged = {k: v for k, v in after.items() if k not in ("city", "phone", "updated_at")}
    assert unchanged == {
        k: v for k, v in before.items() if k not in ("city", "phone", "updated_at")
    }


def test_account_password_change_and_a_wrong_current_password(
    fb_cli_reset: CLI, fb_reset: FossBilling
) -> None:
    wrong = fb_cli_reset("account", "password", stdin="Wrong-Pass-000\nNew-Pass-4567!\n")
    assert wrong.exit_code == 2
    assert wrong.stderr == "error: FOSSBilling refused the request: Current password incorrect\n"
    done = fb_cli_reset("account", "password", stdin="Client-Pass-123\nNew-Pass-4567!\n")
    assert (done.exit_code, done.stderr) == (0, "password changed\n")
    login = fb_reset.api(
        "guest", "client/login", {"email": "alice@example.test", "password": "New-Pass-4567!"}
    )
    assert login["email"] == "alice@example.test"

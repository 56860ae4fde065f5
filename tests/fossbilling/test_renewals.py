"""domains renew on FOSSBilling: credit it spends by itself, one period only, and an open renewal
invoice reused instead of a second one (the same rule as on the sandbox)."""

from __future__ import annotations

import json
from decimal import Decimal

from tests.conftest import CLI
from tests.fossbilling.conftest import FossBilling

CREDIT_NOTE = (
    "warning: FOSSBilling spends account credit by itself: a renewal invoice the balance "
    "covers is paid from it as soon as it is issued (with or without --use-credit)\n"
)


def _renewal_invoices(fb: FossBilling, order_id: int) -> list[tuple[int, str]]:
    """(id, status) of every invoice with a line renewing the order, oldest first."""
    rows = fb.client("invoice/get_list", {"per_page": 100})["list"]
    return sorted(
        (row["id"], row["status"])
        for row in rows
        if any(
            line["type"] == "order" and str(line["rel_id"]) == str(order_id)
            and line["task"] == "renew"
            for line in row["lines"]
        )
    )  # fmt: skip


def _spend_the_credit(fb: FossBilling) -> None:
    """Alice's balance to 0 (staff remove its lines), so renewal invoices stay unpaid."""
    for row in fb.admin("client/balance_get_list", {"client_id": fb.client_id})["list"]:
        fb.admin("client/balance_delete", {"id": row["id"]})
    assert not fb.client("profile/get")["balance"]


def test_renew_says_credit_is_spent_then_the_server_pays_from_credit(
    fb_cli_reset: CLI, fb_reset: FossBilling
) -> None:
    plan = fb_cli_reset("domains", "renew", "garcia-consulting.com", "--dry-run")
    assert plan.stderr.startswith(CREDIT_NOTE), plan.stderr
    assert len(fb_reset.client("invoice/get_list")["list"]) == 5
    done = fb_cli_reset("domains", "renew", "garcia-consulting.com", "--yes", "-o", "json")
    assert done.exit_code == 0, done.stderr
    assert done.stderr.startswith(CREDIT_NOTE)
    invoices = fb_reset.client("invoice/get_list")["list"]
    assert len(invoices) == 6
    assert (invoices[0]["status"], invoices[0]["total"]) == ("paid", 11.99)
    assert Decimal(fb_reset.client("profile/get")["balance"]) == Decimal("48.01")
    outcome = json.loads(done.stdout)
    assert "paid" in json.dumps(outcome), done.stdout


def test_renew_for_two_years_exits_6_before_anything_is_sent(
    fb_cli_reset: CLI, fb_reset: FossBilling
) -> None:
    before = fb_reset.client("invoice/get_list")["list"]
    result = fb_cli_reset(
        "--debug", "domains", "renew", "garcia-consulting.com", "alice-garcia.net",
        "--years", "2", "--yes",
    )  # fmt: skip
    assert (result.exit_code, result.stdout, result.stderr) == (
        6,
        "",
        "error: the fossbilling provider does not support renewing for 2 years\n"
        "hint: FOSSBilling renews one period of the order per invoice: renew 1 year\n",
    )
    assert fb_reset.client("invoice/get_list")["list"] == before


def test_renewing_twice_without_paying_issues_one_invoice(
    fb_cli_reset: CLI, fb_reset: FossBilling
) -> None:
    _spend_the_credit(fb_reset)
    first = fb_cli_reset("domains", "renew", "garcia-consulting.com", "--yes")
    assert first.exit_code == 3, first.stderr
    assert first.stdout == "garcia-consulting.com  invoice FOSS00007 (11.99 EUR), unpaid\n"
    assert _renewal_invoices(fb_reset, 4) == [(7, "unpaid")]
    again = fb_cli_reset("domains", "renew", "garcia-consulting.com", "--yes")
    assert (again.exit_code, again.stdout) == (3, first.stdout), again.stderr
    lines = again.stderr.splitlines()
    # FOSSBilling may pay a renewal from credit on its own, so the plan is shown even with --yes
    assert lines[1].split() == ["DOMAIN", "CURRENT", "DESIRED", "COST"]
    assert lines[2].startswith("garcia-consulting.com  expires "), again.stderr
    assert lines[3] == "renew 1y: 1 domain(s) to change; total 11.99 EUR before tax"
    assert lines[4].startswith("renew 1y: 0 done, 1 unpaid, 0 failed (run "), again.stderr
    assert lines[5:] == [  # how to pay on FOSSBilling, not `invoices pay` (exit 6 there)
        "1 renewal(s) not done: their invoices (7) stay unpaid until you pay them: pay on the "
        "invoice's page of the FOSSBilling client area in a browser; FOSSBilling spends account "
        "credit on unpaid invoices by itself when its cron runs",
        "error: 1 of 1 renewal(s) not done: invoice unpaid",
        "hint: pay them as above; the same renew run again reuses the open invoices",
    ]
    assert _renewal_invoices(fb_reset, 4) == [(7, "unpaid")]


def test_a_renewal_invoice_staff_issued_is_reused_not_issued_again(
    fb_cli_reset: CLI, fb_reset: FossBilling
) -> None:
    # Staff issue garcia-consulting.com's renewal by hand: FOSSBilling's own renewal_invoice
    # does not know it (the order does not point at it) and would issue a second one.
    line = {"title": "Domain garcia-consulting.com renewal", "price": 11.99, "period": "1Y",
            "type": "order", "rel_id": 4, "task": "renew"}  # fmt: skip
    staff = fb_reset.admin(
        "invoice/prepare", {"client_id": fb_reset.client_id, "items": [line], "approve": True}
    )
    assert _renewal_invoices(fb_reset, 4) == [(staff, "unpaid")]
    for _ in range(2):
        result = fb_cli_reset("domains", "renew", "garcia-consulting.com", "--yes", "-o", "json")
        assert result.exit_code == 3, result.stderr
        [outcome] = json.loads(result.stdout)
        assert (outcome["invoice_id"], outcome["amount_due"]) == (
            staff,
            {"amount": "11.99", "currency": "EUR"},
        )
    assert _renewal_invoices(fb_reset, 4) == [(staff, "unpaid")]
    assert Decimal(fb_reset.client("profile/get")["balance"]) == Decimal("60.00")

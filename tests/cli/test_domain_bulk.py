"""Bulk domain commands on the embedded sandbox: outputs, exit codes, and the server's state.

Each test sets the state it starts from in the sandbox database, so the expectations do not
depend on the seed's random choices.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest

from tests.conftest import CLI
from tests.support import sandbox_db

THREE = ["anagarcia.com", "tapas-madrid.es", "flamenco-studio.net"]
LOCKABLE = ["anagarcia.com", "flamenco-studio.net", "olivar-verde.org"]  # .es has no lock


def _set(sql: str, *args: object) -> None:
    from clientarea_cli.config.paths import sandbox_database

    conn = sqlite3.connect(sandbox_database())
    with conn:
        conn.execute(sql, args)
    conn.close()


def _flags(column: str, names: list[str]) -> list[int]:
    domains = sandbox_db.domains()
    return [domains[n][column] for n in names]


@pytest.fixture
def unlocked(demo: CLI) -> CLI:
    _set("UPDATE domains SET registrar_lock = 0, auto_renew = 0 WHERE client_id = 1")
    _set("UPDATE domains SET auto_renew = 1 WHERE name = 'tapas-madrid.es'")
    return demo


def test_autorenew_on_three_domains(unlocked: CLI) -> None:
    result = unlocked("domains", "autorenew", "on", *THREE, "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "anagarcia.com        auto-renew on\nflamenco-studio.net  auto-renew on\n"
    )
    lines = result.stderr.splitlines()
    assert lines[-1].startswith("auto-renew on: 2 done, 0 failed, 1 unchanged (run ")
    assert _flags("auto_renew", THREE) == [1, 1, 1]


def test_more_than_one_domain_without_a_terminal_needs_yes(unlocked: CLI) -> None:
    before = sandbox_db.snapshot()
    result = unlocked("domains", "lock", "on", *THREE)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        "error: confirmation required: run again with --yes (no terminal to ask on)"
    )
    assert sandbox_db.snapshot() == before


def test_one_domain_needs_no_confirmation(unlocked: CLI) -> None:
    result = unlocked("domains", "lock", "on", "anagarcia.com")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "anagarcia.com  lock on\n"
    assert _flags("registrar_lock", ["anagarcia.com"]) == [1]


def test_money_needs_the_count_typed_and_a_wrong_count_cancels(unlocked: CLI) -> None:
    before = sandbox_db.snapshot()
    result = unlocked("domains", "renew", *THREE[:2], "--use-credit", stdin="3\n", tty=True)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "Type 2 to apply 'renew 1y with credit' to 2 domain(s):"
        "error: cancelled; nothing was changed"
    )
    assert sandbox_db.snapshot() == before


def test_a_small_run_on_a_terminal_asks_yes_or_no(unlocked: CLI) -> None:
    result = unlocked("domains", "lock", "on", *LOCKABLE, stdin="y\n", tty=True)
    assert result.exit_code == 0, result.stderr
    assert "Apply 'lock on' to 3 domains? [y/N]" in result.stderr
    assert _flags("registrar_lock", LOCKABLE) == [1, 1, 1]


def test_no_on_a_terminal_changes_nothing(unlocked: CLI) -> None:
    before = sandbox_db.snapshot()
    result = unlocked("domains", "lock", "on", *LOCKABLE, stdin="n\n", tty=True)
    assert result.exit_code == 1
    assert result.stderr.endswith("[y/N]:error: cancelled; nothing was changed\n")
    assert sandbox_db.snapshot() == before


def test_unknown_domain_changes_nothing(unlocked: CLI) -> None:
    before = sandbox_db.snapshot()
    result = unlocked("domains", "lock", "on", "anagarcia.com", "nope-nope.es", "--yes")
    assert result.exit_code == 5
    assert result.stdout == ""
    assert result.stderr == (
        "error: no such domain in this account: nope-nope.es\n"
        "hint: nothing was changed; check the names with `clientarea domains list`\n"
    )
    assert sandbox_db.snapshot() == before


def test_another_clients_domain_is_unknown(unlocked: CLI) -> None:
    result = unlocked("domains", "lock", "on", "keller-web.ch")
    assert result.exit_code == 5
    assert sandbox_db.domains()["keller-web.ch"]["registrar_lock"] in (0, 1)


def test_dry_run_prints_the_plan_as_json_and_changes_nothing(unlocked: CLI) -> None:
    before = sandbox_db.snapshot()
    result = unlocked("domains", "autorenew", "on", *THREE, "--dry-run", "-o", "json")
    assert result.exit_code == 0
    plan = json.loads(result.stdout)
    assert [(p["domain"], p["current"], p["desired"], p["skip"]) for p in plan] == [
        ("anagarcia.com", "auto-renew off", "auto-renew on", False),
        ("tapas-madrid.es", "auto-renew on", "auto-renew on", True),
        ("flamenco-studio.net", "auto-renew off", "auto-renew on", False),
    ]
    assert result.stderr == (
        "auto-renew on: 2 domain(s) to change, 1 already so (dry run: nothing was changed)\n"
    )
    assert sandbox_db.snapshot() == before


def test_nothing_to_change(unlocked: CLI) -> None:
    result = unlocked("domains", "autorenew", "on", "tapas-madrid.es")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "nothing to change: 1 domain(s) already auto-renew on\n"


def test_targets_are_required(demo: CLI) -> None:
    result = demo("domains", "lock", "on")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: name the domains to act on\n")


def test_from_file_csv_on_stdin(unlocked: CLI) -> None:
    csv_text = "domain,note\nanagarcia.com,x\nflamenco-studio.net,y\n"
    result = unlocked("domains", "lock", "on", "--from-file", "-", "--yes", stdin=csv_text)
    assert result.exit_code == 0, result.stderr
    assert _flags("registrar_lock", LOCKABLE) == [1, 1, 0]


@pytest.mark.parametrize("mode", [[], ["--per-item"]])
def test_failures_are_reported_and_exit_3(unlocked: CLI, mode: list[str]) -> None:
    # The provider refuses auto-renew on domains that are not active; the others go through.
    result = unlocked("domains", "autorenew", "on", "--all", "--yes", *mode)
    domains = {n: d for n, d in sandbox_db.domains().items() if d["client_id"] == 1}
    failed = sorted(n for n, d in domains.items() if d["status"] != "active")
    assert len(failed) == 4  # three expired, one pending
    assert result.exit_code == 3
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert sorted(line.split(":")[1].strip() for line in warnings) == failed
    assert all(
        line.endswith("only an active domain's settings can change (status: expired)")
        or "pixel-forge.dev is pending" in line
        for line in warnings
    ), warnings
    assert result.stderr.splitlines()[-2].startswith("error: 4 of 43 domain(s) failed")
    assert len(result.stdout.splitlines()) == 39
    assert all(domains[n]["auto_renew"] == 1 for n in domains if n not in failed)
    assert all(domains[n]["auto_renew"] == 0 for n in failed)


def test_per_item_mode_gives_the_same_result(unlocked: CLI) -> None:
    result = unlocked("domains", "autorenew", "on", *THREE, "--yes", "--per-item")
    assert result.exit_code == 0, result.stderr
    assert _flags("auto_renew", THREE) == [1, 1, 1]


def test_journal_lists_and_shows_runs(unlocked: CLI) -> None:
    unlocked("domains", "autorenew", "on", *THREE, "--yes")
    listed = unlocked("journal", "list", "-o", "json")
    [run] = json.loads(listed.stdout)
    assert (run["command"], run["action"], run["status"]) == ("autorenew", "auto-renew on", "done")
    assert (run["total"], run["done"], run["skipped"], run["failed"], run["pending"]) == (
        3,
        2,
        1,
        0,
        0,
    )
    shown = unlocked("journal", "show", run["id"][:6], "--columns", "domain,state,result")
    assert shown.exit_code == 0
    assert shown.stdout == (
        "DOMAIN               STATE    RESULT\n"
        "anagarcia.com        done     auto-renew on\n"
        "tapas-madrid.es      skipped  -\n"
        "flamenco-studio.net  done     auto-renew on\n"
    )
    missing = unlocked("journal", "show", "zzzz")
    assert missing.exit_code == 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--concurrency", "0"], "error: --concurrency must be between 1 and 48"),
        (["--concurrency", "49"], "error: --concurrency must be between 1 and 48"),
        (["--rate", "0"], "error: --rate must be from 0.01 to 10000 requests per second (got 0)"),
        (["--expiring-within", "soon"], "error: invalid value for --expiring-within: 'soon'"),
        (["--status", "sleeping"], "error: invalid value for --status: 'sleeping'"),
    ],
)
def test_bad_run_options(demo: CLI, args: list[str], message: str) -> None:
    before = sandbox_db.snapshot()
    result = demo("domains", "lock", "on", "--all", "--yes", *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == message
    assert sandbox_db.snapshot() == before


# -- recurring payment -------------------------------------------------------------------------
def test_recur_without_a_validated_card_is_refused_before_any_change(demo: CLI) -> None:
    _set("UPDATE payment_methods SET validated = 0 WHERE type = 'card'")
    before = sandbox_db.snapshot()
    result = demo("domains", "recur", "anagarcia.com", "--method", "21")
    assert result.exit_code == 7
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == (
        "error: no validated card on the account: domains renew automatically only with a "
        "validated card (wallet credit is never used for automatic renewals)"
    )
    assert sandbox_db.snapshot() == before


@pytest.mark.parametrize(
    ("method", "message"),
    [
        ("22", "error: card 22 (Mastercard ···4444, expires 2028-05) is not validated yet"),
        (
            "23",
            "error: payment method 23 is a bank account ···1332: domains renew automatically "
            "only with a validated card",
        ),
        ("99", "error: no payment method '99' on this account"),
        ("24", "error: no payment method '24' on this account"),  # Bruno's card
    ],
)
def test_recur_refuses_methods_that_cannot_pay(demo: CLI, method: str, message: str) -> None:
    before = sandbox_db.snapshot()
    result = demo("domains", "recur", "anagarcia.com", "--method", method)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == message
    assert sandbox_db.snapshot() == before


def test_recur_needs_a_method_and_names_the_validated_cards(demo: CLI) -> None:
    result = demo("domains", "recur", "anagarcia.com")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --method is required to switch recurring payment on\n"
        "hint: validated cards: --method 21 (Visa ···4242, expires 2026-12)\n"
    )


def test_recur_on_with_the_billing_contact_warns_about_holder_and_expiry(demo: CLI) -> None:
    _set("UPDATE domains SET recurring_enabled = 0, recurring_payment_method_id = NULL,"
         " recurring_contact_id = NULL WHERE client_id = 1")  # fmt: skip
    names = ["anagarcia.com", "castellers.cat"]  # due 2026-11-25 and 2026-12-30
    _set("UPDATE domains SET next_due_date = '2027-02-01' WHERE name = 'castellers.cat'")
    result = demo("domains", "recur", *names, "--method", "4242", "--contact", "billing", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "anagarcia.com   recurring on (Visa ···4242, contact Marta Ruiz)\n"
        "castellers.cat  recurring on (Visa ···4242, contact Marta Ruiz)\n"
    )
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "warning: the billing contact (Marta Ruiz) is not the card holder (Ana García); the "
        "provider may refuse the charge or ask for authorisation"
    )
    assert lines[1] == (
        "warning: castellers.cat: the card expires (2026-12) before the next billing date "
        "(2027-02-01): the charge will fail and the domain may be suspended"
    )
    rows = sandbox_db.domains()
    assert [
        (
            rows[n]["recurring_enabled"],
            rows[n]["recurring_payment_method_id"],
            rows[n]["recurring_contact_id"],
        )
        for n in names
    ] == [(1, 21, 11), (1, 21, 11)]


def test_recur_off(demo: CLI) -> None:
    _set("UPDATE domains SET recurring_enabled = 1, recurring_payment_method_id = 21"
         " WHERE name = 'anagarcia.com'")  # fmt: skip
    result = demo("domains", "recur", "anagarcia.com", "--off")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "anagarcia.com  recurring off\n"
    row = sandbox_db.domains()["anagarcia.com"]
    assert (row["recurring_enabled"], row["recurring_payment_method_id"]) == (0, None)
    refused = demo("domains", "recur", "anagarcia.com", "--off", "--method", "21")
    assert refused.exit_code == 2


# -- renewal -------------------------------------------------------------------------------------
def _wallet() -> str:
    rows = sandbox_db.rows("SELECT amount FROM wallet_movements WHERE client_id = 1")
    from decimal import Decimal

    return str(sum((Decimal(r["amount"]) for r in rows), Decimal(0)))


def test_renew_issues_unpaid_invoices_and_says_how_to_pay(demo: CLI) -> None:
    wallet = _wallet()
    result = demo("domains", "renew", "anagarcia.com", "flamenco-studio.net", "--yes")
    assert result.exit_code == 3, result.stderr  # an unpaid renewal is not done
    assert result.stdout == (
        "anagarcia.com        invoice INV-2026-5012 (15.72 EUR), unpaid\n"
        "flamenco-studio.net  invoice INV-2026-5013 (18.14 EUR), unpaid\n"
    )
    lines = result.stderr.splitlines()
    assert lines[:4] == [
        "DOMAIN               CURRENT             DESIRED                       COST",
        "anagarcia.com        expires 2026-11-25  +1y, expires 2027-11-25  12.99 EUR",
        "flamenco-studio.net  expires 2026-12-06  +1y, expires 2027-12-06  14.99 EUR",
        "renew 1y: 2 domain(s) to change; total 27.98 EUR before tax",
    ]
    assert lines[-3] == (
        "2 renewal(s) not done: their invoices stay unpaid until you pay them: "
        "`clientarea invoices pay 5012 5013 --method CARD` (or --use-credit, --transfer)"
    )
    assert _wallet() == wallet  # credit is never used unless asked
    invoices = sandbox_db.rows("SELECT status FROM invoices WHERE id IN (5012, 5013)")
    assert [i["status"] for i in invoices] == ["unpaid", "unpaid"]


def test_renew_with_credit_pays_from_the_wallet(demo: CLI) -> None:
    # (codigo-abierto.dev has a seeded 1-year renewal invoice open: another length is refused)
    result = demo("domains", "renew", "api-garcia.io", "--use-credit", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "api-garcia.io  invoice INV-2026-5012 (47.19 EUR), paid, 47.19 EUR credit applied\n"
    )
    assert _wallet() == "38.31"
    row = sandbox_db.domains()["api-garcia.io"]
    assert row["expiry_date"] == "2028-01-06"


def test_renew_years_out_of_range(demo: CLI) -> None:
    result = demo("domains", "renew", "anagarcia.com", "--years", "11")
    assert result.exit_code == 2
    assert result.stderr == "error: --years must be between 1 and 10\n"


# -- name servers ---------------------------------------------------------------------------------
def test_nameservers_set_on_one_domain(demo: CLI) -> None:
    result = demo(
        "domains", "nameservers", "set", "anagarcia.com", "NS1.Example.net.", "ns2.example.net"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "anagarcia.com  nameservers ns1.example.net, ns2.example.net\n"
    assert json.loads(sandbox_db.domains()["anagarcia.com"]["nameservers"]) == [
        "ns1.example.net",
        "ns2.example.net",
    ]
    shown = demo("domains", "nameservers", "show", "anagarcia.com", "-o", "json")
    assert [n["host"] for n in json.loads(shown.stdout)] == ["ns1.example.net", "ns2.example.net"]


@pytest.mark.parametrize(
    ("servers", "message"),
    [
        (["ns1.example.net"], "error: give 2 to 5 name servers (got 1)"),
        ([f"ns{i}.example.net" for i in range(6)], "error: give 2 to 5 name servers (got 6)"),
        (["ns1.example.net", "ns1.example.net"], "error: the same name server is given twice"),
        (
            ["ns1.example.net", "bad_host.example"],
            "error: invalid name server 2: 'bad_host.example'",
        ),
    ],
)
def test_bad_nameservers_send_nothing(demo: CLI, servers: list[str], message: str) -> None:
    before = sandbox_db.snapshot()
    result = demo("domains", "nameservers", "set", "--tld", "es", "--yes", *servers)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert sandbox_db.snapshot() == before


def test_nameservers_set_with_a_filter_takes_every_argument_as_a_server(demo: CLI) -> None:
    result = demo(
        "domains", "nameservers", "set", "--tld", "cat", "--yes", "ns1.a.net", "ns2.a.net"
    )
    assert result.exit_code == 0, result.stderr
    cats = [d for d in sandbox_db.domains().values() if d["tld"] == "cat" and d["client_id"] == 1]
    assert cats
    assert all(json.loads(d["nameservers"]) == ["ns1.a.net", "ns2.a.net"] for d in cats)


# -- output formats and fail-fast ------------------------------------------------------------------
def test_jsonl_streams_one_result_per_domain(unlocked: CLI) -> None:
    result = unlocked("domains", "autorenew", "on", *THREE, "--yes", "-o", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["domain"] for r in rows) == ["anagarcia.com", "flamenco-studio.net"]
    assert all(r["ok"] and r["result"] == "auto-renew on" for r in rows)


def test_json_lists_failures_too(unlocked: CLI) -> None:
    result = unlocked(
        "domains", "autorenew", "on", "anagarcia.com", "viejo-proyecto.com", "--yes", "-o", "json"
    )
    assert result.exit_code == 3
    rows = {r["domain"]: r for r in json.loads(result.stdout)}
    assert rows["anagarcia.com"]["ok"] is True
    assert rows["viejo-proyecto.com"]["ok"] is False
    assert "expired" in rows["viejo-proyecto.com"]["error"]


def test_fail_fast_stops_at_the_first_failure(unlocked: CLI) -> None:
    # One request at a time, expired domains first in expiry order: the first fails, nothing after.
    result = unlocked(
        "domains",
        "autorenew",
        "on",
        "--all",
        "--yes",
        "--per-item",
        "--concurrency",
        "1",
        "--fail-fast",
    )
    assert result.exit_code == 3
    assert result.stdout == ""
    assert [x for x in result.stderr.splitlines() if x.startswith("warning: ")] == [
        "warning: antiguo-blog.net: the provider refused: antiguo-blog.net is expired: only an "
        "active domain's settings can change (status: expired)"
    ]
    assert sum(d["auto_renew"] for d in sandbox_db.domains().values() if d["client_id"] == 1) == 1
    listed = json.loads(unlocked("journal", "list", "-o", "json").stdout)
    assert listed[0]["status"] == "interrupted"


def test_the_warned_card_expiry_comes_true_when_the_sandbox_clock_advances(demo: CLI) -> None:
    _set("UPDATE domains SET expiry_date = '2027-01-05', next_due_date = '2027-01-05',"
         " auto_renew = 1, recurring_enabled = 0 WHERE name = 'castellers.cat'")  # fmt: skip
    recur = demo("domains", "recur", "castellers.cat", "--method", "21")
    assert recur.exit_code == 0, recur.stderr
    assert "castellers.cat: the card expires (2026-12) before the next billing date" in recur.stderr
    advanced = demo("sandbox", "advance", "--days", "50")
    assert advanced.exit_code == 0, advanced.stderr
    shown = json.loads(demo("domains", "show", "castellers.cat", "-o", "json").stdout)
    assert shown["status"] == "suspended"
    attempts = sandbox_db.rows("SELECT ok FROM charge_attempts WHERE domain_id = ?", shown["id"])
    assert attempts
    assert not any(a["ok"] for a in attempts)


def test_a_plan_over_many_pages_is_the_plan_over_one(
    unlocked: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--all` plans a page at a time as pages arrive (domain_pages), so 10,000 domains are
    never all in memory; pages of 2 give the rows, in the order, that one page gives."""
    from clientarea_cli.drivers.http import HttpClient
    from clientarea_cli.ops.bulk.actions import Toggle

    args = ("domains", "autorenew", "on", "--all", "--dry-run", "-o", "json")
    whole = unlocked(*args)
    monkeypatch.setattr("clientarea_cli.drivers.http.MAX_PER_PAGE", 2)
    pages_read: list[str] = []
    planned_after: list[int] = []
    get, plan = HttpClient.get, Toggle.plan

    def counted_get(self: HttpClient, path: str, params: Any = None) -> Any:
        pages_read.append(path)
        return get(self, path, params)

    def noted_plan(self: Toggle, domain: Any) -> Any:
        planned_after.append(len(pages_read))
        return plan(self, domain)

    monkeypatch.setattr(HttpClient, "get", counted_get)
    monkeypatch.setattr(Toggle, "plan", noted_plan)
    paged = unlocked(*args)
    assert paged.exit_code == whole.exit_code == 0
    assert paged.stdout == whole.stdout
    count = len(json.loads(whole.stdout))
    assert count > 4
    assert pages_read == ["/domains"] * ((count + 1) // 2)
    # each pair of domains is planned once its page has come, before the next is asked for
    assert planned_after == [1 + i // 2 for i in range(count)]

"""`clientarea services cancel|cancel-request|upgrade|options|addons|password|credentials|
login-url|mailboxes|usage` against the embedded sandbox: whole outputs, exit codes, and the
provider's state read back (or proven unchanged)."""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import pytest
from typer._click import termui

from tests.cli.test_domain_records import no_requests  # noqa: F401 - a fixture
from tests.conftest import CLI
from tests.sandbox.test_sandbox_lifecycle import PRORATION, Case
from tests.support import sandbox_db

HOSTING, VPS, DNS, BRUNOS = 101, 102, 107, 109
TABLES = ("services", "addons", "invoices", "invoice_items", "wallet_movements",
          "cancellation_requests", "service_upgrades", "mailboxes")  # fmt: skip


def state() -> dict[str, list[dict[str, Any]]]:
    return {t: sandbox_db.rows(f"SELECT * FROM {t} ORDER BY rowid") for t in TABLES}


def execute(statement: str, *args: Any) -> None:
    import sqlite3

    from clientarea_cli.config.paths import sandbox_database

    conn = sqlite3.connect(sandbox_database())
    try:
        conn.execute(statement, args)
        conn.commit()
    finally:
        conn.close()


def clock(text: str) -> str:
    """The wall-clock time of day (the sandbox's instants carry it) as HH:MM."""
    return re.sub(r"\b\d\d:\d\d\b", "HH:MM", text)


@pytest.fixture
def hidden_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    """click reads hidden input with getpass (the real terminal); read the test's stdin instead."""
    monkeypatch.setattr(
        termui, "hidden_prompt_func", lambda prompt: sys.stdin.readline().rstrip("\n")
    )


# -- cancellation -------------------------------------------------------------------------------


def test_cancel_at_the_end_of_the_period(demo: CLI) -> None:
    result = demo("services", "cancel", "101", "--when", "end-of-period", "--reason",
                  "Moving the site", "--yes")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "Cancel service 101 (Hosting Pro, garcia-hosting.es) on 2026-11-30 (the end of the paid "
        "period). This stops:\n"
        "  service 101 (Hosting Pro, garcia-hosting.es)\n"
        "  add-on Daily Backups (151)\n"
        "  add-on Dedicated IP (152)\n"
    )
    assert clock(result.stdout) == (
        "id              1\n"
        "service id      101\n"
        "when            end_of_period\n"
        "reason          Moving the site\n"
        "status          pending\n"
        "effective date  2026-11-30\n"
        "created at      2026-11-22 HH:MM\n"
    )
    assert sandbox_db.rows("SELECT status, cancel_when FROM services WHERE id = 101") == [
        {"status": "active", "cancel_when": "end_of_period"}
    ]
    shown = demo("services", "cancel-request", "show", "101", "-o", "json")
    assert json.loads(shown.stdout)["effective_date"] == "2026-11-30"
    again = demo("services", "cancel", "101", "--when", "immediate", "--yes")
    assert again.exit_code == 1
    assert again.stderr.endswith(
        "error: service 101 (Hosting Pro, garcia-hosting.es) already has a cancellation request "
        "(end-of-period, effective 2026-11-30)\n"
        "hint: withdraw it first: clientarea services cancel-request withdraw 101\n"
    )
    withdrawn = demo("services", "cancel-request", "withdraw", "101")
    assert (withdrawn.exit_code, withdrawn.stdout, withdrawn.stderr) == (
        0, "", "withdrew the request to cancel service 101 on 2026-11-30; it goes on renewing\n"
    )  # fmt: skip
    none = demo("services", "cancel-request", "show", "101")
    assert (none.exit_code, none.stderr) == (
        5,
        "error: service 101 has no cancellation request\n"
        "hint: request one with `clientarea services cancel 101 --when end-of-period`\n",
    )


def test_an_immediate_cancellation_needs_the_name_or_yes(demo: CLI) -> None:
    before = state()
    no_terminal = demo("services", "cancel", "101", "--when", "immediate")
    assert (no_terminal.exit_code, no_terminal.stdout) == (2, "")
    assert no_terminal.stderr == (
        "Cancel service 101 (Hosting Pro, garcia-hosting.es) now. This stops:\n"
        "  service 101 (Hosting Pro, garcia-hosting.es)\n"
        "  add-on Daily Backups (151)\n"
        "  add-on Dedicated IP (152)\n"
        "Its data is deleted now and nothing is refunded.\n"
        "error: confirmation required: run again with --yes (no terminal to ask on)\n"
    )
    wrong = demo("services", "cancel", "101", "--when", "immediate", stdin="yes\n", tty=True)
    assert wrong.exit_code == 1
    assert "Type garcia-hosting.es to cancel it now:" in wrong.stderr
    assert wrong.stderr.endswith("cancelled: the name did not match; nothing was sent\n")
    dry = demo("services", "cancel", "101", "--when", "immediate", "--dry-run")
    assert (dry.exit_code, dry.stderr.splitlines()[-1]) == (0, "dry run: nothing was sent")
    assert state() == before
    typed = demo("services", "cancel", "101", "--when", "immediate", "-o", "json",
                 stdin="garcia-hosting.es\n", tty=True)  # fmt: skip
    assert typed.exit_code == 0, typed.stderr
    request = json.loads(typed.stdout)
    assert (request["status"], request["effective_date"]) == ("completed", "2026-11-22")
    assert sandbox_db.rows("SELECT status FROM services WHERE id = 101") == [
        {"status": "cancelled"}
    ]
    withdraw = demo("services", "cancel-request", "withdraw", "101")
    assert (withdraw.exit_code, withdraw.stderr) == (
        1,
        "error: service 101 was cancelled on 2026-11-22: a completed cancellation cannot be "
        "withdrawn\n",
    )


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("--when", "tomorrow"),
         "error: invalid value for --when: 'tomorrow'\nhint: choose immediate or end-of-period\n"),
        (("--when", "immediate", "--reason", "x" * 2001),
         "error: invalid --reason: it is longer than 2000 characters\n"),
    ],
)  # fmt: skip
@pytest.mark.usefixtures("no_requests")
def test_cancel_bad_input_sends_nothing(demo: CLI, args: tuple[str, ...], error: str) -> None:
    result = demo("services", "cancel", "101", *args, "--yes")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", error)


def test_cancel_refusals(demo: CLI) -> None:
    before = state()
    free = demo("services", "cancel", str(DNS), "--when", "end-of-period", "--yes")
    assert (free.exit_code, free.stderr) == (
        2,
        "error: invalid --when: service 107 (DNS Basic) is billed free and has no billing period "
        "to end\nhint: use --when immediate\n",
    )
    ended = demo("services", "cancel", "105", "--when", "immediate", "--yes")
    assert (ended.exit_code, ended.stderr) == (
        1,
        "error: service 105 (WordPress Managed, flamenco-studio.net) is already cancelled: "
        "nothing to cancel\n",
    )
    assert state() == before


# -- unknown and other clients' services ---------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("cancel", "{id}", "--when", "immediate", "--yes"),
        ("cancel-request", "show", "{id}"),
        ("cancel-request", "withdraw", "{id}"),
        ("upgrade", "{id}"),
        ("upgrade", "{id}", "--to", "3"),
        ("options", "{id}"),
        ("options", "{id}", "--set", "cron_jobs=3"),
        ("addons", "list", "{id}"),
        ("addons", "add", "{id}", "301"),
        ("addons", "remove", "{id}", "151", "--yes"),
        ("credentials", "{id}"),
        ("password", "{id}"),
        ("login-url", "{id}"),
        ("mailboxes", "list", "{id}"),
        ("mailboxes", "create", "{id}", "info"),
        ("mailboxes", "delete", "{id}", "info", "--yes"),
        ("usage", "{id}"),
    ],
)
@pytest.mark.parametrize("service_id", [999, BRUNOS])
def test_unknown_or_another_clients_service_exits_5(
    demo: CLI, args: tuple[str, ...], service_id: int
) -> None:
    before = state()
    result = demo("services", *(a.format(id=service_id) for a in args), stdin="Pa55-word-ok\n")
    assert (result.exit_code, result.stdout) == (5, ""), result.stderr
    assert result.stderr == f"error: service {service_id} not found\n"
    assert state() == before


# -- upgrade and downgrade ----------------------------------------------------------------------


def test_upgrade_lists_the_plans(demo: CLI) -> None:
    result = demo("services", "upgrade", "101", "--cycle", "monthly")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "PRODUCT ID  NAME              DIRECTION  BILLING CYCLE      PRICE  SETUP FEE\n"
        "1           Hosting Start     downgrade  monthly         5.95 EUR   0.00 EUR\n"
        "3           Hosting Business  upgrade    monthly        24.95 EUR   0.00 EUR\n"
    )
    free = demo("services", "upgrade", str(DNS))
    assert (free.exit_code, free.stdout, free.stderr) == (0, "", "no plans to move to\n")


@pytest.mark.parametrize("case", PRORATION, ids=lambda c: f"{c.service_id}-{c.cycle}-{c.target}")
def test_the_quote_shown_matches_the_hand_computed_table(demo: CLI, case: Case) -> None:
    execute("UPDATE services SET billing_cycle = ?, next_due_date = ?, recurring_amount = ?"
            " WHERE id = ?", case.cycle, case.next_due, case.price, case.service_id)  # fmt: skip
    result = demo("services", "upgrade", str(case.service_id), "--to", str(case.target),
                  "--cycle", case.new_cycle, "--dry-run", "-o", "json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    quote = json.loads(result.stdout)
    assert (quote["days_in_period"], quote["days_remaining"]) == case.period[2:]
    amounts = (quote["credit_for_unused"], quote["cost_of_new"], quote["amount_due"],
               quote["amount_credited"])  # fmt: skip
    assert tuple(a["amount"] for a in amounts) == (case.credit, case.cost, case.due, case.credited)
    assert quote["next_due_date"] == case.due_after
    start, end, days, left = case.period
    assert f"current period {start} … {end} ({days} days), {left} days left" in result.stderr


def test_upgrade_is_confirmed_invoiced_and_journalled(demo: CLI) -> None:
    before = state()
    refused = demo("services", "upgrade", "101", "--to", "Hosting Business")
    assert (refused.exit_code, refused.stdout) == (2, "")
    assert refused.stderr == (
        "Hosting Pro → Hosting Business (upgrade), monthly, service 101\n"
        "  current period 2026-10-30 … 2026-11-29 (31 days), 8 days left\n"
        "  credit for the unused part   3.34 EUR\n"
        "  cost of the new plan         6.44 EUR\n"
        "  amount due                   3.10 EUR (+ tax), invoiced\n"
        "  from 2026-11-30 it renews at 24.95 EUR monthly\n"
        "error: confirmation required: run again with --yes (no terminal to ask on)\n"
    )
    assert state() == before
    done = demo("services", "upgrade", "101", "--to", "hosting business", stdin="y\n", tty=True)
    assert done.exit_code == 0, done.stderr
    assert done.stdout == (  # the space is the prompt's: click's input(" ") writes it to stdout
        " Invoice INV-2026-5012 (5012): 3.75 EUR due by 2026-11-29; service 101 moves to Hosting "
        "Business once it is paid.\n"
    )
    assert done.stderr.endswith(
        "Move service 101 to Hosting Business for 3.10 EUR? [y/N]:"
        "hint: pay it with `clientarea invoices pay 5012 --use-credit`\n"
    )
    journal = demo("journal", "payments", "--columns", "kind,summary,status,result")
    assert journal.stdout.splitlines()[1].split() == [
        "upgrade", "move", "service", "101", "to", "Hosting", "Business", "(monthly),", "due",
        "3.10", "EUR,", "credited", "0.00", "EUR", "completed", "invoice", "INV-2026-5012",
    ]  # fmt: skip
    paid = demo("invoices", "pay", "5012", "--use-credit", "--yes")
    assert paid.exit_code == 0, paid.stderr
    demo("services", "options", "101")  # a lifecycle request applies what was paid
    shown = json.loads(demo("services", "show", "101", "-o", "json").stdout)
    assert (shown["product"], shown["recurring_amount"]["amount"]) == ("Hosting Business", "24.95")


def test_downgrade_credits_the_wallet(demo: CLI) -> None:
    result = demo("services", "upgrade", "102", "--to", "VPS S", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Service 102 is now VPS S; 100.28 EUR credited to your wallet.\n"
    assert "  credited to your wallet      100.28 EUR\n" in result.stderr
    wallet = json.loads(demo("wallet", "show", "-o", "json").stdout)
    assert wallet["wallet"]["balance"]["amount"] == "185.78"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("--to", "VPS L"),
         "error: invalid --to: 'VPS L' is not a plan service 101 (Hosting Pro, garcia-hosting.es) "
         "can move to\nhint: its plans: 1 (Hosting Start), 3 (Hosting Business)\n"),
        (("--to", "3", "--cycle", "triennially"),
         "error: invalid --cycle: Hosting Business is not offered triennially\n"
         "hint: choose from monthly, quarterly, semiannually, annually, biennially\n"),
        (("--to", "3", "--cycle", "weekly"),
         "error: invalid value for --cycle: 'weekly'\nhint: choose from monthly, quarterly, "
         "semiannually, annually, biennially, triennially, one-time, free\n"),
    ],
)  # fmt: skip
def test_upgrade_bad_input_exits_2_and_changes_nothing(
    demo: CLI, args: tuple[str, ...], error: str
) -> None:
    before = state()
    result = demo("services", "upgrade", "101", *args, "--yes")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", error)
    assert state() == before


# -- options ------------------------------------------------------------------------------------


def test_options_listed_and_changed(demo: CLI) -> None:
    listed = demo("services", "options", "101")
    assert (listed.exit_code, listed.stderr) == (0, "")
    assert listed.stdout == (
        "KEY            NAME              TYPE      VALUE  CHOICES\n"
        "php_version    PHP version       select    8.3    8.1, 8.2, 8.3\n"
        "extra_disk_gb  Extra disk space  select    0      0, 10 (+2.00 EUR), 50 (+8.00 EUR)\n"
        "ssh_access     SSH access        toggle    no\n"
        "cron_jobs      Cron jobs         quantity  5\n"
    )
    before = state()
    dry = demo("services", "options", "101", "--set", "extra_disk_gb=10", "--set",
               "ssh_access=on", "--dry-run")  # fmt: skip
    assert (dry.exit_code, dry.stdout) == (0, "")
    assert dry.stderr == (
        "  extra_disk_gb: 0 → 10\n  ssh_access: False → True\n"
        "  each renewal changes by +2.00 EUR\ndry run: nothing was sent\n"
    )
    unconfirmed = demo("services", "options", "101", "--set", "extra_disk_gb=10")
    assert unconfirmed.exit_code == 2
    assert state() == before
    free = demo("services", "options", "101", "--set", "php_version=8.2", "--columns", "key,value")
    assert free.exit_code == 0, free.stderr
    assert free.stdout.splitlines()[1] == "php_version    8.2"
    priced = demo("services", "options", "101", "--set", "extra_disk_gb=10", "--yes", "-o", "json")
    assert priced.exit_code == 0, priced.stderr
    assert priced.stderr.endswith("invoice 5012 was issued for the rest of this period\n")
    assert sandbox_db.rows("SELECT amount FROM invoice_items WHERE invoice_id = 5012") == [
        {"amount": "0.52"}
    ]
    same = demo("services", "options", "101", "--set", "extra_disk_gb=10")
    assert (same.exit_code, same.stderr) == (
        0, "nothing to change: service 101 already has these values\n"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("setting", "error"),
    [
        ("colour=blue", "error: invalid --set: 'colour' is not an option of service 101\n"
                        "hint: its options: php_version, extra_disk_gb, ssh_access, cron_jobs\n"),
        ("php_version=7.4", "error: invalid --set php_version=7.4\nhint: choose from 8.1, 8.2, 8.3\n"),
        ("cron_jobs=99", "error: invalid --set cron_jobs=99: give a whole number from 0 to 50\n"),
        ("ssh_access=maybe", "error: invalid --set ssh_access=maybe\nhint: use on or off\n"),
        ("cron_jobs", "error: invalid --set: 'cron_jobs'\nhint: use KEY=VALUE, such as cron_jobs=10\n"),
    ],
)  # fmt: skip
def test_option_bad_input_exits_2_and_changes_nothing(demo: CLI, setting: str, error: str) -> None:
    before = state()
    result = demo("services", "options", "101", "--set", setting, "--yes")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", error)
    assert state() == before


# -- add-ons ------------------------------------------------------------------------------------


def test_add_ons_listed_ordered_and_removed(demo: CLI) -> None:
    listed = demo("services", "addons", "list", "101")
    assert listed.stdout == (
        "ID   NAME           STATUS  BILLING CYCLE  RECURRING AMOUNT  NEXT DUE DATE\n"
        "151  Daily Backups  active  monthly                3.00 EUR  2026-11-30\n"
        "152  Dedicated IP   active  monthly                2.50 EUR  2026-11-30\n"
    )
    free = demo("services", "addons", "add", "101", "site builder")
    assert (free.exit_code, free.stdout) == (0, "Add-on 154 (Site Builder) is active.\n")
    assert free.stderr == (
        "Site Builder for service 101 (Hosting Pro, garcia-hosting.es), free: free: active at once\n"
    )
    unconfirmed = demo("services", "addons", "add", "102", "302")
    assert unconfirmed.exit_code == 2
    priced = demo("services", "addons", "add", "102", "Dedicated IP", "--cycle", "monthly", "--yes")
    assert priced.exit_code == 0, priced.stderr
    assert priced.stderr == (
        "Dedicated IP for service 102 (VPS M, anagarcia.com), monthly: 2.50 EUR + 5.00 EUR setup "
        "(+ tax), invoiced now\n"
    )
    assert priced.stdout == (
        "Add-on 155 (Dedicated IP) is pending.\nInvoice INV-2026-5012 (5012): 9.08 EUR due by "
        "2026-11-29.\n"
    )
    removed = demo("services", "addons", "remove", "102", "155", "--yes")
    assert (removed.exit_code, removed.stderr) == (
        0, "cancelled add-on 155 (Dedicated IP, pending) of service 102\n"
    )  # fmt: skip
    assert sandbox_db.rows("SELECT status FROM invoices WHERE id = 5012") == [
        {"status": "cancelled"}
    ]


@pytest.mark.parametrize(
    ("args", "code", "error"),
    [
        (("add", "101", "Snapshot Pack"), 2,
         "error: invalid ADDON: 'Snapshot Pack' is not an add-on of Hosting Pro\n"
         "hint: its add-ons: 301 (Daily Backups), 302 (Dedicated IP), 303 (Site Builder)\n"),
        (("add", "102", "302", "--cycle", "quarterly"), 2,
         "error: invalid --cycle: Dedicated IP is not offered quarterly\n"
         "hint: choose from monthly, annually\n"),
        (("add", "101", "301"), 1,
         "error: the provider refused: service 101 (Hosting Pro, garcia-hosting.es) already has "
         "Daily Backups (add-on 151, active)\n"),
        (("remove", "101", "999"), 5,
         "error: add-on 999 not found on service 101 (Hosting Pro, garcia-hosting.es)\n"
         "hint: its add-ons: 151 (Daily Backups, active), 152 (Dedicated IP, active)\n"),
    ],
)  # fmt: skip
def test_add_on_refusals(demo: CLI, args: tuple[str, ...], code: int, error: str) -> None:
    before = state()
    result = demo("services", "addons", *args, "--yes")
    assert (result.exit_code, result.stdout) == (code, "")
    assert result.stderr.endswith(error)
    assert state() == before


# -- panel: password, credentials, login link ---------------------------------------------------


def test_password_from_stdin_checked_before_it_is_sent(demo: CLI) -> None:
    before = state()
    weak = demo("services", "password", "101", stdin="password123\n")
    assert (weak.exit_code, weak.stdout, weak.stderr) == (
        2, "",
        "error: invalid password: mix at least three of: lower-case letters, upper-case letters, "
        "digits, symbols\n",
    )  # fmt: skip
    named = demo("services", "password", "101", stdin="Garciaho101-x\n")
    assert (
        named.stderr == "error: invalid password: it must not contain the user name (garciaho101)\n"
    )
    assert state() == before
    done = demo("services", "password", "101", stdin="Correct-Horse-42\n")
    assert (done.exit_code, done.stdout, done.stderr) == (
        0, "", "changed the control-panel password of service 101 (garciaho101)\n"
    )  # fmt: skip
    (row,) = sandbox_db.rows("SELECT panel_password_hash FROM services WHERE id = 101")
    assert row["panel_password_hash"].startswith("pbkdf2_sha256$")
    assert "Correct-Horse-42" not in str(state())
    argv = demo("services", "password", "101", "--password", "Correct-Horse-42")
    assert argv.exit_code == 2
    assert "No such option" in argv.stderr
    no_panel = demo("services", "password", str(DNS), stdin="Correct-Horse-42\n")
    assert (no_panel.exit_code, no_panel.stderr) == (
        1, "error: the provider refused: service 107 (DNS Basic) has no control panel\n"
    )  # fmt: skip


def test_password_on_a_terminal_is_asked_twice_hidden(demo: CLI, hidden_from_stdin: None) -> None:
    result = demo("services", "password", "101", stdin="Correct-Horse-42\nCorrect-Horse-42\n",
                  tty=True)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "Correct-Horse-42" not in result.stdout + result.stderr


def test_credentials(demo: CLI) -> None:
    result = demo("services", "credentials", "101")
    assert result.exit_code == 0
    assert result.stdout == (
        "service id  101\nusername    garciaho101\nserver      srv17.sandbox-hosting.net\n"
        "panel url   https://srv17.sandbox-hosting.net:2083/\npassword    -\n"
    )
    assert result.stderr == (
        "the password is not retrievable: set a new one with `clientarea services password 101`\n"
    )


def test_login_url_opens_a_browser_only_when_asked(
    demo: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    result = demo("services", "login-url", "101")
    assert result.exit_code == 0, result.stderr
    assert re.fullmatch(
        r"https://srv17\.sandbox-hosting\.net:2083/login\?token=[\w-]+\n", result.stdout
    )
    assert re.fullmatch(r"valid once, until 2026-11-2\d \d\d:\d\d UTC\n", result.stderr)
    assert opened == []
    with_open = demo("services", "login-url", "101", "--open")
    assert opened == [with_open.stdout.strip()]
    assert with_open.stdout != result.stdout  # a new link each time
    as_json = json.loads(demo("services", "login-url", "101", "-o", "json").stdout)
    assert set(as_json) == {"url", "expires_at"}


# -- mailboxes and usage ------------------------------------------------------------------------


def test_mailboxes_list_create_delete(demo: CLI) -> None:
    listed = demo("services", "mailboxes", "list", "101")
    assert listed.stdout == (
        "ADDRESS                     QUOTA MB  USED MB  CREATED AT\n"
        "ana@garcia-hosting.es           2048     1007  2025-01-01 10:00\n"
        "facturas@garcia-hosting.es      1024      414  2025-10-18 10:00\n"
        "info@garcia-hosting.es          1024      330  2025-01-01 10:00\n"
    )
    created = demo("--columns", "address,quota_mb,used_mb", "services", "mailboxes", "create",
                   "101", "Ventas", "--quota", "2048", stdin="Mail-Secret-77\n")  # fmt: skip
    assert (created.exit_code, created.stderr) == (0, "")
    assert created.stdout == "address   ventas@garcia-hosting.es\nquota mb  2048\nused mb   0\n"
    assert "Mail-Secret-77" not in str(state())
    unconfirmed = demo("services", "mailboxes", "delete", "101", "ventas")
    assert unconfirmed.exit_code == 2
    deleted = demo("services", "mailboxes", "delete", "101", "ventas", "--yes")
    assert (deleted.exit_code, deleted.stderr) == (
        0, "deleted the mailbox ventas@garcia-hosting.es\n"
    )  # fmt: skip
    assert len(sandbox_db.rows("SELECT * FROM mailboxes WHERE service_id = 101")) == 3


@pytest.mark.parametrize(
    ("args", "stdin", "code", "error"),
    [
        (("create", "101", "ventas", "--quota", "0"), "Mail-Secret-77\n", 2,
         "error: invalid --quota: 0 (a number of MB, 1 or more)\n"),
        (("create", "101", "ventas@@x"), "Mail-Secret-77\n", 2,
         "error: invalid ADDRESS: 'ventas@@x' is not an e-mail address\n"),
        (("create", "101", "ventas"), "Ventas-2026!\n", 2,
         "error: invalid password: it must not contain the user name (ventas)\n"),
        (("create", "101", "ventas@otro.es"), "Mail-Secret-77\n", 2,
         "error: the provider refused the request: invalid request parameters\n"
         "  address: must be an address at garcia-hosting.es, the domain this service hosts\n"),
        (("create", "101", "ventas", "--quota", "9000"), "Mail-Secret-77\n", 2,
         "error: the provider refused the request: invalid request parameters\n"
         "  quota_mb: Hosting Pro allows at most 5120 MB per mailbox\n"),
        (("list", str(VPS)), "", 1,
         "error: the provider refused: service 102 (VPS M, anagarcia.com) is not a hosting plan: "
         "mailboxes live on hosting plans\n"),
        (("delete", "101", "nobody", "--yes"), "", 5, "error: mailbox not found\n"),
    ],
)  # fmt: skip
def test_mailbox_refusals(
    demo: CLI, args: tuple[str, ...], stdin: str, code: int, error: str
) -> None:
    before = state()
    result = demo("services", "mailboxes", *args, stdin=stdin)
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", error)
    assert state() == before


def test_usage(demo: CLI) -> None:
    result = demo("services", "usage", "101")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "disk        3557 MB of 51200 MB (6.9 %)\n"
        "bandwidth   3718 MB of 512000 MB (0.7 %)\n"
        "period      2026-11-01 … 2026-11-30\n"
        "updated at  2026-11-22 06:00\n"
    )
    as_json = json.loads(demo("services", "usage", "102", "-o", "json").stdout)
    assert (as_json["disk_limit_mb"], as_json["bandwidth_limit_mb"]) == (81920, 4096000)
    ssl = demo("services", "usage", "106")
    assert (ssl.exit_code, ssl.stderr) == (
        1,
        "error: the provider refused: service 106 (SSL Wildcard, garcia-hosting.es) has no "
        "metered disk or bandwidth\n",
    )

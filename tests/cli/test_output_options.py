"""Global options on either side of the command, --columns everywhere, --query, --quiet, ids the
CLI prints being ids it accepts, and one error style (text, or JSON with -o json)."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_tickets import messages, tickets
from tests.conftest import CLI

# Every command that lists or shows, with an argument that exists on the demo account.
LIST_AND_SHOW = [
    ("account", "show"),
    ("affiliate", "show"),
    ("announcements", "list"),
    ("announcements", "show", "1"),
    ("catalog", "list"),
    ("catalog", "show", "1"),
    ("contacts", "list"),
    ("domains", "list"),
    ("domains", "show", "garcia-hosting.es"),
    ("domains", "nameservers", "show", "garcia-hosting.es"),
    ("domains", "child-ns", "list", "garcia-hosting.es"),
    ("domains", "contacts", "show", "garcia-hosting.es"),
    ("domains", "dns", "list", "garcia-hosting.es"),
    ("downloads", "list"),
    ("emails", "list"),
    ("emails", "show", "801"),
    ("invoices", "list"),
    ("invoices", "show", "5009"),
    ("journal", "list"),
    ("kb", "categories"),
    ("kb", "search", "dns"),
    ("kb", "show", "1"),
    ("payment-methods", "list"),
    ("profiles", "list"),
    ("services", "list"),
    ("services", "show", "101"),
    ("services", "addons", "list", "101"),
    ("services", "mailboxes", "list", "101"),
    ("tickets", "departments"),
    ("tickets", "list"),
    ("tickets", "show", "701"),
    ("wallet", "show"),
    ("wallet", "pending"),
    ("billing", "outlook"),
    ("status",),
]


@pytest.mark.parametrize("args", LIST_AND_SHOW, ids=" ".join)
def test_columns_on_every_list_and_show_command(demo: CLI, args: tuple[str, ...]) -> None:
    """An unknown column is exit 2 naming the valid ones, before or after the command; a valid
    one is the only column printed."""
    for argv in ((*args, "--columns", "bogus"), ("--columns", "bogus", *args)):
        refused = demo(*argv)
        assert (refused.exit_code, refused.stdout) == (2, ""), refused.stderr
        assert refused.stderr.startswith("error: unknown column 'bogus'\nhint: valid columns: ")
    first = refused.stderr.split("valid columns: ")[1].split(",")[0].strip()
    shown = demo(*args, "-o", "csv", "--columns", first)
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout.splitlines()[0] == first


def test_global_options_after_the_command_mean_the_same(demo: CLI) -> None:
    before = demo("-p", "demo", "-o", "json", "--columns", "number", "invoices", "list")
    after = demo("invoices", "list", "-p", "demo", "-o", "json", "--columns", "number")
    mixed = demo("-o", "json", "invoices", "list", "--columns", "number", "-p", "demo")
    assert before.exit_code == 0
    assert before == after == mixed
    missing = demo("invoices", "list", "-p", "nope")
    assert (missing.exit_code, missing.stderr.splitlines()[0]) == (
        2,
        "error: unknown profile 'nope' (profiles: demo)",
    )


def test_nested_columns_in_a_table_csv_and_json(demo: CLI) -> None:
    columns = "name,recurring.payment_method_id,recurring_amount.amount"
    table = demo("domains", "list", "--tld", "es", "-L", "3", "--columns", columns)
    assert table.stdout == (
        "NAME               RECURRING.PAYMENT METHOD ID  RECURRING AMOUNT.AMOUNT\n"
        "promo-verano.es    -                            9.95\n"
        "garcia-hosting.es  21                           9.95\n"
        "tapas-madrid.es    -                            9.95\n"
    )
    csv = demo("domains", "list", "--tld", "es", "-L", "1", "-o", "csv", "--columns", columns)
    assert csv.stdout == (
        "name,recurring.payment_method_id,recurring_amount.amount\npromo-verano.es,,9.95\n"
    )
    data = demo("domains", "show", "garcia-hosting.es", "-o", "json", "--columns", columns)
    assert json.loads(data.stdout) == {
        "name": "garcia-hosting.es",
        "recurring": {"payment_method_id": 21},
        "recurring_amount": {"amount": "9.95"},
    }


def test_printed_numbers_are_accepted(demo: CLI) -> None:
    by_number = demo("invoices", "show", "INV-2026-5009", "-o", "json")
    by_id = demo("invoices", "show", "5009", "-o", "json")
    assert by_number.exit_code == 0
    assert by_number.stdout == by_id.stdout
    ticket = demo("tickets", "show", "TKT-803420", "-o", "json")
    assert json.loads(ticket.stdout)["id"] == 701
    lower = demo("tickets", "show", "tkt-803420", "--columns", "id,number")
    assert lower.stdout == "id      701\nnumber  TKT-803420\n"
    closing = demo("tickets", "close", "TKT-694285", "--dry-run")
    assert closing.stderr == (
        "dry run: nothing was sent; ticket 702 (Transfer barcelona-bikes.eu to a new owner) "
        "would be closed\n"
    )


def test_an_unknown_number_names_it_and_changes_nothing(demo: CLI) -> None:
    before = (tickets(), messages())
    result = demo("tickets", "reply", "TKT-000000", "-m", "hello")
    assert (result.exit_code, result.stdout) == (5, "")
    assert result.stderr == (
        "error: ticket TKT-000000 not found\nhint: see `clientarea tickets list --all`\n"
    )
    assert (tickets(), messages()) == before
    invoice = demo("invoices", "pay", "5006", "INV-1999-0001", "--yes")
    assert (invoice.exit_code, invoice.stderr.splitlines()[0]) == (
        5,
        "error: invoice INV-1999-0001 not found",
    )


def test_query_filters_the_json(demo: CLI) -> None:
    overdue = demo("invoices", "list", "--query", "[?status=='overdue'].number")
    assert (overdue.exit_code, overdue.stderr) == (0, "")
    assert json.loads(overdue.stdout) == ["INV-2026-5009", "INV-2026-5008"]
    lines = demo("--query", "[?status=='overdue'].id", "-o", "jsonl", "invoices", "list")
    assert lines.stdout == "5009\n5008\n"
    one = demo("services", "show", "101", "--query", "recurring_amount.amount")
    assert one.stdout == '"12.95"\n'


def test_a_bad_query_is_refused_before_anything_is_sent(demo: CLI) -> None:
    """--query means JSON, so the error is JSON too."""
    result = demo("invoices", "list", "--query", "[?status==")
    assert (result.exit_code, result.stdout) == (2, "")
    error = json.loads(result.stderr)["error"]
    assert error["message"].startswith("invalid --query '[?status==': ")
    assert (
        error["hint"] == "--query takes a JMESPath expression, e.g. \"[?status=='unpaid'].number\""
    )
    text = demo("invoices", "list", "--query=[?", "-o", "table")
    assert text.exit_code == 2


def test_quiet_lists_ids_only_and_nothing_on_stderr(demo: CLI) -> None:
    ids = demo("invoices", "list", "--status", "unpaid", "-q")
    assert (ids.exit_code, ids.stdout, ids.stderr) == (0, "5006\n5007\n5009\n5008\n", "")
    names = demo("-q", "domains", "list", "--tld", "es", "-L", "2")
    assert (names.stdout, names.stderr) == ("promo-verano.es\ngarcia-hosting.es\n", "")
    empty = demo("tickets", "list", "--status", "on-hold", "--quiet")
    assert (empty.exit_code, empty.stdout, empty.stderr) == (0, "", "")


def test_errors_are_json_with_output_json(demo: CLI) -> None:
    missing = demo("invoices", "show", "999", "-o", "json")
    assert (missing.exit_code, missing.stdout) == (5, "")
    assert json.loads(missing.stderr) == {
        "error": {
            "code": "not_found",
            "exit": 5,
            "message": "invoice 999 not found",
            "hint": None,
        }
    }
    usage = demo("-o", "json", "invoices", "list", "--bogus")
    error = json.loads(usage.stderr)["error"]
    assert error["message"].startswith("No such option: --bogus")
    assert (error["code"], error["exit"], error["hint"]) == (
        "usage",
        2,
        "see `clientarea invoices list --help`",
    )
    assert usage.exit_code == 2


def test_click_usage_errors_use_the_one_style(demo: CLI) -> None:
    result = demo("invoices", "show")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: Missing argument 'INVOICE'.\nhint: see `clientarea invoices show --help`\n"
    )
    assert "Error:" not in demo("services", "show", "x").stderr


def test_a_large_renewal_ends_with_a_count_and_a_total(demo: CLI) -> None:
    """More than 20 invoices left to pay: one short line, not every number (issue 12 item 6)."""
    result = demo("domains", "renew", "--all", "--yes")
    assert result.exit_code == 3, result.stderr  # two pending domains cannot be renewed
    renewed = [line for line in result.stdout.splitlines() if "unpaid" in line]
    assert len(renewed) > 20
    (last,) = [line for line in result.stderr.splitlines() if "left to pay" in line]
    assert last.startswith(f"{len(renewed)} invoice(s) left to pay (")
    assert last.endswith(
        "); they stay unpaid until you pay them: `clientarea invoices list --status unpaid` "
        "(every number: --verbose or -o json)"
    )
    assert len(last) < 250


def test_verbose_lists_every_invoice_of_a_renewal(demo: CLI) -> None:
    result = demo("domains", "renew", "--all", "--yes", "--verbose")
    assert result.exit_code == 3, result.stderr
    (last,) = [line for line in result.stderr.splitlines() if "renewal(s) not done:" in line]
    assert last.endswith("(or --use-credit, --transfer)")
    assert "`clientarea invoices pay " in last
    assert len(last.split("invoices pay ")[1].split("--method")[0].split()) > 20

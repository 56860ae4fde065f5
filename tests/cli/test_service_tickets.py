"""`services cancel|upgrade --via-ticket` against the embedded sandbox: the ticket shown, confirmed
and opened (read back from the provider), and nothing sent on a dry run, without --yes, or on
bad input. The FOSSBilling end-to-end tests cover the provider that cannot cancel by API."""

from __future__ import annotations

import json
import re

from tests.cli.test_service_lifecycle import state
from tests.conftest import CLI
from tests.support import sandbox_db

CANCEL_PREVIEW = (
    "This ticket goes to Billing:\n"
    "  subject  Cancel service 101 (Hosting Pro, garcia-hosting.es)\n"
    "  service  101\n"
    "  | Please cancel service 101 (Hosting Pro, garcia-hosting.es) at the end of its paid "
    "period, on 2026-11-30.\n"
    "  |\n"
    "  | Reason: Moving the site\n"
)


def opened() -> list[dict[str, object]]:
    return sandbox_db.rows(
        "SELECT t.id, t.department, t.subject, t.service_id, t.status, m.body"
        " FROM tickets t JOIN ticket_messages m ON m.ticket_id = t.id WHERE t.id > 704"
        " ORDER BY t.id"
    )


def clock(text: str) -> str:
    return re.sub(r"2026-11-22 \d\d:\d\d", "2026-11-22 HH:MM", text)


def test_cancel_via_ticket_asks_billing_and_cancels_nothing(demo: CLI) -> None:
    before = state()
    args = ("services", "cancel", "101", "--when", "end-of-period", "--reason", "Moving the site")
    result = demo(*args, "--via-ticket", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == CANCEL_PREVIEW + "opened ticket 705 (TKT-282895) to Billing\n"
    assert clock(result.stdout) == (
        "ticket      #705 TKT-282895\n"
        "subject     Cancel service 101 (Hosting Pro, garcia-hosting.es)\n"
        "department  Billing\n"
        "status      open\n"
        "priority    medium\n"
        "service     101\n"
        "domain      garcia-hosting.es\n"
        "opened      2026-11-22 HH:MM\n"
        "last reply  2026-11-22 HH:MM\n"
        "\n"
        "--- Ana García, 2026-11-22 HH:MM\n"
        "Please cancel service 101 (Hosting Pro, garcia-hosting.es) at the end of its paid "
        "period, on 2026-11-30.\n"
        "\n"
        "Reason: Moving the site\n"
    )
    assert opened() == [
        {
            "id": 705, "department": "billing", "status": "open", "service_id": 101,
            "subject": "Cancel service 101 (Hosting Pro, garcia-hosting.es)",
            "body": "Please cancel service 101 (Hosting Pro, garcia-hosting.es) at the end of "
            "its paid period, on 2026-11-30.\n\nReason: Moving the site",
        }
    ]  # fmt: skip
    assert state() == before  # no cancellation request: staff act on the ticket


def test_cancel_via_ticket_sends_nothing_without_yes_or_on_a_dry_run(demo: CLI) -> None:
    args = ("services", "cancel", "101", "--when", "end-of-period", "--reason", "Moving the site")
    no_terminal = demo(*args, "--via-ticket")
    assert (no_terminal.exit_code, no_terminal.stdout) == (2, "")
    assert no_terminal.stderr == CANCEL_PREVIEW + (
        "error: confirmation required: run again with --yes (no terminal to ask on)\n"
    )
    refused = demo(*args, "--via-ticket", stdin="n\n", tty=True)
    assert refused.exit_code == 1
    assert refused.stderr.endswith(
        "Open this ticket to Billing? [y/N]:error: cancelled; nothing was changed\n"
    )
    dry = demo(*args, "--via-ticket", "--dry-run")
    assert (dry.exit_code, dry.stdout, dry.stderr) == (
        0, "", CANCEL_PREVIEW + "dry run: nothing was sent\n"
    )  # fmt: skip
    as_json = demo(*args, "--via-ticket", "--dry-run", "-o", "json")
    assert json.loads(as_json.stdout) == {
        "ticket_id": None, "department": "Billing",
        "subject": "Cancel service 101 (Hosting Pro, garcia-hosting.es)",
        "priority": "medium", "service_id": 101, "domain": None,
        "message": "Please cancel service 101 (Hosting Pro, garcia-hosting.es) at the end of its "
        "paid period, on 2026-11-30.\n\nReason: Moving the site",
        "attachments": [],
    }  # fmt: skip
    assert opened() == []


def test_cancel_via_ticket_checks_like_a_cancellation(demo: CLI) -> None:
    ended = demo("services", "cancel", "105", "--when", "immediate", "--via-ticket", "--yes")
    assert (ended.exit_code, ended.stdout, ended.stderr) == (
        1, "", "error: service 105 (WordPress Managed, flamenco-studio.net) is already "
        "cancelled: nothing to cancel\n",
    )  # fmt: skip
    no_period = demo("services", "cancel", "108", "--when", "end-of-period", "--via-ticket")
    assert (no_period.exit_code, no_period.stderr) == (
        2, "error: invalid --when: service 108 (Website Migration, codigo-abierto.dev) is billed "
        "one-time and has no billing period to end\nhint: use --when immediate\n",
    )  # fmt: skip
    unknown = demo("services", "cancel", "999", "--when", "immediate", "--via-ticket", "--yes")
    assert unknown.exit_code == 5
    department = demo("services", "cancel", "101", "--when", "immediate", "--department", "sales")
    assert (department.exit_code, department.stderr) == (
        2, "error: --department goes with --via-ticket\n"
    )  # fmt: skip
    bad = demo("services", "cancel", "101", "--when", "now", "--via-ticket", "--yes")
    assert (bad.exit_code, bad.stderr) == (
        2, "error: invalid value for --when: 'now'\nhint: choose immediate or end-of-period\n"
    )  # fmt: skip
    assert opened() == []


def test_upgrade_via_ticket_asks_sales_or_the_department_named(demo: CLI) -> None:
    result = demo("services", "upgrade", "101", "--to", "hosting business", "--via-ticket", "-y")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "This ticket goes to Sales:\n"
        "  subject  Move service 101 (Hosting Pro, garcia-hosting.es) to Hosting Business\n"
        "  service  101\n"
        "  | Please move service 101 (Hosting Pro, garcia-hosting.es) to Hosting Business, "
        "billed monthly.\n"
        "opened ticket 705 (TKT-282895) to Sales\n"
    )
    named = demo("services", "upgrade", "101", "--to", "3", "--cycle", "annually",
                 "--via-ticket", "--department", "2", "-y", "-o", "json")  # fmt: skip
    assert named.exit_code == 0, named.stderr
    assert json.loads(named.stdout)["department"] == "Billing"
    assert [(row["department"], row["body"]) for row in opened()] == [
        ("sales", "Please move service 101 (Hosting Pro, garcia-hosting.es) to Hosting Business, "
                  "billed monthly."),
        ("billing", "Please move service 101 (Hosting Pro, garcia-hosting.es) to Hosting "
                    "Business, billed annually."),
    ]  # fmt: skip


def test_upgrade_via_ticket_bad_input_opens_nothing(demo: CLI) -> None:
    no_plan = demo("services", "upgrade", "101", "--via-ticket", "-y")
    assert (no_plan.exit_code, no_plan.stderr) == (
        2, "error: --via-ticket needs --to: the plan to move to\n"
    )  # fmt: skip
    unknown = demo("services", "upgrade", "101", "--to", "Nope", "--via-ticket", "-y")
    assert (unknown.exit_code, unknown.stderr) == (
        2, "error: invalid --to: 'Nope' is not a plan service 101 (Hosting Pro, "
        "garcia-hosting.es) can move to\nhint: its plans: 1 (Hosting Start), 3 (Hosting Business)\n",
    )  # fmt: skip
    department = demo("services", "upgrade", "101", "--to", "3", "--via-ticket",
                      "--department", "Legal", "-y")  # fmt: skip
    assert department.exit_code == 2
    assert department.stderr.startswith(
        "error: invalid --department: 'Legal' is not a department\n"
    )
    assert opened() == []

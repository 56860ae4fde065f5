"""`clientarea tickets …` on a real FOSSBilling server: helpdesks, the list (its status filter and
pages beyond the first), the thread, opening about a service, replying, closing; bob's ticket
refused (exit 5, nothing shown or changed) and what FOSSBilling cannot do (exit 6, nothing sent).
Effects are read back through the admin API."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CLI
from tests.fossbilling.conftest import FossBilling

HOSTING = 1  # alice's hosting order (seed.json orders.hosting)
BOBS_TICKET, BOBS_HOSTING = 2, 10


def dated(text: str) -> str:
    """The server's instants depend on when it was installed: mask them."""
    return re.sub(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d)?", "DATE", text)


@pytest.fixture
def fb_changed(fb_cli_reset: CLI, fb_reset: FossBilling) -> Iterator[CLI]:
    """The CLI on a freshly reset server, reset again afterwards: tests that only read (here and
    in the other files) see the seeded state whatever order they run in."""
    yield fb_cli_reset
    fb_reset.reset()


def admin_ticket(fb: FossBilling, ticket_id: int) -> dict[str, Any]:
    row: dict[str, Any] = fb.admin("support/ticket_get", {"id": ticket_id})
    return row


def ticket_ids(fb: FossBilling) -> list[int]:
    rows = fb.admin("support/ticket_get_list", {"per_page": 1000})["list"]
    return sorted(int(r["id"]) for r in rows)


def test_departments_are_the_helpdesks(fb_cli: CLI) -> None:
    result = fb_cli("tickets", "departments")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "ID  NAME     DESCRIPTION\n1   General  -\n2   Billing  -\n"


def test_list_and_show_alices_tickets_only(fb_cli: CLI) -> None:
    listed = fb_cli("tickets", "list")
    assert (listed.exit_code, listed.stderr) == (0, "")
    assert dated(listed.stdout) == (
        "ID  NUMBER  STATUS  PRIORITY  DEPARTMENT  SUBJECT                                     "
        "        LAST REPLY AT\n"
        "3   3       open    100       General     Cannot receive e-mail on info@garcia-consul"
        "ting.es  DATE\n"
        "1   1       open    100       General     Scheduled maintenance on web01              "
        "        DATE\n"
    )
    shown = fb_cli("tickets", "show", "1")
    assert (shown.exit_code, shown.stderr) == (0, "")
    assert dated(shown.stdout) == (
        "ticket      #1 1\n"
        "subject     Scheduled maintenance on web01\n"
        "department  General\n"
        "status      open\n"
        "priority    100\n"
        "service     -\n"
        "domain      -\n"
        "opened      DATE\n"
        "last reply  DATE\n"
        "\n"
        "--- Admin (staff), DATE\n"
        "Hello Alice,\n"
        "\n"
        "web01 will be rebooted on Sunday 03:00 UTC. No action needed.\n"
    )
    as_json = json.loads(fb_cli("tickets", "show", "3", "-o", "json").stdout)
    assert as_json["messages"] == [
        {
            "id": 3, "author": "Alice García", "from_staff": False,
            "body": "Since yesterday no mail arrives. MX looks right. Can you check?",
            "created_at": as_json["created_at"], "attachments": [],
        }
    ]  # fmt: skip


def test_status_filter(fb_cli: CLI) -> None:
    opened = fb_cli("tickets", "list", "--status", "open", "-o", "json")
    assert [t["id"] for t in json.loads(opened.stdout)] == [3, 1]
    closed = fb_cli("tickets", "list", "--status", "closed", "-o", "json")
    assert (closed.exit_code, closed.stdout, closed.stderr) == (0, "[]\n", "")
    for status in ("answered", "customer-reply"):
        lacking = fb_cli("tickets", "list", "--status", status)
        assert (lacking.exit_code, lacking.stdout, lacking.stderr) == (
            6, "",
            f"error: the fossbilling provider does not support the ticket status {status}\n"
            "hint: FOSSBilling knows open, on-hold (staff answered) and closed\n",
        )  # fmt: skip


def test_bobs_ticket_is_refused_and_left_alone(fb_changed: CLI, fb_reset: FossBilling) -> None:
    before = admin_ticket(fb_reset, BOBS_TICKET)
    for args in (
        ("tickets", "show", "2"),
        ("tickets", "reply", "2", "-m", "Alice was here"),
        ("tickets", "reply", "2", "-m", "Alice was here", "--dry-run"),
        ("tickets", "close", "2"),
        ("tickets", "close", "2", "--dry-run"),
    ):
        result = fb_changed(*args)
        assert (result.exit_code, result.stdout, result.stderr) == (
            5, "", "error: ticket 2 was not found in this account\n"
        ), args  # fmt: skip
    as_json = fb_changed("tickets", "show", "2", "-o", "json")
    assert (as_json.exit_code, as_json.stdout, json.loads(as_json.stderr)) == (
        5, "", {"error": {"code": "not_found", "exit": 5, "hint": None,
                          "message": "ticket 2 was not found in this account"}},
    )  # fmt: skip
    after = admin_ticket(fb_reset, BOBS_TICKET)
    assert (after["status"], after["messages"]) == (before["status"], before["messages"])
    about_bobs = fb_changed("tickets", "open", "--department", "billing", "--service",
                              str(BOBS_HOSTING), "--subject", "Hi", "-m", "Hello")  # fmt: skip
    assert (about_bobs.exit_code, about_bobs.stdout, about_bobs.stderr) == (
        2, "", "error: invalid --service: 10 is not a service of this account\n"
    )  # fmt: skip
    assert ticket_ids(fb_reset) == [1, 2, 3]


def test_open_about_a_service_reply_and_close(fb_changed: CLI, fb_reset: FossBilling) -> None:
    opened = fb_changed("tickets", "open", "--department", "billing", "--service", str(HOSTING),
                          "--subject", "Invoice address", "-m", "Please add our VAT number.")  # fmt: skip
    assert opened.exit_code == 0, opened.stderr
    assert opened.stderr == "opened ticket 4 (4) to Billing\n"
    assert dated(opened.stdout) == (
        "ticket      #4 4\n"
        "subject     Invoice address\n"
        "department  Billing\n"
        "status      open\n"
        "priority    100\n"
        "service     1\n"
        "domain      -\n"
        "opened      DATE\n"
        "last reply  DATE\n"
        "\n"
        "--- Alice García, DATE\n"
        "Please add our VAT number.\n"
    )
    row = admin_ticket(fb_reset, 4)
    assert (row["client_id"], row["support_helpdesk_id"], row["rel_type"], row["rel_id"]) == (
        1, 2, "order", 1
    )  # fmt: skip
    replied = fb_changed("tickets", "reply", "4", "-m", "It is ESB12345678.")
    assert (replied.exit_code, replied.stderr) == (0, "replied to ticket 4 (4)\n")
    assert dated(replied.stdout) == "\n--- Alice García, DATE\nIt is ESB12345678.\n"
    closed = fb_changed("tickets", "close", "4")
    assert (closed.exit_code, closed.stdout, closed.stderr) == (
        0, "", "closed ticket 4 (4): Invoice address\n"
    )  # fmt: skip
    row = admin_ticket(fb_reset, 4)
    assert row["status"] == "closed"
    assert [m["content"] for m in row["messages"]] == [
        "Please add our VAT number.", "It is ESB12345678."
    ]  # fmt: skip
    # Billing reopens closed tickets on a reply; General does not (the reply is refused first).
    reopened = fb_changed("tickets", "reply", "4", "-m", "One more thing.")
    assert reopened.exit_code == 0, reopened.stderr
    assert admin_ticket(fb_reset, 4)["status"] == "open"
    assert fb_changed("tickets", "close", "3").exit_code == 0
    refused = fb_changed("tickets", "reply", "3", "-m", "Still broken.")
    assert (refused.exit_code, refused.stdout, refused.stderr) == (
        1, "", "error: ticket 3 is closed and General does not reopen closed tickets\n"
        "hint: open a new ticket: clientarea tickets open\n",
    )  # fmt: skip
    assert len(admin_ticket(fb_reset, 3)["messages"]) == 1


def test_attachments_and_priorities_exit_6_and_send_nothing(
    fb_changed: CLI, fb_reset: FossBilling, tmp_path: Path
) -> None:
    note = tmp_path / "note.txt"
    note.write_text("bounce log\n")
    text_only = (
        "error: the fossbilling provider does not support attaching files to tickets\n"
        "hint: FOSSBilling's client API takes a ticket's text only: paste the text, or a link "
        "to the file\n"
    )
    opened = fb_changed("tickets", "open", "--department", "general", "--subject", "Mail",
                          "-m", "See the log.", "--attach", str(note))  # fmt: skip
    assert (opened.exit_code, opened.stdout, opened.stderr) == (6, "", text_only)
    replied = fb_changed("tickets", "reply", "3", "-m", "See the log.", "--attach", str(note))
    assert (replied.exit_code, replied.stdout, replied.stderr) == (6, "", text_only)
    urgent = fb_changed("tickets", "open", "--department", "general", "--subject", "Down",
                          "-m", "The site is down.", "--priority", "high")  # fmt: skip
    assert (urgent.exit_code, urgent.stdout, urgent.stderr) == (
        6, "", "error: the fossbilling provider does not support choosing a ticket's priority\n"
        "hint: staff order FOSSBilling's tickets themselves\n",
    )  # fmt: skip
    assert ticket_ids(fb_reset) == [1, 2, 3]
    assert len(admin_ticket(fb_reset, 3)["messages"]) == 1


def test_pages_beyond_the_first(fb_changed: CLI, fb_reset: FossBilling) -> None:
    """FOSSBilling pages by 100 here: 103 tickets take two pages."""
    for n in range(101):
        fb_reset.admin("support/ticket_create", {
            "client_id": fb_reset.client_id, "support_helpdesk_id": 1,
            "subject": f"Notice {n}", "content": f"Notice number {n}.",
        })  # fmt: skip
    everything = fb_changed("tickets", "list", "--all", "-o", "json")
    assert (everything.exit_code, everything.stderr) == (0, "")
    ids = [t["id"] for t in json.loads(everything.stdout)]
    assert ids == [*range(104, 3, -1), 3, 1]  # newest first, bob's 2 never
    first = fb_changed("tickets", "list", "-o", "json")
    assert len(json.loads(first.stdout)) == 100
    assert first.stderr == "showing 100 of 103 tickets (use --all or --limit)\n"
    # Tickets staff open wait on the customer (on-hold): 101 of them, again over two pages.
    held = fb_changed("tickets", "list", "--limit", "101", "--status", "on-hold", "-o", "json")
    assert [t["id"] for t in json.loads(held.stdout)] == [*range(104, 3, -1)]

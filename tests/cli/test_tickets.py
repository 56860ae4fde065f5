"""`clientarea tickets …` against the embedded sandbox: whole outputs, exit codes, message
sources, attachment limits, staff-only notes, tenant isolation; the server read back."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from tests.conftest import CLI
from tests.support import sandbox_db

THREAD_701 = (
    "ticket      #701 TKT-803420\n"
    "subject     info@tapas-madrid.es is not receiving e-mail\n"
    "department  Technical Support\n"
    "status      answered\n"
    "priority    high\n"
    "service     103\n"
    "domain      tapas-madrid.es\n"
    "opened      2026-11-18 09:12\n"
    "last reply  2026-11-18 10:55\n"
    "\n"
    "--- Ana García, 2026-11-18 09:12\n"
    "Since yesterday info@tapas-madrid.es receives nothing. Can you check?\n"
    "\n"
    "--- Laura (Support) (staff), 2026-11-18 10:55\n"
    "Hello Ana, the e-mail service is suspended because its invoice is overdue. It is "
    "reactivated automatically as soon as the invoice is paid.\n"
)


def tickets() -> list[dict[str, object]]:
    return sandbox_db.rows("SELECT id, status, last_reply_at FROM tickets ORDER BY id")


def messages() -> list[dict[str, object]]:
    return sandbox_db.rows("SELECT id, ticket_id, body FROM ticket_messages ORDER BY id")


def clock(text: str) -> str:
    """Today's instants carry the real time of day: hide it."""
    return re.sub(r"2026-11-22 \d\d:\d\d", "2026-11-22 HH:MM", text)


def test_departments(demo: CLI) -> None:
    result = demo("tickets", "departments")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "ID  NAME               DESCRIPTION\n"
        "1   Technical Support  Hosting, e-mail, DNS and server problems.\n"
        "2   Billing            Invoices, payments, refunds and account credit.\n"
        "3   Sales              Questions before you order: plans, upgrades and offers.\n"
        "4   Domains            Registrations, transfers, renewals and registrant changes.\n"
    )


def test_list_and_status_filter(demo: CLI) -> None:
    result = demo("tickets", "list")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "ID   NUMBER      STATUS    PRIORITY  DEPARTMENT         SUBJECT                                       LAST REPLY AT\n"
        "702  TKT-694285  open      medium    Domains            Transfer barcelona-bikes.eu to a new owner    2026-11-21 17:03\n"
        "701  TKT-803420  answered  high      Technical Support  info@tapas-madrid.es is not receiving e-mail  2026-11-18 10:55\n"
        "703  TKT-455058  closed    low       Billing            Copy of an invoice with our tax id            2026-09-24 13:30\n"
    )
    closed = demo("tickets", "list", "--status", "closed", "-o", "tsv", "--no-headers",
                  "--columns", "id,subject")  # fmt: skip
    assert closed.stdout == "703\tCopy of an invoice with our tax id\n"
    assert demo("tickets", "list", "--status", "all", "-o", "json").stdout.count('"id"') == 3
    empty = demo("tickets", "list", "--status", "customer-reply")
    assert (empty.exit_code, empty.stdout, empty.stderr) == (0, "", "no tickets\n")
    bad = demo("tickets", "list", "--status", "pending")
    assert (bad.exit_code, bad.stdout) == (2, "")
    assert bad.stderr == (
        "error: invalid --status: 'pending'\n"
        "hint: use open, answered, customer-reply, on-hold, closed, all\n"
    )


def test_show_the_thread_without_staff_only_notes(demo: CLI) -> None:
    result = demo("tickets", "show", "701")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == THREAD_701
    assert "Suspended for the overdue" not in demo("tickets", "show", "701", "-o", "json").stdout


@pytest.mark.parametrize(
    "args",
    [
        ("show", "704"),
        ("show", "9999"),
        ("reply", "704", "-m", "hello"),
        ("close", "704"),
    ],
)
def test_unknown_or_another_clients_ticket_exits_5(demo: CLI, args: tuple[str, ...]) -> None:
    before = (tickets(), messages())
    result = demo("tickets", *args)
    expected = f"error: ticket {args[1]} not found\n"
    assert (result.exit_code, result.stdout, result.stderr) == (5, "", expected)
    assert (tickets(), messages()) == before


def test_open_with_attachments(demo: CLI, tmp_path: Path) -> None:
    log = tmp_path / "error.log"
    log.write_text("GET / 500\n")
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(8))
    result = demo(
        "tickets", "open", "--department", "support", "--service", "101", "--priority", "high",
        "--subject", "Site down", "--message", "Error 500 since 10:00.", "--attach", str(log),
        "--attach", str(shot),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert clock(result.stdout) == (
        "ticket      #705 TKT-282895\n"
        "subject     Site down\n"
        "department  Technical Support\n"
        "status      open\n"
        "priority    high\n"
        "service     101\n"
        "domain      garcia-hosting.es\n"
        "opened      2026-11-22 HH:MM\n"
        "last reply  2026-11-22 HH:MM\n"
        "\n"
        "--- Ana García, 2026-11-22 HH:MM\n"
        "Error 500 since 10:00.\n"
        "[attached: error.log, 10 bytes]\n"
        "[attached: shot.png, 16 bytes]\n"
    )
    assert result.stderr == "opened ticket 705 (TKT-282895) to Technical Support\n"
    files = sandbox_db.rows("SELECT name, content_type, content FROM ticket_attachments")
    assert [(f["name"], f["content_type"]) for f in files] == [
        ("error.log", "text/plain"), ("shot.png", "image/png")
    ]  # fmt: skip
    assert files[0]["content"] == b"GET / 500\n"


def test_open_message_from_stdin_and_file(demo: CLI, tmp_path: Path) -> None:
    piped = demo("tickets", "open", "--department", "2", "--subject", "VAT", "-o", "json",
                 stdin="Please add our VAT number.\n\n")  # fmt: skip
    assert piped.exit_code == 0, piped.stderr
    opened = json.loads(piped.stdout)
    assert (opened["department"], opened["priority"]) == ("Billing", "medium")
    assert opened["messages"][0]["body"] == "Please add our VAT number."
    text = tmp_path / "message.txt"
    text.write_text("From a file.\n")
    from_file = demo("tickets", "open", "--department", "domains", "--domain", "OLIVAR-VERDE.ORG",
                     "--subject", "Lock", "--message-file", str(text), "-o", "json")  # fmt: skip
    ticket = json.loads(from_file.stdout)
    assert (ticket["domain"], ticket["service_id"]) == ("olivar-verde.org", None)
    assert ticket["messages"][0]["body"] == "From a file."


def test_open_with_the_editor_on_a_terminal(
    demo: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys\n"
        "path = sys.argv[1]\n"
        "text = open(path).read()\n"
        "open(path, 'w').write('Written in the editor.\\n' + text)\n"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    monkeypatch.delenv("VISUAL", raising=False)
    result = demo("tickets", "open", "--department", "sales", "--subject", "Offer", "-o", "json",
                  tty=True)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["messages"][0]["body"] == "Written in the editor."


@pytest.mark.parametrize(
    ("args", "stdin", "error"),
    [
        (("--department", "nope", "--subject", "x", "-m", "y"), "",
         "error: invalid --department: 'nope' is not a department\n"
         "hint: use 1 (Technical Support), 2 (Billing), 3 (Sales), 4 (Domains)\n"),
        (("--department", "support", "--subject", " ", "-m", "y"), "",
         "error: invalid --subject: it is empty\n"),
        (("--department", "support", "--subject", "x", "--priority", "urgent", "-m", "y"), "",
         "error: invalid --priority: 'urgent'\nhint: use low, medium, high\n"),
        (("--department", "support", "--subject", "x"), "",
         "error: the message (standard input) is empty; nothing was sent\n"),
        (("--department", "support", "--subject", "x", "-m", "y", "--service", "101",
          "--domain", "garcia-hosting.es"), "",
         "error: name the service or the domain, not both (--service or --domain)\n"),
        (("--department", "support", "--subject", "x", "-m", "y", "--service", "109"), "",
         "error: the provider refused the request: invalid request parameters\n"
         "  service_id: is not a service of this account\n"),
        (("--department", "support", "--subject", "x", "-m", "y", "--domain", "keller-web.ch"), "",
         "error: the provider refused the request: invalid request parameters\n"
         "  domain: is not a domain of this account\n"),
        (("--department", "support", "--subject", "x", "-m", "y", "--attach", "/nonexistent.pdf"), "",
         "error: invalid --attach: '/nonexistent.pdf' is not a file\n"),
    ],
)  # fmt: skip
def test_open_bad_input_exits_2_and_opens_nothing(
    demo: CLI, args: tuple[str, ...], stdin: str, error: str
) -> None:
    before = (tickets(), messages())
    result = demo("tickets", "open", *args, stdin=stdin)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", error)
    assert (tickets(), messages()) == before


def test_attachment_limits_are_checked_before_sending(demo: CLI, tmp_path: Path) -> None:
    before = (tickets(), messages())
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-" + bytes(2 * 1024 * 1024))
    archive = tmp_path / "site.zip"
    archive.write_bytes(b"PK\x03\x04")
    fake = tmp_path / "fake.png"
    fake.write_text("not an image")
    many = []
    for n in range(6):
        path = tmp_path / f"note{n}.txt"
        path.write_text("x")
        many += ["--attach", str(path)]
    base = ("tickets", "open", "--department", "support", "--subject", "x", "-m", "y")
    cases = [
        (("--attach", str(big)),
         "error: invalid --attach: big.pdf is 2.0 MB; the provider takes at most 2.0 MB per file\n"),
        (("--attach", str(archive)),
         "error: invalid --attach: site.zip is application/zip, which the provider does not take\n"
         "hint: accepted: application/pdf, image/gif, image/jpeg, image/png, text/plain\n"),
        (("--attach", str(fake)), "error: invalid --attach: fake.png does not look like image/png\n"),
        (tuple(many), "error: invalid --attach: 6 files, the provider takes at most 5 per message\n"),
    ]  # fmt: skip
    for extra, error in cases:
        result = demo(*base, *extra)
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", error)
    assert (tickets(), messages()) == before


def test_open_dry_run_sends_nothing(demo: CLI, tmp_path: Path) -> None:
    before = (tickets(), messages())
    note = tmp_path / "note.txt"
    note.write_text("hello\n")
    result = demo("tickets", "open", "--department", "billing", "--subject", "Refund",
                  "-m", "Please refund invoice 5001.", "--attach", str(note), "--dry-run")  # fmt: skip
    assert result.exit_code == 0
    assert result.stdout == (
        "department  Billing\n"
        "subject     Refund\n"
        "priority    medium\n"
        "attachment  note.txt (6 bytes, text/plain)\n"
        "\n"
        "Please refund invoice 5001.\n"
    )
    assert result.stderr == "dry run: nothing was sent; this ticket would be opened\n"
    assert (tickets(), messages()) == before


def test_reply_reopens_and_close(demo: CLI) -> None:
    reply = demo("tickets", "reply", "703", stdin="One more copy, please.\n")
    assert reply.exit_code == 0, reply.stderr
    assert clock(reply.stdout) == "\n--- Ana García, 2026-11-22 HH:MM\nOne more copy, please.\n"
    assert reply.stderr == "replied to ticket 703 (TKT-455058)\n"
    status = {t["id"]: t["status"] for t in tickets()}
    assert status[703] == "customer_reply"
    closed = demo("tickets", "close", "703")
    assert (closed.exit_code, closed.stdout) == (0, "")
    assert closed.stderr == "closed ticket 703 (TKT-455058): Copy of an invoice with our tax id\n"
    again = demo("tickets", "close", "703", "-o", "json")
    assert json.loads(again.stdout)["status"] == "closed"


def test_reply_dry_run_and_empty_message(demo: CLI) -> None:
    before = (tickets(), messages())
    dry = demo("tickets", "reply", "703", "-m", "Thanks!", "--dry-run")
    assert dry.stdout == (
        "ticket id  703\nsubject    Copy of an invoice with our tax id\n\nThanks!\n"
    )
    assert dry.stderr == "dry run: nothing was sent; this reply would be added (reopened)\n"
    empty = demo("tickets", "reply", "701", "-m", "  ")
    assert (empty.exit_code, empty.stderr) == (
        2,
        "error: the message (--message) is empty; nothing was sent\n",
    )
    both = demo("tickets", "reply", "701", "-m", "a", "--message-file", "-")
    assert both.exit_code == 2
    close_dry = demo("tickets", "close", "702", "--dry-run")
    assert close_dry.stderr == (
        "dry run: nothing was sent; ticket 702 (Transfer barcelona-bikes.eu to a new owner) "
        "would be closed\n"
    )
    assert (tickets(), messages()) == before

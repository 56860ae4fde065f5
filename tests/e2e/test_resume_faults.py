"""The fault matrix for bulk runs (issue 10 items 3 and 12, issue 11 item 4): a request body cut
short by a kill, and Ctrl-C (SIGINT to a real subprocess), then the hint's command run as
printed. Renewal invoices are counted on the server: exactly one per domain.
"""

from __future__ import annotations

import shlex
import socket
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

from clientarea_cli.sandbox import SandboxApp
from tests.e2e.conftest import Proc, Served, Subprocess
from tests.e2e.test_bulk_resume import _answered
from tests.e2e.test_money_faults import interrupt_when
from tests.support import sandbox_db

DEMO_KEY = "sk_sandbox_demo_0000000000000000"
NAMES = ["anagarcia.com", "flamenco-studio.net"]


def _app(served: Served) -> SandboxApp:
    assert isinstance(served.app, SandboxApp)
    return served.app


def _hint_command(stderr: str) -> str:
    last = stderr.splitlines()[-1]
    assert last.startswith("hint: finish it with `clientarea "), stderr
    return last.split("`")[1]


def _run_as_printed(proc: Subprocess, command: str) -> Proc:
    words = shlex.split(command)
    assert words[0] == "clientarea"
    return proc(*words[1:])


def _renewals(db: Path, after: int) -> dict[int, int]:
    rows = sandbox_db.rows(
        "SELECT ii.related_id AS domain_id, count(*) AS n FROM invoice_items ii"
        " WHERE ii.invoice_id > ? AND ii.type = 'domain_renewal' GROUP BY ii.related_id",
        after,
        path=db,
    )
    return {r["domain_id"]: r["n"] for r in rows}


def _send_cut_short(url: str, path: str, key: str, body: bytes) -> None:
    """What a client killed mid-body leaves: headers announcing the whole body, half of it."""
    parts = urlsplit(url)
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {parts.netloc}\r\nAuthorization: Bearer {DEMO_KEY}\r\n"
        f"Idempotency-Key: {key}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(head + body[: len(body) // 2])
        sock.shutdown(socket.SHUT_WR)
        sock.recv(65536)  # the server closes without answering


def test_a_renewal_cut_short_by_a_kill_is_not_kept_and_the_run_resumes(
    proc: Subprocess, served: Served, isolated: Path
) -> None:
    proc("auth", "login", "--url", served.url, "--with-token", stdin=DEMO_KEY)
    app = _app(served)
    ids = [sandbox_db.domains(served.db)[n]["id"] for n in NAMES]
    top = sandbox_db.rows("SELECT max(id) AS top FROM invoices", path=served.db)[0]["top"]
    # The first renewal never reaches the provider whole: the run stops with its key journalled.
    app.faults.add("drop", method="POST", path_prefix=f"/v1/domains/{NAMES[0]}/renewal", times=3)
    first = proc("domains", "renew", *NAMES, "--per-item", "--concurrency", "1", "--yes")
    assert first.exit_code == 1, first.stderr
    journal = sqlite3.connect(isolated / ".local/state/clientarea/journal.db")
    [(key,)] = journal.execute(
        "SELECT key FROM items WHERE domain = ? AND state = 'sending'", (NAMES[0],)
    ).fetchall()
    journal.close()
    # The killed client's request: the same key, its body cut in half.
    _send_cut_short(
        served.url, f"/v1/domains/{NAMES[0]}/renewal", key, b'{"years": 1, "use_credit": false}'
    )
    kept = sandbox_db.rows("SELECT * FROM idempotency WHERE key = ?", key, path=served.db)
    assert kept == []
    resumed = _run_as_printed(proc, _hint_command(first.stderr))
    assert resumed.exit_code == 3, resumed.stderr  # issued, unpaid: not done yet
    assert _renewals(served.db, top) == dict.fromkeys(ids, 1)


def test_ctrl_c_in_a_bulk_run_prints_a_resume_command_that_finishes_it(
    proc: Subprocess, served_slow: Served
) -> None:
    served = served_slow
    proc("auth", "login", "--url", served.url, "--with-token", stdin=DEMO_KEY)
    app = _app(served)
    active = {
        n: d for n, d in sandbox_db.domains(served.db).items()
        if d["status"] == "active" and d["client_id"] == 1
    }  # fmt: skip
    top = sandbox_db.rows("SELECT max(id) AS top FROM invoices", path=served.db)[0]["top"]
    args = ["domains", "renew", "--status", "active", "--per-item", "--concurrency", "1", "--yes"]
    code, stderr = interrupt_when(proc, lambda: _answered(app, "POST", "/renewal") >= 2, *args)
    assert code == 130, stderr
    assert stderr.splitlines()[-2] == (
        "error: interrupted; the items not finished are kept in the journal"
    )
    command = _hint_command(stderr)
    assert command == "clientarea -p default domains renew --resume"
    resumed = _run_as_printed(proc, command)
    assert resumed.exit_code == 3, resumed.stderr  # issued, unpaid: not done yet
    # A domain whose renewal the seed already invoiced (unpaid) gets that invoice, not another.
    already = {r["related_id"] for r in sandbox_db.rows(
        "SELECT ii.related_id FROM invoice_items ii JOIN invoices i ON i.id = ii.invoice_id"
        " WHERE i.id <= ? AND i.status = 'unpaid' AND ii.type = 'domain_renewal'",
        top, path=served.db)}  # fmt: skip
    expected = {d["id"]: 1 for d in active.values() if d["id"] not in already}
    assert _renewals(served.db, top) == expected

"""A bulk run killed with SIGKILL mid-way, then `--resume`: every domain changed exactly once.

Real sockets, a real subprocess and a real SIGKILL; "exactly once" is checked on the server
(its invoices and its request log), not in the client's journal.

A request in flight at the kill is still handled by the server after the process is gone (as a
real provider would). `--resume` re-checks such items against the provider; had it started before
the server applied the request, it would see the old state and send it again (a second PATCH
setting the same value: harmless, but not "once"). That was a race in these tests, not in the
CLI: they wait until the server has handled every request of the killed run before resuming.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from clientarea_cli.sandbox import SandboxApp
from tests.e2e.conftest import Served, Subprocess
from tests.support import sandbox_db

DEMO_KEY = "sk_sandbox_demo_0000000000000000"


def _answered(app: object, method: str, suffix: str) -> int:
    """How many `method` requests to paths ending in `suffix` the server has answered."""
    assert isinstance(app, SandboxApp)
    recent = app.request_log.snapshot()["recent"]
    assert isinstance(recent, list)
    return sum(1 for m, path, status in recent if m == method and path.endswith(suffix) and status)


def _start_and_kill(
    proc: Subprocess, served: Served, args: list[str], done: Callable[[], bool]
) -> None:
    """Start the CLI, wait until `done()`, SIGKILL it (no chance to clean up), then wait until
    the server has handled every request the run had sent."""
    child = subprocess.Popen(
        [sys.executable, "-m", "clientarea_cli", *args],
        env=proc.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    try:
        while not done():
            assert child.poll() is None, "the run finished before it could be killed"
            assert time.monotonic() < deadline, "the run made no progress"
            time.sleep(0.02)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert served.wait_idle(), "the server is still handling the killed run's requests"


def _active(db: Path) -> dict[str, dict[str, object]]:
    return {
        n: d
        for n, d in sandbox_db.domains(db).items()
        if d["status"] == "active" and d["client_id"] == 1
    }


def test_renewals_killed_and_resumed_issue_one_invoice_per_domain(
    proc: Subprocess, served_slow: Served, isolated: Path
) -> None:
    served = served_slow
    proc("auth", "login", "--url", served.url, "--with-token", stdin=DEMO_KEY)
    active = _active(served.db)
    before = sandbox_db.rows("SELECT max(id) AS top FROM invoices", path=served.db)[0]["top"]
    args = ["domains", "renew", "--status", "active", "--per-item", "--concurrency", "1", "--yes"]
    _start_and_kill(proc, served, args, lambda: _answered(served.app, "POST", "/renewal") >= 5)

    listed = proc("journal", "list", "-o", "json")
    assert listed.exit_code == 0
    assert '"status": "interrupted"' in listed.stdout

    resumed = proc("domains", "renew", "--resume")
    assert resumed.exit_code == 3, resumed.stderr  # issued, unpaid: not done yet
    assert "resuming run" in resumed.stderr

    issued = sandbox_db.rows(
        "SELECT ii.related_id AS domain_id, count(*) AS n FROM invoice_items ii"
        " JOIN invoices i ON i.id = ii.invoice_id"
        " WHERE i.id > ? AND ii.type = 'domain_renewal' GROUP BY ii.related_id",
        before,
        path=served.db,
    )
    per_domain = {r["domain_id"]: r["n"] for r in issued}
    # A domain whose renewal the seed already invoiced (unpaid) gets that invoice, not another.
    already = {r["related_id"] for r in sandbox_db.rows(
        "SELECT ii.related_id FROM invoice_items ii JOIN invoices i ON i.id = ii.invoice_id"
        " WHERE i.id <= ? AND i.status = 'unpaid' AND ii.type = 'domain_renewal'",
        before, path=served.db)}  # fmt: skip
    assert already
    assert per_domain == {d["id"]: 1 for d in active.values() if d["id"] not in already}
    again = proc("domains", "renew", "--resume")
    assert again.exit_code == 2
    assert again.stderr.startswith("error: nothing to resume")


def test_settings_killed_and_resumed_are_sent_once_per_domain(
    proc: Subprocess, served_slow: Served, isolated: Path
) -> None:
    served = served_slow
    proc("auth", "login", "--url", served.url, "--with-token", stdin=DEMO_KEY)
    active = _active(served.db)
    locked = {n for n, d in active.items() if d["registrar_lock"]}
    args = [
        "domains",
        "lock",
        "off",
        "--status",
        "active",
        "--per-item",
        "--concurrency",
        "2",
        "--yes",
    ]
    app = served.app
    assert isinstance(app, SandboxApp)
    # The first PATCH takes 3 s more: it is certainly in flight when the run is killed (after
    # three others are answered), and the server applies it after the kill.
    app.faults.add("slow", method="PATCH", path_prefix="/v1/domains/", delay=3.0)
    at_kill: list[int] = []

    def three_answered() -> bool:
        answered = _answered(app, "PATCH", "")
        at_kill[:] = [answered]
        return answered >= 3

    _start_and_kill(proc, served, args, three_answered)
    assert _answered(app, "PATCH", "") > at_kill[0]  # the one in flight, applied after the kill

    resumed = proc("domains", "lock", "--resume")
    assert resumed.exit_code == 0, resumed.stderr

    assert served.wait_idle()  # every request counted, even one still being handled
    after = _active(served.db)
    assert all(not d["registrar_lock"] for d in after.values())
    sent = {name: app.request_log.count("PATCH", f"/v1/domains/{name}") for name in active}
    assert sent == {name: (1 if name in locked else 0) for name in active}

"""The fault matrix for money requests, on a served sandbox and the CLI as a real subprocess
(issue 10, items 1, 2 and 5): a garbled answer and a Ctrl-C while the provider is charging are
"outcome unknown" (exit 9, journalled, settled by `journal reconcile`), and the charges are
counted in the provider's database: exactly one per top-up, whatever the client saw.
"""

from __future__ import annotations

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
TOP_UP = ("wallet", "add", "50", "--card", "4242", "--accept-terms", "--yes")
RECONCILE = (
    "hint: do not run it again yet: `clientarea journal reconcile` asks the provider "
    "whether it happened"
)


def _app(served: Served) -> SandboxApp:
    assert isinstance(served.app, SandboxApp)
    return served.app


def charges(db: Path) -> int:
    rows = sandbox_db.rows(
        "SELECT count(*) AS n FROM top_ups WHERE client_id = 1 AND method = 'card'", path=db
    )
    return int(rows[0]["n"])


def interrupt_when(proc: Subprocess, ready: Callable[[], bool], *args: str) -> tuple[int, str]:
    """Run the CLI, send it SIGINT (Ctrl-C) once `ready()`, and return (exit code, stderr)."""
    child = subprocess.Popen(
        [sys.executable, "-m", "clientarea_cli", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=proc.env,
    )
    deadline = time.monotonic() + 30
    while not ready() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert ready(), "the CLI never got there"
    child.send_signal(signal.SIGINT)
    _, stderr = child.communicate(timeout=30)
    return child.returncode, stderr


def interrupt_when_taken(proc: Subprocess, app: SandboxApp, *args: str) -> tuple[int, str]:
    """SIGINT once the sandbox has taken the request its only fault rule matches (the provider
    is then busy with it)."""
    return interrupt_when(proc, lambda: not app.faults.rules(), *args)


def test_a_garbled_answer_to_a_top_up_charges_once_and_reconcile_says_so(
    proc: Subprocess, served: Served
) -> None:
    proc("auth", "login", "--url", served.url, "--with-token", stdin=DEMO_KEY)
    app = _app(served)
    before = charges(served.db)
    app.faults.add("malformed", method="POST", path_prefix="/v1/wallet/top-ups")
    result = proc(*TOP_UP)
    assert result.exit_code == 9, result.stderr
    assert "is not valid JSON; it may or may not have taken effect" in result.stderr
    assert result.stderr.splitlines()[-1] == RECONCILE
    assert charges(served.db) == before + 1
    settled = proc("journal", "reconcile", "-o", "json")
    assert settled.exit_code == 0, settled.stderr
    assert '"status": "completed"' in settled.stdout
    assert charges(served.db) == before + 1
    assert app.request_log.count("POST", "/v1/wallet/top-ups") == 1


def test_ctrl_c_while_the_provider_charges_is_exit_9_and_reconcile_settles_it(
    proc: Subprocess, served: Served
) -> None:
    proc("auth", "login", "--url", served.url, "--with-token", stdin=DEMO_KEY)
    app = _app(served)
    before = charges(served.db)
    app.faults.add("slow", method="POST", path_prefix="/v1/wallet/top-ups", delay=1.5)
    code, stderr = interrupt_when_taken(proc, app, *TOP_UP)
    assert code == 9, stderr
    lines = stderr.splitlines()
    assert lines[1] == (
        "error: top up 50.00 EUR by Visa ···4242: interrupted (Ctrl-C) while the request was on "
        "its way or being answered; it may or may not have taken effect"
    )
    assert lines[-1] == RECONCILE
    listed = proc("journal", "payments", "-o", "json")
    assert '"status": "unknown"' in listed.stdout
    deadline = time.monotonic() + 10  # the provider finishes the charge it had started
    while charges(served.db) == before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert charges(served.db) == before + 1
    settled = proc("journal", "reconcile", "-o", "json")
    assert settled.exit_code == 0, settled.stderr
    assert '"status": "completed"' in settled.stdout
    assert charges(served.db) == before + 1


def test_ctrl_c_during_a_read_is_exit_130_and_says_so(proc: Subprocess, served: Served) -> None:
    proc("auth", "login", "--url", served.url, "--with-token", stdin=DEMO_KEY)
    app = _app(served)
    app.faults.add("slow", method="GET", path_prefix="/v1/invoices", delay=1.5)
    code, stderr = interrupt_when_taken(proc, app, "invoices", "list")
    assert (code, stderr) == (130, "error: interrupted (Ctrl-C)\n")

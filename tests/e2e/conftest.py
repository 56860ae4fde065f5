"""A served sandbox on 127.0.0.1 (real sockets) and the CLI as a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Served:
    url: str
    app: object
    db: Path
    wait_idle: Callable[..., bool]
    """Until every request the server has been sent is handled (`RunningServer.wait_idle`)."""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    from clientarea_cli.sandbox import SandboxApp, reset_database
    from clientarea_cli.sandbox.server import serve

    db = tmp_path / "served.db"
    reset_database(db, TODAY)
    app = SandboxApp(str(db))
    server = serve(app)
    try:
        yield Served(server.url, app, db, server.wait_idle)
    finally:
        server.shutdown()


@dataclass
class Proc:
    exit_code: int
    stdout: str
    stderr: str


class Subprocess:
    """Runs `python -m clientarea_cli` with an isolated HOME and a file-backed test keyring."""

    def __init__(self, home: Path) -> None:
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local/share"),
            "XDG_STATE_HOME": str(home / ".local/state"),
            "PYTHONPATH": str(ROOT),
            "NO_COLOR": "1",
            "COLUMNS": "80",
            "PYTHON_KEYRING_BACKEND": "tests.support.keyrings.FileKeyring",
            "CLIENTAREA_TEST_KEYRING": str(home / "test-keyring.json"),
        }

    def __call__(self, *args: str, stdin: str = "", env: dict[str, str] | None = None) -> Proc:
        done = subprocess.run(
            [sys.executable, "-m", "clientarea_cli", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env={**self.env, **(env or {})},
            timeout=60,
            check=False,
        )
        return Proc(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def proc(isolated: Path) -> Subprocess:
    return Subprocess(isolated)


@pytest.fixture
def served_slow(tmp_path: Path) -> Iterator[Served]:
    """A served sandbox that takes 40 ms per request, so a run can be killed half-way."""
    from clientarea_cli.sandbox import SandboxApp, reset_database
    from clientarea_cli.sandbox.server import serve

    db = tmp_path / "served.db"
    reset_database(db, TODAY)
    app = SandboxApp(str(db), delay_ms=40)
    server = serve(app)
    try:
        yield Served(server.url, app, db, server.wait_idle)
    finally:
        server.shutdown()

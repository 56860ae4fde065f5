"""Helpers for the payment CLI tests: the whole sandbox database, the journal, and the embedded
sandbox app each command talks to (to inject faults and read its request log)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest

from tests.support import sandbox_db

SandboxHook = Callable[[Callable[[Any], None]], list[Any]]

NUMBER = "5105105105105100"  # a Luhn-valid Mastercard test number
CVC = "318"
CARD_STDIN = f"5105 1051 0510 5100\n05/29\n{CVC}\n"
ADDED = "Added Mastercard ···5100, expires 2029-05 (id 25), not validated yet.\n"


def execute(sql: str, *args: object) -> None:
    from clientarea_cli.config.paths import sandbox_database

    conn = sqlite3.connect(sandbox_database())
    with conn:
        conn.execute(sql, args)
    conn.close()


def snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every table of the sandbox (idempotency store included): "nothing changed" means nothing."""
    tables = [
        r["name"]
        for r in sandbox_db.rows("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not r["name"].startswith("sqlite_")
    ]
    return {t: sandbox_db.rows(f"SELECT * FROM {t} ORDER BY rowid") for t in sorted(tables)}


def journal() -> list[dict[str, Any]]:
    """The money journal's operations, oldest first (empty when no money request was made)."""
    from clientarea_cli.config.paths import journal_file

    path = journal_file()
    if not path.exists():
        return []
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if "money_operations" not in tables:
            return []
        rows = conn.execute("SELECT * FROM money_operations ORDER BY created_at, rowid")
        return [dict(r) for r in rows]
    finally:
        conn.close()


@pytest.fixture
def sandbox_apps(monkeypatch: pytest.MonkeyPatch) -> SandboxHook:
    """`sandbox_apps(setup)`: every embedded sandbox app built from now on is passed to `setup`
    (to add fault rules) and collected in the returned list (to read its request log)."""
    from clientarea_cli.sandbox import embedded

    original = embedded.EmbeddedTransport.__init__

    def hook(setup: Callable[[Any], None]) -> list[Any]:
        apps: list[Any] = []

        def init(self: Any, db_path: Any) -> None:
            original(self, db_path)
            setup(self.app)
            apps.append(self.app)

        monkeypatch.setattr(embedded.EmbeddedTransport, "__init__", init)
        return apps

    return hook

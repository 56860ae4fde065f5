"""Looking at the sandbox's database directly: what changed on the server, and what did not."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def _path(path: Path | None) -> Path:
    if path is not None:
        return path
    from clientarea_cli.config.paths import sandbox_database

    return sandbox_database()


def rows(sql: str, *args: Any, path: Path | None = None) -> list[dict[str, Any]]:
    conn = sqlite3.connect(_path(path))
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, args).fetchall()]
    finally:
        conn.close()


def domains(path: Path | None = None) -> dict[str, dict[str, Any]]:
    """Every domain row by name."""
    return {r["name"]: r for r in rows("SELECT * FROM domains", path=path)}


def snapshot(path: Path | None = None) -> dict[str, list[dict[str, Any]]]:
    """The tables a domain command can change, for "nothing changed" assertions."""
    return {
        table: rows(f"SELECT * FROM {table} ORDER BY rowid", path=path)
        for table in ("domains", "invoices", "invoice_items", "wallet_movements", "dns_records",
                      "child_nameservers")
    }  # fmt: skip

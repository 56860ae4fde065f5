"""The SQLite store: creation, schema version, reset, transactions, the simulated clock."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest

from clientarea_cli.sandbox import (
    DEMO_API_KEY,
    SandboxApp,
    SandboxDatabaseError,
    SchemaVersionError,
    advance_clock,
    business_date,
    open_database,
    reset_database,
)
from clientarea_cli.sandbox.schema import SCHEMA_VERSION

from .helpers import TODAY, make_client


def test_open_creates_and_seeds_a_new_database(tmp_path: Path) -> None:
    db = open_database(tmp_path / "sub" / "new.db", today=TODAY)
    assert business_date(db) == TODAY
    assert db.meta("schema_version") == str(SCHEMA_VERSION)
    with db.read() as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 2


def test_opening_again_keeps_the_data(db_path: Path) -> None:
    db = open_database(db_path)
    with db.write() as conn:
        conn.execute("UPDATE clients SET company = 'Changed' WHERE id = 1")
    again = open_database(db_path, today=date(2030, 1, 1))
    assert business_date(again) == TODAY
    with again.read() as conn:
        assert conn.execute("SELECT company FROM clients WHERE id = 1").fetchone()[0] == "Changed"


def test_app_creates_a_missing_database(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    with make_client(SandboxApp(path), DEMO_API_KEY) as client:
        assert client.get("/v1/account").status_code == 200
    assert path.exists()


def test_a_newer_schema_is_refused(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(SchemaVersionError, match="newer than this sandbox supports"):
        open_database(db_path)
    with pytest.raises(SchemaVersionError):
        SandboxApp(db_path)


def test_a_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.close()
    with pytest.raises(SandboxDatabaseError, match="not a sandbox database"):
        open_database(path)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(SandboxDatabaseError):
        open_database(garbage)


def test_reset_restores_the_seed(db_path: Path) -> None:
    db = open_database(db_path)
    with db.write() as conn:
        conn.execute("DELETE FROM wallet_movements")
    advance_clock(db, 10)
    reset_database(db_path, today=TODAY)
    assert business_date(db) == TODAY
    with db.read() as conn:
        assert conn.execute("SELECT count(*) FROM wallet_movements").fetchone()[0] == 7


def test_write_rolls_back_on_error(db_path: Path) -> None:
    db = open_database(db_path)

    def fail() -> None:
        with db.write() as conn:
            conn.execute("UPDATE clients SET company = 'Lost'")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        fail()
    with db.read() as conn:
        assert conn.execute("SELECT company FROM clients WHERE id = 1").fetchone()[0] != "Lost"


def test_nested_writes_are_refused(db_path: Path) -> None:
    db = open_database(db_path)
    with pytest.raises(RuntimeError, match="nested"), db.write(), db.write():
        pass


def test_concurrent_writers_do_not_lose_updates(db_path: Path) -> None:
    db = open_database(db_path)

    def bump() -> None:
        for _ in range(20):
            with db.write() as conn:
                value = conn.execute("SELECT value FROM meta WHERE key = 'seed'").fetchone()[0]
                conn.execute("UPDATE meta SET value = ? WHERE key = 'seed'", (str(int(value) + 1),))

    threads = [threading.Thread(target=bump) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert db.meta("seed") == str(2026 + 100)


def test_the_clock_only_moves_when_advanced(client: httpx.Client, app: SandboxApp) -> None:
    assert client.get("/v1/provider").json()["today"] == TODAY.isoformat()
    new_date = advance_clock(app.db, 30).today
    assert new_date == TODAY + timedelta(days=30)
    # Day 30's domain (codigo-abierto.dev) was renewed by its recurring card on the way, so look
    # at the next days: their renewals are not due yet.
    answer = client.get("/v1/domains", params={"expiring_within_days": 8})
    assert answer.headers["x-provider-date"] == new_date.isoformat()
    assert [d["name"] for d in answer.json()["data"]] == ["garcia-consulting.com", "castellers.cat"]
    # Hosting Pro's renewal was charged to its Visa on its due date; Hosting Start's never was.
    assert client.get("/v1/invoices/5007").json()["status"] == "paid"
    assert client.get("/v1/invoices/5009").json()["status"] == "overdue"
    with pytest.raises(ValueError, match="forward"):
        advance_clock(app.db, -1)

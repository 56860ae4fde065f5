"""The simulated business clock: "today" lives in the database and moves only when advanced."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from .store import Database

TODAY_KEY = "today"


def read_business_date(conn: sqlite3.Connection) -> date:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (TODAY_KEY,)).fetchone()
    if row is None:
        raise RuntimeError("the sandbox database has no business date")
    return date.fromisoformat(str(row["value"]))


def business_date(db: Database) -> date:
    with db.read() as conn:
        return read_business_date(conn)


def advance_clock(db: Database, days: int) -> date:
    """Move the business date forward by ``days`` and return the new date.

    For now this only moves the date; renewals, charges and suspensions will hook in here.
    """
    if days < 0:
        raise ValueError("the sandbox clock only moves forward")
    with db.write() as conn:
        new_date = read_business_date(conn) + timedelta(days=days)
        conn.execute("UPDATE meta SET value = ? WHERE key = ?", (new_date.isoformat(), TODAY_KEY))
    return new_date

"""The simulated business clock: "today" lives in the database and moves only when advanced.

Advancing runs the provider's daily renewal cycle (``renewals.run_day``) for every day passed,
in order, so advancing 40 days issues, charges and expires exactly as 40 single days would.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from .renewals import AdvanceSummary, run_day
from .store import Database

TODAY_KEY = "today"
MAX_ADVANCE_DAYS = 3660  # ten years in one go is plenty for a demo


def read_business_date(conn: sqlite3.Connection) -> date:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (TODAY_KEY,)).fetchone()
    if row is None:
        raise RuntimeError("the sandbox database has no business date")
    return date.fromisoformat(str(row["value"]))


def business_date(db: Database) -> date:
    with db.read() as conn:
        return read_business_date(conn)


def advance_clock(db: Database, days: int) -> AdvanceSummary:
    """Move the business date forward by ``days``, running each day's renewal cycle.

    All days run in one write transaction: the API never sees a half-advanced clock.
    """
    if days < 0:
        raise ValueError("the sandbox clock only moves forward")
    if days > MAX_ADVANCE_DAYS:
        raise ValueError(f"the sandbox clock moves at most {MAX_ADVANCE_DAYS} days at a time")
    with db.write() as conn:
        day = read_business_date(conn)
        summary = AdvanceSummary(today=day, days=days)
        for _ in range(days):
            day += timedelta(days=1)
            run_day(conn, day, summary)
        summary.today = day
        conn.execute("UPDATE meta SET value = ? WHERE key = ?", (day.isoformat(), TODAY_KEY))
    return summary

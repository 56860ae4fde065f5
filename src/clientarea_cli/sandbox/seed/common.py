"""Constants and small helpers shared by the seed modules."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date

DEMO_PASSWORD = "sandbox-demo"  # not a secret: the sandbox is a demo provider

# Fixed ids tests and the demo tour may rely on. Sequences are shared by both tenants.
ANA_ID, BRUNO_ID = 1, 2
BILLING_CONTACT_ID, TECH_CONTACT_ID, BRUNO_CONTACT_ID = 11, 12, 13
VISA_ID, MASTERCARD_ID, BANK_ID, BRUNO_CARD_ID = 21, 22, 23, 24
FIRST_DOMAIN_ID = 1001
FIRST_SERVICE_ID = 101
FIRST_ADDON_ID = 151
FIRST_TICKET_ID = 701


def key_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def password_hash(password: str, salt: bytes) -> str:
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 1000)
    return f"pbkdf2_sha256$1000${salt.hex()}${digest.hex()}"


def instant(day: date, hour: int = 10, minute: int = 0) -> str:
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}:00Z"


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, 28))


def insert(conn: sqlite3.Connection, table: str, row: dict[str, object]) -> int:
    """Insert one row given as column -> value; answer its id."""
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 - names are ours
    return int(conn.execute(sql, tuple(row.values())).lastrowid or 0)


def next_id(conn: sqlite3.Connection, table: str, first: int) -> int:
    """The next free id of ``table``, never below ``first``."""
    row = conn.execute(f"SELECT max(id) FROM {table}").fetchone()  # noqa: S608
    return max(first, int(row[0] or 0) + 1)

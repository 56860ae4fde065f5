"""Databases made by older sandboxes are migrated to the current schema and keep working."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from clientarea_cli.sandbox import advance_clock, open_database
from clientarea_cli.sandbox.schema import MIGRATIONS, SCHEMA_VERSION

from .test_sandbox_domain_actions import sql


def downgrade(db_path: Path, version: int) -> None:
    """Undo the migrations after ``version``, as if the database had been made back then.

    The schema of ``version`` is built in memory from ``MIGRATIONS``; every table, index and
    column the database has beyond it is dropped (whoever added it).
    """
    reference = sqlite3.connect(":memory:")
    for number in range(1, version + 1):
        for statement in MIGRATIONS[number]:
            reference.execute(statement)

    def schema(conn: sqlite3.Connection) -> dict[tuple[str, str], set[str]]:
        objects = conn.execute("SELECT type, name FROM sqlite_master WHERE type IN ('table',"
                               " 'index') AND name NOT LIKE 'sqlite_%'").fetchall()  # fmt: skip
        return {(kind, name): {row[1] for row in conn.execute(f"PRAGMA table_info({name})")}
                if kind == "table" else set() for kind, name in objects}  # fmt: skip

    wanted = schema(reference)
    conn = sqlite3.connect(db_path)
    current = schema(conn)
    for (kind, name), columns in sorted(current.items()):  # "index" sorts before "table"
        if (kind, name) not in wanted:
            conn.execute(f"DROP {kind.upper()} {name}")
        elif kind == "table":
            for column in sorted(columns - wanted[(kind, name)]):
                conn.execute(f"ALTER TABLE {name} DROP COLUMN {column}")
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


def test_a_version_1_database_is_migrated_and_advances(db_path: Path) -> None:
    """An embedded sandbox created before the renewal cycle gets its indexes and tables."""
    downgrade(db_path, 1)
    db = open_database(db_path)
    assert db.meta("schema_version") == str(SCHEMA_VERSION)
    assert advance_clock(db, 30).charges_made == 2


def test_a_version_2_database_is_migrated_with_its_proofs(db_path: Path) -> None:
    """Version 3 adds the money side; the proofs kept before it become PDF proofs."""
    downgrade(db_path, 2)
    assert sql(db_path, "SELECT count(*) FROM top_ups WHERE proof_size IS NOT NULL") == [(2,)]
    db = open_database(db_path)
    assert db.meta("schema_version") == str(SCHEMA_VERSION)
    proofs = sql(db_path, "SELECT proof_content_type, proof_uploaded_at = created_at FROM top_ups"
                          " WHERE proof_size IS NOT NULL")  # fmt: skip
    assert proofs == [("application/pdf", 1)] * 2
    summary = advance_clock(db, 30)
    assert (summary.charges_made, summary.services_charged) == (2, 1)

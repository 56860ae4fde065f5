"""The sandbox's SQLite store: opening, creating, migrating, resetting, and transactions.

Each thread keeps one connection per database file and reuses it for its transactions (opening
a connection and setting its pragmas cost more than a whole request); a connection is replaced
when the file at the path is another file (a reset by another process swaps files), so the
store is safe from any thread and picks up a reset made elsewhere. The file runs in WAL mode (readers never block the
writer) with a busy timeout, and writes are serialised inside the process by one lock so that
two request threads never race for SQLite's write lock.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from .schema import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_S = 10.0

_WRITE_LOCK = threading.Lock()
_local = threading.local()


class SandboxDatabaseError(RuntimeError):
    """The file is not a sandbox database this code can use."""


class SchemaVersionError(SandboxDatabaseError):
    """The database was written by a newer sandbox (higher schema version)."""


class Database:
    """A handle on one sandbox database file (cheap; holds no open connection)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"Database({str(self.path)!r})"

    def connect(self) -> sqlite3.Connection:
        # ``timeout`` is SQLite's busy timeout: wait for another process's lock, do not fail.
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            conn.close()
            raise
        return conn

    def _thread_connection(self) -> sqlite3.Connection:
        """This thread's connection to the file now at ``self.path`` (opened on first use)."""
        cache: dict[Path, tuple[tuple[int, int] | None, sqlite3.Connection]] | None = getattr(
            _local, "connections", None
        )
        if cache is None:
            cache = _local.connections = {}
        try:
            stat = os.stat(self.path)
            ident: tuple[int, int] | None = (stat.st_dev, stat.st_ino)
        except FileNotFoundError:
            ident = None
        cached = cache.get(self.path)
        if cached is not None and cached[0] == ident and ident is not None:
            return cached[1]
        if cached is not None:
            cached[1].close()
        conn = self.connect()
        cache[self.path] = (ident, conn)
        return conn

    def release(self) -> None:
        """Close this thread's connection to the file, if it has one (an in-process run ended).

        Connections are kept per thread for speed; a process that runs many commands
        in-process (the tests, each on its own database) would otherwise keep every one open.
        """
        cache = getattr(_local, "connections", None)
        cached = cache.pop(self.path, None) if cache else None
        if cached is not None:
            cached[1].close()

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: every query inside sees the same snapshot."""
        conn = self._thread_connection()
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, committed on success and rolled back on any exception."""
        if getattr(_local, "writing", False):
            raise RuntimeError("nested sandbox write transactions would deadlock")
        with _WRITE_LOCK:
            _local.writing = True
            try:
                conn = self._thread_connection()
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
            finally:
                _local.writing = False

    def meta(self, key: str) -> str | None:
        with self.read() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row["value"])


def open_database(
    path: str | Path, *, today: date | None = None, extra_domains: int = 0
) -> Database:
    """Open the sandbox database at ``path``, creating and seeding it when it is new.

    ``today`` is the business date given to a new database (default: the real date);
    it is ignored for an existing one, whose simulated clock lives in its ``meta`` table.
    ``extra_domains`` generated domains are added to the demo client of a new database (for
    benchmarks over large portfolios; see ``seed.extra``).
    """
    db = Database(path)
    # Created 0600 in a 0700 folder before SQLite opens it: its -wal and -shm files take its mode.
    db.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.close(os.open(db.path, os.O_CREAT | os.O_WRONLY, 0o600))
    with _WRITE_LOCK:
        try:
            conn = db.connect()
        except sqlite3.DatabaseError as exc:
            raise SandboxDatabaseError(f"{db.path} is not a sandbox database: {exc}") from exc
        try:
            if _user_version(conn, db.path) == SCHEMA_VERSION:
                return db
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("BEGIN EXCLUSIVE")
            try:
                _migrate(conn, db.path, today, extra_domains)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            conn.close()
    return db


def reset_database(path: str | Path, today: date | None = None, extra_domains: int = 0) -> None:
    """Delete the database at ``path`` and create a freshly seeded one.

    ``extra_domains`` adds that many generated domains to the demo client (benchmarks).
    """
    base = Path(path)
    with _WRITE_LOCK:
        for suffix in ("", "-wal", "-shm", "-journal"):
            base.with_name(base.name + suffix).unlink(missing_ok=True)
    open_database(base, today=today, extra_domains=extra_domains)


def _user_version(conn: sqlite3.Connection, path: Path) -> int:
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise SandboxDatabaseError(f"{path} is not a sandbox database: {exc}") from exc
    if version > SCHEMA_VERSION:
        raise SchemaVersionError(
            f"{path} has schema version {version}, newer than this sandbox supports "
            f"({SCHEMA_VERSION}); upgrade clientarea or reset the sandbox database"
        )
    return version


def _migrate(
    conn: sqlite3.Connection, path: Path, today: date | None, extra_domains: int = 0
) -> None:
    version = _user_version(conn, path)  # again, now that we hold the exclusive lock
    if version == 0:
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'")
        if tables.fetchone()[0]:
            raise SandboxDatabaseError(f"{path} holds tables but is not a sandbox database")
    for target in range(version + 1, SCHEMA_VERSION + 1):
        for statement in MIGRATIONS[target]:
            conn.execute(statement)
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", (str(target),)
        )
    if version == 0:
        from .seed import seed  # only needed when creating a database
        from .seed.extra import insert_extra_domains

        start = today or date.today()
        seed(conn, start)
        if extra_domains:
            insert_extra_domains(conn, extra_domains, start)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

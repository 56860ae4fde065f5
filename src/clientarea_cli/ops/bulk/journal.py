"""The bulk journal: a SQLite file recording each item before and after it is sent.

An item is `planned`, then `sending` (committed before the request leaves), then `done` or
`failed`; no-ops are `skipped`; `journal abandon` marks what a run leaves undone `abandoned`. After a crash, even SIGKILL, the items still `planned` or
`sending` are what `--resume` finishes: a `sending` item may or may not have reached the provider,
so it is re-checked against the provider's state, or re-sent with the same idempotency key (which
the provider answers from its store instead of acting twice).

WAL with `synchronous=NORMAL`: a commit survives the process being killed (it is in the OS page
cache), not a power cut; that is the failure this journal is for, at a fraction of fsync's cost.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from clientarea_cli.errors import NotFound, UsageError
from clientarea_cli.i18n import _
from clientarea_cli.models import JournalEntry, Outcome, RunSummary

if TYPE_CHECKING:
    from clientarea_cli.ops.bulk.rows import PlanRow

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS runs (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        profile TEXT NOT NULL,
        command TEXT NOT NULL,
        action TEXT NOT NULL,
        title TEXT NOT NULL,
        params TEXT NOT NULL,
        mode TEXT NOT NULL,
        status TEXT NOT NULL,
        pid INTEGER NOT NULL,
        finished_at TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS items (
        run_id TEXT NOT NULL REFERENCES runs(id),
        seq INTEGER NOT NULL,
        domain TEXT NOT NULL,
        domain_id INTEGER NOT NULL,
        key TEXT,
        chunk_key TEXT,
        state TEXT NOT NULL,
        result TEXT,
        error TEXT,
        invoice_id INTEGER,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
    )""",
    # An index of items by state cost a third of each bulk update (one entry moved per item);
    # the primary key finds a run's items as fast for every query here.
    "DROP INDEX IF EXISTS items_by_state",
]
UNFINISHED = ("planned", "sending")
IN_BATCH = 500
"""Items per `seq IN (…)` statement: under the 999 parameters the oldest SQLite builds allow."""


MIN_STRETCH = 8
"""Consecutive items updated by one `seq BETWEEN` rather than by name in `seq IN (…)`."""


def _stretches(seqs: list[int]) -> Iterator[tuple[int, int]]:
    """The runs of consecutive numbers in `seqs`, as (first, last): [1, 2, 3, 7] → (1, 3), (7, 7)."""
    if seqs and seqs == list(range(seqs[0], seqs[0] + len(seqs))):
        yield seqs[0], seqs[-1]  # a whole chunk of fresh items, the usual case: checked in C
        return
    first = last = None
    for seq in sorted(set(seqs)):
        if last is not None and seq == last + 1:
            last = seq
            continue
        if first is not None and last is not None:
            yield first, last
        first = last = seq
    if first is not None and last is not None:
        yield first, last


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class JournalItem(NamedTuple):
    """One item as the journal holds it (a tuple: a run makes 10,000 of them)."""

    seq: int
    domain: str
    domain_id: int
    key: str | None
    chunk_key: str | None
    state: str


@dataclass(frozen=True)
class RunRecord:
    id: str
    command: str
    action: str
    title: str
    params: dict[str, Any]
    mode: str
    profile: str


def connect_private(path: Path) -> sqlite3.Connection:
    """A SQLite connection to `path`, created 0600 in a 0700 folder before SQLite opens it.

    SQLite gives the `-wal` and `-shm` files the mode of the database file, so creating that
    first keeps all three private; files left by an older version are tightened too.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    for suffix in ("", "-wal", "-shm"):
        sibling = path.with_name(path.name + suffix)
        if sibling.exists():
            sibling.chmod(0o600)
    return conn


class Journal:
    """Thread-safe: bulk workers record their items through one connection under a lock."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._conn = connect_private(path)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA busy_timeout=5000")
        with self._lock:
            for statement in SCHEMA:
                self._conn.execute(statement)

    def close(self) -> None:
        self._conn.close()

    def _write(self, sql: str, rows: Iterable[tuple[Any, ...]]) -> None:
        self._write_all([(sql, rows)])

    def _write_all(self, statements: Iterable[tuple[str, Iterable[tuple[Any, ...]]]]) -> None:
        """One transaction: every statement with each of its rows, all committed or none."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                for sql, rows in statements:
                    self._conn.executemany(sql, rows)
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @staticmethod
    def _set_items(
        assignments: str, values: tuple[Any, ...], run_id: str, seqs: list[int]
    ) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
        """`UPDATE items SET …` for many items in a few statements: each stretch of consecutive
        items in one `seq BETWEEN` (a chunk of 1,000 is usually one stretch, updated in half the
        time of `seq IN (…)`), the scattered rest `IN_BATCH` at a time."""
        # Only this module's own column names and placeholders go into the texts.
        where = f"UPDATE items SET {assignments} WHERE run_id = ?"  # noqa: S608
        scattered: list[int] = []
        for first, last in _stretches(seqs):
            if last - first + 1 >= MIN_STRETCH:
                yield f"{where} AND seq BETWEEN ? AND ?", [(*values, run_id, first, last)]
            else:
                scattered.extend(range(first, last + 1))
        for start in range(0, len(scattered), IN_BATCH):
            batch = scattered[start : start + IN_BATCH]
            yield f"{where} AND seq IN ({', '.join('?' * len(batch))})", [(*values, run_id, *batch)]

    # -- writing ----------------------------------------------------------------------------
    def create_run(
        self,
        *,
        command: str,
        action: str,
        title: str,
        params: dict[str, Any],
        mode: str,
        profile: str,
        items: list[PlanRow],
        keyed: bool,
    ) -> tuple[str, list[JournalItem]]:
        """Record a new run and its items; answer its id and the items to send (`planned`), as
        `items(run_id, ("planned",))` would read them back."""
        run_id = uuid.uuid4().hex[:12]
        now = _now()
        self._write(
            "INSERT INTO runs (id, created_at, profile, command, action, title, params, mode,"
            " status, pid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running', ?)",
            [(run_id, now, profile, command, action, title, json.dumps(params), mode, os.getpid())],
        )
        planned: list[JournalItem] = []
        rows: list[tuple[Any, ...]] = []
        for seq, item in enumerate(items):
            if item.skip:
                rows.append((run_id, seq, item.domain, item.domain_id, None, "skipped", now))
                continue
            key = str(uuid.uuid4()) if keyed else None
            planned.append(JournalItem(seq, item.domain, item.domain_id, key, None, "planned"))
            rows.append((run_id, seq, item.domain, item.domain_id, key, "planned", now))
        self._write(
            "INSERT INTO items (run_id, seq, domain, domain_id, key, state, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        return run_id, planned

    def mark_sending(self, run_id: str, seqs: list[int], chunk_key: str | None = None) -> None:
        """Committed before the request for these items leaves (one transaction)."""
        self._write_all(
            self._set_items(
                "state = 'sending', chunk_key = ?, updated_at = ?",
                (chunk_key, _now()),
                run_id,
                seqs,
            )
        )

    def record(self, run_id: str, results: list[tuple[int, Outcome]]) -> None:
        """The outcomes of these items, in one transaction; items with the same outcome (a
        chunk of settings all `done`) share one statement."""
        alike: dict[tuple[str, str, str | None, int | None], list[int]] = {}
        for seq, o in results:
            state = "done" if o.ok else "failed"
            alike.setdefault((state, o.result, o.error, o.invoice_id), []).append(seq)
        now = _now()
        assignments = "state = ?, result = ?, error = ?, invoice_id = ?, updated_at = ?"
        self._write_all(
            statement
            for values, seqs in alike.items()
            for statement in self._set_items(assignments, (*values, now), run_id, seqs)
        )

    def retry_failed(self, run_id: str) -> None:
        """Put failed items back to `planned` so a resume tries them again."""
        self._write(
            "UPDATE items SET state = 'planned', error = NULL, updated_at = ?"
            " WHERE run_id = ? AND state = 'failed'",
            [(_now(), run_id)],
        )

    def finish(self, run_id: str, status: str) -> None:
        self._write(
            "UPDATE runs SET status = ?, finished_at = ? WHERE id = ?",
            [(status, _now(), run_id)],
        )

    def abandon(self, run_id: str) -> list[JournalEntry]:
        """Give up what a run has left (never sent, failed, outcome unknown): `--resume` will not
        pick the run again. Answers those items as they were before."""
        with self._lock:
            row = self._conn.execute(
                "SELECT status, pid FROM runs WHERE id = ?", (run_id,)
            ).fetchone()
        if row is not None and row["status"] == "running" and _alive(row["pid"]):
            raise UsageError(
                _("run {run_id} is still running (process {row}): stop it first").format(
                    run_id=run_id, row=row["pid"]
                )
            )
        left = [e for e in self.entries(run_id) if e.state in (*UNFINISHED, "failed")]
        now = _now()
        self._write(
            "UPDATE items SET state = 'abandoned', updated_at = ?"
            " WHERE run_id = ? AND state IN ('planned', 'sending', 'failed')",
            [(now, run_id)],
        )
        self._write(
            "UPDATE runs SET status = 'abandoned', finished_at = ? WHERE id = ?", [(now, run_id)]
        )
        return left

    def reopen(self, run_id: str) -> None:
        """A resumed run belongs to this process now."""
        self._write(
            "UPDATE runs SET status = 'running', pid = ?, finished_at = NULL WHERE id = ?",
            [(os.getpid(), run_id)],
        )

    # -- reading ----------------------------------------------------------------------------
    def run(self, run_id: str) -> RunRecord:
        with self._lock:
            row = self._conn.execute(
                "SELECT * FROM runs WHERE id = ? OR id LIKE ? ORDER BY created_at DESC",
                (run_id, f"{run_id}%"),
            ).fetchone()
        if row is None:
            raise NotFound(_("no bulk run {run_id!r} in the journal").format(run_id=run_id))
        return RunRecord(
            id=row["id"],
            command=row["command"],
            action=row["action"],
            title=row["title"],
            params=json.loads(row["params"]),
            mode=row["mode"],
            profile=row["profile"],
        )

    def latest_unfinished(self, command: str, profile: str) -> str | None:
        with self._lock:
            row = self._conn.execute(
                """SELECT r.id FROM runs r WHERE r.command = ? AND r.profile = ?
                     AND EXISTS (SELECT 1 FROM items i WHERE i.run_id = r.id
                                 AND i.state IN ('planned', 'sending', 'failed'))
                   ORDER BY r.created_at DESC, r.rowid DESC LIMIT 1""",
                (command, profile),
            ).fetchone()
        return None if row is None else str(row["id"])

    def items(self, run_id: str, states: tuple[str, ...] | None = None) -> list[JournalItem]:
        sql = "SELECT * FROM items WHERE run_id = ?"
        args: list[Any] = [run_id]
        if states:
            sql += f" AND state IN ({', '.join('?' for _ in states)})"
            args += list(states)
        with self._lock:
            rows = self._conn.execute(sql + " ORDER BY seq", args).fetchall()
        return [
            JournalItem(
                seq=r["seq"],
                domain=r["domain"],
                domain_id=r["domain_id"],
                key=r["key"],
                chunk_key=r["chunk_key"],
                state=r["state"],
            )
            for r in rows
        ]

    def entries(self, run_id: str) -> list[JournalEntry]:
        """Every item of a run, in order, as `journal show` prints them."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT * FROM items WHERE run_id = ? ORDER BY seq", (run_id,)
            ).fetchall()
        return [
            JournalEntry(
                domain=r["domain"],
                state=r["state"],
                result=r["result"],
                error=r["error"],
                invoice_id=r["invoice_id"],
                updated_at=r["updated_at"],
            )
            for r in rows
        ]

    def summaries(self, limit: int | None = None) -> list[RunSummary]:
        sql = """SELECT r.*, count(i.seq) AS total,
                   sum(i.state = 'done') AS done, sum(i.state = 'failed') AS failed,
                   sum(i.state = 'skipped') AS skipped,
                   sum(i.state IN ('planned', 'sending')) AS pending
                 FROM runs r LEFT JOIN items i ON i.run_id = r.id
                 GROUP BY r.id ORDER BY r.created_at DESC, r.rowid DESC"""
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._lock:
            rows = self._conn.execute(sql).fetchall()
        return [
            RunSummary(
                id=r["id"],
                command=r["command"],
                action=r["title"],
                profile=r["profile"],
                created_at=r["created_at"],
                status=_status(r["status"], r["pid"], r["pending"] or 0, r["failed"] or 0),
                total=r["total"] or 0,
                done=r["done"] or 0,
                failed=r["failed"] or 0,
                skipped=r["skipped"] or 0,
                pending=r["pending"] or 0,
            )
            for r in rows
        ]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _status(recorded: str, pid: int, pending: int, failed: int) -> str:
    """A run recorded `running` whose process is gone (killed, crashed) is `interrupted`."""
    if recorded == "abandoned":
        return "abandoned"
    if recorded == "running" and _alive(pid):
        return "running"
    if pending:
        return "interrupted"
    if failed:
        return "partial"
    return "done"

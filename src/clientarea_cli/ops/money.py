"""Money requests that are never sent twice by accident.

Every request that moves money (a top-up, an invoice payment, a renewal paid with credit…)
gets a client-generated idempotency key, written to the local journal **before** the request
leaves, with what it was for (never a card number or a CVC). The HTTP layer re-sends it only
with that same key, which the provider answers from its store instead of charging again. If no
readable answer comes even then (lost, garbled, a 5xx that is not the provider's own, or Ctrl-C
while waiting), the outcome is unknown: the operation stays `unknown` in the journal and the
error (exit 9) names `clientarea journal reconcile`, which asks the provider what happened to
each such key (`GET /v1/operations/{key}`).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from clientarea_cli.drivers.base import Driver
from clientarea_cli.errors import AnswerLost, ClientAreaError, MalformedResponse, OutcomeUnknown
from clientarea_cli.i18n import N_, _
from clientarea_cli.models import MoneyOperation

T = TypeVar("T")

SCHEMA = """CREATE TABLE IF NOT EXISTS money_operations (
    key TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    profile TEXT NOT NULL,
    kind TEXT NOT NULL,
    summary TEXT NOT NULL,
    status TEXT NOT NULL,
    result TEXT,
    updated_at TEXT NOT NULL
)"""
RECONCILE_HINT = N_(
    "do not run it again yet: `clientarea journal reconcile` asks the provider whether it happened"
)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class MoneyLog:
    """The `money_operations` table of the journal file (see ops/bulk/journal.py for the file)."""

    def __init__(self, path: Path) -> None:
        from clientarea_cli.ops.bulk.journal import connect_private

        self._lock = threading.Lock()
        self._conn = connect_private(path)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA busy_timeout=5000")
        self._conn.execute(SCHEMA)

    def close(self) -> None:
        self._conn.close()

    def begin(self, key: str, *, profile: str, kind: str, summary: str) -> None:
        now = _now()
        with self._lock:
            self._conn.execute(
                "INSERT INTO money_operations VALUES (?, ?, ?, ?, ?, 'sending', NULL, ?)",
                (key, now, profile, kind, summary, now),
            )

    def mark(self, key: str, status: str, result: str | None = None) -> None:
        with self._lock:
            self._conn.execute(
                "UPDATE money_operations SET status = ?, result = ?, updated_at = ? WHERE key = ?",
                (status, result, _now(), key),
            )

    def operations(
        self, *, profile: str | None = None, statuses: tuple[str, ...] | None = None
    ) -> list[MoneyOperation]:
        sql = "SELECT * FROM money_operations WHERE 1 = 1"
        args: list[str] = []
        if profile is not None:
            sql += " AND profile = ?"
            args.append(profile)
        if statuses:
            sql += f" AND status IN ({', '.join('?' for _ in statuses)})"
            args += list(statuses)
        with self._lock:
            rows = self._conn.execute(sql + " ORDER BY created_at DESC, rowid DESC", args)
            found = rows.fetchall()
        return [
            MoneyOperation(
                key=r["key"],
                created_at=r["created_at"],
                profile=r["profile"],
                kind=r["kind"],
                summary=r["summary"],
                status=r["status"],
                result=r["result"],
            )
            for r in found
        ]


def send(
    log: MoneyLog,
    *,
    profile: str,
    kind: str,
    summary: str,
    call: Callable[[str], T],
    describe: Callable[[T], str] = str,
) -> T:
    """Journal a money request under a fresh key, send it with that key, record the outcome."""
    key = str(uuid.uuid4())
    log.begin(key, profile=profile, kind=kind, summary=summary)
    try:
        result = call(key)
    except (OutcomeUnknown, AnswerLost) as exc:
        raise _unknown(log, key, summary, exc.message) from None
    except MalformedResponse as exc:
        # A garbled answer is no answer: the request arrived, the charge may have happened.
        reason = f"{exc.message}; it may or may not have taken effect"
        raise _unknown(log, key, summary, reason) from None
    except ClientAreaError as exc:
        log.mark(key, "failed", exc.message)
        raise
    except KeyboardInterrupt:
        raise _unknown(
            log,
            key,
            summary,
            "interrupted (Ctrl-C) while the request was on its way or being answered; "
            "it may or may not have taken effect",
        ) from None
    except BaseException:
        log.mark(key, "unknown", "stopped while waiting for the answer")
        raise
    log.mark(key, "completed", describe(result))
    return result


def _unknown(log: MoneyLog, key: str, summary: str, reason: str) -> OutcomeUnknown:
    log.mark(key, "unknown", reason)
    return OutcomeUnknown(
        _("{summary}: {reason}").format(summary=summary, reason=reason),
        hint=_(RECONCILE_HINT),
        details={"idempotency_key": key},
    )


def reconcile(driver: Driver, log: MoneyLog, profile: str) -> list[MoneyOperation]:
    """Ask the provider about every operation of this profile whose outcome is unknown."""
    settled: list[MoneyOperation] = []
    for operation in log.operations(profile=profile, statuses=("sending", "unknown")):
        answer = driver.get_operation(operation.key)
        if answer.status == "completed":
            ok = answer.http_status is not None and answer.http_status < 400
            status = "completed" if ok else "failed"
            result = _describe_response(answer.http_status, answer.response)
        elif answer.status == "in_progress":
            status, result = "unknown", "the provider is still processing it; reconcile again"
        else:
            status = "not_applied"
            result = "the provider never received it (or forgot it after 24 hours): safe to retry"
        log.mark(operation.key, status, result)
        settled.append(operation.model_copy(update={"status": status, "result": result}))
    return settled


def _describe_response(status: int | None, response: object) -> str:
    if isinstance(response, dict):
        error = response.get("error")
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            return f"{status}: {error['message']}"
        for field in ("reference", "number", "id"):
            if field in response:
                return f"{status}: {field} {response[field]}"
    return f"{status}: {json.dumps(response)[:200]}"

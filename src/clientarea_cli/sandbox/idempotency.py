"""The idempotency store behind every POST that creates something or moves money.

Rules (the contract's): a missing key is 400 ``idempotency_key_required``; the first answer is
kept 24 hours per (client, key); the same key with the same body replays it with
``Idempotent-Replayed: true``; with another body it is 422 ``idempotency_key_reused``; while the
first request still runs it is 409 ``idempotency_in_progress``. Answers that invite a retry
(409, 429, 5xx) are not kept, so the retry runs again; nor is a 400, the answer to a request
that could not be read (a body cut short or not JSON): keeping it would make every later
request with that key, the whole one included, a 422 ``idempotency_key_reused`` for 24 hours.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from .json_bodies import parse_json
from .store import Database
from .web import ApiError, Response, validation_failed

TTL = timedelta(hours=24)
MAX_KEY_LENGTH = 255
REPLAYED_HEADER = "Idempotent-Replayed"
_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def _utcnow() -> datetime:
    return datetime.now(UTC)


def fingerprint(request_body: bytes, scope: str = "") -> str:
    """A hash of the request: JSON bodies are compared by content, not by spelling."""
    try:
        canonical = json.dumps(parse_json(request_body), sort_keys=True, separators=(",", ":"))
        data = canonical.encode()
    except ApiError:  # not JSON, or beyond what a body may hold: hashed as sent
        data = request_body
    return hashlib.sha256(scope.encode() + b"\n" + data).hexdigest()


def _kept(status: int) -> bool:
    return status < 500 and status not in (400, 409, 429)


class IdempotencyStore:
    def __init__(self, db: Database, now: Callable[[], datetime] = _utcnow) -> None:
        self.db = db
        self._now = now

    def idempotent(
        self,
        client_id: int,
        key: str | None,
        request_body: bytes,
        handler: Callable[[], Response],
        *,
        scope: str = "",
    ) -> Response:
        """Run ``handler`` at most once per (client, key) and body; replay its answer after.

        ``scope`` (for example ``"POST /v1/wallet/top-ups"``) is part of the fingerprint, so a
        key reused on another endpoint counts as another body.
        """
        if not key:
            raise ApiError(
                400, "idempotency_key_required", "this request needs an Idempotency-Key header"
            )
        if len(key) > MAX_KEY_LENGTH:
            raise validation_failed({"Idempotency-Key": "must be at most 255 characters"})
        digest = fingerprint(request_body, scope)
        now = self._now()
        with self.db.write() as conn:
            row = conn.execute(
                "SELECT * FROM idempotency WHERE client_id = ? AND key = ?", (client_id, key)
            ).fetchone()
            if row is not None and row["created_at"] < (now - TTL).strftime(_FORMAT):
                conn.execute(
                    "DELETE FROM idempotency WHERE client_id = ? AND key = ?", (client_id, key)
                )
                row = None
            if row is None:
                conn.execute(
                    "INSERT INTO idempotency (client_id, key, request_hash, status, created_at)"
                    " VALUES (?, ?, ?, 'in_progress', ?)",
                    (client_id, key, digest, now.strftime(_FORMAT)),
                )
            elif row["request_hash"] != digest:
                raise ApiError(
                    422,
                    "idempotency_key_reused",
                    "this Idempotency-Key was already used with a different request",
                )
            elif row["status"] == "in_progress":
                raise ApiError(
                    409,
                    "idempotency_in_progress",
                    "a request with this Idempotency-Key is still being processed",
                )
            else:
                body = str(row["response_body"]).encode()
                return Response(int(row["http_status"]), body, {REPLAYED_HEADER: "true"})
        try:
            response = handler()
        except ApiError as exc:
            response = exc.to_response()
        except BaseException:
            self._forget(client_id, key)
            raise
        if not _kept(response.status):
            self._forget(client_id, key)
            return response
        with self.db.write() as conn:
            conn.execute(
                "UPDATE idempotency SET status = 'completed', http_status = ?, response_body = ?"
                " WHERE client_id = ? AND key = ?",
                (response.status, response.body.decode(), client_id, key),
            )
        return response

    def _forget(self, client_id: int, key: str) -> None:
        with self.db.write() as conn:
            conn.execute(
                "DELETE FROM idempotency WHERE client_id = ? AND key = ?", (client_id, key)
            )

    def lookup(self, client_id: int, key: str) -> dict[str, Any]:
        """What happened to a key: the answer of ``GET /v1/operations/{key}``."""
        cutoff = (self._now() - TTL).strftime(_FORMAT)
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT * FROM idempotency WHERE client_id = ? AND key = ? AND created_at >= ?",
                (client_id, key, cutoff),
            ).fetchone()
        if row is None:
            return {"key": key, "status": "unknown", "http_status": None, "response": None}
        completed = row["status"] == "completed"
        return {
            "key": key,
            "status": row["status"],
            "http_status": row["http_status"] if completed else None,
            "response": json.loads(row["response_body"]) if completed else None,
        }

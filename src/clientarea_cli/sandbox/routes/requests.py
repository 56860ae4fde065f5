"""Small helpers for the request bodies of the support, account, contacts and content routes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from ..router import Context
from ..web import ApiError, Response


def body_object(ctx: Context) -> dict[str, Any]:
    """The JSON body, which must be an object (400 ``bad_request`` otherwise)."""
    body = ctx.request.json_body()
    if not isinstance(body, dict):
        raise ApiError(400, "bad_request", "the request body must be a JSON object")
    return body


def keyed(ctx: Context, handler: Callable[[], Response]) -> Response:
    """Run a creating POST through the idempotency store (the key is required)."""
    key = ctx.request.header("idempotency-key")
    scope = f"POST {ctx.request.path}"
    return ctx.idempotency.idempotent(ctx.client_id, key, ctx.request.body, handler, scope=scope)


def unknown_fields(body: Mapping[str, Any], allowed: tuple[str, ...]) -> dict[str, str]:
    return {key: "is not a field of this request" for key in body if key not in allowed}


def now_instant(ctx: Context) -> str:
    """An instant on the provider's business date, at the real time of day (UTC)."""
    return f"{ctx.today.isoformat()}T{datetime.now(UTC):%H:%M:%S}Z"


def text_problem(
    value: object, limit: int, *, required: bool = True, minimum: int = 1
) -> str | None:
    """Why ``value`` is not acceptable text of at most ``limit`` characters (None if it is).

    An optional field takes null; a required one must hold something besides spaces.
    """
    if value is None and not required:
        return None
    if not isinstance(value, str):
        return "must be text" if required else "must be text or null"
    if required and len(value.strip()) < minimum:
        return "must not be empty" if minimum == 1 else f"must be at least {minimum} characters"
    if len(value) > limit:
        return f"must be at most {limit} characters"
    return None


def no_content(status: int = 204) -> Response:
    return Response(status, b"")


def record_email(
    conn: sqlite3.Connection, client_id: int, to: str, subject: str, body: str, when: str
) -> int:
    """Keep an e-mail the provider "sent" in the account's e-mail history (``GET /v1/emails``)."""
    cursor = conn.execute(
        "INSERT INTO emails (client_id, date, subject, to_address, body) VALUES (?, ?, ?, ?, ?)",
        (client_id, when, subject, to, body),
    )
    return int(cursor.lastrowid or 0)

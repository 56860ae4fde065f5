"""Helpers shared by the route modules."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from ..money import money
from ..params import Page
from ..router import Context
from ..web import ApiError, Response, json_response, not_found


def ok(payload: object, status: int = 200) -> Response:
    return json_response(payload, status)


def path_id(ctx: Context, name: str, what: str) -> int:
    """A numeric id from the path; anything else cannot name an object, so 404."""
    value = ctx.params[name]
    if not value.isdigit() or len(value) > 18:
        raise not_found(what)
    return int(value)


def row_money(row: sqlite3.Row, column: str) -> dict[str, str]:
    return money(str(row[column]), str(row["currency"]))


def flag(value: Any) -> bool:
    return bool(int(value or 0))


def json_list(text: Any) -> list[Any]:
    value = json.loads(text or "[]")
    return list(value) if isinstance(value, list) else []


def marks(values: Sequence[object]) -> str:
    """``?, ?, ?`` for an ``IN (...)`` clause."""
    return ", ".join("?" for _ in values)


def select_page(
    conn: sqlite3.Connection,
    table: str,
    where: str,
    args: Sequence[object],
    order: str,
    page: Page,
) -> tuple[list[sqlite3.Row], int]:
    """One page of ``table`` rows matching ``where``, and how many match in all.

    ``table``, ``where`` and ``order`` are fixed strings of the route modules, never user input;
    every value travels in ``args``.
    """
    total = int(conn.execute(f"SELECT count(*) FROM {table} WHERE {where}", args).fetchone()[0])  # noqa: S608
    rows = conn.execute(
        f"SELECT * FROM {table} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",  # noqa: S608
        [*args, page.per_page, page.offset],
    ).fetchall()
    return rows, total


def body_object(ctx: Context) -> dict[str, Any]:
    """The JSON body, which must be an object (400 otherwise)."""
    body = ctx.request.json_body()
    if not isinstance(body, dict):
        raise ApiError(400, "bad_request", "the request body must be a JSON object")
    return body


def keyed(
    ctx: Context,
    run: Callable[[], Response],
    *,
    fingerprint: bytes | None = None,
    scope: str = "",
) -> Response:
    """Run ``run`` under the request's ``Idempotency-Key`` (required; replayed after).

    ``fingerprint`` replaces the body as what the store hashes (see ``addCard``); ``scope`` is
    added to the method and path, which always take part.
    """
    key = ctx.request.header("idempotency-key")
    body = ctx.request.body if fingerprint is None else fingerprint
    where = f"{ctx.request.method} {ctx.request.path}" + (f" {scope}" if scope else "")
    return ctx.idempotency.idempotent(ctx.client_id, key, body, run, scope=where)

"""Cancellation requests for a service.

Sandbox rules beyond the contract's shapes:
- ``immediate`` cancels at once (the service and its add-ons are ``cancelled``, unpaid invoices
  billing only them are cancelled, nothing is refunded); ``end_of_period`` takes effect on the
  service's ``next_due_date`` and needs a paid period still running (else ``422 when``); a
  ``cancelled`` or ``expired`` service, or one with a pending request, answers 409.
"""

from __future__ import annotations

import sqlite3

from ..dates import instant_on
from ..fulfilment import cancel_service
from ..invoicing import CYCLE_MONTHS
from ..router import Context, Router
from ..web import Response, not_found, validation_failed
from .common import body_object, keyed, ok
from .requests import unknown_fields
from .service_common import (
    conflict,
    find_service,
    label,
)

MAX_REASON = 2000
NO_CANCEL = ("cancelled", "expired")


def _request_json(row: sqlite3.Row) -> dict[str, object]:
    return {
        "id": row["id"], "service_id": row["service_id"], "when": row["timing"],
        "reason": row["reason"], "status": row["status"], "effective_date": row["effective_date"],
        "created_at": row["created_at"],
    }  # fmt: skip


def _open_request(conn: sqlite3.Connection, service_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM cancellation_requests WHERE service_id = ? AND status != 'withdrawn'"
        " ORDER BY id DESC",
        (service_id,),
    ).fetchone()
    return row


def create_cancellation(ctx: Context) -> Response:
    def handler() -> Response:
        body = body_object(ctx)
        problems = unknown_fields(body, ("when", "reason"))
        when, reason = body.get("when"), body.get("reason")
        if when not in ("immediate", "end_of_period"):
            problems["when"] = "is required: immediate or end_of_period"
        if reason is not None and (not isinstance(reason, str) or len(reason) > MAX_REASON):
            problems["reason"] = f"must be text of at most {MAX_REASON} characters, or null"
        if problems:
            raise validation_failed(problems)
        with ctx.db.write() as conn:
            service = find_service(conn, ctx)
            if service["status"] in NO_CANCEL:
                raise conflict(f"{label(service)} is already {service['status']}",
                               {"status": service["status"]})  # fmt: skip
            existing = _open_request(conn, int(service["id"]))
            if existing is not None:
                raise conflict(
                    f"{label(service)} already has a cancellation request ({existing['timing']},"
                    f" effective {existing['effective_date']}); withdraw it first",
                    {"request": _request_json(existing)},
                )
            effective = ctx.today.isoformat()
            if when == "end_of_period":
                next_due = service["next_due_date"]
                if service["billing_cycle"] not in CYCLE_MONTHS or next_due is None:
                    raise validation_failed({"when": f"{label(service)} is billed "
                                             f"{service['billing_cycle']}: it has no billing period "
                                             "to end, so it can only be cancelled immediately"})  # fmt: skip
                if next_due <= effective:
                    raise validation_failed({"when": f"the paid period of {label(service)} ended "
                                             f"on {next_due}: cancel it immediately"})  # fmt: skip
                effective = next_due
            created = instant_on(ctx.today)
            cursor = conn.execute(
                "INSERT INTO cancellation_requests (client_id, service_id, timing, reason, status,"
                " effective_date, created_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)",
                (ctx.client_id, service["id"], when, reason, effective, created),
            )
            conn.execute(
                "UPDATE services SET cancel_when = ?, cancel_reason = ?, cancel_requested_at = ?"
                " WHERE id = ?",
                (when, reason, created, service["id"]),
            )
            if when == "immediate":
                cancel_service(conn, int(service["id"]), ctx.today)
                conn.execute(
                    "UPDATE cancellation_requests SET status = 'completed', completed_at = ?"
                    " WHERE id = ?",
                    (ctx.today.isoformat(), cursor.lastrowid),
                )
            row = conn.execute(
                "SELECT * FROM cancellation_requests WHERE id = ?", (cursor.lastrowid,)
            ).fetchone()
        return ok(_request_json(row), 201)

    return keyed(ctx, handler)


def get_cancellation(ctx: Context) -> Response:
    with ctx.db.write() as conn:
        service = find_service(conn, ctx)
        row = _open_request(conn, int(service["id"]))
    if row is None:
        raise not_found("cancellation request")
    return ok(_request_json(row))


def withdraw_cancellation(ctx: Context) -> Response:
    with ctx.db.write() as conn:
        service = find_service(conn, ctx)
        row = _open_request(conn, int(service["id"]))
        if row is None:
            raise not_found("cancellation request")
        if row["status"] == "completed":
            raise conflict(f"{label(service)} was cancelled on {row['effective_date']}: the "
                           "request is completed and cannot be withdrawn")  # fmt: skip
        conn.execute(
            "UPDATE cancellation_requests SET status = 'withdrawn' WHERE id = ?", (row["id"],)
        )
        conn.execute(
            "UPDATE services SET cancel_when = NULL, cancel_reason = NULL,"
            " cancel_requested_at = NULL WHERE id = ?",
            (service["id"],),
        )
    return Response(204, b"")


def register(router: Router) -> None:
    base = "/v1/services/{id}"
    router.add("POST", f"{base}/cancellation", "createServiceCancellation", create_cancellation)
    router.add("GET", f"{base}/cancellation", "getServiceCancellation", get_cancellation)
    router.add(
        "DELETE", f"{base}/cancellation", "withdrawServiceCancellation", withdraw_cancellation
    )

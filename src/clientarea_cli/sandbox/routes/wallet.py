"""Wallet top-ups: the terms, adding credit by card or bank transfer, and the proof of payment.

The rules live in ``topups.py``; confirming a transfer is the provider's side (``transfers.py``).
"""

from __future__ import annotations

import hashlib

from ..dates import instant_on
from ..params import Query
from ..router import Context, Router
from ..topups import (
    STATUSES,
    checked_proof_type,
    create_top_up,
    find_top_up,
    pending_transfer,
    terms_json,
    top_up_json,
)
from ..web import ApiError, Response
from .common import body_object, keyed, ok, select_page


def get_terms(ctx: Context) -> Response:
    return ok(terms_json())


def post_top_up(ctx: Context) -> Response:
    def run() -> Response:
        body = body_object(ctx)
        with ctx.db.write() as conn:
            top_up, refusal = create_top_up(conn, ctx.client_id, ctx.currency, ctx.today, body)
        if refusal is not None:
            raise refusal  # after the commit: the failed top-up is kept
        return ok(top_up, 201)

    return keyed(ctx, run)


def list_top_ups(ctx: Context) -> Response:
    query = Query(ctx.request.query)
    status = query.choice("status", STATUSES)
    page = query.page()
    query.check()
    where = "client_id = ?"
    args: list[object] = [ctx.client_id]
    if status:
        where += " AND status = ?"
        args.append(status)
    with ctx.db.read() as conn:
        rows, total = select_page(conn, "top_ups", where, args, "created_at DESC, id DESC", page)
    return ok(page.envelope([top_up_json(row) for row in rows], total))


def get_top_up(ctx: Context) -> Response:
    reference = ctx.params["reference"]
    with ctx.db.read() as conn:
        row = find_top_up(conn, ctx.client_id, reference)
    if row is None:
        raise ApiError(404, "not_found", f"no top-up {reference} in this account")
    return ok(top_up_json(row))


def post_proof(ctx: Context) -> Response:
    """The raw file is the body; its type is checked by its first bytes, not only the header."""
    content_type = ctx.request.header("content-type")

    def run() -> Response:
        data = ctx.request.body
        declared = checked_proof_type(content_type, data)
        with ctx.db.write() as conn:
            row = pending_transfer(conn, ctx.client_id, ctx.params["reference"])
            conn.execute(
                "UPDATE top_ups SET proof_name = ?, proof_size = ?, proof_content_type = ?,"
                " proof_sha256 = ?, proof_uploaded_at = ? WHERE id = ?",
                (f"proof-{row['reference']}", len(data), declared,
                 hashlib.sha256(data).hexdigest(), instant_on(ctx.today), row["id"]),
            )  # fmt: skip
            row = conn.execute("SELECT * FROM top_ups WHERE id = ?", (row["id"],)).fetchone()
        return ok(top_up_json(row), 201)

    # The declared type is part of the request: the same bytes sent as another type differ.
    return keyed(ctx, run, scope=(content_type or "").split(";")[0].strip().lower())


def register(router: Router) -> None:
    router.add("GET", "/v1/wallet/terms", "getWalletTerms", get_terms)
    router.add("GET", "/v1/wallet/top-ups", "listTopUps", list_top_ups)
    router.add("POST", "/v1/wallet/top-ups", "createTopUp", post_top_up)
    router.add("GET", "/v1/wallet/top-ups/{reference}", "getTopUp", get_top_up)
    router.add("POST", "/v1/wallet/top-ups/{reference}/proof", "uploadTopUpProof", post_proof)

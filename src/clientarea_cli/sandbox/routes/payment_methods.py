"""Payment methods: list, add a card or a bank account, verify, make default, remove.

New methods are stored unvalidated; ``verification.py`` runs their challenge. Of a card only
the brand, last four digits, holder and expiry are kept (``method_checks``); of a bank account the
last four characters of the IBAN, the BIC, the holder and when the mandate was accepted.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from ..dates import instant_on
from ..method_checks import bank_account_problems, card_fingerprint_body, card_problems
from ..params import Query
from ..payments import payment_method_json
from ..router import Context, Router
from ..verification import verify
from ..web import ApiError, Response, not_found, validation_failed
from .common import body_object, keyed, ok, path_id


def list_payment_methods(ctx: Context) -> Response:
    query = Query(ctx.request.query)
    page = query.page()
    query.check()
    with ctx.db.read() as conn:
        rows = conn.execute(
            "SELECT * FROM payment_methods WHERE client_id = ? AND deleted = 0 ORDER BY id",
            (ctx.client_id,),
        ).fetchall()
    return ok(page.slice([payment_method_json(row) for row in rows]))


def _insert(
    conn: sqlite3.Connection, client_id: int, today: date, make_default: bool, fields: dict[str, object]
) -> dict[str, object]:  # fmt: skip
    """Store a new, unvalidated method; the account's first method becomes its default."""
    others = conn.execute(
        "SELECT count(*) FROM payment_methods WHERE client_id = ? AND deleted = 0", (client_id,)
    ).fetchone()[0]
    default = make_default or others == 0
    if default:
        conn.execute("UPDATE payment_methods SET is_default = 0 WHERE client_id = ?", (client_id,))
    row = {"client_id": client_id, **fields, "validated": 0, "is_default": int(default),
           "created_at": instant_on(today)}  # fmt: skip
    columns = ", ".join(row)  # names are ours, never the request's
    cursor = conn.execute(
        f"INSERT INTO payment_methods ({columns}) VALUES ({', '.join('?' for _ in row)})",  # noqa: S608
        tuple(row.values()),
    )
    stored = conn.execute("SELECT * FROM payment_methods WHERE id = ?", (cursor.lastrowid,))
    return payment_method_json(stored.fetchone())


def post_card(ctx: Context) -> Response:
    def run() -> Response:
        card, problems = card_problems(body_object(ctx), ctx.today)
        if card is None:
            raise validation_failed(problems)
        fields: dict[str, object] = {"type": "card", "brand": card.brand, "last4": card.last4,
                                     "holder": card.holder, "exp_month": card.exp_month,
                                     "exp_year": card.exp_year}  # fmt: skip
        with ctx.db.write() as conn:
            method = _insert(conn, ctx.client_id, ctx.today, card.make_default, fields)
        return ok(method, 201)

    return keyed(ctx, run, fingerprint=card_fingerprint_body(ctx.request.body))


def post_bank_account(ctx: Context) -> Response:
    def run() -> Response:
        account, problems = bank_account_problems(body_object(ctx))
        if account is None:
            raise validation_failed(problems)
        fields: dict[str, object] = {"type": "bank_account", "brand": None, "last4": account.last4,
                                     "holder": account.holder, "bic": account.bic,
                                     "mandate_accepted_at": instant_on(ctx.today)}  # fmt: skip
        with ctx.db.write() as conn:
            method = _insert(conn, ctx.client_id, ctx.today, account.make_default, fields)
        return ok(method, 201)

    return keyed(ctx, run)


def post_verification(ctx: Context) -> Response:
    method_id = path_id(ctx, "id", "payment method")

    def run() -> Response:
        body = ctx.request.json_body()
        with ctx.db.write() as conn:
            answer, error = verify(conn, ctx.client_id, ctx.currency, ctx.today, method_id, body)
        if error is not None:
            raise error  # after the commit: a wrong answer uses up an attempt
        return ok(answer)

    return keyed(ctx, run)


def _method(conn: sqlite3.Connection, ctx: Context) -> sqlite3.Row:
    method_id = path_id(ctx, "id", "payment method")
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM payment_methods WHERE id = ? AND client_id = ? AND deleted = 0",
        (method_id, ctx.client_id),
    ).fetchone()
    if row is None:
        raise not_found("payment method")
    return row


def delete_method(ctx: Context) -> Response:
    """Remove a method (soft: kept for the history of payments made with it).

    Services and domains renewing with it block the removal (``409`` listing them) unless
    ``force=true``; then they lose their recurring payment, and the answer lists them.
    """
    query = Query(ctx.request.query)
    force = query.boolean("force") or False
    query.check()
    with ctx.db.write() as conn:
        method = _method(conn, ctx)
        args = (method["id"], ctx.client_id)
        services = [int(r[0]) for r in conn.execute(
            "SELECT id FROM services WHERE payment_method_id = ? AND client_id = ? ORDER BY id", args
        )]  # fmt: skip
        domains = [str(r[0]) for r in conn.execute(
            "SELECT name FROM domains WHERE recurring_payment_method_id = ? AND client_id = ?"
            " AND recurring_enabled = 1 ORDER BY name", args
        )]  # fmt: skip
        users = {"services": services, "domains": domains}
        if (services or domains) and not force:
            raise ApiError(
                409, "conflict",
                f"{len(services)} service(s) and {len(domains)} domain(s) renew with this method;"
                " choose another method for them first, or remove it with force=true",
                users,
            )  # fmt: skip
        conn.execute("UPDATE services SET payment_method_id = NULL"
                     " WHERE payment_method_id = ? AND client_id = ?", args)  # fmt: skip
        conn.execute(
            "UPDATE domains SET recurring_enabled = 0, recurring_payment_method_id = NULL,"
            " recurring_contact_id = NULL WHERE recurring_payment_method_id = ? AND client_id = ?",
            args,
        )
        conn.execute("UPDATE payment_methods SET deleted = 1, is_default = 0 WHERE id = ?",
                     (method["id"],))  # fmt: skip
    return ok({"id": method["id"], "recurring_removed": users})


def post_default(ctx: Context) -> Response:
    with ctx.db.write() as conn:
        method = _method(conn, ctx)
        conn.execute("UPDATE payment_methods SET is_default = (id = ?) WHERE client_id = ?",
                     (method["id"], ctx.client_id))  # fmt: skip
        row = conn.execute("SELECT * FROM payment_methods WHERE id = ?", (method["id"],))
        return ok(payment_method_json(row.fetchone()))


def register(router: Router) -> None:
    router.add("GET", "/v1/payment-methods", "listPaymentMethods", list_payment_methods)
    router.add("POST", "/v1/payment-methods/cards", "addCard", post_card)
    router.add("POST", "/v1/payment-methods/bank-accounts", "addBankAccount", post_bank_account)
    router.add("DELETE", "/v1/payment-methods/{id}", "deletePaymentMethod", delete_method)
    router.add("POST", "/v1/payment-methods/{id}/verification", "verifyPaymentMethod",
               post_verification)  # fmt: skip
    router.add("POST", "/v1/payment-methods/{id}/default", "setDefaultPaymentMethod", post_default)

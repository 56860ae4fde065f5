"""Invoices (list newest first, detail) and the wallet (balance, ledger movements)."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date
from decimal import Decimal

from ..money import money
from ..params import Query
from ..router import Context, Router
from ..topups import TERMS_URL, presets
from ..web import Response, not_found
from .common import marks, ok, path_id, row_money, select_page

INVOICE_FILTERS = ("unpaid", "overdue", "paid", "cancelled", "refunded")


def invoice_status(row: sqlite3.Row, today: date) -> str:
    """The contract's status: an unpaid invoice past its due date is ``overdue``."""
    if row["status"] == "unpaid" and str(row["due_date"]) < today.isoformat():
        return "overdue"
    return str(row["status"])


def invoice_balance(row: sqlite3.Row) -> Decimal:
    if row["status"] != "unpaid":
        return Decimal(0)
    paid = Decimal(row["credit_applied"]) + Decimal(row["amount_paid"])
    return max(Decimal(row["total"]) - paid, Decimal(0))


def _items(conn: sqlite3.Connection, invoices: list[sqlite3.Row]) -> dict[int, list[object]]:
    ids = [int(row["id"]) for row in invoices]
    currency = {int(row["id"]): str(row["currency"]) for row in invoices}
    found: dict[int, list[object]] = defaultdict(list)
    if ids:
        rows = conn.execute(
            f"SELECT * FROM invoice_items WHERE invoice_id IN ({marks(ids)}) ORDER BY id",  # noqa: S608
            ids,
        )
        for row in rows:
            invoice_id = int(row["invoice_id"])
            found[invoice_id].append({
                "description": row["description"],
                "type": row["type"],
                "related_id": row["related_id"],
                "amount": money(str(row["amount"]), currency[invoice_id]),
            })  # fmt: skip
    return found


def _invoice(row: sqlite3.Row, items: list[object], today: date) -> dict[str, object]:
    return {
        "id": row["id"],
        "number": row["number"],
        "status": invoice_status(row, today),
        "date": row["date"],
        "due_date": row["due_date"],
        "paid_date": row["paid_date"],
        "subtotal": row_money(row, "subtotal"),
        "tax": row_money(row, "tax"),
        "total": row_money(row, "total"),
        "credit_applied": row_money(row, "credit_applied"),
        "balance": money(invoice_balance(row), str(row["currency"])),
        "items": items,
    }


def invoice_json(conn: sqlite3.Connection, invoice_id: int, today: date) -> dict[str, object]:
    """The ``Invoice`` answer of one invoice, for the routes that create or pay one."""
    row = conn.execute("SELECT * FROM invoices WHERE id = ?", (invoice_id,)).fetchone()
    if row is None:
        raise not_found("invoice")
    return _invoice(row, _items(conn, [row])[invoice_id], today)


def list_invoices(ctx: Context) -> Response:
    query = Query(ctx.request.query)
    status = query.choice("status", INVOICE_FILTERS)
    page = query.page()
    query.check()
    where = "client_id = ?"
    args: list[object] = [ctx.client_id]
    if status == "overdue":
        where += " AND status = 'unpaid' AND due_date < ?"
        args.append(ctx.today.isoformat())
    elif status:
        where += " AND status = ?"
        args.append(status)
    with ctx.db.read() as conn:
        rows, total = select_page(conn, "invoices", where, args, "date DESC, id DESC", page)
        items = _items(conn, rows)
    data = [_invoice(row, items[int(row["id"])], ctx.today) for row in rows]
    return ok(page.envelope(data, total))


def get_invoice(ctx: Context) -> Response:
    invoice_id = path_id(ctx, "id", "invoice")
    with ctx.db.read() as conn:
        row = conn.execute(
            "SELECT * FROM invoices WHERE id = ? AND client_id = ?", (invoice_id, ctx.client_id)
        ).fetchone()
        if row is None:
            raise not_found("invoice")
        items = _items(conn, [row])
    return ok(_invoice(row, items[invoice_id], ctx.today))


def _ledger(conn: sqlite3.Connection, client_id: int) -> list[sqlite3.Row]:
    """The client's movements, oldest first (the order balances accumulate in)."""
    return conn.execute(
        "SELECT * FROM wallet_movements WHERE client_id = ? ORDER BY created_at, id",
        (client_id,),
    ).fetchall()


def get_wallet(ctx: Context) -> Response:
    currency = ctx.currency
    with ctx.db.read() as conn:
        balance = sum((Decimal(row["amount"]) for row in _ledger(conn, ctx.client_id)), Decimal(0))
        pending = conn.execute(
            "SELECT amount FROM top_ups WHERE client_id = ? AND status = 'pending'",
            (ctx.client_id,),
        ).fetchall()
    return ok({
        "balance": money(balance, currency),
        "pending_top_ups": money(sum((Decimal(r["amount"]) for r in pending), Decimal(0)), currency),
        "top_up_presets": presets(currency),
        "terms_url": TERMS_URL,
    })  # fmt: skip


def list_movements(ctx: Context) -> Response:
    query = Query(ctx.request.query)
    page = query.page()
    query.check()
    with ctx.db.read() as conn:
        ledger = _ledger(conn, ctx.client_id)
    balance = Decimal(0)
    movements: list[dict[str, object]] = []
    for row in ledger:
        balance += Decimal(row["amount"])
        movements.append({
            "id": row["id"],
            "date": row["created_at"],
            "kind": row["kind"],
            "description": row["description"],
            "amount": row_money(row, "amount"),
            "balance_after": money(balance, str(row["currency"])),
            "reference": row["reference"],
            "invoice_id": row["invoice_id"],
        })  # fmt: skip
    movements.reverse()
    return ok(page.slice(movements))


def register(router: Router) -> None:
    router.add("GET", "/v1/invoices", "listInvoices", list_invoices)
    router.add("GET", "/v1/invoices/{id}", "getInvoice", get_invoice)
    router.add("GET", "/v1/wallet", "getWallet", get_wallet)
    router.add("GET", "/v1/wallet/movements", "listWalletMovements", list_movements)

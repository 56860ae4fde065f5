"""Paying an invoice by hand (``payInvoice``), its PDF and its bank-transfer details.

A payment is one write transaction: wallet credit first when ``use_credit`` is true (as far as it
reaches), then the rest by ``method``:

- ``card``: charges ``payment_method_id`` (a validated card or bank account of the client; the
  default method when null). Every check runs before anything is written, so a declined or
  expired card (``402``) leaves the invoice and the wallet untouched — the credit too;
- ``transfer``: applies the credit (if asked) and answers ``pending`` with the bank accounts and
  the reference to quote (the invoice's number); the provider confirms the transfer later
  (``transfers.approve_transfer``). Nothing left after the credit → ``completed``;
- none: credit only; if it does not cover the balance → ``402 insufficient_credit``, nothing applied.

The invoice becomes ``paid`` through ``invoicing`` (``apply_credit``, ``record_payment``), so a
paid domain renewal extends the domain and a paid service renewal moves its next due date.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal
from typing import Any

from .. import pdf
from ..bank import bank_accounts, transfer_details
from ..dates import instant_on
from ..invoicing import VAT, apply_credit, balance_due, record_payment, wallet_balance
from ..money import money, to_text
from ..payments import charge_error, checked_method, default_method
from ..router import Context, Router
from ..web import ApiError, Response, not_found, validation_failed
from .account import PROVIDER_NAME
from .billing import invoice_json, invoice_status
from .common import body_object, keyed, ok, path_id

FIELDS = ("use_credit", "payment_method_id", "method")


def payment_problems(body: dict[str, Any]) -> dict[str, str]:
    """``InvoicePaymentRequest``: ``use_credit: true`` or a method; a method id only for cards."""
    problems = {key: "is not a field of this request" for key in body if key not in FIELDS}
    use_credit, method = body.get("use_credit", False), body.get("method")
    if not isinstance(use_credit, bool):
        problems["use_credit"] = "must be true or false"
    if method not in ("card", "transfer", None):
        problems["method"] = "must be card, transfer or null (credit only)"
    method_id = body.get("payment_method_id")
    if method_id is not None and (not isinstance(method_id, int) or isinstance(method_id, bool)):
        problems["payment_method_id"] = "must be the id of a stored payment method, or null"
    elif method_id is not None and method != "card":
        problems["payment_method_id"] = "is only for method: card"
    if use_credit is not True and method is None and "method" not in problems:
        problems["method"] = "give use_credit: true, a method (card or transfer), or both"
    return problems


def _invoice(conn: sqlite3.Connection, client_id: int, invoice_id: int) -> sqlite3.Row:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM invoices WHERE id = ? AND client_id = ?", (invoice_id, client_id)
    ).fetchone()
    if row is None:
        raise not_found("invoice")
    return row


def pay_invoice(
    conn: sqlite3.Connection, client_id: int, today: date, invoice_id: int, body: dict[str, Any]
) -> dict[str, object]:
    """``payInvoice`` inside the caller's write transaction (any error rolls it all back)."""
    problems = payment_problems(body)
    if problems:
        raise validation_failed(problems)
    invoice = _invoice(conn, client_id, invoice_id)
    if invoice["status"] != "unpaid":
        status = invoice_status(invoice, today)
        raise ApiError(409, "conflict", f"invoice {invoice['number']} is {status}: nothing to pay",
                       {"status": status})  # fmt: skip
    currency, method = str(invoice["currency"]), body.get("method")
    due = balance_due(invoice)
    available = wallet_balance(conn, client_id) if body.get("use_credit") else Decimal(0)
    credit = max(min(due, available), Decimal(0))
    rest = due - credit
    card = None
    if method == "card":
        method_id = body.get("payment_method_id")
        if method_id is None:
            fallback = default_method(conn, client_id)
            if fallback is None:
                raise validation_failed({"payment_method_id": "the account has no default"
                                         " payment method: give payment_method_id"})  # fmt: skip
            method_id = int(fallback["id"])
        card = checked_method(conn, client_id, method_id, cards_only=False)
        refusal = charge_error(card, today) if rest > 0 else None
        if refusal is not None:
            raise refusal
    elif method is None and rest > 0:
        raise ApiError(
            402, "insufficient_credit",
            f"the wallet credit ({to_text(available, currency)} {currency}) does not cover the"
            f" balance of invoice {invoice['number']} ({to_text(due, currency)} {currency})",
            {"balance": money(due, currency), "credit": money(available, currency)},
        )  # fmt: skip
    if credit > 0:
        apply_credit(conn, client_id, invoice_id, today, limit=credit)
    if card is not None and rest > 0:
        record_payment(conn, invoice_id, rest, today)
    pending = method == "transfer" and rest > 0
    when = instant_on(today)
    cursor = conn.execute(
        "INSERT INTO invoice_payments (client_id, invoice_id, status, method, payment_method_id,"
        " currency, credit_applied, charged, reference, created_at, completed_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (client_id, invoice_id, "pending" if pending else "completed", method,
         None if card is None else card["id"], currency, to_text(credit, currency),
         to_text(rest if card is not None else Decimal(0), currency),
         invoice["number"] if method == "transfer" else None, when, None if pending else when),
    )  # fmt: skip
    return {
        "id": cursor.lastrowid,
        "invoice_id": invoice_id,
        "status": "pending" if pending else "completed",
        "credit_applied": money(credit, currency),
        "charged": money(rest if card is not None else Decimal(0), currency),
        "method": method,
        "payment_method_id": None if card is None else card["id"],
        "transfer": transfer_details(str(invoice["number"]), rest, currency) if pending else None,
        "invoice": invoice_json(conn, invoice_id, today),
        "created_at": when,
    }


def post_payment(ctx: Context) -> Response:
    invoice_id = path_id(ctx, "id", "invoice")

    def run() -> Response:
        body = body_object(ctx)
        with ctx.db.write() as conn:
            return ok(pay_invoice(conn, ctx.client_id, ctx.today, invoice_id, body), 201)

    return keyed(ctx, run)


def get_transfer_details(ctx: Context) -> Response:
    invoice_id = path_id(ctx, "id", "invoice")
    with ctx.db.read() as conn:
        invoice = _invoice(conn, ctx.client_id, invoice_id)
    due = balance_due(invoice)
    if due <= 0:
        status = invoice_status(invoice, ctx.today)
        raise ApiError(409, "conflict", f"invoice {invoice['number']} is {status}: nothing is due",
                       {"status": status})  # fmt: skip
    return ok(transfer_details(str(invoice["number"]), due, str(invoice["currency"])))


def _pdf_lines(invoice: dict[str, Any], client: sqlite3.Row, currency: str) -> list[str]:
    def amount(value: Any) -> str:
        return f"{value['amount']:>12} {value['currency']}"

    rate = VAT.get(currency, Decimal(0)) * 100
    buyer = [f"{client['first_name']} {client['last_name']}", client["company"],
             client["address1"], f"{client['postcode'] or ''} {client['city'] or ''}".strip(),
             client["country"], f"Tax id: {client['tax_id']}" if client["tax_id"] else None]  # fmt: skip
    lines = [f"Invoice {invoice['number']}", "",
             f"Date: {invoice['date']}    Due: {invoice['due_date']}    "
             f"Status: {invoice['status']}" + (f" ({invoice['paid_date']})" if invoice["paid_date"] else ""),
             "", "Billed to:", *(f"  {part}" for part in buyer if part), "",
             f"{'Description':<60} {'Amount':>16}", "-" * 77]  # fmt: skip
    for item in invoice["items"]:
        lines.append(f"{item['description'][:60]:<60} {amount(item['amount'])}")
    lines += ["-" * 77, f"{'Subtotal':>60} {amount(invoice['subtotal'])}",
              f"{f'VAT {rate.normalize():f}%':>60} {amount(invoice['tax'])}",
              f"{'Total':>60} {amount(invoice['total'])}",
              f"{'Credit applied':>60} {amount(invoice['credit_applied'])}",
              f"{'Balance due':>60} {amount(invoice['balance'])}"]  # fmt: skip
    if invoice["balance"]["amount"] != to_text(Decimal(0), currency):
        lines += ["", f"Pay by bank transfer quoting {invoice['number']} to:"]
        lines += [f"  {a['bank']}: {a['iban']} (BIC {a['bic']}), {a['holder']}"
                  for a in bank_accounts(currency)]  # fmt: skip
    return lines


def get_pdf(ctx: Context) -> Response:
    invoice_id = path_id(ctx, "id", "invoice")
    with ctx.db.read() as conn:
        row = _invoice(conn, ctx.client_id, invoice_id)
        invoice = invoice_json(conn, invoice_id, ctx.today)
        client = conn.execute("SELECT * FROM clients WHERE id = ?", (ctx.client_id,)).fetchone()
    lines = _pdf_lines(invoice, client, str(row["currency"]))
    body = pdf.render(PROVIDER_NAME, lines, document_title=f"Invoice {invoice['number']}")
    headers = {"Content-Type": "application/pdf",
               "Content-Disposition": f'attachment; filename="{invoice["number"]}.pdf"'}  # fmt: skip
    return Response(200, body, headers)


def register(router: Router) -> None:
    router.add("POST", "/v1/invoices/{id}/payments", "payInvoice", post_payment)
    router.add("GET", "/v1/invoices/{id}/pdf", "getInvoicePdf", get_pdf)
    router.add("GET", "/v1/invoices/{id}/transfer-details", "getInvoiceTransferDetails",
               get_transfer_details)  # fmt: skip

"""Seeded invoices, wallet ledger and top-ups.

Ana's ledger: three top-ups (100 + 50 + 50), two invoices paid with credit, one refund to
credit, ending at 85.50 EUR; a fourth top-up (bank transfer, 100 EUR) is still pending.
"""

from __future__ import annotations

import random
import sqlite3
import string
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from .. import money
from ..invoicing import FIRST_INVOICE_ID, invoice_totals
from .common import ANA_ID, BRUNO_CARD_ID, BRUNO_ID, VISA_ID, insert, instant, next_id

Item = tuple[str, str, int | None, str]  # description, type, related id, amount


class Invoice(NamedTuple):
    status: str  # stored status: unpaid (overdue is derived), paid, cancelled, refunded
    issued_days_ago: int
    due_in_days: int
    paid_days_ago: int | None
    items: list[Item]
    credit: str = "0.00"  # credit applied; "all" pays the whole total with credit


def _insert_invoice(
    conn: sqlite3.Connection, client_id: int, currency: str, today: date, spec: Invoice
) -> tuple[int, str, Decimal]:
    """Insert the invoice and its items; answer (id, number, total)."""
    invoice_id = next_id(conn, "invoices", FIRST_INVOICE_ID)
    issued = today - timedelta(days=spec.issued_days_ago)
    number = f"INV-{issued.year}-{invoice_id}"
    subtotal, tax, total = invoice_totals([item[3] for item in spec.items], currency)
    credit = total if spec.credit == "all" else Decimal(spec.credit)
    settled = spec.status in ("paid", "refunded")
    paid = None if spec.paid_days_ago is None else today - timedelta(days=spec.paid_days_ago)
    insert(conn, "invoices", {
        "id": invoice_id, "client_id": client_id, "number": number, "status": spec.status,
        "date": issued.isoformat(),
        "due_date": (today + timedelta(days=spec.due_in_days)).isoformat(),
        "paid_date": paid.isoformat() if paid else None, "currency": currency,
        "subtotal": money.to_text(subtotal, currency), "tax": money.to_text(tax, currency),
        "total": money.to_text(total, currency),
        "credit_applied": money.to_text(credit, currency),
        "amount_paid": money.to_text(total - credit if settled else Decimal(0), currency),
    })  # fmt: skip
    conn.executemany(
        "INSERT INTO invoice_items (invoice_id, description, type, related_id, amount)"
        " VALUES (?, ?, ?, ?, ?)",
        [(invoice_id, *item) for item in spec.items],
    )
    return invoice_id, number, total


def _reference(rng: random.Random) -> str:
    return "TU-" + "".join(rng.choices(string.ascii_uppercase + string.digits, k=8))


def _movement(
    conn: sqlite3.Connection,
    client_id: int,
    currency: str,
    when: str,
    kind: str,
    description: str,
    amount: Decimal,
    reference: str | None = None,
    invoice_id: int | None = None,
) -> None:
    insert(conn, "wallet_movements", {
        "client_id": client_id, "created_at": when, "kind": kind, "description": description,
        "currency": currency, "amount": money.to_text(amount, currency),
        "reference": reference, "invoice_id": invoice_id,
    })  # fmt: skip


def _top_up(
    conn: sqlite3.Connection,
    rng: random.Random,
    client_id: int,
    currency: str,
    day: date,
    amount: str,
    card_id: int | None,
    status: str = "completed",
) -> None:
    """A top-up (card when ``card_id`` is given, else bank transfer) and, once completed,
    its ledger movement."""
    reference = _reference(rng)
    when = instant(day, 12, 15)
    insert(conn, "top_ups", {
        "client_id": client_id, "reference": reference, "status": status,
        "method": "card" if card_id else "transfer", "payment_method_id": card_id,
        "currency": currency, "amount": amount,
        "proof_name": None if card_id else "transfer-receipt.pdf",
        "proof_size": None if card_id else 48213,
        "proof_content_type": None if card_id else "application/pdf",
        "proof_uploaded_at": None if card_id else when, "created_at": when,
        "completed_at": when if status == "completed" else None,
    })  # fmt: skip
    if status == "completed":
        how = "by card" if card_id else "by bank transfer"
        _movement(conn, client_id, currency, when, "top_up", f"Top-up {how}", Decimal(amount),
                  reference)  # fmt: skip


def seed_ana_billing(
    conn: sqlite3.Connection,
    today: date,
    rng: random.Random,
    domains: dict[str, int],
    services: dict[str, int],
    addons: dict[str, int],
) -> None:
    def renewal(name: str, amount: str) -> Item:
        return (f"Domain renewal - {name} (1 year)", "domain_renewal", domains[name], amount)

    hosting_month: list[Item] = [
        ("Hosting Pro - garcia-hosting.es (monthly)", "service", services["hosting"], "12.95"),
        ("Daily Backups (monthly)", "addon", addons["Daily Backups"], "3.00"),
        ("Dedicated IP (monthly)", "addon", addons["Dedicated IP"], "2.50"),
    ]
    invoices = [
        Invoice("paid", 120, -106, 110, hosting_month),
        Invoice("paid", 95, -81, 88, [renewal("vinos-rioja.es", "9.95"),
                                      renewal("mi-tienda.es", "9.95")], credit="all"),
        Invoice("paid", 65, -51, 58, [("VPS M - anagarcia.com (annually)", "service",
                                       services["vps"], "239.40")], credit="102.46"),
        Invoice("cancelled", 40, -26, None, [("Domain registration - promo-verano.es (1 year)",
                                              "domain_registration", domains["promo-verano.es"],
                                              "9.95")]),
        Invoice("refunded", 115, -101, 112, [("ID protection - tapas-madrid.es (1 year)",
                                              "other", domains["tapas-madrid.es"], "9.95")]),
        Invoice("unpaid", 5, 9, None, [renewal("codigo-abierto.dev", "15.00"),
                                       renewal("barcelona-bikes.eu", "8.99")]),
        Invoice("unpaid", 6, 8, None, hosting_month),
        Invoice("unpaid", 40, -26, None, [("Email Business - tapas-madrid.es (quarterly)",
                                           "service", services["email"], "29.85")]),
        Invoice("unpaid", 20, -6, None, [("Hosting Start - olivar-verde.org (semiannually)",
                                          "service", services["start"], "35.70")]),
    ]  # fmt: skip
    made = [_insert_invoice(conn, ANA_ID, "EUR", today, spec) for spec in invoices]

    def day(days_ago: int) -> date:
        return today - timedelta(days=days_ago)

    _top_up(conn, rng, ANA_ID, "EUR", day(200), "100.00", VISA_ID)
    _top_up(conn, rng, ANA_ID, "EUR", day(150), "50.00", None)
    for (invoice_id, number, _), days_ago in [(made[1], 88), (made[2], 58)]:
        row = conn.execute("SELECT credit_applied FROM invoices WHERE id = ?", (invoice_id,))
        credit = Decimal(row.fetchone()[0])
        _movement(conn, ANA_ID, "EUR", instant(day(days_ago), 16, 40), "payment",
                  f"Payment of invoice {number}", -credit, number, invoice_id)  # fmt: skip
    refund_id, refund_number, refund_total = made[4]
    _movement(conn, ANA_ID, "EUR", instant(day(75), 11, 5), "refund",
              f"Refund of invoice {refund_number} to account credit", refund_total,
              refund_number, refund_id)  # fmt: skip
    _top_up(conn, rng, ANA_ID, "EUR", day(20), "50.00", VISA_ID)
    _top_up(conn, rng, ANA_ID, "EUR", day(3), "100.00", None, status="pending")


def seed_bruno_billing(
    conn: sqlite3.Connection,
    today: date,
    rng: random.Random,
    domains: dict[str, int],
    service_id: int,
) -> None:
    invoices = [
        Invoice("paid", 150, -136, 140, [("Hosting Pro - keller-web.ch (annually)", "service",
                                          service_id, "155.40")]),
        Invoice("unpaid", 4, 10, None, [("Domain renewal - keller-web.ch (1 year)",
                                         "domain_renewal", domains["keller-web.ch"], "14.00")]),
    ]  # fmt: skip
    for spec in invoices:
        _insert_invoice(conn, BRUNO_ID, "CHF", today, spec)
    _top_up(conn, rng, BRUNO_ID, "CHF", today - timedelta(days=60), "50.00", BRUNO_CARD_ID)

"""Invoices as the provider issues and settles them: issue, apply wallet credit, record a payment.

Every function works inside the caller's write transaction (``conn``) and trusts its arguments
(the routes validate first), so a route, a bulk item and the renewal cycle share exactly one way
of billing. The rules:

- an invoice's ``tax`` is VAT on its subtotal at the rate of its currency (``VAT``), rounded half
  up to the currency's decimals, as the seeded invoices are; ``total`` is subtotal plus tax;
- its number is ``INV-<year of issue>-<id>``, like the seeded ones;
- wallet credit is applied only through ``apply_credit``, which the callers use only when the
  customer asked for it (``use_credit: true``); the renewal cycle never calls it;
- an invoice becomes ``paid`` in ``mark_paid`` only, which also renews what it bills: each
  ``domain_renewal`` line moves its domain's expiry and next due date by its years, each
  ``service`` and ``addon`` line its service's or add-on's next due date by one billing cycle.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from . import money
from .dates import add_months, add_years, instant_on, month_end

VAT = {"EUR": Decimal("0.21"), "CHF": Decimal("0.081")}
FIRST_INVOICE_ID = 5001
DOMAIN_RENEWAL = "domain_renewal"
SERVICE, ADDON = "service", "addon"
CYCLE_MONTHS = {"monthly": 1, "quarterly": 3, "semiannually": 6, "annually": 12,
                "biennially": 24, "triennially": 36}  # fmt: skip
# Statuses a paid service invoice makes ``active``: a new order, or a service suspended unpaid.
SERVICE_ACTIVATED = ("pending", "suspended")
# Statuses a paid renewal brings back to ``active`` (the domain was renewed late).
REACTIVATED = ("expired", "grace", "redemption", "suspended")

_YEARS = re.compile(r"(\d+) years?\)?\s*$")


class Line(NamedTuple):
    """One invoice item."""

    description: str
    type: str
    related_id: int | None
    amount: Decimal


def invoice_totals(amounts: Sequence[str], currency: str) -> tuple[Decimal, Decimal, Decimal]:
    """(subtotal, tax, total) of the items' amounts at the currency's VAT rate."""
    subtotal = money.total(list(amounts))
    tax = money.quantize(subtotal * VAT.get(currency, Decimal(0)), currency)
    return subtotal, tax, subtotal + tax


def renewal_line(name: str, domain_id: int, years: int, unit_price: Decimal) -> Line:
    """The line of a domain renewal: ``Domain renewal - example.es - 2 years``."""
    unit = "year" if years == 1 else "years"
    return Line(f"Domain renewal - {name} - {years} {unit}", DOMAIN_RENEWAL, domain_id,
                unit_price * years)  # fmt: skip


def renewal_years(description: str) -> int:
    """The years a renewal line buys, read from its description (both spellings in use:
    ``… - 2 years`` and the seed's ``… (1 year)``); 1 when it does not say."""
    found = _YEARS.search(description)
    return int(found.group(1)) if found else 1


def issue_invoice(
    conn: sqlite3.Connection,
    client_id: int,
    currency: str,
    lines: Sequence[Line],
    today: date,
    due: date,
) -> int:
    """Insert an ``unpaid`` invoice dated ``today`` with its items; answer its id."""
    row = conn.execute("SELECT max(id) FROM invoices").fetchone()
    invoice_id = max(FIRST_INVOICE_ID, int(row[0] or 0) + 1)
    amounts = [money.to_text(line.amount, currency) for line in lines]
    subtotal, tax, total = invoice_totals(amounts, currency)
    zero = money.to_text(Decimal(0), currency)
    conn.execute(
        "INSERT INTO invoices (id, client_id, number, status, date, due_date, paid_date, currency,"
        " subtotal, tax, total, credit_applied, amount_paid)"
        " VALUES (?, ?, ?, 'unpaid', ?, ?, NULL, ?, ?, ?, ?, ?, ?)",
        (invoice_id, client_id, f"INV-{today.year}-{invoice_id}", today.isoformat(),
         due.isoformat(), currency, money.to_text(subtotal, currency),
         money.to_text(tax, currency), money.to_text(total, currency), zero, zero),
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO invoice_items (invoice_id, description, type, related_id, amount)"
        " VALUES (?, ?, ?, ?, ?)",
        [(invoice_id, line.description, line.type, line.related_id, amount)
         for line, amount in zip(lines, amounts, strict=True)],
    )  # fmt: skip
    return invoice_id


def balance_due(row: sqlite3.Row) -> Decimal:
    """What an unpaid invoice still asks for (zero once it is settled)."""
    if row["status"] != "unpaid":
        return Decimal(0)
    paid = Decimal(row["credit_applied"]) + Decimal(row["amount_paid"])
    return max(Decimal(row["total"]) - paid, Decimal(0))


def wallet_balance(conn: sqlite3.Connection, client_id: int) -> Decimal:
    rows = conn.execute("SELECT amount FROM wallet_movements WHERE client_id = ?", (client_id,))
    return sum((Decimal(row[0]) for row in rows), Decimal(0))


def _invoice(conn: sqlite3.Connection, invoice_id: int) -> sqlite3.Row:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM invoices WHERE id = ?", (invoice_id,)
    ).fetchone()
    if row is None:
        raise LookupError(f"no invoice {invoice_id}")
    return row


def apply_credit(
    conn: sqlite3.Connection,
    client_id: int,
    invoice_id: int,
    today: date,
    limit: Decimal | None = None,
) -> Decimal:
    """Pay the invoice with wallet credit, as far as the balance (and ``limit``) reach.

    Writes one ``payment`` movement (negative) and raises the invoice's ``credit_applied``;
    marks it paid when nothing is left due. Answers the amount applied (zero when the wallet is
    empty or the invoice is settled). Only for ``use_credit: true``: credit never pays by itself.
    """
    row = _invoice(conn, invoice_id)
    currency = str(row["currency"])
    amount = min(balance_due(row), wallet_balance(conn, client_id))
    if limit is not None:
        amount = min(amount, limit)
    amount = money.quantize(amount, currency)
    if amount <= 0:
        return Decimal(0)
    number = str(row["number"])
    conn.execute(
        "INSERT INTO wallet_movements (client_id, created_at, kind, description, currency, amount,"
        " reference, invoice_id) VALUES (?, ?, 'payment', ?, ?, ?, ?, ?)",
        (client_id, instant_on(today), f"Payment of invoice {number}", currency,
         money.to_text(-amount, currency), number, invoice_id),
    )  # fmt: skip
    credit = Decimal(row["credit_applied"]) + amount
    conn.execute(
        "UPDATE invoices SET credit_applied = ? WHERE id = ?",
        (money.to_text(credit, currency), invoice_id),
    )
    if balance_due(_invoice(conn, invoice_id)) <= 0:
        mark_paid(conn, invoice_id, today)
    return amount


def record_payment(conn: sqlite3.Connection, invoice_id: int, amount: Decimal, today: date) -> None:
    """Add a card or debit payment to ``amount_paid``; mark the invoice paid once covered."""
    row = _invoice(conn, invoice_id)
    currency = str(row["currency"])
    paid = Decimal(row["amount_paid"]) + amount
    conn.execute(
        "UPDATE invoices SET amount_paid = ? WHERE id = ?",
        (money.to_text(paid, currency), invoice_id),
    )
    if balance_due(_invoice(conn, invoice_id)) <= 0:
        mark_paid(conn, invoice_id, today)


def mark_paid(conn: sqlite3.Connection, invoice_id: int, today: date) -> list[int]:
    """Settle an unpaid invoice and renew what it bills; answer the ids of the domains renewed.

    The one place a renewal takes effect, however the invoice was paid (credit by hand, the
    renewal cycle's card charge, later a payment by the customer): each ``domain_renewal`` line
    moves its domain's ``expiry_date`` and ``next_due_date`` by the line's years, and a domain
    that had lapsed (expired, in grace, suspended) is active again. Paying twice renews once.
    """
    row = _invoice(conn, invoice_id)
    if row["status"] != "unpaid":
        return []
    conn.execute(
        "UPDATE invoices SET status = 'paid', paid_date = ? WHERE id = ?",
        (today.isoformat(), invoice_id),
    )
    items = conn.execute(
        "SELECT related_id, description FROM invoice_items"
        " WHERE invoice_id = ? AND type = ? AND related_id IS NOT NULL ORDER BY id",
        (invoice_id, DOMAIN_RENEWAL),
    ).fetchall()
    renewed: list[int] = []
    for item in items:
        domain = conn.execute(
            "SELECT id, status, expiry_date, next_due_date FROM domains"
            " WHERE id = ? AND client_id = ?",
            (item["related_id"], row["client_id"]),
        ).fetchone()
        if domain is None:
            continue
        years = renewal_years(str(item["description"]))
        status = "active" if domain["status"] in REACTIVATED else str(domain["status"])
        conn.execute(
            "UPDATE domains SET expiry_date = ?, next_due_date = ?, status = ? WHERE id = ?",
            (add_years(date.fromisoformat(domain["expiry_date"]), years).isoformat(),
             add_years(date.fromisoformat(domain["next_due_date"]), years).isoformat(),
             status, domain["id"]),
        )  # fmt: skip
        renewed.append(int(domain["id"]))
    _renew_services(conn, invoice_id, int(row["client_id"]))
    # Orders, upgrades and add-ons it bills take effect now, however it was paid.
    from .fulfilment import on_paid

    on_paid(conn, invoice_id, today)
    return renewed


def _renew_services(conn: sqlite3.Connection, invoice_id: int, client_id: int) -> None:
    """Move the next due date of each service and add-on the invoice bills by one cycle.

    A pending service (its first invoice) or a suspended one (an unpaid renewal) is active again.
    A service or add-on without a recurring cycle (``one_time``, ``free``) or a due date is left
    as it is.
    """
    items = conn.execute(
        "SELECT type, related_id FROM invoice_items WHERE invoice_id = ? AND type IN (?, ?)"
        " AND related_id IS NOT NULL ORDER BY id",
        (invoice_id, SERVICE, ADDON),
    ).fetchall()
    for item in items:
        if item["type"] == SERVICE:
            target = conn.execute(
                "SELECT id, status, billing_cycle, next_due_date FROM services"
                " WHERE id = ? AND client_id = ?", (item["related_id"], client_id),
            ).fetchone()  # fmt: skip
        else:
            target = conn.execute(
                "SELECT a.id, a.status, a.billing_cycle, a.next_due_date FROM addons a"
                " JOIN services s ON s.id = a.service_id WHERE a.id = ? AND s.client_id = ?",
                (item["related_id"], client_id),
            ).fetchone()
        months = None if target is None else CYCLE_MONTHS.get(str(target["billing_cycle"]))
        if target is None or months is None or target["next_due_date"] is None:
            continue
        due = add_months(date.fromisoformat(target["next_due_date"]), months).isoformat()
        if item["type"] == SERVICE:
            status = "active" if target["status"] in SERVICE_ACTIVATED else str(target["status"])
            conn.execute("UPDATE services SET next_due_date = ?, status = ? WHERE id = ?",
                         (due, status, target["id"]))  # fmt: skip
        else:
            conn.execute("UPDATE addons SET next_due_date = ? WHERE id = ?", (due, target["id"]))


def card_problem(method: sqlite3.Row | None, day: date) -> str | None:
    """Why ``method`` cannot pay a domain's renewal on ``day``, or None when it can.

    Domains renew automatically only with a validated card of the account that has not been
    removed and is not past the end of its expiry month.
    """
    if method is None or method["deleted"]:
        return "no such payment method in this account"
    if method["type"] != "card":
        return "domains renew automatically only with a validated card"
    if not method["validated"]:
        return "the card is not validated yet; verify it first"
    if method["exp_year"] is None or method["exp_month"] is None:
        return "the card has no expiry date"
    end = month_end(int(method["exp_year"]), int(method["exp_month"]))
    if end < day:
        return f"the card ending {method['last4']} expired in {end:%Y-%m}"
    return None

"""The provider's side of bank transfers: confirming that a transfer arrived.

A customer who pays by transfer quotes a reference: a top-up's code (``TU-…``) or an invoice's
number (``INV-…``). When the money is in, the provider confirms it here (the sandbox has no real
bank): ``clientarea sandbox approve-transfer REFERENCE``, or ``POST /_sandbox/transfers/{reference}/approve``
(also ``/_sandbox/top-ups/{reference}/approve``) on a sandbox served with ``--control``.

- a pending **top-up** becomes ``completed`` and its amount is added to the wallet (a ``top_up``
  movement). A proof of payment is not required: the provider may see the money arrive first;
- an unpaid **invoice** receives its balance as a payment (``invoicing.record_payment``, so a
  domain renewal takes effect); its pending transfer payments become ``completed``.

Anything else (unknown reference, top-up not pending, invoice with nothing due) is refused and
changes nothing.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from decimal import Decimal

from . import money
from .clock import read_business_date
from .dates import instant_on
from .invoicing import balance_due, record_payment, wallet_balance
from .store import Database
from .topups import add_credit


class TransferNotFound(LookupError):
    """No top-up and no invoice has this reference."""


class TransferConflict(ValueError):
    """The top-up or invoice exists but waits for no transfer."""


@dataclass(frozen=True)
class Approval:
    """What confirming a transfer did."""

    kind: str  # "top_up" or "invoice"
    reference: str
    amount: Decimal
    currency: str
    client_email: str
    wallet_balance: Decimal

    def line(self) -> str:
        """One line for people."""
        amount = f"{money.to_text(self.amount, self.currency)} {self.currency}"
        if self.kind == "top_up":
            balance = money.to_text(self.wallet_balance, self.currency)
            return (f"Transfer {self.reference} approved: {amount} added to the wallet of "
                    f"{self.client_email} (balance {balance} {self.currency})")  # fmt: skip
        return f"Transfer {self.reference} approved: invoice {self.reference} of {self.client_email} paid ({amount})"

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "reference": self.reference,
            "amount": money.money(self.amount, self.currency),
            "client": self.client_email,
            "wallet_balance": money.money(self.wallet_balance, self.currency),
            "summary": self.line(),
        }


def approve_transfer(db: Database, reference: str) -> Approval:
    """Confirm the transfer quoting ``reference`` (a top-up's code or an invoice's number).

    Raises ``TransferNotFound`` or ``TransferConflict``; then nothing changed.
    """
    wanted = reference.strip().upper()
    with db.write() as conn:
        today = read_business_date(conn)
        top_up = conn.execute("SELECT * FROM top_ups WHERE reference = ?", (wanted,)).fetchone()
        if top_up is not None:
            return _approve_top_up(conn, top_up, instant_on(today))
        invoice = conn.execute("SELECT * FROM invoices WHERE upper(number) = ?", (wanted,))
        row = invoice.fetchone()
        if row is None:
            raise TransferNotFound(f"no top-up or invoice with reference {reference}")
        due = balance_due(row)
        if due <= 0:
            raise TransferConflict(f"invoice {row['number']} is {row['status']}: nothing is due")
        when = instant_on(today)
        record_payment(conn, int(row["id"]), due, today)
        currency = str(row["currency"])
        # The latest announced transfer payment receives the money; older ones announced the same
        # transfer and are closed with nothing of their own.
        pending = conn.execute(
            "SELECT id FROM invoice_payments WHERE invoice_id = ? AND status = 'pending'"
            " ORDER BY id DESC", (row["id"],),
        ).fetchall()  # fmt: skip
        for index, payment in enumerate(pending):
            received = due if index == 0 else Decimal(0)
            conn.execute(
                "UPDATE invoice_payments SET status = 'completed', charged = ?, completed_at = ?"
                " WHERE id = ?",
                (money.to_text(received, currency), when, payment["id"]),
            )
        if not pending:  # a transfer without a payment announced through the API
            conn.execute(
                "INSERT INTO invoice_payments (client_id, invoice_id, status, method, currency,"
                " credit_applied, charged, reference, created_at, completed_at)"
                " VALUES (?, ?, 'completed', 'transfer', ?, ?, ?, ?, ?, ?)",
                (row["client_id"], row["id"], currency, money.to_text(Decimal(0), currency),
                 money.to_text(due, currency), row["number"], when, when),
            )  # fmt: skip
        return _approval(conn, "invoice", str(row["number"]), due, currency, int(row["client_id"]))


def _approve_top_up(conn: sqlite3.Connection, row: sqlite3.Row, when: str) -> Approval:
    if row["method"] != "transfer" or row["status"] != "pending":
        raise TransferConflict(
            f"top-up {row['reference']} is a {row['status']} {row['method']} top-up, "
            "not a pending bank transfer"
        )
    currency, amount = str(row["currency"]), Decimal(row["amount"])
    conn.execute(
        "UPDATE top_ups SET status = 'completed', completed_at = ? WHERE id = ?", (when, row["id"])
    )
    add_credit(conn, int(row["client_id"]), currency, when, amount, str(row["reference"]),
               "Top-up by bank transfer")  # fmt: skip
    return _approval(conn, "top_up", str(row["reference"]), amount, currency, int(row["client_id"]))


def _approval(
    conn: sqlite3.Connection, kind: str, reference: str, amount: Decimal, currency: str,
    client_id: int,
) -> Approval:  # fmt: skip
    email = conn.execute("SELECT email FROM clients WHERE id = ?", (client_id,)).fetchone()[0]
    balance = wallet_balance(conn, client_id)
    return Approval(kind, reference, amount, currency, str(email), balance)

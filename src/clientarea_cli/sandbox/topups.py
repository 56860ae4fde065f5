"""Wallet top-ups: the preset amounts, the terms, and top-ups by card or by bank transfer.

Rules (seed 000, the contract's ``createTopUp``):

- the amount is one of the provider's presets (``TOP_UP_PRESETS``, in the client's currency: the
  one list ``GET /v1/provider`` and ``GET /v1/wallet`` show), and the terms must be accepted;
- **by card**: a stored, validated Visa or Mastercard of the client is charged at once; the credit
  is added (a ``top_up`` wallet movement) and the top-up is ``completed``. A declined charge is kept
  as a ``failed`` top-up (no movement) and answers ``402``;
- **by transfer**: the top-up is ``pending`` with a unique reference code (``TU-`` and 8 letters or
  digits) and the provider's bank accounts; the customer uploads a proof of payment, and the credit
  is added only when the provider confirms the transfer (``transfers.approve_transfer``).
"""

from __future__ import annotations

import re
import secrets
import sqlite3
import string
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from . import money
from .bank import bank_accounts
from .dates import instant_on
from .payments import charge_error, checked_method
from .web import ApiError, validation_failed

TOP_UP_PRESETS = tuple(Decimal(n) for n in (50, 100, 150, 200, 250))
TERMS_URL = "https://sandbox.invalid/terms/wallet"
TERMS_VERSION = "2026-01"
TERMS_TEXT = (
    "Account credit (wallet) terms. 1. Credit is added in the preset amounts offered, by Visa or "
    "Mastercard (American Express is not accepted) or by bank transfer. 2. A transfer is credited "
    "once the provider has received it; quote its reference code and upload the proof of payment. "
    "3. Credit pays orders and renewals only when you choose to apply it at payment; it is never "
    "used for automatic renewals. 4. Credit earns no interest and is not refunded in cash."
)
STATUSES = ("pending", "completed", "failed")
METHODS = ("card", "transfer")
REFERENCE_ALPHABET = string.ascii_uppercase + string.digits
_AMOUNT = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")

# Proof of payment: at most 10 MB, and a PDF, PNG or JPEG by its first bytes.
MAX_PROOF_BYTES = 10 * 1024 * 1024
PROOF_TYPES = {
    "application/pdf": ("PDF", b"%PDF-"),
    "image/png": ("PNG", b"\x89PNG\r\n\x1a\n"),
    "image/jpeg": ("JPEG", b"\xff\xd8\xff"),
}


def presets(currency: str) -> list[dict[str, str]]:
    """The top-up presets as ``Money`` in ``currency``."""
    return [money.money(amount, currency) for amount in TOP_UP_PRESETS]


def presets_text(currency: str) -> str:
    """``50.00, 100.00, 150.00, 200.00, 250.00 EUR``."""
    return ", ".join(money.to_text(a, currency) for a in TOP_UP_PRESETS) + f" {currency}"


def terms_json() -> dict[str, str]:
    return {"version": TERMS_VERSION, "url": TERMS_URL, "text": TERMS_TEXT}


def new_reference(conn: sqlite3.Connection) -> str:
    """A reference code no top-up has: ``TU-`` and 8 random capitals or digits."""
    while True:
        reference = "TU-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
        if not conn.execute("SELECT 1 FROM top_ups WHERE reference = ?", (reference,)).fetchone():
            return reference


def top_up_json(row: sqlite3.Row) -> dict[str, object]:
    """The contract's ``TopUp``."""
    proof = None
    if row["proof_size"] is not None:
        proof = {
            "content_type": row["proof_content_type"] or "application/pdf",
            "size": row["proof_size"],
            "uploaded_at": row["proof_uploaded_at"] or row["created_at"],
        }
    currency = str(row["currency"])
    return {
        "id": row["id"],
        "reference": row["reference"],
        "status": row["status"],
        "amount": money.money(str(row["amount"]), currency),
        "method": row["method"],
        "bank_accounts": bank_accounts(currency) if row["method"] == "transfer" else [],
        "payment_method_id": row["payment_method_id"],
        "proof": proof,
        "created_at": row["created_at"],
        "completed_at": row["completed_at"],
    }


def find_top_up(conn: sqlite3.Connection, client_id: int, reference: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM top_ups WHERE reference = ? AND client_id = ?",
        (reference.strip().upper(), client_id),
    ).fetchone()
    return row


def _amount(value: object) -> tuple[Decimal, str] | None:
    """(amount, currency) of a ``Money`` object, or None when it is not one."""
    if not isinstance(value, dict) or set(value) != {"amount", "currency"}:
        return None
    amount, currency = value["amount"], value["currency"]
    if not isinstance(amount, str) or not _AMOUNT.match(amount) or not isinstance(currency, str):
        return None
    try:
        return Decimal(amount), currency
    except InvalidOperation:
        return None


def request_problems(body: dict[str, Any], currency: str) -> dict[str, str]:
    """``TopUpRequest``: a preset amount, a method, the terms accepted, a card for ``card``."""
    fields = ("amount", "method", "payment_method_id", "accept_terms")
    problems = {key: "is not a field of this request" for key in body if key not in fields}
    amount = _amount(body.get("amount"))
    allowed = presets_text(currency)
    if amount is None:
        problems["amount"] = (
            f'is required: {{"amount": "50.00", "currency": "{currency}"}}, one of {allowed}'
        )
    elif amount[1] != currency:
        problems["amount.currency"] = f"must be {currency}, the account's currency"
    elif amount[0] not in TOP_UP_PRESETS:
        problems["amount"] = f"must be one of {allowed}"
    method = body.get("method")
    if method not in METHODS:
        problems["method"] = "is required: card or transfer"
    if body.get("accept_terms") is not True:
        problems["accept_terms"] = "the terms must be accepted"
    method_id = body.get("payment_method_id")
    if method == "card" and (not isinstance(method_id, int) or isinstance(method_id, bool)):
        problems["payment_method_id"] = "is required for a card top-up: a stored, validated card"
    elif method == "transfer" and method_id is not None:
        problems["payment_method_id"] = "is only for card top-ups"
    return problems


def create_top_up(
    conn: sqlite3.Connection, client_id: int, currency: str, today: date, body: dict[str, Any]
) -> tuple[dict[str, object], ApiError | None]:
    """``createTopUp`` inside the caller's write transaction.

    Answers the top-up and, for a refused card charge, the ``402`` to send once the transaction
    (which keeps the ``failed`` top-up) has committed. Raises ``422`` before anything is written.
    """
    problems = request_problems(body, currency)
    if problems:
        raise validation_failed(problems)
    amount = Decimal(body["amount"]["amount"])
    method_id: int | None = None
    refusal: ApiError | None = None
    if body["method"] == "card":
        card = checked_method(conn, client_id, body["payment_method_id"], cards_only=True)
        method_id = int(card["id"])
        refusal = charge_error(card, today)
        if refusal is not None and refusal.code == "card_expired":
            raise refusal  # nothing was attempted: the card is out of date
    status = "pending" if body["method"] == "transfer" else "failed" if refusal else "completed"
    reference = new_reference(conn)
    when = instant_on(today)
    cursor = conn.execute(
        "INSERT INTO top_ups (client_id, reference, status, method, payment_method_id, currency,"
        " amount, created_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (client_id, reference, status, body["method"], method_id, currency,
         money.to_text(amount, currency), when, when if status == "completed" else None),
    )  # fmt: skip
    if status == "completed":
        add_credit(conn, client_id, currency, when, amount, reference, "Top-up by card")
    row = conn.execute("SELECT * FROM top_ups WHERE id = ?", (cursor.lastrowid,)).fetchone()
    if refusal is not None:
        refusal.details = {"payment_method_id": method_id, "reference": reference}
    return top_up_json(row), refusal


def add_credit(
    conn: sqlite3.Connection,
    client_id: int,
    currency: str,
    when: str,
    amount: Decimal,
    reference: str,
    description: str,
) -> None:
    """The ``top_up`` wallet movement that makes the credit available."""
    conn.execute(
        "INSERT INTO wallet_movements (client_id, created_at, kind, description, currency, amount,"
        " reference, invoice_id) VALUES (?, ?, 'top_up', ?, ?, ?, ?, NULL)",
        (client_id, when, description, currency, money.to_text(amount, currency), reference),
    )


def proof_problem(content_type: str | None, data: bytes) -> str | None:
    """Why ``data`` is not an acceptable proof of payment declared as ``content_type``."""
    declared = (content_type or "").split(";")[0].strip().lower()
    if declared not in PROOF_TYPES:
        return "must be a PDF, PNG or JPEG file sent with Content-Type application/pdf, image/png or image/jpeg"
    if not data:
        return "is empty"
    if len(data) > MAX_PROOF_BYTES:
        return f"is {len(data):,} bytes; at most 10 MB ({MAX_PROOF_BYTES:,} bytes) are accepted"
    name, magic = PROOF_TYPES[declared]
    if not data.startswith(magic):
        return f"is not a {name} file: its content does not match Content-Type {declared}"
    return None


def checked_proof_type(content_type: str | None, data: bytes) -> str:
    """The declared type of an acceptable proof; else ``422`` on ``details.file``."""
    problem = proof_problem(content_type, data)
    if problem is not None:
        raise validation_failed({"file": problem})
    return (content_type or "").split(";")[0].strip().lower()


def pending_transfer(conn: sqlite3.Connection, client_id: int, reference: str) -> sqlite3.Row:
    """The client's top-up by this reference, which must be a pending transfer (404, 409)."""
    row = find_top_up(conn, client_id, reference)
    if row is None:
        raise ApiError(404, "not_found", f"no top-up {reference} in this account")
    if row["method"] != "transfer" or row["status"] != "pending":
        raise ApiError(
            409, "conflict",
            f"top-up {row['reference']} is a {row['status']} {row['method']} top-up: a proof of"
            " payment is only for a pending bank transfer",
            {"status": row["status"], "method": row["method"]},
        )  # fmt: skip
    return row

"""Charging a stored payment method: which methods may be charged, and the sandbox's test cards.

The sandbox moves no real money; a charge succeeds unless one of these rules says otherwise, in
this order:

- the method must belong to the client, not be removed, and be validated (its verification
  challenge answered) — else ``422`` on ``details.payment_method_id``;
- a card must not be past the end of its expiry month on the day of the charge — else
  ``402 card_expired``;
- **test cards** (the last four digits decide, whatever the brand):

  | last4 | behaviour |
  | --- | --- |
  | ``0002`` (e.g. ``4000 0000 0000 0002``) | stored and verified normally; every charge (top-up, invoice payment, renewal) is declined: ``402 payment_failed`` |
  | ``0119`` (e.g. ``4000 0000 0000 0119``) | stored normally; even the verification micro-charge is refused, so it can never be validated |

The renewal cycle uses the same rules (``recurring_problem`` and ``decline_reason``), writing the
reason of a failed charge to ``charge_attempts`` instead of answering an error.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from .dates import month_end
from .web import ApiError, validation_failed

DECLINED_LAST4 = "0002"  # every charge declined; verification passes
REFUSED_LAST4 = "0119"  # even the verification micro-charge is refused
CARD_BRANDS = ("visa", "mastercard")


def payment_method_json(row: sqlite3.Row) -> dict[str, object]:
    """The contract's ``PaymentMethod`` (never more than brand, last four, holder and expiry)."""
    expiry = None
    if row["exp_year"] is not None and row["exp_month"] is not None:
        expiry = f"{int(row['exp_year']):04d}-{int(row['exp_month']):02d}"
    return {
        "id": row["id"],
        "type": row["type"],
        "brand": row["brand"],
        "last4": row["last4"],
        "holder": row["holder"],
        "expiry": expiry,
        "validated": bool(row["validated"]),
        "is_default": bool(row["is_default"]),
    }


def describe(method: sqlite3.Row) -> str:
    """``the card ending 4242`` or ``the bank account ending 1332``."""
    kind = "card" if method["type"] == "card" else "bank account"
    return f"the {kind} ending {method['last4']}"


def find_method(conn: sqlite3.Connection, client_id: int, method_id: object) -> sqlite3.Row | None:
    """The client's stored (not removed) method with this id, or None."""
    if not isinstance(method_id, int) or isinstance(method_id, bool):
        return None
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM payment_methods WHERE id = ? AND client_id = ? AND deleted = 0",
        (method_id, client_id),
    ).fetchone()
    return row


def default_method(conn: sqlite3.Connection, client_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM payment_methods WHERE client_id = ? AND deleted = 0 AND is_default = 1"
        " ORDER BY id LIMIT 1",
        (client_id,),
    ).fetchone()
    return row


def expiry_problem(method: sqlite3.Row, day: date) -> str | None:
    """``the card ending 4242 expired in 2026-12`` when a card is past its expiry month."""
    if method["type"] != "card" or method["exp_year"] is None or method["exp_month"] is None:
        return None
    end = month_end(int(method["exp_year"]), int(method["exp_month"]))
    return f"{describe(method)} expired in {end:%Y-%m}" if end < day else None


def decline_reason(method: sqlite3.Row | None) -> str | None:
    """Why the (simulated) bank declines a charge to this method, or None."""
    if method is None:
        return "no such payment method"
    if method["type"] == "card" and method["last4"] in (DECLINED_LAST4, REFUSED_LAST4):
        return f"{describe(method)} was declined by its bank"
    return None


def recurring_problem(method: sqlite3.Row | None, day: date) -> str | None:
    """Why ``method`` cannot pay a service's renewal on ``day`` (a validated card or bank account
    for direct debit, not removed, a card not expired), or None when it can."""
    if method is None or method["deleted"]:
        return "no such payment method in this account"
    if not method["validated"]:
        return f"{describe(method)} is not validated yet; answer its verification challenge first"
    return expiry_problem(method, day)


def checked_method(
    conn: sqlite3.Connection, client_id: int, method_id: object, *, cards_only: bool
) -> sqlite3.Row:
    """The client's validated method to charge by hand; else ``422`` on ``payment_method_id``."""
    method = find_method(conn, client_id, method_id)
    problem = None
    if method is None:
        problem = "no such payment method in this account"
    elif cards_only and method["type"] != "card":
        problem = "must be a card (top up from a bank account with method: transfer)"
    elif method["type"] == "card" and method["brand"] not in CARD_BRANDS:
        problem = "only Visa and Mastercard cards are accepted (American Express is not)"
    elif not method["validated"]:
        problem = (
            f"{describe(method)} is not validated yet; answer its verification challenge first"
        )
    if problem is not None or method is None:
        raise validation_failed({"payment_method_id": problem or "no such payment method"})
    return method


def charge_error(method: sqlite3.Row, day: date) -> ApiError | None:
    """The ``402`` a charge to ``method`` on ``day`` answers, or None when it goes through."""
    details = {"payment_method_id": int(method["id"])}
    expired = expiry_problem(method, day)
    if expired is not None:
        return ApiError(402, "card_expired", expired[0].upper() + expired[1:] + ".", details)
    declined = decline_reason(method)
    if declined is not None:
        return ApiError(402, "payment_failed", declined[0].upper() + declined[1:] + ".", details)
    return None

"""Verifying a payment method: the provider's micro-charge challenge (``verifyPaymentMethod``).

Starting the challenge charges the card (or debits the bank account) a small random amount, from
0.01 to 0.99 in the client's currency, refunded afterwards; the customer reads it on the statement
and answers it. The rules:

- starting again while a challenge is pending returns it unchanged (no second charge);
- a right answer (``"0.37"``; ``".37"`` and ``"0,37"`` count too) validates the method;
- a wrong one answers ``422`` on ``details.answer`` with the attempts left; after ``ATTEMPTS``
  wrong answers the challenge is ``failed`` and answering again is ``409`` until a new challenge
  is started (a new amount). A challenge not answered within ``VALID_DAYS`` (business days) is
  failed too;
- an answer that is not an amount counts for nothing (``422``);
- a validated method answers ``409``; an expired card ``402 card_expired``; a card the bank
  refuses (the test card ending ``0119``) ``402 payment_failed``.

The sandbox has no bank statement: the expected amount is shown by
``clientarea sandbox show-challenge ID`` and by ``GET /_sandbox/payment-methods/{id}/challenge``
(``pending_challenge`` below), and the instructions say so.
"""

from __future__ import annotations

import re
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from . import money
from .clock import read_business_date
from .dates import instant_on
from .payments import REFUSED_LAST4, describe, expiry_problem, payment_method_json
from .store import Database
from .web import ApiError, validation_failed

ATTEMPTS = 3
VALID_DAYS = 7
KIND = "micro_charge"
_AMOUNT = re.compile(r"^(\d{1,6}([.,]\d{1,2})?|[.,]\d{1,2})$")


@dataclass(frozen=True)
class Challenge:
    """A challenge as the sandbox's own tools show it (the expected answer included)."""

    payment_method_id: int
    method: str  # "the card ending 4242"
    status: str
    answer: str
    attempts_left: int
    expires_at: str


def _latest(conn: sqlite3.Connection, method_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM verifications WHERE payment_method_id = ? ORDER BY id DESC LIMIT 1",
        (method_id,),
    ).fetchone()
    return row


def _row(conn: sqlite3.Connection, challenge_id: int) -> sqlite3.Row:
    row: sqlite3.Row = conn.execute(
        "SELECT * FROM verifications WHERE id = ?", (challenge_id,)
    ).fetchone()
    return row


def _expired(challenge: sqlite3.Row, today: date) -> bool:
    return str(challenge["expires_at"])[:10] < today.isoformat()


def _instructions(method: sqlite3.Row, challenge: sqlite3.Row, currency: str) -> str:
    what = describe(method)
    if challenge["status"] == "verified":
        return f"Verified: {what} can now pay recurring charges and top-ups."
    if challenge["status"] == "failed":
        return "This challenge failed; start a new one (a new small charge) to try again."
    action = "charged to" if method["type"] == "card" else "debited from"
    return (
        f"A small amount under 1.00 {currency} was {action} {what} and will be refunded. "
        "Answer with that amount as your statement shows it, for example 0.37. "
        f"(Sandbox: clientarea sandbox show-challenge {method['id']} shows it.)"
    )


def _answer(method: sqlite3.Row, challenge: sqlite3.Row, currency: str) -> dict[str, object]:
    return {
        "payment_method_id": method["id"],
        "status": challenge["status"],
        "kind": challenge["kind"],
        "instructions": _instructions(method, challenge, currency),
        "attempts_left": challenge["attempts_left"],
        "expires_at": challenge["expires_at"],
        "payment_method": payment_method_json(method),
    }


def answer_problems(body: object) -> dict[str, str]:
    """``VerificationAnswer``: nothing, or ``{"answer": str | null}``."""
    if body is None:
        return {}
    if not isinstance(body, dict):
        raise ApiError(400, "bad_request", "the request body must be a JSON object")
    problems = {key: "is not a field of this request" for key in body if key != "answer"}
    answer = body.get("answer")
    if answer is not None and (not isinstance(answer, str) or len(answer) > 64):
        problems["answer"] = 'must be the amount charged as a string, such as "0.37", or null'
    return problems


def verify(
    conn: sqlite3.Connection, client_id: int, currency: str, today: date, method_id: int,
    body: Any,
) -> tuple[dict[str, object] | None, ApiError | None]:  # fmt: skip
    """Start or answer the challenge inside the caller's write transaction.

    Answers (the ``PaymentMethodVerification``, None) or (None, the error to send once the
    transaction has committed: a wrong answer still uses up an attempt). Raises the errors that
    change nothing.
    """
    problems = answer_problems(body)
    if problems:
        raise validation_failed(problems)
    method = conn.execute(
        "SELECT * FROM payment_methods WHERE id = ? AND client_id = ? AND deleted = 0",
        (method_id, client_id),
    ).fetchone()
    if method is None:
        raise ApiError(404, "not_found", "payment method not found")
    if method["validated"]:
        raise ApiError(409, "conflict", f"{describe(method)} is already validated",
                       {"validated": True})  # fmt: skip
    answer = body.get("answer") if isinstance(body, dict) else None
    challenge = _latest(conn, method_id)
    if challenge is not None and challenge["status"] == "pending" and _expired(challenge, today):
        conn.execute("UPDATE verifications SET status = 'failed' WHERE id = ?", (challenge["id"],))
        challenge = _row(conn, int(challenge["id"]))
    if answer is None:
        return _start(conn, method, challenge, currency, today), None
    if challenge is None or challenge["status"] != "pending":
        return None, ApiError(
            409, "conflict",
            f"no verification challenge is pending for {describe(method)}: start one by posting"
            " without an answer",
            {"status": None if challenge is None else challenge["status"]},
        )  # fmt: skip
    if not _AMOUNT.match(answer.strip()):
        raise validation_failed({"answer": "must be the amount charged, such as 0.37"})
    if Decimal(answer.strip().replace(",", ".")) == Decimal(challenge["answer"]):
        conn.execute(
            "UPDATE verifications SET status = 'verified' WHERE id = ?", (challenge["id"],)
        )
        conn.execute("UPDATE payment_methods SET validated = 1 WHERE id = ?", (method_id,))
        method = conn.execute("SELECT * FROM payment_methods WHERE id = ?", (method_id,)).fetchone()
        return _answer(method, _row(conn, int(challenge["id"])), currency), None
    left = int(challenge["attempts_left"]) - 1
    status = "pending" if left > 0 else "failed"
    conn.execute("UPDATE verifications SET attempts_left = ?, status = ? WHERE id = ?",
                 (left, status, challenge["id"]))  # fmt: skip
    if left > 0:
        message = f"the answer is wrong: {left} attempt{'s' if left != 1 else ''} left"
        detail = f"does not match the amount charged; {left} attempt{'s' if left != 1 else ''} left"
    else:
        message = "the answer is wrong: no attempts left; start a new challenge"
        detail = "does not match the amount charged; no attempts left: start a new challenge"
    return None, ApiError(422, "validation_failed", message, {"answer": detail})


def _start(
    conn: sqlite3.Connection, method: sqlite3.Row, challenge: sqlite3.Row | None, currency: str,
    today: date,
) -> dict[str, object]:  # fmt: skip
    if challenge is not None and challenge["status"] == "pending":
        return _answer(method, challenge, currency)
    expired = expiry_problem(method, today)
    if expired is not None:
        raise ApiError(402, "card_expired", expired[0].upper() + expired[1:] + ".",
                       {"payment_method_id": method["id"]})  # fmt: skip
    if method["type"] == "card" and method["last4"] == REFUSED_LAST4:
        raise ApiError(402, "payment_failed",
                       f"The bank refused the verification charge to {describe(method)}.",
                       {"payment_method_id": method["id"]})  # fmt: skip
    amount = money.to_text(Decimal(secrets.randbelow(99) + 1) / 100, currency)
    expires = instant_on(today + timedelta(days=VALID_DAYS))
    cursor = conn.execute(
        "INSERT INTO verifications (payment_method_id, kind, answer, status, attempts_left,"
        " created_at, expires_at) VALUES (?, ?, ?, 'pending', ?, ?, ?)",
        (method["id"], KIND, amount, ATTEMPTS, instant_on(today), expires),
    )
    return _answer(method, _row(conn, int(cursor.lastrowid or 0)), currency)


def pending_challenge(db: Database, method_id: int) -> Challenge | None:
    """The method's pending (unexpired) challenge with its expected answer, for the sandbox's
    own tools; None when there is none."""
    with db.read() as conn:
        today = read_business_date(conn)
        method = conn.execute("SELECT * FROM payment_methods WHERE id = ?", (method_id,)).fetchone()
        challenge = None if method is None else _latest(conn, method_id)
    if method is None or challenge is None or challenge["status"] != "pending":
        return None
    if _expired(challenge, today):
        return None
    return Challenge(int(method["id"]), describe(method), str(challenge["status"]),
                     str(challenge["answer"]), int(challenge["attempts_left"]),
                     str(challenge["expires_at"]))  # fmt: skip

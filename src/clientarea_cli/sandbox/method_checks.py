"""Checking new payment methods: card numbers (length, Luhn, brand by IIN), expiry, CVC and
holder; IBANs (country length and mod-97 check digits), BIC and the direct-debit mandate.

Pure functions that answer problems as ``field -> message`` (for one ``422``) and, when the body
is good, the few facts the provider keeps. **A card's full number and CVC never leave this module:**
only the brand, the last four digits, the holder and the expiry are kept, messages never quote the
number, and ``card_fingerprint_body`` gives the idempotency store a body without them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from .dates import month_end
from .json_bodies import parse_json
from .web import ApiError

CARD_FIELDS = ("number", "expiry", "cvc", "holder", "make_default")
BANK_FIELDS = ("iban", "bic", "holder", "accept_mandate", "make_default")
MAX_HOLDER = 200
MAX_CARD_YEARS = 20  # an expiry further away than this is a typo
_EXPIRY = re.compile(r"^([0-9]{4})-(0[1-9]|1[0-2])$")
_SEPARATORS = re.compile(r"[\s-]")
_IBAN = re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$")
_BIC = re.compile(r"^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$")
# IBAN lengths of the SEPA countries (direct debit is a SEPA scheme).
IBAN_LENGTHS = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
    "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28,
    "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31,
    "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
    "VA": 22,
}  # fmt: skip


@dataclass(frozen=True)
class NewCard:
    brand: str
    last4: str
    exp_year: int
    exp_month: int
    holder: str
    make_default: bool


@dataclass(frozen=True)
class NewBankAccount:
    last4: str
    bic: str | None
    holder: str
    make_default: bool


def luhn_ok(digits: str) -> bool:
    """The Luhn check digit of a card number is right."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def card_brand(digits: str) -> str | None:
    """``visa`` (4), ``mastercard`` (51–55, 2221–2720), ``amex`` (34, 37) or None, by the IIN."""
    if digits.startswith("4"):
        return "visa"
    if 51 <= int(digits[:2]) <= 55 or 2221 <= int(digits[:4]) <= 2720:
        return "mastercard"
    if digits[:2] in ("34", "37"):
        return "amex"
    return None


def _number_problem(value: object) -> tuple[str | None, str | None]:
    """(brand, None) for an accepted card number, else (None, why)."""
    if not isinstance(value, str):
        return None, "is required: the card number, digits only"
    digits = _SEPARATORS.sub("", value)
    if not digits.isdigit() or not digits.isascii():
        return None, "must be the card number, digits only"
    if not 12 <= len(digits) <= 19:
        return None, "must have 12 to 19 digits"
    if not luhn_ok(digits):
        return None, "is not a valid card number (its check digit is wrong)"
    brand = card_brand(digits)
    if brand == "amex":
        return None, ("American Express cards are not accepted (provider policy); "
                      "use a Visa or Mastercard")  # fmt: skip
    if brand is None:
        return None, "only Visa and Mastercard cards are accepted"
    lengths = (13, 16, 19) if brand == "visa" else (16,)
    if len(digits) not in lengths:
        name = "Visa" if brand == "visa" else "Mastercard"
        counts = ", ".join(map(str, lengths[:-1])) + " or " if len(lengths) > 1 else ""
        return None, f"a {name} number has {counts}{lengths[-1]} digits"
    return brand, None


def _holder_problem(value: object, what: str) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return f"is required: {what}"
    return f"must be at most {MAX_HOLDER} characters" if len(value.strip()) > MAX_HOLDER else None


def _unknown(body: dict[str, Any], fields: tuple[str, ...]) -> dict[str, str]:
    return {key: "is not a field of this request" for key in body if key not in fields}


def card_problems(body: dict[str, Any], today: date) -> tuple[NewCard | None, dict[str, str]]:
    """``CardCreate``: the card to keep, or the problems of each field."""
    problems = _unknown(body, CARD_FIELDS)
    brand, problem = _number_problem(body.get("number"))
    if problem:
        problems["number"] = problem
    expiry = body.get("expiry")
    found = _EXPIRY.match(expiry) if isinstance(expiry, str) else None
    if found is None:
        problems["expiry"] = "is required: the expiry month as YYYY-MM"
    elif int(found.group(1)) < today.year - 100:  # year 0000 has no calendar
        problems["expiry"] = f"is past: the card expired at the end of {expiry}"
    else:
        end = month_end(int(found.group(1)), int(found.group(2)))
        if end < today:
            problems["expiry"] = f"is past: the card expired at the end of {end:%Y-%m}"
        elif end.year > today.year + MAX_CARD_YEARS:
            problems["expiry"] = f"must be within {MAX_CARD_YEARS} years"
    cvc = body.get("cvc")
    if not isinstance(cvc, str) or len(cvc) != 3 or not cvc.isdigit() or not cvc.isascii():
        problems["cvc"] = "is required: the 3 digits on the back of the card"
    holder_problem = _holder_problem(body.get("holder"), "the name on the card")
    if holder_problem:
        problems["holder"] = holder_problem
    if "make_default" in body and not isinstance(body["make_default"], bool):
        problems["make_default"] = "must be true or false"
    if problems or brand is None or found is None:
        return None, problems
    digits = _SEPARATORS.sub("", str(body["number"]))
    card = NewCard(brand, digits[-4:], int(found.group(1)), int(found.group(2)),
                   str(body["holder"]).strip(), body.get("make_default") is True)  # fmt: skip
    return card, {}


def normal_iban(value: str) -> str:
    """The electronic form: no spaces, capitals."""
    return re.sub(r"\s", "", value).upper()


def iban_problem(value: object) -> str | None:
    """Why ``value`` is not a SEPA IBAN with valid check digits, or None."""
    if not isinstance(value, str) or not value.strip():
        return "is required: the account's IBAN"
    iban = normal_iban(value)
    if not _IBAN.match(iban):
        return "must be an IBAN: a country code, 2 check digits and the account number"
    length = IBAN_LENGTHS.get(iban[:2])
    if length is None:
        return f"{iban[:2]} is not a SEPA country: direct debit needs a SEPA bank account"
    if len(iban) != length:
        return f"an IBAN of {iban[:2]} has {length} characters, not {len(iban)}"
    rearranged = iban[4:] + iban[:4]
    if int("".join(str(int(char, 36)) for char in rearranged)) % 97 != 1:
        return "is not a valid IBAN (its check digits are wrong)"
    return None


def bank_account_problems(body: dict[str, Any]) -> tuple[NewBankAccount | None, dict[str, str]]:
    """``BankAccountCreate``: the account to keep, or the problems of each field."""
    problems = _unknown(body, BANK_FIELDS)
    problem = iban_problem(body.get("iban"))
    if problem:
        problems["iban"] = problem
    bic = body.get("bic")
    if bic is not None and (not isinstance(bic, str) or not _BIC.match(bic.strip().upper())):
        problems["bic"] = "must be a BIC of 8 or 11 characters, such as CAIXESBBXXX, or null"
    holder_problem = _holder_problem(body.get("holder"), "the account holder's name")
    if holder_problem:
        problems["holder"] = holder_problem
    if body.get("accept_mandate") is not True:
        problems["accept_mandate"] = "the direct-debit mandate must be accepted"
    if "make_default" in body and not isinstance(body["make_default"], bool):
        problems["make_default"] = "must be true or false"
    if problems:
        return None, problems
    account = NewBankAccount(
        normal_iban(str(body["iban"]))[-4:], bic.strip().upper() if isinstance(bic, str) else None,
        str(body["holder"]).strip(), body.get("make_default") is True,
    )  # fmt: skip
    return account, {}


def card_fingerprint_body(raw: bytes) -> bytes:
    """The body of ``addCard`` as the idempotency store may hash and keep it.

    A hash of the real body could be brute-forced back to the card number (only a few middle
    digits are unknown once the brand and last four are), so the store fingerprints this instead:
    the number reduced to its first digit, last four digits and length, the CVC to whether it was
    given. A retry with the same key and card still replays; the same key with another card that
    shares those digits (and every other field) would replay too, an accepted blind spot.
    """
    try:
        body = parse_json(raw)
    except ApiError:
        return b'"unparseable body"'
    if not isinstance(body, dict):
        return json.dumps(type(body).__name__).encode()
    # Unknown fields are refused anyway; their values (a number sent as "card_number"?) are not kept.
    safe = {key: value if key in CARD_FIELDS else "?" for key, value in body.items()}
    number = safe.get("number")
    if isinstance(number, str):
        digits = _SEPARATORS.sub("", number)
        safe["number"] = f"{digits[:1]}…{digits[-4:]}/{len(digits)}"
    elif "number" in safe:
        safe["number"] = type(number).__name__
    if "cvc" in safe:
        safe["cvc"] = "given"
    return json.dumps(safe, sort_keys=True, ensure_ascii=False).encode()

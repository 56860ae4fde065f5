"""Validators for the account's and its contacts' fields, its password and the e-mail kinds.

Like ``validation``, every function answers problems as data (``field -> message``) so a handler
can report every problem of a body in one 422 ``validation_failed``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .validation import COUNTRIES, email_problem

EMAIL_KINDS = ("general", "invoice", "support", "product", "domain", "affiliate")
_PHONE = re.compile(r"^\+[0-9]{1,3}\.[0-9]{4,14}$")
_TAX_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./-]{3,49}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")

# field -> (kind, may be null, at most this many characters)
ACCOUNT_FIELDS: dict[str, tuple[str, bool, int]] = {
    "email": ("email", False, 254),
    "first_name": ("text", False, 100),
    "last_name": ("text", False, 100),
    "company": ("text", True, 200),
    "address1": ("text", False, 200),
    "address2": ("text", True, 200),
    "city": ("text", False, 100),
    "state": ("text", True, 100),
    "postcode": ("text", False, 20),
    "country": ("country", False, 2),
    "phone": ("phone", True, 30),
    "tax_id": ("tax_id", True, 50),
    "language": ("language", False, 35),
}
CONTACT_FIELDS: dict[str, tuple[str, bool, int]] = {
    "first_name": ("text", False, 100),
    "last_name": ("text", False, 100),
    "company": ("text", True, 200),
    "email": ("email", False, 254),
    "phone": ("phone", True, 30),
    "address1": ("text", True, 200),
    "city": ("text", True, 100),
    "postcode": ("text", True, 20),
    "country": ("country", True, 2),
}
READ_ONLY_ACCOUNT = ("id", "currency", "email_verified", "security_question", "created_at")


def _value_problem(kind: str, value: str, limit: int) -> str | None:
    if kind == "country" and value not in COUNTRIES:
        return f"{value!r} is not an ISO 3166-1 alpha-2 country code (such as ES)"
    if len(value) > limit:
        return f"must be at most {limit} characters"
    if kind == "email":
        return email_problem(value)
    if kind == "phone" and not _PHONE.match(value):
        return f"{value!r} is not in the form +CC.NUMBER (such as +34.911234567)"
    if kind == "tax_id" and (not _TAX_ID.match(value) or not any(c.isdigit() for c in value)):
        return (
            f"{value!r} is not a tax id: 4 to 50 letters, digits, spaces, dots, hyphens or "
            "slashes, with at least one digit (such as ESB12345678)"
        )
    if kind == "language" and not _LANGUAGE.match(value):
        return f"{value!r} is not a language tag such as es or en-GB"
    return None


def field_problems(
    body: Mapping[str, Any], specs: Mapping[str, tuple[str, bool, int]]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Check the fields of ``specs`` present in ``body``; answer (clean values, problems).

    Text is stored stripped; an empty optional field is stored as null.
    """
    values: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for name, (kind, nullable, limit) in specs.items():
        if name not in body:
            continue
        value = body[name]
        # '' clears optional text; a country is a code or null (its schema has a pattern).
        blank = kind != "country" and isinstance(value, str) and not value.strip()
        if value is None or (nullable and blank):
            if nullable:
                values[name] = None
            else:
                problems[name] = "must not be empty"
            continue
        if not isinstance(value, str):
            problems[name] = "must be text or null" if nullable else "must be text"
            continue
        value = value.strip()
        if not value:
            problems[name] = "must not be empty"
        elif (problem := _value_problem(kind, value, limit)) is not None:
            problems[name] = problem
        else:
            values[name] = value
    return values, problems


def email_kinds_problem(value: object) -> str | None:
    if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
        return "must be a list of: " + ", ".join(EMAIL_KINDS)
    unknown = [k for k in value if k not in EMAIL_KINDS]
    if unknown:
        return f"{unknown[0]!r} is not a kind of e-mail (use {', '.join(EMAIL_KINDS)})"
    if len(set(value)) != len(value):
        return "must not repeat a kind"
    return None


def ordered_kinds(kinds: list[str]) -> list[str]:
    """E-mail kinds in the contract's order."""
    return [kind for kind in EMAIL_KINDS if kind in kinds]


MIN_PASSWORD, MAX_PASSWORD = 8, 128


def password_problem(password: object, account: Any) -> str | None:
    """The sandbox's strength rule for a new client-area password (None when it is strong).

    8 to 128 characters; at least three of lower case, upper case, digits and symbols, unless it
    is 16 characters or longer (a passphrase); never containing the e-mail's local part or the
    first or last name (3 characters or longer). ``account`` is the client's row (or a mapping).
    """
    if not isinstance(password, str):
        return "must be text"
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        return f"must be {MIN_PASSWORD} to {MAX_PASSWORD} characters"
    classes = sum(
        (
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        )
    )
    if classes < 3 and len(password) < 16:
        return (
            "is too weak: mix three of lower case, upper case, digits and symbols, "
            "or use 16 characters or more"
        )
    lowered = password.lower()
    personal = [
        str(account["email"]).partition("@")[0],
        account["first_name"],
        account["last_name"],
    ]
    for word in personal:
        if word and len(str(word)) >= 3 and str(word).lower() in lowered:
            return "must not contain your name or e-mail address"
    return None

"""The account and who is logged in; changing its details, password, security question and
e-mail verification; the password-reset request (no login)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.errors import UsageError
from clientarea_cli.i18n import _
from clientarea_cli.models import Account, FieldChange
from clientarea_cli.ops import validate


def show_account(driver: Driver) -> Account:
    driver.require(Capability.ACCOUNT, _("reading the account"))
    return driver.get_account()


# -- changing the account -----------------------------------------------------------------------

# field -> (may be cleared, at most this many characters), as the contract's AccountFields.
ACCOUNT_FIELDS: dict[str, tuple[bool, int]] = {
    "email": (False, 254),
    "first_name": (False, 100),
    "last_name": (False, 100),
    "company": (True, 200),
    "address1": (False, 200),
    "address2": (True, 200),
    "city": (False, 100),
    "state": (True, 100),
    "postcode": (False, 20),
    "country": (False, 2),
    "phone": (True, 30),
    "tax_id": (True, 50),
    "language": (False, 35),
}
_TAX_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./-]{3,49}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
MIN_PASSWORD, MAX_PASSWORD = 8, 128


def option_name(field: str) -> str:
    return "--" + field.replace("_", "-")


def person_field(field: str, value: str, *, nullable: bool, limit: int) -> str | None:
    """One field of the account or a contact as typed, checked as the provider will.

    '' clears an optional field; e-mail, phone and country go through `ops.validate`.
    """
    what = option_name(field)
    text = value.strip()
    if not text:
        if nullable:
            return None
        raise UsageError(_("invalid {what}: it cannot be empty").format(what=what))
    if field == "email":
        return validate.email(text, what)
    if field == "phone":
        return validate.phone(text, what)
    if field == "country":
        return validate.country(text, what)
    if len(text) > limit:
        raise UsageError(
            _("invalid {what}: longer than {limit} characters").format(what=what, limit=limit)
        )
    return text


def account_field(field: str, value: str) -> str | None:
    """One account field as the user typed it, checked as the provider will; '' clears it."""
    nullable, limit = ACCOUNT_FIELDS[field]
    text = person_field(field, value, nullable=nullable, limit=limit)
    what = option_name(field)
    if text is None:
        return None
    if field == "tax_id" and (not _TAX_ID.match(text) or not any(c.isdigit() for c in text)):
        raise UsageError(
            _("invalid {what}: {text!r} is not a tax id").format(what=what, text=text),
            hint=_(
                "4 to 50 letters, digits, spaces, dots, hyphens or slashes, with a digit (such as ESB12345678)"
            ),
        )
    if field == "language" and not _LANGUAGE.match(text):
        raise UsageError(
            _("invalid {what}: {text!r} is not a language tag").format(what=what, text=text),
            hint=_("such as es or en"),
        )
    return text


def checked_changes(wanted: Mapping[str, str | None]) -> dict[str, str | None]:
    """The options given (not None), each checked on its own before anything is fetched."""
    return {f: account_field(f, v) for f, v in wanted.items() if v is not None}


def account_diff(
    current: Account, changes: Mapping[str, str | None]
) -> tuple[dict[str, str | None], list[FieldChange]]:
    """The fields that really change (the PATCH body) and how, for the confirmation."""
    body: dict[str, str | None] = {}
    rows: list[FieldChange] = []
    for field, value in changes.items():
        before = getattr(current, field)
        if value != before:
            body[field] = value
            rows.append(FieldChange(field=field, before=before, after=value))
    return body, rows


def update_account(driver: Driver, body: dict[str, str | None]) -> Account:
    driver.require(Capability.ACCOUNT, _("changing the account"))
    return driver.update_account(dict(body))


def check_new_password(password: str, account: Account | None) -> str:
    """The provider's strength rule, checked before sending (see docs/account.md)."""
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise UsageError(
            _(
                "invalid new password: it must be {MIN_PASSWORD} to {MAX_PASSWORD} characters"
            ).format(MIN_PASSWORD=MIN_PASSWORD, MAX_PASSWORD=MAX_PASSWORD)
        )
    classes = sum(
        (
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        )
    )
    if classes < 3 and len(password) < 16:
        raise UsageError(
            _("invalid new password: it is too weak"),
            hint=_(
                "mix three of lower case, upper case, digits and symbols, or use 16 characters or more"
            ),
        )
    if account is not None:
        personal = [account.email.partition("@")[0], account.first_name, account.last_name]
        if any(len(w) >= 3 and w.lower() in password.lower() for w in personal):
            raise UsageError(
                _("invalid new password: it must not contain your name or e-mail address")
            )
    return password


def change_password(driver: Driver, current: str, new: str) -> None:
    driver.require(Capability.ACCOUNT, _("changing the password"))
    if current == new:
        raise UsageError(_("invalid new password: it is the same as the current one"))
    driver.change_password(current, new)


def security_text(value: str, what: str) -> str:
    text = value.strip()
    if not text:
        raise UsageError(_("invalid {what}: it is empty").format(what=what))
    if len(text) > 200:
        raise UsageError(_("invalid {what}: longer than 200 characters").format(what=what))
    return text


def set_security_question(driver: Driver, question: str, answer: str) -> None:
    driver.require(Capability.ACCOUNT, _("the security question"))
    driver.set_security_question(question, answer)


def request_email_verification(driver: Driver) -> None:
    driver.require(Capability.ACCOUNT, _("e-mail verification"))
    driver.request_email_verification()


def request_password_reset(driver: Driver, email: str) -> str:
    """Ask for a reset link for `email` (checked first); answer the address as sent."""
    address = validate.email(email, "EMAIL")
    driver.request_password_reset(address)
    return address

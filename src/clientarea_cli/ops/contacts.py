"""The account's contacts: adding, changing and removing them, with the kinds of e-mail each
receives and the billing flag. Fields are checked (`ops.validate`) before anything is sent."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.errors import NotFound, ProviderError, UsageError
from clientarea_cli.i18n import _
from clientarea_cli.models import Contact, FieldChange
from clientarea_cli.models.choices import EMAIL_KINDS
from clientarea_cli.ops.account import person_field

# field -> (required, at most this many characters), as the contract's ContactFields.
CONTACT_FIELDS: dict[str, tuple[bool, int]] = {
    "first_name": (True, 100),
    "last_name": (True, 100),
    "company": (False, 200),
    "email": (True, 254),
    "phone": (False, 30),
    "address1": (False, 200),
    "city": (False, 100),
    "postcode": (False, 20),
    "country": (False, 2),
}


def list_contacts(driver: Driver) -> list[Contact]:
    driver.require(Capability.CONTACTS, _("reading contacts"))
    return driver.list_contacts()


def find_contact(driver: Driver, contact_id: int) -> Contact:
    for contact in list_contacts(driver):
        if contact.id == contact_id:
            return contact
    raise NotFound(
        _("contact {contact_id} not found").format(contact_id=contact_id),
        hint=_("see `clientarea contacts list`"),
    )


def parse_kinds(values: list[str], what: str = "--email-kinds") -> list[str]:
    """Kinds of e-mail, comma-separated or repeated; `all` for every kind, `none` for none."""
    wanted: set[str] = set()
    for value in values:
        for part in value.split(","):
            kind = part.strip().lower()
            if kind == "all":
                wanted.update(EMAIL_KINDS)
            elif kind in EMAIL_KINDS:
                wanted.add(kind)
            elif kind not in ("none", ""):
                raise UsageError(
                    _("invalid {what}: {value!r} is not a kind of e-mail").format(
                        what=what, value=part.strip()
                    ),
                    hint=_("use {choices}, all or none").format(choices=", ".join(EMAIL_KINDS)),
                )
    return [kind for kind in EMAIL_KINDS if kind in wanted]


def contact_field(field: str, value: str) -> str | None:
    """One field as typed, checked as the provider will; '' clears an optional one."""
    required, limit = CONTACT_FIELDS[field]
    return person_field(field, value, nullable=not required, limit=limit)


def checked_fields(
    options: Mapping[str, str | None], kinds: list[str] | None, billing: bool | None
) -> dict[str, Any]:
    """The request body from the options given (None: not given)."""
    body: dict[str, Any] = {
        field: contact_field(field, value) for field, value in options.items() if value is not None
    }
    if kinds is not None:
        body["email_kinds"] = parse_kinds(kinds)
    if billing is not None:
        body["is_billing"] = billing
    return body


def new_contact(body: dict[str, Any]) -> dict[str, Any]:
    missing = [f for f in ("first_name", "last_name", "email") if body.get(f) is None]
    if missing:
        names = ", ".join("--" + f.replace("_", "-") for f in missing)
        raise UsageError(_("a new contact needs {names}").format(names=names))
    return body


def _shown(value: Any) -> str | None:
    if isinstance(value, list):
        return ", ".join(value) or "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return None if value is None else str(value)


def contact_diff(
    current: Contact, body: Mapping[str, Any]
) -> tuple[dict[str, Any], list[FieldChange]]:
    """The fields that really change and how, for the confirmation."""
    changes: dict[str, Any] = {}
    rows = []
    for field, value in body.items():
        before = getattr(current, field)
        if value != before:
            changes[field] = value
            rows.append(FieldChange(field=field, before=_shown(before), after=_shown(value)))
    return changes, rows


def add_contact(driver: Driver, body: dict[str, Any]) -> Contact:
    driver.require(Capability.CONTACTS, _("adding contacts"))
    return driver.create_contact(body, idempotency_key=str(uuid.uuid4()))


def update_contact(driver: Driver, contact_id: int, changes: dict[str, Any]) -> Contact:
    driver.require(Capability.CONTACTS, _("changing contacts"))
    return driver.update_contact(contact_id, changes)


def remove_contact(driver: Driver, contact_id: int) -> None:
    """Remove it; the provider refuses while domains use it for their recurring payment."""
    driver.require(Capability.CONTACTS, _("removing contacts"))
    try:
        driver.delete_contact(contact_id)
    except ProviderError as exc:
        domains = exc.details.get("domains") if isinstance(exc.details, dict) else None
        if exc.status != 409 or not isinstance(domains, list):
            raise
        shown = ", ".join(str(d) for d in domains[:5]) + (", …" if len(domains) > 5 else "")
        raise ProviderError(
            _(
                "contact {contact_id} is the billing contact of the recurring payment of {count} domain(s): {shown}"
            ).format(contact_id=contact_id, count=len(domains), shown=shown),
            status=409,
            code=exc.code,
            hint=_(
                "choose another contact for them first (`clientarea domains recur … --contact`)"
            ),
        ) from None

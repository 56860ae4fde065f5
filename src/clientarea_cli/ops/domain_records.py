"""Use-cases for what hangs off one domain: name servers, child name servers, the EPP code,
WHOIS contacts and DNS records. Input is checked (`ops.validate`) before any request is sent;
creating POSTs carry a fresh idempotency key so a retry never creates twice."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from typing import Any

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.errors import NotFound, ProviderError, UsageError
from clientarea_cli.i18n import _
from clientarea_cli.models import Account, Contact
from clientarea_cli.models.choices import CONTACT_ROLES
from clientarea_cli.models.domain_records import (
    ChildNameserver,
    DnsRecord,
    DnsRecordInput,
    DomainContact,
    DomainContacts,
    EppCode,
    Nameserver,
    RoleContact,
)
from clientarea_cli.ops import validate


def _ref(ref: str) -> str:
    return validate.domain_ref(ref)


def zone_of(ref: str) -> str | None:
    """The zone's name when the domain is given by name (not by id)."""
    name = _ref(ref)
    return None if name.isdigit() else name


# -- name servers and child name servers --------------------------------------------------------


def show_nameservers(driver: Driver, ref: str) -> list[Nameserver]:
    driver.require(Capability.DOMAINS, _("reading name servers"))
    return [Nameserver(host=host) for host in driver.get_nameservers(_ref(ref))]


def list_child_nameservers(driver: Driver, ref: str) -> list[ChildNameserver]:
    driver.require(Capability.DOMAINS, _("child name servers"))
    return driver.list_child_nameservers(_ref(ref))


def child_host(ref: str, host: str) -> str:
    """A child name server's full host name; a bare label (`ns1`) is taken as under the domain."""
    zone = zone_of(ref)
    if "." not in host.strip().rstrip("."):
        if zone is None:
            raise UsageError(
                _("invalid HOST: give the full host name (such as {host}.example.es)").format(
                    host=host
                )
            )
        host = f"{host.strip()}.{zone}"
    full = validate.hostname(host, "HOST")
    if zone is not None and not full.endswith("." + zone):
        raise UsageError(
            _("invalid HOST: {host!r} is not under {zone}").format(host=host, zone=zone),
            hint=_("such as ns1.{zone}").format(zone=zone),
        )
    return full


def child_nameserver(ref: str, host: str, ips: list[str]) -> ChildNameserver:
    """A checked child name server: its host under the domain, 1 to 13 different IPs."""
    return ChildNameserver(host=child_host(ref, host), ips=validate.ip_addresses(ips))


def add_child_nameserver(driver: Driver, ref: str, server: ChildNameserver) -> ChildNameserver:
    driver.require(Capability.DOMAINS, _("child name servers"))
    key = str(uuid.uuid4())
    return driver.add_child_nameserver(_ref(ref), server.host, server.ips, idempotency_key=key)


def update_child_nameserver(driver: Driver, ref: str, server: ChildNameserver) -> ChildNameserver:
    driver.require(Capability.DOMAINS, _("child name servers"))
    return driver.update_child_nameserver(_ref(ref), server.host, server.ips)


def remove_child_nameserver(driver: Driver, ref: str, host: str) -> None:
    driver.require(Capability.DOMAINS, _("child name servers"))
    driver.remove_child_nameserver(_ref(ref), host)


# -- EPP code -----------------------------------------------------------------------------------


def get_epp_code(driver: Driver, ref: str) -> EppCode:
    """The transfer code; a locked domain (the provider's 409) says how to unlock it."""
    driver.require(Capability.DOMAINS, _("transfer (EPP) codes"))
    try:
        return driver.get_epp_code(_ref(ref))
    except ProviderError as exc:
        if exc.status != 409:
            raise
        raise ProviderError(
            _(
                "{ref} is locked (registrar lock), so its transfer code cannot be given: run `clientarea domains lock off {ref}` first"
            ).format(ref=_ref(ref)),
            status=409,
            code=exc.code,
        ) from None


# -- WHOIS contacts -----------------------------------------------------------------------------


def get_contacts(driver: Driver, ref: str) -> DomainContacts:
    driver.require(Capability.DOMAINS, _("domain contacts"))
    return driver.get_domain_contacts(_ref(ref))


def contact_rows(contacts: DomainContacts) -> list[RoleContact]:
    return [
        RoleContact(role=role, **getattr(contacts, role).model_dump()) for role in CONTACT_ROLES
    ]


def parse_roles(values: list[str]) -> list[str]:
    """`--role` values (`all` for the four) in the contract's order."""
    wanted: set[str] = set()
    for value in values:
        role = value.strip().lower()
        if role == "all":
            wanted.update(CONTACT_ROLES)
        elif role in CONTACT_ROLES:
            wanted.add(role)
        else:
            raise UsageError(
                _("invalid value for --role: {value!r}").format(value=value),
                hint=_("choose from registrant, admin, tech, billing or all"),
            )
    return [role for role in CONTACT_ROLES if role in wanted]


def check_fields(fields: Mapping[str, str | None]) -> dict[str, str | None]:
    """Field options checked on their own, before anything is fetched; '' clears a field."""
    return {
        field: validate.contact_field(field, value, f"--{field.replace('_', '-')}")
        for field, value in fields.items()
        if value is not None
    }


def read_contacts_file(text: str, source: str) -> dict[str, dict[str, Any]] | dict[str, Any]:
    """A JSON file: either `{"registrant": {...}, ...}` (some roles) or one contact's fields."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise UsageError(
            _("{source} is not valid JSON: {exc}").format(source=source, exc=exc)
        ) from None
    if not isinstance(data, dict) or not data:
        raise UsageError(
            _("{source} must hold a JSON object: a contact, or contacts by role").format(
                source=source
            )
        )
    roles = [key for key in data if key in CONTACT_ROLES]
    if roles and len(roles) != len(data):
        other = next(key for key in data if key not in CONTACT_ROLES)
        raise UsageError(
            _("{source}: {other!r} is not a role (registrant, admin, tech, billing)").format(
                source=source, other=other
            )
        )
    for role in roles:
        if not isinstance(data[role], dict):
            raise UsageError(
                _("{source}: {role} must be an object with the contact's fields").format(
                    source=source, role=role
                )
            )
    return data


def fields_from_account(account: Account) -> dict[str, Any]:
    return account.model_dump(include=set(validate.CONTACT_FIELDS))


def fields_from_contact(contact: Contact) -> dict[str, Any]:
    return {**contact.model_dump(include=set(validate.CONTACT_FIELDS)), "address2": None,
            "state": None}  # fmt: skip


def find_account_contact(driver: Driver, contact_id: int) -> Contact:
    driver.require(Capability.CONTACTS, _("reading contacts"))
    contacts = driver.list_contacts()
    for contact in contacts:
        if contact.id == contact_id:
            return contact
    known = ", ".join(f"{c.id} ({c.first_name} {c.last_name})" for c in contacts)
    raise NotFound(
        _("contact {contact_id} not found").format(contact_id=contact_id),
        hint=_("the account's contacts: {known}").format(known=known)
        if known
        else _("the account has no contacts"),
    )


def new_contacts(
    current: DomainContacts,
    changes: Mapping[str, Mapping[str, Any]],
    overrides: Mapping[str, str | None],
) -> DomainContacts:
    """`current` with the roles in `changes` updated, each checked whole.

    A role's new contact is its current one, updated with the fields of `changes[role]` (a
    whole source such as `--from-contact` gives them all), then with the `overrides`.
    """
    result = current.model_dump()
    for role, fields in changes.items():
        merged = {**result[role], **fields, **overrides}
        result[role] = validate.domain_contact(merged, role).model_dump()
    return DomainContacts.model_validate(result)


def contacts_diff(old: DomainContacts, new: DomainContacts) -> list[tuple[str, Any, Any]]:
    """(`role.field`, before, after) for every field that changes."""
    changes = []
    for role in CONTACT_ROLES:
        before: DomainContact = getattr(old, role)
        after: DomainContact = getattr(new, role)
        for field in validate.CONTACT_FIELDS:
            if getattr(before, field) != getattr(after, field):
                changes.append((f"{role}.{field}", getattr(before, field), getattr(after, field)))
    return changes


def set_contacts(driver: Driver, ref: str, contacts: DomainContacts) -> DomainContacts:
    driver.require(Capability.DOMAINS, _("changing domain contacts"))
    return driver.set_domain_contacts(_ref(ref), contacts)


# -- DNS records --------------------------------------------------------------------------------


def list_dns_records(driver: Driver, ref: str) -> list[DnsRecord]:
    driver.require(Capability.DOMAINS, _("DNS management"))
    return driver.list_dns_records(_ref(ref))


def dns_record(
    ref: str, kind: str, name: str, value: str, ttl: int, priority: int | None
) -> DnsRecordInput:
    return validate.dns_record(kind, name, value, ttl, priority, zone=zone_of(ref))


def add_dns_record(driver: Driver, ref: str, record: DnsRecordInput) -> DnsRecord:
    driver.require(Capability.DOMAINS, _("DNS management"))
    return driver.add_dns_record(_ref(ref), record, idempotency_key=str(uuid.uuid4()))


def find_dns_record(driver: Driver, ref: str, record_id: int) -> DnsRecord:
    for record in list_dns_records(driver, ref):
        if record.id == record_id:
            return record
    raise NotFound(
        _("DNS record {record_id} not found in {ref}").format(record_id=record_id, ref=_ref(ref)),
        hint=_("see `clientarea domains dns list {ref}`").format(ref=_ref(ref)),
    )


def check_record_changes(kind: str | None, ttl: int | None, priority: int | None) -> None:
    """What `dns update` options can tell on their own, before the record is fetched."""
    if kind is not None:
        validate.record_type(kind)
    if ttl is not None:
        validate.ttl_seconds(ttl)
    if priority is not None and not 0 <= priority <= 65535:
        raise UsageError(
            _("invalid --priority: {priority} is out of range (0 to 65535)").format(
                priority=priority
            )
        )


def merged_dns_record(
    ref: str,
    current: DnsRecord,
    *,
    kind: str | None = None,
    name: str | None = None,
    value: str | None = None,
    ttl: int | None = None,
    priority: int | None = None,
) -> DnsRecordInput:
    """The record with the given changes, checked whole; a type without priority drops it."""
    new_kind = validate.record_type(kind) if kind is not None else current.type
    new_priority = priority if priority is not None else current.priority
    if priority is None and new_kind not in validate.PRIORITY_TYPES:
        new_priority = None
    return dns_record(
        ref,
        new_kind,
        name if name is not None else current.name,
        value if value is not None else current.value,
        ttl if ttl is not None else current.ttl,
        new_priority,
    )


def update_dns_record(
    driver: Driver, ref: str, record_id: int, record: DnsRecordInput
) -> DnsRecord:
    driver.require(Capability.DOMAINS, _("DNS management"))
    return driver.update_dns_record(_ref(ref), record_id, record)


def remove_dns_record(driver: Driver, ref: str, record_id: int) -> None:
    driver.require(Capability.DOMAINS, _("DNS management"))
    driver.remove_dns_record(_ref(ref), record_id)

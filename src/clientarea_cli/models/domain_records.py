"""What hangs off a domain: name servers, child name servers, EPP code, contacts, DNS records."""

from __future__ import annotations

from clientarea_cli.models.common import Model


class ChildNameserver(Model):
    """A host under the domain registered at the registry with its IP addresses (glue)."""

    host: str
    ips: list[str]


class EppCode(Model):
    """The transfer code, or where the provider e-mailed it (registries that hide it)."""

    code: str | None = None
    emailed_to: str | None = None


class DomainContact(Model):
    first_name: str
    last_name: str
    company: str | None = None
    email: str
    phone: str
    address1: str
    address2: str | None = None
    city: str
    state: str | None = None
    postcode: str
    country: str


class DomainContacts(Model):
    registrant: DomainContact
    admin: DomainContact
    tech: DomainContact
    billing: DomainContact


class DnsRecordInput(Model):
    """A record to create or to replace another with; `name` is relative to the zone (`@`)."""

    type: str
    name: str
    value: str
    ttl: int = 3600
    priority: int | None = None


class DnsRecord(Model):
    """A record of the zone, as the provider stores it."""

    id: int
    type: str
    name: str
    value: str
    ttl: int = 3600
    priority: int | None = None

    def as_input(self) -> DnsRecordInput:
        return DnsRecordInput.model_validate(self.model_dump(exclude={"id"}))


class Nameserver(Model):
    """One of a domain's name servers (a row of `domains nameservers show`)."""

    host: str


class RoleContact(DomainContact):
    """A WHOIS contact with its role, for tables and CSV (JSON shows `DomainContacts`)."""

    role: str

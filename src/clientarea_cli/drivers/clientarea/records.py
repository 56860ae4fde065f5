"""Name servers (read), child name servers, EPP code, WHOIS contacts and DNS records of the
Client Area API (`/v1/domains/{domain}/…`)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from clientarea_cli import models
from clientarea_cli.drivers.clientarea.base import ClientAreaBase, domain_path
from clientarea_cli.models.common import Model

if TYPE_CHECKING:
    from clientarea_cli.models.domain_records import (
        ChildNameserver,
        DnsRecord,
        DnsRecordInput,
        DomainContacts,
        EppCode,
    )


class _NameserverList(Model):
    nameservers: list[str]


def _child_path(ref: str, host: str) -> str:
    return domain_path(ref, f"/child-nameservers/{quote(host, safe='')}")


class DomainRecordsMixin(ClientAreaBase):
    def get_nameservers(self, ref: str) -> list[str]:
        return self._get(domain_path(ref, "/nameservers"), _NameserverList).nameservers

    # -- child name servers -----------------------------------------------------------------
    def list_child_nameservers(self, ref: str) -> list[ChildNameserver]:
        return self._list(
            domain_path(ref, "/child-nameservers"), models.domain_records.ChildNameserver, {}, None
        ).items

    def add_child_nameserver(
        self, ref: str, host: str, ips: list[str], *, idempotency_key: str
    ) -> ChildNameserver:
        body = {"host": host, "ips": ips}
        path = domain_path(ref, "/child-nameservers")
        return self._send(
            "POST",
            path,
            models.domain_records.ChildNameserver,
            body,
            idempotency_key=idempotency_key,
        )

    def update_child_nameserver(self, ref: str, host: str, ips: list[str]) -> ChildNameserver:
        return self._send(
            "PUT", _child_path(ref, host), models.domain_records.ChildNameserver, {"ips": ips}
        )

    def remove_child_nameserver(self, ref: str, host: str) -> None:
        self._delete(_child_path(ref, host))

    # -- EPP code and contacts --------------------------------------------------------------
    def get_epp_code(self, ref: str) -> EppCode:
        return self._get(domain_path(ref, "/epp-code"), models.domain_records.EppCode)

    def get_domain_contacts(self, ref: str) -> DomainContacts:
        return self._get(domain_path(ref, "/contacts"), models.domain_records.DomainContacts)

    def set_domain_contacts(self, ref: str, contacts: DomainContacts) -> DomainContacts:
        body = contacts.model_dump(mode="json")
        return self._send(
            "PUT", domain_path(ref, "/contacts"), models.domain_records.DomainContacts, body
        )

    # -- DNS records ------------------------------------------------------------------------
    def list_dns_records(self, ref: str) -> list[DnsRecord]:
        return self._list(
            domain_path(ref, "/dns-records"), models.domain_records.DnsRecord, {}, None
        ).items

    def add_dns_record(
        self, ref: str, record: DnsRecordInput, *, idempotency_key: str
    ) -> DnsRecord:
        body = record.model_dump(mode="json")
        path = domain_path(ref, "/dns-records")
        return self._send(
            "POST", path, models.domain_records.DnsRecord, body, idempotency_key=idempotency_key
        )

    def update_dns_record(self, ref: str, record_id: int, record: DnsRecordInput) -> DnsRecord:
        path = domain_path(ref, f"/dns-records/{record_id}")
        return self._send(
            "PUT", path, models.domain_records.DnsRecord, record.model_dump(mode="json")
        )

    def remove_dns_record(self, ref: str, record_id: int) -> None:
        self._delete(domain_path(ref, f"/dns-records/{record_id}"))

"""Domain settings, recurring payment, renewal, name servers and the bulk endpoint."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clientarea_cli import models
from clientarea_cli.drivers.clientarea.base import ClientAreaBase, domain_path
from clientarea_cli.errors import MalformedResponse
from clientarea_cli.i18n import _

# The bulk answer's item model is needed at class creation (domain models load anyway).
from clientarea_cli.models.bulk_endpoint import BulkItemResult, BulkItemStatus
from clientarea_cli.models.common import Model

if TYPE_CHECKING:
    from clientarea_cli.models import Domain, Invoice


class _Nameservers(Model):
    nameservers: list[str]


class _BulkResponse(Model):
    results: list[BulkItemResult]


class _BulkStatusResponse(Model):
    results: list[BulkItemStatus]


class DomainActionsMixin(ClientAreaBase):
    def update_domain(
        self,
        ref: str,
        *,
        auto_renew: bool | None = None,
        registrar_lock: bool | None = None,
        id_protection: bool | None = None,
    ) -> Domain:
        changes = {
            "auto_renew": auto_renew,
            "registrar_lock": registrar_lock,
            "id_protection": id_protection,
        }
        body = {k: v for k, v in changes.items() if v is not None}
        return self._send("PATCH", domain_path(ref), models.Domain, body)

    def set_domain_recurring(
        self,
        ref: str,
        *,
        enabled: bool,
        payment_method_id: int | None,
        contact_id: int | None,
        change_contact: bool = True,
    ) -> Domain:
        body: dict[str, Any] = {"enabled": enabled}
        if enabled:
            body["payment_method_id"] = payment_method_id
            if change_contact:  # left out, the provider keeps the domain's contact
                body["contact_id"] = contact_id
        return self._send("PUT", domain_path(ref, "/recurring"), models.Domain, body)

    def renew_domain(
        self, ref: str, *, years: int, use_credit: bool, idempotency_key: str
    ) -> Invoice:
        body = {"years": years, "use_credit": use_credit}
        return self._send(
            "POST",
            domain_path(ref, "/renewal"),
            models.Invoice,
            body,
            idempotency_key=idempotency_key,
        )

    def set_nameservers(self, ref: str, nameservers: list[str]) -> list[str]:
        body = {"nameservers": nameservers}
        return self._send("PUT", domain_path(ref, "/nameservers"), _Nameservers, body).nameservers

    def bulk_domains(
        self,
        action: str,
        items: list[dict[str, Any]],
        *,
        idempotency_key: str,
        with_data: bool = True,
    ) -> list[BulkItemStatus]:
        model: type[_BulkResponse | _BulkStatusResponse] = (
            _BulkResponse if with_data else _BulkStatusResponse
        )
        answer = self._send(
            "POST",
            f"/domains/bulk/{action}",
            model,
            {"items": items},
            idempotency_key=idempotency_key,
        )
        if len(answer.results) != len(items):
            raise MalformedResponse(
                _(
                    "the provider answered {count} results for {count2} items (POST /domains/bulk/{action})"
                ).format(count=len(answer.results), count2=len(items), action=action)
            )
        return list(answer.results)

"""ClientAreaDriver: the open Client Area API (docs/openapi.yaml), assembled from its parts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from clientarea_cli import models
from clientarea_cli.drivers.clientarea.base import ClientAreaBase, M, domain_path
from clientarea_cli.drivers.clientarea.billing import BillingMixin
from clientarea_cli.drivers.clientarea.content import ContentMixin
from clientarea_cli.drivers.clientarea.domains import DomainActionsMixin
from clientarea_cli.drivers.clientarea.invoices import InvoicesMixin
from clientarea_cli.drivers.clientarea.lifecycle import LifecycleMixin
from clientarea_cli.drivers.clientarea.records import DomainRecordsMixin
from clientarea_cli.drivers.clientarea.support import SupportMixin

if TYPE_CHECKING:
    from collections.abc import Iterator

    from clientarea_cli.models import (
        Account,
        Contact,
        Domain,
        DomainFilter,
        Invoice,
        Listing,
        OperationStatus,
        PaymentMethod,
        ProviderInfo,
        Service,
        Wallet,
        WalletMovement,
    )


class ClientAreaDriver(
    BillingMixin, InvoicesMixin, DomainActionsMixin, DomainRecordsMixin, SupportMixin,
    ContentMixin, LifecycleMixin, ClientAreaBase,
):  # fmt: skip
    # -- operations -------------------------------------------------------------------------
    def get_operation(self, key: str) -> OperationStatus:
        return self._get(f"/operations/{quote(key, safe='')}", models.OperationStatus)

    def provider_info(self) -> ProviderInfo:
        return self._get("/provider", models.ProviderInfo)

    def get_account(self) -> Account:
        return self._get("/account", models.Account)

    def list_contacts(self) -> list[Contact]:
        return self._list("/contacts", models.Contact, {}, None).items

    def list_services(self, *, status: str | None, limit: int | None) -> Listing[Service]:
        return self._list("/services", models.Service, {"status": status}, limit)

    def get_service(self, service_id: int) -> Service:
        return self._get(f"/services/{service_id}", models.Service)

    def list_domains(self, filters: DomainFilter, *, limit: int | None) -> Listing[Domain]:
        return self._list("/domains", models.Domain, _domain_params(filters), limit)

    def domain_pages(self, filters: DomainFilter, model: type[M]) -> Iterator[list[M]]:
        for items, _total in self._pages("/domains", model, _domain_params(filters), None):
            yield items

    def get_domain(self, ref: str) -> Domain:
        return self._get(domain_path(ref), models.Domain)

    def list_invoices(self, *, status: str | None, limit: int | None) -> Listing[Invoice]:
        return self._list("/invoices", models.Invoice, {"status": status}, limit)

    def get_invoice(self, invoice_id: int) -> Invoice:
        return self._get(f"/invoices/{invoice_id}", models.Invoice)

    def get_wallet(self) -> Wallet:
        return self._get("/wallet", models.Wallet)

    def list_wallet_movements(self, *, limit: int | None) -> Listing[WalletMovement]:
        return self._list("/wallet/movements", models.WalletMovement, {}, limit)

    def list_payment_methods(self) -> list[PaymentMethod]:
        return self._list("/payment-methods", models.PaymentMethod, {}, None).items


def _domain_params(filters: DomainFilter) -> dict[str, Any]:
    params: dict[str, Any] = {
        "status": filters.status,
        "tld": filters.tld,
        "expiring_within_days": filters.expiring_within_days,
    }
    if filters.auto_renew is not None:
        params["auto_renew"] = "true" if filters.auto_renew else "false"
    return params

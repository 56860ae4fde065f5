"""ClientAreaDriver: Bearer auth, `{"data", "meta"}` pages, models validated straight from bytes."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, ClassVar, Generic, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel, TypeAdapter

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.drivers.http import HttpClient, Redactor, RetryPolicy, decode
from clientarea_cli.models import (
    Account,
    Contact,
    Domain,
    DomainFilter,
    Invoice,
    Listing,
    PaymentMethod,
    ProviderInfo,
    Service,
    Wallet,
    WalletMovement,
)

M = TypeVar("M", bound=BaseModel)


class _PageMeta(BaseModel):
    page: int
    per_page: int
    total: int
    total_pages: int


class _Page(BaseModel, Generic[M]):
    """The contract's list envelope: `{"data": [...], "meta": {...}}`."""

    data: list[M]
    meta: _PageMeta


@cache
def _page_adapter(model: type[M]) -> TypeAdapter[_Page[M]]:
    return TypeAdapter(_Page[model])  # type: ignore[valid-type]


class ClientAreaDriver(Driver):
    name: ClassVar[str] = "clientarea"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {
            Capability.ACCOUNT,
            Capability.SERVICES,
            Capability.DOMAINS,
            Capability.DOMAINS_BULK,
            Capability.INVOICES,
            Capability.WALLET,
            Capability.PAYMENT_METHODS,
            Capability.CONTACTS,
            Capability.IDEMPOTENCY_KEYS,
        }
    )

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        transport: httpx.BaseTransport | None = None,
        retry: RetryPolicy | None = None,
        debug: Callable[[str], None] | None = None,
        timeout: float = 30.0,
    ) -> None:
        redactor = Redactor([api_key])
        self.http = HttpClient(
            base_url.rstrip("/") + "/v1",
            headers={"Authorization": f"Bearer {api_key}"},
            transport=transport,
            retry=retry,
            debug=debug,
            redactor=redactor,
            timeout=timeout,
            provider_name=self.name,
        )

    def close(self) -> None:
        self.http.close()

    # -- helpers ----------------------------------------------------------------------------
    def _get(self, path: str, model: type[M], params: dict[str, Any] | None = None) -> M:
        response = self.http.get(path, params)
        return decode(response, TypeAdapter(model))

    def _list(
        self, path: str, model: type[M], params: dict[str, Any], limit: int | None
    ) -> Listing[M]:
        adapter = _page_adapter(model)

        def parse(response: httpx.Response) -> tuple[list[M], int]:
            page = decode(response, adapter)
            return page.data, page.meta.total

        items: list[M] = []
        total = 0
        for page_items, page_total in self.http.paginate(path, params, limit=limit, parse=parse):
            items.extend(page_items)
            total = page_total
        if limit is not None:
            items = items[:limit]
        return Listing[M](items=items, total=max(total, len(items)))

    # -- operations -------------------------------------------------------------------------
    def provider_info(self) -> ProviderInfo:
        return self._get("/provider", ProviderInfo)

    def get_account(self) -> Account:
        return self._get("/account", Account)

    def list_contacts(self) -> list[Contact]:
        return self._list("/contacts", Contact, {}, None).items

    def list_services(self, *, status: str | None, limit: int | None) -> Listing[Service]:
        return self._list("/services", Service, {"status": status}, limit)

    def get_service(self, service_id: int) -> Service:
        return self._get(f"/services/{service_id}", Service)

    def list_domains(self, filters: DomainFilter, *, limit: int | None) -> Listing[Domain]:
        params: dict[str, Any] = {
            "status": filters.status,
            "tld": filters.tld,
            "expiring_within_days": filters.expiring_within_days,
        }
        if filters.auto_renew is not None:
            params["auto_renew"] = "true" if filters.auto_renew else "false"
        return self._list("/domains", Domain, params, limit)

    def get_domain(self, ref: str) -> Domain:
        return self._get(f"/domains/{quote(ref, safe='')}", Domain)

    def list_invoices(self, *, status: str | None, limit: int | None) -> Listing[Invoice]:
        return self._list("/invoices", Invoice, {"status": status}, limit)

    def get_invoice(self, invoice_id: int) -> Invoice:
        return self._get(f"/invoices/{invoice_id}", Invoice)

    def get_wallet(self) -> Wallet:
        return self._get("/wallet", Wallet)

    def list_wallet_movements(self, *, limit: int | None) -> Listing[WalletMovement]:
        return self._list("/wallet/movements", WalletMovement, {}, limit)

    def list_payment_methods(self) -> list[PaymentMethod]:
        return self._list("/payment-methods", PaymentMethod, {}, None).items

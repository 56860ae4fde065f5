"""A service's lifecycle, the catalog, domain availability and orders of the Client Area API
(`/v1/services/{id}/…`, `/v1/catalog/products`, `/v1/domains/availability`, `/v1/orders`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic
from urllib.parse import quote

from clientarea_cli import models
from clientarea_cli.drivers.clientarea.base import ClientAreaBase, M
from clientarea_cli.models.common import Model

if TYPE_CHECKING:
    from clientarea_cli.models import Money, ServiceAddon
    from clientarea_cli.models.catalog import (
        DomainAvailability,
        Order,
        OrderQuote,
        OrderRequest,
        Product,
    )
    from clientarea_cli.models.lifecycle import (
        AddonOrderResult,
        CancellationRequest,
        LoginUrl,
        Mailbox,
        ServiceCredentials,
        ServiceOptions,
        ServiceUsage,
        UpgradeOption,
        UpgradeQuote,
        UpgradeResult,
    )


class _Results(Model, Generic[M]):
    """A `{"results": [...]}` answer (generic, so its item model is imported on first use)."""

    results: list[M]


def _service(service_id: int, suffix: str) -> str:
    return f"/services/{service_id}/{suffix}"


class LifecycleMixin(ClientAreaBase):
    # -- cancellation requests ---------------------------------------------------------------
    def get_cancellation(self, service_id: int) -> CancellationRequest:
        return self._get(_service(service_id, "cancellation"), models.lifecycle.CancellationRequest)

    def request_cancellation(
        self, service_id: int, *, when: str, reason: str | None, idempotency_key: str
    ) -> CancellationRequest:
        body = {"when": when, "reason": reason}
        path = _service(service_id, "cancellation")
        return self._send(
            "POST",
            path,
            models.lifecycle.CancellationRequest,
            body,
            idempotency_key=idempotency_key,
        )

    def withdraw_cancellation(self, service_id: int) -> None:
        self._delete(_service(service_id, "cancellation"))

    # -- upgrades and downgrades -------------------------------------------------------------
    def list_upgrade_options(self, service_id: int) -> list[UpgradeOption]:
        return self._list(
            _service(service_id, "upgrade-options"), models.lifecycle.UpgradeOption, {}, None
        ).items

    def quote_upgrade(self, service_id: int, product_id: int, billing_cycle: str) -> UpgradeQuote:
        body = {"product_id": product_id, "billing_cycle": billing_cycle}
        return self._send(
            "POST",
            _service(service_id, "upgrade-quote"),
            models.lifecycle.UpgradeQuote,
            body,
            read=True,
        )

    def upgrade_service(
        self,
        service_id: int,
        product_id: int,
        billing_cycle: str,
        *,
        expected_amount_due: Money | None,
        idempotency_key: str,
    ) -> UpgradeResult:
        body: dict[str, object] = {"product_id": product_id, "billing_cycle": billing_cycle}
        if expected_amount_due is not None:
            body["expected_amount_due"] = expected_amount_due.model_dump(mode="json")
        path = _service(service_id, "upgrade")
        return self._send(
            "POST", path, models.lifecycle.UpgradeResult, body, idempotency_key=idempotency_key
        )

    # -- options and add-ons -----------------------------------------------------------------
    def get_service_options(self, service_id: int) -> ServiceOptions:
        return self._get(_service(service_id, "options"), models.lifecycle.ServiceOptions)

    def update_service_options(
        self, service_id: int, options: dict[str, bool | int | str]
    ) -> ServiceOptions:
        body = {"options": options}
        return self._send(
            "PATCH", _service(service_id, "options"), models.lifecycle.ServiceOptions, body
        )

    def list_service_addons(self, service_id: int) -> list[ServiceAddon]:
        return self._list(_service(service_id, "addons"), models.ServiceAddon, {}, None).items

    def add_service_addon(
        self, service_id: int, addon_id: int, billing_cycle: str, *, idempotency_key: str
    ) -> AddonOrderResult:
        body = {"addon_id": addon_id, "billing_cycle": billing_cycle}
        path = _service(service_id, "addons")
        return self._send(
            "POST", path, models.lifecycle.AddonOrderResult, body, idempotency_key=idempotency_key
        )

    def remove_service_addon(self, service_id: int, addon_id: int) -> None:
        self._delete(_service(service_id, f"addons/{addon_id}"))

    # -- control panel, mailboxes, usage -----------------------------------------------------
    def change_service_password(self, service_id: int, password: str) -> None:
        self.http.request("POST", _service(service_id, "password"), json={"password": password})

    def get_service_credentials(self, service_id: int) -> ServiceCredentials:
        return self._get(_service(service_id, "credentials"), models.lifecycle.ServiceCredentials)

    def create_service_login_url(self, service_id: int) -> LoginUrl:
        return self._send(
            "POST", _service(service_id, "login-url"), models.lifecycle.LoginUrl, read=True
        )

    def list_mailboxes(self, service_id: int) -> list[Mailbox]:
        return self._list(
            _service(service_id, "mailboxes"), models.lifecycle.Mailbox, {}, None
        ).items

    def create_mailbox(
        self,
        service_id: int,
        address: str,
        password: str,
        quota_mb: int | None,
        *,
        idempotency_key: str,
    ) -> Mailbox:
        body = {"address": address, "password": password, "quota_mb": quota_mb}
        path = _service(service_id, "mailboxes")
        return self._send(
            "POST", path, models.lifecycle.Mailbox, body, idempotency_key=idempotency_key
        )

    def delete_mailbox(self, service_id: int, address: str) -> None:
        self._delete(_service(service_id, f"mailboxes/{quote(address, safe='@')}"))

    def get_service_usage(self, service_id: int) -> ServiceUsage:
        return self._get(_service(service_id, "usage"), models.lifecycle.ServiceUsage)

    # -- catalog, availability, orders -------------------------------------------------------
    def list_products(self, *, group: str | None) -> list[Product]:
        return self._list("/catalog/products", models.catalog.Product, {"group": group}, None).items

    def get_product(self, product_id: int) -> Product:
        return self._get(f"/catalog/products/{product_id}", models.catalog.Product)

    def check_domain_availability(self, names: list[str]) -> list[DomainAvailability]:
        body = {"names": names}
        envelope = _Results[models.catalog.DomainAvailability]
        answer: _Results[DomainAvailability] = self._send(
            "POST", "/domains/availability", envelope, body, read=True
        )
        return answer.results

    def quote_order(self, order: OrderRequest) -> OrderQuote:
        return self._send(
            "POST", "/orders/quote", models.catalog.OrderQuote, order.body(), read=True
        )

    def create_order(self, order: OrderRequest, *, idempotency_key: str) -> Order:
        return self._send(
            "POST", "/orders", models.catalog.Order, order.body(), idempotency_key=idempotency_key
        )

    def get_order(self, order_id: int) -> Order:
        return self._get(f"/orders/{order_id}", models.catalog.Order)

"""Services' lifecycle (cancel, upgrade, options, panel) and orders: the Driver's default operations, each raising NotSupported (see base.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clientarea_cli.drivers.stub import Stub
from clientarea_cli.i18n import _

if TYPE_CHECKING:
    from clientarea_cli.models import (
        Money,
    )
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
    from clientarea_cli.models.services import ServiceAddon


class LifecycleOperations(Stub):
    def get_cancellation(self, service_id: int) -> CancellationRequest:
        raise self._unsupported(_("cancellation requests"))

    def request_cancellation(
        self, service_id: int, *, when: str, reason: str | None, idempotency_key: str
    ) -> CancellationRequest:
        raise self._unsupported(_("cancellation requests"))

    def withdraw_cancellation(self, service_id: int) -> None:
        raise self._unsupported(_("cancellation requests"))

    def list_upgrade_options(self, service_id: int) -> list[UpgradeOption]:
        raise self._unsupported(_("upgrades and downgrades"))

    def quote_upgrade(self, service_id: int, product_id: int, billing_cycle: str) -> UpgradeQuote:
        raise self._unsupported(_("upgrades and downgrades"))

    def upgrade_service(
        self,
        service_id: int,
        product_id: int,
        billing_cycle: str,
        *,
        expected_amount_due: Money | None,
        idempotency_key: str,
    ) -> UpgradeResult:
        raise self._unsupported(_("upgrades and downgrades"))

    def get_service_options(self, service_id: int) -> ServiceOptions:
        raise self._unsupported(_("configurable options"))

    def update_service_options(
        self, service_id: int, options: dict[str, bool | int | str]
    ) -> ServiceOptions:
        raise self._unsupported(_("configurable options"))

    def list_service_addons(self, service_id: int) -> list[ServiceAddon]:
        raise self._unsupported(_("add-ons"))

    def add_service_addon(
        self, service_id: int, addon_id: int, billing_cycle: str, *, idempotency_key: str
    ) -> AddonOrderResult:
        raise self._unsupported(_("add-ons"))

    def remove_service_addon(self, service_id: int, addon_id: int) -> None:
        raise self._unsupported(_("add-ons"))

    def change_service_password(self, service_id: int, password: str) -> None:
        raise self._unsupported(_("changing a panel password"))

    def get_service_credentials(self, service_id: int) -> ServiceCredentials:
        raise self._unsupported(_("panel credentials"))

    def create_service_login_url(self, service_id: int) -> LoginUrl:
        raise self._unsupported(_("panel login links"))

    def list_mailboxes(self, service_id: int) -> list[Mailbox]:
        raise self._unsupported(_("mailboxes"))

    def create_mailbox(
        self,
        service_id: int,
        address: str,
        password: str,
        quota_mb: int | None,
        *,
        idempotency_key: str,
    ) -> Mailbox:
        raise self._unsupported(_("mailboxes"))

    def delete_mailbox(self, service_id: int, address: str) -> None:
        raise self._unsupported(_("mailboxes"))

    def get_service_usage(self, service_id: int) -> ServiceUsage:
        raise self._unsupported(_("usage"))

    def list_products(self, *, group: str | None) -> list[Product]:
        raise self._unsupported(_("the catalog"))

    def get_product(self, product_id: int) -> Product:
        raise self._unsupported(_("the catalog"))

    def check_domain_availability(self, names: list[str]) -> list[DomainAvailability]:
        """One result per name, in order (at most 50 names per call)."""
        raise self._unsupported(_("domain availability"))

    def quote_order(self, order: OrderRequest) -> OrderQuote:
        raise self._unsupported(_("order quotes"))

    def create_order(self, order: OrderRequest, *, idempotency_key: str) -> Order:
        raise self._unsupported(_("ordering"))

    def get_order(self, order_id: int) -> Order:
        raise self._unsupported(_("orders"))

"""Cancelling and moving a service: FOSSBilling's client API cannot do either; its own client area
opens a ticket marked as the order's `cancel` or `upgrade` task instead, which staff act on.

So the operations exit 6 here (and ops offers `--via-ticket`), and `ticket_task` turns the
request a `--via-ticket` ticket carries into those task fields: an upgrade's plan must be one of
the order's upgradable products (order/upgradables), as in FOSSBilling's own form.
"""

from __future__ import annotations

from typing import Any

from clientarea_cli.drivers.fossbilling.base import FossBillingBase
from clientarea_cli.errors import UsageError
from clientarea_cli.i18n import N_, _
from clientarea_cli.models import Money, ServiceRequest
from clientarea_cli.models.lifecycle import (
    CancellationRequest,
    UpgradeOption,
    UpgradeQuote,
    UpgradeResult,
)

STAFF_ONLY = N_("FOSSBilling's staff do it from a ticket")
CANCEL, MOVE = N_("cancelling a service"), N_("moving a service to another plan")


class ServiceRequestsMixin(FossBillingBase):
    def get_cancellation(self, service_id: int) -> CancellationRequest:
        raise self._unsupported_because(_(CANCEL), _(STAFF_ONLY))

    def request_cancellation(
        self, service_id: int, *, when: str, reason: str | None, idempotency_key: str
    ) -> CancellationRequest:
        raise self._unsupported_because(_(CANCEL), _(STAFF_ONLY))

    def withdraw_cancellation(self, service_id: int) -> None:
        raise self._unsupported_because(_(CANCEL), _(STAFF_ONLY))

    def list_upgrade_options(self, service_id: int) -> list[UpgradeOption]:
        raise self._unsupported_because(_(MOVE), _(STAFF_ONLY))

    def quote_upgrade(self, service_id: int, product_id: int, billing_cycle: str) -> UpgradeQuote:
        raise self._unsupported_because(_(MOVE), _(STAFF_ONLY))

    def upgrade_service(
        self,
        service_id: int,
        product_id: int,
        billing_cycle: str,
        *,
        expected_amount_due: Money | None,
        idempotency_key: str,
    ) -> UpgradeResult:
        raise self._unsupported_because(_(MOVE), _(STAFF_ONLY))

    def ticket_task(self, order_id: int, request: ServiceRequest) -> dict[str, Any]:
        """ticket_create's task fields for `request` on the order (checked to be ours)."""
        task: dict[str, Any] = {"rel_task": request.action}
        if request.action != "upgrade":
            return task
        pairs = self._call("order/upgradables", {"id": order_id}) or {}
        plans = {int(key): str(title) for key, title in dict(pairs).items()}
        wanted = (request.plan or "").strip().lower()
        for product_id, title in plans.items():
            if request.product_id == product_id or wanted in (str(product_id), title.lower()):
                return {**task, "rel_new_value": product_id}
        names = ", ".join(f"{key} ({title})" for key, title in plans.items())
        raise UsageError(
            _("invalid --to: {plan!r} is not a plan service {id} can move to").format(
                plan=request.plan, id=order_id
            ),
            hint=_("its plans: {names}").format(names=names)
            if names
            else _("FOSSBilling offers it no other plan"),
        )

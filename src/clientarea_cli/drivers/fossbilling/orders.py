"""FOSSBilling orders as services and domains: statuses, billing periods, money, one order."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from clientarea_cli.drivers.fossbilling.base import FossBillingBase
from clientarea_cli.errors import NotFound
from clientarea_cli.i18n import _
from clientarea_cli.models import Money

CENT = Decimal("0.01")
PERIODS = {
    "1M": "monthly",
    "3M": "quarterly",
    "6M": "semiannually",
    "1Y": "annually",
    "2Y": "biennially",
    "3Y": "triennially",
}
STATUSES = {
    "pending_setup": "pending",
    "failed_setup": "pending",
    "active": "active",
    "suspended": "suspended",
    "canceled": "cancelled",
}


def money(value: Any, currency: str) -> Money:
    """FOSSBilling sends prices as JSON numbers; they are read as Decimal, never float."""
    amount = Decimal(str(value if value is not None else 0)).quantize(CENT)
    return Money(amount=amount, currency=currency)


def status_of(order: dict[str, Any]) -> str:
    status = str(order.get("status") or "")
    if order.get("service_type") == "domain" and order.get("reason") == "Expired":
        return "expired"
    return STATUSES.get(status, status)


def cycle_of(order: dict[str, Any]) -> str:
    period = order.get("period")
    return PERIODS.get(str(period), "one_time") if period else "one_time"


class OrdersMixin(FossBillingBase):
    def _orders(self, *, service_type: str | None = None) -> list[dict[str, Any]]:
        """The client's orders (the server scopes order/get_list to the logged-in client)."""
        params = {"type": service_type} if service_type else {}
        rows, _total = self._list("order/get_list", {**params, "hide_addons": 0}, limit=None)
        for row in rows:
            self._check_owner(row, "order", row.get("id"))
        return rows

    def _order(self, order_id: int, what: str, ref: object) -> dict[str, Any]:
        try:
            row = self._call("order/get", {"id": order_id})
        except NotFound:
            raise NotFound(
                _("{what} {ref} was not found in this account").format(what=what, ref=ref)
            ) from None
        self._check_owner(row, what, ref)
        return dict(row)

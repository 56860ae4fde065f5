"""Services: FOSSBilling orders that are not domains (hosting, licences, custom products)."""

from __future__ import annotations

from typing import Any

from clientarea_cli.drivers.fossbilling.orders import OrdersMixin, cycle_of, money, status_of
from clientarea_cli.errors import NotFound
from clientarea_cli.i18n import _
from clientarea_cli.models import Listing, Service


def _domain_of(order: dict[str, Any]) -> str | None:
    config = order.get("config") or {}
    if not isinstance(config, dict):
        return None
    sld, tld = config.get("sld"), config.get("tld")
    return f"{sld}{tld}" if sld and tld else None


def service_from(order: dict[str, Any]) -> Service:
    currency = str(order.get("currency") or "")
    created = str(order.get("created_at") or "")[:10]
    expires = order.get("expires_at")
    return Service(
        id=order["id"],
        product=str(order.get("title") or ""),
        group=order.get("service_type") or None,
        domain=_domain_of(order),
        status=status_of(order),
        billing_cycle=cycle_of(order),
        first_payment=money(order.get("total"), currency),
        recurring_amount=money(order.get("price") if order.get("period") else 0, currency),
        registration_date=created,
        next_due_date=str(expires)[:10] if expires else None,
    )


class ServicesMixin(OrdersMixin):
    def list_services(self, *, status: str | None, limit: int | None) -> Listing[Service]:
        services = [
            service_from(row) for row in self._orders() if row.get("service_type") != "domain"
        ]
        if status:
            services = [s for s in services if s.status == status]
        shown = services if limit is None else services[:limit]
        return Listing[Service](items=shown, total=len(services))

    def get_service(self, service_id: int) -> Service:
        order = self._order(service_id, _("service"), service_id)
        if order.get("service_type") == "domain":
            raise NotFound(
                _("{what} {ref} was not found in this account").format(
                    what=_("service"), ref=service_id
                ),
                hint=_("order {id} is a domain: `clientarea domains show {id}`").format(
                    id=service_id
                ),
            )
        return service_from(order)

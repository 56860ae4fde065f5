"""Domain use-cases."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.i18n import _
from clientarea_cli.ops.validate import domain_ref

if TYPE_CHECKING:
    from clientarea_cli.models import Domain, DomainFilter, Listing


def list_domains(driver: Driver, filters: DomainFilter, *, limit: int | None) -> Listing[Domain]:
    driver.require(Capability.DOMAINS, _("listing domains"))
    return driver.list_domains(filters, limit=limit)


def show_domain(driver: Driver, ref: str) -> Domain:
    driver.require(Capability.DOMAINS, _("showing a domain"))
    return driver.get_domain(domain_ref(ref))


def recurring_labels(driver: Driver, domains: list[Domain]) -> dict[int, str]:
    """`Visa ···4242` for each payment method the domains' recurring payment uses (one request)."""
    used = {d.recurring.payment_method_id for d in domains if d.recurring.enabled}
    used.discard(None)
    if not used or not driver.supports(Capability.PAYMENT_METHODS):
        return {}
    from clientarea_cli.ops.recurring import describe

    return {m.id: describe(m).split(",")[0] for m in driver.list_payment_methods() if m.id in used}

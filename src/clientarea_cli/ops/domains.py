"""Domain use-cases."""

from __future__ import annotations

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.models import Domain, DomainFilter, Listing


def list_domains(driver: Driver, filters: DomainFilter, *, limit: int | None) -> Listing[Domain]:
    driver.require(Capability.DOMAINS, "listing domains")
    return driver.list_domains(filters, limit=limit)


def show_domain(driver: Driver, ref: str) -> Domain:
    driver.require(Capability.DOMAINS, "showing a domain")
    return driver.get_domain(ref.strip().lower())

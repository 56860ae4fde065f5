"""Hosting service use-cases."""

from __future__ import annotations

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.i18n import _
from clientarea_cli.models import Listing, Service


def list_services(driver: Driver, *, status: str | None, limit: int | None) -> Listing[Service]:
    driver.require(Capability.SERVICES, _("listing services"))
    return driver.list_services(status=status, limit=limit)


def show_service(driver: Driver, service_id: int) -> Service:
    driver.require(Capability.SERVICES, _("showing a service"))
    return driver.get_service(service_id)

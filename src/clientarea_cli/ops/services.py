"""Hosting service use-cases."""

from __future__ import annotations

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.models import Listing, Service


def list_services(driver: Driver, *, status: str | None, limit: int | None) -> Listing[Service]:
    driver.require(Capability.SERVICES, "listing services")
    return driver.list_services(status=status, limit=limit)


def show_service(driver: Driver, service_id: int) -> Service:
    driver.require(Capability.SERVICES, "showing a service")
    return driver.get_service(service_id)

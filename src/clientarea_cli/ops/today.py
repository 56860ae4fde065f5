"""The provider's business date: renewals and card expiry are judged by its calendar."""

from __future__ import annotations

from datetime import date

from clientarea_cli.drivers.base import Driver


def provider_today(driver: Driver) -> date:
    """Today as the provider counts it (its `provider_info`)."""
    return driver.provider_info().today

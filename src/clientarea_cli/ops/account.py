"""The account and who is logged in."""

from __future__ import annotations

from datetime import date

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.models import Account


def show_account(driver: Driver) -> Account:
    driver.require(Capability.ACCOUNT, "reading the account")
    return driver.get_account()


def provider_today(driver: Driver) -> date:
    """The provider's business date: renewals and card expiry are judged by its calendar."""
    return driver.provider_info().today

"""The account and who is logged in."""

from __future__ import annotations

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.models import Account


def show_account(driver: Driver) -> Account:
    driver.require(Capability.ACCOUNT, "reading the account")
    return driver.get_account()

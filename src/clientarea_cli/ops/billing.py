"""Invoices and the wallet (account credit)."""

from __future__ import annotations

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.i18n import _
from clientarea_cli.models import Invoice, Listing, PaymentMethod, WalletOverview


def list_invoices(driver: Driver, *, status: str | None, limit: int | None) -> Listing[Invoice]:
    driver.require(Capability.INVOICES, _("listing invoices"))
    return driver.list_invoices(status=status, limit=limit)


def show_invoice(driver: Driver, invoice_id: int) -> Invoice:
    driver.require(Capability.INVOICES, _("showing an invoice"))
    return driver.get_invoice(invoice_id)


def wallet_overview(driver: Driver, *, movements: int | None) -> WalletOverview:
    driver.require(Capability.WALLET, _("reading the wallet"))
    wallet = driver.get_wallet()
    listing = driver.list_wallet_movements(limit=movements)
    return WalletOverview(wallet=wallet, movements=listing.items, total_movements=listing.total)


def list_payment_methods(driver: Driver) -> list[PaymentMethod]:
    driver.require(Capability.PAYMENT_METHODS, _("listing payment methods"))
    return driver.list_payment_methods()

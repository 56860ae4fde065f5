"""A service's lifecycle: cancellation requests, upgrades and downgrades, options, add-ons,
control-panel access, mailboxes and usage."""

from __future__ import annotations

import datetime as dt

from clientarea_cli.models.billing import Invoice
from clientarea_cli.models.catalog import ProductPrice
from clientarea_cli.models.common import Model, Money
from clientarea_cli.models.services import Service, ServiceAddon

OPTION_TYPES = ("select", "quantity", "toggle", "text")


class CancellationRequest(Model):
    id: int
    service_id: int
    when: str
    reason: str | None = None
    status: str
    effective_date: dt.date
    created_at: dt.datetime


class UpgradeOption(Model):
    product_id: int
    name: str
    group: str
    direction: str
    pricing: list[ProductPrice] = []


class UpgradeTarget(Model):
    """One row of `services upgrade SERVICE`: a target product in one billing cycle."""

    product_id: int
    name: str
    direction: str
    billing_cycle: str
    price: Money
    setup_fee: Money


class UpgradeQuote(Model):
    service_id: int
    direction: str
    from_product_id: int | None = None
    to_product_id: int
    to_product: str
    billing_cycle: str
    valid_on: dt.date
    period_start: dt.date
    period_end: dt.date
    days_in_period: int
    days_remaining: int
    credit_for_unused: Money
    cost_of_new: Money
    amount_due: Money
    amount_credited: Money
    new_recurring_amount: Money
    next_due_date: dt.date


class UpgradeResult(Model):
    service: Service
    quote: UpgradeQuote
    invoice: Invoice | None = None


class OptionChoice(Model):
    value: str
    label: str
    price: Money | None = None

    @property
    def name(self) -> str:
        """`10 (+2.00 EUR)`: how a table cell lists the choices."""
        priced = self.price is not None and self.price.amount
        return f"{self.value} (+{self.price})" if priced else self.value


class ServiceOption(Model):
    key: str
    name: str
    type: str
    value: bool | int | str | None = None
    choices: list[OptionChoice] = []
    min: int | None = None
    max: int | None = None


class ServiceOptions(Model):
    service_id: int
    options: list[ServiceOption]
    invoice_id: int | None = None


class AddonOrderResult(Model):
    addon: ServiceAddon
    invoice: Invoice | None = None


class ServiceCredentials(Model):
    service_id: int
    username: str
    server: str
    panel_url: str
    password: str | None = None


class LoginUrl(Model):
    url: str
    expires_at: dt.datetime


class Mailbox(Model):
    address: str
    quota_mb: int | None = None
    used_mb: int = 0
    created_at: dt.datetime


class ServiceUsage(Model):
    service_id: int
    disk_used_mb: int
    disk_limit_mb: int | None = None
    bandwidth_used_mb: int
    bandwidth_limit_mb: int | None = None
    period_start: dt.date
    period_end: dt.date
    updated_at: dt.datetime

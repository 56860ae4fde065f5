"""Hosting services (products) and their add-ons."""

from __future__ import annotations

from datetime import date

from clientarea_cli.models.common import Model, Money


class ServiceAddon(Model):
    id: int
    name: str
    status: str
    billing_cycle: str
    recurring_amount: Money
    next_due_date: date | None = None


class Service(Model):
    id: int
    product: str
    group: str | None = None
    domain: str | None = None
    status: str
    billing_cycle: str
    first_payment: Money
    recurring_amount: Money
    registration_date: date
    next_due_date: date | None = None
    payment_method_id: int | None = None
    addons: list[ServiceAddon] = []

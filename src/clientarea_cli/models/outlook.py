"""The billing outlook: every renewal due in a window, how it will be paid, and what may go wrong."""

from __future__ import annotations

import datetime as dt

from clientarea_cli.models.common import Model, Money

OUTLOOK_KINDS = ("service", "addon", "domain")
PAID_BY_MANUAL = "manual"
"""`paid_by` when no recurring method will be charged (otherwise the method's label)."""


class OutlookItem(Model):
    date: dt.date
    kind: str
    """`service`, `addon` or `domain`."""
    id: int
    item: str
    amount: Money
    paid_by: str
    """The recurring method that will be charged, or `manual`."""
    automatic: bool
    warnings: list[str] = []


class MonthTotal(Model):
    month: str
    currency: str
    automatic: Money
    manual: Money
    total: Money


class BillingOutlook(Model):
    today: dt.date
    until: dt.date
    balance: Money
    items: list[OutlookItem]
    totals: list[MonthTotal]
    warnings: list[str] = []

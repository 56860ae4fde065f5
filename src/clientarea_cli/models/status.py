"""`clientarea status`: the account on one screen."""

from __future__ import annotations

import datetime as dt

from clientarea_cli.models.common import Model, Money
from clientarea_cli.models.outlook import OutlookItem


class InvoiceTotals(Model):
    count: int
    totals: list[Money]
    invoices: list[str]
    """Their numbers, oldest first."""


class Dashboard(Model):
    today: dt.date
    account: str
    balance: Money
    unpaid: InvoiceTotals
    overdue: InvoiceTotals
    renewals: list[OutlookItem]
    """Services and domains due within the window, and how each renews."""
    tickets_awaiting_reply: list[str] | None = None
    """Tickets the provider answered (None: the provider has no ticket API)."""
    pending_top_ups: list[str] | None = None
    warnings: list[str] = []

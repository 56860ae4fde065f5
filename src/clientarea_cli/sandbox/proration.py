"""Billing periods and prorated prices: the arithmetic behind upgrade quotes and option changes.

A recurring service is paid up to the day before its ``next_due_date``. Its **current period**
runs from ``period_start`` (``next_due_date`` minus the cycle's months, the day clamped to the end
of a shorter month) to ``period_end`` (the day before ``next_due_date``):

    days_in_period = next_due_date − period_start        (in days)
    days_remaining = next_due_date − today               (today counts as a remaining day)
    f              = days_remaining ÷ days_in_period

and, each rounded half up to the currency's decimals:

    credit_for_unused = old price × f
    cost_of_new       = new price × f                    (same cycle: the rest of this period)
                      = new price for the new cycle      (another cycle: a new period from today)
    amount_due        = max(cost_of_new − credit_for_unused, 0)
    amount_credited   = max(credit_for_unused − cost_of_new, 0)

With the same cycle the amount due is f × (new price − old price), to within a cent (the two
terms are rounded before they are subtracted). Prices are a service's recurring amount: the
product's price for the cycle plus its priced options.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from . import money
from .invoicing import CYCLE_MONTHS


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_cycle(day: date, cycle: str) -> date:
    return add_months(day, CYCLE_MONTHS[cycle])


@dataclass(frozen=True)
class Period:
    start: date
    next_due: date
    today: date

    @property
    def end(self) -> date:
        return date.fromordinal(self.next_due.toordinal() - 1)

    @property
    def days(self) -> int:
        return (self.next_due - self.start).days

    @property
    def remaining(self) -> int:
        return min(max((self.next_due - self.today).days, 0), self.days)

    def part(self, price: Decimal, currency: str) -> Decimal:
        """``price × days_remaining ÷ days_in_period``, rounded half up."""
        return money.quantize(price * self.remaining / self.days, currency)


def current_period(cycle: str, next_due: date, today: date) -> Period:
    return Period(add_months(next_due, -CYCLE_MONTHS[cycle]), next_due, today)


@dataclass(frozen=True)
class Proration:
    period: Period
    credit_for_unused: Decimal
    cost_of_new: Decimal
    new_next_due: date

    @property
    def amount_due(self) -> Decimal:
        return max(self.cost_of_new - self.credit_for_unused, Decimal(0))

    @property
    def amount_credited(self) -> Decimal:
        return max(self.credit_for_unused - self.cost_of_new, Decimal(0))


def prorate(
    period: Period,
    old_price: Decimal,
    new_price: Decimal,
    currency: str,
    *,
    new_cycle: str | None = None,
) -> Proration:
    """The quote for moving from ``old_price`` to ``new_price`` on ``period.today``.

    ``new_cycle`` (when it differs from the current one) starts a new period today, billed in full.
    """
    credit = period.part(old_price, currency)
    if new_cycle is None:
        return Proration(period, credit, period.part(new_price, currency), period.next_due)
    cost = money.quantize(new_price, currency)
    return Proration(period, credit, cost, add_cycle(period.today, new_cycle))

"""Calendar arithmetic shared by the seed, the invoicing rules and the renewal cycle."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later (29 February becomes 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the last day of that month when it is shorter
    (31 January + 1 month is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def month_end(year: int, month: int) -> date:
    """The last day of a month: a card marked ``MM/YY`` is valid through it."""
    return date(year, month, calendar.monthrange(year, month)[1])


def instant_on(day: date) -> str:
    """An instant on the business date ``day``, at the real time of day (UTC).

    The sandbox's clock only knows dates; the wall-clock time keeps movements made on the same
    business date in the order they happened.
    """
    now = datetime.now(UTC)
    return f"{day.isoformat()}T{now:%H:%M:%S}Z"

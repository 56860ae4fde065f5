"""Calendar arithmetic of the outlook and the iCalendar writer's escaping and folding."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clientarea_cli.models import Money
from clientarea_cli.models.outlook import BillingOutlook, OutlookItem
from clientarea_cli.ops.outlook import add_months
from clientarea_cli.output.ics import calendar


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 12, 15), 12, date(2027, 12, 15)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
    ],
)
def test_add_months_clamps_to_the_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)), st.integers(0, 120))
def test_add_months_lands_in_the_right_month(start: date, months: int) -> None:
    result = add_months(start, months)
    assert (result.year * 12 + result.month) - (start.year * 12 + start.month) == months
    assert result.day <= start.day


def test_calendar_escapes_and_folds() -> None:
    item = OutlookItem(
        date=date(2026, 12, 1),
        kind="domain",
        id=7,
        item="a, b; c\\d " + "x" * 80,
        amount=Money.of("9.95", "EUR"),
        paid_by="manual",
        automatic=False,
        warnings=["line one", "line two"],
    )
    outlook = BillingOutlook(
        today=date(2026, 11, 22), until=date(2026, 12, 22), balance=Money.of("0", "EUR"),
        items=[item], totals=[],
    )  # fmt: skip
    text = calendar(outlook, now=datetime(2026, 11, 22, 10, 0, tzinfo=UTC))
    lines = text.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert "SUMMARY:Renewal: a\\, b\\; c\\\\d " + "x" * 80 + " (9.95 EUR)\r\n" in unfolded
    assert "DESCRIPTION:Paid by: manual\\nWarning: line one\\nWarning: line two\r\n" in unfolded
    assert "DTSTAMP:20261122T100000Z\r\n" in text

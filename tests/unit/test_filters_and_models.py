"""Filter parsing and the money model."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from clientarea_cli.errors import UsageError
from clientarea_cli.models import Money
from clientarea_cli.ops.filters import (
    parse_choice,
    parse_days,
    parse_limit,
    parse_on_off,
    parse_tld,
)


@pytest.mark.parametrize(
    ("text", "days"), [("30d", 30), ("30", 30), ("2w", 14), ("3m", 90), ("1y", 365), (" 7D ", 7)]
)
def test_parse_days(text: str, days: int) -> None:
    assert parse_days(text, "--expiring-within") == days


@pytest.mark.parametrize("text", ["", "d", "-3d", "30x", "1.5d", "99999d"])
def test_parse_days_rejects(text: str) -> None:
    with pytest.raises(UsageError, match="invalid value for --expiring-within"):
        parse_days(text, "--expiring-within")


@given(st.integers(min_value=0, max_value=3650))
def test_parse_days_accepts_every_day_count(n: int) -> None:
    assert parse_days(f"{n}d", "--x") == n


def test_on_off_choice_tld_limit() -> None:
    assert parse_on_off("ON", "--auto-renew") is True
    assert parse_on_off("off", "--auto-renew") is False
    with pytest.raises(UsageError, match="use on or off"):
        parse_on_off("maybe", "--auto-renew")
    assert parse_choice("Transferred-Away", ["active", "transferred_away"], "--status") == (
        "transferred_away"
    )
    with pytest.raises(UsageError) as info:
        parse_choice("bogus", ["active", "expired"], "--status")
    assert info.value.hint == "choose from active, expired"
    assert parse_tld(".ES") == "es"
    assert parse_tld("co.uk") == "co.uk"
    with pytest.raises(UsageError):
        parse_tld("e s")
    assert parse_limit(None, all_items=False, default=100) == 100
    assert parse_limit(5, all_items=True, default=100) is None
    with pytest.raises(UsageError):
        parse_limit(0, all_items=False, default=100)


def test_money_is_exact_and_refuses_floats() -> None:
    money = Money.model_validate_json('{"amount": "0.10", "currency": "EUR"}')
    assert money.amount == Decimal("0.10")
    assert money.model_dump(mode="json") == {"amount": "0.10", "currency": "EUR"}
    with pytest.raises(ValidationError, match="decimal strings"):
        Money.model_validate_json('{"amount": 0.1, "currency": "EUR"}')
    assert str(Money.of("12.5", "EUR")) == "12.5 EUR"


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=2, min_value=-(10**9), max_value=10**9
    )
)
def test_money_round_trips_through_json(amount: Decimal) -> None:
    money = Money(amount=amount, currency="EUR")
    assert Money.model_validate_json(money.model_dump_json()).amount == amount

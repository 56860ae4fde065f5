"""Money as the contract spells it: ``{"amount": "12.50", "currency": "EUR"}``, Decimal inside."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

# ISO 4217 minor units for the currencies that need something other than 2.
_MINOR_UNITS = {"JPY": 0, "KRW": 0, "CLP": 0, "ISK": 0, "BHD": 3, "KWD": 3, "OMR": 3, "TND": 3}


def minor_units(currency: str) -> int:
    return _MINOR_UNITS.get(currency.upper(), 2)


def quantize(amount: Decimal, currency: str) -> Decimal:
    """Round half up to the currency's number of decimals."""
    exponent = Decimal(1).scaleb(-minor_units(currency))
    value = amount.quantize(exponent, rounding=ROUND_HALF_UP)
    return value + Decimal(0) if value.is_zero() else value  # never "-0.00"


def to_text(amount: Decimal, currency: str) -> str:
    """The amount as it is stored in SQLite and sent on the wire."""
    return f"{quantize(amount, currency):f}"


def money(amount: Decimal | str, currency: str) -> dict[str, str]:
    value = Decimal(amount) if isinstance(amount, str) else amount
    return {"amount": to_text(value, currency), "currency": currency}


def total(amounts: list[str]) -> Decimal:
    return sum((Decimal(a) for a in amounts), Decimal(0))

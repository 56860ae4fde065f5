"""Money and dates as a reader of the chosen language writes them, for tables only.

JSON, CSV and TSV never use these: they keep `9.95` and ISO dates whatever the language. English
keeps the CLI's historical forms (`9.95 EUR`, `2026-12-04`); Spanish follows CLDR's es rules:
decimal comma, a dot between thousands only from five digits on (`1234,50 €`, `12.345,00 €`), the
symbol after the amount, and dd/mm/yyyy dates. Amounts stay Decimal; the digits are never rounded.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from clientarea_cli.i18n import language

SYMBOLS_ES = {"EUR": "€", "USD": "US$", "GBP": "GB£"}


def money(amount: Decimal, currency: str) -> str:
    if language() != "es":
        return f"{amount} {currency}"
    return f"{decimal_es(amount)} {SYMBOLS_ES.get(currency, currency)}"


def decimal_es(amount: Decimal) -> str:
    text = format(amount, "f")
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    if len(whole) > 4:
        groups: list[str] = []
        while whole:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = ".".join(groups)
    return sign + whole + ("," + fraction if fraction else "")


def date(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y") if language() == "es" else value.isoformat()


def timestamp(value: dt.datetime) -> str:
    pattern = "%d/%m/%Y %H:%M" if language() == "es" else "%Y-%m-%d %H:%M"
    return value.strftime(pattern)

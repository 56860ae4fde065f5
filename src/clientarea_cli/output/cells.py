"""Turning one field value into text for tables, CSV and TSV (JSON keeps the real types)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from clientarea_cli.i18n import _, formats, pgettext
from clientarea_cli.models import DomainRecurring, Money


def cell(value: Any, *, machine: bool = False) -> str:
    """Human text for a value; `machine` keeps booleans as true/false and empties empty."""
    if value.__class__ is str:  # most cells: no isinstance chain for them
        return value
    if value is None:
        return "" if machine else "-"
    if isinstance(value, bool):
        if machine:
            return "true" if value else "false"
        return _("yes") if value else _("no")
    if isinstance(value, Money):
        if machine:
            return f"{value.amount} {value.currency}"
        return formats.money(value.amount, value.currency)
    if isinstance(value, DomainRecurring):
        if not value.enabled:
            return "off" if machine else _("off")
        if value.payment_method_id:
            method = "method {id}" if machine else _("method {id}")
            return method.format(id=value.payment_method_id)
        return "on" if machine else _("on")
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M") if machine else formats.timestamp(value)
    if isinstance(value, dt.date) and not machine:
        return formats.date(value)
    if isinstance(value, dt.date | Decimal | int | str):
        return str(value)
    if isinstance(value, list):
        return ", ".join(_item_name(v) for v in value)
    if isinstance(value, BaseModel):
        return ", ".join(f"{k}={cell(v, machine=machine)}" for k, v in value)
    return str(value)


def word_cell(context: str) -> Callable[[Any], str]:
    """A table's text for a data word looked up in `context` ("invoice status", columns.WORDS)."""

    def text(value: Any) -> str:
        return pgettext(context, value) if isinstance(value, str) else cell(value)

    return text


def _item_name(value: Any) -> str:
    name = getattr(value, "name", None) or getattr(value, "description", None)
    return str(name) if name is not None else cell(value)

"""Turning one field value into text for tables, CSV and TSV (JSON keeps the real types)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from clientarea_cli.models import DomainRecurring, Money


def cell(value: Any, *, machine: bool = False) -> str:
    """Human text for a value; `machine` keeps booleans as true/false and empties empty."""
    if value is None:
        return "" if machine else "-"
    if isinstance(value, bool):
        if machine:
            return "true" if value else "false"
        return "yes" if value else "no"
    if isinstance(value, Money):
        return f"{value.amount} {value.currency}"
    if isinstance(value, DomainRecurring):
        if not value.enabled:
            return "off"
        return f"method {value.payment_method_id}" if value.payment_method_id else "on"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date | Decimal | int | str):
        return str(value)
    if isinstance(value, list):
        return ", ".join(_item_name(v) for v in value)
    if isinstance(value, BaseModel):
        return ", ".join(f"{k}={cell(v, machine=machine)}" for k, v in value)
    return str(value)


def _item_name(value: Any) -> str:
    name = getattr(value, "name", None) or getattr(value, "description", None)
    return str(name) if name is not None else cell(value)

"""Base model configuration, Money and the list result shared by every layer."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, field_validator

T = TypeVar("T")


class Model(BaseModel):
    """Frozen, and tolerant of fields a newer provider adds."""

    model_config = ConfigDict(frozen=True, extra="ignore", defer_build=True)


class Money(Model):
    """An amount with its currency. Amounts travel as decimal strings, never as floats."""

    amount: Decimal
    currency: str

    @field_validator("amount", mode="before")
    @classmethod
    def _no_floats(cls, value: Any) -> Any:
        # A JSON number would have gone through binary floating point (pydantic#9180).
        if isinstance(value, float):
            raise ValueError("money amounts must be decimal strings, not JSON numbers")
        if isinstance(value, str):
            try:
                Decimal(value)
            except InvalidOperation as exc:
                raise ValueError(f"not a decimal amount: {value!r}") from exc
        return value

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"

    @classmethod
    def of(cls, amount: str | Decimal | int, currency: str) -> Money:
        return cls(amount=Decimal(amount), currency=currency)


class Listing(Model, Generic[T]):
    """One page (or all pages) of a list, with the provider's total so a cut can be reported."""

    items: list[T]
    total: int

    @property
    def truncated(self) -> bool:
        return len(self.items) < self.total

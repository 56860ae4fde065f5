"""Base model configuration, Money and the list result shared by every layer."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Generic, Self, TypeVar, cast

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler
from pydantic_core import core_schema

T = TypeVar("T")


class Model(BaseModel):
    """Frozen, and tolerant of fields a newer provider adds."""

    model_config = ConfigDict(frozen=True, extra="ignore", defer_build=True)

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> Self:
        """`cls(**fields)`, validated as ever, without `__init__`'s keyword handling or
        `model_validate`'s options: for the 10,000 rows of a bulk run."""
        return cast(Self, cls.__pydantic_validator__.validate_python(fields))


def _no_floats(value: Any) -> Any:
    if isinstance(value, float):
        raise ValueError("money amounts must be decimal strings, not JSON numbers")
    return value


class _DecimalText:
    """An amount as the API sends it: a decimal string (or a whole number), never a JSON number
    with a fraction, which would have gone through binary floating point (pydantic#9180).

    From JSON this is checked inside pydantic-core (a strict string or integer, then a Decimal),
    with no call into Python per amount: a page of 1,000 domains validates a quarter faster.
    Python values (amounts the program computes) still refuse floats, in Python.
    """

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        decimal = handler(source)
        text = core_schema.custom_error_schema(
            core_schema.union_schema(
                [core_schema.str_schema(strict=True), core_schema.int_schema(strict=True)]
            ),
            custom_error_type="decimal_string",
            custom_error_message="money amounts must be decimal strings, not JSON numbers",
        )
        return core_schema.json_or_python_schema(
            json_schema=core_schema.chain_schema([text, decimal]),
            python_schema=core_schema.no_info_before_validator_function(_no_floats, decimal),
        )


class Money(Model):
    """An amount with its currency. Amounts travel as decimal strings, never as floats."""

    amount: Annotated[Decimal, _DecimalText]
    currency: str

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

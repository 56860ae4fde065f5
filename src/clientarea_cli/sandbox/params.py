"""Query-string validation and pagination.

Handlers read every parameter through a ``Query``, which collects all problems and answers one
422 ``validation_failed`` whose ``details`` map each bad field to a message.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .web import validation_failed

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 1000
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_INT = re.compile(r"^[+-]?[0-9]{1,10}$")


@dataclass(frozen=True)
class Page:
    page: int
    per_page: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def envelope(self, data: Sequence[object], total: int) -> dict[str, object]:
        """The contract's list answer: ``{data, meta{page, per_page, total, total_pages}}``."""
        return {
            "data": list(data),
            "meta": {
                "page": self.page,
                "per_page": self.per_page,
                "total": total,
                "total_pages": math.ceil(total / self.per_page),
            },
        }

    def slice(self, items: Sequence[object]) -> dict[str, object]:
        """Paginate a list already held in memory."""
        return self.envelope(items[self.offset : self.offset + self.per_page], len(items))


class Query:
    def __init__(self, query: dict[str, list[str]]) -> None:
        self._query = query
        self.errors: dict[str, str] = {}

    def raw(self, name: str) -> str | None:
        values = self._query.get(name)
        return values[-1] if values else None

    def text(self, name: str, *, max_length: int = 255) -> str | None:
        value = self.raw(name)
        if value is not None and not value.strip():
            self.errors[name] = "must not be empty"
            return None
        if value is not None and len(value) > max_length:
            self.errors[name] = f"must be at most {max_length} characters"
            return None
        return value

    def choice(self, name: str, choices: Sequence[str]) -> str | None:
        value = self.raw(name)
        if value is not None and value not in choices:
            self.errors[name] = "must be one of: " + ", ".join(choices)
            return None
        return value

    def boolean(self, name: str) -> bool | None:
        value = self.raw(name)
        if value is None:
            return None
        if value not in ("true", "false"):
            self.errors[name] = "must be true or false"
            return None
        return value == "true"

    def integer(
        self, name: str, *, default: int | None = None, minimum: int = 0, maximum: int = 10**9
    ) -> int | None:
        value = self.raw(name)
        if value is None:
            return default
        if not _INT.match(value) or not minimum <= int(value) <= maximum:
            self.errors[name] = f"must be a whole number from {minimum} to {maximum}"
            return default
        return int(value)

    def date(self, name: str) -> date | None:
        value = self.raw(name)
        if value is None:
            return None
        try:
            if not _DATE.match(value):
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            self.errors[name] = "must be a date as YYYY-MM-DD"
            return None

    def page(self) -> Page:
        page = self.integer("page", default=1, minimum=1)
        per_page = self.integer(
            "per_page", default=DEFAULT_PER_PAGE, minimum=1, maximum=MAX_PER_PAGE
        )
        return Page(page or 1, per_page or DEFAULT_PER_PAGE)

    def check(self) -> None:
        """Raise 422 validation_failed when any parameter read so far was invalid."""
        if self.errors:
            raise validation_failed(self.errors)

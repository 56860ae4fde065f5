"""Reading JSON request bodies within what the contract's schemas can hold.

Python's `json` takes numbers of any size, `NaN` and `Infinity`, and nesting until the
interpreter's recursion limit; SQLite takes integers of 64 bits. A body outside those bounds is
refused here, with the contract's error body, instead of failing deeper as a 500.
"""

from __future__ import annotations

import json
import math
from typing import Any

from .web import ApiError, validation_failed

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
MAX_DEPTH = 32
"""Objects and arrays nested deeper than this are refused (the contract's bodies use 3 levels)."""


def _bad(message: str) -> ApiError:
    return ApiError(400, "bad_request", message)


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _bad("the request body holds a number too large to represent")
    return value


def _constant(name: str) -> Any:
    raise _bad(f"the request body is not valid JSON ({name} is not a JSON number)")


def _check(value: Any, where: str, depth: int, problems: dict[str, str]) -> None:
    if depth > MAX_DEPTH:
        raise _bad(f"the request body is nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, bool):
        return
    if isinstance(value, int):
        if not INT64_MIN <= value <= INT64_MAX:
            problems[where or "body"] = "must be a whole number within 64 bits"
    elif isinstance(value, dict):
        for key, item in value.items():
            _check(item, f"{where}.{key}" if where else str(key), depth + 1, problems)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check(item, f"{where}.{index}" if where else str(index), depth + 1, problems)


def parse_json(raw: bytes) -> Any:
    """The body as JSON, or ApiError: 400 `bad_request` for what is not JSON (or nests too
    deeply, or holds NaN), 422 `validation_failed` naming each integer beyond 64 bits."""
    try:
        value = json.loads(raw, parse_float=_finite, parse_constant=_constant)
    except ApiError:
        raise
    except RecursionError:
        raise _bad(f"the request body is nested more than {MAX_DEPTH} levels deep") from None
    except (ValueError, UnicodeDecodeError):
        raise _bad("the request body is not valid JSON") from None
    problems: dict[str, str] = {}
    _check(value, "", 0, problems)
    if problems:
        raise validation_failed(problems)
    return value

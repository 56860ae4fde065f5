"""`--columns`: field names, dotted paths into nested models (`recurring.payment_method_id`).

A path is checked against the model before anything is sent; an unknown one is a usage error
that lists every valid name. Values are read from the model for tables and CSV, and projected
from its JSON dump (keeping the nesting) for JSON.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from clientarea_cli.errors import UsageError
from clientarea_cli.i18n import _


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (unwrapping `X | None`), or None for a plain value or a list."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        models = [m for m in map(_nested_model, typing.get_args(annotation)) if m is not None]
        return models[0] if len(models) == 1 else None
    return None


def valid_paths(model: type[BaseModel]) -> list[str]:
    """Every field, then each nested model's fields as `field.sub` (one level is what we show)."""
    names = list(model.model_fields)
    nested = []
    for name, info in model.model_fields.items():
        inner = _nested_model(info.annotation)
        if inner is not None:
            nested += [f"{name}.{sub}" for sub in inner.model_fields]
    return names + nested


def check(model: type[BaseModel], columns: list[str]) -> list[str]:
    valid = valid_paths(model)
    unknown = [c for c in columns if c not in valid]
    if unknown:
        raise UsageError(
            _("unknown column {name!r}").format(name=unknown[0]),
            hint=_("valid columns: {names}").format(names=", ".join(valid)),
        )
    return list(columns)


def value(item: BaseModel, path: str) -> Any:
    """The value at `path`; None when a model on the way is None."""
    current: Any = item
    for part in path.split("."):
        if current is None:
            return None
        current = getattr(current, part)
    return current


def project(data: dict[str, Any], paths: list[str]) -> dict[str, Any]:
    """The JSON dump cut down to `paths`, nested objects kept nested."""
    out: dict[str, Any] = {}
    for path in paths:
        head, _, rest = path.partition(".")
        if not rest:
            out[head] = data.get(head)
            continue
        inner = data.get(head)
        target = out.setdefault(head, {})
        if isinstance(target, dict):
            target[rest] = inner.get(rest) if isinstance(inner, dict) else None
    return out

"""Parsing the filter values users type (`30d`, `on`, a status) before anything is sent."""

from __future__ import annotations

import re
from collections.abc import Iterable

from clientarea_cli.errors import UsageError
from clientarea_cli.i18n import _

# Numbers are typed in ASCII digits: `\d` with re.ASCII is 0-9 only, where int() and a plain `\d`
# take any script's digits ("١٠" is 10). Periods (here), whole numbers (options and arguments,
# through cli/numbers.py) and amounts (ops/top_ups) share the rule.
_DURATION = re.compile(r"^\s*(\d+)\s*([dwmy]?)\s*$", re.IGNORECASE | re.ASCII)
_WHOLE = re.compile(r"^\s*([+-]?\d+)\s*$", re.ASCII)
_UNIT_DAYS = {"": 1, "d": 1, "w": 7, "m": 30, "y": 365}
MAX_DAYS = 3650


def _not_empty(value: str, option: str) -> None:
    """An empty filter would match everything: a usage error, never a silent widening."""
    if not value.strip():
        raise UsageError(_("invalid value for {option}: it is empty").format(option=option))


def parse_days(value: str, option: str) -> int:
    """`30d`, `6w`, `3m` (30-day months), `1y`, or a bare number of days."""
    _not_empty(value, option)
    match = _DURATION.match(value)
    if not match:
        raise UsageError(
            _("invalid value for {option}: {value!r}").format(option=option, value=value),
            hint=_("use a number of days such as 30d, 6w, 3m or 1y"),
        )
    days = int(match.group(1)) * _UNIT_DAYS[match.group(2).lower()]
    if days > MAX_DAYS:
        raise UsageError(
            _("invalid value for {option}: {value!r} is more than ten years").format(
                option=option, value=value
            )
        )
    return days


def whole_number(text: str) -> int | None:
    """`text` as a whole number written in ASCII digits (an optional sign), else None."""
    match = _WHOLE.match(text)
    return int(match.group(1)) if match else None


def parse_on_off(value: str, option: str) -> bool:
    _not_empty(value, option)
    lowered = value.strip().lower()
    if lowered in ("on", "true", "yes"):
        return True
    if lowered in ("off", "false", "no"):
        return False
    raise UsageError(
        _("invalid value for {option}: {value!r} (use on or off)").format(
            option=option, value=value
        )
    )


def parse_choice(value: str, choices: Iterable[str], option: str) -> str:
    _not_empty(value, option)
    normalized = value.strip().lower().replace("-", "_")
    allowed = list(choices)
    if normalized not in allowed:
        raise UsageError(
            _("invalid value for {option}: {value!r}").format(option=option, value=value),
            hint=_("choose from {names}").format(
                names=", ".join(c.replace("_", "-") for c in allowed)
            ),
        )
    return normalized


def parse_tld(value: str) -> str:
    _not_empty(value, "--tld")
    tld = value.strip().lower().lstrip(".")
    if not re.fullmatch(r"[a-z0-9-]{2,63}(\.[a-z0-9-]{2,63})?", tld):
        raise UsageError(_("invalid value for --tld: {value!r}").format(value=value))
    return tld


def parse_limit(value: int | None, *, all_items: bool, default: int) -> int | None:
    """`--all` means no limit; otherwise the given limit or the default; 0 or less is invalid."""
    if all_items:
        return None
    limit = default if value is None else value
    if limit < 1:
        raise UsageError(
            _("invalid value for --limit: {limit} (must be at least 1)").format(limit=limit)
        )
    return limit

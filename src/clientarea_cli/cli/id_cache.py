"""The ids Tab completes: remembered from what list and show commands printed, per profile.

A list or show command that printed domains, invoices, services, payment methods, departments or
tickets writes their ids here (cli/context.py hooks the renderer), with the time each was last
seen; a Tab press reads them back and never asks the provider. An id not seen for `MAX_AGE`
seconds is not offered; a missing, unreadable or foreign file offers nothing. It holds only what
the tables show (names, numbers, ids, a short label), never a secret: one JSON file per profile,
0600 in a 0700 folder: `<cache dir>/clientarea/completion-<profile>.json` (docs/completion.md).

Standard library only, and no pathlib on the read path: it runs on a Tab press.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence
    from typing import Any

VERSION = 1
MAX_AGE = 7 * 24 * 3600
"""An id is offered for a week after a command last printed it."""
MAX_ENTRIES = 5000
"""Per kind: the most recently seen are kept (a reseller's 10,000 domains still list in ~10 ms)."""


def _card(method: Any) -> tuple[str, str]:
    """Offered by its last four digits (`--method 4242`), as the tables show it."""
    expiry = f" {method.expiry}" if method.expiry else ""  # no words: read in any language
    return str(method.last4), f"{method.brand or method.type}{expiry} (id {method.id})"


def _department(department: Any) -> tuple[str, str]:
    name = str(department.name)
    # A one-word name is what a user types (`--department billing`); otherwise the id.
    return (name.lower(), "") if name.isalnum() else (str(department.id), name)


# Model class name → (kind, (value, short description) of one shown item). Invoices and tickets
# are offered by id (their number is in the description): an id needs no lookup by number.
KINDS: dict[str, tuple[str, Callable[[Any], tuple[str, str]]]] = {
    "Domain": ("domains", lambda d: (d.name, d.status)),
    "Invoice": ("invoices", lambda i: (str(i.id), f"{i.number} {i.status}")),
    "Service": (
        "services",
        lambda s: (str(s.id), f"{s.product} ({s.domain})" if s.domain else s.product),
    ),
    "PaymentMethod": ("cards", _card),
    "PaymentMethodUsage": ("cards", _card),
    "Department": ("departments", _department),
    "TicketSummary": ("tickets", lambda t: (str(t.id), f"{t.number} {t.subject}")),
    "Ticket": ("tickets", lambda t: (str(t.id), f"{t.number} {t.subject}")),
}


def cache_dir(environ: Mapping[str, str] = os.environ) -> str:
    """config.paths.cache_dir() without platformdirs on Linux (a test keeps them equal)."""
    if sys.platform.startswith("linux"):
        base = environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
        return os.path.join(base, "clientarea")
    from clientarea_cli.config.paths import cache_dir as platform_cache_dir

    return str(platform_cache_dir())


def cache_file(profile: str, environ: Mapping[str, str] = os.environ) -> str:
    safe = "".join(c if c.isalnum() or c in "-_." else f"%{ord(c):02x}" for c in profile)
    return os.path.join(cache_dir(environ), f"completion-{safe}.json")


def _load(path: str) -> dict[str, dict[str, list[Any]]]:
    import json  # here: ~2 ms, and a Tab press on a command name never reads the cache

    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return {}
    kinds = data.get("kinds")
    return kinds if isinstance(kinds, dict) else {}


def _fresh(entries: object, now: float) -> dict[str, list[Any]]:
    """The well-formed entries `[seen at, description]` seen within MAX_AGE of `now`."""
    if not isinstance(entries, dict):
        return {}
    oldest = now - MAX_AGE
    return {
        str(value): seen
        for value, seen in entries.items()
        if isinstance(seen, list) and len(seen) == 2 and isinstance(seen[0], (int, float))
        if oldest <= seen[0]
    }


def offered(profile: str, kind: str, now: float | None = None) -> list[tuple[str, str]]:
    """(value, description) of every id of `kind` seen within MAX_AGE, most recent first."""
    fresh = _fresh(_load(cache_file(profile)).get(kind), time.time() if now is None else now)
    order = sorted(fresh.items(), key=lambda entry: entry[1][0], reverse=True)
    return [(value, str(seen[1])) for value, seen in order]


def remember(profile: str, model: str, items: Iterable[Any], now: float | None = None) -> None:
    """Note the ids of `items` (instances of the model class named `model`) as seen now."""
    known = KINDS.get(model)
    if known is None:
        return
    kind, describe = known
    shown = [describe(item) for item in items]
    if not shown:
        return
    moment = int(time.time() if now is None else now)
    path = cache_file(profile)
    kinds = _load(path)
    entries = _fresh(kinds.get(kind), moment)
    for value, description in shown:
        entries.pop(value, None)
        entries[value] = [moment, description]
    kinds[kind] = dict(list(entries.items())[-MAX_ENTRIES:])
    _write(path, {"version": VERSION, "kinds": kinds})


def forget(profile: str, model: str, items: Iterable[Any]) -> None:
    """Stop offering `items` (the provider no longer has them: a removed card)."""
    known = KINDS.get(model)
    if known is None:
        return
    kind, describe = known
    path = cache_file(profile)
    kinds = _load(path)
    entries = kinds.get(kind)
    if not isinstance(entries, dict):
        return
    gone = [value for value, description in map(describe, items)
            if isinstance(entries.get(value), list) and entries[value][1:] == [description]]  # fmt: skip
    if gone:
        for value in gone:
            del entries[value]
        _write(path, {"version": VERSION, "kinds": kinds})


def _write(path: str, data: dict[str, Any]) -> None:
    import json
    from pathlib import Path

    from clientarea_cli.config.atomic import write_private

    write_private(Path(path), json.dumps(data, separators=(",", ":")).encode(), durable=False)


def forget_all(profile: str) -> None:
    """Drop a profile's ids (its profile was removed)."""
    with contextlib.suppress(OSError):
        os.remove(cache_file(profile))


def suggest(profile: str | None, kinds: Sequence[str], incomplete: str) -> list[tuple[str, str]]:
    """What a Tab press offers for a value that is an id of one of `kinds`."""
    if not profile:
        return []
    found: list[tuple[str, str]] = []
    for kind in kinds:
        found += [(v, d) for v, d in offered(profile, kind) if v.startswith(incomplete)]
    return found

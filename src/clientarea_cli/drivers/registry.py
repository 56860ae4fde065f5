"""Driver discovery through the `clientarea_cli.drivers` entry-point group.

Built-in drivers are registered through the same group (see pyproject.toml), so a third-party
package adds a provider exactly the way ours do. A built-in name is loaded directly, though: no
package can take over `clientarea` or `fossbilling`, and the common case does not read every
installed package's metadata (a tenth of a one-request command's start-up). Tests may
`register()` a driver class directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clientarea_cli.errors import UsageError
from clientarea_cli.i18n import _

if TYPE_CHECKING:
    from clientarea_cli.drivers.base import Driver

ENTRY_POINT_GROUP = "clientarea_cli.drivers"

# Loaded without looking at entry points (also what a source tree that was not pip-installed has).
_BUILTIN = {
    "clientarea": "clientarea_cli.drivers.clientarea:ClientAreaDriver",
    "fossbilling": "clientarea_cli.drivers.fossbilling:FossBillingDriver",
}

_registered: dict[str, type[Driver]] = {}


def register(name: str, driver_class: type[Driver]) -> None:
    _registered[name] = driver_class


def unregister(name: str) -> None:
    _registered.pop(name, None)


def available() -> list[str]:
    from importlib.metadata import entry_points

    names = set(_registered) | set(_BUILTIN)
    names |= {ep.name for ep in entry_points(group=ENTRY_POINT_GROUP)}
    return sorted(names)


def load(name: str) -> type[Driver]:
    if name in _registered:
        return _registered[name]
    if name in _BUILTIN:
        import importlib

        module_name, _sep, attr = _BUILTIN[name].partition(":")
        loaded: type[Driver] = getattr(importlib.import_module(module_name), attr)
        return loaded
    from importlib.metadata import entry_points

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name == name:
            driver_class: type[Driver] = ep.load()
            return driver_class
    raise UsageError(
        _("unknown driver {name!r}").format(name=name),
        hint=_("available drivers: {names}").format(names=", ".join(available())),
    )

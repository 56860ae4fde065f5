"""Which driver class a profile's `driver = "…"` names."""

from __future__ import annotations

from importlib import metadata
from typing import Any

import pytest

from clientarea_cli.drivers import registry
from clientarea_cli.drivers.clientarea import ClientAreaDriver
from clientarea_cli.drivers.fossbilling import FossBillingDriver
from clientarea_cli.errors import UsageError


class _Plugin(ClientAreaDriver):
    """A provider a third-party package adds."""


def _entry_points(found: list[metadata.EntryPoint], calls: list[str]) -> Any:
    def entry_points(*, group: str) -> list[metadata.EntryPoint]:
        calls.append(group)
        return [ep for ep in found if ep.group == group]

    return entry_points


def test_built_in_drivers_load_without_reading_any_package_metadata(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    thief = metadata.EntryPoint("clientarea", f"{__name__}:_Plugin", registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr(metadata, "entry_points", _entry_points([thief], calls))

    assert registry.load("clientarea") is ClientAreaDriver
    assert registry.load("fossbilling") is FossBillingDriver
    assert calls == []  # and a package naming its driver `clientarea` takes nothing over


def test_a_third_party_driver_is_found_through_its_entry_point(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    plugin = metadata.EntryPoint("acme", f"{__name__}:_Plugin", registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr(metadata, "entry_points", _entry_points([plugin], calls))

    assert registry.load("acme") is _Plugin
    assert calls == [registry.ENTRY_POINT_GROUP]
    assert registry.available() == ["acme", "clientarea", "fossbilling"]


def test_tab_offers_the_built_in_drivers() -> None:
    from clientarea_cli.models.choices import DRIVERS

    assert sorted(DRIVERS) == sorted(registry._BUILTIN)


def test_an_unknown_driver_is_a_usage_error_naming_the_ones_there_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(metadata, "entry_points", _entry_points([], []))

    with pytest.raises(UsageError) as caught:
        registry.load("whmcs")
    assert caught.value.message == "unknown driver 'whmcs'"
    assert caught.value.hint == "available drivers: clientarea, fossbilling"

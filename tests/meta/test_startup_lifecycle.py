"""The service lifecycle, catalog and order commands keep `--help` light too."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.meta.test_startup_imports import heavy, loaded_modules


@pytest.mark.parametrize(
    "args",
    [
        ["services", "--help"],
        ["services", "upgrade", "--help"],
        ["services", "mailboxes", "create", "--help"],
        ["catalog", "--help"],
        ["domains", "check", "--help"],
        ["order", "--help"],
    ],
)
def test_help_imports_nothing_heavy(tmp_path: Path, args: list[str]) -> None:
    modules = loaded_modules(tmp_path, args)
    assert [m for m in heavy(modules) if ".cli.commands." not in m] == []
    assert not any(m.startswith("clientarea_cli.ops") for m in modules)

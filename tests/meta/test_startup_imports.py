"""`--help` and Tab completion must not import the heavy libraries or any command module."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, sys
sys.argv = ["clientarea", *json.loads(sys.argv[1])]
from clientarea_cli.cli.app import main
try:
    main()
except SystemExit:
    pass
with open(OUT, "w") as handle:
    json.dump(sorted(sys.modules), handle)
"""

HEAVY = (
    "httpx",
    "pydantic",
    "keyring",
    "platformdirs",
    "tomli_w",
    "clientarea_cli.models",
    "clientarea_cli.drivers",
    "clientarea_cli.config",
    "clientarea_cli.cli.commands.domains",
)


def loaded_modules(tmp_path: Path, args: list[str], env: dict[str, str] | None = None) -> set[str]:
    return probe(tmp_path, args, env)[0]


def probe(
    tmp_path: Path, args: list[str], env: dict[str, str] | None = None
) -> tuple[set[str], str]:
    out = tmp_path / "modules.json"
    code = PROBE.replace("OUT", repr(str(out)))
    done = subprocess.run(
        [sys.executable, "-c", code, json.dumps(args)],
        env={**os.environ, **(env or {})},
        capture_output=True,
        check=True,
        timeout=60,
        text=True,
    )
    return set(json.loads(out.read_text())), done.stdout


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_root_help_imports_nothing_heavy(tmp_path: Path) -> None:
    assert heavy(loaded_modules(tmp_path, ["--help"])) == []


def test_version_flag_imports_nothing_heavy(tmp_path: Path) -> None:
    assert heavy(loaded_modules(tmp_path, ["--version"])) == []


def test_group_help_loads_only_that_group(tmp_path: Path) -> None:
    modules = loaded_modules(tmp_path, ["domains", "--help"])
    assert "clientarea_cli.cli.commands.domains" in modules
    assert "clientarea_cli.cli.commands.invoices" not in modules
    assert heavy(modules) == ["clientarea_cli.cli.commands.domains"]


def test_completion_imports_neither_heavy_libraries_nor_rich(tmp_path: Path) -> None:
    cases = (
        ("clientarea dom", "1", "domains"),
        ("clientarea domains list --exp", "3", "--expiring-within"),
    )
    for words, cword, expected in cases:
        env = {"_CLIENTAREA_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword}
        modules, stdout = probe(tmp_path, [], env)
        assert stdout.split() == [expected]
        assert [m for m in heavy(modules) if "commands" not in m] == []
        assert not any(m == "rich" or m.startswith("rich.") for m in modules)

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


# The models package (its submodules load on first use) and the fixed values Tab offers import
# neither pydantic nor any model: a Tab press may read them.
LIGHT = ("clientarea_cli.models", "clientarea_cli.models.choices")


def heavy(modules: set[str]) -> list[str]:
    return sorted(
        m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY) and m not in LIGHT
    )


def test_root_help_imports_nothing_heavy(tmp_path: Path) -> None:
    assert heavy(loaded_modules(tmp_path, ["--help"])) == []


def test_version_flag_imports_nothing_heavy(tmp_path: Path) -> None:
    assert heavy(loaded_modules(tmp_path, ["--version"])) == []


def test_group_help_loads_only_that_group(tmp_path: Path) -> None:
    modules = loaded_modules(tmp_path, ["domains", "--help"])
    assert "clientarea_cli.cli.commands.domains" in modules
    assert "clientarea_cli.cli.commands.invoices" not in modules
    assert heavy(modules) == ["clientarea_cli.cli.commands.domains"]


COMMAND_MODULES = "clientarea_cli.cli.commands."


def complete_probe(
    tmp_path: Path, words: str, shell: str = "bash", env: dict[str, str] | None = None
) -> tuple[set[str], list[str]]:
    """The modules a Tab press imports, and the candidates it prints (one per line)."""
    if shell == "bash":
        cword = len(words.split()) - (0 if words.endswith(" ") else 1)
        tab = {"COMP_WORDS": words, "COMP_CWORD": str(cword)}
    else:
        tab = {"_TYPER_COMPLETE_ARGS": words, "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    tab["_CLIENTAREA_COMPLETE"] = f"complete_{shell}"
    modules, stdout = probe(tmp_path, [], {**tab, **(env or {})})
    return modules, stdout.splitlines()


def command_modules(modules: set[str]) -> list[str]:
    return sorted(m.removeprefix(COMMAND_MODULES) for m in modules if m.startswith(COMMAND_MODULES))


def test_completion_imports_neither_heavy_libraries_nor_rich(tmp_path: Path) -> None:
    cases = (
        ("clientarea dom", ["domains"], []),
        ("clientarea domains l", ["list", "lock"], ["domains"]),
        ("clientarea domains list --exp", ["--expiring-within"], ["domains"]),
        ("clientarea domains renew --exp", ["--expiring-within"], ["domain_bulk", "domains"]),
        (
            "clientarea domains nameservers s",
            ["set", "show"],
            ["domain_records", "domains"],
        ),
        (
            "clientarea services can",
            ["cancel", "cancel-request"],
            ["services"],
        ),
        (
            "clientarea services mailboxes l",
            ["list"],
            ["service_lifecycle", "service_panel", "service_tickets", "services"],
        ),
        # --columns: the paths come from the generated table (cli/column_paths.py), not the models
        ("clientarea domains list --columns name,st", ["name,status"], ["domains"]),
        (
            "clientarea invoices list --columns tot",
            ["total", "total.amount", "total.currency"],
            ["invoices"],
        ),
    )
    for words, expected, loaded in cases:
        for shell in ("bash", "zsh", "fish"):
            modules, lines = complete_probe(tmp_path, words, shell)
            assert heavy(modules) == [f"{COMMAND_MODULES}domains"] * ("domains" in loaded)
            assert not any(m == "rich" or m.startswith("rich.") for m in modules), (words, shell)
            assert command_modules(modules) == loaded, (words, shell)
            if shell == "bash":
                assert sorted(lines) == expected
            elif shell == "fish":
                assert sorted(line.split("\t")[0] for line in lines) == expected


def test_zsh_completion_shows_each_candidate_with_its_help(tmp_path: Path) -> None:
    _, lines = complete_probe(tmp_path, "clientarea domains l", "zsh")
    assert lines == [
        '_arguments \'*: :(("list":"List domains, soonest expiry first."',
        '"lock":"Switch the registrar (transfer) lock on or..."))\'',
    ]


def test_value_completion_reads_the_cache_without_heavy_imports(tmp_path: Path) -> None:
    from clientarea_cli.cli import id_cache

    class Seen:
        def __init__(self, name: str) -> None:
            self.name, self.status = name, "active"

    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "CLIENTAREA_PROFILE": "t"}
    os.environ["XDG_CACHE_HOME"] = env["XDG_CACHE_HOME"]
    try:
        id_cache.remember("t", "Domain", [Seen("uno.es"), Seen("dos.com")])
    finally:
        del os.environ["XDG_CACHE_HOME"]
    cases = (
        ("clientarea domains list --status s", ["suspended"], ["domains"]),
        ("clientarea domains show ", ["uno.es", "dos.com"], ["domains"]),
        ("clientarea domains renew --tld ", ["com", "es"], ["domain_bulk", "domains"]),
        ("clientarea invoices show ", [], ["invoices"]),
        ("clientarea -o j", ["json", "jsonl"], []),
    )
    for words, expected, loaded in cases:
        for shell in ("bash", "zsh", "fish"):
            modules, lines = complete_probe(tmp_path, words, shell, env)
            assert [m for m in heavy(modules) if "commands" not in m] == [], (words, shell)
            assert not any(m == "rich" or m.startswith("rich.") for m in modules), (words, shell)
            assert command_modules(modules) == loaded, (words, shell)
            if shell == "bash":
                assert [line for line in lines if line] == expected, words

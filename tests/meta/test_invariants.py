"""Architecture invariants: exit codes documented, every command has help with an example,
completion scripts are current."""

from __future__ import annotations

import importlib
from pathlib import Path

from clientarea_cli import errors
from clientarea_cli.cli.app import SUBCOMMANDS
from clientarea_cli.cli.commands.completion import script
from clientarea_cli.cli.lazy import LazyCommands, command_of

ROOT = Path(__file__).resolve().parents[2]


def test_every_error_class_has_a_documented_exit_code() -> None:
    classes = [
        c
        for c in vars(errors).values()
        if isinstance(c, type) and issubclass(c, errors.ClientAreaError)
    ]
    assert len(classes) >= 14
    doc = (ROOT / "docs" / "exit-codes.md").read_text()
    for cls in classes:
        assert cls.exit_code in errors.EXIT_CODE_MEANINGS
    for code, meaning in errors.EXIT_CODE_MEANINGS.items():
        assert f"| {int(code)} | {meaning} |" in doc


def test_every_command_has_help_and_an_example() -> None:
    missing = []
    for name, (module_name, short_help) in SUBCOMMANDS.items():
        assert short_help.endswith(".")
        module = importlib.import_module(module_name)
        command = command_of(module.app)
        commands = getattr(command, "commands", {name: command})
        for sub_name, sub in commands.items():
            text = sub.help or ""
            if not text:
                missing.append(f"{name} {sub_name}: no help")
            elif "Example:" not in text and module_name.rsplit(".", 1)[1] not in ("help",):
                missing.append(f"{name} {sub_name}: no example")
    assert missing == []


def test_the_root_listing_says_what_each_group_says_of_itself() -> None:
    """`clientarea --help` lists a group with the first paragraph of its own `--help`."""
    differ = []
    for name, (module_name, short_help) in SUBCOMMANDS.items():
        command = command_of(importlib.import_module(module_name).app)
        if not hasattr(command, "commands"):
            continue  # a single command: the listing sums up its longer help
        own = " ".join((command.help or "").split("\n\n")[0].split())
        if own != short_help:
            differ.append(f"{name}: {short_help!r} vs {own!r}")
    assert differ == []


def test_lazy_tables_say_what_the_commands_say() -> None:
    """Tab completes command names from the tables in cli/lazy.py: their help is the command's."""
    from typer import _click

    def groups(command: _click.Command, path: str) -> list[tuple[str, LazyCommands]]:
        found = [(path, command)] if isinstance(command, LazyCommands) else []
        for name, sub in getattr(command, "commands", {}).items():
            found += groups(sub, f"{path} {name}")
        return found

    tables = {}
    for name, (module_name, _help) in SUBCOMMANDS.items():
        root = command_of(importlib.import_module(module_name).app)
        for path, group in groups(root, name):
            tables[path] = sorted(group.lazy_commands)
            for sub_name, (_target, short) in group.lazy_commands.items():
                real = group.commands[sub_name].help or ""
                assert real.split("\n\n")[0] == short, f"{path} {sub_name}"
    assert tables == {
        "domains": sorted(
            [
                "list",
                "show",
                "renew",
                "recur",
                "autorenew",
                "lock",
                "privacy",
                "epp",
                "check",
                "nameservers",
                "child-ns",
                "contacts",
                "dns",
            ]
        ),
        "domains contacts": ["set", "show"],
        "domains nameservers": ["set"],
        "services": sorted(
            [
                "list",
                "show",
                "payment-method",
                "cancel",
                "upgrade",
                "options",
                "password",
                "credentials",
                "login-url",
                "usage",
                "cancel-request",
                "addons",
                "mailboxes",
            ]
        ),
    }


def test_command_modules_keep_real_annotations() -> None:
    """Typer reads every option from annotations when it builds a command (on each Tab press):
    with `from __future__ import annotations` they are strings, compiled and evaluated each time."""
    cli = ROOT / "src" / "clientarea_cli" / "cli"
    modules = [cli / "app.py", *sorted((cli / "commands").glob("*.py"))]
    future = "from __future__ import annotations"
    assert [p.name for p in modules if future in p.read_text().splitlines()] == []


def test_completion_scripts_are_current() -> None:
    for shell in ("bash", "zsh", "fish"):
        path = ROOT / "completions" / f"clientarea.{shell}"
        assert path.read_text() == script(shell) + "\n", f"run `make completions` ({shell})"


def test_the_help_answered_without_typer_is_the_apps_own() -> None:
    from clientarea_cli.cli.help_render import render_root_help
    from clientarea_cli.cli.help_text import ROOT_HELP, ROOT_HELP_ES

    assert render_root_help() == ROOT_HELP, "run `make completions` to render it again"
    assert render_root_help("es") == ROOT_HELP_ES, "run `make completions` to render it again"


def test_help_and_version_need_no_typer() -> None:
    import subprocess
    import sys

    code = (
        "import sys; sys.argv = ['clientarea', '--help']\n"
        "from clientarea_cli.entry import main; main()\n"
        "sys.argv = ['clientarea', '--version']; main()\n"
        "heavy = [m for m in ('typer', 'click', 'rich', 'httpx', 'pydantic') if m in sys.modules]\n"
        "print(heavy, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stderr == "[]\n"
    assert done.stdout.endswith("clientarea 0.1.0\n")
    assert "Usage: clientarea [OPTIONS] COMMAND [ARGS]..." in done.stdout

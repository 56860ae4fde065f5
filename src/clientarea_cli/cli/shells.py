"""The shell classes a Tab press answers with: Typer's, minus rich.

Typer's zsh, fish and PowerShell classes pass every description through rich to strip markup,
which imports rich (about 50 modules) on every Tab press, in every language. Ours strip the
markup with one regular expression instead; what the shell receives is otherwise Typer's.
Typer and the standard library only: this runs on every Tab press.
"""

from __future__ import annotations

import os
import re
import sys
from typing import NoReturn

import typer
from typer._click.shell_completion import CompletionItem, add_completion_class
from typer._completion_classes import (
    BashComplete,
    FishComplete,
    PowerShellComplete,
    ZshComplete,
)

# rich's markup tags: `[bold]`, `[/]`, `[link=…]` (a lowercase letter, #, / or @ after `[`).
# Compiled on first use: bash shows no descriptions, so its Tab presses never need them.
_TAG = r"(\\*)\[([a-z#/@][^[]*?)]"


def plain(text: str) -> str:
    """`text` as rich would print it, without importing rich: tags dropped, `\\[` unescaped."""

    def replace(match: re.Match[str]) -> str:
        backslashes, tag = match.groups()
        if len(backslashes) % 2:  # an escaped `[`: printed literally, one backslash fewer
            return f"{backslashes[:-1]}[{tag}]"
        return backslashes

    return re.sub(_TAG, replace, text)


class Zsh(ZshComplete):
    def format_completion(self, item: CompletionItem) -> str:
        def escape(s: str) -> str:
            return (
                s.replace('"', '""')
                .replace("'", "''")
                .replace("$", "\\$")
                .replace("`", "\\`")
                .replace(":", r"\\:")
            )

        if item.help:
            return f'"{escape(item.value)}":"{plain(escape(item.help))}"'
        return f'"{escape(item.value)}"'


class Fish(FishComplete):
    def format_completion(self, item: CompletionItem) -> str:
        if item.help:
            described = re.sub(r"\s", " ", item.help)
            return f"{item.value}\t{plain(described)}"
        return f"{item.value}"


class PowerShell(PowerShellComplete):
    def format_completion(self, item: CompletionItem) -> str:
        return f"{item.value}:::{plain(item.help) if item.help else ' '}"


def register() -> None:
    """Make these the classes `_CLIENTAREA_COMPLETE=complete_<shell>` is answered by."""
    add_completion_class(BashComplete, "bash")
    add_completion_class(Zsh, "zsh")
    add_completion_class(Fish, "fish")
    add_completion_class(PowerShell, "powershell")
    add_completion_class(PowerShell, "pwsh")


def _read_each_signature_once() -> None:
    """Typer reads a command function's signature and annotations twice as it builds the
    command (for its converters, then for its callback), and once more for each value
    completer: remember them for this process, which builds only the command being completed.
    Typer's function is pure; Typer is pinned below 0.29 (pyproject.toml)."""
    import functools

    import typer.main

    read = getattr(typer.main, "get_params_from_function", None)
    if read is not None and not hasattr(read, "cache_info"):
        setattr(typer.main, "get_params_from_function", functools.cache(read))  # noqa: B010


def complete(app: typer.Typer) -> NoReturn:
    """Answer one Tab press: the candidates on stdout, exit 0, whatever goes wrong.

    A failure prints nothing (no candidates is better than a traceback in the middle of the
    command line); CLIENTAREA_DEBUG=1 shows it.
    """
    from clientarea_cli.cli.language import apply

    register()
    _read_each_signature_once()
    apply([])
    try:
        app(args=[], prog_name="clientarea")
    except SystemExit:
        raise
    except Exception:
        if os.environ.get("CLIENTAREA_DEBUG", "") not in ("", "0"):
            raise
    sys.exit(0)

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
_TAG = re.compile(r"(\\*)\[([a-z#/@][^[]*?)]")
_SPACE = re.compile(r"\s")


def plain(text: str) -> str:
    """`text` as rich would print it, without importing rich: tags dropped, `\\[` unescaped."""

    def replace(match: re.Match[str]) -> str:
        backslashes, tag = match.groups()
        if len(backslashes) % 2:  # an escaped `[`: printed literally, one backslash fewer
            return f"{backslashes[:-1]}[{tag}]"
        return backslashes

    return _TAG.sub(replace, text)


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
            return f"{item.value}\t{plain(_SPACE.sub(' ', item.help))}"
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


def complete(app: typer.Typer) -> NoReturn:
    """Answer one Tab press: the candidates on stdout, exit 0, whatever goes wrong.

    A failure prints nothing (no candidates is better than a traceback in the middle of the
    command line); CLIENTAREA_DEBUG=1 shows it.
    """
    from clientarea_cli.cli.language import apply

    register()
    apply([])
    try:
        app(args=[], prog_name="clientarea")
    except SystemExit:
        raise
    except Exception:
        if os.environ.get("CLIENTAREA_DEBUG", "") not in ("", "0"):
            raise
    sys.exit(0)

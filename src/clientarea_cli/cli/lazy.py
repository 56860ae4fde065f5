"""A root command group that imports a sub-app only when that sub-app is really entered.

`clientarea --help` and completion of the first word list the groups from a static table of
names and one-line helps (a stub command each), so neither imports any command module, nor
httpx, pydantic, keyring or rich tables. Technique and numbers: reference/performance.md §1.
"""

from __future__ import annotations

import importlib
from difflib import get_close_matches
from typing import Any

import typer
from typer import _click
from typer.core import TyperGroup

from clientarea_cli.cli.global_options import inherit
from clientarea_cli.cli.numbers import ascii_numbers
from clientarea_cli.i18n import _


class _Stub(TyperGroup):
    """Stands in for a lazy group in listings: carries only its name and short help."""


class LazyGroup(TyperGroup):
    lazy_subcommands: dict[str, tuple[str, str]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loaded: dict[str, _click.Command] = {}
        self._resolving = False

    def list_commands(self, ctx: _click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy_subcommands])

    def get_command(self, ctx: _click.Context, cmd_name: str) -> _click.Command | None:
        if cmd_name not in self.lazy_subcommands:
            return super().get_command(ctx, cmd_name)
        if cmd_name in self._loaded:
            return self._loaded[cmd_name]
        if not self._resolving:
            return _Stub(name=cmd_name, help=_(self.lazy_subcommands[cmd_name][1]))
        return self._load(cmd_name)

    def resolve_command(
        self, ctx: _click.Context, args: list[str]
    ) -> tuple[str | None, _click.Command | None, list[str]]:
        self._resolving = True
        try:
            return self._click_resolve_command(ctx, args)
        except _click.exceptions.UsageError as exc:
            matches = get_close_matches(args[0], self.list_commands(ctx)) if args else []
            if matches:
                suggestion = _("Did you mean {name!r}?").format(name=matches[0])
                exc.message = f"{exc.message.rstrip('.')}. {suggestion}"
            raise
        finally:
            self._resolving = False

    def invoke(self, ctx: _click.Context) -> Any:
        # Typer turns KeyboardInterrupt into a silent exit 130 before cli/errors.py sees it:
        # make it an error the boundary reports (money.send has already said what is known).
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            from clientarea_cli.errors import Interrupted

            raise Interrupted(_("interrupted (Ctrl-C)")) from None

    def _load(self, cmd_name: str) -> _click.Command:
        module = importlib.import_module(self.lazy_subcommands[cmd_name][0])
        command = typer.main.get_command(module.app)
        command.name = cmd_name
        inherit(command)
        ascii_numbers(command)
        self._loaded[cmd_name] = command
        return command


def make_lazy_group(mapping: dict[str, tuple[str, str]]) -> type[LazyGroup]:
    return type("RootLazyGroup", (LazyGroup,), {"lazy_subcommands": dict(mapping)})

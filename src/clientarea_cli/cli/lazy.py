"""Command groups that import and build a command only when it is really asked for.

`clientarea --help` and completion of the first word list the groups from a static table of
names and one-line helps (a stub command each), so neither imports any command module, nor
httpx, pydantic, keyring or rich tables. One level down, a noun whose commands live in several
modules (`domains`, `services`) names them in a table too (`lazy_commands`), so a Tab press below
`domains` imports one module and builds one command, not 48. Technique and numbers:
reference/performance.md §1.
"""

from __future__ import annotations

import importlib
from typing import Any

import typer
from typer import _click
from typer._click.shell_completion import CompletionItem
from typer._click.utils import make_default_short_help
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
            from difflib import get_close_matches

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
        command = command_of(module.app)
        command.name = cmd_name
        inherit(command)
        ascii_numbers(command)
        self._loaded[cmd_name] = command
        return command


def make_lazy_group(mapping: dict[str, tuple[str, str]]) -> type[LazyGroup]:
    return type("RootLazyGroup", (LazyGroup,), {"lazy_subcommands": dict(mapping)})


class LazyCommands(TyperGroup):
    """A noun's group whose other commands live in other modules, each built when named.

    `lazy_commands` maps a command name to ("module:attribute", one-line help): a command
    function or a Typer app, listed after the commands the group's own module registers. Tab
    completion of a command name answers from the table (a test keeps its help equal to the
    command's); help and code that walks `.commands` (tests, man pages) get the real commands.
    """

    lazy_commands: dict[str, tuple[str, str]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._built: dict[str, _click.Command] = {}
        super().__init__(*args, **kwargs)
        self._order = [*self._built, *(n for n in self.lazy_commands if n not in self._built)]

    @property  # type: ignore[override]
    def commands(self) -> dict[str, _click.Command]:
        for name in self.lazy_commands:
            self._build(name)
        return self._built

    @commands.setter
    def commands(self, value: dict[str, _click.Command]) -> None:
        self._built = dict(value)

    def loaded(self) -> dict[str, _click.Command]:
        """The commands built so far (global options are given to the others as they load)."""
        return self._built

    def list_commands(self, ctx: _click.Context) -> list[str]:
        return list(self._order)

    def get_command(self, ctx: _click.Context, cmd_name: str) -> _click.Command | None:
        if cmd_name in self._built:
            return self._built[cmd_name]
        return self._build(cmd_name) if cmd_name in self.lazy_commands else None

    def shell_complete(self, ctx: _click.Context, incomplete: str) -> list[CompletionItem]:
        """Command names from the table, options from the group: nothing is imported or built."""
        items = []
        for name in self.list_commands(ctx):
            if not name.startswith(incomplete):
                continue
            built = self._built.get(name)
            if built is not None:
                if not built.hidden:
                    items.append(CompletionItem(name, help=built.get_short_help_str()))
            else:
                short = make_default_short_help(_(self.lazy_commands[name][1]))
                items.append(CompletionItem(name, help=short))
        items.extend(_click.core.Command.shell_complete(self, ctx, incomplete))
        return items

    def _build(self, cmd_name: str) -> _click.Command:
        if cmd_name in self._built:
            return self._built[cmd_name]
        module_name, _sep, attribute = self.lazy_commands[cmd_name][0].partition(":")
        target = getattr(importlib.import_module(module_name), attribute)
        command = command_of(target if isinstance(target, typer.Typer) else _one(cmd_name, target))
        command.name = cmd_name
        inherit(command)
        ascii_numbers(command)
        self._built[cmd_name] = command
        return command


def command_of(app: typer.Typer) -> _click.Command:
    """The click command of a Typer app: a group if it has several commands (or lazy ones).

    Never with --install-completion/--show-completion (Typer adds them to every app made with
    its default add_completion=True): `clientarea completion SHELL` prints the script, and
    nothing edits a shell's rc file unasked. Typer has no public setter for it.
    """
    cls = app.info.cls
    if isinstance(cls, type) and issubclass(cls, LazyCommands):
        return typer.main.get_group(app)
    app._add_completion = False
    return typer.main.get_command(app)


def _one(name: str, function: Any) -> typer.Typer:
    """A Typer app holding one command: Typer's public way to build a command from a function."""
    holder = typer.Typer(add_completion=False)
    holder.command(name)(function)
    return holder


def lazy_commands(mapping: dict[str, tuple[str, str]]) -> type[LazyCommands]:
    """The `cls=` of a Typer app whose other commands `mapping` names: (target, help)."""
    return type("NounLazyGroup", (LazyCommands,), {"lazy_commands": dict(mapping)})

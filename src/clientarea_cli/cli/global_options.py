"""Global options accepted after the subcommand too: `clientarea invoices list -p work -o json`.

The root callback declares them for the position before the subcommand. When a command group
is loaded (cli/lazy.py), every command in it also gets the ones it does not declare itself;
their values are written into the same `GlobalOptions` the root filled, so a command reads them
in one place whichever side of the subcommand the user typed them. Cheap to import: typer only.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from typer import _click
from typer.core import TyperGroup, TyperOption

from clientarea_cli.cli import values

PANEL = "Global options"

# (parameter name, option strings, is a flag, metavar, help): the root's options, minus --version.
INHERITED: tuple[tuple[str, tuple[str, ...], bool, str | None, str], ...] = (
    ("profile", ("--profile", "-p"), False, "NAME", "Profile to use."),
    ("output", ("--output", "-o"), False, "FORMAT", "table, json, jsonl, csv or tsv."),
    ("columns", ("--columns",), False, "A,B", "Fields to show."),
    ("no_headers", ("--no-headers",), True, None, "Omit header rows."),
    ("query", ("--query",), False, "JMESPATH", "Filter the JSON output (implies -o json)."),
    ("quiet", ("--quiet", "-q"), True, None, "No notices; lists print ids only."),
    ("verbose", ("--verbose",), True, None, "Say everything (every invoice of a bulk run)."),
    ("yes", ("--yes", "-y"), True, None, "Answer yes to confirmations."),
    ("no_input", ("--no-input",), True, None, "Never prompt."),
    ("debug", ("--debug",), True, None, "Trace HTTP on stderr (secrets redacted)."),
    ("color", ("--color",), False, "WHEN", "auto, always or never."),
    (
        "lang",
        ("--lang",),
        False,
        "LANG",
        "Language of messages, help and tables: en or es (default: config, then LANG).",
    ),
)


# What Tab offers for their values, as for the root's (cli/values.py).
COMPLETERS: dict[str, Callable[..., Any]] = {
    "profile": values.profiles,
    "output": values.FORMAT_VALUES,
    "color": values.COLOR_VALUES,
    "lang": values.LANGUAGE_VALUES,
}


def inherit(command: _click.Command) -> None:
    """Give `command` and every command below it the global options it does not declare."""
    if isinstance(command, TyperGroup):
        # A lazy group (cli/lazy.py) gives the commands it builds later their share itself.
        loaded = getattr(command, "loaded", None)
        for sub in (loaded() if loaded else command.commands).values():
            inherit(sub)
        return
    if command.callback is None or getattr(command.callback, "_inherits_globals", False):
        return
    names = {p.name for p in command.params}
    taken = {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)}
    added: list[str] = []
    for name, opts, flag, metavar, help_text in INHERITED:
        free = [o for o in opts if o not in taken]
        if name in names or not free:
            continue
        command.params.append(
            TyperOption(
                param_decls=[f"global_{name}", *free],
                is_flag=flag or None,
                default=False if flag else None,
                metavar=metavar,
                help=help_text,
                rich_help_panel=PANEL,
                show_default=False,
                autocompletion=COMPLETERS.get(name),
            )
        )
        added.append(name)
    if added:
        command.callback = _storing(command.callback, added)


def _storing(callback: Callable[..., Any], names: list[str]) -> Callable[..., Any]:
    @functools.wraps(callback)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        given = {name: kwargs.pop(f"global_{name}") for name in names}
        store(_click.globals.get_current_context(), given)
        return callback(*args, **kwargs)

    wrapper._inherits_globals = True  # type: ignore[attr-defined]
    return wrapper


def store(ctx: _click.Context, given: dict[str, Any]) -> None:
    """Write the values the user gave after the subcommand over the root's."""
    from clientarea_cli.cli.context import AppContext

    options = AppContext.of(ctx).options
    for name, value in given.items():
        if value is None or value is False:
            continue
        setattr(options, name, value)
    options.check()

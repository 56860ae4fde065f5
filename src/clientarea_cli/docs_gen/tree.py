"""Walk the click tree Typer builds, lazy groups loaded, into plain records the writers render.

Everything comes from the objects the CLI itself parses with: usage pieces, help texts, and each
parameter's own help record (its names, metavar, `[default: …]`, `[env var: …]`). Hidden
commands and options are left out, as `--help` leaves them out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import typer
from typer import _click
from typer.core import TyperGroup

from clientarea_cli.cli.global_options import PANEL as GLOBAL_PANEL

EXAMPLE_PREFIXES = ("Examples:", "Example:")


@dataclass(frozen=True)
class Param:
    """One argument or option as its help shows it: "-p, --profile NAME" and its help."""

    names: str
    help: str
    panel: str | None = None


@dataclass
class CommandDoc:
    path: tuple[str, ...]
    usage: str
    help: str
    arguments: list[Param] = field(default_factory=list)
    options: list[Param] = field(default_factory=list)
    takes_global_options: bool = False
    subcommands: list[tuple[str, str]] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The page name: `clientarea-domains-list`, like git-commit(1)."""
        return "-".join(self.path)

    @property
    def command(self) -> str:
        return " ".join(self.path)

    @property
    def summary(self) -> str:
        """The first paragraph of the help, for NAME lines and listings."""
        return summary(self.help)

    @property
    def paragraphs(self) -> list[str]:
        """The help's paragraphs, examples left out."""
        return [p for p in _paragraphs(self.help) if not p.startswith(EXAMPLE_PREFIXES)]

    @property
    def examples(self) -> list[str]:
        """Command lines from "Example:" paragraphs, one per line."""
        lines: list[str] = []
        for paragraph in _paragraphs(self.help):
            prefix = next((p for p in EXAMPLE_PREFIXES if paragraph.startswith(p)), None)
            if prefix:
                rest = paragraph[len(prefix) :]
                lines += [line.strip() for line in rest.splitlines() if line.strip()]
        return lines


def summary(text: str | None) -> str:
    """The first paragraph of a help text, on one line."""
    paragraphs = _paragraphs(text or "")
    return " ".join(paragraphs[0].split()) if paragraphs else ""


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def root_command() -> _click.Command:
    """The CLI's own root command (a fresh tree each call, in English)."""
    from clientarea_cli.cli.app import app
    from clientarea_cli.i18n import set_language

    set_language("en")
    return typer.main.get_command(app)


def walk(root: _click.Command | None = None, name: str = "clientarea") -> list[CommandDoc]:
    """Every visible command, parents before children, siblings in listing order."""
    return [_describe(*node) for node in _tree(root or root_command(), name, None)]


def commands(
    root: _click.Command | None = None, name: str = "clientarea"
) -> list[tuple[_click.Command, _click.Context]]:
    """The click commands `walk` describes, each with its context (`ctx.command_path`)."""
    return [(command, ctx) for command, ctx, _ in _tree(root or root_command(), name, None)]


def _tree(
    command: _click.Command, name: str, parent: _click.Context | None
) -> Iterator[tuple[_click.Command, _click.Context, list[tuple[str, _click.Command]]]]:
    ctx = _click.Context(command, info_name=name, parent=parent, **command.context_settings)
    children: list[tuple[str, _click.Command]] = []
    if isinstance(command, TyperGroup):
        for sub_name in command.list_commands(ctx):
            # resolve_command is how a run reaches a subcommand: it loads a lazy group for real.
            _, sub, _ = command.resolve_command(ctx, [sub_name])
            if sub is not None and not sub.hidden:
                children.append((sub_name, sub))
    yield command, ctx, children
    for sub_name, sub in children:
        yield from _tree(sub, sub_name, ctx)


def _describe(
    command: _click.Command, ctx: _click.Context, children: list[tuple[str, _click.Command]]
) -> CommandDoc:
    path = tuple(ctx.command_path.split())
    doc = CommandDoc(
        path=path,
        usage=" ".join([ctx.command_path, *command.collect_usage_pieces(ctx)]),
        help=command.help or "",
        subcommands=[(n, summary(sub.short_help or sub.help)) for n, sub in children],
    )
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            continue  # hidden
        panel = getattr(param, "rich_help_panel", None)
        if panel == GLOBAL_PANEL:
            doc.takes_global_options = True
            continue
        item = Param(names=record[0], help=record[1], panel=panel)
        if param.param_type_name == "argument":
            doc.arguments.append(item)
        else:
            doc.options.append(item)
    return doc

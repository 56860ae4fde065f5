"""Help in the chosen language without touching the command modules.

Typer builds help from docstrings and `help=` strings in English. When another language is chosen,
`install()` wraps Typer's help renderer: just before a command's help is printed, its help, its
options' help and its subcommands' one-line help are looked up in the catalogue, one paragraph at
a time, keyed by the English text (so a changed sentence only needs its own paragraph again). An
"Example:" paragraph keeps its command line and translates only the word. Typer's and click's own
labels (Options, Commands, Usage…) are translated the same way. English runs never import this.
"""

from __future__ import annotations

from typing import Any

from typer import _click
from typer._click.formatting import HelpFormatter
from typer.core import TyperGroup

from clientarea_cli.i18n import _, language

EXAMPLE_PREFIXES = ("Example:", "Examples:")
RICH_LABELS = {
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "DEPRECATED_STRING": "(deprecated) ",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}
HELP_OPTION = "Show this message and exit."
USAGE = "Usage: "
_installed: set[str] = set()


def translate_help(text: str | None) -> str | None:
    """A help text paragraph by paragraph; untranslated paragraphs stay in English."""
    if not text:
        return text
    return "\n\n".join(_paragraph(p) for p in text.split("\n\n"))


def paragraphs(text: str | None) -> list[str]:
    """The catalogue keys of a help text (what translate_help looks up)."""
    if not text:
        return []
    keys = []
    for paragraph in text.split("\n\n"):
        prefix = _example_prefix(paragraph)
        keys.append(prefix or paragraph)
    return [k for k in keys if k.strip()]


def _example_prefix(paragraph: str) -> str | None:
    return next((p for p in EXAMPLE_PREFIXES if paragraph.startswith(p)), None)


def _paragraph(paragraph: str) -> str:
    if not paragraph.strip():
        return paragraph
    prefix = _example_prefix(paragraph)
    if prefix:
        return _(prefix) + paragraph[len(prefix) :]
    return _(paragraph)


def translate_command(command: _click.Command, ctx: _click.Context) -> None:
    """Translate one command's texts in place (once), and its subcommands' one-line help."""
    if getattr(command, "_clientarea_language", None) == language():
        return
    command.help = translate_help(command.help)
    command.short_help = translate_help(command.short_help)
    command.epilog = translate_help(command.epilog)
    for param in command.get_params(ctx):
        if getattr(param, "help", None):
            param.help = translate_help(param.help)  # type: ignore[attr-defined]
        _translate_panel(param)
    if isinstance(command, TyperGroup):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and getattr(sub, "_clientarea_language", None) != language():
                sub.help = translate_help(sub.help)
                sub.short_help = translate_help(sub.short_help)
                _translate_panel(sub)
                sub._clientarea_language = language()  # type: ignore[attr-defined]
    command._clientarea_language = language()  # type: ignore[attr-defined]


def _translate_panel(item: object) -> None:
    """Options and commands grouped under a named panel ("Targets"): the panel's title too."""
    panel = getattr(item, "rich_help_panel", None)
    if panel:
        item.rich_help_panel = _(panel)  # type: ignore[attr-defined]


def install() -> None:
    """Route Typer's help through the catalogue (idempotent; labels follow the current language)."""
    from typer import rich_utils

    for name, english in RICH_LABELS.items():
        setattr(rich_utils, name, _(english))
    if _installed:
        return
    _installed.add("typer")
    original_format = rich_utils.rich_format_help
    original_usage = HelpFormatter.write_usage
    original_help_option = _click.Command.get_help_option

    def rich_format_help(*, obj: Any, ctx: _click.Context, markup_mode: Any) -> None:
        if language() != "en":
            translate_command(obj, ctx)
        original_format(obj=obj, ctx=ctx, markup_mode=markup_mode)

    def write_usage(
        self: HelpFormatter, prog: str, args: str = "", prefix: str | None = None
    ) -> None:
        original_usage(self, prog, args, _(USAGE) if prefix is None else prefix)

    def get_help_option(self: _click.Command, ctx: _click.Context) -> Any:
        option = original_help_option(self, ctx)
        if option is not None and option.help == HELP_OPTION:
            option.help = _(HELP_OPTION)
        return option

    rich_utils.rich_format_help = rich_format_help
    HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    _click.Command.get_help_option = get_help_option  # type: ignore[method-assign]


def install_completion() -> None:
    """The Tab path's share: descriptions zsh and fish show beside each command and option.

    Translated before click shortens them (`get_short_help_str`) and when an option's help becomes
    a completion item; nothing here imports rich, so a Tab press stays light in every language.
    """
    if "completion" in _installed:
        return
    _installed.add("completion")
    from typer._click.shell_completion import CompletionItem

    original_short_help = _click.Command.get_short_help_str
    original_item_init = CompletionItem.__init__

    def get_short_help_str(self: _click.Command, limit: int = 45) -> str:
        if language() != "en" and getattr(self, "_clientarea_language", None) != language():
            self.help = translate_help(self.help)
            self.short_help = translate_help(self.short_help)
            self._clientarea_language = language()  # type: ignore[attr-defined]
        return original_short_help(self, limit)

    def item_init(
        self: CompletionItem, value: Any, type: str = "plain", help: str | None = None, **kw: Any
    ) -> None:
        if help and language() != "en":
            help = translate_help(help)
        original_item_init(self, value, type, help, **kw)

    _click.Command.get_short_help_str = get_short_help_str  # type: ignore[method-assign]
    CompletionItem.__init__ = item_init  # type: ignore[method-assign]

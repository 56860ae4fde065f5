"""What Tab offers for an option's or an argument's value: a fixed set, or ids seen before.

Each function here makes an `autocompletion=` callback for `typer.Option`/`typer.Argument`:
- `choices(VALUES)`: a fixed set, from where the option's own check takes it (models/choices.py,
  output.FORMATS, i18n.LANGUAGES…), offered as the CLI spells them (`end-of-period`);
- `ids("domains")`: the ids a list or show command printed lately for the profile in use
  (cli/id_cache.py); no cache, a stale one or none for the profile offers nothing;
- `profiles`: the profile names in the config file.
A Tab press never reaches the network and never fails: nothing found offers nothing. Standard
library and typer only (docs/completion.md).
"""

import os

from typer import _click

from clientarea_cli.i18n import LANGUAGES
from clientarea_cli.output import COLOR_CHOICES, FORMATS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

ON_OFF = ("on", "off")


def spelled(values: "Iterable[str]") -> tuple[str, ...]:
    """Values as the CLI shows and accepts them: `end_of_period` → `end-of-period`."""
    return tuple(value.replace("_", "-") for value in values)


def choices(
    values: "Iterable[str]",
) -> "Callable[[_click.Context, list[str], str], list[str | tuple[str, str]]]":
    offered = spelled(values)

    def complete(
        ctx: _click.Context, args: list[str], incomplete: str
    ) -> list[str | tuple[str, str]]:
        return [value for value in offered if value.startswith(incomplete)]

    return complete


def ids(*kinds: str) -> "Callable[[_click.Context, list[str], str], list[str | tuple[str, str]]]":
    """Ids of `kinds` ("domains", "invoices", "services", "cards", "departments", "tickets")."""

    def complete(
        ctx: _click.Context, args: list[str], incomplete: str
    ) -> list[str | tuple[str, str]]:
        from clientarea_cli.cli import id_cache

        return [
            (value, description) if description else value
            for value, description in id_cache.suggest(profile_in_use(ctx), kinds, incomplete)
        ]

    return complete


def tlds(ctx: _click.Context, args: list[str], incomplete: str) -> list[str | tuple[str, str]]:
    """The TLDs of the domains seen lately (`es`, `com.es`): what --tld takes."""
    from clientarea_cli.cli import id_cache

    seen = id_cache.suggest(profile_in_use(ctx), ("domains",), "")
    dot = "." if incomplete.startswith(".") else ""
    found = {dot + name.partition(".")[2] for name, _ in seen if "." in name}
    return sorted(tld for tld in found if tld.startswith(incomplete))


def profiles(ctx: _click.Context, args: list[str], incomplete: str) -> list[str | tuple[str, str]]:
    table = _config().get("profiles")
    names = sorted(str(name) for name in table) if isinstance(table, dict) else []
    return [name for name in names if name.startswith(incomplete)]


def profile_in_use(ctx: _click.Context) -> str | None:
    """-p/--profile after the command or before it (or CLIENTAREA_PROFILE), else the current one.

    (`auth login --profile NAME` names a profile to create: it is not the one in use.)
    """
    context: _click.Context | None = ctx
    while context is not None:
        chosen = context.params.get("global_profile")
        if context.parent is None:
            chosen = chosen or context.params.get("profile")
        if isinstance(chosen, str) and chosen:
            return chosen
        context = context.parent
    current = os.environ.get("CLIENTAREA_PROFILE") or current_profile()
    return current if isinstance(current, str) and current else None


_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")


def current_profile() -> object:
    """The config's `current_profile`, read without TOML when the file says it plainly.

    A Tab press would pay ~2.5 ms to import tomllib for one key (issue 12 item 3); the config
    store (tomli-w) writes it as a plain top-level `current_profile = "name"` line. Any other
    spelling (quoted key, comment, escapes) is left to tomllib, so the answer is the same."""
    from clientarea_cli.cli.language import config_file_text

    text = config_file_text()
    if text is None or "current_profile" not in text:
        return None
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            break
        key, equals, value = line.partition("=")
        if equals and key.strip() == "current_profile":
            value = value.strip()
            name = value[1:-1]
            if len(value) > 2 and value[0] == value[-1] == '"' and set(name) <= _PLAIN:
                return name
            break
    return _config().get("current_profile")


def _config() -> dict[str, object]:
    """The config file as TOML, or empty (missing or broken: nothing to offer)."""
    import tomllib

    from clientarea_cli.cli.language import config_path

    try:
        data = tomllib.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


# One completer per kind of value, shared by every option and argument that takes it.
DOMAINS = ids("domains")
INVOICES = ids("invoices")
SERVICES = ids("services")
CARDS = ids("cards")
DEPARTMENTS = ids("departments")
TICKETS = ids("tickets")
ON_OFF_VALUES = choices(ON_OFF)
FORMAT_VALUES = choices(FORMATS)
COLOR_VALUES = choices(COLOR_CHOICES)
LANGUAGE_VALUES = choices(LANGUAGES)


class ColumnPaths:
    """Tab for `--columns`: the paths `--columns` accepts for `model` (output/fields.py), read
    from the table `make completions` generates (cli/column_paths.py), since the models
    themselves would import pydantic. Completes the last comma-separated name, offering whole
    values (`name,status`) and never a name already given."""

    def __init__(self, model: str) -> None:
        self.model = model

    def complete(
        self, ctx: _click.Context, args: list[str], incomplete: str
    ) -> list[str | tuple[str, str]]:
        from clientarea_cli.cli.column_paths import PATHS

        given, comma, last = incomplete.rpartition(",")
        taken = set(given.split(",")) if comma else set()
        return [
            f"{given}{comma}{path}"
            for path in PATHS.get(self.model, ())
            if path.startswith(last) and path not in taken
        ]

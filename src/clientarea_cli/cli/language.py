"""Which language this run speaks, decided once before anything is printed.

First found wins: `--lang es|en` (or CLIENTAREA_LANG), `lang` of the profile in use, `lang` at the
top of the config file, then LC_ALL, LC_MESSAGES, LANG (`es_ES.UTF-8` → es; `C`/`POSIX` → en).
English is the default and anything not Spanish falls back to it. Stdlib only, no
clientarea_cli.config: it runs on `--help` and on every Tab press (docs/language.md).
"""

from __future__ import annotations

import os
import sys

from clientarea_cli.i18n import DEFAULT, LANGUAGES

TYPE_CHECKING = False  # typing and collections.abc cost ~10 ms on the --help path
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from pathlib import Path
    from typing import Any

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def choose(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    explicit = _option(argv, "--lang") or environ.get("CLIENTAREA_LANG")
    if explicit:
        return explicit.strip().lower()  # validated by the --lang option itself
    configured = _from_config(argv, environ)
    if configured in LANGUAGES:
        return configured
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:
            return _from_locale(value)
    return DEFAULT


def apply(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """Choose and set the language; an unknown --lang value is left to the option to refuse."""
    from clientarea_cli.i18n import set_language

    chosen = choose(argv, environ)
    set_language(chosen if chosen in LANGUAGES else DEFAULT)
    if (chosen in LANGUAGES and chosen != DEFAULT) or "clientarea_cli.cli.help_i18n" in sys.modules:
        from clientarea_cli.cli import help_i18n

        if "_CLIENTAREA_COMPLETE" in environ:
            help_i18n.install_completion()  # a Tab press: nothing that imports rich
        else:
            help_i18n.install()
    return chosen


def _from_locale(value: str) -> str:
    code = (
        value.split(":", maxsplit=1)[0]
        .split(".", maxsplit=1)[0]
        .split("@", maxsplit=1)[0]
        .split("_", maxsplit=1)[0]
        .lower()
    )
    return code if code in LANGUAGES else DEFAULT


def _option(argv: Sequence[str], name: str, short: str | None = None) -> str | None:
    """The value of a global option wherever it stands (before `--`)."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg in (name, short) and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith(name + "="):
            return arg.partition("=")[2]
    return None


def config_path(environ: Mapping[str, str] = os.environ) -> Path:
    """config.paths.config_file() without importing platformdirs on Linux (a test keeps them equal)."""
    from pathlib import Path

    return Path(_config_file(environ))


def _config_file(environ: Mapping[str, str]) -> str:
    """The config file's path as text: every run reads it, and pathlib costs ~10 ms to import."""
    override = environ.get("CLIENTAREA_CONFIG")
    if override:
        return os.path.expanduser(override)
    if sys.platform.startswith("linux"):
        base = environ.get("XDG_CONFIG_HOME", "").strip() or os.path.expanduser("~/.config")
        return os.path.join(base, "clientarea", "config.toml")
    from clientarea_cli.config.paths import config_file

    return str(config_file())


def config_file_text(environ: Mapping[str, str] = os.environ) -> str | None:
    """The config file's text, or None when it is missing or unreadable (no pathlib)."""
    try:
        with open(_config_file(environ), encoding="utf-8") as file:
            return file.read()
    except (OSError, UnicodeDecodeError):
        return None


def _from_config(argv: Sequence[str], environ: Mapping[str, str]) -> str | None:
    try:
        with open(_config_file(environ), "rb") as file:
            raw = file.read()
    except OSError:
        return None
    if b"lang" not in raw:
        return None  # no language set: skip parsing TOML (~6 ms) on every run, --help included
    import tomllib

    try:
        data: Any = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None  # the config store reports a broken file when a command reads it
    profile = (
        _option(argv, "--profile", "-p")
        or environ.get("CLIENTAREA_PROFILE")
        or data.get("current_profile")
    )
    profiles = data.get("profiles")
    chosen = profiles.get(profile) if isinstance(profiles, dict) and profile else None
    for table in (chosen, data):
        lang = table.get("lang") if isinstance(table, dict) else None
        if isinstance(lang, str):
            return lang.strip().lower()
    return None

"""`clientarea help …`: topics that are not a single command's help."""

from __future__ import annotations

import sys

import typer

from clientarea_cli.i18n import N_, _

app = typer.Typer(help="Help topics: exit codes, environment, formats.", no_args_is_help=True)

ENVIRONMENT = N_("""\
CLIENTAREA_PROFILE    profile to use (same as --profile)
CLIENTAREA_TOKEN      API key to use instead of the stored one (CI); never stored
CLIENTAREA_CONFIG     path of the config file (profiles, no secrets)
CLIENTAREA_NO_INPUT   never prompt (same as --no-input)
CLIENTAREA_DEBUG      show tracebacks of internal errors
NO_COLOR              no colour (CLICOLOR=0 too); CLICOLOR_FORCE / FORCE_COLOR force it
CLIENTAREA_LANG       language: en or es (same as --lang; docs/language.md)
LC_ALL, LC_MESSAGES, LANG  the locale: es_ES.UTF-8 and other es_* choose Spanish
PYTHON_KEYRING_BACKEND  choose the keyring backend (see the keyring library)
""")


@app.command("exit-codes")
def exit_codes() -> None:
    """List the exit codes and what each means."""
    from clientarea_cli.errors import EXIT_CODE_MEANINGS

    for code, meaning in EXIT_CODE_MEANINGS.items():
        sys.stdout.write(_("{int:>3}  {meaning}\n").format(int=int(code), meaning=_(meaning)))


@app.command("environment")
def environment() -> None:
    """List the environment variables clientarea reads."""
    sys.stdout.write(_(ENVIRONMENT))

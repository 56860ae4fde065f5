"""Questions on the terminal: a "no" is a decline (exit 1, nothing changed), Ctrl-C an interrupt.

`typer.confirm`/`typer.prompt` turn both Ctrl-C and end of input into `Abort`; only the first is
an interrupt (130). A "no", a wrong typed answer, or input that ends are a decline: `Declined`.
"""

from __future__ import annotations

import typer

from clientarea_cli.i18n import _, language


def _reraise_interrupt(exc: typer.Abort) -> None:
    if isinstance(exc.__context__, KeyboardInterrupt):
        raise exc


YES = frozenset({"y", "yes"})
NO = frozenset({"n", "no"})
# Spanish asks `[s/N]` and takes s/sí/si; y/yes still count, so `yes | clientarea …` works in both.
YES_BY_LANGUAGE = {"es": YES | {"s", "si", "sí"}}


def yes_no(question: str) -> bool:
    """Ask `[y/N]` (`[s/N]` in Spanish) on stderr; end of input is a no, Ctrl-C an interrupt.

    The same prompt, answers and "Error: invalid input" as click's confirm in English; the
    suffix and the answers follow the language (docs/language.md)."""
    yes = YES_BY_LANGUAGE.get(language(), YES)
    while True:
        try:
            answer = typer.prompt(
                f"{question} {_('[y/N]')}", default="", show_default=False, err=True
            )
        except typer.Abort as exc:
            _reraise_interrupt(exc)
            return False
        word = str(answer).strip().lower()
        if word in yes:
            return True
        if not word or word in NO:
            return False
        typer.echo(_("Error: invalid input"), err=True)


def typed(question: str) -> str:
    """Ask for a typed answer on stderr ("" at end of input); Ctrl-C stays an interrupt."""
    try:
        return str(typer.prompt(question, default="", show_default=False, err=True))
    except typer.Abort as exc:
        _reraise_interrupt(exc)
        return ""

"""Questions on the terminal: a "no" is a decline (exit 1, nothing changed), Ctrl-C an interrupt.

`typer.confirm`/`typer.prompt` turn both Ctrl-C and end of input into `Abort`; only the first is
an interrupt (130). A "no", a wrong typed answer, or input that ends are a decline: `Declined`.
"""

from __future__ import annotations

import typer


def _reraise_interrupt(exc: typer.Abort) -> None:
    if isinstance(exc.__context__, KeyboardInterrupt):
        raise exc


def yes_no(question: str) -> bool:
    """Ask `[y/N]` on stderr; end of input is a no, Ctrl-C stays an interrupt."""
    try:
        return bool(typer.confirm(question, err=True))
    except typer.Abort as exc:
        _reraise_interrupt(exc)
        return False


def typed(question: str) -> str:
    """Ask for a typed answer on stderr ("" at end of input); Ctrl-C stays an interrupt."""
    try:
        return str(typer.prompt(question, default="", show_default=False, err=True))
    except typer.Abort as exc:
        _reraise_interrupt(exc)
        return ""

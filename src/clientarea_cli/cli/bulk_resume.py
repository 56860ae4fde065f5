"""--resume's side of the bulk commands: the command that finishes a run (copied from the
journal), the hint a stopped run ends with, and the check that arguments given with --resume
are the run's own."""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer

from clientarea_cli.errors import (
    AnswerLost,
    AuthError,
    Interrupted,
    NetworkError,
    OutcomeUnknown,
    UsageError,
)
from clientarea_cli.i18n import _

if TYPE_CHECKING:
    from clientarea_cli.drivers.base import Driver
    from clientarea_cli.ops.bulk.actions import Action
    from clientarea_cli.ops.bulk.journal import Journal, RunRecord

COMMAND_PATHS = {"nameservers": "domains nameservers set"}
"""The journal's command names that are not `domains NAME`."""


def typed_args(
    ctx: typer.Context, args: dict[str, tuple[str, tuple[str, ...]]]
) -> dict[str, tuple[str, ...]]:
    """The action arguments the user typed (not defaults): `{parameter: (as typed, action params
    it sets)}` → `{as typed: action params}`, for checking them against a resumed run."""
    from typer import _click

    typed = (_click.core.ParameterSource.COMMANDLINE, _click.core.ParameterSource.ENVIRONMENT)
    return {
        label: keys
        for name, (label, keys) in args.items()
        if ctx.get_parameter_source(name) in typed
    }


def resume_command(record: RunRecord) -> str:
    """The command that finishes a run, from what the journal recorded (its command, profile)."""
    path = COMMAND_PATHS.get(record.command, f"domains {record.command}")
    return f"clientarea -p {shlex.quote(record.profile)} {path} --resume"


def way_out(record: RunRecord, note: str = "") -> str:
    return (
        f"finish it with `{resume_command(record)}`{note}, "
        f"or give it up with `clientarea journal abandon {record.id}`"
    )


def check_resume_args(
    record: RunRecord,
    given: dict[str, tuple[str, ...]],
    build: Callable[[Driver], tuple[Action, list[str]]],
    driver: Driver,
) -> None:
    """Arguments given with --resume must be the run's own: refuse any that differ (exit 2)."""
    if not given:
        return
    mine = build(driver)[0].params()
    for label, keys in given.items():
        if any(mine.get(key) != record.params.get(key) for key in keys):
            raise UsageError(
                _(
                    "`{label}` differs from the run --resume finishes ({id}: {title}); drop it to finish that run as it started, or start a new run without --resume"
                ).format(label=label, id=record.id, title=record.title)
            )


@contextmanager
def hint_on_stop(journal: Journal, command: str, profile: str, moves_money: bool) -> Iterator[None]:
    """A run stopped half-way (Ctrl-C, network, credentials): the hint is the command that
    finishes it, copied from the journal, and the one that gives it up."""
    try:
        yield
    except KeyboardInterrupt:
        raise _with_way_out(
            Interrupted(_("interrupted; the items not finished are kept in the journal")),
            journal, command, profile, moves_money,
        ) from None  # fmt: skip
    except (Interrupted, NetworkError, AuthError, OutcomeUnknown) as exc:
        raise _with_way_out(exc, journal, command, profile, moves_money) from None


def _with_way_out(
    exc: Interrupted | NetworkError | AuthError | OutcomeUnknown,
    journal: Journal,
    command: str,
    profile: str,
    moves_money: bool,
) -> Exception:
    run_id = journal.latest_unfinished(command, profile)
    if run_id is None:
        return exc
    record = journal.run(run_id)
    if isinstance(exc, AnswerLost | OutcomeUnknown):
        # The items in flight are re-checked (or re-sent under their keys) by --resume.
        hint = way_out(record, " (it settles the items whose outcome is unknown first)")
        if moves_money:
            return OutcomeUnknown(exc.message, hint=hint, details=exc.details)
        exc.hint = hint
    else:
        exc.hint = f"{exc.hint}; then {way_out(record)}" if exc.hint else way_out(record)
    return exc

"""The CLI's handle on the money journal: every money-moving command sends through it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from clientarea_cli.cli.context import AppContext

if TYPE_CHECKING:
    from clientarea_cli.ops.money import MoneyLog

T = TypeVar("T")


@contextmanager
def money_log() -> Iterator[MoneyLog]:
    from clientarea_cli.config.paths import journal_file
    from clientarea_cli.ops.money import MoneyLog

    log = MoneyLog(journal_file())
    try:
        yield log
    finally:
        log.close()


def send_money(
    app_ctx: AppContext,
    *,
    kind: str,
    summary: str,
    call: Callable[[str], T],
    describe: Callable[[T], str] = str,
) -> T:
    """Send one money request through the journal (see ops/money.py); `call` gets the key."""
    from clientarea_cli.ops import money

    profile, _profile = app_ctx.profile()
    with money_log() as log:
        return money.send(
            log, profile=profile, kind=kind, summary=summary, call=call, describe=describe
        )

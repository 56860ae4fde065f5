"""The ids the CLI prints are the ids it accepts: an invoice's or a ticket's number as well as its id.

`invoices show INV-2026-5009` and `tickets show TKT-803420` work like `invoices show 5009`: a
reference made only of digits is an id; anything else is looked up by number in the listing (one
pass over the pages, whatever the count of references).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from clientarea_cli.drivers.base import Driver
from clientarea_cli.errors import NotFound, UsageError
from clientarea_cli.i18n import _


def _resolve(
    refs: Sequence[str], what: str, listing: Callable[[], Iterable[tuple[int, str]]]
) -> list[int]:
    wanted = [ref.strip() for ref in refs]
    if any(not ref for ref in wanted):
        raise UsageError(
            _("an empty {what} reference").format(what=_(what)),
            hint=_("give its id or number"),
        )
    by_number: dict[str, int] | None = None
    ids = []
    for ref in wanted:
        if ref.isdigit():
            ids.append(int(ref))
            continue
        if by_number is None:
            by_number = {number.casefold(): id_ for id_, number in listing()}
        found = by_number.get(ref.casefold())
        if found is None:
            raise NotFound(
                _("{what} {ref} not found").format(what=_(what), ref=ref),
                hint=_("see `{command}`").format(command=f"clientarea {what}s list --all"),
            )
        ids.append(found)
    return ids


def invoice_ids(driver: Driver, refs: Sequence[str]) -> list[int]:
    """Invoice ids for ids or numbers (`5009`, `INV-2026-5009`)."""
    return _resolve(
        refs,
        "invoice",
        lambda: ((i.id, i.number) for i in driver.list_invoices(status=None, limit=None).items),
    )


def invoice_id(driver: Driver, ref: str) -> int:
    return invoice_ids(driver, [ref])[0]


def ticket_id(driver: Driver, ref: str) -> int:
    """A ticket id for its id or number (`701`, `TKT-803420`)."""
    return _resolve(
        [ref],
        "ticket",
        lambda: ((t.id, t.number) for t in driver.list_tickets(status=None, limit=None).items),
    )[0]

"""When Python's cyclic garbage collector runs in a clientarea process.

A command is a short process whose objects mostly live until it ends: start-up builds tens of
thousands (modules, classes, pydantic validators), and planning 10,000 domains some 300,000
more (domains, plan rows, journal items) with no reference cycles among them. CPython's
collector walks them again each time allocations pile up: a tenth of a command's start-up, and a
quarter of a bulk-endpoint run's CPU, for nothing to free.

So the console script (entry.py) turns the collector off for the whole process (`one_shot`)
and freezes what is left when the command ends (`ending`). The collector comes back on only
where garbage may pile up as work goes on: per-item bulk sends (10,000 requests, where a
failure's traceback holds frames in a cycle; the HTTP client breaks httpx's own response cycle,
drivers/http.py `_unlinked`) and a long-lived server (`sandbox serve`). Before it comes back on,
what is alive then is frozen (`gc.freeze`): it lives until the process ends anyway, and
collections walk only what is new.

Code run in a long-lived process (the tests call the CLI in-process) keeps the collector on;
`paused` still pauses it around planning, and nothing is frozen there (frozen garbage would
never be freed).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


class _Process:
    one_shot = False
    """Set by the console script: the process ends with the command."""


def one_shot() -> None:
    """This process ends with the command: no collector unless `running` asks for it."""
    _Process.one_shot = True
    gc.disable()


def ending() -> None:
    """The command is over: the interpreter's last collection at exit need not walk anything.

    Everything alive now is frozen, so that collection (a twelfth of a bulk run's CPU) has
    nothing to walk; the process exits, and the OS takes the memory back. Files and the journal
    are closed by the code that opened them, and stdout and stderr are flushed at exit as ever.
    """
    if _Process.one_shot:
        gc.freeze()


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic garbage collection inside; the collector as it was after.

    For planning, and for a bulk-endpoint run (a few dozen requests).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def running() -> Iterator[None]:
    """The collector on inside, for work that leaves cyclic garbage as it goes; as it was after."""
    if gc.isenabled():
        yield
        return
    if _Process.one_shot:
        gc.freeze()
    gc.enable()
    try:
        yield
    finally:
        gc.disable()

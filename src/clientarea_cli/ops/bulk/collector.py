"""Cyclic garbage collection around bulk runs.

Planning 10,000 domains creates some 300,000 objects that live until the run ends (domains,
plan rows, journal items) and no reference cycles; CPython's collector would walk them all again
each time allocations pile up: a quarter of a bulk-endpoint run's CPU.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside; the collector as it was after.

    For planning, and for a bulk-endpoint run (a few dozen requests). A per-item run keeps the
    collector: every request leaves cyclic garbage (httpx), 10,000 of them would hold 60 MB.
    Nothing is frozen (`gc.freeze`): in a long-lived process (the tests run the CLI in-process)
    frozen garbage would never be freed.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

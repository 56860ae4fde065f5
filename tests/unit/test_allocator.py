"""allocator.one_arena: a bulk run's threads share glibc's one malloc arena."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

GLIBC = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"

THREADS = """
import ctypes, sys, threading
from clientarea_cli import allocator
if sys.argv[1] == "one":
    print(allocator.one_arena(), allocator.one_arena(), flush=True)
kept = []
def work():
    kept.append(bytearray(200_000))  # above pymalloc's size: the thread's C-library arena
    done.wait()
done = threading.Event()
threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
while len(kept) < 4:
    pass
ctypes.CDLL(None).malloc_stats()  # one "Arena N:" block per arena, on stderr
done.set()
for t in threads:
    t.join()
"""


def _arenas(mode: str) -> tuple[str, int]:
    run = subprocess.run(
        [sys.executable, "-c", THREADS, mode], capture_output=True, text=True, check=True
    )
    return run.stdout, run.stderr.count("Arena ")


@pytest.mark.skipif(not GLIBC, reason="the arena limit is glibc's")
def test_threads_started_after_one_arena_share_the_main_arena() -> None:
    assert _arenas("many")[1] > 1
    out, arenas = _arenas("one")
    assert out == "True True\n"
    assert arenas == 1

"""When the cyclic garbage collector runs (collector.py).

The one-shot cases run in a child interpreter: they turn the collector off and freeze objects
for good, which the test process (it runs the CLI in-process thousands of times) must not do.
"""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap

from clientarea_cli import collector

ONE_SHOT = """
import gc
from clientarea_cli import collector

seen = []
assert gc.isenabled()
collector.one_shot()
seen.append(("after one_shot", gc.isenabled(), gc.get_freeze_count() > 0))
with collector.paused():
    seen.append(("planning", gc.isenabled(), gc.get_freeze_count() > 0))
seen.append(("after planning", gc.isenabled(), gc.get_freeze_count() > 0))
with collector.running():
    seen.append(("per-item sends", gc.isenabled(), gc.get_freeze_count() > 0))
    garbage = []
    garbage.append(garbage)  # a cycle made while it runs is collected
    del garbage
    seen.append(("collected", gc.collect() >= 1))
seen.append(("after sends", gc.isenabled()))
collector.ending()
seen.append(("ending", gc.isenabled(), gc.get_freeze_count() > 0))
for row in seen:
    print(*row)
"""


def test_a_one_shot_process_runs_the_collector_only_where_garbage_piles_up() -> None:
    done = subprocess.run(
        [sys.executable, "-c", ONE_SHOT], capture_output=True, text=True, check=True
    )
    assert done.stdout == textwrap.dedent(
        """\
        after one_shot False False
        planning False False
        after planning False False
        per-item sends True True
        collected True
        after sends False
        ending False True
        """
    )


def test_in_a_long_lived_process_the_collector_stays_on_and_nothing_is_frozen() -> None:
    frozen = gc.get_freeze_count()
    with collector.running():
        assert gc.isenabled()
    collector.ending()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen

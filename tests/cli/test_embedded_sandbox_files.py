"""The embedded sandbox closes its database when a command ends.

Each command is a process of its own for users, but the tests run thousands in one process,
each on its own database: a connection left open per command ran the suite past 1,000 open
files."""

from __future__ import annotations

import contextlib
import os
import sys

import pytest

from tests.conftest import CLI


def _open_files() -> list[str]:
    found = []
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # the listing's own descriptor is gone by now
            found.append(os.readlink(f"/proc/self/fd/{fd}"))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/fd")
def test_a_command_leaves_no_sandbox_database_open(demo: CLI) -> None:
    assert demo("domains", "list", "-q").exit_code == 0
    assert demo("invoices", "list", "-q").exit_code == 0

    from clientarea_cli.config.paths import sandbox_database

    database = str(sandbox_database())  # this test's (other tests' servers may hold theirs)
    assert [path for path in _open_files() if path.startswith(database)] == []

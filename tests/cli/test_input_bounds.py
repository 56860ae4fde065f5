"""Bad input is refused before anything is sent: one line, exit 2, the server unchanged."""

from __future__ import annotations

import pytest

from tests.conftest import CLI
from tests.support import sandbox_db

EMPTY_FILTERS = [
    ("domains", "list", "--tld", ""),
    ("domains", "list", "--expiring-within", ""),
    ("domains", "list", "--status", " "),
    ("domains", "list", "--auto-renew", ""),
    ("domains", "renew", "--all", "--expiring-within", "", "--dry-run"),
    ("domains", "renew", "--all", "--tld", "", "--yes"),
    ("domains", "renew", "--all", "--status", "", "--yes"),
    ("domains", "renew", "--all", "--auto-renew", "", "--yes"),
    ("domains", "autorenew", "on", "--tld", "", "--yes"),
    ("domains", "lock", "on", "--expiring-within", "", "--yes"),
    ("domains", "nameservers", "set", "ns1.example.net", "ns2.example.net", "--tld", "", "--yes"),
    ("services", "list", "--status", ""),
    ("invoices", "list", "--status", ""),
    ("tickets", "list", "--status", ""),
    ("catalog", "list", "--group", ""),
    ("billing", "outlook", "--within", ""),
]


@pytest.mark.parametrize("args", EMPTY_FILTERS, ids=" ".join)
def test_an_empty_filter_is_a_usage_error_not_a_wider_selection(
    demo: CLI, args: tuple[str, ...]
) -> None:
    before = sandbox_db.snapshot()
    result = demo(*args)
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith("error: invalid "), result.stderr
    assert "empty" in lines[0], result.stderr
    assert sandbox_db.snapshot() == before


def test_renew_with_a_real_filter_still_plans_only_what_it_matches(demo: CLI) -> None:
    """The control: the same command with the value given plans fewer renewals than --all."""
    narrow = demo("domains", "renew", "--all", "--expiring-within", "30d", "--dry-run")
    wide = demo("domains", "renew", "--all", "--dry-run")
    assert narrow.exit_code == wide.exit_code == 0, narrow.stderr + wide.stderr
    assert 0 < len(narrow.stdout.splitlines()) < len(wide.stdout.splitlines())

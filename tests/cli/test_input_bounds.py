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


@pytest.mark.parametrize("rate", ["1e-300", "1e-9", "0.001", "0", "-1", "nan", "inf", "1e300"])
def test_rate_out_of_bounds_is_refused_before_any_request(demo: CLI, rate: str) -> None:
    before = sandbox_db.snapshot()
    result = demo("domains", "lock", "off", "anagarcia.com", "--rate", rate, "--yes")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        f"error: --rate must be from 0.01 to 10000 requests per second (got {float(rate):g})"
    ]
    assert sandbox_db.snapshot() == before


def test_the_lowest_rate_is_accepted(demo: CLI) -> None:
    result = demo("domains", "lock", "off", "anagarcia.com", "--rate", "0.01", "--yes")
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("extra", ["", "garcia-hosting.es\n"])
def test_a_target_file_line_over_the_bound_is_a_usage_error(
    demo: CLI, tmp_path, extra: str
) -> None:
    target = tmp_path / "domains.txt"
    target.write_text(extra + "anagarcia.com\n" + "a" * 131_073 + ".com\n")
    line = 3 if extra else 2
    before = sandbox_db.snapshot()
    result = demo("domains", "lock", "off", "--from-file", str(target), "--yes")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        f"error: {target}, line {line}: longer than 4,096 characters",
        "hint: give one domain name per line (or CSV / NDJSON with a 'domain' field)",
    ]
    assert sandbox_db.snapshot() == before


@pytest.mark.parametrize(
    "args",
    [
        ("domains", "show", "."),
        ("domains", "show", ""),
        ("domains", "show", ".."),
        ("domains", "nameservers", "show", "."),
        ("domains", "lock", "on", ".", "--yes"),
        ("domains", "lock", "on", "anagarcia.com", "", "--yes"),
        ("domains", "renew", ".", "--yes"),
    ],
    ids=" ".join,
)
def test_an_empty_domain_name_is_a_usage_error(demo: CLI, args: tuple[str, ...]) -> None:
    before = sandbox_db.snapshot()
    result = demo(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    name = next(a for a in args[2:] if not a.strip("."))
    assert result.stderr.splitlines() == [
        f"error: invalid domain: {name!r} is not a domain name",
        "hint: such as example.es, or its id",
    ]
    assert sandbox_db.snapshot() == before


@pytest.mark.parametrize("amount", ["١٠٠", "１００", "1e2", "NaN", "Infinity", "100.000", "0x64"])
def test_a_top_up_amount_takes_ascii_digits_only(demo: CLI, amount: str) -> None:
    before = sandbox_db.snapshot()
    result = demo("wallet", "add", amount, "--transfer", "--accept-terms", "--yes")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        "error: the top-up amount must be one of 50.00, 100.00, 150.00, 200.00, 250.00 EUR "
        f"(not {amount!r})"
    ]
    assert sandbox_db.snapshot() == before


def test_a_top_up_amount_in_ascii_digits_is_accepted(demo: CLI) -> None:
    result = demo("wallet", "add", "100", "--transfer", "--accept-terms", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Transfer 100.00 EUR quoting the reference ")


@pytest.mark.parametrize("period", ["٣٠d", "３０d"])
def test_a_period_takes_ascii_digits_only(demo: CLI, period: str) -> None:
    result = demo("domains", "list", "--expiring-within", period)
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr.splitlines()[0] == f"error: invalid value for --expiring-within: {period!r}"
    )

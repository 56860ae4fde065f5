"""Numbers are typed in ASCII digits: `--limit ١٠` (Arabic-Indic), `--years ٢`, a fullwidth `３`
or `1_0` are usage errors (exit 2, one `error:` line and the help hint), and nothing is sent."""

from __future__ import annotations

from tests.conftest import CLI
from tests.support import sandbox_db


def test_other_scripts_digits_are_refused_before_anything_is_sent(demo: CLI) -> None:
    before = sandbox_db.snapshot()
    cases = {
        ("domains", "list", "--limit", "١٠"): "'--limit' / '-L': '١٠' is not a whole number",
        ("domains", "list", "--limit", "1_0"): "'--limit' / '-L': '1_0' is not a whole number",
        ("services", "show", "３"): "'SERVICE': '３' is not a whole number",
        ("domains", "renew", "anagarcia.com", "--years", "٢", "--yes"): (
            "'--years': '٢' is not a whole number"
        ),
        ("sandbox", "advance", "--days", "٣٠"): "'--days': '٣٠' is not a whole number",
        ("domains", "lock", "on", "--all", "--rate", "٢", "--yes"): "'--rate': '٢' is not a number",
    }
    for args, what in cases.items():
        result = demo(*args)
        command = " ".join(a for a in args[:2])
        assert (result.exit_code, result.stdout, result.stderr) == (
            2,
            "",
            f"error: Invalid value for {what} in the digits 0-9\n"
            f"hint: see `clientarea {command} --help`\n",
        ), args
    assert sandbox_db.snapshot() == before


def test_ascii_digits_still_work(demo: CLI) -> None:
    listed = demo("domains", "list", "--limit", " 2", "-o", "json")
    assert listed.exit_code == 0, listed.stderr
    assert listed.stdout.count('"name"') == 2
    renewed = demo("domains", "renew", "anagarcia.com", "--years", "2", "--dry-run")
    assert renewed.exit_code == 0, renewed.stderr

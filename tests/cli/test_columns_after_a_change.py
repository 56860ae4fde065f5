"""A bad --columns found only once the command has changed something is not a usage error.

Exit 2 says "nothing happened": after a payment it would invite a second try, and a second
charge. The command shows its result with the usual columns, warns what it ignored, exits 0.
Where a command can check its columns before acting, it refuses first (exit 2, no change)."""

from __future__ import annotations

import json
from decimal import Decimal

from tests.conftest import CLI


def _balance(demo: CLI) -> Decimal:
    wallet = json.loads(demo("wallet", "show", "-o", "json").stdout)["wallet"]
    return Decimal(wallet["balance"]["amount"])


def test_a_top_up_with_a_bad_column_is_charged_once_and_says_so(demo: CLI) -> None:
    before = _balance(demo)

    result = demo(
        "wallet", "add", "50", "--card", "4242", "--accept-terms", "--yes",
        "-o", "json", "--columns", "bogus",
    )  # fmt: skip

    assert result.exit_code == 0, result.stderr
    top_up = json.loads(result.stdout)
    assert (top_up["status"], top_up["amount"]) == (
        "completed",
        {"amount": "50.00", "currency": "EUR"},
    )
    assert result.stderr.splitlines()[-1] == (
        "warning: unknown column 'bogus': the change was made; shown with the usual columns"
    )
    assert _balance(demo) == before + 50


def test_a_read_with_a_bad_column_is_still_refused(demo: CLI) -> None:
    result = demo("wallet", "show", "-o", "json", "--columns", "bogus")

    assert (result.exit_code, result.stdout) == (2, "")
    assert json.loads(result.stderr)["error"]["message"] == "unknown column 'bogus'"

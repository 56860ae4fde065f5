"""`services payment-method`: each service renews with its own validated method (seed 001);
wallet credit is never one (seed 000)."""

from __future__ import annotations

import json

import pytest

from tests.cli.payment_support import snapshot
from tests.conftest import CLI
from tests.support import sandbox_db


def test_service_renews_with_its_own_method(demo: CLI) -> None:
    result = demo("services", "payment-method", "101", "--method", "1332")
    assert result.exit_code == 0, result.stderr
    assert (
        result.stdout
        == "service 101 (Hosting Pro, garcia-hosting.es) renews with bank account ···1332\n"
    )
    assert result.stderr == ""
    rows = sandbox_db.rows("SELECT id, payment_method_id FROM services WHERE id IN (101, 102)")
    assert {r["id"]: r["payment_method_id"] for r in rows} == {101: 23, 102: 23}


def test_service_method_none_pays_by_hand(demo: CLI) -> None:
    result = demo("services", "payment-method", "101", "--method", "none", "-o", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["payment_method_id"] is None


def test_a_card_expiring_before_the_due_date_is_a_warning(demo: CLI) -> None:
    result = demo("services", "payment-method", "102", "--method", "4242")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "warning: Visa ···4242 expires 2026-12, before the service's next due date 2027-09-23: "
        "that renewal's charge will fail unless the card is replaced\n"
    )
    assert result.stdout == "service 102 (VPS M, anagarcia.com) renews with Visa ···4242\n"


@pytest.mark.parametrize(
    ("method", "stderr", "code"),
    [
        (
            "credit",
            "error: wallet credit never pays automatic renewals: choose a validated card or bank "
            "account (or `none` to pay renewals by hand)\n"
            "hint: see them with `clientarea payment-methods list`\n",
            2,
        ),
        (
            "wallet",
            "error: wallet credit never pays automatic renewals: choose a validated card or bank "
            "account (or `none` to pay renewals by hand)\n"
            "hint: see them with `clientarea payment-methods list`\n",
            2,
        ),
        (
            "22",
            "error: payment method 22 (Mastercard ···4444) is not validated yet: only a validated "
            "method pays automatic renewals\n"
            "hint: verify it first: clientarea payment-methods verify 22\n",
            2,
        ),
        (
            "9999",
            "error: no payment method '9999' on this account\n"
            "hint: see them with `clientarea payment-methods list`\n",
            2,
        ),
    ],
)
def test_bad_service_methods_change_nothing(demo: CLI, method: str, stderr: str, code: int) -> None:
    before = snapshot()
    result = demo("services", "payment-method", "101", "--method", method)
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", stderr)
    assert snapshot() == before


def test_an_unknown_service_is_not_found(demo: CLI) -> None:
    result = demo("services", "payment-method", "999", "--method", "4242")
    assert result.exit_code == 5


@pytest.mark.parametrize(
    ("service", "what"),
    [
        ("105", "105 (WordPress Managed) is cancelled"),
        ("106", "106 (SSL Wildcard) is expired"),
        ("107", "107 (DNS Basic) is billed free"),
        ("108", "108 (Website Migration) is billed one_time"),
    ],
)
def test_a_service_with_nothing_to_renew_is_refused(demo: CLI, service: str, what: str) -> None:
    before = snapshot()
    result = demo("services", "payment-method", service, "--method", "4242")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"error: service {what}: it has no renewals to pay\n"
    assert snapshot() == before

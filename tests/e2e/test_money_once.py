"""Money is never charged twice: faults after the provider has charged, a hundred times over.

Each trial tops up the wallet by card while the served sandbox drops the connection right after
committing the charge (`drop_after_commit`). The client journals the request under its
idempotency key, retries with the same key, and the provider answers from its store: one charge
per trial, checked in the provider's database. Then the same with the answer lost for good:
exit 9's path — the outcome is unknown, and reconcile settles it without charging again.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from clientarea_cli.drivers.clientarea import ClientAreaDriver
from clientarea_cli.drivers.http import RetryPolicy
from clientarea_cli.errors import OutcomeUnknown
from clientarea_cli.models import Money
from clientarea_cli.ops import money
from clientarea_cli.sandbox import DEMO_API_KEY, SandboxApp
from tests.e2e.conftest import Served
from tests.support import sandbox_db

TRIALS = 100
VISA = 21


def _driver(served: Served, attempts: int = 3) -> ClientAreaDriver:
    retry = RetryPolicy(attempts=attempts, sleep=lambda _: None)
    return ClientAreaDriver(served.url, DEMO_API_KEY, retry=retry)


def _top_up(driver: ClientAreaDriver, log: money.MoneyLog) -> object:
    return money.send(
        log,
        profile="e2e",
        kind="top-up",
        summary="top up 50.00 EUR by card 21",
        call=lambda key: driver.create_top_up(
            Money.of("50.00", "EUR"),
            method="card",
            payment_method_id=VISA,
            accept_terms=True,
            idempotency_key=key,
        ),
    )


def _card_top_ups(db: Path) -> list[dict[str, object]]:
    return sandbox_db.rows("SELECT * FROM top_ups WHERE client_id = 1 AND method = 'card'", path=db)


def _balance(db: Path) -> Decimal:
    rows = sandbox_db.rows("SELECT amount FROM wallet_movements WHERE client_id = 1", path=db)
    return sum((Decimal(str(r["amount"])) for r in rows), Decimal(0))


def test_a_hundred_top_ups_with_the_answer_dropped_charge_once_each(
    served: Served, tmp_path: Path
) -> None:
    app = served.app
    assert isinstance(app, SandboxApp)
    driver = _driver(served)
    log = money.MoneyLog(tmp_path / "journal.db")
    before_count, before_balance = len(_card_top_ups(served.db)), _balance(served.db)
    try:
        for _ in range(TRIALS):
            app.faults.add("drop_after_commit", method="POST", path_prefix="/v1/wallet/top-ups")
            _top_up(driver, log)
    finally:
        driver.close()
    assert len(_card_top_ups(served.db)) == before_count + TRIALS
    assert _balance(served.db) == before_balance + TRIALS * Decimal("50.00")
    # Every trial reached the provider twice: the first answer was lost, the retry replayed it.
    assert app.request_log.count("POST", "/v1/wallet/top-ups") == 2 * TRIALS
    operations = log.operations()
    assert len(operations) == TRIALS
    assert {o.status for o in operations} == {"completed"}
    assert len({o.key for o in operations}) == TRIALS


def test_an_answer_lost_for_good_is_unknown_then_reconciled_without_a_second_charge(
    served: Served, tmp_path: Path
) -> None:
    app = served.app
    assert isinstance(app, SandboxApp)
    driver = _driver(served, attempts=2)
    log = money.MoneyLog(tmp_path / "journal.db")
    before = len(_card_top_ups(served.db))
    app.faults.add("drop_after_commit", method="POST", path_prefix="/v1/wallet/top-ups", times=2)
    try:
        with pytest.raises(OutcomeUnknown) as caught:
            _top_up(driver, log)
        assert caught.value.hint is not None
        assert "clientarea journal reconcile" in caught.value.hint
        [operation] = log.operations()
        assert operation.status == "unknown"
        settled = money.reconcile(driver, log, "e2e")
    finally:
        driver.close()
    assert [(o.key, o.status) for o in settled] == [(operation.key, "completed")]
    assert log.operations()[0].status == "completed"
    assert len(_card_top_ups(served.db)) == before + 1

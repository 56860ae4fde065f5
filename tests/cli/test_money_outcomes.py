"""What a user is told when an answer is lost or garbled (issue 10, items 1 and 5).

Only a request that moves money and was journalled may say "outcome unknown" (exit 9) with
`journal reconcile` advice; any other request whose answer is lost is an ordinary network error
(exit 1) that says what to check. A garbled answer to a money request is no answer: the card
may have been charged, so it is exit 9 too, never "failed".
"""

from __future__ import annotations

from tests.cli.payment_support import SandboxHook, journal, sandbox_apps
from tests.conftest import CLI
from tests.support import sandbox_db

__all__ = ["sandbox_apps"]

TOP_UP = ("wallet", "add", "50", "--card", "4242", "--accept-terms", "--yes")
RECONCILE = (
    "hint: do not run it again yet: `clientarea journal reconcile` asks the provider "
    "whether it happened"
)


def card_top_ups() -> list[dict[str, object]]:
    return sandbox_db.rows("SELECT * FROM top_ups WHERE client_id = 1 AND method = 'card'")


def test_a_garbled_answer_to_a_top_up_is_exit_9_and_reconcile_settles_it(
    demo: CLI, sandbox_apps: SandboxHook
) -> None:
    before = len(card_top_ups())
    sandbox_apps(
        lambda app: app.faults.add("malformed", method="POST", path_prefix="/v1/wallet/top-ups")
    )
    result = demo(*TOP_UP)
    assert result.exit_code == 9, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[1] == (
        "error: top up 50.00 EUR by Visa ···4242: the provider's answer to POST "
        "/v1/wallet/top-ups is not valid JSON; it may or may not have taken effect"
    )
    assert lines[2].startswith("  idempotency_key: ")
    assert lines[-1] == RECONCILE
    [operation] = journal()
    assert operation["status"] == "unknown"
    assert len(card_top_ups()) == before + 1  # the card was charged, though the answer was garbled
    sandbox_apps(lambda app: None)
    settled = demo("journal", "reconcile", "-o", "json")
    assert settled.exit_code == 0, settled.stderr
    [operation] = journal()
    assert operation["status"] == "completed"
    assert len(card_top_ups()) == before + 1


def test_a_lost_answer_to_a_request_that_moves_no_money_is_exit_1_without_reconcile(
    demo: CLI, sandbox_apps: SandboxHook
) -> None:
    apps = sandbox_apps(
        lambda app: app.faults.add(
            "drop_after_commit", method="POST", path_prefix="/v1/tickets", times=3
        )
    )
    result = demo(
        "tickets", "open", "--department", "support", "--subject", "Site down",
        "--message", "Error 500 since 10:00.",
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "reconcile" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "error: POST /v1/tickets was sent to sandbox.invalid but no answer came (the connection was "
        "closed without a complete answer); it may or may not have taken effect"
    )
    assert lines[1].startswith("  idempotency_key: ")
    assert lines[2:] == ["hint: check whether it did (list or show it) before sending it again"]
    assert journal() == []
    assert [app.request_log.count("POST", "/v1/tickets") for app in apps] == [3]

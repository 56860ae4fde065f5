"""`clientarea sandbox approve-transfer` and `sandbox show-challenge`: the provider's back office
on the embedded sandbox; whole outputs and exit codes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx

from clientarea_cli.sandbox import DEMO_API_KEY, SandboxApp
from tests.conftest import CLI
from tests.sandbox.helpers import make_client


def _embedded() -> Path:
    from clientarea_cli.config.paths import sandbox_database

    return sandbox_database()


def _query(sql: str, *args: object) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(_embedded())
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def _pending_reference() -> str:
    """The seeded pending bank-transfer top-up of Ana (100.00 EUR)."""
    [(reference,)] = _query("SELECT reference FROM top_ups WHERE status = 'pending'"
                            " AND client_id = 1")  # fmt: skip
    return str(reference)


def _balance() -> str:
    with make_client(SandboxApp(_embedded()), DEMO_API_KEY) as client:
        return str(client.get("/v1/wallet").json()["balance"]["amount"])


def test_approve_transfer_credits_a_pending_top_up(demo: CLI) -> None:
    reference = _pending_reference()
    result = demo("sandbox", "approve-transfer", reference.lower())
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == (
        f"Transfer {reference} approved: 100.00 EUR added to the wallet of ana@example.com "
        "(balance 185.50 EUR)\n"
    )
    assert _balance() == "185.50"
    assert _query("SELECT status FROM top_ups WHERE reference = ?", reference) == [("completed",)]
    again = demo("sandbox", "approve-transfer", reference)
    assert (again.exit_code, again.stdout) == (1, "")
    assert again.stderr == (
        f"error: top-up {reference} is a completed transfer top-up, not a pending bank transfer\n"
    )
    assert _balance() == "185.50"


def test_approve_transfer_pays_an_invoice(demo: CLI) -> None:
    result = demo("sandbox", "approve-transfer", "INV-2026-5006")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Transfer INV-2026-5006 approved: invoice INV-2026-5006 of ana@example.com paid (29.03 EUR)\n"
    )
    assert _query("SELECT status FROM invoices WHERE id = 5006") == [("paid",)]
    again = demo("sandbox", "approve-transfer", "INV-2026-5006")
    assert (again.exit_code, again.stderr) == (
        1, "error: invoice INV-2026-5006 is paid: nothing is due\n"
    )  # fmt: skip


def test_approve_transfer_refuses_what_it_cannot_find(demo: CLI, tmp_path: Path) -> None:
    result = demo("sandbox", "approve-transfer", "TU-NOSUCH00")
    assert (result.exit_code, result.stdout) == (5, "")
    assert result.stderr == (
        "error: no top-up or invoice with reference TU-NOSUCH00\n"
        "hint: list pending top-ups with: clientarea wallet pending\n"
    )
    missing = tmp_path / "none.db"
    result = demo("sandbox", "approve-transfer", "TU-NOSUCH00", "--db", str(missing))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: no sandbox database at {missing}\nhint: create one with: clientarea sandbox reset\n"
    )
    assert not missing.exists()


def test_approve_transfer_on_another_database(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    assert cli("sandbox", "reset", "--db", str(path), "--today", "2026-11-22").exit_code == 0
    conn = sqlite3.connect(path)
    [(reference,)] = conn.execute(
        "SELECT reference FROM top_ups WHERE status = 'pending'"
    ).fetchall()
    conn.close()
    result = cli("sandbox", "approve-transfer", reference, "--db", str(path))
    assert result.exit_code == 0, result.stderr
    assert "(balance 185.50 EUR)" in result.stdout


def test_show_challenge_prints_the_expected_answer(demo: CLI) -> None:
    app = SandboxApp(_embedded())
    with make_client(app, DEMO_API_KEY) as client:
        missing = demo("sandbox", "show-challenge", "22")
        assert (missing.exit_code, missing.stdout) == (5, "")
        assert missing.stderr == (
            "error: payment method 22 has no pending verification challenge\n"
            "hint: start one with: clientarea payment-methods verify 22\n"
        )
        started = client.post("/v1/payment-methods/22/verification",
                              headers={"Idempotency-Key": "k-start"})  # fmt: skip
        assert started.status_code == 200
        result = demo("sandbox", "show-challenge", "22")
        assert result.exit_code == 0, result.stderr
        answer = result.stdout.strip()
        assert result.stdout == f"{answer}\n"
        assert result.stderr.startswith(
            "Payment method 22 (the card ending 4444): 3 attempts left, expires 2026-11-29T"
        )
        verified = _verify(client, answer)
        assert verified.json()["status"] == "verified"
    assert demo("sandbox", "show-challenge", "22").exit_code == 5  # answered: none pending


def _verify(client: httpx.Client, answer: str) -> httpx.Response:
    return client.post("/v1/payment-methods/22/verification", json={"answer": answer},
                       headers={"Idempotency-Key": "k-answer"})  # fmt: skip

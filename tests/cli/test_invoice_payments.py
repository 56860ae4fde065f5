"""`invoices pay` and `invoices download` on the embedded sandbox: outputs, exit codes, server state."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import CLI
from tests.support import sandbox_db


def _invoice(invoice_id: int) -> dict[str, object]:
    [row] = sandbox_db.rows("SELECT * FROM invoices WHERE id = ?", invoice_id)
    return row


def _credit() -> Decimal:
    rows = sandbox_db.rows("SELECT amount FROM wallet_movements WHERE client_id = 1")
    return sum((Decimal(str(r["amount"])) for r in rows), Decimal(0))


def test_credit_alone_pays_an_invoice_it_covers(demo: CLI) -> None:
    result = demo("invoices", "pay", "5006", "--use-credit", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "INV-2026-5006  paid: 29.03 EUR credit\n"
    assert result.stderr == (
        "INV-2026-5006  balance 29.03 EUR: 29.03 EUR from credit\n"
        "total 29.03 EUR: 29.03 EUR from credit (balance 85.50 EUR)\n"
    )
    assert _invoice(5006)["status"] == "paid"
    assert _credit() == Decimal("56.47")


def test_credit_first_then_the_card_for_the_rest(demo: CLI) -> None:
    args = ["5006", "5007", "5008", "5009", "--use-credit", "--method", "4242", "--yes"]
    result = demo("invoices", "pay", *args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "INV-2026-5006  paid: 29.03 EUR credit\n"
        "INV-2026-5007  paid: 22.32 EUR credit\n"
        "INV-2026-5008  paid: 34.15 EUR credit, 1.97 EUR Visa ···4242\n"
        "INV-2026-5009  paid: 43.20 EUR Visa ···4242\n"
    )
    assert result.stderr.splitlines()[-1] == (
        "total 130.67 EUR: 85.50 EUR from credit (balance 85.50 EUR), 45.17 EUR by Visa ···4242"
    )
    assert _credit() == Decimal("0.00")
    assert {_invoice(i)["status"] for i in (5006, 5007, 5008, 5009)} == {"paid"}


def test_credit_that_does_not_cover_is_refused_before_sending(demo: CLI) -> None:
    before = sandbox_db.snapshot()
    result = demo("invoices", "pay", "5006", "5007", "5008", "5009", "--use-credit", "--yes")
    assert result.exit_code == 7
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == (
        "error: the credit (85.50 EUR) does not cover these invoices: 45.17 EUR more is needed; "
        "nothing was paid"
    )
    assert sandbox_db.snapshot() == before


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["5001", "--use-credit"],
            2,
            "error: invoice 5001 (INV-2026-5001) is paid: nothing to pay",
        ),
        (["5006"], 2, "error: say how to pay: --use-credit, --method METHOD or --transfer"),
        (
            ["5006", "--method", "21", "--transfer"],
            2,
            "error: choose --method or --transfer, not both",
        ),
        (
            ["5006", "--method", "22"],
            2,
            "error: payment method 22 (Mastercard ···4444, expires 2028-05) is not validated yet",
        ),
        (["5006", "5006", "--use-credit"], 2, "error: an invoice is named twice"),
        (["9999", "--use-credit"], 5, "error: "),
        (["5010", "--use-credit"], 5, "error: "),  # Bruno's invoice
        (["5006", "--use-credit"], 2, "error: confirmation required: run again with --yes"),
    ],
)
def test_bad_payments_change_nothing(demo: CLI, args: list[str], code: int, message: str) -> None:
    before = sandbox_db.snapshot()
    result = demo("invoices", "pay", *args)
    assert result.exit_code == code, result.stderr
    assert result.stderr.splitlines()[
        -1 if code == 2 and "confirmation" in message else 0
    ].startswith(message)
    assert sandbox_db.snapshot() == before


def test_transfer_prints_the_bank_details_and_reference(demo: CLI) -> None:
    result = demo("invoices", "pay", "5009", "--transfer", "--yes")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "INV-2026-5009  awaiting your transfer"
    assert lines[1] == "  Transfer 43.20 EUR quoting the reference INV-2026-5009 to one of:"
    assert all("IBAN ES" in line and "BIC " in line for line in lines[2:])
    assert _invoice(5009)["status"] == "unpaid"


def test_payments_are_journalled(demo: CLI) -> None:
    demo("invoices", "pay", "5006", "--use-credit", "--yes")
    listed = demo("journal", "payments", "--columns", "kind,summary,status")
    assert listed.stdout == (
        "KIND             SUMMARY                                STATUS\n"
        "invoice payment  pay invoice INV-2026-5006 (29.03 EUR)  completed\n"
    )
    reconciled = demo("journal", "reconcile")
    assert reconciled.exit_code == 0
    assert reconciled.stderr == "nothing to reconcile: every money request has a known outcome\n"


def test_download_saves_the_pdf(demo: CLI, tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    result = demo("invoices", "download", "5009", "-O", str(target))
    assert result.exit_code == 0, result.stderr
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    assert result.stderr == f"saved {target} ({len(data):,} bytes)\n"
    again = demo("invoices", "download", "5009", "-O", str(target))
    assert again.exit_code == 2
    assert again.stderr == f"error: {target} exists; use --force to overwrite it\n"
    assert demo("invoices", "download", "5009", "-O", str(target), "--force").exit_code == 0
    assert demo("invoices", "download", "5010", "-O", str(tmp_path / "b.pdf")).exit_code == 5

"""`wallet add | terms | proof | pending` on the embedded sandbox: whole outputs, exit codes, and
what changed on the server (nothing, for every refused input) and in the money journal."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.cli.payment_support import SandboxHook, execute, journal, sandbox_apps, snapshot
from tests.conftest import CLI
from tests.support import sandbox_db

__all__ = ["sandbox_apps"]

PRESETS = "50.00, 100.00, 150.00, 200.00, 250.00 EUR"
TERMS_URL = "https://sandbox.invalid/terms/wallet"
REFERENCE = re.compile(r"TU-[A-Z0-9]{8}")
BANKS = (
    "  Banco Sandbox  IBAN ES68 9000 0001 2001 2345 6789  BIC SBOXESMMXXX  (Sandbox Hosting SL)\n"
    "  Caja Demo      IBAN ES87 9001 0002 3002 3456 7890  BIC CDEMESMMXXX  (Sandbox Hosting SL)\n"
    "  Banco Ejemplo  IBAN ES14 9002 0003 4003 4567 8901  BIC BEJMESMMXXX  (Sandbox Hosting SL)\n"
)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def balance(demo: CLI) -> str:
    data = json.loads(demo("wallet", "show", "-o", "json").stdout)
    return str(data["wallet"]["balance"]["amount"])


def top_ups() -> list[dict[str, object]]:
    return sandbox_db.rows("SELECT * FROM top_ups WHERE client_id = 1 ORDER BY id")


def seeded_pending() -> str:
    rows = sandbox_db.rows(
        "SELECT reference FROM top_ups WHERE status = 'pending' AND client_id = 1"
    )
    return str(rows[0]["reference"])


# -- refused before anything is sent ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ["75", "--card", "4242", "--accept-terms"],
            f"error: the top-up amount must be one of {PRESETS} (not '75')\n",
        ),
        (
            ["300 EUR", "--transfer", "--accept-terms"],
            f"error: the top-up amount must be one of {PRESETS} (not '300 EUR')\n",
        ),
        (
            ["100 CHF", "--transfer", "--accept-terms"],
            f"error: the top-up amount must be one of {PRESETS} (not '100 CHF')\n",
        ),
        (
            ["100", "--card", "4242", "--transfer"],
            "error: choose --card or --transfer, not both\n",
        ),
        (
            ["100"],
            "error: say how to pay: --card METHOD (a validated card) or --transfer (bank transfer)\n",
        ),
        (
            ["100", "--card", "4242"],
            f"error: the top-up terms ({TERMS_URL}) must be accepted: run again with "
            "--accept-terms (no terminal to ask on)\n"
            "hint: read them with `clientarea wallet terms`\n",
        ),
        (
            ["100", "--transfer"],
            f"error: the top-up terms ({TERMS_URL}) must be accepted: run again with "
            "--accept-terms (no terminal to ask on)\n"
            "hint: read them with `clientarea wallet terms`\n",
        ),
        (
            ["100", "--card", "4444", "--accept-terms", "--yes"],
            "error: card 22 (Mastercard ···4444, expires 2028-05) is not validated yet\n"
            "hint: verify it first: clientarea payment-methods verify 22\n",
        ),
        (
            ["100", "--card", "1332", "--accept-terms", "--yes"],
            "error: payment method 23 is a bank account ···1332: top-ups are paid by card or "
            "by --transfer\n",
        ),
        (
            ["100", "--card", "9999", "--accept-terms", "--yes"],
            "error: no payment method '9999' on this account\n"
            "hint: see them with `clientarea payment-methods list`\n",
        ),
    ],
)
def test_bad_top_ups_send_nothing(demo: CLI, args: list[str], stderr: str) -> None:
    before = snapshot()
    result = demo("wallet", "add", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)
    assert snapshot() == before
    assert journal() == []


def test_an_expired_card_sends_nothing(demo: CLI) -> None:
    execute("UPDATE payment_methods SET exp_month = 10, exp_year = 2026 WHERE id = 21")
    before = snapshot()
    result = demo("wallet", "add", "50", "--card", "4242", "--accept-terms", "--yes")
    assert result.exit_code == 2
    assert result.stderr == "error: card 21 (Visa ···4242, expires 2026-10) has expired\n"
    assert snapshot() == before


def test_a_card_top_up_without_a_terminal_needs_yes(demo: CLI) -> None:
    before = snapshot()
    result = demo("wallet", "add", "100", "--card", "4242", "--accept-terms")
    assert result.exit_code == 2
    assert result.stderr == (
        "100.00 EUR will be charged to Visa ···4242, expires 2026-12.\n"
        "error: confirmation required: run again with --yes (no terminal to ask on)\n"
    )
    assert snapshot() == before
    assert journal() == []


def test_dry_run_checks_and_sends_nothing(demo: CLI) -> None:
    before = snapshot()
    result = demo("wallet", "add", "100,00€", "--transfer", "--dry-run")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "dry run: nothing was sent; would top up 100.00 EUR by bank transfer\n"
    assert snapshot() == before


# -- by card ---------------------------------------------------------------------------------------


def test_card_top_up_adds_credit_once_and_is_journalled(demo: CLI) -> None:
    assert balance(demo) == "85.50"
    result = demo("wallet", "add", "100", "--card", "4242", "--accept-terms", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "100.00 EUR will be charged to Visa ···4242, expires 2026-12.\n"
    match = re.fullmatch(
        r"(TU-[A-Z0-9]{8})  completed: 100\.00 EUR by Visa ···4242\n", result.stdout
    )
    assert match, result.stdout
    latest = top_ups()[-1]
    assert (latest["reference"], latest["status"], latest["method"], latest["amount"]) == (
        match.group(1),
        "completed",
        "card",
        "100.00",
    )
    assert balance(demo) == "185.50"
    [operation] = journal()
    assert (operation["kind"], operation["summary"], operation["status"], operation["result"]) == (
        "top-up", "top up 100.00 EUR by Visa ···4242", "completed",
        f"completed: reference {match.group(1)}",
    )  # fmt: skip


def test_on_a_terminal_the_terms_are_shown_and_both_questions_asked(demo: CLI) -> None:
    result = demo("wallet", "add", "50", "--card", "4242", stdin="y\ny\n", tty=True)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"Top-up terms (version 2026-01, {TERMS_URL}):\n\n")
    assert "it is never used for automatic renewals" in result.stderr
    assert result.stderr.endswith(
        "\nDo you accept these terms? [y/N]:"
        "50.00 EUR will be charged to Visa ···4242, expires 2026-12.\n"
        "Add 50.00 EUR of credit by Visa ···4242? [y/N]:"
    )
    # click echoes each prompt's last space through input(), which writes to stdout.
    assert re.fullmatch(r"  TU-[A-Z0-9]{8}  completed: 50\.00 EUR by Visa ···4242\n", result.stdout)
    assert balance(demo) == "135.50"


@pytest.mark.parametrize("answers", ["n\n", "y\nn\n"])
def test_declining_on_a_terminal_sends_nothing(demo: CLI, answers: str) -> None:
    before = snapshot()
    result = demo("wallet", "add", "50", "--card", "4242", stdin=answers, tty=True)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].endswith(
        "error: the terms were not accepted; nothing was sent"
        if answers == "n\n"
        else "error: cancelled; nothing was changed"
    )
    assert snapshot() == before
    assert journal() == []


def test_a_declined_card_is_exit_7_and_adds_no_credit(demo: CLI) -> None:
    execute(
        "INSERT INTO payment_methods (id, client_id, type, brand, last4, holder, exp_month,"
        " exp_year, validated, is_default, created_at) VALUES (31, 1, 'card', 'visa', '0002',"
        " 'Ana García', 5, 2029, 1, 0, '2026-11-01T10:00:00Z')"
    )
    movements = sandbox_db.rows("SELECT * FROM wallet_movements")
    result = demo("wallet", "add", "50", "--card", "0002", "--accept-terms", "--yes")
    assert result.exit_code == 7
    assert result.stdout == ""
    assert result.stderr.startswith(
        "50.00 EUR will be charged to Visa ···0002, expires 2029-05.\nerror: "
    )
    assert sandbox_db.rows("SELECT * FROM wallet_movements") == movements
    [operation] = journal()
    assert operation["status"] == "failed"


def test_a_lost_answer_is_exit_9_and_reconcile_settles_it(
    demo: CLI, sandbox_apps: SandboxHook
) -> None:
    sandbox_apps(
        lambda app: app.faults.add(
            "drop_after_commit", method="POST", path_prefix="/v1/wallet/top-ups", times=5
        )
    )
    result = demo("wallet", "add", "50", "--card", "4242", "--accept-terms", "--yes")
    assert result.exit_code == 9
    lines = result.stderr.splitlines()
    assert lines[1].startswith("error: top up 50.00 EUR by Visa ···4242: POST /v1/wallet/top-ups")
    assert lines[-1] == (
        "hint: do not run it again yet: `clientarea journal reconcile` asks the provider "
        "whether it happened"
    )
    [operation] = journal()
    assert operation["status"] == "unknown"
    charged = [t for t in top_ups() if t["method"] == "card" and t["status"] == "completed"]
    sandbox_apps(lambda app: None)
    settled = demo("journal", "reconcile")
    assert settled.exit_code == 0, settled.stderr
    [operation] = journal()
    assert operation["status"] == "completed"
    assert len([t for t in top_ups() if t["method"] == "card"]) == len(charged)


# -- by transfer, and its proof ------------------------------------------------------------------


def test_transfer_top_up_prints_the_accounts_and_the_reference(demo: CLI) -> None:
    result = demo("wallet", "add", "150", "--transfer", "--accept-terms")
    assert result.exit_code == 0, result.stderr
    reference = REFERENCE.search(result.stdout)
    assert reference
    ref = reference.group(0)
    assert result.stdout == (
        f"Transfer 150.00 EUR quoting the reference {ref} to one of:\n{BANKS}"
        f"Then upload the proof of payment: clientarea wallet proof {ref} FILE\n"
        "The credit is added once the provider confirms the transfer.\n"
    )
    assert top_ups()[-1]["status"] == "pending"
    assert balance(demo) == "85.50"
    data = json.loads(demo("wallet", "show", "-o", "json").stdout)
    assert data["wallet"]["pending_top_ups"] == {"amount": "250.00", "currency": "EUR"}


def test_transfer_top_up_as_json(demo: CLI) -> None:
    result = demo("wallet", "add", "50", "--transfer", "--accept-terms", "-o", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["status"], data["method"], data["amount"]) == (
        "pending",
        "transfer",
        {"amount": "50.00", "currency": "EUR"},
    )
    assert [a["bank"] for a in data["bank_accounts"]] == [
        "Banco Sandbox",
        "Caja Demo",
        "Banco Ejemplo",
    ]


def test_proof_upload(demo: CLI, tmp_path: Path) -> None:
    created = demo("wallet", "add", "50", "--transfer", "--accept-terms")
    reference = REFERENCE.search(created.stdout)
    assert reference
    ref = reference.group(0)
    receipt = tmp_path / "receipt.bin"
    receipt.write_bytes(PDF)
    result = demo("wallet", "proof", ref, str(receipt))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"{ref}  pending: proof uploaded (application/pdf, {len(PDF)} bytes); the credit is "
        "added once the provider confirms the transfer\n"
    )
    row = sandbox_db.rows("SELECT * FROM top_ups WHERE reference = ?", ref)[0]
    assert row["proof_size"] == len(PDF)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"hello, this is not a receipt",
            "is not a PDF, PNG or JPEG file (judged by its content, not its name)",
        ),
        (b"", "is empty"),
        (None, "is 10,485,761 bytes: a proof of payment may be at most 10 MB (10,485,760 bytes)"),
    ],
)
def test_bad_proofs_send_nothing(
    demo: CLI, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "receipt.pdf"
    if content is None:
        with path.open("wb") as handle:
            handle.truncate(10 * 1024 * 1024 + 1)
    else:
        path.write_bytes(content)
    ref = seeded_pending()
    before = snapshot()
    result = demo("wallet", "proof", ref, str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"error: {path} {message}\n")
    assert snapshot() == before


def test_a_png_proof_is_recognised_and_a_missing_file_is_refused(demo: CLI, tmp_path: Path) -> None:
    png = tmp_path / "receipt.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    result = demo("wallet", "proof", seeded_pending(), str(png), "--dry-run")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"dry run: nothing was sent; {png} (image/png) is ready to upload\n"
    missing = demo("wallet", "proof", seeded_pending(), str(tmp_path / "nope.jpg"))
    assert missing.exit_code == 2
    assert (
        missing.stderr == f"error: cannot read {tmp_path / 'nope.jpg'}: No such file or directory\n"
    )


def test_a_card_top_up_takes_no_proof(demo: CLI, tmp_path: Path) -> None:
    paid = demo("wallet", "add", "50", "--card", "4242", "--accept-terms", "--yes")
    ref = paid.stdout.split()[0]
    receipt = tmp_path / "receipt.pdf"
    receipt.write_bytes(PDF)
    before = snapshot()
    result = demo("wallet", "proof", ref, str(receipt))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: top-up {ref} is a card top-up, completed: only a pending bank transfer takes "
        "a proof of payment\n"
    )
    assert snapshot() == before


def test_an_unknown_reference_is_not_found(demo: CLI, tmp_path: Path) -> None:
    receipt = tmp_path / "receipt.pdf"
    receipt.write_bytes(PDF)
    result = demo("wallet", "proof", "TU-NOPENOPE", str(receipt))
    assert result.exit_code == 5


# -- reading -------------------------------------------------------------------------------------


def test_pending_lists_transfers_waiting_for_confirmation(demo: CLI) -> None:
    ref = seeded_pending()
    result = demo("wallet", "pending")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "REFERENCE    STATUS       AMOUNT  METHOD    CREATED AT        PROOF\n"
        f"{ref}  pending  100.00 EUR  transfer  2026-11-19 12:15  PDF, 48,213 bytes\n"
    )
    data = json.loads(demo("wallet", "pending", "-o", "json").stdout)
    assert [(t["reference"], t["proof"]["size"]) for t in data] == [(ref, 48213)]


def test_pending_is_empty_once_confirmed(demo: CLI) -> None:
    execute("UPDATE top_ups SET status = 'completed' WHERE status = 'pending'")
    result = demo("wallet", "pending")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no pending top-ups\n")
    assert demo("wallet", "pending", "-o", "json").stdout == "[]\n"


def test_terms(demo: CLI) -> None:
    result = demo("wallet", "terms")
    assert result.exit_code == 0
    assert result.stdout.startswith("Account credit (wallet) terms. 1. Credit is added")
    assert result.stdout.endswith(f"\n\n(version 2026-01, {TERMS_URL})\n")

"""Bank-transfer top-ups: the proof of payment (type by content, size) and the provider's
confirmation (``transfers.approve_transfer``, its control endpoint)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from clientarea_cli.sandbox import DEMO_API_KEY, SandboxApp
from clientarea_cli.sandbox.topups import MAX_PROOF_BYTES
from clientarea_cli.sandbox.transfers import TransferConflict, TransferNotFound, approve_transfer

from .helpers import make_client
from .money_helpers import wallet
from .test_sandbox_api import assert_error
from .test_sandbox_domain_actions import details, sql
from .test_sandbox_wallet import JPEG, PDF, PNG, eur, proof, top_up, transfer

# -- the proof of payment ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "content_type"),
    [(PDF, "application/pdf"), (PNG, "image/png"), (JPEG, "image/jpeg"),
     (PDF, "application/pdf; charset=binary")],
)  # fmt: skip
def test_a_proof_is_kept_by_type_and_size(
    client: httpx.Client, db_path: Path, data: bytes, content_type: str
) -> None:
    reference = transfer(client)["reference"]
    answer = proof(client, reference, data, content_type)
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["status"] == "pending"
    assert body["proof"]["content_type"] == content_type.split(";", maxsplit=1)[0]
    assert body["proof"]["size"] == len(data)
    assert body["proof"]["uploaded_at"].startswith("2026-11-22T")
    assert wallet(client)["balance"] == eur("85.50")
    stored = sql(db_path, "SELECT proof_sha256 FROM top_ups WHERE reference = ?", reference)
    assert len(stored[0][0]) == 64  # a digest, not the file


@pytest.mark.parametrize(
    ("data", "content_type", "message"),
    [
        (PNG, "application/pdf", "is not a PDF file: its content does not match Content-Type "
                                 "application/pdf"),
        (PDF, "image/jpeg", "is not a JPEG file: its content does not match Content-Type "
                            "image/jpeg"),
        (b"GIF89a....", "image/png", "is not a PNG file: its content does not match Content-Type "
                                     "image/png"),
        (b"", "application/pdf", "is empty"),
        (PDF, "text/plain", "must be a PDF, PNG or JPEG file sent with Content-Type "
                            "application/pdf, image/png or image/jpeg"),
    ],
)  # fmt: skip
def test_a_bad_proof_is_422(
    client: httpx.Client, db_path: Path, data: bytes, content_type: str, message: str
) -> None:
    reference = transfer(client)["reference"]
    assert details(proof(client, reference, data, content_type)) == {"file": message}
    assert sql(db_path, "SELECT proof_size FROM top_ups WHERE reference = ?", reference) == [
        (None,)
    ]


def test_a_proof_of_at_most_10_mb(client: httpx.Client) -> None:
    reference = transfer(client)["reference"]
    too_big = PDF + b"\x00" * (MAX_PROOF_BYTES + 1 - len(PDF))
    assert details(proof(client, reference, too_big, "application/pdf")) == {
        "file": "is 10,485,761 bytes; at most 10 MB (10,485,760 bytes) are accepted"
    }  # fmt: skip
    answer = proof(client, reference, too_big[:MAX_PROOF_BYTES], "application/pdf")
    assert answer.status_code == 201
    assert answer.json()["proof"]["size"] == MAX_PROOF_BYTES


def test_a_proof_only_for_a_pending_transfer_of_the_account(
    client: httpx.Client, bruno: httpx.Client, app: SandboxApp
) -> None:
    card = top_up(client).json()["reference"]
    error = assert_error(proof(client, card, PDF, "application/pdf"), 409, "conflict")
    assert error["details"] == {"status": "completed", "method": "card"}
    reference = transfer(client)["reference"]
    assert_error(proof(bruno, reference, PDF, "application/pdf"), 404, "not_found")
    assert_error(proof(client, "TU-NOSUCH00", PDF, "application/pdf"), 404, "not_found")
    assert_error(proof(client, reference, PDF, "application/pdf", key=None), 400,
                 "idempotency_key_required")  # fmt: skip
    approve_transfer(app.db, str(reference))
    assert_error(proof(client, reference, PDF, "application/pdf"), 409, "conflict")


def test_a_proof_upload_is_idempotent(client: httpx.Client) -> None:
    reference = transfer(client)["reference"]
    first = proof(client, reference, PDF, "application/pdf", key="k-proof")
    again = proof(client, reference, PDF, "application/pdf", key="k-proof")
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    assert_error(proof(client, reference, PNG, "image/png", key="k-proof"), 422,
                 "idempotency_key_reused")  # fmt: skip
    assert_error(proof(client, reference, PDF, "image/png", key="k-proof"), 422,
                 "idempotency_key_reused")  # fmt: skip
    replaced = proof(client, reference, PNG, "image/png")  # a new upload replaces the proof
    assert replaced.json()["proof"]["content_type"] == "image/png"


# -- the provider confirms ---------------------------------------------------------------------


def test_approving_a_transfer_credits_the_wallet(
    client: httpx.Client, app: SandboxApp, db_path: Path
) -> None:
    reference = str(transfer(client, eur("200.00"))["reference"])
    proof(client, reference, PDF, "application/pdf")
    approval = approve_transfer(app.db, reference.lower())
    assert (approval.kind, approval.reference, approval.client_email) == (
        "top_up", reference, "ana@example.com"
    )  # fmt: skip
    assert approval.line() == (
        f"Transfer {reference} approved: 200.00 EUR added to the wallet of ana@example.com "
        "(balance 285.50 EUR)"
    )
    top = client.get(f"/v1/wallet/top-ups/{reference}").json()
    assert top["status"] == "completed"
    assert top["completed_at"].startswith("2026-11-22T")
    assert wallet(client)["balance"] == eur("285.50")
    assert wallet(client)["pending_top_ups"] == eur("100.00")
    latest = client.get("/v1/wallet/movements").json()["data"][0]
    assert (latest["kind"], latest["description"], latest["reference"]) == (
        "top_up", "Top-up by bank transfer", reference
    )  # fmt: skip
    with pytest.raises(TransferConflict, match="completed transfer top-up"):
        approve_transfer(app.db, reference)
    card = str(top_up(client).json()["reference"])
    with pytest.raises(TransferConflict, match="completed card top-up"):
        approve_transfer(app.db, card)
    with pytest.raises(TransferNotFound):
        approve_transfer(app.db, "TU-NOSUCH00")
    assert wallet(client)["balance"] == eur("385.50")


def test_the_approve_control_endpoint(db_path: Path) -> None:
    app = SandboxApp(db_path, control=True)
    with make_client(app, DEMO_API_KEY) as client:
        reference = transfer(client)["reference"]
        answer = client.post(f"/_sandbox/top-ups/{reference}/approve")
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert (body["kind"], body["amount"], body["wallet_balance"]) == (
            "top_up", eur("50.00"), eur("135.50")
        )  # fmt: skip
        assert body["summary"].startswith(f"Transfer {reference} approved")
        assert_error(client.post(f"/_sandbox/transfers/{reference}/approve"), 409, "conflict")
        assert_error(client.post("/_sandbox/transfers/TU-NOSUCH00/approve"), 404, "not_found")
        assert_error(client.get(f"/_sandbox/top-ups/{reference}/approve"), 405,
                     "method_not_allowed")  # fmt: skip
    with make_client(SandboxApp(db_path), DEMO_API_KEY) as client:
        reference = transfer(client)["reference"]
        assert_error(client.post(f"/_sandbox/top-ups/{reference}/approve"), 404, "not_found")
        assert client.get(f"/v1/wallet/top-ups/{reference}").json()["status"] == "pending"

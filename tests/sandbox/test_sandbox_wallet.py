"""Wallet top-ups: presets, terms, card charges, bank transfers, proofs and their approval."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from clientarea_cli.sandbox import DEMO_API_KEY, SandboxApp
from clientarea_cli.sandbox.embedded import EmbeddedTransport
from clientarea_cli.sandbox.method_checks import iban_problem
from clientarea_cli.sandbox.seed.common import BANK_ID, BRUNO_CARD_ID, MASTERCARD_ID, VISA_ID
from clientarea_cli.sandbox.topups import TERMS_URL

from .helpers import BASE_URL
from .money_helpers import DECLINED_VISA, new_key, post, verified_card, wallet
from .test_sandbox_api import assert_error
from .test_sandbox_domain_actions import details, sql

PDF = b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
REFERENCE = re.compile(r"^TU-[A-Z0-9]{8}$")
PRESETS = "50.00, 100.00, 150.00, 200.00, 250.00"


def eur(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "EUR"}


def top_up(client: httpx.Client, key: str | None = "new", **body: object) -> httpx.Response:
    request = {"amount": eur("100.00"), "method": "card", "payment_method_id": VISA_ID,
               "accept_terms": True, **body}  # fmt: skip
    return post(client, "/v1/wallet/top-ups", request, key)


def transfer(client: httpx.Client, amount: dict[str, str] | None = None) -> dict[str, object]:
    answer = top_up(
        client, method="transfer", payment_method_id=None, amount=amount or eur("50.00")
    )
    assert answer.status_code == 201, answer.text
    result: dict[str, object] = answer.json()
    return result


def proof(client: httpx.Client, reference: object, data: bytes, content_type: str,
          key: str | None = "new") -> httpx.Response:  # fmt: skip
    return post(client, f"/v1/wallet/top-ups/{reference}/proof", None, key, content=data,
                headers={"Content-Type": content_type})  # fmt: skip


def counts(db_path: Path) -> tuple[int, int]:
    """(top-ups, wallet movements) of Ana."""
    return (sql(db_path, "SELECT count(*) FROM top_ups WHERE client_id = 1")[0][0],
            sql(db_path, "SELECT count(*) FROM wallet_movements WHERE client_id = 1")[0][0])  # fmt: skip


# -- presets and terms -------------------------------------------------------------------------


def test_presets_have_one_source(client: httpx.Client, bruno: httpx.Client) -> None:
    provider = client.get("/v1/provider").json()["top_up_presets"]
    assert provider == wallet(client)["top_up_presets"] == [
        eur(a) for a in ("50.00", "100.00", "150.00", "200.00", "250.00")
    ]  # fmt: skip
    assert [p["currency"] for p in wallet(bruno)["top_up_presets"]] == ["CHF"] * 5


def test_terms(client: httpx.Client) -> None:
    terms = client.get("/v1/wallet/terms").json()
    assert set(terms) == {"version", "url", "text"}
    assert terms["url"] == TERMS_URL == wallet(client)["terms_url"]
    assert "never used for automatic renewals" in terms["text"]
    assert "American Express is not accepted" in terms["text"]


# -- by card -----------------------------------------------------------------------------------


def test_card_top_up_adds_credit_at_once(client: httpx.Client, db_path: Path) -> None:
    answer = top_up(client, amount=eur("150.00"))
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert set(body) == {"id", "reference", "status", "amount", "method", "bank_accounts",
                         "payment_method_id", "proof", "created_at", "completed_at"}  # fmt: skip
    assert REFERENCE.match(body["reference"])
    assert (body["status"], body["method"], body["payment_method_id"]) == (
        "completed",
        "card",
        VISA_ID,
    )
    assert (body["amount"], body["bank_accounts"], body["proof"]) == (eur("150.00"), [], None)
    assert body["completed_at"] == body["created_at"]
    assert wallet(client)["balance"] == eur("235.50")
    latest = client.get("/v1/wallet/movements").json()["data"][0]
    assert (latest["kind"], latest["amount"], latest["reference"], latest["balance_after"]) == (
        "top_up", eur("150.00"), body["reference"], eur("235.50")
    )  # fmt: skip
    assert client.get(f"/v1/wallet/top-ups/{body['reference']}").json() == body


def test_the_same_key_charges_once(client: httpx.Client, db_path: Path) -> None:
    before = counts(db_path)
    first = top_up(client, key="k-card")
    again = top_up(client, key="k-card")
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    assert counts(db_path) == (before[0] + 1, before[1] + 1)
    assert wallet(client)["balance"] == eur("185.50")
    reused = top_up(client, key="k-card", amount=eur("50.00"))
    assert_error(reused, 422, "idempotency_key_reused")
    assert counts(db_path) == (before[0] + 1, before[1] + 1)


@pytest.fixture
def embedded(db_path: Path) -> Iterator[tuple[EmbeddedTransport, httpx.Client]]:
    transport = EmbeddedTransport(db_path)
    headers = {"Authorization": f"Bearer {DEMO_API_KEY}"}
    with httpx.Client(transport=transport, base_url=BASE_URL, headers=headers) as client:
        yield transport, client


def test_a_dropped_answer_then_a_retry_makes_one_top_up(
    embedded: tuple[EmbeddedTransport, httpx.Client], db_path: Path
) -> None:
    transport, client = embedded
    before = counts(db_path)
    transport.app.faults.add("drop_after_commit", method="POST", path_prefix="/v1/wallet/top-ups")
    with pytest.raises(httpx.RemoteProtocolError):
        top_up(client, key="k-dropped")
    assert counts(db_path) == (before[0] + 1, before[1] + 1)  # it happened; the answer was lost
    outcome = client.get("/v1/operations/k-dropped").json()
    assert (outcome["status"], outcome["http_status"]) == ("completed", 201)
    retry = top_up(client, key="k-dropped")
    assert retry.status_code == 201
    assert retry.headers["idempotent-replayed"] == "true"
    assert retry.json() == outcome["response"]
    assert counts(db_path) == (before[0] + 1, before[1] + 1)
    assert wallet(client)["balance"] == eur("185.50")


def test_amount_must_be_a_preset_of_the_account_currency(
    client: httpx.Client, bruno: httpx.Client, db_path: Path
) -> None:
    before = counts(db_path)
    assert details(top_up(client, amount=eur("75.00"))) == {
        "amount": f"must be one of {PRESETS} EUR"
    }  # fmt: skip
    assert (
        details(top_up(client, amount=eur("300.00")))["amount"] == f"must be one of {PRESETS} EUR"
    )
    assert details(top_up(client, amount={"amount": "100.00", "currency": "CHF"})) == {
        "amount.currency": "must be EUR, the account's currency"
    }  # fmt: skip
    assert "one of" in details(top_up(client, amount=100))["amount"]
    assert counts(db_path) == before
    # The same presets in francs for Bruno, whose card is Swiss.
    chf = post(bruno, "/v1/wallet/top-ups", {"amount": {"amount": "50", "currency": "CHF"},
               "method": "card", "payment_method_id": BRUNO_CARD_ID, "accept_terms": True})  # fmt: skip
    assert chf.status_code == 201, chf.text
    assert chf.json()["amount"] == {"amount": "50.00", "currency": "CHF"}
    assert wallet(bruno)["balance"] == {"amount": "100.00", "currency": "CHF"}


def test_the_request_is_checked_whole(client: httpx.Client, db_path: Path) -> None:
    before = counts(db_path)
    assert details(top_up(client, accept_terms=False)) == {
        "accept_terms": "the terms must be accepted"
    }  # fmt: skip
    problems = details(post(client, "/v1/wallet/top-ups", {"amount": eur("1.00"), "tip": 1}))
    assert set(problems) == {"amount", "method", "accept_terms", "tip"}
    assert details(top_up(client, payment_method_id=None)) == {
        "payment_method_id": "is required for a card top-up: a stored, validated card"
    }  # fmt: skip
    assert details(top_up(client, method="transfer")) == {
        "payment_method_id": "is only for card top-ups"
    }  # fmt: skip
    assert_error(top_up(client, key=None), 400, "idempotency_key_required")
    assert_error(post(client, "/v1/wallet/top-ups", [1]), 400, "bad_request")
    assert counts(db_path) == before


@pytest.mark.parametrize(
    ("method_id", "message"),
    [
        (MASTERCARD_ID, "the card ending 4444 is not validated yet; answer its verification"
                        " challenge first"),
        (BANK_ID, "must be a card (top up from a bank account with method: transfer)"),
        (BRUNO_CARD_ID, "no such payment method in this account"),
        (999, "no such payment method in this account"),
    ],
)  # fmt: skip
def test_only_a_validated_card_of_the_account(
    client: httpx.Client, db_path: Path, method_id: int, message: str
) -> None:
    before = counts(db_path)
    assert details(top_up(client, payment_method_id=method_id)) == {"payment_method_id": message}
    assert counts(db_path) == before


def test_an_expired_card_is_402_and_changes_nothing(client: httpx.Client, db_path: Path) -> None:
    sql(db_path, "UPDATE payment_methods SET exp_year = 2026, exp_month = 10 WHERE id = ?", VISA_ID)
    before = counts(db_path)
    error = assert_error(top_up(client), 402, "card_expired")
    assert error["message"] == "The card ending 4242 expired in 2026-10."
    assert error["details"] == {"payment_method_id": VISA_ID}
    assert counts(db_path) == before


def test_a_declined_card_is_402_and_keeps_a_failed_top_up(
    client: httpx.Client, app: SandboxApp, db_path: Path
) -> None:
    card = verified_card(client, app, DECLINED_VISA)
    before = counts(db_path)
    answer = top_up(client, key="k-declined", payment_method_id=card)
    error = assert_error(answer, 402, "payment_failed")
    assert error["message"] == "The card ending 0002 was declined by its bank."
    reference = error["details"]["reference"]
    assert error["details"] == {"payment_method_id": card, "reference": reference}
    again = top_up(client, key="k-declined", payment_method_id=card)
    assert (again.status_code, again.headers["idempotent-replayed"]) == (402, "true")
    assert counts(db_path) == (before[0] + 1, before[1])  # a failed top-up; no credit
    assert wallet(client)["balance"] == eur("85.50")
    failed = client.get("/v1/wallet/top-ups", params={"status": "failed"}).json()["data"]
    assert [(t["reference"], t["status"], t["completed_at"]) for t in failed] == [
        (reference, "failed", None)
    ]  # fmt: skip


# -- by bank transfer --------------------------------------------------------------------------


def test_transfer_answers_the_bank_accounts_and_a_reference(client: httpx.Client) -> None:
    body = transfer(client, eur("250.00"))
    assert (body["status"], body["method"], body["payment_method_id"]) == (
        "pending",
        "transfer",
        None,
    )
    assert REFERENCE.match(str(body["reference"]))
    accounts = body["bank_accounts"]
    assert isinstance(accounts, list)
    assert [a["bank"] for a in accounts] == ["Banco Sandbox", "Caja Demo", "Banco Ejemplo"]
    for account in accounts:
        assert set(account) == {"bank", "iban", "bic", "holder"}
        assert iban_problem(account["iban"]) is None
        assert account["holder"] == "Sandbox Hosting SL"
    current = wallet(client)
    assert current["balance"] == eur("85.50")  # nothing until the provider confirms
    assert current["pending_top_ups"] == eur("350.00")  # the seeded 100 and this one
    assert transfer(client)["reference"] != body["reference"]


def test_list_and_get_top_ups(client: httpx.Client, bruno: httpx.Client) -> None:
    made = transfer(client)
    listed = client.get("/v1/wallet/top-ups").json()
    assert listed["meta"]["total"] == 5
    assert listed["data"][0] == made  # newest first
    statuses = {t["status"] for t in listed["data"]}
    assert statuses == {"pending", "completed"}
    pending = client.get("/v1/wallet/top-ups", params={"status": "pending"}).json()["data"]
    assert [t["status"] for t in pending] == ["pending", "pending"]
    assert pending[1]["proof"] == {"content_type": "application/pdf", "size": 48213,
                                   "uploaded_at": pending[1]["created_at"]}  # fmt: skip
    details(client.get("/v1/wallet/top-ups", params={"status": "lost"}))
    lower = str(made["reference"]).lower()
    assert client.get(f"/v1/wallet/top-ups/{lower}").json() == made
    assert_error(bruno.get(f"/v1/wallet/top-ups/{made['reference']}"), 404, "not_found")
    assert_error(client.get("/v1/wallet/top-ups/TU-NOSUCH00"), 404, "not_found")
    chf = bruno.get("/v1/wallet/top-ups").json()["data"]
    assert [t["amount"]["currency"] for t in chf] == ["CHF"]


def test_keys_are_scoped_per_client(client: httpx.Client, bruno: httpx.Client) -> None:
    key = new_key()
    assert top_up(client, key=key).status_code == 201
    chf = {"amount": {"amount": "100.00", "currency": "CHF"}, "method": "card",
           "payment_method_id": BRUNO_CARD_ID, "accept_terms": True}  # fmt: skip
    answer = post(bruno, "/v1/wallet/top-ups", chf, key)
    assert answer.status_code == 201
    assert "idempotent-replayed" not in answer.headers

"""The clientarea driver's wallet and payment-method requests, against the contract's shapes
(httpx.MockTransport), and the redaction of card data in --debug traces and errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import httpx
import pytest

from clientarea_cli.drivers.clientarea.driver import ClientAreaDriver
from clientarea_cli.drivers.http import RetryPolicy
from clientarea_cli.errors import AnswerLost, PaymentError, UsageError
from clientarea_cli.models import Money

KEY = "sk_live_canary_123"
NUMBER = "4242424242424242"
CVC = "737"
METHOD = {
    "id": 25, "type": "card", "brand": "visa", "last4": "4242", "holder": "Ana García",
    "expiry": "2029-05", "validated": False, "is_default": False,
}  # fmt: skip
TOP_UP = {
    "id": 9, "reference": "TU-7Q4K2M00", "status": "pending",
    "amount": {"amount": "100.00", "currency": "EUR"}, "method": "transfer",
    "bank_accounts": [{"bank": "Banco", "iban": "ES6890000001200123456789", "bic": "SBOXESMMXXX",
                       "holder": "Sandbox Hosting SL"}],
    "payment_method_id": None, "proof": None, "created_at": "2026-11-22T10:00:00Z",
    "completed_at": None,
}  # fmt: skip


class Recorder:
    def __init__(self, answer: Callable[[httpx.Request], httpx.Response]) -> None:
        self.requests: list[httpx.Request] = []
        self.answer = answer

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.answer(request)


def driver(
    answer: Callable[[httpx.Request], httpx.Response], debug: list[str] | None = None
) -> tuple[ClientAreaDriver, Recorder]:
    recorder = Recorder(answer)
    built = ClientAreaDriver(
        "https://billing.example.com/api",
        KEY,
        transport=httpx.MockTransport(recorder),
        retry=RetryPolicy(attempts=2, sleep=lambda _: None),
        debug=debug.append if debug is not None else None,
    )
    return built, recorder


def body(request: httpx.Request) -> Any:
    return json.loads(request.content) if request.content else None


def test_add_card_sends_the_contract_body_with_a_key_and_debug_shows_no_card_data() -> None:
    lines: list[str] = []
    api, seen = driver(lambda r: httpx.Response(201, json=METHOD), lines)
    method = api.add_card(
        number=NUMBER, expiry="2029-05", cvc=CVC, holder="Ana García", make_default=True,
        idempotency_key="key-1",
    )  # fmt: skip
    assert method.last4 == "4242"
    [request] = seen.requests
    assert (request.method, request.url.path) == ("POST", "/api/v1/payment-methods/cards")
    assert request.headers["Idempotency-Key"] == "key-1"
    assert body(request) == {
        "number": NUMBER, "expiry": "2029-05", "cvc": CVC, "holder": "Ana García",
        "make_default": True,
    }  # fmt: skip
    trace = "\n".join(lines)
    assert "> POST https://billing.example.com/api/v1/payment-methods/cards" in trace
    assert NUMBER not in trace
    assert CVC not in trace
    assert KEY not in trace


def test_an_error_echoing_the_card_is_redacted() -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        sent = body(request)
        message = f"card {sent['number']} / {sent['cvc']} refused"
        details = {"number": [f"{sent['number']} is refused"]}
        error = {"code": "validation_failed", "message": message, "details": details}
        return httpx.Response(422, json={"error": error})

    api, _ = driver(echo)
    with pytest.raises(UsageError) as info:
        api.add_card(
            number=NUMBER, expiry="2029-05", cvc=CVC, holder="Ana", make_default=False,
            idempotency_key="key-2",
        )  # fmt: skip
    assert info.value.message == "the provider refused the request: card *** / *** refused"
    assert info.value.details == {"number": ["*** is refused"]}
    assert NUMBER not in str(info.value)
    assert NUMBER not in repr(info.value.args)


def test_top_up_by_card_and_its_decline() -> None:
    declined = {"error": {"code": "payment_failed", "message": "declined", "details": None}}
    api, seen = driver(lambda r: httpx.Response(402, json=declined))
    with pytest.raises(PaymentError):
        api.create_top_up(
            Money.of("50.00", "EUR"), method="card", payment_method_id=21, accept_terms=True,
            idempotency_key="key-3",
        )  # fmt: skip
    [request] = seen.requests  # a 402 is an answer: never re-sent
    assert body(request) == {
        "amount": {"amount": "50.00", "currency": "EUR"}, "method": "card",
        "payment_method_id": 21, "accept_terms": True,
    }  # fmt: skip
    assert request.headers["Idempotency-Key"] == "key-3"


def test_a_keyed_top_up_is_resent_with_the_same_key_then_unknown() -> None:
    def drop(request: httpx.Request) -> httpx.Response:
        raise httpx.RemoteProtocolError("Server disconnected", request=request)

    api, seen = driver(drop)
    with pytest.raises(AnswerLost):
        api.create_top_up(
            Money.of("100.00", "EUR"), method="transfer", payment_method_id=None,
            accept_terms=True, idempotency_key="key-4",
        )  # fmt: skip
    assert [r.headers["Idempotency-Key"] for r in seen.requests] == ["key-4", "key-4"]


def test_top_ups_list_get_and_proof_upload() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/wallet/top-ups"):
            meta = {"page": 1, "per_page": 1000, "total": 1, "total_pages": 1}
            return httpx.Response(200, json={"data": [TOP_UP], "meta": meta})
        return httpx.Response(201 if request.method == "POST" else 200, json=TOP_UP)

    api, seen = driver(answer)
    listing = api.list_top_ups(status="pending", limit=None)
    assert [t.reference for t in listing.items] == ["TU-7Q4K2M00"]
    assert listing.items[0].amount.amount == Decimal("100.00")
    assert api.get_top_up("TU 1/2").reference == "TU-7Q4K2M00"
    api.upload_top_up_proof("TU-7Q4K2M00", b"%PDF-1.4 x", "application/pdf", idempotency_key="k5")
    first, second, upload = seen.requests
    assert first.url.params["status"] == "pending"
    assert second.url.raw_path == b"/api/v1/wallet/top-ups/TU%201%2F2"
    assert (upload.method, upload.url.path) == ("POST", "/api/v1/wallet/top-ups/TU-7Q4K2M00/proof")
    assert upload.headers["Content-Type"] == "application/pdf"
    assert upload.headers["Idempotency-Key"] == "k5"
    assert upload.content == b"%PDF-1.4 x"


def test_verification_delete_default_and_service_method() -> None:
    verification = {
        "payment_method_id": 25, "status": "pending", "kind": "micro_charge",
        "instructions": "look at your statement", "attempts_left": 3,
        "expires_at": "2026-11-29T00:00:00Z", "payment_method": METHOD,
    }  # fmt: skip
    service = {
        "id": 101, "product": "Hosting Pro", "group": "Web hosting", "domain": None,
        "status": "active", "billing_cycle": "monthly",
        "first_payment": {"amount": "12.95", "currency": "EUR"},
        "recurring_amount": {"amount": "12.95", "currency": "EUR"},
        "registration_date": "2025-01-01", "next_due_date": "2026-12-01",
        "payment_method_id": 23, "addons": [],
    }  # fmt: skip

    def answer(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("/verification"):
            return httpx.Response(200, json=verification)
        if request.method == "DELETE" and "force" in request.url.params:
            removed = {"services": [101], "domains": ["ana.dev"]}
            return httpx.Response(200, json={"id": 25, "recurring_removed": removed})
        if request.method == "DELETE":
            return httpx.Response(204)
        if path.endswith("/default"):
            return httpx.Response(200, json={**METHOD, "is_default": True})
        return httpx.Response(200, json=service)

    api, seen = driver(answer)
    assert api.verify_payment_method(25, answer=None, idempotency_key="a").kind == "micro_charge"
    api.verify_payment_method(25, answer="0.37", idempotency_key="b")
    assert api.delete_payment_method(25, force=False) is None  # 204: an older provider
    removal = api.delete_payment_method(25, force=True)
    assert removal is not None
    assert (removal.count, removal.recurring_removed.domains) == (2, ["ana.dev"])
    assert api.set_default_payment_method(25).is_default
    assert api.set_service_payment_method(101, 23).payment_method_id == 23
    start, reply, delete, forced, default, put = seen.requests
    assert (body(start), start.headers["Idempotency-Key"]) == ({}, "a")
    assert body(reply) == {"answer": "0.37"}
    assert (delete.method, delete.url.path, dict(delete.url.params)) == (
        "DELETE", "/api/v1/payment-methods/25", {}
    )  # fmt: skip
    assert dict(forced.url.params) == {"force": "true"}
    assert (default.method, default.url.path) == ("POST", "/api/v1/payment-methods/25/default")
    assert "Idempotency-Key" not in default.headers
    assert (put.method, put.url.path, body(put)) == (
        "PUT", "/api/v1/services/101/payment-method", {"payment_method_id": 23}
    )  # fmt: skip

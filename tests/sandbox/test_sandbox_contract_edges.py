"""Bodies and paths at the edges of the contract answer 4xx with the contract's error body,
never 500, and the server agrees with docs/openapi.yaml where the two used to differ."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .helpers import TODAY

HUGE = 2**64  # beyond SQLite's 64-bit integers
KEY = {"Idempotency-Key": "edge-1"}


def _error(answer: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    return body["error"]


def _send(client: httpx.Client, method: str, path: str, raw: bytes) -> httpx.Response:
    headers = {**KEY, "Content-Type": "application/json"}
    return client.request(method, path, content=raw, headers=headers)


INT_BODIES = [
    ("POST", "/v1/invoices/5008/payments", {"payment_method_id": HUGE, "use_credit": False}),
    ("POST", "/v1/orders", {"product_id": HUGE, "billing_cycle": "monthly"}),
    ("POST", "/v1/orders/quote", {"product_id": HUGE, "billing_cycle": "monthly"}),
    ("POST", "/v1/tickets", {"department_id": HUGE, "subject": "s", "message": "m"}),
    ("PUT", "/v1/services/107/payment-method", {"payment_method_id": HUGE}),
    ("PUT", "/v1/domains/antiguo-blog.net/recurring", {"enabled": True, "payment_method_id": HUGE}),
    ("POST", "/v1/services/107/addons", {"addon_id": -HUGE, "billing_cycle": "monthly"}),
    ("POST", "/v1/services/107/upgrade", {"product_id": HUGE}),
    ("POST", "/v1/wallet/top-ups", {"amount": "100.00", "accept_terms": True, "payment_method_id": HUGE}),
]  # fmt: skip


@pytest.mark.parametrize(("method", "path", "body"), INT_BODIES, ids=lambda v: str(v)[:40])
def test_an_integer_beyond_64_bits_is_a_validation_failure(
    client: httpx.Client, method: str, path: str, body: dict[str, Any]
) -> None:
    import json

    answer = _send(client, method, path, json.dumps(body).encode())
    error = _error(answer, 422, "validation_failed")
    field = next(k for k, v in body.items() if isinstance(v, int) and abs(v) >= HUGE)
    assert error["details"] == {field: "must be a whole number within 64 bits"}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"[" * 5000 + b"]" * 5000, "the request body is nested more than 32 levels deep"),
        (b'{"a":' * 40 + b"1" + b"}" * 40, "the request body is nested more than 32 levels deep"),
        (b'{"payment_method_id": NaN}', "the request body is not valid JSON (NaN is not a JSON number)"),
        (b'{"payment_method_id": 1e999}', "the request body holds a number too large to represent"),
        (b'{"payment_method_id": 1', "the request body is not valid JSON"),
    ],
    ids=["deep-array", "deep-object", "nan", "1e999", "cut"],
)  # fmt: skip
def test_a_body_json_cannot_hold_is_a_bad_request(
    client: httpx.Client, raw: bytes, message: str
) -> None:
    before = client.get("/v1/invoices/5008").json()
    answer = _send(client, "POST", "/v1/invoices/5008/payments", raw)
    assert _error(answer, 400, "bad_request")["message"] == message
    assert client.get("/v1/invoices/5008").json() == before


def test_a_card_expiring_in_year_zero_is_a_validation_failure(client: httpx.Client) -> None:
    body = {"number": "4242424242424242", "expiry": "0000-01", "cvc": "123", "holder": "Ana García"}
    answer = client.post("/v1/payment-methods/cards", json=body, headers=KEY)
    error = _error(answer, 422, "validation_failed")
    assert error["details"] == {"expiry": "is past: the card expired at the end of 0000-01"}


def test_a_page_past_the_stated_maximum_is_a_validation_failure(client: httpx.Client) -> None:
    assert client.get("/v1/domains", params={"page": 1_000_000_000}).status_code == 200
    answer = client.get("/v1/domains", params={"page": 1_000_000_001})
    assert _error(answer, 422, "validation_failed")["details"] == {
        "page": "must be a whole number from 1 to 1000000000"
    }


def test_an_operation_key_longer_than_any_request_could_carry(client: httpx.Client) -> None:
    assert client.get("/v1/operations/" + "k" * 255).json()["status"] == "unknown"
    answer = client.get("/v1/operations/" + "k" * 256)
    assert _error(answer, 422, "validation_failed")["details"] == {
        "key": "must be at most 255 characters"
    }


def test_an_empty_country_is_refused_and_null_clears_it(client: httpx.Client) -> None:
    contact = client.get("/v1/contacts").json()["data"][0]
    answer = client.patch(f"/v1/contacts/{contact['id']}", json={"country": ""})
    assert _error(answer, 422, "validation_failed")["details"] == {"country": "must not be empty"}
    cleared = client.patch(f"/v1/contacts/{contact['id']}", json={"country": None})
    assert cleared.status_code == 200, cleared.text
    assert cleared.json()["country"] is None
    account = client.patch("/v1/account", json={"country": ""})
    assert _error(account, 422, "validation_failed")["details"] == {"country": "must not be empty"}


def test_a_contact_cannot_take_another_contact_address(client: httpx.Client) -> None:
    first, second = client.get("/v1/contacts").json()["data"][:2]
    answer = client.patch(f"/v1/contacts/{second['id']}", json={"email": first["email"]})
    _error(answer, 409, "conflict")


def test_null_attachments_are_refused(client: httpx.Client) -> None:
    departments = client.get("/v1/tickets/departments").json()["data"]
    body = {"department_id": departments[0]["id"], "subject": "s", "message": "m"}
    answer = client.post("/v1/tickets", json={**body, "attachments": None}, headers=KEY)
    assert _error(answer, 422, "validation_failed")["details"] == {
        "attachments": "must be a list of files ([] for none)"
    }
    created = client.post("/v1/tickets", json=body, headers={"Idempotency-Key": "edge-2"})
    assert created.status_code == 201, created.text


def test_downloads_keep_their_own_type(client: httpx.Client) -> None:
    answer = client.get("/v1/downloads/2/file")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/x-shellscript"


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("OPTIONS", "/v1/domains/availability", "POST"),
        ("GET", "/v1/orders/quote", "POST"),
        ("OPTIONS", "/v1/payment-methods/cards", "POST"),
    ],
)
def test_allow_names_the_path_own_methods(
    client: httpx.Client, method: str, path: str, allow: str
) -> None:
    answer = client.request(method, path)
    _error(answer, 405, "method_not_allowed")
    assert answer.headers["allow"] == allow


def test_business_date_is_the_seeded_one(client: httpx.Client) -> None:
    """The control for this module's fixture: the sandbox answers with its seeded date."""
    assert client.get("/v1/account").headers["x-provider-date"] == TODAY.isoformat()

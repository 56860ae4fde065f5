"""Helpers shared by the money-side tests (wallet, payment methods, invoice payments)."""

from __future__ import annotations

import itertools
from typing import Any

import httpx

from clientarea_cli.sandbox import SandboxApp
from clientarea_cli.sandbox.verification import pending_challenge

DECLINED_VISA = "4000000000000002"  # charges declined, verification passes
REFUSED_VISA = "4000000000000119"  # even the verification micro-charge is refused
AMEX = "378282246310005"
GOOD_IBAN = "ES91 2100 0418 4502 0005 1332"

_keys = itertools.count(1)


def new_key() -> str:
    return f"test-key-{next(_keys)}"


def post(client: httpx.Client, path: str, body: object = None, key: str | None = "new",
         **kwargs: Any) -> httpx.Response:  # fmt: skip
    """POST with an Idempotency-Key (a fresh one unless given; None sends none)."""
    headers = dict(kwargs.pop("headers", {}))
    if key is not None:
        headers["Idempotency-Key"] = new_key() if key == "new" else key
    if body is None:
        return client.post(path, headers=headers, **kwargs)
    return client.post(path, json=body, headers=headers, **kwargs)


def add_card(
    client: httpx.Client, number: str = "4242424242424242", **fields: Any
) -> httpx.Response:
    body = {"number": number, "expiry": "2029-05", "cvc": "737", "holder": "Ana García", **fields}
    return post(client, "/v1/payment-methods/cards", body)


def verified_card(client: httpx.Client, app: SandboxApp, number: str = "4242424242424242") -> int:
    """Add a card and answer its verification challenge; answer its id."""
    answer = add_card(client, number)
    assert answer.status_code == 201, answer.text
    method_id = int(answer.json()["id"])
    verify(client, app, method_id)
    return method_id


def verify(client: httpx.Client, app: SandboxApp, method_id: int) -> None:
    started = post(client, f"/v1/payment-methods/{method_id}/verification")
    assert started.status_code == 200, started.text
    challenge = pending_challenge(app.db, method_id)
    assert challenge is not None
    done = post(
        client, f"/v1/payment-methods/{method_id}/verification", {"answer": challenge.answer}
    )
    assert done.json()["status"] == "verified", done.text


def wallet(client: httpx.Client) -> dict[str, Any]:
    answer = client.get("/v1/wallet")
    assert answer.status_code == 200
    result: dict[str, Any] = answer.json()
    return result

"""Each service's own renewal method (``PUT /v1/services/{id}/payment-method``, seed 001)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from clientarea_cli.sandbox import SandboxApp
from clientarea_cli.sandbox.seed.common import BANK_ID, BRUNO_CARD_ID, MASTERCARD_ID, VISA_ID

from .money_helpers import DECLINED_VISA, verified_card
from .test_sandbox_api import assert_error
from .test_sandbox_domain_actions import details, sql

HOSTING, VPS, EMAIL, WORDPRESS, MIGRATION, BRUNO_HOSTING = 101, 102, 103, 105, 108, 109


def methods(client: httpx.Client) -> dict[int, dict[str, Any]]:
    return {m["id"]: m for m in client.get("/v1/payment-methods").json()["data"]}


def put_method(client: httpx.Client, service: int, body: object) -> httpx.Response:
    return client.put(f"/v1/services/{service}/payment-method", json=body)


def test_each_service_has_its_own_method(client: httpx.Client, app: SandboxApp) -> None:
    answer = put_method(client, HOSTING, {"payment_method_id": BANK_ID})
    assert answer.status_code == 200, answer.text
    assert answer.json() == {**client.get(f"/v1/services/{HOSTING}").json(),
                             "payment_method_id": BANK_ID}  # fmt: skip
    card = verified_card(client, app)
    assert put_method(client, VPS, {"payment_method_id": card}).json()["payment_method_id"] == card
    assert client.get(f"/v1/services/{HOSTING}").json()["payment_method_id"] == BANK_ID
    assert put_method(client, EMAIL, {"payment_method_id": VISA_ID}).status_code == 200  # suspended
    off = put_method(client, HOSTING, {"payment_method_id": None})
    assert off.json()["payment_method_id"] is None


@pytest.mark.parametrize(
    ("body", "problems"),
    [
        ({"payment_method_id": "credit"}, {"payment_method_id": "wallet credit is not a payment"
          " method: it is never used for automatic renewals (apply it by hand when paying an"
          " invoice, with use_credit)"}),
        ({"payment_method_id": "Wallet"}, {"payment_method_id": "wallet credit is not a payment"
          " method: it is never used for automatic renewals (apply it by hand when paying an"
          " invoice, with use_credit)"}),
        ({"payment_method_id": MASTERCARD_ID}, {"payment_method_id": "the card ending 4444 is not"
          " validated yet; answer its verification challenge first"}),
        ({"payment_method_id": BRUNO_CARD_ID}, {"payment_method_id": "no such payment method in"
          " this account"}),
        ({"payment_method_id": True}, {"payment_method_id": "must be the id of a validated card or"
          " bank account, or null"}),
        ({}, {"payment_method_id": "is required: a validated card or bank account, or null"}),
        ({"payment_method_id": None, "auto": 1}, {"auto": "is not a field of this request"}),
    ],
)  # fmt: skip
def test_a_service_method_must_be_a_validated_method_of_the_account(
    client: httpx.Client, body: dict[str, Any], problems: dict[str, str]
) -> None:
    assert details(put_method(client, HOSTING, body)) == problems
    assert client.get(f"/v1/services/{HOSTING}").json()["payment_method_id"] == VISA_ID


def test_an_expired_or_removed_card_cannot_be_chosen(client: httpx.Client, db_path: Path) -> None:
    sql(db_path, "UPDATE payment_methods SET exp_year = 2026, exp_month = 10 WHERE id = ?", VISA_ID)
    assert details(put_method(client, VPS, {"payment_method_id": VISA_ID})) == {
        "payment_method_id": "the card ending 4242 expired in 2026-10"
    }  # fmt: skip
    client.delete(f"/v1/payment-methods/{BANK_ID}", params={"force": "true"})
    assert details(put_method(client, VPS, {"payment_method_id": BANK_ID})) == {
        "payment_method_id": "no such payment method in this account"
    }  # fmt: skip


def test_services_that_renew_no_more_are_409(client: httpx.Client, bruno: httpx.Client) -> None:
    error = assert_error(put_method(client, WORDPRESS, {"payment_method_id": VISA_ID}), 409,
                         "conflict")  # fmt: skip
    assert error["details"] == {"status": "cancelled"}
    assert (
        error["message"]
        == "WordPress Managed (flamenco-studio.net) is cancelled: it renews no more"
    )
    error = assert_error(
        put_method(client, MIGRATION, {"payment_method_id": None}), 409, "conflict"
    )
    assert error["details"] == {"billing_cycle": "one_time"}
    assert_error(
        put_method(client, BRUNO_HOSTING, {"payment_method_id": VISA_ID}), 404, "not_found"
    )
    assert_error(put_method(bruno, HOSTING, {"payment_method_id": None}), 404, "not_found")
    assert_error(client.put(f"/v1/services/{HOSTING}/payment-method", content=b"[]"), 400,
                 "bad_request")  # fmt: skip


def test_a_declined_card_can_still_be_verified(client: httpx.Client, app: SandboxApp) -> None:
    card = verified_card(client, app, DECLINED_VISA)
    assert methods(client)[card]["validated"] is True

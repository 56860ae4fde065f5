"""Payment methods: adding cards and bank accounts, verification, default, removal; and each
service's own renewal method."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from clientarea_cli.sandbox import DEMO_API_KEY, SandboxApp, advance_clock
from clientarea_cli.sandbox.seed.common import BANK_ID, BRUNO_CARD_ID, MASTERCARD_ID, VISA_ID
from clientarea_cli.sandbox.verification import pending_challenge

from .helpers import make_client
from .money_helpers import (
    AMEX,
    GOOD_IBAN,
    REFUSED_VISA,
    add_card,
    post,
)
from .test_sandbox_api import assert_error
from .test_sandbox_domain_actions import details, domain, sql

HOSTING, VPS, EMAIL, WORDPRESS, MIGRATION, BRUNO_HOSTING = 101, 102, 103, 105, 108, 109
CARD_NUMBER = "4111111111111111"


def methods(client: httpx.Client) -> dict[int, dict[str, Any]]:
    return {m["id"]: m for m in client.get("/v1/payment-methods").json()["data"]}


def add_bank(client: httpx.Client, key: str | None = "new", **fields: Any) -> httpx.Response:
    body = {"iban": GOOD_IBAN, "holder": "Garcia Hosting SL", "accept_mandate": True, **fields}
    return post(client, "/v1/payment-methods/bank-accounts", body, key)


def verification(client: httpx.Client, method_id: int, answer: str | None = None,
                 key: str | None = "new") -> httpx.Response:  # fmt: skip
    body = None if answer is None else {"answer": answer}
    return post(client, f"/v1/payment-methods/{method_id}/verification", body, key)


def method_count(db_path: Path) -> int:
    return int(sql(db_path, "SELECT count(*) FROM payment_methods")[0][0])


# -- cards -------------------------------------------------------------------------------------


def test_add_a_card(client: httpx.Client) -> None:
    answer = add_card(client, CARD_NUMBER, holder="  Ana García ")
    assert answer.status_code == 201, answer.text
    card = answer.json()
    assert card == {"id": card["id"], "type": "card", "brand": "visa", "last4": "1111",
                    "holder": "Ana García", "expiry": "2029-05", "validated": False,
                    "is_default": False}  # fmt: skip
    assert methods(client)[card["id"]] == card
    spaced = add_card(client, "5555 5555 5555 4444", make_default=True).json()
    assert (spaced["brand"], spaced["last4"], spaced["is_default"]) == ("mastercard", "4444", True)
    assert [m["id"] for m in methods(client).values() if m["is_default"]] == [spaced["id"]]
    two_series = add_card(client, "2223003122003222").json()
    assert two_series["brand"] == "mastercard"


def test_the_card_number_and_cvc_are_never_stored(
    client: httpx.Client, db_path: Path, tmp_path: Path
) -> None:
    key = "k-secret-card"
    body = {"number": CARD_NUMBER, "expiry": "2029-05", "cvc": "987", "holder": "Ana García"}
    first = post(client, "/v1/payment-methods/cards", body, key)
    replay = post(client, "/v1/payment-methods/cards", body, key)
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.json() == first.json()
    bad = post(client, "/v1/payment-methods/cards", {**body, "number": CARD_NUMBER[:-1] + "2"})
    assert CARD_NUMBER[:-1] not in bad.text
    everything = b"".join(path.read_bytes() for path in tmp_path.glob("s.db*"))
    assert len(everything) > 100_000
    for secret in (CARD_NUMBER, CARD_NUMBER[:-1] + "2", "4111 1111", '"987"'):
        assert secret.encode() not in everything, secret
    stored = sql(db_path, "SELECT response_body FROM idempotency WHERE key = ?", key)[0][0]
    assert CARD_NUMBER not in stored
    assert "987" not in stored


@pytest.mark.parametrize(
    ("fields", "problems"),
    [
        ({"number": AMEX}, {"number": "American Express cards are not accepted (provider policy);"
                                      " use a Visa or Mastercard"}),
        ({"number": "6011111111111117"}, {"number": "only Visa and Mastercard cards are accepted"}),
        ({"number": "4242424242424241"}, {"number": "is not a valid card number (its check digit"
                                                    " is wrong)"}),
        ({"number": "4242-4242-4242"}, {"number": "a Visa number has 13, 16 or 19 digits"}),
        ({"number": "5105 1051 0510 5100 005"}, {"number": "a Mastercard number has 16 digits"}),
        ({"number": "42424242424242424242"}, {"number": "must have 12 to 19 digits"}),
        ({"number": "4242x4242"}, {"number": "must be the card number, digits only"}),
        ({"number": 4242424242424242}, {"number": "is required: the card number, digits only"}),
        ({"number": "555555555555444"}, {"number": "is not a valid card number (its check digit"
                                                   " is wrong)"}),
        ({"number": "5105105105105100000"}, {"number": "is not a valid card number (its check"
                                                       " digit is wrong)"}),
        ({"expiry": "2026-10"}, {"expiry": "is past: the card expired at the end of 2026-10"}),
        ({"expiry": "10/29"}, {"expiry": "is required: the expiry month as YYYY-MM"}),
        ({"expiry": "2060-01"}, {"expiry": "must be within 20 years"}),
        ({"cvc": "12"}, {"cvc": "is required: the 3 digits on the back of the card"}),
        ({"cvc": "1234"}, {"cvc": "is required: the 3 digits on the back of the card"}),
        ({"holder": " "}, {"holder": "is required: the name on the card"}),
        ({"make_default": "yes", "pin": "1"}, {"make_default": "must be true or false",
                                               "pin": "is not a field of this request"}),
    ],
)  # fmt: skip
def test_a_bad_card_is_422_naming_the_field(
    client: httpx.Client, db_path: Path, fields: dict[str, Any], problems: dict[str, str]
) -> None:
    before = method_count(db_path)
    assert details(add_card(client, **fields)) == problems
    assert method_count(db_path) == before


def test_a_card_of_this_month_is_accepted(client: httpx.Client) -> None:
    assert add_card(client, expiry="2026-11").json()["expiry"] == "2026-11"
    assert_error(post(client, "/v1/payment-methods/cards", {"number": CARD_NUMBER}, key=None),
                 400, "idempotency_key_required")  # fmt: skip


# -- bank accounts -----------------------------------------------------------------------------


def test_add_a_bank_account(client: httpx.Client, db_path: Path) -> None:
    answer = add_bank(client, iban="es91 2100 0418 4502 0005 1332", bic="caixesbbxxx")
    assert answer.status_code == 201, answer.text
    account = answer.json()
    assert account == {"id": account["id"], "type": "bank_account", "brand": None,
                       "last4": "1332", "holder": "Garcia Hosting SL", "expiry": None,
                       "validated": False, "is_default": False}  # fmt: skip
    stored = sql(db_path, "SELECT bic, mandate_accepted_at FROM payment_methods WHERE id = ?",
                 account["id"])  # fmt: skip
    assert stored[0][0] == "CAIXESBBXXX"
    assert stored[0][1].startswith("2026-11-22T")
    swiss = add_bank(client, iban="CH93 0076 2011 6238 5295 7").json()
    assert swiss["last4"] == "2957"


@pytest.mark.parametrize(
    ("fields", "problems"),
    [
        ({"iban": "ES92 2100 0418 4502 0005 1332"}, {"iban": "is not a valid IBAN (its check"
                                                             " digits are wrong)"}),
        ({"iban": "ES91 2100 0418 4502 0005 133"}, {"iban": "an IBAN of ES has 24 characters,"
                                                            " not 23"}),
        ({"iban": "US12 3456 7890 1234 5678"}, {"iban": "US is not a SEPA country: direct debit"
                                                        " needs a SEPA bank account"}),
        ({"iban": "2100 0418 4502"}, {"iban": "must be an IBAN: a country code, 2 check digits"
                                              " and the account number"}),
        ({"iban": None}, {"iban": "is required: the account's IBAN"}),
        ({"accept_mandate": False}, {"accept_mandate": "the direct-debit mandate must be accepted"}),
        ({"bic": "CAIX"}, {"bic": "must be a BIC of 8 or 11 characters, such as CAIXESBBXXX,"
                                  " or null"}),
        ({"holder": ""}, {"holder": "is required: the account holder's name"}),
    ],
)  # fmt: skip
def test_a_bad_bank_account_is_422(
    client: httpx.Client, db_path: Path, fields: dict[str, Any], problems: dict[str, str]
) -> None:
    before = method_count(db_path)
    assert details(add_bank(client, **fields)) == problems
    assert method_count(db_path) == before


def test_adding_is_idempotent(client: httpx.Client, db_path: Path) -> None:
    before = method_count(db_path)
    first = add_bank(client, key="k-bank")
    assert add_bank(client, key="k-bank").json() == first.json()
    assert method_count(db_path) == before + 1
    assert_error(add_bank(client, key="k-bank", holder="Other"), 422, "idempotency_key_reused")


def test_the_first_method_of_an_account_is_its_default(db_path: Path) -> None:
    sql(db_path, "UPDATE payment_methods SET deleted = 1 WHERE client_id = 1")
    with make_client(SandboxApp(db_path), DEMO_API_KEY) as client:
        assert add_bank(client).json()["is_default"] is True
        assert add_card(client).json()["is_default"] is False


# -- verification ------------------------------------------------------------------------------


def test_the_verification_flow(client: httpx.Client, app: SandboxApp) -> None:
    card = add_card(client, CARD_NUMBER).json()["id"]
    started = verification(client, card)
    assert started.status_code == 200, started.text
    body = started.json()
    assert set(body) == {"payment_method_id", "status", "kind", "instructions", "attempts_left",
                         "expires_at", "payment_method"}  # fmt: skip
    assert (body["status"], body["kind"], body["attempts_left"]) == ("pending", "micro_charge", 3)
    assert body["expires_at"].startswith("2026-11-29T")
    assert f"clientarea sandbox show-challenge {card}" in body["instructions"]
    assert "card ending 1111" in body["instructions"]
    again = verification(client, card)  # no second charge: the same challenge
    assert again.json() == body
    challenge = pending_challenge(app.db, card)
    assert challenge is not None
    assert 1 <= int(challenge.answer.replace(".", "")) <= 99
    wrong = "0.00" if challenge.answer != "0.00" else "0.50"
    error = assert_error(verification(client, card, wrong), 422, "validation_failed")
    assert error["message"] == "the answer is wrong: 2 attempts left"
    assert error["details"] == {"answer": "does not match the amount charged; 2 attempts left"}
    assert details(verification(client, card, "thirty cents")) == {
        "answer": "must be the amount charged, such as 0.37"
    }  # fmt: skip
    assert details(verification(client, card, "NaN"))["answer"].startswith("must be the amount")
    assert pending_challenge(app.db, card).attempts_left == 2  # type: ignore[union-attr]
    done = verification(client, card, challenge.answer.replace(".", ",").lstrip("0"))
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "verified"
    assert done.json()["payment_method"]["validated"] is True
    assert methods(client)[card]["validated"] is True
    error = assert_error(verification(client, card), 409, "conflict")
    assert error["details"] == {"validated": True}


def test_three_wrong_answers_fail_the_challenge(client: httpx.Client, app: SandboxApp) -> None:
    card = add_card(client).json()["id"]
    verification(client, card)
    first = pending_challenge(app.db, card)
    assert first is not None
    wrong = "0.00"
    replayed = verification(client, card, wrong, key="k-wrong")
    assert verification(client, card, wrong, key="k-wrong").headers["idempotent-replayed"] == "true"
    assert replayed.json()["error"]["message"] == "the answer is wrong: 2 attempts left"
    assert verification(client, card, wrong).json()["error"]["message"] == (
        "the answer is wrong: 1 attempt left"
    )  # fmt: skip
    last = verification(client, card, wrong).json()["error"]
    assert last["details"] == {
        "answer": "does not match the amount charged; no attempts left: start a new challenge"
    }  # fmt: skip
    assert pending_challenge(app.db, card) is None
    locked = assert_error(verification(client, card, first.answer), 409, "conflict")
    assert locked["details"] == {"status": "failed"}
    assert methods(client)[card]["validated"] is False
    restarted = verification(client, card).json()
    assert (restarted["status"], restarted["attempts_left"]) == ("pending", 3)
    second = pending_challenge(app.db, card)
    assert second is not None
    assert verification(client, card, second.answer).json()["status"] == "verified"


def test_a_challenge_expires_after_a_week(client: httpx.Client, app: SandboxApp) -> None:
    card = add_card(client).json()["id"]
    verification(client, card)
    challenge = pending_challenge(app.db, card)
    assert challenge is not None
    advance_clock(app.db, 8)
    assert pending_challenge(app.db, card) is None
    assert_error(verification(client, card, challenge.answer), 409, "conflict")
    assert verification(client, card).json()["attempts_left"] == 3


def test_answering_before_starting_is_409(client: httpx.Client) -> None:
    card = add_card(client).json()["id"]
    error = assert_error(verification(client, card, "0.37"), 409, "conflict")
    assert error["details"] == {"status": None}


def test_verification_refusals(client: httpx.Client, bruno: httpx.Client, db_path: Path) -> None:
    assert_error(verification(client, VISA_ID), 409, "conflict")  # already validated
    assert_error(verification(client, BRUNO_CARD_ID), 404, "not_found")
    assert_error(verification(bruno, MASTERCARD_ID), 404, "not_found")
    refused = add_card(client, REFUSED_VISA).json()["id"]
    error = assert_error(verification(client, refused), 402, "payment_failed")
    assert error["details"] == {"payment_method_id": refused}
    assert verification(client, refused, "0.37").status_code == 409  # nothing was started
    sql(db_path, "UPDATE payment_methods SET exp_year = 2026, exp_month = 10 WHERE id = ?",
        MASTERCARD_ID)  # fmt: skip
    assert_error(verification(client, MASTERCARD_ID), 402, "card_expired")
    path = f"/v1/payment-methods/{MASTERCARD_ID}/verification"
    assert details(post(client, path, {"answer": 0.37})) == {
        "answer": 'must be the amount charged as a string, such as "0.37", or null'
    }  # fmt: skip
    assert_error(client.post(path), 400, "idempotency_key_required")


def test_a_bank_account_is_verified_by_a_micro_debit(client: httpx.Client, app: SandboxApp) -> None:
    account = add_bank(client).json()["id"]
    body = verification(client, account).json()
    assert "debited from the bank account ending 1332" in body["instructions"]
    challenge = pending_challenge(app.db, account)
    assert challenge is not None
    assert verification(client, account, challenge.answer).json()["payment_method"]["validated"]


def test_the_challenge_control_endpoint(db_path: Path) -> None:
    app = SandboxApp(db_path, control=True)
    with make_client(app, DEMO_API_KEY) as client:
        card = add_card(client).json()["id"]
        assert_error(client.get(f"/_sandbox/payment-methods/{card}/challenge"), 404, "not_found")
        verification(client, card)
        shown = client.get(f"/_sandbox/payment-methods/{card}/challenge").json()
        assert shown == {"payment_method_id": card, "method": "the card ending 4242",
                         "status": "pending", "answer": shown["answer"], "attempts_left": 3,
                         "expires_at": shown["expires_at"]}  # fmt: skip
        assert verification(client, card, shown["answer"]).json()["status"] == "verified"


# -- default and removal -----------------------------------------------------------------------


def test_make_a_method_the_default(client: httpx.Client, bruno: httpx.Client) -> None:
    answer = client.post(f"/v1/payment-methods/{BANK_ID}/default")
    assert answer.status_code == 200
    assert answer.json()["is_default"] is True
    assert {m["id"] for m in methods(client).values() if m["is_default"]} == {BANK_ID}
    assert methods(bruno)[BRUNO_CARD_ID]["is_default"] is True  # another account: untouched
    assert_error(client.post(f"/v1/payment-methods/{BRUNO_CARD_ID}/default"), 404, "not_found")
    assert_error(client.post("/v1/payment-methods/999/default"), 404, "not_found")


def test_remove_an_unused_method(client: httpx.Client, db_path: Path) -> None:
    answer = client.delete(f"/v1/payment-methods/{MASTERCARD_ID}")
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"id": MASTERCARD_ID,
                             "recurring_removed": {"services": [], "domains": []}}  # fmt: skip
    assert MASTERCARD_ID not in methods(client)
    assert sql(db_path, "SELECT deleted FROM payment_methods WHERE id = ?", MASTERCARD_ID) == [(1,)]
    assert_error(client.delete(f"/v1/payment-methods/{MASTERCARD_ID}"), 404, "not_found")
    assert_error(client.post(f"/v1/payment-methods/{MASTERCARD_ID}/default"), 404, "not_found")
    assert_error(verification(client, MASTERCARD_ID), 404, "not_found")


def test_a_method_in_use_is_removed_only_by_force(client: httpx.Client, db_path: Path) -> None:
    recurring = sorted(
        d["name"] for d in client.get("/v1/domains", params={"per_page": 500}).json()["data"]
        if d["recurring"]["enabled"]
    )  # fmt: skip
    error = assert_error(client.delete(f"/v1/payment-methods/{VISA_ID}"), 409, "conflict")
    assert error["details"] == {"services": [HOSTING], "domains": recurring}
    assert VISA_ID in methods(client)
    assert_error(client.delete(f"/v1/payment-methods/{VISA_ID}", params={"force": "yes"}), 422,
                 "validation_failed")  # fmt: skip
    forced = client.delete(f"/v1/payment-methods/{VISA_ID}", params={"force": "true"})
    assert forced.status_code == 200
    assert forced.json() == {"id": VISA_ID,
                             "recurring_removed": {"services": [HOSTING], "domains": recurring}}  # fmt: skip
    assert client.get(f"/v1/services/{HOSTING}").json()["payment_method_id"] is None
    for name in recurring:
        assert domain(client, name)["recurring"] == {"enabled": False, "payment_method_id": None,
                                                     "contact_id": None}  # fmt: skip
    assert not any(m["is_default"] for m in methods(client).values())


def test_removing_another_accounts_method_is_404(client: httpx.Client, bruno: httpx.Client) -> None:
    assert_error(client.delete(f"/v1/payment-methods/{BRUNO_CARD_ID}"), 404, "not_found")
    assert_error(bruno.delete(f"/v1/payment-methods/{BANK_ID}", params={"force": "true"}), 404,
                 "not_found")  # fmt: skip
    assert BRUNO_CARD_ID in methods(bruno)
    assert BANK_ID in methods(client)

"""Paying invoices by hand (credit, card, transfer), overdue invoices, the PDF and the
bank-transfer details."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from clientarea_cli.sandbox import SandboxApp
from clientarea_cli.sandbox.seed.common import BANK_ID, BRUNO_CARD_ID, MASTERCARD_ID, VISA_ID
from clientarea_cli.sandbox.transfers import TransferConflict, approve_transfer

from .money_helpers import DECLINED_VISA, post, verified_card, wallet
from .test_sandbox_api import assert_error
from .test_sandbox_domain_actions import API_GARCIA_IO, details, domain, sql

DOMAINS_5006, HOSTING_5007, START_5009, EMAIL_5008 = 5006, 5007, 5009, 5008
PAID_5003, CANCELLED_5004, REFUNDED_5005, BRUNO_5011 = 5003, 5004, 5005, 5011
HOSTING, EMAIL = 101, 103


def eur(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "EUR"}


def pay(client: httpx.Client, invoice: int, key: str | None = "new", **body: Any) -> httpx.Response:
    return post(client, f"/v1/invoices/{invoice}/payments", body, key)


def invoice(client: httpx.Client, invoice_id: int) -> dict[str, Any]:
    answer = client.get(f"/v1/invoices/{invoice_id}")
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()
    return result


def big_invoice(client: httpx.Client) -> dict[str, Any]:
    """A renewal of api-garcia.io for 3 years: 141.57 EUR, more than the 85.50 of credit."""
    answer = post(client, f"/v1/domains/{API_GARCIA_IO}/renewal", {"years": 3})
    assert answer.status_code == 201, answer.text
    result: dict[str, Any] = answer.json()
    assert result["total"] == eur("141.57")
    return result


def state(db_path: Path) -> list[Any]:
    """Everything a payment could change."""
    return [sql(db_path, f"SELECT * FROM {table} ORDER BY 1")
            for table in ("invoices", "wallet_movements", "invoice_payments", "domains",
                          "services", "addons")]  # fmt: skip


# -- credit, card, both ------------------------------------------------------------------------


def test_pay_with_credit_only(client: httpx.Client) -> None:
    answer = pay(client, HOSTING_5007, use_credit=True)
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert set(body) == {"id", "invoice_id", "status", "credit_applied", "charged", "method",
                         "payment_method_id", "transfer", "invoice", "created_at"}  # fmt: skip
    assert (body["invoice_id"], body["status"], body["method"], body["transfer"]) == (
        HOSTING_5007, "completed", None, None
    )  # fmt: skip
    assert (body["credit_applied"], body["charged"]) == (eur("22.32"), eur("0.00"))
    paid = body["invoice"]
    assert paid == invoice(client, HOSTING_5007)
    assert (paid["status"], paid["paid_date"], paid["balance"]) == (
        "paid",
        "2026-11-22",
        eur("0.00"),
    )
    assert wallet(client)["balance"] == eur("63.18")
    # A paid service renewal moves the service and its add-ons by one cycle.
    service = client.get(f"/v1/services/{HOSTING}").json()
    assert service["next_due_date"] == "2026-12-30"
    assert [a["next_due_date"] for a in service["addons"]] == ["2026-12-30", "2026-12-30"]


def test_credit_first_then_the_card(client: httpx.Client) -> None:
    renewal = big_invoice(client)
    answer = pay(client, renewal["id"], use_credit=True, method="card", payment_method_id=VISA_ID)
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert (body["credit_applied"], body["charged"]) == (eur("85.50"), eur("56.07"))
    assert (body["method"], body["payment_method_id"]) == ("card", VISA_ID)
    assert body["invoice"]["status"] == "paid"
    assert body["invoice"]["credit_applied"] == eur("85.50")
    assert wallet(client)["balance"] == eur("0.00")
    assert domain(client, API_GARCIA_IO)["expiry_date"] == "2030-01-06"  # mark_paid renewed it


def test_the_card_alone_and_the_default_method(client: httpx.Client) -> None:
    answer = pay(client, DOMAINS_5006, method="card")
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert (body["credit_applied"], body["charged"], body["payment_method_id"]) == (
        eur("0.00"), eur("29.03"), VISA_ID
    )  # fmt: skip
    assert wallet(client)["balance"] == eur("85.50")
    assert domain(client, "codigo-abierto.dev")["expiry_date"] == "2027-12-22"


def test_a_bank_account_pays_by_direct_debit(client: httpx.Client) -> None:
    body = pay(client, EMAIL_5008, method="card", payment_method_id=BANK_ID).json()
    assert (body["charged"], body["invoice"]["status"]) == (eur("36.12"), "paid")
    # A paid invoice of a suspended service makes it active again, one quarter further.
    service = client.get(f"/v1/services/{EMAIL}").json()
    assert (service["status"], service["next_due_date"]) == ("active", "2027-01-27")


def test_credit_that_covers_everything_charges_nothing(client: httpx.Client) -> None:
    body = pay(client, DOMAINS_5006, use_credit=True, method="card").json()
    assert (body["credit_applied"], body["charged"], body["status"]) == (
        eur("29.03"), eur("0.00"), "completed"
    )  # fmt: skip


def test_insufficient_credit_changes_nothing(client: httpx.Client, db_path: Path) -> None:
    renewal = big_invoice(client)
    before = state(db_path)
    error = assert_error(pay(client, renewal["id"], use_credit=True), 402, "insufficient_credit")
    assert error["details"] == {"balance": eur("141.57"), "credit": eur("85.50")}
    assert "85.50 EUR" in error["message"]
    assert "141.57 EUR" in error["message"]
    assert state(db_path) == before


def test_a_declined_card_applies_no_credit_either(
    client: httpx.Client, app: SandboxApp, db_path: Path
) -> None:
    card = verified_card(client, app, DECLINED_VISA)
    renewal = big_invoice(client)
    before = state(db_path)
    answer = pay(client, renewal["id"], key="k-declined", use_credit=True, method="card",
                 payment_method_id=card)  # fmt: skip
    error = assert_error(answer, 402, "payment_failed")
    assert error["details"] == {"payment_method_id": card}
    assert state(db_path) == before
    assert wallet(client)["balance"] == eur("85.50")
    replay = pay(client, renewal["id"], key="k-declined", use_credit=True, method="card",
                 payment_method_id=card)  # fmt: skip
    assert (replay.status_code, replay.headers["idempotent-replayed"]) == (402, "true")


def test_an_expired_card_is_402(client: httpx.Client, db_path: Path) -> None:
    sql(db_path, "UPDATE payment_methods SET exp_year = 2026, exp_month = 10 WHERE id = ?", VISA_ID)
    renewal = big_invoice(client)
    before = state(db_path)
    error = assert_error(pay(client, renewal["id"], use_credit=True, method="card"), 402,
                         "card_expired")  # fmt: skip
    assert error["message"] == "The card ending 4242 expired in 2026-10."
    assert state(db_path) == before
    # When the credit covers the whole balance, the card is not charged at all.
    covered = pay(client, DOMAINS_5006, use_credit=True, method="card")
    assert covered.status_code == 201
    assert covered.json()["charged"] == eur("0.00")


@pytest.mark.parametrize(
    ("body", "problems"),
    [
        ({}, {"method": "give use_credit: true, a method (card or transfer), or both"}),
        ({"use_credit": False}, {"method": "give use_credit: true, a method (card or transfer),"
                                           " or both"}),
        ({"method": "cash"}, {"method": "must be card, transfer or null (credit only)"}),
        ({"use_credit": "yes", "method": "card"}, {"use_credit": "must be true or false"}),
        ({"method": "transfer", "payment_method_id": VISA_ID},
         {"payment_method_id": "is only for method: card"}),
        ({"method": "card", "payment_method_id": "4242"},
         {"payment_method_id": "must be the id of a stored payment method, or null"}),
        ({"method": "card", "payment_method_id": MASTERCARD_ID},
         {"payment_method_id": "the card ending 4444 is not validated yet; answer its"
                               " verification challenge first"}),
        ({"method": "card", "payment_method_id": BRUNO_CARD_ID},
         {"payment_method_id": "no such payment method in this account"}),
        ({"use_credit": True, "amount": "1"}, {"amount": "is not a field of this request"}),
    ],
)  # fmt: skip
def test_a_bad_request_is_422_and_changes_nothing(
    client: httpx.Client, db_path: Path, body: dict[str, Any], problems: dict[str, str]
) -> None:
    before = state(db_path)
    assert details(pay(client, DOMAINS_5006, **body)) == problems
    assert state(db_path) == before


def test_without_a_default_method_the_card_must_be_named(
    client: httpx.Client, db_path: Path
) -> None:
    sql(db_path, "UPDATE payment_methods SET is_default = 0")
    assert details(pay(client, DOMAINS_5006, method="card")) == {
        "payment_method_id": "the account has no default payment method: give payment_method_id"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("invoice_id", "status"),
    [(PAID_5003, "paid"), (CANCELLED_5004, "cancelled"), (REFUNDED_5005, "refunded")],
)
def test_an_invoice_that_is_not_due_is_409(
    client: httpx.Client, invoice_id: int, status: str
) -> None:
    error = assert_error(pay(client, invoice_id, use_credit=True), 409, "conflict")
    assert error["details"] == {"status": status}
    assert wallet(client)["balance"] == eur("85.50")


def test_paying_twice(client: httpx.Client) -> None:
    first = pay(client, HOSTING_5007, key="k-pay", use_credit=True)
    replay = pay(client, HOSTING_5007, key="k-pay", use_credit=True)
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.json() == first.json()
    assert wallet(client)["balance"] == eur("63.18")  # one payment movement
    assert_error(pay(client, HOSTING_5007, use_credit=True), 409, "conflict")  # a new key
    assert_error(pay(client, HOSTING_5007, key=None, use_credit=True), 400,
                 "idempotency_key_required")  # fmt: skip


def test_another_accounts_invoice_is_404(client: httpx.Client, bruno: httpx.Client) -> None:
    assert_error(pay(client, BRUNO_5011, use_credit=True), 404, "not_found")
    assert_error(pay(bruno, DOMAINS_5006, method="card", payment_method_id=BRUNO_CARD_ID), 404,
                 "not_found")  # fmt: skip
    assert invoice(client, DOMAINS_5006)["status"] == "unpaid"
    for path in ("pdf", "transfer-details"):
        assert_error(client.get(f"/v1/invoices/{BRUNO_5011}/{path}"), 404, "not_found")
        assert_error(bruno.get(f"/v1/invoices/{DOMAINS_5006}/{path}"), 404, "not_found")


# -- bank transfer -----------------------------------------------------------------------------


def test_pay_by_transfer_then_the_provider_confirms(
    client: httpx.Client, app: SandboxApp, db_path: Path
) -> None:
    pay(client, DOMAINS_5006, method="transfer")  # announced twice: one transfer arrives
    body = pay(client, DOMAINS_5006, method="transfer").json()
    assert (body["status"], body["charged"], body["credit_applied"]) == (
        "pending", eur("0.00"), eur("0.00")
    )  # fmt: skip
    transfer = body["transfer"]
    assert (transfer["reference"], transfer["amount"]) == ("INV-2026-5006", eur("29.03"))
    assert [a["bank"] for a in transfer["bank_accounts"]] == ["Banco Sandbox", "Caja Demo",
                                                              "Banco Ejemplo"]  # fmt: skip
    assert body["invoice"]["status"] == "unpaid"
    approval = approve_transfer(app.db, "inv-2026-5006")
    assert approval.line() == (
        "Transfer INV-2026-5006 approved: invoice INV-2026-5006 of ana@example.com paid (29.03 EUR)"
    )
    assert invoice(client, DOMAINS_5006)["status"] == "paid"
    assert domain(client, "codigo-abierto.dev")["expiry_date"] == "2027-12-22"
    assert sql(db_path, "SELECT status, method, charged FROM invoice_payments ORDER BY id") == [
        ("completed", "transfer", "0.00"), ("completed", "transfer", "29.03")
    ]  # fmt: skip
    with pytest.raises(TransferConflict, match="is paid: nothing is due"):
        approve_transfer(app.db, "INV-2026-5006")


def test_transfer_after_part_credit(client: httpx.Client, app: SandboxApp) -> None:
    renewal = big_invoice(client)
    body = pay(client, renewal["id"], use_credit=True, method="transfer").json()
    assert body["credit_applied"] == eur("85.50")
    assert body["transfer"]["amount"] == eur("56.07")
    assert client.get(f"/v1/invoices/{renewal['id']}/transfer-details").json()["amount"] == eur(
        "56.07"
    )
    approve_transfer(app.db, renewal["number"])
    assert invoice(client, renewal["id"])["status"] == "paid"


def test_transfer_with_enough_credit_is_completed(client: httpx.Client) -> None:
    body = pay(client, DOMAINS_5006, use_credit=True, method="transfer").json()
    assert (body["status"], body["transfer"]) == ("completed", None)


def test_a_transfer_needs_no_announced_payment(client: httpx.Client, app: SandboxApp,
                                               db_path: Path) -> None:  # fmt: skip
    approve_transfer(app.db, "INV-2026-5009")
    assert invoice(client, START_5009)["status"] == "paid"
    assert sql(db_path, "SELECT invoice_id, status, reference FROM invoice_payments") == [
        (START_5009, "completed", "INV-2026-5009")
    ]  # fmt: skip
    service = client.get("/v1/services/104").json()  # the pending order is active once paid
    assert (service["status"], service["next_due_date"]) == ("active", "2027-05-16")


def test_transfer_details(client: httpx.Client, bruno: httpx.Client) -> None:
    details_5006 = client.get(f"/v1/invoices/{DOMAINS_5006}/transfer-details").json()
    assert set(details_5006) == {"reference", "amount", "bank_accounts"}
    assert (details_5006["reference"], details_5006["amount"]) == ("INV-2026-5006", eur("29.03"))
    error = assert_error(client.get(f"/v1/invoices/{PAID_5003}/transfer-details"), 409, "conflict")
    assert error["details"] == {"status": "paid"}
    chf = bruno.get(f"/v1/invoices/{BRUNO_5011}/transfer-details").json()
    assert chf["amount"] == {"amount": "15.13", "currency": "CHF"}
    assert [a["iban"][:2] for a in chf["bank_accounts"]] == ["CH"]


# -- overdue -----------------------------------------------------------------------------------


def test_overdue_is_unpaid_past_its_due_date(client: httpx.Client) -> None:
    def ids(status: str) -> list[int]:
        answer = client.get("/v1/invoices", params={"status": status}).json()
        return sorted(i["id"] for i in answer["data"])

    assert ids("overdue") == [EMAIL_5008, START_5009]
    assert ids("unpaid") == [DOMAINS_5006, HOSTING_5007, EMAIL_5008, START_5009]
    assert invoice(client, EMAIL_5008)["status"] == "overdue"
    assert invoice(client, HOSTING_5007)["status"] == "unpaid"  # due 2026-11-30
    pay(client, EMAIL_5008, use_credit=True)
    assert ids("overdue") == [START_5009]
    assert ids("paid") == [5001, 5002, 5003, EMAIL_5008]
    details(client.get("/v1/invoices", params={"status": "late"}))


# -- the PDF -----------------------------------------------------------------------------------


def test_the_invoice_pdf(client: httpx.Client) -> None:
    answer = client.get(f"/v1/invoices/{DOMAINS_5006}/pdf")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/pdf"
    assert answer.headers["content-disposition"] == 'attachment; filename="INV-2026-5006.pdf"'
    assert answer.headers["x-provider-date"] == "2026-11-22"
    data = answer.content
    assert data.startswith(b"%PDF-1.4\n")
    assert data.endswith(b"%%EOF\n")
    # Text is in PDF string literals, where parentheses are escaped.
    for text in (b"Invoice INV-2026-5006", b"Domain renewal - codigo-abierto.dev \\(1 year\\)",
                 b"Ana Garc\xeda", b"29.03 EUR", b"VAT 21%", b"ES6890000001200123456789",
                 b"Sandbox Hosting"):  # fmt: skip
        assert text in data, text
    # The cross-reference table points at every object exactly.
    start = int(re.findall(rb"startxref\n(\d+)\n", data)[0])
    assert data[start:].startswith(b"xref\n0 ")
    offsets = [int(o) for o in re.findall(rb"(\d{10}) 00000 n ", data)]
    assert len(offsets) >= 7
    for number, offset in enumerate(offsets, start=1):
        assert data[offset:].startswith(f"{number} 0 obj\n".encode())
    for length, stream in re.findall(rb"/Length (\d+) >>\nstream\n(.*?)\nendstream", data, re.S):
        assert int(length) == len(stream)


def test_a_paid_invoice_pdf_and_many_lines(client: httpx.Client, db_path: Path) -> None:
    data = client.get(f"/v1/invoices/{PAID_5003}/pdf").content
    assert b"Status: paid \\(2026-09-25\\)" in data
    assert b"Pay by bank transfer" not in data
    sql(db_path, "INSERT INTO invoice_items (invoice_id, description, type, related_id, amount)"
                 " SELECT 5006, 'Extra line (' || value || ')', 'other', NULL, '1.00'"
                 " FROM json_each('[" + ",".join(str(n) for n in range(120)) + "]')")  # fmt: skip
    many = client.get(f"/v1/invoices/{DOMAINS_5006}/pdf").content
    assert many.count(b"/Type /Page ") == 3
    assert b"Extra line \\(119\\)" in many

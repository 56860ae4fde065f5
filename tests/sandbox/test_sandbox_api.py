"""The implemented read endpoints: auth, shapes, headers, errors, tenant isolation."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from clientarea_cli.sandbox import SandboxApp
from clientarea_cli.sandbox.routes.pending import PENDING
from clientarea_cli.sandbox.seed.common import (
    BANK_ID,
    BILLING_CONTACT_ID,
    BRUNO_CARD_ID,
    BRUNO_CONTACT_ID,
    MASTERCARD_ID,
    VISA_ID,
)

from .helpers import TODAY

AMOUNT = re.compile(r"^-?\d+\.\d{2}$")
IMPLEMENTED = [
    "/v1/account",
    "/v1/services",
    "/v1/services/101",
    "/v1/domains",
    "/v1/domains/1001",
    "/v1/invoices",
    "/v1/invoices/5001",
    "/v1/wallet",
    "/v1/wallet/movements",
    "/v1/payment-methods",
    "/v1/contacts",
    "/v1/operations/some-key",
    "/v1/wallet/terms",
    "/v1/wallet/top-ups",
    "/v1/invoices/5006/transfer-details",
]


def assert_money(value: Any, currency: str = "EUR") -> None:
    assert set(value) == {"amount", "currency"}
    assert isinstance(value["amount"], str)
    assert AMOUNT.match(value["amount"]), value
    assert value["currency"] == currency


def assert_error(answer: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str)
    assert body["error"]["message"]
    error: dict[str, Any] = body["error"]
    return error


@pytest.mark.parametrize("path", IMPLEMENTED)
def test_no_key_is_401(anon: httpx.Client, path: str) -> None:
    answer = anon.get(path)
    assert_error(answer, 401, "unauthorized")
    assert answer.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    "header", ["Bearer sk_sandbox_wrong", "Basic dXNlcjpwYXNz", "Bearer", "sk_sandbox_demo"]
)
def test_wrong_key_is_401(anon: httpx.Client, header: str) -> None:
    assert_error(anon.get("/v1/account", headers={"Authorization": header}), 401, "unauthorized")


def test_provider_needs_no_auth(anon: httpx.Client, app: SandboxApp) -> None:
    answer = anon.get("/v1/provider")
    assert answer.status_code == 200
    body = answer.json()
    assert body["name"] == "Sandbox Hosting"
    assert body["api_version"] == "1"
    assert body["today"] == TODAY.isoformat()
    assert body["currency"] == "EUR"
    assert [m["amount"] for m in body["top_up_presets"]] == [
        "50.00", "100.00", "150.00", "200.00", "250.00"
    ]  # fmt: skip
    assert {"getProvider", "listDomains", "getDomain", "getWallet"} <= set(body["operations"])
    domain_actions = {"updateDomain", "setDomainRecurring", "renewDomain",
                      "getDomainNameservers", "setDomainNameservers", "bulkDomains"}  # fmt: skip
    assert domain_actions <= set(body["operations"])
    money_side = {"createTopUp", "listTopUps", "getTopUp", "uploadTopUpProof", "getWalletTerms",
                  "addCard", "addBankAccount", "verifyPaymentMethod", "deletePaymentMethod",
                  "setDefaultPaymentMethod", "setServicePaymentMethod", "payInvoice",
                  "getInvoicePdf", "getInvoiceTransferDetails"}  # fmt: skip
    assert money_side <= set(body["operations"])
    assert not {operation for _, _, operation in PENDING} & set(body["operations"])
    assert body["operations"] == app.router.operations()


@pytest.mark.parametrize("path", ["/v1/provider", *IMPLEMENTED])
def test_every_answer_carries_json_and_the_business_date(client: httpx.Client, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/json"
    assert answer.headers["x-provider-date"] == TODAY.isoformat()


def test_error_answers_carry_the_business_date(client: httpx.Client, anon: httpx.Client) -> None:
    for answer in (client.get("/nope"), anon.get("/v1/account"), client.get("/v1/tickets")):
        assert answer.headers["x-provider-date"] == TODAY.isoformat()


def test_account(client: httpx.Client, bruno: httpx.Client) -> None:
    ana = client.get("/v1/account").json()
    assert ana["id"] == 1
    assert ana["email"] == "ana@example.com"
    assert (ana["first_name"], ana["last_name"]) == ("Ana", "García")
    assert ana["company"] == "Garcia Hosting SL"
    assert (ana["country"], ana["currency"]) == ("ES", "EUR")
    assert ana["email_verified"] is True
    assert ana["created_at"].endswith("Z")
    keys = {"id", "email", "first_name", "last_name", "company", "address1", "address2", "city",
            "state", "postcode", "country", "phone", "tax_id", "currency", "language",
            "email_verified", "security_question", "created_at"}  # fmt: skip
    assert set(ana) == keys
    other = bruno.get("/v1/account").json()
    assert (other["email"], other["country"], other["currency"]) == (
        "bruno@example.org", "CH", "CHF"
    )  # fmt: skip


def test_services_list_and_detail(client: httpx.Client) -> None:
    body = client.get("/v1/services").json()
    services = body["data"]
    assert body["meta"]["total"] == len(services) >= 6
    assert [s["id"] for s in services] == sorted(s["id"] for s in services)
    hosting = client.get("/v1/services/101").json()
    assert hosting == services[0]
    assert set(hosting) == {
        "id", "product", "group", "domain", "status", "billing_cycle", "first_payment",
        "recurring_amount", "registration_date", "next_due_date", "payment_method_id", "addons",
    }  # fmt: skip
    assert_money(hosting["first_payment"])
    assert_money(hosting["recurring_amount"])
    assert hosting["payment_method_id"] == VISA_ID
    assert [a["name"] for a in hosting["addons"]] == ["Daily Backups", "Dedicated IP"]
    for addon in hosting["addons"]:
        assert set(addon) == {"id", "name", "status", "billing_cycle", "recurring_amount",
                              "next_due_date"}  # fmt: skip
        assert_money(addon["recurring_amount"])


def test_domain_detail_by_id_and_by_name(client: httpx.Client) -> None:
    by_id = client.get("/v1/domains/1002").json()
    assert by_id == client.get("/v1/domains/anagarcia.com").json()
    assert by_id == client.get("/v1/domains/AnaGarcia.com").json()
    assert set(by_id) == {
        "id", "name", "tld", "status", "registration_date", "expiry_date", "next_due_date",
        "registration_period", "recurring_amount", "auto_renew", "registrar_lock",
        "id_protection", "recurring", "nameservers",
    }  # fmt: skip
    assert set(by_id["recurring"]) == {"enabled", "payment_method_id", "contact_id"}
    assert_money(by_id["recurring_amount"])
    assert 2 <= len(by_id["nameservers"]) <= 5
    assert_error(client.get("/v1/domains/nosuch.es"), 404, "not_found")
    assert_error(client.get("/v1/domains/999999"), 404, "not_found")


def test_invoice_shape_and_money(client: httpx.Client) -> None:
    invoice = client.get("/v1/invoices/5003").json()
    assert set(invoice) == {
        "id", "number", "status", "date", "due_date", "paid_date", "subtotal", "tax", "total",
        "credit_applied", "balance", "items",
    }  # fmt: skip
    assert invoice["status"] == "paid"
    for field in ("subtotal", "tax", "total", "credit_applied", "balance"):
        assert_money(invoice[field])
    assert invoice["total"]["amount"] == "289.67"
    assert invoice["credit_applied"]["amount"] == "102.46"
    assert invoice["balance"]["amount"] == "0.00"
    assert invoice["items"] == [{
        "description": "VPS M - anagarcia.com (annually)", "type": "service", "related_id": 102,
        "amount": {"amount": "239.40", "currency": "EUR"},
    }]  # fmt: skip
    overdue = client.get("/v1/invoices/5008").json()
    assert overdue["status"] == "overdue"
    assert overdue["balance"] == overdue["total"]


def test_wallet_and_movements(client: httpx.Client) -> None:
    wallet = client.get("/v1/wallet").json()
    assert set(wallet) == {"balance", "pending_top_ups", "top_up_presets", "terms_url"}
    assert wallet["balance"] == {"amount": "85.50", "currency": "EUR"}
    assert wallet["pending_top_ups"] == {"amount": "100.00", "currency": "EUR"}
    movements = client.get("/v1/wallet/movements").json()["data"]
    assert movements[0]["balance_after"] == wallet["balance"]
    dates = [m["date"] for m in movements]
    assert dates == sorted(dates, reverse=True)
    assert {m["kind"] for m in movements} == {"top_up", "payment", "refund"}
    for movement in movements:
        assert set(movement) == {"id", "date", "kind", "description", "amount", "balance_after",
                                 "reference", "invoice_id"}  # fmt: skip
        assert_money(movement["amount"])
        assert movement["amount"]["amount"].startswith("-") == (movement["kind"] == "payment")


def test_payment_methods(client: httpx.Client) -> None:
    methods = {m["id"]: m for m in client.get("/v1/payment-methods").json()["data"]}
    assert set(methods) == {VISA_ID, MASTERCARD_ID, BANK_ID}
    assert methods[VISA_ID]["expiry"] == "2026-12"
    assert methods[BANK_ID]["expiry"] is None
    for method in methods.values():
        assert set(method) == {"id", "type", "brand", "last4", "holder", "expiry", "validated",
                               "is_default"}  # fmt: skip


def test_contacts(client: httpx.Client) -> None:
    contacts = client.get("/v1/contacts").json()["data"]
    assert len(contacts) == 2
    billing = client.get(f"/v1/contacts/{BILLING_CONTACT_ID}").json()
    assert billing["is_billing"] is True
    assert "invoice" in billing["email_kinds"]


def test_operation_of_an_unknown_key(client: httpx.Client) -> None:
    assert client.get("/v1/operations/4b7c1d").json() == {
        "key": "4b7c1d", "status": "unknown", "http_status": None, "response": None
    }  # fmt: skip


def test_an_operation_without_a_handler_answers_501_after_auth(
    app: SandboxApp, client: httpx.Client, anon: httpx.Client
) -> None:
    """Every contract operation is built; one registered without a handler still answers 501."""
    app.router.add("GET", "/v1/later", "laterOperation", None)
    assert_error(anon.get("/v1/later"), 401, "unauthorized")
    error = assert_error(client.get("/v1/later"), 501, "not_implemented")
    assert error["message"] == "laterOperation is not implemented by the sandbox yet"
    assert error["details"] is None


def test_password_reset_needs_no_auth(anon: httpx.Client) -> None:
    assert anon.post("/v1/password-reset", json={"email": "a@example.com"}).status_code == 202


def test_unknown_path_is_404_and_wrong_method_405(client: httpx.Client) -> None:
    assert_error(client.get("/v2/domains"), 404, "not_found")
    assert_error(client.get("/v1/domains/1001/whatever"), 404, "not_found")
    answer = client.delete("/v1/domains")
    error = assert_error(answer, 405, "method_not_allowed")
    assert answer.headers["allow"] == "GET"
    assert error["details"] == {"allowed": ["GET"]}


@pytest.mark.parametrize(
    "path",
    ["/v1/invoices/5010", "/v1/domains/1045", "/v1/domains/keller-web.ch", "/v1/services/109",
     f"/v1/contacts/{BRUNO_CONTACT_ID}"],
)  # fmt: skip
def test_another_tenants_objects_are_404(client: httpx.Client, path: str) -> None:
    assert_error(client.get(path), 404, "not_found")


@pytest.mark.parametrize(
    "path",
    ["/v1/invoices/5001", "/v1/domains/1001", "/v1/domains/garcia-hosting.es", "/v1/services/101",
     f"/v1/contacts/{BILLING_CONTACT_ID}"],
)  # fmt: skip
def test_tenant_b_cannot_read_tenant_a(bruno: httpx.Client, path: str) -> None:
    assert_error(bruno.get(path), 404, "not_found")


def test_tenant_b_sees_only_its_own(bruno: httpx.Client) -> None:
    domains = bruno.get("/v1/domains").json()["data"]
    assert {d["name"] for d in domains} == {
        "keller-web.ch", "bruno-keller.com", "alpen-code.io", "zurich-apps.dev"
    }  # fmt: skip
    assert all(d["recurring_amount"]["currency"] == "CHF" for d in domains)
    assert [s["id"] for s in bruno.get("/v1/services").json()["data"]] == [109]
    assert [i["id"] for i in bruno.get("/v1/invoices").json()["data"]] == [5011, 5010]
    assert [m["id"] for m in bruno.get("/v1/payment-methods").json()["data"]] == [BRUNO_CARD_ID]
    assert [c["id"] for c in bruno.get("/v1/contacts").json()["data"]] == [BRUNO_CONTACT_ID]
    assert bruno.get("/v1/wallet").json()["balance"] == {"amount": "50.00", "currency": "CHF"}


def test_ids_that_are_not_numbers_are_404(client: httpx.Client) -> None:
    for path in ("/v1/invoices/abc", "/v1/services/-1", "/v1/invoices/1e3", "/v1/contacts/x"):
        assert_error(client.get(path), 404, "not_found")


def test_host_does_not_matter(app: SandboxApp) -> None:
    transport = httpx.WSGITransport(app=app)
    with httpx.Client(transport=transport, base_url="https://billing.example.com") as other:
        assert other.get("/v1/provider").status_code == 200

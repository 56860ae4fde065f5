"""The catalog, domain availability and orders on the sandbox: whole answers, refusals that
change nothing, promotion codes, credit only by hand, and what a paid order makes active."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import httpx
import pytest

from .test_sandbox_api import assert_error

TABLES = ("services", "domains", "invoices", "invoice_items", "wallet_movements", "orders",
          "order_items")  # fmt: skip


def state(db_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(db_path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in TABLES}
    finally:
        conn.close()


def key(n: int) -> dict[str, str]:
    return {"Idempotency-Key": f"catalog-key-{n}"}


def eur(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "EUR"}


def price(cycle: str, amount: str, setup: str = "0.00") -> dict[str, object]:
    return {"billing_cycle": cycle, "price": eur(amount), "setup_fee": eur(setup)}


# -- products -----------------------------------------------------------------------------------


def test_products_are_listed_in_the_catalogs_order(client: httpx.Client) -> None:
    answer = client.get("/v1/catalog/products").json()
    assert answer["meta"]["total"] == 12
    assert [(p["id"], p["name"], p["group"], p["type"]) for p in answer["data"]] == [
        (1, "Hosting Start", "Web Hosting", "hosting"),
        (2, "Hosting Pro", "Web Hosting", "hosting"),
        (3, "Hosting Business", "Web Hosting", "hosting"),
        (4, "WordPress Managed", "Web Hosting", "hosting"),
        (11, "VPS S", "VPS", "server"), (12, "VPS M", "VPS", "server"),
        (13, "VPS L", "VPS", "server"), (21, "Email Business", "Email", "email"),
        (31, "SSL Basic", "SSL Certificates", "ssl"), (32, "SSL Wildcard", "SSL Certificates", "ssl"),
        (41, "DNS Basic", "DNS", "other"), (51, "Website Migration", "Professional Services", "other"),
    ]  # fmt: skip
    vps = client.get("/v1/catalog/products", params={"group": "vps"}).json()["data"]
    assert [p["name"] for p in vps] == ["VPS S", "VPS M", "VPS L"]
    assert client.get("/v1/catalog/products", params={"group": "Boats"}).json()["data"] == []
    error = assert_error(client.get("/v1/catalog/products?group="), 422, "validation_failed")
    assert error["details"] == {"group": "must not be empty"}


def test_one_product_with_cycles_prices_and_add_ons(client: httpx.Client) -> None:
    assert client.get("/v1/catalog/products/11").json() == {
        "id": 11, "name": "VPS S", "group": "VPS", "type": "server",
        "description": "1 vCPU, 2 GB RAM, 40 GB NVMe.",
        "pricing": [price("monthly", "9.95", "10.00"), price("quarterly", "29.85"),
                    price("annually", "119.40"), price("biennially", "227.76")],
        "addons": [
            {"id": 302, "name": "Dedicated IP", "description": "An IPv4 address of your own.",
             "pricing": [price("monthly", "2.50", "5.00"), price("annually", "27.00", "5.00")]},
            {"id": 311, "name": "Snapshot Pack", "description": "Five snapshots of the server's disk.",
             "pricing": [price("monthly", "2.00"), price("annually", "24.00")]},
        ],
        "requires_domain": False,
    }  # fmt: skip
    for missing in ("999", "x", "0"):
        assert_error(client.get(f"/v1/catalog/products/{missing}"), 404, "not_found")


def test_a_chf_client_sees_chf_prices(bruno: httpx.Client) -> None:
    pro = bruno.get("/v1/catalog/products/2").json()
    assert pro["pricing"][3] == {
        "billing_cycle": "annually",
        "price": {"amount": "155.40", "currency": "CHF"},
        "setup_fee": {"amount": "0.00", "currency": "CHF"},
    }


# -- availability -------------------------------------------------------------------------------


def test_availability_of_names(client: httpx.Client) -> None:
    names = ["nuevo-sitio.es", "Garcia-Hosting.ES.", "keller-web.ch", "bruno-keller.com",
             "abc.com", "google.net", "example.org", "foo.xyz", "bad_name.es", "a.b.es"]  # fmt: skip
    results = client.post("/v1/domains/availability", json={"names": names}).json()["results"]
    assert [(r["name"], r["available"], r["reason"]) for r in results] == [
        ("nuevo-sitio.es", True, None),
        ("garcia-hosting.es", False, "registered"),
        ("keller-web.ch", False, "TLD not offered"),  # Ana buys in EUR: no .ch
        ("bruno-keller.com", False, "registered"),  # another client's: taken, nothing more
        ("abc.com", False, "registered"),
        ("google.net", False, "registered"),
        ("example.org", False, "reserved"),
        ("foo.xyz", False, "TLD not offered"),
        ("bad_name.es", False, "invalid name"),
        ("a.b.es", False, "invalid name"),
    ]
    assert results[0] | {"name": None} == {
        "name": None, "available": True, "reason": None, "registration_price": eur("9.95"),
        "transfer_price": eur("9.95"), "renewal_price": eur("9.95"),
    }  # fmt: skip
    assert results[7]["registration_price"] is None


@pytest.mark.parametrize(
    ("body", "details"),
    [
        ({}, {"names": "is required: a list of 1 to 50 domain names"}),
        ({"names": []}, {"names": "is required: a list of 1 to 50 domain names"}),
        ({"names": [f"n{i}.es" for i in range(51)]},
         {"names": "is required: a list of 1 to 50 domain names"}),
        ({"names": ["ok.es", 5, ""], "tld": "es"},
         {"names.1": "must be a domain name of 1 to 253 characters",
          "names.2": "must be a domain name of 1 to 253 characters",
          "tld": "is not a field of this request"}),
    ],
)  # fmt: skip
def test_availability_bad_requests(
    client: httpx.Client, body: dict[str, Any], details: dict[str, str]
) -> None:
    answer = client.post("/v1/domains/availability", json=body)
    assert assert_error(answer, 422, "validation_failed")["details"] == details


# -- quotes and orders --------------------------------------------------------------------------

HOSTING_WITH_DOMAIN = {
    "product_id": 2, "billing_cycle": "monthly",
    "domain": {"name": "nuevo-sitio.es", "action": "register"},
}  # fmt: skip


def test_quote_with_a_percent_promotion(client: httpx.Client, db_path: Path) -> None:
    before = state(db_path)
    body = {**HOSTING_WITH_DOMAIN, "promo_code": "welcome10"}
    quote = client.post("/v1/orders/quote", json=body).json()
    # 12.95 + 9.95 = 22.90; 10 % = 2.29; 20.61 + 21 % VAT 4.3281 → 4.33 = 24.94.
    assert quote == {
        "items": [
            {"description": "Hosting Pro - nuevo-sitio.es (monthly)", "product_id": 2,
             "service_id": None, "domain": "nuevo-sitio.es", "amount": eur("12.95")},
            {"description": "Domain registration - nuevo-sitio.es - 1 year", "product_id": None,
             "service_id": None, "domain": "nuevo-sitio.es", "amount": eur("9.95")},
            {"description": "Promotion WELCOME10 - 10 % off the whole order", "product_id": None,
             "service_id": None, "domain": None, "amount": eur("-2.29")},
        ],
        "subtotal": eur("20.61"), "tax": eur("4.33"), "total": eur("24.94"),
        "promo_code": "WELCOME10",
    }  # fmt: skip
    assert state(db_path) == before


def test_quote_with_a_fixed_promotion_and_a_setup_fee(client: httpx.Client) -> None:
    body = {"product_id": 11, "billing_cycle": "monthly", "promo_code": "HOSTING5"}
    quote = client.post("/v1/orders/quote", json=body).json()
    # 9.95 + setup 10.00 − 5.00 = 14.95; VAT 3.1395 → 3.14; total 18.09.
    assert [(i["description"], i["amount"]["amount"]) for i in quote["items"]] == [
        ("VPS S - no domain (monthly)", "9.95"), ("Setup fee - VPS S", "10.00"),
        ("Promotion HOSTING5 - 5.00 off the product's first period", "-5.00"),
    ]  # fmt: skip
    assert (quote["subtotal"], quote["tax"], quote["total"]) == (
        eur("14.95"), eur("3.14"), eur("18.09")
    )  # fmt: skip


def test_order_without_credit_stays_pending_until_paid(client: httpx.Client, db_path: Path) -> None:
    created = client.post("/v1/orders", json=HOSTING_WITH_DOMAIN, headers=key(1))
    assert created.status_code == 201, created.text
    order = created.json()
    assert (order["id"], order["number"], order["status"], order["total"]) == (
        9001, "ORD-2026-9001", "pending", eur("27.71")
    )  # fmt: skip
    assert order["items"][0] == {
        "description": "Hosting Pro - nuevo-sitio.es (monthly)", "product_id": 2,
        "service_id": 110, "domain": "nuevo-sitio.es", "amount": eur("12.95"),
    }  # fmt: skip
    invoice = order["invoice"]
    assert (invoice["id"], invoice["status"], invoice["due_date"], invoice["credit_applied"]) == (
        5012, "unpaid", "2026-11-29", eur("0.00")
    )  # fmt: skip
    assert client.get("/v1/wallet").json()["balance"] == eur("85.50")  # credit only by hand
    service = client.get("/v1/services/110").json()
    assert (service["status"], service["next_due_date"]) == ("pending", "2026-11-22")
    domain = client.get("/v1/domains/nuevo-sitio.es").json()
    assert (domain["status"], domain["expiry_date"], domain["registrar_lock"]) == (
        "pending", "2027-11-22", False
    )  # fmt: skip
    client.post("/v1/invoices/5012/payments", headers=key(2),
                json={"use_credit": True, "method": None, "payment_method_id": None})  # fmt: skip
    assert client.get("/v1/orders/9001").json()["status"] == "active"
    service = client.get("/v1/services/110").json()
    assert (service["status"], service["next_due_date"]) == ("active", "2026-12-22")
    assert client.get("/v1/domains/nuevo-sitio.es").json()["status"] == "active"


def test_credit_pays_an_order_only_when_asked_and_as_far_as_it_goes(client: httpx.Client) -> None:
    small = {"product_id": 31, "billing_cycle": "annually",
             "domain": {"name": "anagarcia.com", "action": "existing"}, "use_credit": True}  # fmt: skip
    order = client.post("/v1/orders", json=small, headers=key(3)).json()
    # SSL Basic 9.00 + 21 % = 10.89, paid from the 85.50 of credit: active at once.
    assert (order["status"], order["invoice"]["status"]) == ("active", "paid")
    assert order["invoice"]["credit_applied"] == eur("10.89")
    service = client.get(f"/v1/services/{order['items'][0]['service_id']}").json()
    assert (service["status"], service["domain"], service["next_due_date"]) == (
        "active", "anagarcia.com", "2027-11-22"
    )  # fmt: skip
    big = {"product_id": 32, "billing_cycle": "annually",
           "domain": {"name": "garcia-hosting.es", "action": "existing"}, "use_credit": True}  # fmt: skip
    order = client.post("/v1/orders", json=big, headers=key(4)).json()
    # SSL Wildcard 89.00 + 21 % = 107.69: the 74.61 left is applied, 33.08 stays due.
    assert (order["invoice"]["credit_applied"], order["invoice"]["balance"]) == (
        eur("74.61"), eur("33.08")
    )  # fmt: skip
    assert order["status"] == "pending"
    assert client.get("/v1/wallet").json()["balance"] == eur("0.00")


def test_a_domain_transfer_and_a_free_order(client: httpx.Client) -> None:
    transfer = {"domain": {"name": "amigos-del-vino.com", "action": "transfer",
                           "epp_code": "Xy7#kL9q"}}  # fmt: skip
    quote = client.post("/v1/orders/quote", json=transfer)
    assert quote.status_code == 422  # not registered anywhere: register it instead
    transfer["domain"]["name"] = "google.com"
    order = client.post("/v1/orders", json=transfer, headers=key(6)).json()
    assert [(i["description"], i["amount"]["amount"]) for i in order["items"]] == [
        ("Domain transfer - google.com - 1 year", "12.99")
    ]
    assert "Xy7#kL9q" not in str(order)
    free = client.post("/v1/orders", json={"product_id": 41, "billing_cycle": "free"},
                       headers=key(7)).json()  # fmt: skip
    assert (free["status"], free["total"], free["invoice"]["status"]) == (
        "active", eur("0.00"), "paid"
    )  # fmt: skip
    service_id = free["items"][0]["service_id"]
    service = client.get(f"/v1/services/{service_id}").json()
    assert (service["status"], service["next_due_date"]) == ("active", None)


@pytest.mark.parametrize(
    ("body", "details"),
    [
        ({}, {"product_id": "give a product_id with its billing_cycle, a domain, or both"}),
        ({"product_id": 2}, {"billing_cycle": "is required with a product: one of monthly, "
                             "quarterly, semiannually, annually, biennially, triennially, "
                             "one_time, free"}),
        ({"product_id": 999, "billing_cycle": "monthly"},
         {"product_id": "no such product in the catalog"}),
        ({"product_id": 4, "billing_cycle": "quarterly",
          "domain": {"name": "nuevo-sitio.es", "action": "register"}},
         {"billing_cycle": "WordPress Managed is not offered quarterly (cycles: monthly, "
                           "annually, biennially)"}),
        ({"product_id": 2, "billing_cycle": "monthly"},
         {"domain": "Hosting Pro needs a domain: register, transfer or name an existing one"}),
        ({"product_id": 2, "billing_cycle": "monthly",
          "domain": {"name": "garcia-hosting.es", "action": "register"}},
         {"domain.name": "garcia-hosting.es is not available (registered)"}),
        ({"domain": {"name": "garcia-hosting.es", "action": "transfer", "epp_code": "abc123"}},
         {"domain.name": "garcia-hosting.es is already with your account"}),
        ({"domain": {"name": "bruno-keller.com", "action": "transfer", "epp_code": "abc123"}},
         {"domain.name": "bruno-keller.com is already with this provider"}),
        ({"domain": {"name": "google.com", "action": "transfer"}},
         {"domain.epp_code": "is required to transfer a domain: the transfer (EPP) code from "
                             "its current registrar"}),
        ({"domain": {"name": "nuevo.es", "action": "register", "epp_code": "x", "years": 11}},
         {"domain.epp_code": "is only for transfers",
          "domain.years": "must be a whole number of years from 1 to 10"}),
        ({"domain": {"name": "nuevo-sitio.xyz", "action": "register"}},
         {"domain.name": "the provider does not sell .xyz domains"}),
        ({"domain": {"name": "nuevo-sitio.es", "action": "existing"}},
         {"domain.action": "existing only names the domain of a product: give product_id too"}),
        ({"domain": {"name": "nuevo-sitio.es", "action": "register"}, "promo_code": "FREE"},
         {"promo_code": "'FREE' is not a valid promotion code"}),
        ({"domain": {"name": "nuevo-sitio.es", "action": "register"}, "promo_code": "HOSTING5"},
         {"promo_code": "HOSTING5 applies only to orders with a product"}),
        ({"domain": {"name": "nuevo-sitio.es", "action": "buy", "whois": 1}, "use_credit": "yes"},
         {"domain.action": "is required: register, transfer or existing",
          "domain.whois": "is not a field of the domain", "use_credit": "must be true or false"}),
    ],
)  # fmt: skip
def test_order_refusals_name_the_field_and_change_nothing(
    client: httpx.Client, db_path: Path, body: dict[str, Any], details: dict[str, str]
) -> None:
    before = state(db_path)
    for answer in (client.post("/v1/orders/quote", json=body),
                   client.post("/v1/orders", json=body, headers=key(10))):  # fmt: skip
        assert assert_error(answer, 422, "validation_failed")["details"] == details
    assert state(db_path) == before


def test_orders_need_a_key_replay_and_stay_private(
    client: httpx.Client, bruno: httpx.Client, db_path: Path
) -> None:
    assert_error(client.post("/v1/orders", json=HOSTING_WITH_DOMAIN), 400,
                 "idempotency_key_required")  # fmt: skip
    first = client.post("/v1/orders", json=HOSTING_WITH_DOMAIN, headers=key(20))
    before = state(db_path)
    replay = client.post("/v1/orders", json=HOSTING_WITH_DOMAIN, headers=key(20))
    assert (replay.status_code, replay.json()) == (201, first.json())
    assert replay.headers["idempotent-replayed"] == "true"
    assert state(db_path) == before
    assert_error(bruno.get("/v1/orders/9001"), 404, "not_found")
    assert_error(client.get("/v1/orders/9002"), 404, "not_found")
    assert client.get("/v1/orders/9001").json()["id"] == 9001


def test_a_chf_client_orders_in_chf(bruno: httpx.Client) -> None:
    body = {"product_id": 1, "billing_cycle": "annually",
            "domain": {"name": "keller-shop.ch", "action": "register", "years": 2}}  # fmt: skip
    order = bruno.post("/v1/orders", json=body, headers=key(30)).json()
    # 71.40 + 2 × 14.00 = 99.40; VAT 8.1 % = 8.0514 → 8.05; 107.45.
    assert order["total"] == {"amount": "107.45", "currency": "CHF"}
    assert order["items"][1]["description"] == "Domain registration - keller-shop.ch - 2 years"

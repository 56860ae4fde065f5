"""POST /v1/domains/bulk/{action}: one idempotent request, one result per item, in order."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from clientarea_cli.sandbox import DEMO_API_KEY, SandboxApp, reset_database
from clientarea_cli.sandbox.seed.common import BANK_ID, BILLING_CONTACT_ID, MASTERCARD_ID, VISA_ID

from .helpers import TODAY, make_client
from .test_sandbox_api import assert_error
from .test_sandbox_domain_actions import (
    ANAGARCIA_COM,
    BARCELONA_BIKES_EU,
    GARCIA_CONSULTING,
    GARCIA_HOSTING_ES,
    KELLER_WEB,
    VIEJO_PROYECTO,
    balance,
    domain,
    sql,
)


def bulk(
    client: httpx.Client, action: str, items: object, key: str | None = "bulk-1"
) -> httpx.Response:
    headers = {"Idempotency-Key": key} if key else {}
    return client.post(f"/v1/domains/bulk/{action}", json={"items": items}, headers=headers)


def results(answer: httpx.Response) -> list[dict[str, Any]]:
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert set(body) == {"results"}
    for result in body["results"]:
        assert set(result) == {"domain", "ok", "status", "error", "data"}
    found: list[dict[str, Any]] = body["results"]
    return found


def outline(answer: httpx.Response) -> list[tuple[str, bool, int, str | None]]:
    """(domain, ok, status, error code) per result."""
    return [
        (r["domain"], r["ok"], r["status"], r["error"]["code"] if r["error"] else None)
        for r in results(answer)
    ]


def snapshot(db_path: Path) -> list[tuple[Any, ...]]:
    return sql(db_path, "SELECT * FROM domains ORDER BY id") + sql(
        db_path, "SELECT id, status, credit_applied FROM invoices ORDER BY id"
    )


def test_auto_renew_with_mixed_failures(client: httpx.Client) -> None:
    items = [
        {"domain": str(GARCIA_HOSTING_ES), "enabled": False},
        {"domain": "keller-web.ch", "enabled": True},  # Bruno's: not found for Ana
        {"domain": "viejo-proyecto.com", "enabled": True},  # expired: conflict
        {"domain": "Barcelona-Bikes.EU", "enabled": True},
    ]
    answer = bulk(client, "auto-renew", items)
    assert outline(answer) == [
        ("1001", True, 200, None),
        ("keller-web.ch", False, 404, "not_found"),
        ("viejo-proyecto.com", False, 409, "conflict"),
        ("Barcelona-Bikes.EU", True, 200, None),
    ]
    found = results(answer)
    assert found[0]["data"] == domain(client, GARCIA_HOSTING_ES)
    assert found[0]["data"]["auto_renew"] is False
    assert found[1]["data"] is None
    assert found[2]["error"] == {
        "code": "conflict",
        "message": "viejo-proyecto.com is expired: only an active domain's settings can change",
        "details": {"status": "expired"},
    }
    assert domain(client, BARCELONA_BIKES_EU)["auto_renew"] is True
    assert domain(client, VIEJO_PROYECTO)["auto_renew"] is False


def test_lock_and_privacy_follow_the_tld_rules(client: httpx.Client) -> None:
    items = [{"domain": "garcia-hosting.es", "enabled": True},
             {"domain": "anagarcia.com", "enabled": False}]  # fmt: skip
    found = results(bulk(client, "lock", items))
    assert found[0]["error"]["details"] == {
        "registrar_lock": "registrar lock is not available for .es domains"
    }
    assert found[1]["data"]["registrar_lock"] is False
    found = results(bulk(client, "privacy", [{"domain": "barcelona-bikes.eu", "enabled": True}],
                         key="bulk-2"))  # fmt: skip
    assert (found[0]["status"], found[0]["error"]["details"]) == (
        422, {"id_protection": "ID protection is not available for .eu domains"}
    )  # fmt: skip


def test_recurring_per_item_rules(client: httpx.Client) -> None:
    items = [
        {"domain": "anagarcia.com", "enabled": True, "payment_method_id": VISA_ID,
         "contact_id": BILLING_CONTACT_ID},
        {"domain": "tapas-madrid.es", "enabled": True, "payment_method_id": BANK_ID},
        {"domain": "olivar-verde.org", "enabled": True, "payment_method_id": MASTERCARD_ID},
        {"domain": "garcia-hosting.es", "enabled": False},
    ]  # fmt: skip
    found = results(bulk(client, "recurring", items))
    assert [r["status"] for r in found] == [200, 422, 422, 200]
    assert found[0]["data"]["recurring"] == {
        "enabled": True, "payment_method_id": VISA_ID, "contact_id": BILLING_CONTACT_ID
    }  # fmt: skip
    assert found[1]["error"]["details"] == {
        "payment_method_id": "domains renew automatically only with a validated card"
    }
    assert found[2]["error"]["details"] == {
        "payment_method_id": "the card is not validated yet; verify it first"
    }
    assert domain(client, "tapas-madrid.es")["recurring"]["enabled"] is False
    assert domain(client, GARCIA_HOSTING_ES)["recurring"] == {
        "enabled": False, "payment_method_id": None, "contact_id": None
    }  # fmt: skip


def test_nameservers_per_item_validation(client: httpx.Client) -> None:
    items = [
        {"domain": "anagarcia.com", "nameservers": ["ns1.example.net", "NS2.example.net"]},
        {"domain": "tapas-madrid.es", "nameservers": ["ns1.example.net", "not a host"]},
    ]
    found = results(bulk(client, "nameservers", items))
    assert found[0]["data"]["nameservers"] == ["ns1.example.net", "ns2.example.net"]
    assert found[1]["status"] == 422
    assert list(found[1]["error"]["details"]) == ["nameservers.1"]
    assert domain(client, "tapas-madrid.es")["nameservers"] == [
        "ns1.garcia-hosting.es", "ns2.garcia-hosting.es"
    ]  # fmt: skip


def test_renewal_issues_one_invoice_per_item_and_replays(
    client: httpx.Client, db_path: Path
) -> None:
    items = [
        {"domain": "anagarcia.com", "years": 1, "use_credit": True},
        {"domain": str(GARCIA_CONSULTING), "years": 2},
        {"domain": "antiguo-blog.net", "years": 1},  # past redemption
    ]
    answer = bulk(client, "renewal", items)
    found = results(answer)
    assert [(r["ok"], r["status"]) for r in found] == [(True, 201), (True, 201), (False, 409)]
    paid, unpaid = found[0]["data"], found[1]["data"]
    assert (paid["status"], paid["credit_applied"]["amount"]) == ("paid", "15.72")
    assert (unpaid["status"], unpaid["credit_applied"]["amount"]) == ("unpaid", "0.00")
    assert client.get(f"/v1/invoices/{unpaid['id']}").json() == unpaid
    assert balance(client) == "69.78"  # credit only where asked
    assert domain(client, ANAGARCIA_COM)["expiry_date"] == "2027-11-25"
    assert sql(db_path, "SELECT count(*) FROM invoices") == [(13,)]
    again = bulk(client, "renewal", items)
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == answer.json()
    assert sql(db_path, "SELECT count(*) FROM invoices") == [(13,)]
    assert balance(client) == "69.78"
    assert_error(bulk(client, "renewal", items[:1]), 422, "idempotency_key_reused")


def test_items_run_in_order_and_see_the_earlier_ones(client: httpx.Client) -> None:
    items = [
        {"domain": "garcia-consulting.com", "years": 9},
        {"domain": "garcia-consulting.com", "years": 1},  # the 9-year invoice is open now
    ]
    found = results(bulk(client, "renewal", items))
    assert [r["status"] for r in found] == [201, 409]
    assert found[1]["error"]["details"] == {"invoice_id": str(found[0]["data"]["id"]), "years": "9"}


def test_bulk_needs_a_key_and_a_known_action(client: httpx.Client) -> None:
    items = [{"domain": "anagarcia.com", "enabled": True}]
    assert_error(bulk(client, "lock", items, key=None), 400, "idempotency_key_required")
    error = assert_error(bulk(client, "transfer", items), 404, "not_found")
    assert error["message"] == (
        "no bulk action 'transfer'; one of: renewal, recurring, auto-renew, lock, privacy, "
        "nameservers"
    )


@pytest.mark.parametrize(
    ("action", "body", "status", "expected"),
    [
        ("lock", [], 400, None),
        ("lock", {"items": []}, 422, {"items": "is required: a list of 1 to 1000 items"}),
        ("lock", {"items": [{"domain": "a.es", "enabled": True}] * 1001}, 422,
         {"items": "is required: a list of 1 to 1000 items"}),
        ("lock", {"items": [{"domain": "anagarcia.com", "enabled": False}, "x"], "dry": 1}, 422,
         {"items.1": "must be an object", "dry": "is not a field of this request"}),
        ("auto-renew", {"items": [{"domain": "anagarcia.com", "enabled": False},
                                  {"enabled": "yes", "colour": 1}]}, 422,
         {"items.1.domain": "is required: the domain's id or name, as a string",
          "items.1.enabled": "is required: true or false",
          "items.1.colour": "is not a field of this action"}),
        ("renewal", {"items": [{"domain": "anagarcia.com", "years": 1},
                               {"domain": 1002, "years": 11}]}, 422,
         {"items.1.domain": "is required: the domain's id or name, as a string",
          "items.1.years": "is required: a whole number of years from 1 to 10"}),
        ("recurring", {"items": [{"domain": "anagarcia.com", "enabled": True}]}, 422,
         {"items.0.payment_method_id": "is required to switch recurring payment on"}),
        ("nameservers", {"items": [{"domain": "anagarcia.com", "nameservers": ["a.b"]}]}, 422,
         {"items.0.nameservers": "must list 2 to 5 host names"}),
    ],
)  # fmt: skip
def test_a_malformed_request_changes_nothing(
    client: httpx.Client,
    db_path: Path,
    action: str,
    body: object,
    status: int,
    expected: dict[str, str] | None,
) -> None:
    before = snapshot(db_path)
    answer = client.post(
        f"/v1/domains/bulk/{action}", json=body, headers={"Idempotency-Key": "bad"}
    )
    error = assert_error(answer, status, "bad_request" if status == 400 else "validation_failed")
    assert error["details"] == expected
    assert snapshot(db_path) == before


def test_bruno_cannot_touch_anas_domains(bruno: httpx.Client, client: httpx.Client) -> None:
    items = [{"domain": "garcia-hosting.es", "enabled": False},
             {"domain": str(KELLER_WEB), "enabled": False}]  # fmt: skip
    assert outline(bulk(bruno, "auto-renew", items)) == [
        ("garcia-hosting.es", False, 404, "not_found"),
        (str(KELLER_WEB), True, 200, None),
    ]
    assert domain(client, GARCIA_HOSTING_ES)["auto_renew"] is True


def test_bulk_route_does_not_shadow_a_domain_named_bulk(client: httpx.Client) -> None:
    # GET on a bulk path is the nameservers of a domain "bulk", which does not exist.
    assert_error(client.get("/v1/domains/bulk/nameservers"), 404, "not_found")
    answer = client.get("/v1/domains/bulk/renewal")
    assert_error(answer, 405, "method_not_allowed")


def test_500_items_in_well_under_a_second(tmp_path: Path) -> None:
    path = tmp_path / "big.db"
    reset_database(path, today=TODAY, extra_domains=500)
    app = SandboxApp(path)
    names = [f"bulk-{n:06d}.{tld}" for n, tld in zip(range(1, 501), ["es", "com", "net", "org",
             "eu", "io", "dev", "cat"] * 63, strict=False)]  # fmt: skip
    with make_client(app, DEMO_API_KEY) as client:
        items = [{"domain": name, "nameservers": ["ns1.example.net", "ns2.example.net"]}
                 for name in names]  # fmt: skip
        started = time.perf_counter()
        found = results(bulk(client, "nameservers", items))
        nameservers = time.perf_counter() - started
        renewals = [{"domain": name, "years": 1, "use_credit": True} for name in names]
        started = time.perf_counter()
        renewed = results(bulk(client, "renewal", renewals, key="bulk-2"))
        renewal = time.perf_counter() - started
    assert all(r["ok"] for r in found)
    assert all(r["ok"] for r in renewed)
    assert nameservers < 1.0, nameservers
    assert renewal < 1.0, renewal

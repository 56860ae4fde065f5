"""List filters, sorting, pagination and their validation (422 validation_failed)."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
import pytest

from clientarea_cli.sandbox.seed.domains import EXPIRED, EXPIRING_WITHIN_30

from .helpers import TODAY, all_pages

EXPIRING_NAMES = [name for name, _ in EXPIRING_WITHIN_30]


def names(client: httpx.Client, **params: str | int) -> list[str]:
    return [str(d["name"]) for d in all_pages(client, "/v1/domains", **params)]


def test_the_seven_domains_expiring_within_30_days(client: httpx.Client) -> None:
    assert names(client, expiring_within_days=30) == [
        "garcia-hosting.es", "anagarcia.com", "tapas-madrid.es", "flamenco-studio.net",
        "olivar-verde.org", "barcelona-bikes.eu", "codigo-abierto.dev",
    ]  # fmt: skip
    assert names(client, expiring_within_days=30) == EXPIRING_NAMES
    assert names(client, expiring_within_days=0) == ["garcia-hosting.es"]
    assert names(client, expiring_within_days=31)[-1] == "garcia-consulting.com"


def test_expiring_is_inclusive_and_excludes_expired(client: httpx.Client) -> None:
    domains = all_pages(client, "/v1/domains", expiring_within_days=30)
    last = TODAY + timedelta(days=30)
    assert {d["expiry_date"] for d in domains} >= {TODAY.isoformat(), last.isoformat()}
    assert all(d["status"] != "expired" for d in domains)


def test_expired_domains(client: httpx.Client) -> None:
    expired = all_pages(client, "/v1/domains", status="expired")
    assert {d["name"] for d in expired} == {name for name, _ in EXPIRED}
    assert all(str(d["expiry_date"]) < TODAY.isoformat() for d in expired)
    assert names(client, expires_before=TODAY.isoformat()) == [
        "antiguo-blog.net", "promo-verano.es", "viejo-proyecto.com"
    ]  # fmt: skip


def test_domains_are_sorted_by_expiry_then_name(client: httpx.Client) -> None:
    domains = all_pages(client, "/v1/domains")
    keys = [(d["expiry_date"], d["name"]) for d in domains]
    assert keys == sorted(keys)


def test_tld_filter(client: httpx.Client) -> None:
    es = names(client, tld="es")
    assert es
    assert all(name.endswith(".es") for name in es)
    assert names(client, tld=".ES") == es
    assert names(client, tld="museum") == []


def test_auto_renew_filter(client: httpx.Client) -> None:
    on = all_pages(client, "/v1/domains", auto_renew="true")
    off = all_pages(client, "/v1/domains", auto_renew="false")
    assert on
    assert off
    assert all(d["auto_renew"] is True for d in on)
    assert all(d["auto_renew"] is False for d in off)
    assert len(on) + len(off) == len(all_pages(client, "/v1/domains"))


def test_q_and_combined_filters(client: httpx.Client) -> None:
    assert names(client, q="garcia-hosting") == [
        "garcia-hosting.es", *sorted_by_expiry(client, ["garcia-hosting.com", "garcia-hosting.eu"])
    ]  # fmt: skip
    assert names(client, q="%") == []
    assert names(client, q="_") == []
    combined = names(client, tld="es", expiring_within_days=30, auto_renew="true")
    assert combined == ["garcia-hosting.es", "tapas-madrid.es"]


def sorted_by_expiry(client: httpx.Client, wanted: list[str]) -> list[str]:
    return [name for name in names(client) if name in wanted]


def test_expires_before(client: httpx.Client) -> None:
    cutoff = TODAY + timedelta(days=31)
    found = all_pages(client, "/v1/domains", expires_before=cutoff.isoformat())
    assert len(found) == len(EXPIRED) + len(EXPIRING_WITHIN_30)
    assert all(date.fromisoformat(str(d["expiry_date"])) < cutoff for d in found)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "alive"}, "status"),
        ({"tld": ""}, "tld"),
        ({"tld": "e s"}, "tld"),
        ({"auto_renew": "yes"}, "auto_renew"),
        ({"auto_renew": "True"}, "auto_renew"),
        ({"expiring_within_days": "-1"}, "expiring_within_days"),
        ({"expiring_within_days": "30d"}, "expiring_within_days"),
        ({"expiring_within_days": "99999"}, "expiring_within_days"),
        ({"expires_before": "22/11/2026"}, "expires_before"),
        ({"expires_before": "2026-02-30"}, "expires_before"),
        ({"page": "0"}, "page"),
        ({"page": "one"}, "page"),
        ({"per_page": "1001"}, "per_page"),
        ({"per_page": "0"}, "per_page"),
    ],
)
def test_invalid_domain_filters_are_422(
    client: httpx.Client, params: dict[str, str], field: str
) -> None:
    answer = client.get("/v1/domains", params=params)
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "validation_failed"
    assert list(error["details"]) == [field]


def test_every_bad_field_is_reported(client: httpx.Client) -> None:
    answer = client.get("/v1/domains", params={"status": "x", "auto_renew": "x", "page": "x"})
    assert set(answer.json()["error"]["details"]) == {"status", "auto_renew", "page"}


@pytest.mark.parametrize("path", ["/v1/services", "/v1/invoices"])
def test_invalid_status_filters_are_422(client: httpx.Client, path: str) -> None:
    answer = client.get(path, params={"status": "bogus"})
    assert answer.status_code == 422
    assert list(answer.json()["error"]["details"]) == ["status"]


def test_pagination_totals(client: httpx.Client) -> None:
    everything = client.get("/v1/domains").json()
    total = everything["meta"]["total"]
    assert total == 44
    assert everything["meta"] == {"page": 1, "per_page": 50, "total": 44, "total_pages": 1}
    first = client.get("/v1/domains", params={"per_page": 10}).json()
    assert first["meta"] == {"page": 1, "per_page": 10, "total": 44, "total_pages": 5}
    last = client.get("/v1/domains", params={"per_page": 10, "page": 5}).json()
    assert len(last["data"]) == 4
    beyond = client.get("/v1/domains", params={"per_page": 10, "page": 6}).json()
    assert beyond["data"] == []
    assert beyond["meta"]["total"] == 44
    pages = [client.get("/v1/domains", params={"per_page": 10, "page": n}).json()["data"]
             for n in range(1, 6)]  # fmt: skip
    assert [d for page in pages for d in page] == everything["data"]


def test_empty_list_shape(client: httpx.Client) -> None:
    body = client.get("/v1/domains", params={"tld": "museum"}).json()
    assert body == {"data": [], "meta": {"page": 1, "per_page": 50, "total": 0, "total_pages": 0}}


def test_services_status_filter(client: httpx.Client) -> None:
    services = all_pages(client, "/v1/services")
    assert {s["status"] for s in services} == {
        "active", "suspended", "pending", "cancelled", "expired"
    }  # fmt: skip
    assert {s["billing_cycle"] for s in services} >= {
        "monthly", "quarterly", "semiannually", "annually", "biennially", "one_time", "free"
    }  # fmt: skip
    active = all_pages(client, "/v1/services", status="active")
    assert len(active) >= 2
    assert all(s["status"] == "active" for s in active)


def test_invoice_status_filters(client: httpx.Client) -> None:
    def statuses(status: str) -> list[object]:
        return [i["status"] for i in all_pages(client, "/v1/invoices", status=status)]

    assert sorted(map(str, statuses("unpaid"))) == ["overdue", "overdue", "unpaid", "unpaid"]
    assert statuses("overdue") == ["overdue", "overdue"]
    assert statuses("paid") == ["paid"] * 3
    assert statuses("cancelled") == ["cancelled"]
    assert statuses("refunded") == ["refunded"]
    invoices = all_pages(client, "/v1/invoices")
    keys = [(i["date"], i["id"]) for i in invoices]
    assert keys == sorted(keys, reverse=True)
    overdue = all_pages(client, "/v1/invoices", status="overdue")
    assert all(str(i["due_date"]) < TODAY.isoformat() for i in overdue)
    not_due = [i for i in invoices if i["status"] == "unpaid"]
    assert all(str(i["due_date"]) >= TODAY.isoformat() for i in not_due)

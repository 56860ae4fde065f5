"""The clientarea driver's bulk endpoint: one request per chunk, and its answer read as far as
the action needs (a settings change reads no `data`)."""

from __future__ import annotations

import json

import httpx
import pytest

from clientarea_cli.drivers.clientarea.driver import ClientAreaDriver
from clientarea_cli.drivers.http import RetryPolicy
from clientarea_cli.errors import MalformedResponse
from clientarea_cli.models import BulkItemResult, BulkItemStatus

ANSWER = {
    "results": [
        {"domain": "a.es", "ok": True, "status": 200, "error": None,
         "data": {"id": 7, "name": "a.es", "nameservers": ["ns1.example.net"]}},
        {"domain": "b.es", "ok": False, "status": 409,
         "error": {"code": "locked", "message": "the domain is locked", "details": {"lock": "on"}},
         "data": None},
    ]
}  # fmt: skip


def _driver(seen: list[httpx.Request], answer: object = ANSWER) -> ClientAreaDriver:
    def handle(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return httpx.Response(200, json=answer)

    return ClientAreaDriver(
        "https://billing.example.com/api",
        "sk_test",
        transport=httpx.MockTransport(handle),
        retry=RetryPolicy(attempts=1, sleep=lambda _: None),
    )


def test_a_settings_chunk_reads_each_item_s_status_not_its_data() -> None:
    seen: list[httpx.Request] = []
    items = [{"domain": "a.es", "enabled": True}, {"domain": "b.es", "enabled": True}]
    results = _driver(seen).bulk_domains(
        "lock", list(items), idempotency_key="k-1", with_data=False
    )
    [request] = seen
    assert (request.method, request.url.path) == ("POST", "/api/v1/domains/bulk/lock")
    assert request.headers["Idempotency-Key"] == "k-1"
    assert json.loads(request.content) == {"items": items}
    assert [type(r) for r in results] == [BulkItemStatus, BulkItemStatus]
    assert [(r.domain, r.ok, r.status) for r in results] == [
        ("a.es", True, 200),
        ("b.es", False, 409),
    ]
    assert results[1].error is not None
    assert (results[1].error.message, results[1].error.details) == (
        "the domain is locked",
        {"lock": "on"},
    )
    assert not hasattr(results[0], "data")


def test_a_renewal_chunk_reads_each_item_s_data() -> None:
    results = _driver([]).bulk_domains("renewal", [{"domain": "a.es"}, {"domain": "b.es"}],
                                       idempotency_key="k-2")  # fmt: skip
    assert all(isinstance(r, BulkItemResult) for r in results)
    first = results[0]
    assert isinstance(first, BulkItemResult)
    assert first.data == {"id": 7, "name": "a.es", "nameservers": ["ns1.example.net"]}


def test_an_answer_with_fewer_results_than_items_is_malformed_either_way() -> None:
    for with_data in (True, False):
        with pytest.raises(MalformedResponse, match="answered 2 results for 3 items"):
            _driver([]).bulk_domains(
                "lock", [{"domain": d} for d in ("a.es", "b.es", "c.es")],
                idempotency_key="k-3", with_data=with_data,
            )  # fmt: skip


def test_domain_pages_reads_each_page_as_the_model_a_plan_needs() -> None:
    """A bulk plan validates only what it reads (RecurringTarget: id, name, due date,
    recurring), a page at a time, each page asked for when the one before is used."""
    from clientarea_cli.models import DomainFilter, RecurringTarget

    domain = {
        "id": 7, "name": "a.es", "tld": "es", "status": "active",
        "registration_date": "2025-01-01", "expiry_date": "2027-01-01",
        "next_due_date": "2027-01-01", "recurring_amount": {"amount": "9.99", "currency": "EUR"},
        "auto_renew": False, "recurring": {"enabled": True, "payment_method_id": 21},
    }  # fmt: skip
    asked: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        asked.append(request.url.params["page"])
        data = [{**domain, "id": page, "name": f"d{page}.es"}]
        return httpx.Response(200, json={"data": data, "meta": {
            "page": page, "per_page": 1, "total": 2, "total_pages": 2}})  # fmt: skip

    driver = ClientAreaDriver(
        "https://billing.example.com/api",
        "sk_test",
        transport=httpx.MockTransport(handle),
        retry=RetryPolicy(attempts=1, sleep=lambda _: None),
    )
    pages = driver.domain_pages(DomainFilter(status="active"), RecurringTarget)
    first = next(pages)
    assert asked == ["1"]
    expected = {
        "id": 1,
        "name": "d1.es",
        "next_due_date": "2027-01-01",
        "recurring": {"enabled": True, "payment_method_id": 21},
    }
    assert first == [RecurringTarget.model_validate(expected)]
    assert [[t.name for t in page] for page in pages] == [["d2.es"]]
    assert asked == ["1", "2"]

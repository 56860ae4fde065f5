"""The HTTP layer: URL policy, retry decisions with a fake sleep, error mapping, redaction."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from clientarea_cli.drivers.connection import check_base_url
from clientarea_cli.drivers.http import HttpClient, Redactor, RetryPolicy
from clientarea_cli.errors import (
    AnswerLost,
    AuthError,
    MalformedResponse,
    NetworkError,
    NotFound,
    NotSupported,
    PaymentError,
    ProviderError,
    RateLimited,
    UsageError,
)

Handler = Callable[[httpx.Request], httpx.Response]


def make(
    handler: Handler, *, attempts: int = 3, debug: list[str] | None = None
) -> tuple[HttpClient, list[float]]:
    sleeps: list[float] = []
    client = HttpClient(
        "https://billing.example.com/v1",
        headers={"Authorization": "Bearer sk_live_canary_123"},
        transport=httpx.MockTransport(handler),
        retry=RetryPolicy(attempts=attempts, sleep=sleeps.append),
        redactor=Redactor(["sk_live_canary_123"]),
        debug=debug.append if debug is not None else None,
    )
    return client, sleeps


def error(status: int, code: str, message: str, **headers: str) -> httpx.Response:
    body = {"error": {"code": code, "message": message, "details": None}}
    return httpx.Response(status, json=body, headers=headers)


@pytest.mark.parametrize(
    "url",
    [
        "https://billing.example.com/api",
        "http://127.0.0.1:8080",
        "http://[::1]:9",
        "http://localhost/x",
    ],
)
def test_allowed_urls(url: str) -> None:
    check_base_url(url)


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("http://billing.example.com/api", "refusing plain http://"),
        ("http://192.0.2.1", "refusing plain http://"),
        ("ftp://example.com", "not a provider URL"),
        ("billing.example.com", "not a provider URL"),
        ("https://user:pw@example.com", "credentials do not belong"),
    ],
)
def test_refused_urls(url: str, fragment: str) -> None:
    with pytest.raises(UsageError, match=fragment):
        check_base_url(url)


def test_plain_http_refused_before_any_connection() -> None:
    with pytest.raises(UsageError):
        HttpClient("http://billing.example.com/v1")


def test_get_retried_on_503_then_succeeds_honouring_retry_after() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) < 3:
            return error(503, "unavailable", "down", **{"Retry-After": "2"})
        return httpx.Response(200, json={"ok": True})

    client, sleeps = make(handler)
    assert client.get("/account").json() == {"ok": True}
    assert len(calls) == 3
    assert len(sleeps) == 2
    assert all(s >= 2 for s in sleeps)


def test_429_after_all_attempts_is_rate_limited() -> None:
    client, sleeps = make(lambda r: error(429, "rate_limited", "slow down", **{"Retry-After": "1"}))
    with pytest.raises(RateLimited):
        client.get("/domains")
    assert len(sleeps) == 2


def test_retry_after_beyond_the_cap_stops_without_sleeping() -> None:
    client, sleeps = make(lambda r: error(429, "rate_limited", "later", **{"Retry-After": "3600"}))
    with pytest.raises(RateLimited):
        client.get("/domains")
    assert sleeps == []


def test_post_without_key_is_not_resent_on_503() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return error(503, "unavailable", "down")

    client, _ = make(handler)
    with pytest.raises(ProviderError):
        client.request("POST", "/wallet/top-ups", json={"amount": "50"})
    assert len(calls) == 1


def test_post_with_idempotency_key_is_resent_with_the_same_key() -> None:
    keys = []

    def handler(request: httpx.Request) -> httpx.Response:
        keys.append(request.headers.get("Idempotency-Key"))
        if len(keys) == 1:
            raise httpx.ReadTimeout("slow", request=request)
        return httpx.Response(201, json={"id": 1})

    client, _ = make(handler)
    response = client.request("POST", "/wallet/top-ups", json={}, idempotency_key="op-1")
    assert response.status_code == 201
    assert keys == ["op-1", "op-1"]


def test_post_without_key_after_a_read_timeout_is_an_answer_lost_not_exit_9() -> None:
    """The HTTP layer does not know what moves money: exit 1 with what to check; only
    ops/money.py (which journalled the request) may turn it into exit 9."""
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise httpx.ReadTimeout("slow", request=request)

    client, _ = make(handler)
    with pytest.raises(AnswerLost, match="may or may not have taken effect") as caught:
        client.request("POST", "/invoices/1/payments", json={})
    assert len(calls) == 1
    assert caught.value.exit_code == 1
    assert caught.value.hint == "check whether it did (list or show it) before sending it again"


def test_post_is_retried_when_the_connection_was_never_made() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) == 1:
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(200, json={})

    client, _ = make(handler)
    client.request("POST", "/tickets", json={})
    assert len(calls) == 2


def test_unreachable_provider_is_a_one_line_network_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    client, sleeps = make(handler)
    with pytest.raises(NetworkError) as info:
        client.get("/account")
    assert info.value.message == (
        "cannot reach the provider at billing.example.com: connection refused"
    )
    assert len(sleeps) == 2


@pytest.mark.parametrize(
    ("status", "code", "exc"),
    [
        (401, "unauthorized", AuthError),
        (404, "not_found", NotFound),
        (402, "insufficient_credit", PaymentError),
        (422, "validation_failed", UsageError),
        (501, "not_implemented", NotSupported),
        (409, "conflict", ProviderError),
    ],
)
def test_error_statuses_map_to_exceptions(status: int, code: str, exc: type[Exception]) -> None:
    client, sleeps = make(lambda r: error(status, code, "nope"))
    with pytest.raises(exc):
        client.get("/x")
    assert sleeps == []


def test_html_error_page_is_still_a_clean_error() -> None:
    client, _ = make(lambda r: httpx.Response(500, text="<html>oops</html>"), attempts=1)
    with pytest.raises(ProviderError, match=r"GET /v1/x: 500 Internal Server Error"):
        client.get("/x")


def test_malformed_json_is_reported_as_such() -> None:
    from pydantic import TypeAdapter

    from clientarea_cli.drivers.http import decode

    client, _ = make(lambda r: httpx.Response(200, text='{"data": [1, 2'))
    response = client.get("/domains")
    with pytest.raises(MalformedResponse, match="is not valid JSON"):
        decode(response, TypeAdapter(dict))


def test_debug_trace_redacts_the_key_everywhere() -> None:
    lines: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"echo": "sk_live_canary_123"})

    client, _ = make(handler, debug=lines)
    client.get("/account", params={"api_key": "sk_live_canary_123", "q": "x"})
    trace = "\n".join(lines)
    assert "sk_live_canary_123" not in trace
    assert "> GET https://billing.example.com/v1/account?api_key=%2A%2A%2A&q=x" in trace
    assert ">   authorization: Bearer ***" in trace
    assert "< 200 OK" in trace


def test_paginate_stops_at_limit_and_at_the_last_page() -> None:
    seen_pages = []

    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        per_page = int(request.url.params["per_page"])
        seen_pages.append((page, per_page))
        start = (page - 1) * per_page
        data = list(range(start, min(start + per_page, 7)))
        return httpx.Response(200, json={"data": data, "meta": {"total": 7}})

    client, _ = make(handler)

    def parse(response: httpx.Response) -> tuple[list[int], int]:
        body = json.loads(response.content)
        return body["data"], body["meta"]["total"]

    pages = list(client.paginate("/n", {}, limit=None, parse=parse))
    assert [items for items, _ in pages] == [[0, 1, 2, 3, 4, 5, 6]]
    seen_pages.clear()
    pages = list(client.paginate("/n", {}, limit=3, parse=parse))
    assert seen_pages == [(1, 3)]
    seen_pages.clear()
    small = list(client.paginate("/n", {"x": 1}, limit=None, parse=parse))
    assert sum(len(i) for i, _ in small) == 7


def test_an_anonymous_request_carries_no_credentials_and_leaves_the_client_as_it_was() -> None:
    seen: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("authorization"))
        return httpx.Response(202, json={})

    client = HttpClient(
        "https://billing.example.com/v1",
        headers={"Authorization": "Bearer sk_secret"},
        transport=httpx.MockTransport(handler),
    )
    client.request("POST", "/password-reset", json={"email": "a@example.com"}, anonymous=True)
    client.request("GET", "/account")
    assert seen == [None, "Bearer sk_secret"]


def test_a_5xx_page_the_provider_did_not_write_leaves_a_money_request_unknown(
    tmp_path: Path,
) -> None:
    """A proxy's 502 page says nothing about whether the charge happened: exit 9, journalled
    `unknown` (issue 10 item 1); the provider's own 5xx error body stays an ordinary failure."""
    from clientarea_cli.errors import OutcomeUnknown
    from clientarea_cli.ops import money

    client, _ = make(lambda r: httpx.Response(502, text="<html>Bad Gateway</html>"), attempts=1)
    log = money.MoneyLog(tmp_path / "journal.db")
    with pytest.raises(OutcomeUnknown) as caught:
        money.send(
            log, profile="p", kind="top-up", summary="top up 50.00 EUR",
            call=lambda key: client.request("POST", "/wallet/top-ups", json={}, idempotency_key=key),
        )  # fmt: skip
    assert caught.value.exit_code == 9
    assert caught.value.message == (
        "top up 50.00 EUR: the provider failed on POST /v1/wallet/top-ups: 502 Bad Gateway (an "
        "answer it did not write); it may or may not have taken effect"
    )
    assert [o.status for o in log.operations()] == ["unknown"]
    log.close()


def test_a_response_leaves_no_reference_cycle_behind() -> None:
    """A one-shot process runs without the cyclic collector (collector.py): a response must be
    freed when the last reference to it goes, or every page of a bulk run stays in memory."""
    import gc
    import weakref

    client, _ = make(lambda request: httpx.Response(200, json={"data": "x" * 1000}))
    response = client.get("/domains")
    assert response.json() == {"data": "x" * 1000}
    gone = weakref.ref(response)
    enabled = gc.isenabled()
    gc.disable()
    try:
        del response
        assert gone() is None
    finally:
        if enabled:
            gc.enable()

"""The sandbox served on 127.0.0.1 with real sockets."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from clientarea_cli.sandbox import DEMO_API_KEY, TENANT_B_API_KEY, SandboxApp
from clientarea_cli.sandbox.server import RunningServer, check_bind_host, serve

from .helpers import TODAY

AUTH = {"Authorization": f"Bearer {DEMO_API_KEY}"}


@pytest.fixture
def served(db_path: Path) -> Iterator[tuple[SandboxApp, RunningServer]]:
    app = SandboxApp(db_path, control=True)
    server = serve(app)
    try:
        yield app, server
    finally:
        server.shutdown()


@pytest.fixture
def http(served: tuple[SandboxApp, RunningServer]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=served[1].url, headers=AUTH, timeout=5) as client:
        yield client


def test_serves_on_loopback(served: tuple[SandboxApp, RunningServer], http: httpx.Client) -> None:
    _, server = served
    assert server.url == f"http://127.0.0.1:{server.port}"
    assert server.port > 0
    answer = http.get("/v1/domains", params={"expiring_within_days": 30})
    assert answer.status_code == 200
    assert answer.headers["x-provider-date"] == TODAY.isoformat()
    assert answer.headers["content-type"] == "application/json"
    assert len(answer.json()["data"]) == 7


def test_errors_and_tenants_over_the_socket(http: httpx.Client) -> None:
    assert http.get("/v1/account", headers={"Authorization": "Bearer nope"}).status_code == 401
    other = {"Authorization": f"Bearer {TENANT_B_API_KEY}"}
    assert http.get("/v1/invoices/5001", headers=other).status_code == 404
    missing_key = http.post("/v1/wallet/top-ups", json={"amount": "1"})
    assert missing_key.status_code == 400
    assert missing_key.json()["error"]["code"] == "idempotency_key_required"
    assert http.get("/v1/domains/m\u00fcnchen.de").status_code == 404


def test_keep_alive_reuses_one_connection(
    served: tuple[SandboxApp, RunningServer], http: httpx.Client
) -> None:
    for _ in range(5):
        assert http.get("/v1/provider").status_code == 200
    first = http.get("/v1/provider")
    assert first.http_version == "HTTP/1.1"
    with socket.create_connection(("127.0.0.1", served[1].port), timeout=5) as sock:
        request = b"GET /v1/provider HTTP/1.1\r\nHost: x\r\n\r\n"
        sock.sendall(request + request)
        received = b""
        deadline = time.monotonic() + 5
        while received.count(b"HTTP/1.1 200") < 2 and time.monotonic() < deadline:
            received += sock.recv(65536)
    assert received.count(b"HTTP/1.1 200") == 2


def test_drop_closes_the_socket_without_an_answer(
    served: tuple[SandboxApp, RunningServer], http: httpx.Client
) -> None:
    app, _ = served
    app.faults.add("drop", path_prefix="/v1/wallet")
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        http.get("/v1/wallet")
    assert http.get("/v1/wallet").status_code == 200


def test_429_then_normal_over_the_socket(http: httpx.Client) -> None:
    added = http.post("/_sandbox/faults", json={"kind": "429", "retry_after": 2})
    assert added.status_code == 201
    limited = http.get("/v1/services")
    assert (limited.status_code, limited.headers["retry-after"]) == (429, "2")
    assert http.get("/v1/services").status_code == 200
    counts = http.get("/_sandbox/requests").json()["counts"]
    assert counts["GET /v1/services"] == 2


def test_slow_over_the_socket_hits_the_client_timeout(
    served: tuple[SandboxApp, RunningServer], http: httpx.Client
) -> None:
    served[0].faults.add("slow", delay=0.5)
    with pytest.raises(httpx.ReadTimeout):
        http.get("/v1/account", timeout=0.1)


def test_concurrent_requests(http: httpx.Client) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(pool.map(lambda n: http.get(f"/v1/domains/{1001 + n}").status_code, range(40)))
    assert codes == [200] * 40


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "127.0.0.2"])
def test_loopback_hosts_are_allowed(host: str) -> None:
    check_bind_host(host, public=False)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "example.com"])
def test_other_hosts_need_public(host: str) -> None:
    with pytest.raises(ValueError, match="--public"):
        check_bind_host(host, public=False)
    check_bind_host(host, public=True)

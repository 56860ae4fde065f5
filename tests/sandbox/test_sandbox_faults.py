"""Fault modes, the control endpoints, delay_ms and the embedded transport."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from clientarea_cli.sandbox import DEMO_API_KEY, SandboxApp
from clientarea_cli.sandbox.embedded import EmbeddedTransport
from clientarea_cli.sandbox.faults import FaultPlan
from clientarea_cli.sandbox.router import Context
from clientarea_cli.sandbox.web import Response, json_response

from .helpers import BASE_URL, make_client

AUTH = {"Authorization": f"Bearer {DEMO_API_KEY}"}


@pytest.fixture
def embedded(db_path: Path) -> Iterator[tuple[EmbeddedTransport, httpx.Client]]:
    transport = EmbeddedTransport(db_path)
    with httpx.Client(transport=transport, base_url=BASE_URL, headers=AUTH) as client:
        yield transport, client


def test_fault_plan_rules() -> None:
    plan = FaultPlan()
    with pytest.raises(ValueError, match="unknown fault kind"):
        plan.add("418")
    with pytest.raises(ValueError, match="times"):
        plan.add("500", times=0)
    plan.add("500", method="post", path_prefix="/v1/wallet", times=2)
    assert plan.take("GET", "/v1/wallet") is None
    assert plan.take("POST", "/v1/domains") is None
    assert plan.take("POST", "/v1/wallet/top-ups") is not None
    assert plan.take("POST", "/v1/wallet") is not None
    assert plan.take("POST", "/v1/wallet") is None
    plan.add("slow")
    plan.add("drop")
    assert plan.clear() == 2
    assert plan.rules() == []


def test_429_with_retry_after_then_normal(client: httpx.Client, app: SandboxApp) -> None:
    app.faults.add("429", path_prefix="/v1/domains", retry_after=7)
    limited = client.get("/v1/domains")
    assert limited.status_code == 429
    assert limited.headers["retry-after"] == "7"
    assert limited.json()["error"]["code"] == "rate_limited"
    assert limited.headers["x-provider-date"]
    assert client.get("/v1/domains").status_code == 200


def test_503_and_500(client: httpx.Client, app: SandboxApp) -> None:
    app.faults.add("503", times=2, retry_after=3)
    app.faults.add("500")
    for _ in range(2):
        answer = client.get("/v1/account")
        assert (answer.status_code, answer.headers["retry-after"]) == (503, "3")
        assert answer.json()["error"]["code"] == "unavailable"
    answer = client.get("/v1/account")
    assert answer.status_code == 500
    assert answer.json()["error"]["code"] == "internal_error"
    assert client.get("/v1/account").status_code == 200


def test_a_method_filter_leaves_other_methods_alone(client: httpx.Client, app: SandboxApp) -> None:
    app.faults.add("503", method="POST")
    assert client.get("/v1/account").status_code == 200
    assert client.post("/v1/tickets", json={}).status_code == 503
    assert client.post("/v1/tickets", json={}).status_code == 400  # no Idempotency-Key


def test_slow(client: httpx.Client, app: SandboxApp) -> None:
    app.faults.add("slow", delay=0.2)
    started = time.perf_counter()
    assert client.get("/v1/wallet").status_code == 200
    assert time.perf_counter() - started >= 0.2
    started = time.perf_counter()
    client.get("/v1/wallet")
    assert time.perf_counter() - started < 0.2


def test_malformed(client: httpx.Client, app: SandboxApp) -> None:
    app.faults.add("malformed")
    answer = client.get("/v1/wallet")
    assert answer.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        answer.json()
    assert client.get("/v1/wallet").json()["balance"]["amount"] == "85.50"


def test_drop_in_embedded_mode(embedded: tuple[EmbeddedTransport, httpx.Client]) -> None:
    transport, client = embedded
    transport.app.faults.add("drop", path_prefix="/v1/invoices")
    with pytest.raises(httpx.RemoteProtocolError):
        client.get("/v1/invoices")
    assert client.get("/v1/invoices").status_code == 200
    recent = transport.app.request_log.snapshot()["recent"]
    assert recent == [["GET", "/v1/invoices", None], ["GET", "/v1/invoices", 200]]


def test_drop_after_commit_runs_the_handler(
    embedded: tuple[EmbeddedTransport, httpx.Client],
) -> None:
    transport, client = embedded
    app = transport.app

    def write(ctx: Context) -> Response:
        with ctx.db.write() as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES ('committed', 'yes')")
        return json_response({"ok": True}, 201)

    app.router.add("POST", "/v1/test-commit", "testCommit", write)
    app.faults.add("drop_after_commit", method="POST")
    with pytest.raises(httpx.RemoteProtocolError):
        client.post("/v1/test-commit", json={})
    assert app.db.meta("committed") == "yes"


def test_embedded_transport_creates_the_database(tmp_path: Path) -> None:
    path = tmp_path / "data" / "sandbox.db"
    with httpx.Client(transport=EmbeddedTransport(path), base_url=BASE_URL, headers=AUTH) as c:
        assert c.get("/v1/account").json()["email"] == "ana@example.com"
    assert path.exists()


def test_delay_ms(db_path: Path) -> None:
    with make_client(SandboxApp(db_path, delay_ms=60), DEMO_API_KEY) as client:
        started = time.perf_counter()
        client.get("/v1/provider")
        assert time.perf_counter() - started >= 0.06


def test_control_endpoints_are_not_mounted_by_default(client: httpx.Client) -> None:
    assert client.post("/_sandbox/faults", json={"kind": "500"}).status_code == 404
    assert client.get("/_sandbox/requests").status_code == 404


def test_control_endpoints(db_path: Path) -> None:
    app = SandboxApp(db_path, control=True)
    with make_client(app, DEMO_API_KEY) as client:
        added = client.post("/_sandbox/faults", json={"kind": "429", "path_prefix": "/v1/wallet",
                                                      "times": 2, "retry_after": 5})  # fmt: skip
        assert added.status_code == 201
        assert added.json()["rule"]["kind"] == "429"
        assert client.get("/_sandbox/faults").json()["rules"][0]["times"] == 2
        assert client.get("/v1/wallet").status_code == 429
        assert client.delete("/_sandbox/faults").json() == {"cleared": 1}
        assert client.get("/v1/wallet").status_code == 200
        bad = client.post("/_sandbox/faults", json={"kind": "teapot"})
        assert bad.status_code == 422
        assert bad.json()["error"]["code"] == "validation_failed"
        log = client.get("/_sandbox/requests").json()
        assert log["counts"] == {"GET /v1/wallet": 2}
        assert log["recent"] == [["GET", "/v1/wallet", 429], ["GET", "/v1/wallet", 200]]
        assert log["total"] == 2

"""The idempotency store's rules, driven with a fake handler."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from clientarea_cli.sandbox import SandboxApp, open_database
from clientarea_cli.sandbox.idempotency import IdempotencyStore
from clientarea_cli.sandbox.web import ApiError, Response, json_response

ANA, BRUNO = 1, 2


class FakeHandler:
    """Counts its runs; answers 201 with the run number."""

    def __init__(self, status: int = 201) -> None:
        self.runs = 0
        self.status = status

    def __call__(self) -> Response:
        self.runs += 1
        return json_response({"run": self.runs}, self.status)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(db_path: Path, clock: Clock) -> IdempotencyStore:
    return IdempotencyStore(open_database(db_path), now=clock)


def error_of(excinfo: pytest.ExceptionInfo[ApiError]) -> tuple[int, str]:
    return excinfo.value.status, excinfo.value.code


def test_a_key_is_required(store: IdempotencyStore) -> None:
    handler = FakeHandler()
    for key in (None, ""):
        with pytest.raises(ApiError) as excinfo:
            store.idempotent(ANA, key, b"{}", handler)
        assert error_of(excinfo) == (400, "idempotency_key_required")
    with pytest.raises(ApiError) as excinfo:
        store.idempotent(ANA, "k" * 256, b"{}", handler)
    assert error_of(excinfo) == (422, "validation_failed")
    assert handler.runs == 0


def test_same_key_same_body_replays(store: IdempotencyStore) -> None:
    handler = FakeHandler()
    first = store.idempotent(ANA, "key-1", b'{"amount": "50.00"}', handler)
    assert first.status == 201
    assert "Idempotent-Replayed" not in first.headers
    again = store.idempotent(ANA, "key-1", b'{ "amount" : "50.00" }', handler)
    assert handler.runs == 1
    assert (again.status, again.body) == (first.status, first.body)
    assert again.headers["Idempotent-Replayed"] == "true"


def test_same_key_other_body_is_422(store: IdempotencyStore) -> None:
    handler = FakeHandler()
    store.idempotent(ANA, "key-1", b'{"amount": "50.00"}', handler)
    with pytest.raises(ApiError) as excinfo:
        store.idempotent(ANA, "key-1", b'{"amount": "99.00"}', handler)
    assert error_of(excinfo) == (422, "idempotency_key_reused")
    with pytest.raises(ApiError) as excinfo:
        store.idempotent(ANA, "key-1", b'{"amount": "50.00"}', handler, scope="POST /v1/x")
    assert error_of(excinfo) == (422, "idempotency_key_reused")
    assert handler.runs == 1


def test_keys_are_scoped_per_client(store: IdempotencyStore) -> None:
    handler = FakeHandler()
    store.idempotent(ANA, "shared", b"{}", handler)
    other = store.idempotent(BRUNO, "shared", b'{"different": true}', handler)
    assert handler.runs == 2
    assert "Idempotent-Replayed" not in other.headers


def test_in_progress_is_409(store: IdempotencyStore) -> None:
    started, release = threading.Event(), threading.Event()
    outcome: list[Response] = []

    def slow() -> Response:
        started.set()
        release.wait(5)
        return json_response({"done": True}, 201)

    worker = threading.Thread(
        target=lambda: outcome.append(store.idempotent(ANA, "busy", b"{}", slow))
    )
    worker.start()
    assert started.wait(5)
    with pytest.raises(ApiError) as excinfo:
        store.idempotent(ANA, "busy", b"{}", FakeHandler())
    assert error_of(excinfo) == (409, "idempotency_in_progress")
    assert store.lookup(ANA, "busy")["status"] == "in_progress"
    release.set()
    worker.join(5)
    assert outcome[0].status == 201
    assert store.lookup(ANA, "busy") == {
        "key": "busy", "status": "completed", "http_status": 201, "response": {"done": True}
    }  # fmt: skip


def test_errors_are_kept_but_retryable_answers_are_not(store: IdempotencyStore) -> None:
    def refuse() -> Response:
        raise ApiError(402, "payment_failed", "card declined")

    first = store.idempotent(ANA, "declined", b"{}", refuse)
    assert first.status == 402
    replay = store.idempotent(ANA, "declined", b"{}", FakeHandler())
    assert (replay.status, replay.headers["Idempotent-Replayed"]) == (402, "true")

    flaky = FakeHandler(status=503)
    store.idempotent(ANA, "flaky", b"{}", flaky)
    store.idempotent(ANA, "flaky", b"{}", flaky)
    assert flaky.runs == 2
    assert store.lookup(ANA, "flaky")["status"] == "unknown"


def test_the_answer_to_an_unreadable_request_is_not_kept(store: IdempotencyStore) -> None:
    """A body cut short (or not JSON) gets 400; keeping it would make the whole request, sent
    again with its key, a 422 `idempotency_key_reused` for 24 hours (issue 10 item 3)."""

    def unreadable() -> Response:
        raise ApiError(400, "bad_request", "the request body is not valid JSON")

    cut = store.idempotent(ANA, "cut", b'{"years": 1, "use', unreadable)
    assert cut.status == 400
    assert store.lookup(ANA, "cut")["status"] == "unknown"
    whole = FakeHandler()
    answer = store.idempotent(ANA, "cut", b'{"years": 1, "use_credit": false}', whole)
    assert (answer.status, whole.runs) == (201, 1)


def test_a_crashing_handler_frees_the_key(store: IdempotencyStore) -> None:
    def crash() -> Response:
        raise KeyError("bug")

    with pytest.raises(KeyError):
        store.idempotent(ANA, "crash", b"{}", crash)
    handler = FakeHandler()
    assert store.idempotent(ANA, "crash", b"{}", handler).status == 201
    assert handler.runs == 1


def test_keys_expire_after_24_hours(store: IdempotencyStore, clock: Clock) -> None:
    handler = FakeHandler()
    store.idempotent(ANA, "old", b"{}", handler)
    clock.now += timedelta(hours=23)
    assert store.lookup(ANA, "old")["status"] == "completed"
    clock.now += timedelta(hours=2)
    assert store.lookup(ANA, "old")["status"] == "unknown"
    store.idempotent(ANA, "old", b'{"new": "body"}', handler)
    assert handler.runs == 2


def test_operations_endpoint_reads_the_store(client: httpx.Client, app: SandboxApp) -> None:
    app.idempotency.idempotent(1, "op-1", b"{}", FakeHandler())
    assert client.get("/v1/operations/op-1").json() == {
        "key": "op-1", "status": "completed", "http_status": 201, "response": {"run": 1}
    }  # fmt: skip
    app.idempotency.idempotent(2, "op-2", b"{}", FakeHandler())
    assert client.get("/v1/operations/op-2").json()["status"] == "unknown"

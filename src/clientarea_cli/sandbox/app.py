"""The sandbox as a WSGI application: auth, routing, faults, and the contract's headers."""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from .clock import business_date
from .control import RequestLog, handle_control
from .faults import FaultPlan, FaultRule
from .idempotency import IdempotencyStore
from .router import Context, Tenant
from .routes import build_router
from .store import open_database
from .web import JSON_TYPE, ApiError, ConnectionDropped, Request, Response

logger = logging.getLogger(__name__)

StartResponse = Callable[..., Any]
CONTROL_PREFIX = "/_sandbox/"


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})


def _fault_response(rule: FaultRule) -> Response:
    retry = {"Retry-After": str(rule.retry_after)}
    if rule.kind == "429":
        error = ApiError(429, "rate_limited", "too many requests; retry later", headers=retry)
    elif rule.kind == "503":
        error = ApiError(
            503, "unavailable", "the provider is temporarily unavailable", headers=retry
        )
    else:
        error = ApiError(500, "internal_error", "the provider failed to handle the request")
    return error.to_response()


class SandboxApp:
    """The reference provider of the Client Area API v1.

    ``control`` mounts the test-only ``/_sandbox/…`` endpoints; ``delay_ms`` makes every
    request take that much longer (to simulate a remote provider in benchmarks).
    ``faults`` can be driven directly by in-process tests.
    """

    def __init__(self, db_path: str | Path, *, control: bool = False, delay_ms: int = 0) -> None:
        self.db = open_database(db_path)
        self.control = control
        self.delay_ms = delay_ms
        self.faults = FaultPlan()
        self.request_log = RequestLog()
        self.idempotency = IdempotencyStore(self.db)
        self.router = build_router()

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        request = Request.from_environ(environ)
        if self.control and request.path.startswith(CONTROL_PREFIX):
            response = handle_control(self.faults, self.request_log, request, self.db)
        else:
            response = self.handle(request)
        headers = {"Content-Type": JSON_TYPE, **response.headers}
        headers["Content-Length"] = str(len(response.body))
        start_response(response.status_line, list(headers.items()))
        return [response.body]

    def handle(self, request: Request) -> Response:
        """Answer one API request, applying any fault rule that matches it.

        Raises ``ConnectionDropped`` when a fault says the connection must be dropped.
        """
        if self.delay_ms > 0:
            time.sleep(self.delay_ms / 1000)
        if not request.complete:
            # The body was cut short (the client was killed mid-request): nothing to answer, and
            # nothing to handle or keep under its idempotency key, so the full request can come.
            self.request_log.record(request.method, request.path, None)
            raise ConnectionDropped(f"{request.method} {request.path} (body cut short)")
        rule = self.faults.take(request.method, request.path)
        if rule is not None and rule.kind == "drop":
            self.request_log.record(request.method, request.path, None)
            raise ConnectionDropped(f"{request.method} {request.path}")
        if rule is not None and rule.kind == "slow":
            time.sleep(rule.delay)
        today = self._today()
        if rule is not None and rule.kind in ("429", "503", "500"):
            response = _fault_response(rule)
        elif today is None:
            response = _fault_response(FaultRule("500"))
        else:
            response = self._dispatch(request, today)
        if today is not None:
            response.headers["X-Provider-Date"] = today.isoformat()
        if rule is not None and rule.kind == "drop_after_commit":
            self.request_log.record(request.method, request.path, None)
            raise ConnectionDropped(f"{request.method} {request.path} (after commit)")
        self.request_log.record(request.method, request.path, response.status)
        if rule is not None and rule.kind == "malformed":
            response.body = response.body[: len(response.body) // 2]
        return response

    def _today(self) -> date | None:
        try:
            return business_date(self.db)
        except Exception:
            logger.exception("the sandbox database cannot be read")
            return None

    def _dispatch(self, request: Request, today: date) -> Response:
        try:
            route, params = self.router.resolve(request.method, request.path)
            ctx = Context(request, self.db, today, self.idempotency, params=params)
            if route.auth:
                ctx.tenant = self._authenticate(request)
            if route.handler is None:
                raise ApiError(
                    501,
                    "not_implemented",
                    f"{route.operation} is not implemented by the sandbox yet",
                )
            return route.handler(ctx)
        except ApiError as exc:
            return exc.to_response()
        except Exception:
            logger.exception("sandbox handler failed: %s %s", request.method, request.path)
            error = ApiError(500, "internal_error", "the sandbox failed to handle the request")
            return error.to_response()

    def _authenticate(self, request: Request) -> Tenant:
        header = request.header("authorization") or ""
        scheme, _, token = header.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise _unauthorized("missing API key: send Authorization: Bearer <key>")
        digest = hashlib.sha256(token.encode()).hexdigest()
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT id, currency, api_key_hash FROM clients WHERE api_key_hash = ?", (digest,)
            ).fetchone()
        if row is None or not hmac.compare_digest(str(row["api_key_hash"]), digest):
            raise _unauthorized("invalid API key")
        return Tenant(int(row["id"]), str(row["currency"]))


def create_app(db_path: str | Path, *, control: bool = False, delay_ms: int = 0) -> SandboxApp:
    """Build the sandbox app over the database at ``db_path`` (created and seeded if new)."""
    return SandboxApp(db_path, control=control, delay_ms=delay_ms)

"""The HTTP layer every driver uses: one httpx.Client per profile, retries, redaction, pagination.

Retry policy (DESIGN §5, reference/reliability.md §3.2): GET/PUT/DELETE are retried on 429, 500,
502, 503, 504 and transport errors; a POST only when it carries an idempotency key the provider
honours, when it failed before any byte was sent (connect errors), or on 429 (the request was
refused, not processed). A POST that may have reached the provider and got no answer raises
AnswerLost (exit 1) instead of being sent again; ops/money.py turns a money request's into
OutcomeUnknown (exit 9, journalled, `journal reconcile`). A driver whose API makes PATCH
idempotent (it sets absolute values, as the Client Area API's does) adds it with
`idempotent_methods`.
"""

from __future__ import annotations

import random
import ssl
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import httpx
from pydantic import TypeAdapter, ValidationError

from clientarea_cli import __version__
from clientarea_cli.drivers.connection import (
    check_base_url,
    client_ssl_context,
    describe_transport_error,
    direct_to_loopback,
    root_cause,
    sent_anything,
)
from clientarea_cli.drivers.http_errors import error_from_response
from clientarea_cli.errors import (
    AnswerLost,
    ClientAreaError,
    MalformedResponse,
    NetworkError,
)
from clientarea_cli.i18n import _

T = TypeVar("T")

MAX_CONNECTIONS = 48
"""Connections kept per client: enough for the largest bulk concurrency."""
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
SENSITIVE_NAMES = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
        "x-api-key",
        "api_key",
        "apikey",
        "api_id",
        "identifier",
        "secret",
        "password",
        "token",
        "accesskey",
        "card",
        "number",
        "cvc",
        "cvv",
    }
)
DEBUG_HEADERS = ("content-type", "idempotency-key", "retry-after", "x-provider-date", "user-agent")
USER_AGENT = f"clientarea/{__version__} (+https://github.com/clientarea)"
MAX_PER_PAGE = 1000


class Redactor:
    """Replaces every registered secret value (and sensitive query values) in text."""

    def __init__(self, secrets: list[str] | None = None) -> None:
        self._secrets = [s for s in (secrets or []) if s]

    def add(self, secret: str | None) -> None:
        if secret:
            self._secrets.append(secret)

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text

    def error(self, exc: ClientAreaError) -> ClientAreaError:
        """The error with every registered secret replaced in its message and details (a
        provider may echo what it was sent)."""
        if self._secrets:
            exc.message = self(exc.message)
            exc.args = (exc.message,)
            if exc.details is not None:
                exc.details = self._scrub(exc.details)
        return exc

    def _scrub(self, value: Any) -> Any:
        if isinstance(value, str):
            return self(value)
        if isinstance(value, dict):
            return {k: self._scrub(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._scrub(v) for v in value]
        return value

    def url(self, url: httpx.URL) -> str:
        params = [
            (k, "***" if k.lower() in SENSITIVE_NAMES else v) for k, v in url.params.multi_items()
        ]
        safe = url.copy_with(params=params) if params else url
        return self(str(safe.copy_with(username=None, password=None)))


@dataclass
class RetryPolicy:
    """Capped exponential backoff with full jitter; `sleep` is injectable for tests."""

    attempts: int = 3
    base: float = 0.5
    cap: float = 8.0
    max_retry_after: float = 60.0
    sleep: Callable[[float], None] = time.sleep
    rng: random.Random = field(default_factory=random.Random)

    def backoff(self, attempt: int) -> float:
        return self.rng.uniform(0, min(self.cap, self.base * 2 ** (attempt - 1)))

    def wait(self, attempt: int, retry_after: float | None) -> float:
        delay = self.backoff(attempt)
        if retry_after is not None:
            delay = max(delay, retry_after)
        return delay


def parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class HttpClient:
    """One long-lived httpx.Client per profile, used from many threads in bulk runs."""

    def __init__(
        self,
        base_url: str,
        *,
        headers: Mapping[str, str] | None = None,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        debug: Callable[[str], None] | None = None,
        redactor: Redactor | None = None,
        max_connections: int = MAX_CONNECTIONS,
        provider_name: str = "clientarea",
        idempotent_methods: frozenset[str] = IDEMPOTENT_METHODS,
    ) -> None:
        if transport is None:
            check_base_url(base_url)
        self.base_url = base_url.rstrip("/")
        self.retry = retry or RetryPolicy()
        self.redact = redactor or Redactor()
        self._debug = debug
        self.provider_name = provider_name
        self.idempotent_methods = idempotent_methods
        self.sent_change = False
        """Whether a request that may change something (not GET or HEAD) has been sent."""
        limits = httpx.Limits(
            max_connections=max_connections, max_keepalive_connections=max_connections
        )
        self._client = httpx.Client(
            base_url=self.base_url,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})},
            transport=transport,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=False,
            limits=limits,
            verify=client_ssl_context(base_url) if transport is None else True,
            mounts=direct_to_loopback(base_url),
        )

    def close(self) -> None:
        self._client.close()

    def _log(self, line: str) -> None:
        if self._debug is not None:
            self._debug(self.redact(line))

    def _log_request(self, request: httpx.Request, attempt: int) -> None:
        if self._debug is None:  # redacting a URL costs more than the rest of the request
            return
        suffix = f" (attempt {attempt})" if attempt > 1 else ""
        self._log(f"> {request.method} {self.redact.url(request.url)}{suffix}")
        for name in ("authorization", *DEBUG_HEADERS):
            if name in request.headers:
                value = request.headers[name]
                if name == "authorization":
                    value = value.split(" ", 1)[0] + " ***"
                self._log(f">   {name}: {value}")

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        content: bytes | None = None,
        content_type: str | None = None,
        idempotency_key: str | None = None,
        anonymous: bool = False,
        read: bool = False,
    ) -> httpx.Response:
        """Send with the retry policy; return a 2xx response or raise the mapped error.

        `anonymous` sends this one request without the client's credentials (an endpoint that
        needs no login must not learn who asks); the shared client's headers are untouched.
        `read`: a POST that changes nothing (a quote, an availability check), so it does not
        count in `sent_change`.

        The body (`json`, or raw `content` of `content_type`) is never written to the debug
        trace: it may carry a card number, a CVC or a password.
        """
        method = method.upper()
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        if content_type:
            headers["Content-Type"] = content_type
        safe_to_resend = method in self.idempotent_methods or idempotency_key is not None
        clean = {k: v for k, v in (params or {}).items() if v is not None}
        request = self._client.build_request(
            method, path, params=clean or None, json=json, content=content, headers=headers
        )
        if anonymous:
            request.headers.pop("Authorization", None)
        attempts = max(1, self.retry.attempts)
        if method not in ("GET", "HEAD") and not read:
            self.sent_change = True
        for attempt in range(1, attempts + 1):
            self._log_request(request, attempt)
            started = time.monotonic()
            try:
                response = _unlinked(self._client.send(request))
            except httpx.TransportError as exc:
                sent = sent_anything(exc)
                reason = describe_transport_error(exc)
                self._log(f"< {reason} after {1000 * (time.monotonic() - started):.0f} ms")
                if (safe_to_resend or not sent) and attempt < attempts:
                    self.retry.sleep(self.retry.wait(attempt, None))
                    continue
                host = request.url.host
                if sent and method not in self.idempotent_methods:
                    # Even a keyed POST may have been applied: only the provider can tell.
                    raise AnswerLost(
                        _(
                            "{method} {path} was sent to {host} but no answer came ({reason}); "
                            "it may or may not have taken effect"
                        ).format(method=method, path=request.url.path, host=host, reason=reason),
                        hint=_("check whether it did (list or show it) before sending it again"),
                        details={"idempotency_key": idempotency_key} if idempotency_key else None,
                    ) from None
                tls = isinstance(root_cause(exc), ssl.SSLError) or "TLS" in reason
                raise NetworkError(
                    _("cannot reach the provider at {host}: {reason}").format(
                        host=host, reason=reason
                    ),
                    hint=_("the provider must present a valid certificate for this host name")
                    if tls
                    else _("check the URL (`clientarea auth status`) and your connection"),
                ) from None
            if self._debug is not None:
                elapsed = 1000 * (time.monotonic() - started)
                self._log(f"< {response.status_code} {response.reason_phrase} ({elapsed:.0f} ms)")
                for name in DEBUG_HEADERS[2:]:
                    if name in response.headers:
                        self._log(f"<   {name}: {response.headers[name]}")
            status = response.status_code
            retryable = status in RETRY_STATUSES and (safe_to_resend or status == 429)
            if retryable and attempt < attempts:
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
                if retry_after is not None and retry_after > self.retry.max_retry_after:
                    break
                self.retry.sleep(self.retry.wait(attempt, retry_after))
                continue
            break
        if response.is_success:
            return response
        error = error_from_response(response, method, request.url.path, self.provider_name)
        raise self.redact.error(error)

    def get(self, path: str, params: Mapping[str, Any] | None = None) -> httpx.Response:
        return self.request("GET", path, params=params)

    def paginate(
        self,
        path: str,
        params: Mapping[str, Any] | None,
        *,
        limit: int | None,
        parse: Callable[[httpx.Response], tuple[list[T], int]],
    ) -> Iterator[tuple[list[T], int]]:
        """Yield `(items, total)` per page until `limit` items or the last page.

        `parse` turns one page response into its items and the provider's total count, so each
        driver keeps its own envelope while sharing the paging loop.
        """
        per_page = MAX_PER_PAGE if limit is None else max(1, min(limit, MAX_PER_PAGE))
        page, seen = 1, 0
        while True:
            response = self.get(path, {**(params or {}), "page": page, "per_page": per_page})
            items, total = parse(response)
            yield items, total
            seen += len(items)
            if not items or seen >= total or (limit is not None and seen >= limit):
                return
            page += 1


def _unlinked(response: httpx.Response) -> httpx.Response:
    """A response read in full, with no reference cycle left behind.

    httpx wraps a response's stream in one that points back at the response; the pair then
    waits for Python's cyclic collector, which a one-shot process does not run (collector.py).
    A bulk run's 22 answers held 9 MB to its end. The body is in memory, so the stream is
    replaced by one over those bytes, as a response made from content has.
    """
    response.stream = httpx.ByteStream(response.content)
    return response


def decode(response: httpx.Response, adapter: TypeAdapter[T]) -> T:
    """Validate a response body straight from bytes (2x faster than .json() then validate)."""
    try:
        return adapter.validate_json(response.content)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        if first["type"] == "json_invalid":
            what = "is not valid JSON"
        else:
            what = f"does not match the API ({where}: {first['msg']})"
        raise MalformedResponse(
            _("the provider's answer to {method} {path} {what}").format(
                method=response.request.method, path=response.request.url.path, what=what
            ),
            status=response.status_code,
        ) from None

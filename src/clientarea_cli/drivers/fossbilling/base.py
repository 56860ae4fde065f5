"""The FOSSBilling driver's plumbing: HTTP Basic `client:<key>`, the `{result, error}` envelope.

FOSSBilling's client API is `POST /api/client/<module>/<method>`; almost every error is HTTP 200
with `error: {message, code}` (only authentication, 401, and malformed paths, 400, differ), so the
envelope, not the status, decides success. Every call is a POST, so whether one may be sent again
after a lost answer is decided here by method name: reads may, anything that changes the account
(creates an invoice, pays, opens a ticket, sets name servers) never is.

FOSSBilling 0.5.6 does not scope some objects to the client (an invoice is found by its hash
alone), so `_check_owner` refuses any row that names another client.
"""

from __future__ import annotations

import base64
import json
import re
import threading
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, ClassVar

import httpx

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.drivers.http import HttpClient, Redactor, RetryPolicy
from clientarea_cli.errors import (
    AuthError,
    ClientAreaError,
    MalformedResponse,
    NotFound,
    NotSupported,
    PaymentError,
    ProviderError,
    UsageError,
)
from clientarea_cli.i18n import N_, _

AUTH_CODES = frozenset({201, 202, 203, 204, 205, 206})
"""FOSSBilling's "Authentication Failed" codes (it answers them with HTTP 401)."""
UNKNOWN_METHOD_CODES = frozenset({701, 715, 740, 879})
"""Unknown API call, module not installed, method does not exist in module."""
READ_ACTIONS = frozenset({"service", "addons", "upgradables", "is_unique"})
"""Read-only methods whose names do not start or end with `get`."""
_USAGE_WORDS = re.compile(
    r"required|invalid|is not valid|must |should |can not be empty|cannot be empty|too long|too short"
    r"|is not allowed|not a valid|passwords? do not match|password incorrect|minimum|maximum",
    re.IGNORECASE,
)
_PAYMENT_WORDS = re.compile(r"not enough|insufficient|balance is too low", re.IGNORECASE)
PER_PAGE = 100
PAY_IN_BROWSER = N_(
    "pay on the invoice's page of the FOSSBilling client area in a browser; "
    "FOSSBilling spends account credit on unpaid invoices by itself when its cron runs"
)
"""FOSSBilling takes no payment through its client API: how an unpaid invoice gets paid."""


def is_read(method: str) -> bool:
    """True when the API method only reads, so sending it again after a lost answer is safe."""
    action = method.rsplit("/", 1)[-1]
    return (
        action in READ_ACTIONS
        or action.startswith("get")
        or action.endswith(("_get", "_get_list", "_get_pairs", "_list"))
    )


def api_root(url: str) -> str:
    """`https://billing.example.com` (or …/api, …/api/client) → `…/api`."""
    root = url.rstrip("/")
    for suffix in ("/api/client", "/api"):
        if root.endswith(suffix):
            root = root[: -len(suffix)]
            break
    return root + "/api"


def envelope_error(
    method: str, status: int, code: object, message: str, provider: str = "fossbilling"
) -> ClientAreaError:
    """Map FOSSBilling's `error {code, message}` (and the HTTP status) to the error tree."""
    text = message.strip().rstrip(".") or "error"
    number = code if isinstance(code, int) else None
    if status == 401 or number in AUTH_CODES:
        return AuthError(
            _("FOSSBilling rejected the API key ({reason})").format(reason=text),
            hint=_(
                "check the key under Profile → API in the client area, then `clientarea auth login`"
            ),
        )
    if number in UNKNOWN_METHOD_CODES:
        return NotSupported(
            _("the API method {method}").format(method=method),
            provider,
            hint=_("this FOSSBilling server answered: {reason}").format(reason=text),
        )
    if "not found" in text.lower():
        return NotFound(text)
    if _PAYMENT_WORDS.search(text):
        return PaymentError(_("FOSSBilling refused the payment: {reason}").format(reason=text))
    if status == 400 or _USAGE_WORDS.search(text):
        return UsageError(_("FOSSBilling refused the request: {reason}").format(reason=text))
    return ProviderError(
        _("FOSSBilling refused {method}: {reason}").format(method=method, reason=text),
        status=status,
        code=None if code is None else str(code),
    )


class FossBillingBase(Driver):
    """What every part of the fossbilling driver shares; the operations live in mixins."""

    name: ClassVar[str] = "fossbilling"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {
            Capability.ACCOUNT,
            Capability.SERVICES,
            Capability.DOMAINS,
            Capability.INVOICES,
            Capability.WALLET,
            Capability.FUNDS_INVOICES,
        }
    )
    credit_note: ClassVar[str | None] = N_(
        "FOSSBilling spends account credit by itself: a renewal invoice the balance covers is "
        "paid from it as soon as it is issued (with or without --use-credit)"
    )
    spends_credit: ClassVar[bool] = True
    pay_hint: ClassVar[str | None] = PAY_IN_BROWSER
    per_page: int = PER_PAGE
    """Rows asked per page; FOSSBilling has no cap, but pages keep answers small."""

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        transport: httpx.BaseTransport | None = None,
        retry: RetryPolicy | None = None,
        debug: Callable[[str], None] | None = None,
        timeout: float = 30.0,
    ) -> None:
        basic = base64.b64encode(f"client:{api_key}".encode()).decode()
        self.redactor = Redactor([api_key, basic])
        root = api_root(base_url)
        common: dict[str, Any] = {
            "headers": {"Authorization": f"Basic {basic}"},
            "transport": transport,
            "retry": retry,
            "debug": debug,
            "redactor": self.redactor,
            "timeout": timeout,
            "provider_name": self.name,
        }
        # Two clients over the same server: POSTs that only read may be sent again after a lost
        # answer; the others never are (HttpClient re-sends only its idempotent methods).
        self.http = HttpClient(root, **common)
        self._reads = HttpClient(root, idempotent_methods=frozenset({"POST"}), **common)
        self._debug = debug
        self._client_id: int | None = None
        self._lock = threading.Lock()
        self.rate_remaining: int | None = None
        """X-RateLimit-Remaining of the last answer; at 0 or below FOSSBilling makes every call
        wait (2 s by default) instead of refusing it."""

    def close(self) -> None:
        self.http.close()
        self._reads.close()

    def made_changes(self) -> bool:
        return self.http.sent_change  # reads go through self._reads

    # -- the envelope -----------------------------------------------------------------------
    def _call(
        self,
        method: str,
        params: Mapping[str, Any] | None = None,
        *,
        page: int | None = None,
        guest: bool = False,
    ) -> Any:
        """POST /api/client/<method>; the envelope's `result`, or the mapped error.

        `guest` calls /api/guest/<method> instead (news, knowledgebase), without credentials."""
        http = self._reads if is_read(method) else self.http
        query = {"page": page} if page is not None else None
        root = http.base_url.removesuffix("/client")
        path = f"{root}/guest/{method}" if guest else f"/client/{method}"
        response = http.request(
            "POST", path, params=query, json=dict(params or {}), anonymous=guest
        )
        self._note_rate(response)
        try:
            body = json.loads(response.content, parse_float=Decimal)
        except ValueError:
            body = None
        if not isinstance(body, dict) or "result" not in body or "error" not in body:
            raise MalformedResponse(
                _("FOSSBilling's answer to {method} is not a {{result, error}} envelope").format(
                    method=method
                ),
                status=response.status_code,
            )
        error = body["error"]
        if error is not None:
            if not isinstance(error, dict):
                raise MalformedResponse(
                    _("FOSSBilling's error for {method} has no message").format(method=method)
                )
            message = error.get("message")
            raise self.redactor.error(
                envelope_error(
                    method,
                    response.status_code,
                    error.get("code"),
                    message if isinstance(message, str) else "",
                    self.name,
                )
            )
        return body["result"]

    def _note_rate(self, response: httpx.Response) -> None:
        """Remember FOSSBilling's remaining budget; say once (in --debug) when it is spent.

        A throttled call is slow, not refused: nothing is re-sent because of it."""
        remaining = response.headers.get("X-RateLimit-Remaining")
        if remaining is None or not remaining.lstrip("-").isdigit():
            return
        was, self.rate_remaining = self.rate_remaining, int(remaining)
        if self.rate_remaining <= 0 and (was is None or was > 0) and self._debug is not None:
            self._debug(
                "FOSSBilling is throttling this client (over its hourly call budget): every call "
                "now waits on the server; nothing is re-sent"
            )

    def _list(
        self,
        method: str,
        params: Mapping[str, Any] | None,
        *,
        limit: int | None,
        guest: bool = False,
    ) -> tuple[list[dict[str, Any]], int]:
        """Every page of a `{list, total, pages}` result, up to `limit` rows; rows and total."""
        per_page = self.per_page if limit is None else max(1, min(limit, self.per_page))
        rows: list[dict[str, Any]] = []
        total, page = 0, 1
        while True:
            query = {**(params or {}), "per_page": per_page}
            result = self._call(method, query, page=page, guest=guest)
            if not isinstance(result, dict) or not isinstance(result.get("list"), list):
                raise MalformedResponse(
                    _("FOSSBilling's answer to {method} is not a list page").format(method=method)
                )
            batch = [row for row in result["list"] if isinstance(row, dict)]
            rows.extend(batch)
            total = int(result.get("total") or 0)
            pages = int(result.get("pages") or 1)
            if not batch or page >= pages or len(rows) >= total:
                break
            if limit is not None and len(rows) >= limit:
                break
            page += 1
        if limit is not None:
            rows = rows[:limit]
        return rows, max(total, len(rows))

    # -- ownership --------------------------------------------------------------------------
    @property
    def client_id(self) -> int:
        """The logged-in client's id (from profile/get, once)."""
        with self._lock:
            if self._client_id is None:
                profile = self._call("profile/get")
                if not isinstance(profile, dict) or not isinstance(profile.get("id"), int):
                    raise MalformedResponse(_("FOSSBilling's profile/get has no client id"))
                self._client_id = profile["id"]
            return self._client_id

    def _check_owner(self, row: Mapping[str, Any], what: str, ref: object) -> None:
        """NotFound (as for a missing object) when the row names another client than ours.

        A row that names no client is left to the caller (check the parent object)."""
        owner = row.get("client_id")
        client = row.get("client")
        if owner is None and isinstance(client, Mapping):
            owner = client.get("id")
        if owner is not None and str(owner) != str(self.client_id):
            raise NotFound(
                _("{what} {ref} was not found in this account").format(what=what, ref=ref)
            )

    def _unsupported_because(self, operation: str, hint: str) -> NotSupported:
        return NotSupported(operation, self.name, hint=hint)

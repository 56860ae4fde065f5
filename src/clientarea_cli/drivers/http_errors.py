"""A provider's error answer as one of our exceptions: its status, and the contract's error body
(`{"error": {"code", "message", "details"}}`) when the provider wrote one."""

from __future__ import annotations

import itertools
from typing import Any

import httpx

from clientarea_cli.errors import (
    AuthError,
    ClientAreaError,
    MalformedResponse,
    NotFound,
    NotSupported,
    PaymentError,
    ProviderError,
    RateLimited,
    UsageError,
)
from clientarea_cli.i18n import _


def _error_body(response: httpx.Response) -> tuple[str | None, str | None, Any]:
    try:
        body = response.json()
    except ValueError:
        return None, None, None
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return None, None, None
    code = error.get("code")
    message = error.get("message")
    return (
        code if isinstance(code, str) else None,
        message if isinstance(message, str) else None,
        error.get("details"),
    )


def _named(text: str, path: str) -> str:
    """ "service not found" for /services/999/cancel becomes "service 999 not found": the id is
    the path segment after the collection the provider's noun names (unchanged if none does)."""
    noun = text.removesuffix(" not found")
    if noun == text or not noun:
        return text
    word = noun.rsplit(" ", 1)[-1].replace("-", "").lower()
    segments = [s for s in path.split("?", maxsplit=1)[0].split("/") if s]
    for collection, ref in itertools.pairwise(segments):
        if collection.replace("-", "").lower().rstrip("s") == word.rstrip("s") and ref not in text:
            return _("{what} {ref} not found").format(what=_(noun), ref=ref)
    return text


def error_from_response(
    response: httpx.Response, method: str, path: str, provider: str = "clientarea"
) -> ClientAreaError:
    """Map an error status and the contract's error body to our exception tree."""
    status = response.status_code
    code, message, details = _error_body(response)
    text = (message or response.reason_phrase or "error").rstrip(".")
    where = f"{method} {path}"
    if status == 401:
        return AuthError(
            _("the provider rejected the credentials ({reason})").format(reason=text),
            hint=_("log in again with `clientarea auth login`"),
        )
    if status == 403:
        return AuthError(_("not allowed: {reason}").format(reason=text))
    if status == 404:
        if code == "not_found" and message:
            return NotFound(_named(text, path))
        return NotFound(_("not found: {where}").format(where=where))
    if status == 402:
        return PaymentError(text, details=details)
    if status in (400, 422):
        return UsageError(
            _("the provider refused the request: {reason}").format(reason=text), details=details
        )
    if status == 409:
        # A conflict with the object's state (not active, locked, in use): a refusal, not a failure.
        return ProviderError(
            _("the provider refused: {reason}").format(reason=text),
            status=status,
            code=code,
            details=details,
        )
    if status == 429:
        return RateLimited(
            _("rate-limited by the provider on {where} after retries").format(where=where),
            hint=_("wait a little, or lower --concurrency"),
        )
    if status == 501:
        return NotSupported(where, provider, hint=text)
    if status >= 500 and code is None:
        # Not the provider's own error body (a proxy's page, a cut answer): nothing says whether
        # the request was handled.
        return MalformedResponse(
            _(
                "the provider failed on {where}: {status} {text} (an answer it did not write)"
            ).format(where=where, status=status, text=text),
            status=status,
        )
    return ProviderError(
        _("the provider failed on {where}: {status} {reason}").format(
            where=where, status=status, reason=text
        ),
        status=status,
        code=code,
        details=details,
    )

"""Where a request may go and what a failed connection means: URL checks before any socket is
opened, proxies kept away from loopback, and transport errors told by their cause (a refused
connection, an unknown host and a rejected certificate are three different things to fix)."""

from __future__ import annotations

import ipaddress
import re
import socket
import ssl
from urllib.parse import urlsplit

import httpx

from clientarea_cli.errors import UsageError
from clientarea_cli.i18n import _


def is_loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


_HOST_LABEL = re.compile(r"(?!-)[a-z0-9_-]{1,63}(?<!-)")


def _valid_host(url: str) -> bool:
    """A DNS name or an IP literal, as httpx would send it (IDN in punycode), and a real port."""
    try:
        parsed = httpx.URL(url)
        port = parsed.port
    except (httpx.InvalidURL, ValueError):
        return False
    if port is not None and not 0 < port < 65536:
        return False
    host = parsed.raw_host.decode("ascii", "replace").lower()
    try:
        ipaddress.ip_address(host)
    except ValueError:
        labels = host.removesuffix(".").split(".")
        return len(host) <= 253 and all(_HOST_LABEL.fullmatch(label) for label in labels)
    return True


def check_base_url(url: str) -> None:
    """Refuse anything but https, and plain http on loopback, before any socket is opened."""
    try:
        parts = urlsplit(url)
        port_ok = parts.port is None or parts.port > 0
    except ValueError:  # a port that is not a number, a bracket that does not close
        port_ok = False
    if not port_ok or parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(
            _("not a provider URL: {url!r}").format(url=url), hint=_("use https://host/path")
        )
    if not _valid_host(url):
        raise UsageError(
            _("not a provider URL: {url!r} (the host or port is not valid)").format(url=url)
        )
    if parts.username or parts.password:
        raise UsageError(_("credentials do not belong in the URL; use `clientarea auth login`"))
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise UsageError(
            _("refusing plain http:// to {hostname}: the API key would travel unencrypted").format(
                hostname=parts.hostname
            ),
            hint=_("use https://, or http:// only on 127.0.0.1, ::1 or localhost"),
        )


def sent_anything(exc: httpx.TransportError) -> bool:
    """Connect failures and pool timeouts happen before any byte reaches the provider."""
    return not isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


def root_cause(exc: BaseException) -> BaseException:
    """The OS or TLS error under httpx's and httpcore's wrappers."""
    seen = {id(exc)}
    while (inner := exc.__cause__ or exc.__context__) is not None and id(inner) not in seen:
        seen.add(id(inner))
        exc = inner
    return exc


def _describe_connect_error(exc: httpx.ConnectError) -> str:
    cause = root_cause(exc)
    if isinstance(cause, ssl.SSLCertVerificationError):
        return f"its TLS certificate was not accepted ({cause.verify_message or cause.reason})"
    if isinstance(cause, ssl.SSLError):
        return f"the TLS handshake failed ({cause.reason or cause})"
    if isinstance(cause, socket.gaierror):
        return "host not found"
    if isinstance(cause, ConnectionRefusedError):
        return "connection refused"
    text = str(exc).lower()
    if "certificate" in text:
        return f"its TLS certificate was not accepted ({exc})"
    if "name or service not known" in text or "nodename nor servname" in text:
        return "host not found"
    if "refused" in text:
        return "connection refused"
    return str(exc) or "the connection failed"


def describe_transport_error(exc: httpx.TransportError) -> str:
    if isinstance(exc, httpx.ConnectError):
        return _describe_connect_error(exc)
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.RemoteProtocolError):
        return "the connection was closed without a complete answer"
    return type(exc).__name__


def client_ssl_context(url: str) -> ssl.SSLContext | bool:
    """Plain-http loopback profiles never do TLS: skip loading the CA bundle (~20 ms)."""
    if urlsplit(url).scheme == "http":
        return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    return True


def direct_to_loopback(url: str) -> dict[str, httpx.BaseTransport | None]:
    """HTTP(S)_PROXY and ALL_PROXY are honoured for a remote provider (https, tunnelled through
    the proxy); a loopback provider is reached directly, or a plain-http request would hand the
    API key to the proxy in clear. (None routes the host to the client's own direct transport.)"""
    host = urlsplit(url).hostname or ""
    if not is_loopback_host(host):
        return {}
    return {f"all://{f'[{host}]' if ':' in host else host}": None}

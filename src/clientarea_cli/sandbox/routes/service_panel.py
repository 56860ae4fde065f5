"""A service's control panel: its password, credentials, one-time login links, mailboxes, usage.

Sandbox rules beyond the contract's shapes:
- hosting plans, VPSs and Email Business have a control panel (``products.panel``); other services
  answer 409 for panel operations; a ``cancelled`` or ``expired`` service has no account left (409);
- a password (panel or mailbox) is strong when it has 10 to 128 characters, mixes at least three
  of lower-case letters, upper-case letters, digits and symbols, has no spaces at either end and
  does not contain the user name (or the mailbox's local part); it is kept only as a salted hash,
  so ``credentials.password`` is always null;
- a login link is valid for 5 minutes and once; asking for a new one voids the earlier ones;
- mailboxes exist on hosting plans only (``type`` hosting), at the service's domain, as many as the
  plan allows (``mailbox_limit``), each with a quota up to ``mailbox_quota_mb`` (default 1024 MB or
  the plan's maximum if smaller);
- usage is metered for hosting plans and VPSs and is deterministic: disk is the mailboxes' use plus
  a share derived from the service id; bandwidth grows by a daily amount derived from the service
  id over the calendar month of the provider's date.
"""

from __future__ import annotations

import calendar
import hashlib
import re
import secrets
import sqlite3
import zlib
from datetime import UTC, datetime, time, timedelta
from typing import Any
from urllib.parse import unquote

from ..dates import instant_on
from ..params import Query
from ..router import Context, Router
from ..validation import email_problem
from ..web import Response, not_found, validation_failed
from .common import body_object, keyed, ok
from .requests import unknown_fields
from .service_common import (
    conflict,
    find_service,
    is_int,
    label,
    product_of,
    require_active,
)

MIN_PASSWORD, MAX_PASSWORD = 10, 128
LOGIN_LINK_MINUTES = 5
DEFAULT_QUOTA_MB = 1024
PANEL_URLS = {
    "hosting": "https://{server}:2083/",
    "server": "https://{server}:8443/",
    "email": "https://{server}/admin/",
}
GONE = ("cancelled", "expired")
_CLASSES = (re.compile(r"[a-z]"), re.compile(r"[A-Z]"), re.compile(r"[0-9]"), re.compile(r"[^A-Za-z0-9]"))  # fmt: skip


def password_problem(password: object, name: str | None) -> str | None:
    """Why ``password`` is too weak (``name``: the user name it must not contain), or None."""
    if not isinstance(password, str):
        return f"is required: {MIN_PASSWORD} to {MAX_PASSWORD} characters"
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        return f"must have {MIN_PASSWORD} to {MAX_PASSWORD} characters"
    if password != password.strip() or any(ord(c) < 32 for c in password):
        return "must not start or end with a space, nor hold control characters"
    if sum(1 for pattern in _CLASSES if pattern.search(password)) < 3:
        return "must mix at least three of: lower-case letters, upper-case letters, digits, symbols"
    if name and len(name) >= 3 and name.lower() in password.lower():
        return f"must not contain the user name ({name})"
    return None


def _hash(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 1000)
    return f"pbkdf2_sha256$1000${salt.hex()}${digest.hex()}"


def _panel(conn: sqlite3.Connection, service: sqlite3.Row) -> sqlite3.Row:
    """The service's product, when it has a control panel and an account; else 409."""
    product = product_of(conn, service)
    if product is None or not product["panel"]:
        raise conflict(f"{label(service)} has no control panel")
    if service["status"] in GONE:
        raise conflict(f"{label(service)} is {service['status']}: its account was removed",
                       {"status": service["status"]})  # fmt: skip
    return product


def _panel_url(product: sqlite3.Row, service: sqlite3.Row) -> str:
    return PANEL_URLS.get(str(product["type"]), PANEL_URLS["hosting"]).format(
        server=service["server_host"]
    )


# -- password, credentials, login link ----------------------------------------------------------


def change_password(ctx: Context) -> Response:
    body = body_object(ctx)
    with ctx.db.write() as conn:
        service = find_service(conn, ctx)
        problems = unknown_fields(body, ("password",))
        if (problem := password_problem(body.get("password"), service["username"])) is not None:
            problems["password"] = problem
        if problems:
            raise validation_failed(problems)
        _panel(conn, service)
        require_active(service, "only an active service's panel password can change")
        conn.execute(
            "UPDATE services SET panel_password_hash = ? WHERE id = ?",
            (_hash(str(body["password"])), service["id"]),
        )
    return Response(204, b"")


def get_credentials(ctx: Context) -> Response:
    with ctx.db.write() as conn:
        service = find_service(conn, ctx)
        product = _panel(conn, service)
    return ok({
        "service_id": service["id"], "username": service["username"],
        "server": service["server_host"], "panel_url": _panel_url(product, service),
        "password": None,
    })  # fmt: skip


def create_login_url(ctx: Context) -> Response:
    now = datetime.combine(ctx.today, datetime.now(UTC).time().replace(microsecond=0), UTC)
    expires = now + timedelta(minutes=LOGIN_LINK_MINUTES)
    token = secrets.token_urlsafe(24)
    with ctx.db.write() as conn:
        service = find_service(conn, ctx)
        product = _panel(conn, service)
        require_active(service, "only an active service's panel can be entered")
        stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
        conn.execute(
            "UPDATE login_tokens SET expires_at = ? WHERE service_id = ? AND used_at IS NULL"
            " AND expires_at > ?",
            (stamp, service["id"], stamp),
        )
        conn.execute(
            "INSERT INTO login_tokens (service_id, token_hash, created_at, expires_at)"
            " VALUES (?, ?, ?, ?)",
            (service["id"], hashlib.sha256(token.encode()).hexdigest(), stamp,
             expires.strftime("%Y-%m-%dT%H:%M:%SZ")),
        )  # fmt: skip
    url = f"{_panel_url(product, service)}login?token={token}"
    return ok({"url": url, "expires_at": expires.strftime("%Y-%m-%dT%H:%M:%SZ")})


# -- mailboxes ----------------------------------------------------------------------------------


def _hosting(conn: sqlite3.Connection, service: sqlite3.Row) -> sqlite3.Row:
    product = product_of(conn, service)
    if product is None or product["type"] != "hosting":
        raise conflict(f"{label(service)} is not a hosting plan: mailboxes live on hosting plans")
    return product


def _mailbox_json(row: sqlite3.Row) -> dict[str, object]:
    return {"address": row["address"], "quota_mb": row["quota_mb"], "used_mb": row["used_mb"],
            "created_at": row["created_at"]}  # fmt: skip


def list_mailboxes(ctx: Context) -> Response:
    query = Query(ctx.request.query)
    page = query.page()
    query.check()
    with ctx.db.write() as conn:
        service = find_service(conn, ctx)
        _hosting(conn, service)
        rows = conn.execute(
            "SELECT * FROM mailboxes WHERE service_id = ? ORDER BY address", (service["id"],)
        ).fetchall()
    return ok(page.slice([_mailbox_json(row) for row in rows]))


def _mailbox_problems(body: dict[str, Any]) -> dict[str, str]:
    problems = unknown_fields(body, ("address", "password", "quota_mb"))
    address = body.get("address")
    if not isinstance(address, str) or len(address) > 254 or email_problem(address):
        problems["address"] = "is required: an e-mail address such as info@example.com"
        address = None
    local = address.partition("@")[0] if isinstance(address, str) else None
    if (problem := password_problem(body.get("password"), local)) is not None:
        problems["password"] = problem
    quota = body.get("quota_mb")
    if quota is not None and (not is_int(quota) or quota < 1):
        problems["quota_mb"] = "must be a whole number of MB (1 or more), or null for the default"
    return problems


def create_mailbox(ctx: Context) -> Response:
    def handler() -> Response:
        body = body_object(ctx)
        problems = _mailbox_problems(body)
        if problems:
            raise validation_failed(problems)
        address = str(body["address"]).lower()
        with ctx.db.write() as conn:
            service = find_service(conn, ctx)
            product = _hosting(conn, service)
            require_active(service, "mailboxes are created on active services only")
            domain = str(service["domain"] or "").lower()
            if address.partition("@")[2] != domain:
                raise validation_failed({"address": f"must be an address at {domain}, the "
                                         "domain this service hosts"})  # fmt: skip
            maximum = int(product["mailbox_quota_mb"])
            quota = body.get("quota_mb") or min(DEFAULT_QUOTA_MB, maximum)
            if quota > maximum:
                raise validation_failed({"quota_mb": f"{product['name']} allows at most "
                                         f"{maximum} MB per mailbox"})  # fmt: skip
            exists = conn.execute(
                "SELECT 1 FROM mailboxes WHERE service_id = ? AND address = ?",
                (service["id"], address),
            ).fetchone()
            if exists:
                raise conflict(f"the mailbox {address} already exists")
            count = conn.execute(
                "SELECT count(*) FROM mailboxes WHERE service_id = ?", (service["id"],)
            ).fetchone()[0]
            if count >= product["mailbox_limit"]:
                raise conflict(f"{product['name']} allows {product['mailbox_limit']} mailboxes "
                               f"and {label(service)} has {count}")  # fmt: skip
            conn.execute(
                "INSERT INTO mailboxes (service_id, address, quota_mb, used_mb, password_hash,"
                " created_at) VALUES (?, ?, ?, 0, ?, ?)",
                (service["id"], address, quota, _hash(str(body["password"])),
                 instant_on(ctx.today)),
            )  # fmt: skip
            row = conn.execute(
                "SELECT * FROM mailboxes WHERE service_id = ? AND address = ?",
                (service["id"], address),
            ).fetchone()
        return ok(_mailbox_json(row), 201)

    return keyed(ctx, handler)


def delete_mailbox(ctx: Context) -> Response:
    address = unquote(ctx.params["address"]).lower()
    with ctx.db.write() as conn:
        service = find_service(conn, ctx)
        _hosting(conn, service)
        cursor = conn.execute(
            "DELETE FROM mailboxes WHERE service_id = ? AND address = ?", (service["id"], address)
        )
        if cursor.rowcount == 0:
            raise not_found("mailbox")
    return Response(204, b"")


# -- usage --------------------------------------------------------------------------------------


def get_usage(ctx: Context) -> Response:
    today = ctx.today
    with ctx.db.write() as conn:
        service = find_service(conn, ctx)
        product = product_of(conn, service)
        if product is None or product["type"] not in ("hosting", "server"):
            raise conflict(f"{label(service)} has no metered disk or bandwidth")
        mail = conn.execute(
            "SELECT coalesce(sum(used_mb), 0) FROM mailboxes WHERE service_id = ?",
            (service["id"],),
        ).fetchone()[0]
    seed = zlib.crc32(f"service:{service['id']}".encode())
    disk = int(mail) + 500 + seed % 4000
    daily = 100 + (seed >> 12) % 300
    last = calendar.monthrange(today.year, today.month)[1]
    return ok({
        "service_id": service["id"], "disk_used_mb": disk, "disk_limit_mb": product["disk_mb"],
        "bandwidth_used_mb": daily * today.day, "bandwidth_limit_mb": product["bandwidth_mb"],
        "period_start": today.replace(day=1).isoformat(),
        "period_end": today.replace(day=last).isoformat(),
        "updated_at": datetime.combine(today, time(6, 0), UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    })  # fmt: skip


def register(router: Router) -> None:
    base = "/v1/services/{id}"
    router.add("POST", f"{base}/password", "changeServicePassword", change_password)
    router.add("GET", f"{base}/credentials", "getServiceCredentials", get_credentials)
    router.add("POST", f"{base}/login-url", "createServiceLoginUrl", create_login_url)
    router.add("GET", f"{base}/mailboxes", "listMailboxes", list_mailboxes)
    router.add("POST", f"{base}/mailboxes", "createMailbox", create_mailbox)
    router.add("DELETE", f"{base}/mailboxes/{{address}}", "deleteMailbox", delete_mailbox)
    router.add("GET", f"{base}/usage", "getServiceUsage", get_usage)

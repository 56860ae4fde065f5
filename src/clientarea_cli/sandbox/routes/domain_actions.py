"""Changing one domain: settings, recurring payment, early renewal and nameservers.

Each operation is a function ``(conn, client_id, today, ref, body) -> JSON`` that raises
``ApiError``. The single-domain routes below and the bulk endpoint (``domain_bulk.py``) call the
same functions inside their write transaction, so a bulk item follows exactly the rules of its
single operation. Each body also has a pure ``*_problems`` check of its shape (types, required
fields, ranges): the bulk endpoint runs it over every item before it changes anything.

Order of checks in every operation: the body's shape (422), the domain (404), its state (409),
then the rules that depend on the domain or the account (422).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from ..dates import add_years
from ..invoicing import (
    DOMAIN_RENEWAL,
    apply_credit,
    card_problem,
    issue_invoice,
    renewal_line,
    renewal_years,
)
from ..router import Context, Router
from ..validation import MAX_NAMESERVERS, MIN_NAMESERVERS, nameservers_problems
from ..web import ApiError, Response, not_found, validation_failed
from .billing import invoice_json
from .common import json_list, ok
from .domains import domain_json

SETTINGS = ("auto_renew", "registrar_lock", "id_protection")
# TLDs whose registry does not offer a feature. Red.es gives registrars no transfer lock for
# .es; EURid publishes no personal data of private registrants, so .eu has no privacy service.
NO_REGISTRAR_LOCK = frozenset({"es"})
NO_ID_PROTECTION = frozenset({"eu"})
UNSUPPORTED = {"registrar_lock": NO_REGISTRAR_LOCK, "id_protection": NO_ID_PROTECTION}
FEATURE_NAMES = {"registrar_lock": "registrar lock", "id_protection": "ID protection"}
# States in which a domain takes no recurring payment, or no renewal at all.
NO_RECURRING = ("cancelled", "transferred_away")
CANNOT_RENEW = ("cancelled", "transferred_away", "pending")
REDEMPTION_DAYS = 30  # after expiry + this many days the registry has released the name
MAX_REGISTRATION_YEARS = 10  # no registration may run further than this from today
MAX_RENEWAL_YEARS = 10
RENEWAL_DUE_DAYS = 7  # an early renewal invoice is due in a week (sooner if the domain is due)


# -- the bodies' shapes ----------------------------------------------------------------------


def require_object(body: object) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise ApiError(400, "bad_request", "the request body must be a JSON object")
    return body


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _unknown(body: dict[str, Any], allowed: tuple[str, ...]) -> dict[str, str]:
    return {key: "is not a field of this request" for key in body if key not in allowed}


def update_problems(body: dict[str, Any]) -> dict[str, str]:
    """``DomainUpdate``: at least one of the three settings, each a boolean."""
    problems = _unknown(body, SETTINGS)
    for name in SETTINGS:
        if name in body and not isinstance(body[name], bool):
            problems[name] = "must be true or false"
    if not any(name in body for name in SETTINGS):
        problems["body"] = "give at least one of auto_renew, registrar_lock, id_protection"
    return problems


def recurring_problems(body: dict[str, Any]) -> dict[str, str]:
    """``DomainRecurringUpdate``: ``enabled``, and a method id when it is true."""
    problems = _unknown(body, ("enabled", "payment_method_id", "contact_id"))
    enabled = body.get("enabled")
    if not isinstance(enabled, bool):
        problems["enabled"] = "is required: true or false"
    for name in ("payment_method_id", "contact_id"):
        value = body.get(name)
        if value is not None and not _is_int(value):
            problems[name] = "must be an id (a whole number) or null"
    if enabled is True and body.get("payment_method_id") is None:
        problems.setdefault("payment_method_id", "is required to switch recurring payment on")
    return problems


def renewal_problems(body: dict[str, Any]) -> dict[str, str]:
    """``DomainRenewalRequest``: ``years`` from 1 to 10, ``use_credit`` a boolean."""
    problems = _unknown(body, ("years", "use_credit"))
    years = body.get("years")
    if not isinstance(years, int) or isinstance(years, bool) or not 1 <= years <= MAX_RENEWAL_YEARS:
        problems["years"] = f"is required: a whole number of years from 1 to {MAX_RENEWAL_YEARS}"
    if "use_credit" in body and not isinstance(body["use_credit"], bool):
        problems["use_credit"] = "must be true or false"
    return problems


def nameservers_body_problems(body: dict[str, Any]) -> dict[str, str]:
    """``Nameservers``: the list itself (names are checked when applied)."""
    problems = _unknown(body, ("nameservers",))
    value = body.get("nameservers")
    if not isinstance(value, list):
        problems["nameservers"] = "is required: a list of 2 to 5 host names"
    elif not MIN_NAMESERVERS <= len(value) <= MAX_NAMESERVERS:
        problems["nameservers"] = f"must list {MIN_NAMESERVERS} to {MAX_NAMESERVERS} host names"
    elif not all(isinstance(item, str) for item in value):
        problems["nameservers"] = "must list host names as strings"
    return problems


def _checked(body: dict[str, Any], problems: dict[str, str]) -> dict[str, Any]:
    if problems:
        raise validation_failed(problems)
    return body


# -- the operations ----------------------------------------------------------------------------


def lookup_domain(conn: sqlite3.Connection, client_id: int, ref: str) -> sqlite3.Row:
    """The client's domain named by ``ref`` (digits: the id; else the name), or 404."""
    arg: int | str
    if ref.isdigit() and len(ref) <= 18:
        sql, arg = "SELECT * FROM domains WHERE id = ? AND client_id = ?", int(ref)
    else:
        sql, arg = "SELECT * FROM domains WHERE name = ? AND client_id = ?", ref.lower()
    row: sqlite3.Row | None = conn.execute(sql, (arg, client_id)).fetchone()
    if row is None:
        raise not_found("domain")
    return row


def _reload(conn: sqlite3.Connection, domain_id: int) -> dict[str, object]:
    return domain_json(conn.execute("SELECT * FROM domains WHERE id = ?", (domain_id,)).fetchone())


def _conflict(row: sqlite3.Row, what: str) -> ApiError:
    status = str(row["status"])
    return ApiError(409, "conflict", f"{row['name']} is {status}: {what}", {"status": status})


def update_domain(
    conn: sqlite3.Connection, client_id: int, today: date, ref: str, body: dict[str, Any]
) -> dict[str, object]:
    """``updateDomain``: switch settings of an active domain; an unchanged value is a no-op."""
    _checked(body, update_problems(body))
    row = lookup_domain(conn, client_id, ref)
    if row["status"] != "active":
        raise _conflict(row, "only an active domain's settings can change")
    tld = str(row["tld"]).rsplit(".", 1)[-1]
    changes = {name: int(body[name]) for name in SETTINGS if name in body}
    changes = {name: value for name, value in changes.items() if value != row[name]}
    refused = {
        name: f"{FEATURE_NAMES[name]} is not available for .{tld} domains"
        for name, value in changes.items()
        if value and tld in UNSUPPORTED.get(name, ())
    }
    if refused:
        raise validation_failed(refused)
    for name, value in changes.items():  # names come from SETTINGS, never from the request
        conn.execute(f"UPDATE domains SET {name} = ? WHERE id = ?", (value, row["id"]))  # noqa: S608
    return _reload(conn, int(row["id"]))


def set_recurring(
    conn: sqlite3.Connection, client_id: int, today: date, ref: str, body: dict[str, Any]
) -> dict[str, object]:
    """``setDomainRecurring``: on with a validated, unexpired card of the account, or off."""
    _checked(body, recurring_problems(body))
    row = lookup_domain(conn, client_id, ref)
    if row["status"] in NO_RECURRING:
        raise _conflict(row, "it can no longer renew")
    method_id: int | None = None
    contact_id: int | None = None
    if body["enabled"]:
        # A contact left out of the request stays as it is; null means the account holder.
        keep = row["recurring_contact_id"]
        method_id, contact_id = body["payment_method_id"], body.get("contact_id", keep)
        method = conn.execute(
            "SELECT * FROM payment_methods WHERE id = ? AND client_id = ?", (method_id, client_id)
        ).fetchone()
        problems: dict[str, str] = {}
        problem = card_problem(method, today)
        if problem is not None:
            problems["payment_method_id"] = problem
        if (
            contact_id is not None
            and "contact_id" in body
            and not conn.execute(
                "SELECT 1 FROM contacts WHERE id = ? AND client_id = ?", (contact_id, client_id)
            ).fetchone()
        ):
            problems["contact_id"] = "no such contact in this account"
        if problems:
            raise validation_failed(problems)
    conn.execute(
        "UPDATE domains SET recurring_enabled = ?, recurring_payment_method_id = ?,"
        " recurring_contact_id = ? WHERE id = ?",
        (int(body["enabled"]), method_id, contact_id, row["id"]),
    )
    return _reload(conn, int(row["id"]))


def unpaid_renewal_years(conn: sqlite3.Connection, domain_id: int) -> int:
    """Years of renewal already invoiced for the domain and not paid yet."""
    rows = conn.execute(
        "SELECT ii.description FROM invoice_items ii JOIN invoices i ON i.id = ii.invoice_id"
        " WHERE ii.related_id = ? AND ii.type = ? AND i.status = 'unpaid'",
        (domain_id, DOMAIN_RENEWAL),
    )
    return sum(renewal_years(str(r[0])) for r in rows)


def open_renewal(conn: sqlite3.Connection, client_id: int, domain_id: int) -> sqlite3.Row | None:
    """The oldest unpaid invoice billing the domain's renewal (its id and the line), if any."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT i.id, i.number, ii.description FROM invoice_items ii"
        " JOIN invoices i ON i.id = ii.invoice_id WHERE ii.related_id = ? AND ii.type = ?"
        " AND i.status = 'unpaid' AND i.client_id = ? ORDER BY i.id LIMIT 1",
        (domain_id, DOMAIN_RENEWAL, client_id),
    ).fetchone()
    return row


def renew_domain(
    conn: sqlite3.Connection, client_id: int, today: date, ref: str, body: dict[str, Any]
) -> dict[str, object]:
    """``renewDomain``: issue the renewal invoice; apply credit to it only when asked.

    An unpaid invoice that already bills the domain's renewal for the same years is answered
    instead of a second one (for other years: 409, pay that one first).
    """
    _checked(body, renewal_problems(body))
    row = lookup_domain(conn, client_id, ref)
    if row["status"] in CANNOT_RENEW:
        raise _conflict(row, "it cannot be renewed")
    expiry = date.fromisoformat(row["expiry_date"])
    if today > expiry + timedelta(days=REDEMPTION_DAYS):
        raise ApiError(409, "conflict", f"{row['name']} is past redemption and cannot be renewed",
                       {"status": str(row["status"]), "expiry_date": expiry.isoformat()})  # fmt: skip
    years: int = body["years"]
    open_invoice = open_renewal(conn, client_id, int(row["id"]))
    if open_invoice is not None:
        billed = renewal_years(str(open_invoice["description"]))
        if billed != years:
            raise ApiError(
                409, "conflict",
                f"{row['name']} already has an unpaid renewal invoice {open_invoice['number']} "
                f"for {billed} year(s): pay it first",
                {"invoice_id": str(open_invoice["id"]), "years": str(billed)},
            )  # fmt: skip
        if body.get("use_credit") is True:
            apply_credit(conn, client_id, int(open_invoice["id"]), today)
        return invoice_json(conn, int(open_invoice["id"]), today)
    invoiced = unpaid_renewal_years(conn, int(row["id"]))
    limit = add_years(today, MAX_REGISTRATION_YEARS)
    if add_years(expiry, invoiced + years) > limit:
        room = 0
        while room < years and add_years(expiry, invoiced + room + 1) <= limit:
            room += 1
        raise validation_failed({
            "years": f"the registration may not run past {limit.isoformat()} "
            f"({MAX_REGISTRATION_YEARS} years from today): at most {room} more year(s)"
        })  # fmt: skip
    next_due = date.fromisoformat(row["next_due_date"])
    due = today + timedelta(days=RENEWAL_DUE_DAYS)
    if today <= next_due < due:
        due = next_due
    line = renewal_line(str(row["name"]), int(row["id"]), years, Decimal(row["recurring_amount"]))
    invoice_id = issue_invoice(conn, client_id, str(row["currency"]), [line], today, due)
    if body.get("use_credit") is True:
        apply_credit(conn, client_id, invoice_id, today)
    return invoice_json(conn, invoice_id, today)


def set_nameservers(
    conn: sqlite3.Connection, client_id: int, today: date, ref: str, body: dict[str, Any]
) -> dict[str, object]:
    """``setDomainNameservers``: replace the delegation of an active domain."""
    problems = nameservers_body_problems(body)
    names: list[str] = []
    if not problems:
        names, problems = nameservers_problems(body["nameservers"])
    _checked(body, problems)
    row = lookup_domain(conn, client_id, ref)
    if row["status"] != "active":
        raise _conflict(row, "only an active domain's nameservers can change")
    conn.execute("UPDATE domains SET nameservers = ? WHERE id = ?", (json.dumps(names), row["id"]))
    return _reload(conn, int(row["id"]))


# -- the single-domain routes ------------------------------------------------------------------


def _body(ctx: Context) -> dict[str, Any]:
    return require_object(ctx.request.json_body())


def patch_domain(ctx: Context) -> Response:
    body = _body(ctx)
    with ctx.db.write() as conn:
        return ok(update_domain(conn, ctx.client_id, ctx.today, ctx.params["domain"], body))


def put_recurring(ctx: Context) -> Response:
    body = _body(ctx)
    with ctx.db.write() as conn:
        return ok(set_recurring(conn, ctx.client_id, ctx.today, ctx.params["domain"], body))


def post_renewal(ctx: Context) -> Response:
    def run() -> Response:
        body = _body(ctx)
        with ctx.db.write() as conn:
            invoice = renew_domain(conn, ctx.client_id, ctx.today, ctx.params["domain"], body)
        return ok(invoice, 201)

    key = ctx.request.header("idempotency-key")
    scope = f"POST {ctx.request.path}"
    return ctx.idempotency.idempotent(ctx.client_id, key, ctx.request.body, run, scope=scope)


def get_nameservers(ctx: Context) -> Response:
    with ctx.db.read() as conn:
        row = lookup_domain(conn, ctx.client_id, ctx.params["domain"])
    return ok({"nameservers": json_list(row["nameservers"])})


def put_nameservers(ctx: Context) -> Response:
    body = _body(ctx)
    with ctx.db.write() as conn:
        domain = set_nameservers(conn, ctx.client_id, ctx.today, ctx.params["domain"], body)
    return ok({"nameservers": domain["nameservers"]})


def register(router: Router) -> None:
    router.add("PATCH", "/v1/domains/{domain}", "updateDomain", patch_domain)
    router.add("PUT", "/v1/domains/{domain}/recurring", "setDomainRecurring", put_recurring)
    router.add("POST", "/v1/domains/{domain}/renewal", "renewDomain", post_renewal)
    router.add("GET", "/v1/domains/{domain}/nameservers", "getDomainNameservers", get_nameservers)
    router.add("PUT", "/v1/domains/{domain}/nameservers", "setDomainNameservers", put_nameservers)

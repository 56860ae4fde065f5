"""Provider, account, contacts and operations (idempotency keys)."""

from __future__ import annotations

import sqlite3

from ..idempotency import MAX_KEY_LENGTH
from ..params import Query
from ..router import Context, Router
from ..topups import presets
from ..web import Response, not_found, validation_failed
from .common import flag, json_list, ok, path_id
from .tickets import ATTACHMENT_LIMITS

PROVIDER_NAME = "Sandbox Hosting"


def _account(row: sqlite3.Row) -> dict[str, object]:
    fields = ("id", "email", "first_name", "last_name", "company", "address1", "address2",
              "city", "state", "postcode", "country", "phone", "tax_id", "currency", "language")  # fmt: skip
    account: dict[str, object] = {name: row[name] for name in fields}
    account["email_verified"] = flag(row["email_verified"])
    account["security_question"] = row["security_question"]
    account["created_at"] = row["created_at"]
    return account


def _contact(row: sqlite3.Row) -> dict[str, object]:
    fields = ("id", "first_name", "last_name", "company", "email", "phone", "address1", "city",
              "postcode", "country")  # fmt: skip
    contact: dict[str, object] = {name: row[name] for name in fields}
    contact["email_kinds"] = json_list(row["email_kinds"])
    contact["is_billing"] = flag(row["is_billing"])
    return contact


def get_account(ctx: Context) -> Response:
    with ctx.db.read() as conn:
        row = conn.execute("SELECT * FROM clients WHERE id = ?", (ctx.client_id,)).fetchone()
    if row is None:
        raise not_found("account")
    return ok(_account(row))


def list_contacts(ctx: Context) -> Response:
    query = Query(ctx.request.query)
    page = query.page()
    query.check()
    with ctx.db.read() as conn:
        rows = conn.execute(
            "SELECT * FROM contacts WHERE client_id = ? ORDER BY id", (ctx.client_id,)
        ).fetchall()
    return ok(page.slice([_contact(row) for row in rows]))


def get_contact(ctx: Context) -> Response:
    contact_id = path_id(ctx, "id", "contact")
    with ctx.db.read() as conn:
        row = conn.execute(
            "SELECT * FROM contacts WHERE id = ? AND client_id = ?", (contact_id, ctx.client_id)
        ).fetchone()
    if row is None:
        raise not_found("contact")
    return ok(_contact(row))


def get_operation(ctx: Context) -> Response:
    key = ctx.params["key"]
    if len(key) > MAX_KEY_LENGTH:  # no request could have carried it
        raise validation_failed({"key": f"must be at most {MAX_KEY_LENGTH} characters"})
    return ok(ctx.idempotency.lookup(ctx.client_id, key))


def register(router: Router) -> None:
    def get_provider(ctx: Context) -> Response:
        return ok({
            "name": PROVIDER_NAME,
            "api_version": "1",
            "today": ctx.today.isoformat(),
            "currency": "EUR",
            "top_up_presets": presets("EUR"),
            "operations": router.operations(),
            "ticket_attachments": ATTACHMENT_LIMITS,
        })  # fmt: skip

    router.add("GET", "/v1/provider", "getProvider", get_provider, auth=False)
    router.add("GET", "/v1/account", "getAccount", get_account)
    router.add("GET", "/v1/contacts", "listContacts", list_contacts)
    router.add("GET", "/v1/contacts/{id}", "getContact", get_contact)
    router.add("GET", "/v1/operations/{key}", "getOperation", get_operation)

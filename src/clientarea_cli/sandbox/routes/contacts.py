"""Adding, changing and removing the account's contacts (listing them lives in ``account``).

Sandbox rules beyond the contract's shapes:
- fields are checked as the account's (``people_rules``); ``email_kinds`` lists each kind of
  e-mail once, stored in the contract's order;
- two contacts of one account cannot share an e-mail address (409 ``conflict``);
- a contact chosen as the billing contact of a domain's recurring payment cannot be removed:
  409 ``conflict`` with ``details.domains`` naming those domains.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..people_rules import CONTACT_FIELDS, email_kinds_problem, field_problems, ordered_kinds
from ..router import Context, Router
from ..web import ApiError, Response, not_found, validation_failed
from .account import _contact
from .common import ok, path_id
from .requests import body_object, keyed, no_content, unknown_fields

ALLOWED = (*CONTACT_FIELDS, "email_kinds", "is_billing")


def _checked(body: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    """The body's fields, checked and cleaned; else 422 naming each bad field."""
    problems = unknown_fields(body, ALLOWED)
    values, field_issues = field_problems(body, CONTACT_FIELDS)
    problems.update(field_issues)
    if creating:
        for name in ("first_name", "last_name", "email"):
            if name not in body:
                problems[name] = "is required"
    elif not body:
        problems["body"] = "give at least one field to change"
    if "email_kinds" in body:
        if (problem := email_kinds_problem(body["email_kinds"])) is not None:
            problems["email_kinds"] = problem
        else:
            values["email_kinds"] = json.dumps(ordered_kinds(body["email_kinds"]))
    if "is_billing" in body:
        if isinstance(body["is_billing"], bool):
            values["is_billing"] = int(body["is_billing"])
        else:
            problems["is_billing"] = "must be true or false"
    if problems:
        raise validation_failed(problems)
    return values


def _find(conn: sqlite3.Connection, ctx: Context) -> sqlite3.Row:
    contact_id = path_id(ctx, "id", "contact")
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM contacts WHERE id = ? AND client_id = ?", (contact_id, ctx.client_id)
    ).fetchone()
    if row is None:
        raise not_found("contact")
    return row


def _same_email(conn: sqlite3.Connection, ctx: Context, email: str, exclude: int = 0) -> None:
    row = conn.execute(
        "SELECT id FROM contacts WHERE client_id = ? AND lower(email) = lower(?) AND id != ?",
        (ctx.client_id, email, exclude),
    ).fetchone()
    if row is not None:
        raise ApiError(409, "conflict", f"contact {row['id']} already has the address {email}")


def _recurring_domains(conn: sqlite3.Connection, contact_id: int) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM domains WHERE recurring_contact_id = ? ORDER BY name", (contact_id,)
    ).fetchall()
    return [str(row["name"]) for row in rows]


def _in_use(contact_id: int, domains: list[str]) -> ApiError:
    shown = ", ".join(domains[:5]) + (", …" if len(domains) > 5 else "")
    return ApiError(
        409, "conflict",
        f"contact {contact_id} cannot be removed: it is the billing contact of the recurring payment of {len(domains)} "
        f"domain(s) ({shown}); choose another contact for them first",
        {"domains": domains},
    )  # fmt: skip


def create_contact(ctx: Context) -> Response:
    def handler() -> Response:
        values = _checked(body_object(ctx), creating=True)
        with ctx.db.write() as conn:
            _same_email(conn, ctx, str(values["email"]))
            values["client_id"] = ctx.client_id
            columns = ", ".join(values)
            cursor = conn.execute(
                f"INSERT INTO contacts ({columns}) VALUES ({', '.join('?' for _ in values)})",  # noqa: S608
                tuple(values.values()),
            )
            row = conn.execute("SELECT * FROM contacts WHERE id = ?", (cursor.lastrowid,))
            return ok(_contact(row.fetchone()), 201)

    return keyed(ctx, handler)


def update_contact(ctx: Context) -> Response:
    body = body_object(ctx)
    with ctx.db.write() as conn:
        contact = _find(conn, ctx)
        values = _checked(body, creating=False)
        if "email" in values:
            _same_email(conn, ctx, str(values["email"]), int(contact["id"]))
        if values:
            columns = ", ".join(f"{name} = ?" for name in values)
            conn.execute(
                f"UPDATE contacts SET {columns} WHERE id = ?",  # noqa: S608 - names are ours
                (*values.values(), contact["id"]),
            )
        row = conn.execute("SELECT * FROM contacts WHERE id = ?", (contact["id"],)).fetchone()
        return ok(_contact(row))


def delete_contact(ctx: Context) -> Response:
    with ctx.db.write() as conn:
        contact = _find(conn, ctx)
        domains = _recurring_domains(conn, int(contact["id"]))
        if domains:
            raise _in_use(int(contact["id"]), domains)
        conn.execute("DELETE FROM contacts WHERE id = ?", (contact["id"],))
    return no_content()


def register(router: Router) -> None:
    router.add("POST", "/v1/contacts", "createContact", create_contact)
    router.add("PATCH", "/v1/contacts/{id}", "updateContact", update_contact)
    router.add("DELETE", "/v1/contacts/{id}", "deleteContact", delete_contact)

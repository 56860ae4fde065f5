"""Domains: list with filters, sorted by expiry date then name; detail by id or by name."""

from __future__ import annotations

import re
import sqlite3
from datetime import timedelta

from ..params import Query
from ..router import Context, Router
from ..web import Response, not_found
from .common import flag, json_list, ok, row_money, select_page

STATUSES = ("active", "pending", "expired", "grace", "redemption", "suspended", "cancelled",
            "transferred_away")  # fmt: skip
MAX_WITHIN_DAYS = 3650
_TLD = re.compile(r"^[a-z0-9-]{2,63}(\.[a-z0-9-]{2,63})?$")


def domain_json(row: sqlite3.Row) -> dict[str, object]:
    return {
        "id": row["id"],
        "name": row["name"],
        "tld": row["tld"],
        "status": row["status"],
        "registration_date": row["registration_date"],
        "expiry_date": row["expiry_date"],
        "next_due_date": row["next_due_date"],
        "registration_period": row["registration_period"],
        "recurring_amount": row_money(row, "recurring_amount"),
        "auto_renew": flag(row["auto_renew"]),
        "registrar_lock": flag(row["registrar_lock"]),
        "id_protection": flag(row["id_protection"]),
        "recurring": {
            "enabled": flag(row["recurring_enabled"]),
            "payment_method_id": row["recurring_payment_method_id"],
            "contact_id": row["recurring_contact_id"],
        },
        "nameservers": json_list(row["nameservers"]),
    }


def _filters(ctx: Context) -> tuple[str, list[object], Query]:
    """The WHERE clause and its arguments for the list filters (validated)."""
    query = Query(ctx.request.query)
    where = ["client_id = ?"]
    args: list[object] = [ctx.client_id]
    status = query.choice("status", STATUSES)
    if status:
        where.append("status = ?")
        args.append(status)
    tld = query.text("tld", max_length=127)
    if tld is not None:
        tld = tld.lower().lstrip(".")
        if _TLD.match(tld):
            where.append("tld = ?")
            args.append(tld)
        else:
            query.errors["tld"] = "must be a top-level domain without the dot, such as es"
    auto_renew = query.boolean("auto_renew")
    if auto_renew is not None:
        where.append("auto_renew = ?")
        args.append(int(auto_renew))
    within = query.integer("expiring_within_days", maximum=MAX_WITHIN_DAYS)
    if within is not None:
        # Inclusive of both ends; a domain already expired is not "expiring".
        where.append("expiry_date BETWEEN ? AND ? AND status != 'expired'")
        args += [ctx.today.isoformat(), (ctx.today + timedelta(days=within)).isoformat()]
    before = query.date("expires_before")
    if before is not None:
        where.append("expiry_date < ?")
        args.append(before.isoformat())
    text = query.text("q", max_length=253)
    if text is not None:
        escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.append("name LIKE ? ESCAPE '\\'")
        args.append(f"%{escaped}%")
    return " AND ".join(where), args, query


def list_domains(ctx: Context) -> Response:
    where, args, query = _filters(ctx)
    page = query.page()
    query.check()
    with ctx.db.read() as conn:
        rows, total = select_page(conn, "domains", where, args, "expiry_date, name", page)
    return ok(page.envelope([domain_json(row) for row in rows], total))


def find_domain(conn: sqlite3.Connection, ctx: Context) -> sqlite3.Row:
    """The client's domain named by ``{domain}`` (an id or a name), or 404."""
    ref = ctx.params["domain"]
    arg: int | str
    if ref.isdigit() and len(ref) <= 18:
        sql, arg = "SELECT * FROM domains WHERE id = ? AND client_id = ?", int(ref)
    else:
        sql, arg = "SELECT * FROM domains WHERE name = ? AND client_id = ?", ref.lower()
    row: sqlite3.Row | None = conn.execute(sql, (arg, ctx.client_id)).fetchone()
    if row is None:
        raise not_found("domain")
    return row


def get_domain(ctx: Context) -> Response:
    with ctx.db.read() as conn:
        row = find_domain(conn, ctx)
    return ok(domain_json(row))


def register(router: Router) -> None:
    router.add("GET", "/v1/domains", "listDomains", list_domains)
    router.add("GET", "/v1/domains/{domain}", "getDomain", get_domain)

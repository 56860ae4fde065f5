"""Services: list (filter ``status``) and detail, with their add-ons."""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from ..money import money
from ..params import Query
from ..router import Context, Router
from ..web import Response, not_found
from .common import marks, ok, path_id, row_money, select_page

STATUSES = ("active", "pending", "suspended", "cancelled", "expired")


def _addons(
    conn: sqlite3.Connection, services: list[sqlite3.Row]
) -> dict[int, list[dict[str, object]]]:
    ids = [int(row["id"]) for row in services]
    currency = {int(row["id"]): str(row["currency"]) for row in services}
    found: dict[int, list[dict[str, object]]] = defaultdict(list)
    if not ids:
        return found
    rows = conn.execute(
        f"SELECT * FROM addons WHERE service_id IN ({marks(ids)}) ORDER BY id",  # noqa: S608
        ids,
    )
    for row in rows:
        service_id = int(row["service_id"])
        found[service_id].append({
            "id": row["id"],
            "name": row["name"],
            "status": row["status"],
            "billing_cycle": row["billing_cycle"],
            "recurring_amount": money(str(row["recurring_amount"]), currency[service_id]),
            "next_due_date": row["next_due_date"],
        })  # fmt: skip
    return found


def _service(row: sqlite3.Row, addons: list[dict[str, object]]) -> dict[str, object]:
    return {
        "id": row["id"],
        "product": row["product"],
        "group": row["group_name"],
        "domain": row["domain"],
        "status": row["status"],
        "billing_cycle": row["billing_cycle"],
        "first_payment": row_money(row, "first_payment"),
        "recurring_amount": row_money(row, "recurring_amount"),
        "registration_date": row["registration_date"],
        "next_due_date": row["next_due_date"],
        "payment_method_id": row["payment_method_id"],
        "addons": addons,
    }


def list_services(ctx: Context) -> Response:
    query = Query(ctx.request.query)
    status = query.choice("status", STATUSES)
    page = query.page()
    query.check()
    where = "client_id = ?"
    args: list[object] = [ctx.client_id]
    if status:
        where += " AND status = ?"
        args.append(status)
    with ctx.db.read() as conn:
        rows, total = select_page(conn, "services", where, args, "id", page)
        addons = _addons(conn, rows)
    return ok(page.envelope([_service(row, addons[int(row["id"])]) for row in rows], total))


def get_service(ctx: Context) -> Response:
    service_id = path_id(ctx, "id", "service")
    with ctx.db.read() as conn:
        row = conn.execute(
            "SELECT * FROM services WHERE id = ? AND client_id = ?", (service_id, ctx.client_id)
        ).fetchone()
        if row is None:
            raise not_found("service")
        addons = _addons(conn, [row])
    return ok(_service(row, addons[service_id]))


def register(router: Router) -> None:
    router.add("GET", "/v1/services", "listServices", list_services)
    router.add("GET", "/v1/services/{id}", "getService", get_service)

"""Services: list (filter ``status``) and detail, with their add-ons; the renewal method."""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from ..money import money
from ..params import Query
from ..payments import find_method, recurring_problem
from ..router import Context, Router
from ..web import ApiError, Response, not_found, validation_failed
from .common import body_object, marks, ok, path_id, row_money, select_page

STATUSES = ("active", "pending", "suspended", "cancelled", "expired")
# A service in one of these states renews no more; one billed so has nothing to renew.
ENDED = ("cancelled", "expired")
NOT_RENEWED = ("one_time", "free")
CREDIT_WORDS = ("credit", "wallet", "balance", "account_credit")


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


def method_problems(body: dict[str, object]) -> dict[str, str]:
    """``ServicePaymentMethodUpdate``: ``payment_method_id``, an id or null (credit is not one)."""
    problems = {key: "is not a field of this request" for key in body if key != "payment_method_id"}
    if "payment_method_id" not in body:
        problems["payment_method_id"] = "is required: a validated card or bank account, or null"
        return problems
    value = body["payment_method_id"]
    if isinstance(value, str) and value.strip().lower() in CREDIT_WORDS:
        problems["payment_method_id"] = (
            "wallet credit is not a payment method: it is never used for automatic renewals"
            " (apply it by hand when paying an invoice, with use_credit)"
        )
    elif value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        problems["payment_method_id"] = (
            "must be the id of a validated card or bank account, or null"
        )
    return problems


def put_payment_method(ctx: Context) -> Response:
    """Each service renews with its own validated card or bank account (seed 001), or none."""
    service_id = path_id(ctx, "id", "service")
    body = body_object(ctx)
    problems = method_problems(body)
    if problems:
        raise validation_failed(problems)
    method_id = body["payment_method_id"]
    with ctx.db.write() as conn:
        row = conn.execute(
            "SELECT * FROM services WHERE id = ? AND client_id = ?", (service_id, ctx.client_id)
        ).fetchone()
        if row is None:
            raise not_found("service")
        name = f"{row['product']}" + (f" ({row['domain']})" if row["domain"] else "")
        if row["status"] in ENDED:
            raise ApiError(409, "conflict", f"{name} is {row['status']}: it renews no more",
                           {"status": row["status"]})  # fmt: skip
        if row["billing_cycle"] in NOT_RENEWED:
            raise ApiError(409, "conflict", f"{name} is billed {row['billing_cycle']}: it has no"
                           " renewals to pay", {"billing_cycle": row["billing_cycle"]})  # fmt: skip
        if method_id is not None:
            problem = recurring_problem(find_method(conn, ctx.client_id, method_id), ctx.today)
            if problem is not None:
                raise validation_failed({"payment_method_id": problem})
        conn.execute(
            "UPDATE services SET payment_method_id = ? WHERE id = ?", (method_id, service_id)
        )
        row = conn.execute("SELECT * FROM services WHERE id = ?", (service_id,)).fetchone()
        addons = _addons(conn, [row])
    return ok(_service(row, addons[service_id]))


def register(router: Router) -> None:
    router.add("GET", "/v1/services", "listServices", list_services)
    router.add("GET", "/v1/services/{id}", "getService", get_service)
    router.add("PUT", "/v1/services/{id}/payment-method", "setServicePaymentMethod",
               put_payment_method)  # fmt: skip

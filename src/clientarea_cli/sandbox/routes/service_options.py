"""A service's configurable options and its add-ons.

Sandbox rules beyond the contract's shapes: options belong to the product's family (every web
hosting plan has PHP version, extra disk, SSH access and cron jobs; every VPS its operating system,
extra memory, IPv6 and reverse DNS). A select's choice costs its monthly price × the cycle's months
per renewal. A change applies at once: an increase is invoiced prorated over the rest of the paid
period (``proration``), a decrease is not refunded; either changes the recurring amount. An add-on
is one of the product's catalog add-ons, at most once (until cancelled); a priced one is
``pending`` until its invoice (price, and setup fee when there is one) is paid, a free one is
``active`` at once. Cancelling an add-on cancels its unpaid invoice with it.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from decimal import Decimal
from typing import Any

from ..catalog import CYCLES
from ..invoicing import CYCLE_MONTHS, Line
from ..money import money, to_text
from ..params import Query
from ..proration import add_cycle, current_period
from ..router import Context, Router
from ..web import Response, not_found, validation_failed
from .billing import invoice_json
from .common import body_object, keyed, ok, path_id
from .requests import unknown_fields
from .service_common import (
    conflict,
    cycles_of,
    find_service,
    is_int,
    issue,
    label,
    option_rows,
    option_values,
    options_price,
    product_of,
    require_active,
)

# -- configurable options -----------------------------------------------------------------------


def _option_json(row: sqlite3.Row, value: Any, currency: str, cycle: str) -> dict[str, object]:
    months = CYCLE_MONTHS.get(cycle)
    choices = [
        {"value": c["value"], "label": c["label"],
         "price": money(Decimal(c["monthly"].get(currency, "0")) * months, currency)
         if months else None}
        for c in json.loads(row["choices"] or "[]")
    ]  # fmt: skip
    return {"key": row["key"], "name": row["name"], "type": row["type"], "value": value,
            "choices": choices, "min": row["min_value"], "max": row["max_value"]}  # fmt: skip


def _options_json(conn: sqlite3.Connection, service: sqlite3.Row) -> dict[str, object]:
    rows = option_rows(conn, product_of(conn, service))
    values = option_values(service, rows)
    currency, cycle = str(service["currency"]), str(service["billing_cycle"])
    return {
        "service_id": service["id"],
        "options": [_option_json(r, values[r["key"]], currency, cycle) for r in rows],
        "invoice_id": service["options_invoice_id"],
    }


def _option_problem(row: sqlite3.Row, value: object) -> str | None:
    kind = row["type"]
    if kind == "select":
        allowed = [c["value"] for c in json.loads(row["choices"] or "[]")]
        if value not in allowed:
            return "must be one of: " + ", ".join(allowed)
    elif kind == "quantity":
        low, high = row["min_value"], row["max_value"]
        if not is_int(value) or not low <= int(value) <= high:  # type: ignore[call-overload]
            return f"must be a whole number from {low} to {high}"
    elif kind == "toggle":
        if not isinstance(value, bool):
            return "must be true or false"
    elif not isinstance(value, str) or len(value) > 255:
        return "must be text of at most 255 characters"
    return None


def get_options(ctx: Context) -> Response:
    with ctx.db.write() as conn:
        return ok(_options_json(conn, find_service(conn, ctx)))


def update_options(ctx: Context) -> Response:
    body = body_object(ctx)
    problems = unknown_fields(body, ("options",))
    options = body.get("options")
    wanted: dict[str, Any] = options if isinstance(options, dict) else {}
    if not wanted:
        problems["options"] = "is required: an object of option key → new value"
    if problems:
        raise validation_failed(problems)
    with ctx.db.write() as conn:
        service = find_service(conn, ctx)
        rows = option_rows(conn, product_of(conn, service))
        by_key = {r["key"]: r for r in rows}
        known = ", ".join(by_key) or "none"
        for key, value in wanted.items():
            if key not in by_key:
                problems[f"options.{key}"] = f"is not an option of this service (options: {known})"
            elif (problem := _option_problem(by_key[key], value)) is not None:
                problems[f"options.{key}"] = problem
        if problems:
            raise validation_failed(problems)
        require_active(service, "only an active service's options can change")
        currency, cycle = str(service["currency"]), str(service["billing_cycle"])
        before = option_values(service, rows)
        after = {**before, **wanted}
        delta = options_price(rows, after, currency, cycle) - options_price(
            rows, before, currency, cycle
        )
        invoice_id = None
        next_due = service["next_due_date"]
        if delta > 0 and cycle in CYCLE_MONTHS and next_due and next_due > ctx.today.isoformat():
            period = current_period(cycle, date.fromisoformat(next_due), ctx.today)
            amount = period.part(delta, currency)
            changed = ", ".join(
                f"{k} {before[k]} → {after[k]}" for k in wanted if before[k] != after[k]
            )
            if amount > 0:
                description = (f"Options - {service['product']} ({service['domain'] or service['id']}):"
                               f" {changed}, {period.remaining} of {period.days} days")  # fmt: skip
                line = Line(description, "upgrade", int(service["id"]), amount)
                invoice_id = issue(conn, ctx, currency, [line])
        recurring = Decimal(service["recurring_amount"]) + delta
        conn.execute(
            "UPDATE services SET options = ?, recurring_amount = ?, options_invoice_id = ?"
            " WHERE id = ?",
            (json.dumps(after), to_text(recurring, currency), invoice_id, service["id"]),
        )
        fresh = conn.execute("SELECT * FROM services WHERE id = ?", (service["id"],)).fetchone()
        return ok(_options_json(conn, fresh))


# -- add-ons ------------------------------------------------------------------------------------


def _addon_json(row: sqlite3.Row, currency: str) -> dict[str, object]:
    return {"id": row["id"], "name": row["name"], "status": row["status"],
            "billing_cycle": row["billing_cycle"],
            "recurring_amount": money(row["recurring_amount"], currency),
            "next_due_date": row["next_due_date"]}  # fmt: skip


def list_addons(ctx: Context) -> Response:
    query = Query(ctx.request.query)
    page = query.page()
    query.check()
    with ctx.db.write() as conn:
        service = find_service(conn, ctx)
        rows = conn.execute(
            "SELECT * FROM addons WHERE service_id = ? ORDER BY id", (service["id"],)
        ).fetchall()
    return ok(page.slice([_addon_json(r, str(service["currency"])) for r in rows]))


def add_addon(ctx: Context) -> Response:
    def handler() -> Response:
        body = body_object(ctx)
        problems = unknown_fields(body, ("addon_id", "billing_cycle"))
        if not is_int(body.get("addon_id")):
            problems["addon_id"] = "is required: the catalog add-on's id (the product's addons)"
        if body.get("billing_cycle") not in CYCLES:
            problems["billing_cycle"] = "is required: one of " + ", ".join(CYCLES)
        if problems:
            raise validation_failed(problems)
        with ctx.db.write() as conn:
            service = find_service(conn, ctx)
            require_active(service, "add-ons are ordered for active services only")
            currency, cycle = str(service["currency"]), str(body["billing_cycle"])
            offered = conn.execute(
                "SELECT a.* FROM catalog_addons a JOIN product_addons pa ON pa.addon_id = a.id"
                " WHERE pa.product_id = ? ORDER BY a.id",
                (service["product_id"],),
            ).fetchall()
            addon = next((a for a in offered if a["id"] == body["addon_id"]), None)
            if addon is None:
                names = ", ".join(f"{a['id']} ({a['name']})" for a in offered) or "none"
                raise validation_failed({"addon_id": f"is not an add-on of {service['product']} "
                                         f"(its add-ons: {names})"})  # fmt: skip
            price = conn.execute(
                "SELECT * FROM catalog_addon_prices WHERE addon_id = ? AND currency = ?"
                " AND billing_cycle = ?",
                (addon["id"], currency, cycle),
            ).fetchone()
            if price is None:
                cycles = cycles_of(conn, "catalog_addon_prices", "addon_id", int(addon["id"]),
                                   currency)  # fmt: skip
                raise validation_failed({"billing_cycle": f"{addon['name']} is not offered "
                                         f"{cycle} (cycles: {cycles})"})  # fmt: skip
            taken = conn.execute(
                "SELECT id, status FROM addons WHERE service_id = ? AND status != 'cancelled'"
                " AND (catalog_addon_id = ? OR name = ?)",
                (service["id"], addon["id"], addon["name"]),
            ).fetchone()
            if taken is not None:
                raise conflict(f"{label(service)} already has {addon['name']} (add-on "
                               f"{taken['id']}, {taken['status']})")  # fmt: skip
            amount, setup = Decimal(price["price"]), Decimal(price["setup_fee"])
            free = amount + setup <= 0
            # A priced add-on is due today until its invoice is paid, which moves it by a cycle.
            next_due = None
            if cycle in CYCLE_MONTHS:
                next_due = (add_cycle(ctx.today, cycle) if free else ctx.today).isoformat()
            cursor = conn.execute(
                "INSERT INTO addons (service_id, name, status, billing_cycle, recurring_amount,"
                " next_due_date, catalog_addon_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (service["id"], addon["name"], "active" if free else "pending", cycle,
                 to_text(amount if cycle in CYCLE_MONTHS else Decimal(0), currency), next_due,
                 addon["id"]),
            )  # fmt: skip
            addon_id = int(cursor.lastrowid or 0)
            invoice = None
            if not free:
                what = service["domain"] or f"service {service['id']}"
                lines = [Line(f"{addon['name']} - {what} ({cycle})", "addon", addon_id, amount)]
                if setup > 0:
                    lines.append(Line(f"Setup fee - {addon['name']}", "other", addon_id, setup))
                invoice_id = issue(conn, ctx, currency, lines)
                conn.execute(
                    "UPDATE addons SET invoice_id = ? WHERE id = ?", (invoice_id, addon_id)
                )
                invoice = invoice_json(conn, invoice_id, ctx.today)
            row = conn.execute("SELECT * FROM addons WHERE id = ?", (addon_id,)).fetchone()
        return ok({"addon": _addon_json(row, currency), "invoice": invoice}, 201)

    return keyed(ctx, handler)


def remove_addon(ctx: Context) -> Response:
    addon_id = path_id(ctx, "addon_id", "add-on")
    with ctx.db.write() as conn:
        service = find_service(conn, ctx)
        row = conn.execute(
            "SELECT * FROM addons WHERE id = ? AND service_id = ?", (addon_id, service["id"])
        ).fetchone()
        if row is None:
            raise not_found("add-on")
        if row["status"] == "cancelled":
            raise conflict(f"add-on {addon_id} ({row['name']}) is already cancelled")
        conn.execute("UPDATE addons SET status = 'cancelled' WHERE id = ?", (addon_id,))
        if row["invoice_id"] is not None:
            conn.execute(
                "UPDATE invoices SET status = 'cancelled' WHERE id = ? AND status = 'unpaid'"
                " AND NOT EXISTS (SELECT 1 FROM invoice_items WHERE invoice_id = invoices.id"
                " AND NOT (type IN ('addon', 'other') AND related_id = ?))",
                (row["invoice_id"], addon_id),
            )
    return Response(204, b"")


def register(router: Router) -> None:
    base = "/v1/services/{id}"
    router.add("GET", f"{base}/options", "getServiceOptions", get_options)
    router.add("PATCH", f"{base}/options", "updateServiceOptions", update_options)
    router.add("GET", f"{base}/addons", "listServiceAddons", list_addons)
    router.add("POST", f"{base}/addons", "addServiceAddon", add_addon)
    router.add("DELETE", f"{base}/addons/{{addon_id}}", "removeServiceAddon", remove_addon)

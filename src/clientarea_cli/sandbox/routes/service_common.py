"""What the service routes share: finding the client's service (after catching up on what was
paid or fell due), labels and 409s, a product's prices and cycles, issuing an invoice, and the
prices of configurable options (used by options and by upgrade quotes).

The routes are in ``service_cancellation``, ``service_upgrades``, ``service_options`` and
``service_panel``.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from decimal import Decimal
from typing import Any

from ..catalog import CYCLES
from ..fulfilment import catch_up
from ..invoicing import CYCLE_MONTHS, Line, issue_invoice
from ..money import money
from ..router import Context
from ..web import ApiError, not_found
from .common import path_id
from .services import _addons as addons_of
from .services import _service as service_fields

INVOICE_DUE_DAYS = 7


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def conflict(message: str, details: object = None) -> ApiError:
    return ApiError(409, "conflict", message, details)


def find_service(conn: sqlite3.Connection, ctx: Context) -> sqlite3.Row:
    """The client's service ``{id}`` (another client's is not found), after catching up on what
    was paid or fell due since."""
    service_id = path_id(ctx, "id", "service")
    catch_up(conn, ctx.client_id, ctx.today)
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM services WHERE id = ? AND client_id = ?", (service_id, ctx.client_id)
    ).fetchone()
    if row is None:
        raise not_found("service")
    return row


def product_of(conn: sqlite3.Connection, service: sqlite3.Row) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM products WHERE id = ?", (service["product_id"],)
    ).fetchone()
    return row


def label(service: sqlite3.Row) -> str:
    """``service 101 (Hosting Pro, garcia-hosting.es)``."""
    where = f", {service['domain']}" if service["domain"] else ""
    return f"service {service['id']} ({service['product']}{where})"


def require_active(service: sqlite3.Row, what: str) -> None:
    if service["status"] != "active":
        raise conflict(f"{label(service)} is {service['status']}: {what}",
                       {"status": service["status"]})  # fmt: skip


def service_json(conn: sqlite3.Connection, service_id: int) -> dict[str, object]:
    row = conn.execute("SELECT * FROM services WHERE id = ?", (service_id,)).fetchone()
    return service_fields(row, addons_of(conn, [row])[service_id])


def pricing(conn: sqlite3.Connection, table: str, column: str, owner: int, currency: str,
            *, recurring_only: bool = False) -> list[dict[str, object]]:  # fmt: skip
    """``[ProductPrice]`` of a product or an add-on in the currency, in the cycles' order."""
    rows = conn.execute(
        f"SELECT * FROM {table} WHERE {column} = ? AND currency = ?",  # noqa: S608 - our names
        (owner, currency),
    ).fetchall()
    rows.sort(key=lambda r: CYCLES.index(r["billing_cycle"]))
    return [
        {"billing_cycle": r["billing_cycle"], "price": money(r["price"], currency),
         "setup_fee": money(r["setup_fee"], currency)}
        for r in rows
        if not recurring_only or r["billing_cycle"] in CYCLE_MONTHS
    ]  # fmt: skip


def cycles_of(conn: sqlite3.Connection, table: str, column: str, owner: int, currency: str,
              *, recurring_only: bool = False) -> str:  # fmt: skip
    """``monthly, annually``: the cycles a product or an add-on is offered in."""
    offered = pricing(conn, table, column, owner, currency, recurring_only=recurring_only)
    return ", ".join(str(p["billing_cycle"]) for p in offered)


def issue(conn: sqlite3.Connection, ctx: Context, currency: str, lines: list[Line]) -> int:
    due = ctx.today + timedelta(days=INVOICE_DUE_DAYS)
    return issue_invoice(conn, ctx.client_id, currency, lines, ctx.today, due)


# -- configurable options' prices (the routes are in service_options) ----------------------


def option_rows(conn: sqlite3.Connection, product: sqlite3.Row | None) -> list[sqlite3.Row]:
    if product is None or product["family"] is None:
        return []
    return conn.execute(
        "SELECT * FROM product_options WHERE family = ? ORDER BY position", (product["family"],)
    ).fetchall()


def option_values(service: sqlite3.Row, rows: list[sqlite3.Row]) -> dict[str, Any]:
    """Every option's value: the service's choice, else the option's default."""
    stored = json.loads(service["options"] or "{}")
    stored = stored if isinstance(stored, dict) else {}
    return {r["key"]: stored.get(r["key"], json.loads(r["default_value"] or "null")) for r in rows}


def options_price(
    rows: list[sqlite3.Row], values: dict[str, Any], currency: str, cycle: str
) -> Decimal:
    """What the chosen options add to each renewal of ``cycle``."""
    months = CYCLE_MONTHS.get(cycle, 0)
    total = Decimal(0)
    for row in rows:
        for choice in json.loads(row["choices"] or "[]"):
            if choice["value"] == values.get(row["key"]):
                total += Decimal(choice["monthly"].get(currency, "0")) * months
    return total

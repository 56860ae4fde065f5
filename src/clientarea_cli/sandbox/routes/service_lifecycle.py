"""A service's lifecycle: cancellation requests, and upgrades and downgrades at a prorated price.

Sandbox rules beyond the contract's shapes:
- ``immediate`` cancels at once (the service and its add-ons are ``cancelled``, unpaid invoices
  billing only them are cancelled, nothing is refunded); ``end_of_period`` takes effect on the
  service's ``next_due_date`` and needs a paid period still running (else ``422 when``); a
  ``cancelled`` or ``expired`` service, or one with a pending request, answers 409;
- upgrade and downgrade targets are the other products of the service's family (the web hosting
  plans, the VPS sizes, the SSL certificates); ``direction`` compares their tiers; the quote is
  ``proration.prorate`` over the current period (see that module for the formula), and a service
  whose renewal is overdue (``next_due_date`` passed) answers 409 until it is paid;
- an amount due is invoiced (type ``upgrade``, due in 7 days) and the plan changes once it is paid
  (``fulfilment``); otherwise the plan changes at once and any ``amount_credited`` goes to the
  wallet (an ``adjustment`` movement).

The helpers at the top are shared with ``service_options`` and ``service_panel``.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from ..catalog import CYCLES
from ..dates import instant_on
from ..fulfilment import apply_upgrade, cancel_service, catch_up
from ..invoicing import CYCLE_MONTHS, Line, issue_invoice
from ..money import money, quantize, to_text
from ..params import Query
from ..proration import Proration, current_period, prorate
from ..router import Context, Router
from ..web import ApiError, Response, not_found, validation_failed
from .billing import invoice_json
from .common import body_object, keyed, ok, path_id
from .requests import unknown_fields
from .services import _addons as addons_of
from .services import _service as service_fields

INVOICE_DUE_DAYS = 7
MAX_REASON = 2000
NO_CANCEL = ("cancelled", "expired")


# -- shared by the service routes ---------------------------------------------------------------


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


# -- cancellation requests ----------------------------------------------------------------------


def _request_json(row: sqlite3.Row) -> dict[str, object]:
    return {
        "id": row["id"], "service_id": row["service_id"], "when": row["timing"],
        "reason": row["reason"], "status": row["status"], "effective_date": row["effective_date"],
        "created_at": row["created_at"],
    }  # fmt: skip


def _open_request(conn: sqlite3.Connection, service_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM cancellation_requests WHERE service_id = ? AND status != 'withdrawn'"
        " ORDER BY id DESC",
        (service_id,),
    ).fetchone()
    return row


def create_cancellation(ctx: Context) -> Response:
    def handler() -> Response:
        body = body_object(ctx)
        problems = unknown_fields(body, ("when", "reason"))
        when, reason = body.get("when"), body.get("reason")
        if when not in ("immediate", "end_of_period"):
            problems["when"] = "is required: immediate or end_of_period"
        if reason is not None and (not isinstance(reason, str) or len(reason) > MAX_REASON):
            problems["reason"] = f"must be text of at most {MAX_REASON} characters, or null"
        if problems:
            raise validation_failed(problems)
        with ctx.db.write() as conn:
            service = find_service(conn, ctx)
            if service["status"] in NO_CANCEL:
                raise conflict(f"{label(service)} is already {service['status']}",
                               {"status": service["status"]})  # fmt: skip
            existing = _open_request(conn, int(service["id"]))
            if existing is not None:
                raise conflict(
                    f"{label(service)} already has a cancellation request ({existing['timing']},"
                    f" effective {existing['effective_date']}); withdraw it first",
                    {"request": _request_json(existing)},
                )
            effective = ctx.today.isoformat()
            if when == "end_of_period":
                next_due = service["next_due_date"]
                if service["billing_cycle"] not in CYCLE_MONTHS or next_due is None:
                    raise validation_failed({"when": f"{label(service)} is billed "
                                             f"{service['billing_cycle']}: it has no billing period "
                                             "to end, so it can only be cancelled immediately"})  # fmt: skip
                if next_due <= effective:
                    raise validation_failed({"when": f"the paid period of {label(service)} ended "
                                             f"on {next_due}: cancel it immediately"})  # fmt: skip
                effective = next_due
            created = instant_on(ctx.today)
            cursor = conn.execute(
                "INSERT INTO cancellation_requests (client_id, service_id, timing, reason, status,"
                " effective_date, created_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)",
                (ctx.client_id, service["id"], when, reason, effective, created),
            )
            conn.execute(
                "UPDATE services SET cancel_when = ?, cancel_reason = ?, cancel_requested_at = ?"
                " WHERE id = ?",
                (when, reason, created, service["id"]),
            )
            if when == "immediate":
                cancel_service(conn, int(service["id"]), ctx.today)
                conn.execute(
                    "UPDATE cancellation_requests SET status = 'completed', completed_at = ?"
                    " WHERE id = ?",
                    (ctx.today.isoformat(), cursor.lastrowid),
                )
            row = conn.execute(
                "SELECT * FROM cancellation_requests WHERE id = ?", (cursor.lastrowid,)
            ).fetchone()
        return ok(_request_json(row), 201)

    return keyed(ctx, handler)


def get_cancellation(ctx: Context) -> Response:
    with ctx.db.write() as conn:
        service = find_service(conn, ctx)
        row = _open_request(conn, int(service["id"]))
    if row is None:
        raise not_found("cancellation request")
    return ok(_request_json(row))


def withdraw_cancellation(ctx: Context) -> Response:
    with ctx.db.write() as conn:
        service = find_service(conn, ctx)
        row = _open_request(conn, int(service["id"]))
        if row is None:
            raise not_found("cancellation request")
        if row["status"] == "completed":
            raise conflict(f"{label(service)} was cancelled on {row['effective_date']}: the "
                           "request is completed and cannot be withdrawn")  # fmt: skip
        conn.execute(
            "UPDATE cancellation_requests SET status = 'withdrawn' WHERE id = ?", (row["id"],)
        )
        conn.execute(
            "UPDATE services SET cancel_when = NULL, cancel_reason = NULL,"
            " cancel_requested_at = NULL WHERE id = ?",
            (service["id"],),
        )
    return Response(204, b"")


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


# -- upgrades and downgrades --------------------------------------------------------------------


def _targets(conn: sqlite3.Connection, product: sqlite3.Row | None, currency: str) -> list[sqlite3.Row]:  # fmt: skip
    if product is None or product["family"] is None:
        return []
    return conn.execute(
        "SELECT * FROM products WHERE family = ? AND id != ? AND EXISTS (SELECT 1 FROM"
        " product_prices pp WHERE pp.product_id = products.id AND pp.currency = ?)"
        " ORDER BY tier, position",
        (product["family"], product["id"], currency),
    ).fetchall()


def list_upgrade_options(ctx: Context) -> Response:
    query = Query(ctx.request.query)
    page = query.page()
    query.check()
    with ctx.db.write() as conn:
        service = find_service(conn, ctx)
        product = product_of(conn, service)
        currency = str(service["currency"])
        options = []
        if service["billing_cycle"] in CYCLE_MONTHS and product is not None:
            for target in _targets(conn, product, currency):
                options.append({
                    "product_id": target["id"], "name": target["name"],
                    "group": target["group_name"],
                    "direction": "upgrade" if target["tier"] > product["tier"] else "downgrade",
                    "pricing": pricing(conn, "product_prices", "product_id", int(target["id"]),
                                       currency, recurring_only=True),
                })  # fmt: skip
    return ok(page.slice(options))


def _quote_problems(body: dict[str, Any], allowed: tuple[str, ...]) -> dict[str, str]:
    problems = unknown_fields(body, allowed)
    if not is_int(body.get("product_id")):
        problems["product_id"] = "is required: the target product's id (see upgrade-options)"
    if body.get("billing_cycle") not in CYCLES:
        problems["billing_cycle"] = "is required: one of " + ", ".join(CYCLES)
    return problems


@dataclass(frozen=True)
class Quote:
    json: dict[str, object]
    numbers: Proration
    target: sqlite3.Row
    new_price: Decimal


def _quote(
    conn: sqlite3.Connection, ctx: Context, service: sqlite3.Row, body: dict[str, Any]
) -> Quote:
    """The prorated quote for the body's target and cycle; 409 or 422 when there is none."""
    require_active(service, "only an active service can change plan")
    cycle, next_due = str(service["billing_cycle"]), service["next_due_date"]
    if cycle not in CYCLE_MONTHS or next_due is None:
        raise conflict(f"{label(service)} is billed {cycle}: it has no billing period to prorate")
    if next_due <= ctx.today.isoformat():
        raise conflict(f"the period of {label(service)} ended on {next_due} and its renewal is "
                       "not paid: pay it first")  # fmt: skip
    product = product_of(conn, service)
    currency = str(service["currency"])
    targets = {int(t["id"]): t for t in _targets(conn, product, currency)}
    target = targets.get(body["product_id"])
    if target is None or product is None:
        names = ", ".join(f"{t['id']} ({t['name']})" for t in targets.values()) or "none"
        raise validation_failed({"product_id": f"is not an upgrade or downgrade of "
                                 f"{service['product']} (targets: {names})"})  # fmt: skip
    new_cycle = str(body["billing_cycle"])
    price = conn.execute(
        "SELECT price FROM product_prices WHERE product_id = ? AND currency = ?"
        " AND billing_cycle = ?",
        (target["id"], currency, new_cycle),
    ).fetchone()
    if price is None or new_cycle not in CYCLE_MONTHS:
        offered = cycles_of(conn, "product_prices", "product_id", int(target["id"]), currency,
                            recurring_only=True)  # fmt: skip
        raise validation_failed({"billing_cycle": f"{target['name']} is not offered {new_cycle} "
                                 f"(cycles: {offered})"})  # fmt: skip
    rows = option_rows(conn, target)
    extra = options_price(rows, option_values(service, rows), currency, new_cycle)
    new_price = Decimal(price["price"]) + extra
    period = current_period(cycle, date.fromisoformat(next_due), ctx.today)
    numbers = prorate(period, Decimal(service["recurring_amount"]), new_price, currency,
                      new_cycle=None if new_cycle == cycle else new_cycle)  # fmt: skip
    quote = {
        "service_id": service["id"],
        "direction": "upgrade" if target["tier"] > product["tier"] else "downgrade",
        "from_product_id": service["product_id"], "to_product_id": target["id"],
        "to_product": target["name"], "billing_cycle": new_cycle,
        "valid_on": ctx.today.isoformat(), "period_start": period.start.isoformat(),
        "period_end": period.end.isoformat(), "days_in_period": period.days,
        "days_remaining": period.remaining,
        "credit_for_unused": money(numbers.credit_for_unused, currency),
        "cost_of_new": money(numbers.cost_of_new, currency),
        "amount_due": money(numbers.amount_due, currency),
        "amount_credited": money(numbers.amount_credited, currency),
        "new_recurring_amount": money(new_price, currency),
        "next_due_date": numbers.new_next_due.isoformat(),
    }  # fmt: skip
    return Quote(quote, numbers, target, new_price)


def quote_upgrade(ctx: Context) -> Response:
    body = body_object(ctx)
    problems = _quote_problems(body, ("product_id", "billing_cycle"))
    if problems:
        raise validation_failed(problems)
    with ctx.db.write() as conn:
        service = find_service(conn, ctx)
        quote = _quote(conn, ctx, service, body)
    return ok(quote.json)


def _expected(value: object) -> tuple[Decimal, str] | None:
    """``expected_amount_due`` as (amount, currency); ValueError when it is not Money."""
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"amount", "currency"}:
        raise ValueError
    amount, currency = value["amount"], value["currency"]
    if not isinstance(amount, str) or not isinstance(currency, str):
        raise ValueError
    try:
        return Decimal(amount), currency
    except InvalidOperation:
        raise ValueError from None


def upgrade_service(ctx: Context) -> Response:
    def handler() -> Response:
        body = body_object(ctx)
        problems = _quote_problems(body, ("product_id", "billing_cycle", "expected_amount_due"))
        try:
            expected = _expected(body.get("expected_amount_due"))
        except ValueError:
            problems["expected_amount_due"] = 'must be money: {"amount": "3.10", "currency": "EUR"}'
            expected = None
        if problems:
            raise validation_failed(problems)
        with ctx.db.write() as conn:
            service = find_service(conn, ctx)
            pending = conn.execute(
                "SELECT u.id, i.number FROM service_upgrades u JOIN invoices i ON i.id = u.invoice_id"
                " WHERE u.service_id = ? AND u.status = 'pending'",
                (service["id"],),
            ).fetchone()
            if pending is not None:
                raise conflict(f"{label(service)} has an upgrade waiting for its invoice "
                               f"{pending['number']} to be paid")  # fmt: skip
            found = _quote(conn, ctx, service, body)
            quote, numbers, target = found.json, found.numbers, found.target
            currency = str(service["currency"])
            due = quantize(numbers.amount_due, currency)
            if expected is not None and (expected[1] != currency or expected[0] != due):
                raise conflict(f"the quote changed: {to_text(due, currency)} {currency} is due now, "
                               "not the amount accepted", {"quote": quote})  # fmt: skip
            invoice = None
            status = "completed" if due <= 0 else "pending"
            invoice_id = None
            if due > 0:
                what = service["domain"] or f"service {service['id']}"
                description = (f"Upgrade - {service['product']} → {target['name']} ({what}), "
                               f"{quote['billing_cycle']}, {quote['days_remaining']} of "
                               f"{quote['days_in_period']} days")  # fmt: skip
                invoice_id = issue(conn, ctx, currency, [Line(description, "upgrade",
                                                              int(service["id"]), due)])  # fmt: skip
            cursor = conn.execute(
                "INSERT INTO service_upgrades (client_id, service_id, from_product_id,"
                " to_product_id, from_cycle, billing_cycle, new_recurring_amount, next_due_date,"
                " amount_due, amount_credited, invoice_id, status, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
                (ctx.client_id, service["id"], service["product_id"], target["id"],
                 service["billing_cycle"], quote["billing_cycle"],
                 to_text(found.new_price, currency),
                 quote["next_due_date"], to_text(due, currency),
                 to_text(numbers.amount_credited, currency), invoice_id, instant_on(ctx.today)),
            )  # fmt: skip
            if status == "completed":
                row = conn.execute(
                    "SELECT * FROM service_upgrades WHERE id = ?", (cursor.lastrowid,)
                ).fetchone()
                apply_upgrade(conn, row, ctx.today)
                _credit_wallet(conn, ctx, service, target, numbers.amount_credited)
            else:
                invoice = invoice_json(conn, int(invoice_id or 0), ctx.today)
            answer = {"service": service_json(conn, int(service["id"])), "quote": quote,
                      "invoice": invoice}  # fmt: skip
        return ok(answer, 201)

    return keyed(ctx, handler)


def _credit_wallet(conn: sqlite3.Connection, ctx: Context, service: sqlite3.Row,
                   target: sqlite3.Row, amount: Decimal) -> None:  # fmt: skip
    if amount <= 0:
        return
    currency = str(service["currency"])
    conn.execute(
        "INSERT INTO wallet_movements (client_id, created_at, kind, description, currency, amount,"
        " reference, invoice_id) VALUES (?, ?, 'adjustment', ?, ?, ?, NULL, NULL)",
        (ctx.client_id, instant_on(ctx.today),
         f"Credit for the unused part of {service['product']} (service {service['id']}, "
         f"downgraded to {target['name']})", currency, to_text(amount, currency)),
    )  # fmt: skip


def register(router: Router) -> None:
    base = "/v1/services/{id}"
    router.add("POST", f"{base}/cancellation", "createServiceCancellation", create_cancellation)
    router.add("GET", f"{base}/cancellation", "getServiceCancellation", get_cancellation)
    router.add(
        "DELETE", f"{base}/cancellation", "withdrawServiceCancellation", withdraw_cancellation
    )
    router.add("GET", f"{base}/upgrade-options", "listUpgradeOptions", list_upgrade_options)
    router.add("POST", f"{base}/upgrade-quote", "quoteServiceUpgrade", quote_upgrade)
    router.add("POST", f"{base}/upgrade", "upgradeService", upgrade_service)

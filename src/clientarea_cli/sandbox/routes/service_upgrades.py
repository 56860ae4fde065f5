"""Upgrades and downgrades of a service at a prorated price.

Sandbox rules beyond the contract's shapes:
- upgrade and downgrade targets are the other products of the service's family (the web hosting
  plans, the VPS sizes, the SSL certificates); ``direction`` compares their tiers; the quote is
  ``proration.prorate`` over the current period (see that module for the formula), and a service
  whose renewal is overdue (``next_due_date`` passed) answers 409 until it is paid;
- an amount due is invoiced (type ``upgrade``, due in 7 days) and the plan changes once it is paid
  (``fulfilment``); otherwise the plan changes at once and any ``amount_credited`` goes to the
  wallet (an ``adjustment`` movement).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from ..catalog import CYCLES
from ..dates import instant_on
from ..fulfilment import apply_upgrade
from ..invoicing import CYCLE_MONTHS, Line
from ..money import money, quantize, to_text
from ..params import Query
from ..proration import Proration, current_period, prorate
from ..router import Context, Router
from ..web import Response, validation_failed
from .billing import invoice_json
from .common import body_object, keyed, ok
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
    pricing,
    product_of,
    require_active,
    service_json,
)


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
    router.add("GET", f"{base}/upgrade-options", "listUpgradeOptions", list_upgrade_options)
    router.add("POST", f"{base}/upgrade-quote", "quoteServiceUpgrade", quote_upgrade)
    router.add("POST", f"{base}/upgrade", "upgradeService", upgrade_service)

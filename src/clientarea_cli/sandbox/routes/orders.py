"""Orders: a product (and its billing cycle), a domain to register, transfer or attach, or both.

An order creates what it buys in ``pending`` status — the service (registered today, due today)
and the domain (expiring after the years bought) — and one invoice for it, due in 7 days:

- ``<product> - <domain> (<cycle>)`` (type ``service``) at the product's price for the cycle, and
  ``Setup fee - <product>`` (type ``other``: paying it moves no due date) when the cycle has one;
- ``Domain registration - <name> - <N> year(s)`` or ``Domain transfer - <name> - 1 year`` (type
  ``domain_registration``) at the TLD's yearly price (a transfer adds one year and needs the EPP
  code, which the sandbox checks for shape only and never stores);
- ``Promotion <CODE> - <what>`` (type ``other``, negative) for a promotion code: ``WELCOME10``
  takes 10 % off the whole order, ``HOSTING5`` takes 5.00 (in the order's currency) off the
  product's first period and setup fee, and only applies to an order with a product.

Credit pays the invoice only with ``use_credit: true`` (as far as the balance goes). Once the
invoice is paid, however, the order and what it bought become ``active`` (``fulfilment``); a free
order is paid at once. ``POST /v1/orders/quote`` answers the same lines and totals and creates
nothing, so a client can show the total before it orders.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from ..catalog import CYCLES
from ..dates import add_years, instant_on
from ..fulfilment import catch_up, on_paid
from ..invoicing import CYCLE_MONTHS, Line, apply_credit, invoice_totals, issue_invoice, mark_paid
from ..money import money, quantize, to_text
from ..router import Context, Router
from ..seed.records import HOSTED_NAMESERVERS, default_contacts
from ..web import Response, not_found, validation_failed
from .billing import invoice_json
from .catalog import availability, find_product
from .common import body_object, keyed, ok, path_id
from .domain_actions import NO_REGISTRAR_LOCK
from .requests import unknown_fields
from .service_common import (
    cycles_of,
    is_int,
)

FIRST_ORDER_ID = 9001
ORDER_DUE_DAYS = 7
MAX_YEARS = 10
ACTIONS = ("register", "transfer", "existing")
ORDER_FIELDS = ("product_id", "billing_cycle", "domain", "promo_code", "use_credit")
DOMAIN_FIELDS = ("name", "action", "years", "epp_code")


def _domain_problems(domain: object) -> dict[str, str]:
    if not isinstance(domain, dict):
        return {"domain": "must be an object: {name, action, years, epp_code}"}
    problems = {
        f"domain.{k}": "is not a field of the domain" for k in domain if k not in DOMAIN_FIELDS
    }
    name, action, years = domain.get("name"), domain.get("action"), domain.get("years", 1)
    code = domain.get("epp_code")
    if not isinstance(name, str) or not 1 <= len(name) <= 253:
        problems["domain.name"] = "is required: a domain name such as example.com"
    if action not in ACTIONS:
        problems["domain.action"] = "is required: register, transfer or existing"
    if not is_int(years) or not 1 <= years <= MAX_YEARS:
        problems["domain.years"] = f"must be a whole number of years from 1 to {MAX_YEARS}"
    if action == "transfer":
        if not isinstance(code, str) or not code.strip() or len(code) > 255:
            problems["domain.epp_code"] = ("is required to transfer a domain: the transfer (EPP) "
                                           "code from its current registrar")  # fmt: skip
        elif years != 1:
            problems["domain.years"] = "a transfer adds exactly one year"
    elif code is not None:
        problems["domain.epp_code"] = "is only for transfers"
    return problems


def order_problems(body: dict[str, Any]) -> dict[str, str]:
    """The body's shape (``OrderCreate``): types, required fields, ranges."""
    problems = unknown_fields(body, ORDER_FIELDS)
    product_id, cycle, domain = (
        body.get("product_id"),
        body.get("billing_cycle"),
        body.get("domain"),
    )
    if product_id is not None and not is_int(product_id):
        problems["product_id"] = "must be a product's id (a whole number) or null"
    if product_id is not None and cycle not in CYCLES:
        problems["billing_cycle"] = "is required with a product: one of " + ", ".join(CYCLES)
    if product_id is None and domain is None:
        problems["product_id"] = "give a product_id with its billing_cycle, a domain, or both"
    if domain is not None:
        problems.update(_domain_problems(domain))
    promo = body.get("promo_code")
    if promo is not None and (not isinstance(promo, str) or not 1 <= len(promo) <= 64):
        problems["promo_code"] = "must be a promotion code (1 to 64 characters) or null"
    if "use_credit" in body and not isinstance(body["use_credit"], bool):
        problems["use_credit"] = "must be true or false"
    return problems


@dataclass
class Plan:
    """What an order will buy and bill, before anything is created."""

    currency: str
    product: sqlite3.Row | None = None
    cycle: str | None = None
    price: Decimal = Decimal(0)
    setup: Decimal = Decimal(0)
    domain: str | None = None
    action: str | None = None
    years: int = 1
    domain_price: Decimal = Decimal(0)
    promo: sqlite3.Row | None = None
    lines: list[tuple[str, str, str, Decimal]] = field(default_factory=list)
    """(kind, description, invoice item type, amount); kind: product, domain or promo."""


def _check_domain(conn: sqlite3.Connection, ctx: Context, plan: Plan, domain: dict[str, Any]) -> None:  # fmt: skip
    name, action = str(domain["name"]).strip().lower().removesuffix("."), str(domain["action"])
    plan.domain, plan.action, plan.years = name, action, int(domain.get("years", 1))
    found = availability(conn, name, ctx.currency)
    if found["reason"] == "invalid name":
        raise validation_failed(
            {"domain.name": f"{name!r} is not a domain name such as example.com"}
        )
    if action == "existing":
        if plan.product is None:
            raise validation_failed({"domain.action": "existing only names the domain of a product: "
                                     "give product_id too"})  # fmt: skip
        return
    if found["reason"] == "TLD not offered":
        raise validation_failed({"domain.name": f"the provider does not sell .{name.partition('.')[2]}"
                                 " domains"})  # fmt: skip
    owner = conn.execute("SELECT client_id FROM domains WHERE name = ?", (name,)).fetchone()
    if action == "register" and not found["available"]:
        raise validation_failed({"domain.name": f"{name} is not available ({found['reason']})"})
    if action == "transfer":
        if owner is not None:
            where = "your account" if owner["client_id"] == ctx.client_id else "this provider"
            raise validation_failed({"domain.name": f"{name} is already with {where}"})
        if found["available"] or found["reason"] != "registered":
            raise validation_failed(
                {"domain.name": f"{name} is not registered: register it instead"}
            )
    plan.domain_price = Decimal(found["registration_price"]["amount"])


def plan_order(conn: sqlite3.Connection, ctx: Context, body: dict[str, Any]) -> Plan:
    """Check the order against the catalog and the account (422 naming the field) and price it."""
    plan = Plan(ctx.currency)
    if body.get("product_id") is not None:
        product = find_product(conn, int(body["product_id"]), ctx.currency)
        if product is None:
            raise validation_failed({"product_id": "no such product in the catalog"})
        plan.product, plan.cycle = product, str(body["billing_cycle"])
        price = conn.execute(
            "SELECT * FROM product_prices WHERE product_id = ? AND currency = ?"
            " AND billing_cycle = ?",
            (product["id"], ctx.currency, plan.cycle),
        ).fetchone()
        if price is None:
            cycles = cycles_of(conn, "product_prices", "product_id", int(product["id"]),
                               ctx.currency)  # fmt: skip
            raise validation_failed({"billing_cycle": f"{product['name']} is not offered "
                                     f"{plan.cycle} (cycles: {cycles})"})  # fmt: skip
        plan.price, plan.setup = Decimal(price["price"]), Decimal(price["setup_fee"])
        if product["requires_domain"] and body.get("domain") is None:
            raise validation_failed({"domain": f"{product['name']} needs a domain: register, "
                                     "transfer or name an existing one"})  # fmt: skip
    if body.get("domain") is not None:
        _check_domain(conn, ctx, plan, body["domain"])
    promo = body.get("promo_code")
    if promo is not None:
        plan.promo = conn.execute(
            "SELECT * FROM promo_codes WHERE code = ?", (promo.strip().upper(),)
        ).fetchone()
        if plan.promo is None:
            raise validation_failed({"promo_code": f"{promo!r} is not a valid promotion code"})
        if plan.promo["requires_product"] and plan.product is None:
            raise validation_failed({"promo_code": f"{plan.promo['code']} applies only to orders "
                                     "with a product"})  # fmt: skip
    _lines(plan)
    return plan


def _lines(plan: Plan) -> None:
    if plan.product is not None:
        what = plan.domain or "no domain"
        plan.lines.append(("product", f"{plan.product['name']} - {what} ({plan.cycle})", "service",
                           plan.price))  # fmt: skip
        if plan.setup > 0:
            plan.lines.append(("product", f"Setup fee - {plan.product['name']}", "other",
                               plan.setup))  # fmt: skip
    if plan.action == "register":
        unit = "year" if plan.years == 1 else "years"
        plan.lines.append(("domain", f"Domain registration - {plan.domain} - {plan.years} {unit}",
                           "domain_registration", plan.domain_price * plan.years))  # fmt: skip
    elif plan.action == "transfer":
        plan.lines.append(("domain", f"Domain transfer - {plan.domain} - 1 year",
                           "domain_registration", plan.domain_price))  # fmt: skip
    if plan.promo is not None:
        subtotal = sum((line[3] for line in plan.lines), Decimal(0))
        if plan.promo["kind"] == "percent":
            off = quantize(subtotal * Decimal(plan.promo["value"]) / 100, plan.currency)
        else:
            off = min(Decimal(plan.promo["value"]), plan.price + plan.setup)
        if off > 0:
            plan.lines.append(("promo", f"Promotion {plan.promo['code']} - "
                               f"{plan.promo['description']}", "other", -off))  # fmt: skip


def _item(plan: Plan, kind: str, description: str, amount: Decimal,
          service_id: int | None = None) -> dict[str, object]:  # fmt: skip
    return {
        "description": description,
        "product_id": plan.product["id"] if kind == "product" and plan.product else None,
        "service_id": service_id if kind == "product" else None,
        "domain": plan.domain if kind in ("product", "domain") else None,
        "amount": money(amount, plan.currency),
    }


def quote_order(ctx: Context) -> Response:
    body = body_object(ctx)
    problems = order_problems(body)
    if problems:
        raise validation_failed(problems)
    with ctx.db.read() as conn:
        plan = plan_order(conn, ctx, body)
    amounts = [to_text(line[3], plan.currency) for line in plan.lines]
    subtotal, tax, total = invoice_totals(amounts, plan.currency)
    return ok({
        "items": [_item(plan, kind, text, amount) for kind, text, _, amount in plan.lines],
        "subtotal": money(subtotal, plan.currency), "tax": money(tax, plan.currency),
        "total": money(total, plan.currency),
        "promo_code": plan.promo["code"] if plan.promo is not None else None,
    })  # fmt: skip


# -- creating an order --------------------------------------------------------------------------


def _insert_domain(conn: sqlite3.Connection, ctx: Context, plan: Plan) -> int:
    name = str(plan.domain)
    tld = name.partition(".")[2]
    expiry = add_years(ctx.today, plan.years)
    cursor = conn.execute(
        "INSERT INTO domains (client_id, name, tld, status, registration_date, expiry_date,"
        " next_due_date, registration_period, currency, recurring_amount, auto_renew,"
        " registrar_lock, nameservers, whois_contacts) VALUES"
        " (?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
        (ctx.client_id, name, tld, ctx.today.isoformat(), expiry.isoformat(), expiry.isoformat(),
         plan.years, plan.currency, to_text(plan.domain_price, plan.currency),
         int(tld not in NO_REGISTRAR_LOCK), json.dumps(list(HOSTED_NAMESERVERS)),
         json.dumps(default_contacts(conn, ctx.client_id), ensure_ascii=False)),
    )  # fmt: skip
    return int(cursor.lastrowid or 0)


def _insert_service(conn: sqlite3.Connection, ctx: Context, plan: Plan) -> int:
    product, cycle = plan.product, str(plan.cycle)
    assert product is not None
    service_id = int(conn.execute("SELECT coalesce(max(id), 100) + 1 FROM services").fetchone()[0])
    recurring = plan.price if cycle in CYCLE_MONTHS else Decimal(0)
    conn.execute(
        "INSERT INTO services (id, client_id, product, group_name, domain, status, billing_cycle,"
        " currency, first_payment, recurring_amount, registration_date, next_due_date, username,"
        " server_host, product_id) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (service_id, ctx.client_id, product["name"], product["group_name"], plan.domain, cycle,
         plan.currency, to_text(plan.price + plan.setup, plan.currency),
         to_text(recurring, plan.currency), ctx.today.isoformat(),
         ctx.today.isoformat() if cycle in CYCLE_MONTHS else None,
         f"{(plan.domain or 'sandbox').split('.')[0].replace('-', '')[:8]}{service_id}",
         f"srv{service_id % 17 + 1}.sandbox-hosting.net", product["id"]),
    )  # fmt: skip
    return service_id


def order_json(conn: sqlite3.Connection, row: sqlite3.Row, ctx: Context) -> dict[str, object]:
    items = conn.execute(
        "SELECT * FROM order_items WHERE order_id = ? ORDER BY id", (row["id"],)
    ).fetchall()
    currency = str(row["currency"])
    return {
        "id": row["id"], "number": row["number"], "status": row["status"],
        "created_at": row["created_at"], "total": money(row["total"], currency),
        "invoice_id": row["invoice_id"],
        "items": [{"description": i["description"], "product_id": i["product_id"],
                   "service_id": i["service_id"], "domain": i["domain"],
                   "amount": money(i["amount"], currency)} for i in items],
        "invoice": invoice_json(conn, int(row["invoice_id"]), ctx.today)
        if row["invoice_id"] is not None else None,
    }  # fmt: skip


def create_order(ctx: Context) -> Response:
    def handler() -> Response:
        body = body_object(ctx)
        problems = order_problems(body)
        if problems:
            raise validation_failed(problems)
        with ctx.db.write() as conn:
            catch_up(conn, ctx.client_id, ctx.today)
            plan = plan_order(conn, ctx, body)
            domain_id = _insert_domain(conn, ctx, plan) if plan.action in ("register", "transfer") else None  # fmt: skip
            service_id = _insert_service(conn, ctx, plan) if plan.product is not None else None
            related = {"product": service_id, "domain": domain_id, "promo": None}
            lines = [Line(text, kind_type, related[kind], amount)
                     for kind, text, kind_type, amount in plan.lines]  # fmt: skip
            due = ctx.today + timedelta(days=ORDER_DUE_DAYS)
            invoice_id = issue_invoice(conn, ctx.client_id, plan.currency, lines, ctx.today, due)
            invoice = conn.execute("SELECT * FROM invoices WHERE id = ?", (invoice_id,)).fetchone()
            order_id = int(conn.execute(
                "SELECT max(coalesce(max(id), 0) + 1, ?) FROM orders", (FIRST_ORDER_ID,)
            ).fetchone()[0])  # fmt: skip
            conn.execute(
                "INSERT INTO orders (id, client_id, number, status, created_at, currency, total,"
                " invoice_id, promo_code) VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?)",
                (order_id, ctx.client_id, f"ORD-{ctx.today.year}-{order_id}",
                 instant_on(ctx.today), plan.currency, invoice["total"], invoice_id,
                 plan.promo["code"] if plan.promo is not None else None),
            )  # fmt: skip
            conn.executemany(
                "INSERT INTO order_items (order_id, description, product_id, service_id, domain,"
                " amount) VALUES (?, ?, ?, ?, ?, ?)",
                [(order_id, item["description"], item["product_id"], item["service_id"],
                  item["domain"], to_text(amount, plan.currency))
                 for (kind, text, _, amount) in plan.lines
                 for item in [_item(plan, kind, text, amount, service_id)]],
            )  # fmt: skip
            if Decimal(invoice["total"]) <= 0:
                mark_paid(conn, invoice_id, ctx.today)
            elif body.get("use_credit") is True:
                apply_credit(conn, ctx.client_id, invoice_id, ctx.today)
            status = conn.execute("SELECT status FROM invoices WHERE id = ?", (invoice_id,))
            if status.fetchone()[0] == "paid":
                on_paid(conn, invoice_id, ctx.today)
            row = conn.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()
            answer = order_json(conn, row, ctx)
        return ok(answer, 201)

    return keyed(ctx, handler)


def get_order(ctx: Context) -> Response:
    order_id = path_id(ctx, "id", "order")
    with ctx.db.write() as conn:
        catch_up(conn, ctx.client_id, ctx.today)
        row = conn.execute(
            "SELECT * FROM orders WHERE id = ? AND client_id = ?", (order_id, ctx.client_id)
        ).fetchone()
        if row is None:
            raise not_found("order")
        return ok(order_json(conn, row, ctx))


def register(router: Router) -> None:
    router.add("POST", "/v1/orders/quote", "quoteOrder", quote_order)
    router.add("POST", "/v1/orders", "createOrder", create_order)
    router.add("GET", "/v1/orders/{id}", "getOrder", get_order)

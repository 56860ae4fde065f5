"""The catalog: products with their cycles, prices and add-ons, and domain names' availability.

Sandbox rules beyond the contract's shapes:
- a client sees the products priced in its currency (EUR or CHF), in the catalog's order; the
  ``group`` filter is the group's exact name, in any case;
- a domain name is checked as a name under one of the TLDs the provider sells in the client's
  currency (``seed.domains.PRICES``: EUR es, com, net, org, eu, io, dev, cat; CHF ch, com, io, dev).
  It is ``invalid name`` when it is not a host name of exactly two labels, ``TLD not offered``,
  ``reserved`` when its first label is one the registries keep (example, nic, whois, registry,
  test, invalid, localhost), and ``registered`` when any client of the provider has it, when its
  first label has three characters or fewer (short names went long ago) or is a famous brand
  (google, amazon, facebook, wikipedia, github, microsoft, apple). Otherwise it is available.
  Registration, transfer (which adds a year) and renewal cost the TLD's yearly price.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ..money import money
from ..params import Query
from ..router import Context, Router
from ..validation import hostname_problem
from ..web import Response, not_found, validation_failed
from .common import body_object, ok, path_id, select_page
from .requests import unknown_fields
from .service_common import (
    pricing,
)

MAX_NAMES = 50
RESERVED = frozenset({"example", "nic", "whois", "registry", "test", "invalid", "localhost"})
FAMOUS = frozenset({"google", "amazon", "facebook", "wikipedia", "github", "microsoft", "apple"})
SHORT_NAME = 3


def tld_prices(currency: str) -> dict[str, str]:
    from ..seed.domains import PRICES

    return dict(PRICES.get(currency, {}))


# -- products -----------------------------------------------------------------------------------


def product_json(conn: sqlite3.Connection, row: sqlite3.Row, currency: str) -> dict[str, object]:
    addons = conn.execute(
        "SELECT a.* FROM catalog_addons a JOIN product_addons pa ON pa.addon_id = a.id"
        " WHERE pa.product_id = ? ORDER BY a.id",
        (row["id"],),
    ).fetchall()
    return {
        "id": row["id"], "name": row["name"], "group": row["group_name"], "type": row["type"],
        "description": row["description"],
        "pricing": pricing(conn, "product_prices", "product_id", int(row["id"]), currency),
        "addons": [
            {"id": a["id"], "name": a["name"], "description": a["description"],
             "pricing": pricing(conn, "catalog_addon_prices", "addon_id", int(a["id"]), currency)}
            for a in addons
        ],
        "requires_domain": bool(row["requires_domain"]),
    }  # fmt: skip


_PRICED = "EXISTS (SELECT 1 FROM product_prices pp WHERE pp.product_id = products.id AND pp.currency = ?)"  # fmt: skip


def find_product(conn: sqlite3.Connection, product_id: int, currency: str) -> sqlite3.Row | None:
    """The product, when it is sold in the currency."""
    row: sqlite3.Row | None = conn.execute(
        f"SELECT * FROM products WHERE id = ? AND {_PRICED}",  # noqa: S608 - a fixed clause
        (product_id, currency),
    ).fetchone()
    return row


def list_products(ctx: Context) -> Response:
    query = Query(ctx.request.query)
    group = query.text("group", max_length=100)
    page = query.page()
    query.check()
    where, args = _PRICED, [ctx.currency]
    if group is not None:
        where += " AND lower(group_name) = lower(?)"
        args.append(group.strip())
    with ctx.db.read() as conn:
        rows, total = select_page(conn, "products", where, args, "position", page)
        data = [product_json(conn, row, ctx.currency) for row in rows]
    return ok(page.envelope(data, total))


def get_product(ctx: Context) -> Response:
    product_id = path_id(ctx, "id", "product")
    with ctx.db.read() as conn:
        row = find_product(conn, product_id, ctx.currency)
        if row is None:
            raise not_found("product")
        return ok(product_json(conn, row, ctx.currency))


# -- domain availability ------------------------------------------------------------------------


def availability(conn: sqlite3.Connection, raw: str, currency: str) -> dict[str, Any]:
    """One ``DomainAvailability``: can ``raw`` be registered, and at what prices."""
    name = raw.strip().lower().removesuffix(".")
    answer: dict[str, Any] = {"name": name, "available": False, "reason": None,
                              "registration_price": None, "transfer_price": None,
                              "renewal_price": None}  # fmt: skip
    label, _, tld = name.partition(".")
    if hostname_problem(name) is not None or "." in tld:
        answer["reason"] = "invalid name"
        return answer
    price = tld_prices(currency).get(tld)
    if price is None:
        answer["reason"] = "TLD not offered"
        return answer
    for field in ("registration_price", "transfer_price", "renewal_price"):
        answer[field] = money(price, currency)
    taken = conn.execute("SELECT 1 FROM domains WHERE name = ?", (name,)).fetchone()
    if label in RESERVED:
        answer["reason"] = "reserved"
    elif taken or label in FAMOUS or len(label) <= SHORT_NAME:
        answer["reason"] = "registered"
    else:
        answer["available"] = True
    return answer


def check_availability(ctx: Context) -> Response:
    body = body_object(ctx)
    problems = unknown_fields(body, ("names",))
    given = body.get("names")
    names: list[Any] = given if isinstance(given, list) else []
    if not 1 <= len(names) <= MAX_NAMES:
        problems["names"] = f"is required: a list of 1 to {MAX_NAMES} domain names"
    else:
        for index, name in enumerate(names):
            if not isinstance(name, str) or not 1 <= len(name) <= 253:
                problems[f"names.{index}"] = "must be a domain name of 1 to 253 characters"
    if problems:
        raise validation_failed(problems)
    with ctx.db.read() as conn:
        results = [availability(conn, name, ctx.currency) for name in names]
    return ok({"results": results})


def register(router: Router) -> None:
    router.add("GET", "/v1/catalog/products", "listProducts", list_products)
    router.add("GET", "/v1/catalog/products/{id}", "getProduct", get_product)
    router.add("POST", "/v1/domains/availability", "checkDomainAvailability", check_availability)

"""``POST /v1/domains/bulk/{action}`` (bulkDomains): one action over up to 1000 domains.

The request is one idempotent unit (one ``Idempotency-Key`` for all its items) and one write
transaction. It is checked whole first: a body that is not an object, a list of items that is
empty or longer than 1000, or any item of the wrong shape for the action answers 400/422 and
changes nothing. Then each item runs, in order, through the very function of its single-domain
operation (``domain_actions``) inside its own savepoint: an item that fails is rolled back to
its savepoint and reported, and never fails the others.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..router import Context, Router
from ..web import ApiError, Response, validation_failed
from .common import ok
from .domain_actions import (
    nameservers_body_problems,
    recurring_problems,
    renew_domain,
    renewal_problems,
    require_object,
    set_nameservers,
    set_recurring,
    update_domain,
)

MAX_ITEMS = 1000
MAX_REF_LENGTH = 253

Operation = Callable[[sqlite3.Connection, int, date, str, dict[str, Any]], dict[str, object]]


@dataclass(frozen=True)
class BulkAction:
    operation: Operation
    check: Callable[[dict[str, Any]], dict[str, str]]
    body: Callable[[dict[str, Any]], dict[str, Any]]
    status: int = 200  # the status of one successful item on its own


def _without_domain(item: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in item.items() if key != "domain"}


def _toggle_check(body: dict[str, Any]) -> dict[str, str]:
    problems = {key: "is not a field of this action" for key in body if key != "enabled"}
    if not isinstance(body.get("enabled"), bool):
        problems["enabled"] = "is required: true or false"
    return problems


def _toggle(setting: str) -> BulkAction:
    return BulkAction(update_domain, _toggle_check, lambda item: {setting: item["enabled"]})


ACTIONS: dict[str, BulkAction] = {
    "renewal": BulkAction(renew_domain, renewal_problems, _without_domain, 201),
    "recurring": BulkAction(set_recurring, recurring_problems, _without_domain),
    "auto-renew": _toggle("auto_renew"),
    "lock": _toggle("registrar_lock"),
    "privacy": _toggle("id_protection"),
    "nameservers": BulkAction(set_nameservers, nameservers_body_problems, _without_domain),
}


def checked_items(body: object, action: BulkAction) -> list[dict[str, Any]]:
    """The items of a well-formed request; else 400/422 for the whole request."""
    request = require_object(body)
    problems = {key: "is not a field of this request" for key in request if key != "items"}
    items = request.get("items")
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_ITEMS:
        problems["items"] = f"is required: a list of 1 to {MAX_ITEMS} items"
        raise validation_failed(problems)
    for index, item in enumerate(items):
        where = f"items.{index}"
        if not isinstance(item, dict):
            problems[where] = "must be an object"
            continue
        ref = item.get("domain")
        if not isinstance(ref, str) or not 1 <= len(ref) <= MAX_REF_LENGTH:
            problems[f"{where}.domain"] = "is required: the domain's id or name, as a string"
        for key, message in action.check(_without_domain(item)).items():
            problems[f"{where}.{key}"] = message
    if problems:
        raise validation_failed(problems)
    return items


def _error(exc: ApiError) -> dict[str, object]:
    return {"code": exc.code, "message": exc.message, "details": exc.details}


def run_items(
    conn: sqlite3.Connection,
    client_id: int,
    today: date,
    action: BulkAction,
    items: list[dict[str, Any]],
) -> list[dict[str, object]]:
    """Apply every item in its own savepoint; one result per item, in order."""
    results: list[dict[str, object]] = []
    for item in items:
        ref = str(item["domain"])
        conn.execute("SAVEPOINT bulk_item")
        try:
            data = action.operation(conn, client_id, today, ref, action.body(item))
        except ApiError as exc:
            conn.execute("ROLLBACK TO bulk_item")
            conn.execute("RELEASE bulk_item")
            results.append(
                {"domain": ref, "ok": False, "status": exc.status, "error": _error(exc),
                 "data": None}
            )  # fmt: skip
            continue
        conn.execute("RELEASE bulk_item")
        results.append(
            {"domain": ref, "ok": True, "status": action.status, "error": None, "data": data}
        )
    return results


def post_bulk(ctx: Context) -> Response:
    name = ctx.params["action"]
    action = ACTIONS.get(name)
    if action is None:
        raise ApiError(404, "not_found", f"no bulk action {name!r}; one of: " + ", ".join(ACTIONS))

    def run() -> Response:
        items = checked_items(ctx.request.json_body(), action)
        with ctx.db.write() as conn:
            results = run_items(conn, ctx.client_id, ctx.today, action, items)
        return ok({"results": results})

    key = ctx.request.header("idempotency-key")
    scope = f"POST {ctx.request.path}"
    return ctx.idempotency.idempotent(ctx.client_id, key, ctx.request.body, run, scope=scope)


def register(router: Router) -> None:
    router.add("POST", "/v1/domains/bulk/{action}", "bulkDomains", post_bulk)

"""What the provider does once an order, an upgrade or an add-on is paid, or a cancellation is due.

``on_paid(conn, invoice_id, today)`` is the effect of an invoice becoming paid on what it was
issued for: the order's services and domains become ``active`` (a new service's next due date is
one cycle after its registration), a pending upgrade changes the service's product, cycle and
price, and a pending add-on becomes ``active``. It is idempotent (it only moves ``pending``
things), so calling it again, or after the invoice was paid some other way, is harmless.

``catch_up(conn, client_id, today)`` applies every such effect still owed to one client — invoices
paid by card, by transfer or by the renewal cycle since — and completes the end-of-period
cancellations whose day has come. The lifecycle, catalog and order routes run it before they read
or change anything, so their answers are always current.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from .proration import add_cycle

RECURRING = ("monthly", "quarterly", "semiannually", "annually", "biennially", "triennially")


def _activate_order(conn: sqlite3.Connection, order: sqlite3.Row) -> None:
    items = conn.execute(
        "SELECT service_id, domain FROM order_items WHERE order_id = ?", (order["id"],)
    ).fetchall()
    for item in items:
        if item["service_id"] is not None:
            service = conn.execute(
                "SELECT * FROM services WHERE id = ?", (item["service_id"],)
            ).fetchone()
            if service is None or service["status"] != "pending":
                continue
            next_due = service["next_due_date"]
            registered = service["registration_date"]
            cycle = str(service["billing_cycle"])
            if cycle in RECURRING and (next_due is None or next_due <= registered):
                next_due = add_cycle(date.fromisoformat(registered), cycle).isoformat()
            elif cycle not in RECURRING:
                next_due = None
            conn.execute(
                "UPDATE services SET status = 'active', next_due_date = ? WHERE id = ?",
                (next_due, service["id"]),
            )
        elif item["domain"] is not None:
            conn.execute(
                "UPDATE domains SET status = 'active' WHERE name = ? AND client_id = ?"
                " AND status = 'pending'",
                (item["domain"], order["client_id"]),
            )
    conn.execute("UPDATE orders SET status = 'active' WHERE id = ?", (order["id"],))


def apply_upgrade(conn: sqlite3.Connection, upgrade: sqlite3.Row, today: date) -> None:
    product = conn.execute(
        "SELECT name, group_name FROM products WHERE id = ?", (upgrade["to_product_id"],)
    ).fetchone()
    conn.execute(
        "UPDATE services SET product_id = ?, product = ?, group_name = ?, billing_cycle = ?,"
        " recurring_amount = ?, next_due_date = ? WHERE id = ?",
        (upgrade["to_product_id"], product["name"], product["group_name"],
         upgrade["billing_cycle"], upgrade["new_recurring_amount"], upgrade["next_due_date"],
         upgrade["service_id"]),
    )  # fmt: skip
    conn.execute(
        "UPDATE service_upgrades SET status = 'completed', completed_at = ? WHERE id = ?",
        (today.isoformat(), upgrade["id"]),
    )


def on_paid(conn: sqlite3.Connection, invoice_id: int, today: date) -> None:
    """Fulfil what a paid invoice bills (orders, upgrades, add-ons); no-op for anything else."""
    for order in conn.execute(
        "SELECT * FROM orders WHERE invoice_id = ? AND status = 'pending'", (invoice_id,)
    ).fetchall():
        _activate_order(conn, order)
    for upgrade in conn.execute(
        "SELECT * FROM service_upgrades WHERE invoice_id = ? AND status = 'pending'", (invoice_id,)
    ).fetchall():
        apply_upgrade(conn, upgrade, today)
    conn.execute(
        "UPDATE addons SET status = 'active' WHERE invoice_id = ? AND status = 'pending'",
        (invoice_id,),
    )


def cancel_service(conn: sqlite3.Connection, service_id: int, today: date) -> None:
    """Stop a service now: it and its add-ons are ``cancelled``; unpaid invoices that bill only
    this service (its period, add-ons or an upgrade) are cancelled with it, and a pending upgrade
    is dropped. Nothing is refunded."""
    conn.execute("UPDATE services SET status = 'cancelled' WHERE id = ?", (service_id,))
    addon_ids = [
        int(r[0]) for r in conn.execute("SELECT id FROM addons WHERE service_id = ?", (service_id,))
    ]
    conn.execute(
        "UPDATE addons SET status = 'cancelled' WHERE service_id = ? AND status != 'cancelled'",
        (service_id,),
    )
    conn.execute(
        "UPDATE service_upgrades SET status = 'cancelled' WHERE service_id = ? AND status = 'pending'",
        (service_id,),
    )
    marks = ", ".join("?" for _ in addon_ids) or "NULL"
    invoices = conn.execute(
        "SELECT DISTINCT i.id FROM invoices i JOIN invoice_items ii ON ii.invoice_id = i.id WHERE"  # noqa: S608
        " i.status = 'unpaid' AND ((ii.type IN ('service', 'upgrade') AND ii.related_id = ?) OR"
        f" (ii.type = 'addon' AND ii.related_id IN ({marks})))",
        (service_id, *addon_ids),
    ).fetchall()
    for invoice in invoices:
        items = conn.execute(
            "SELECT type, related_id FROM invoice_items WHERE invoice_id = ?", (invoice["id"],)
        ).fetchall()
        only_this = all(
            (item["type"] in ("service", "upgrade", "other") and item["related_id"] == service_id)
            or (item["type"] in ("addon", "other") and item["related_id"] in addon_ids)
            or (item["type"] == "other" and item["related_id"] is None)  # a promotion
            for item in items
        )
        if only_this:
            conn.execute("UPDATE invoices SET status = 'cancelled' WHERE id = ?", (invoice["id"],))


def catch_up(conn: sqlite3.Connection, client_id: int, today: date) -> None:
    """Apply the effects of the client's invoices paid since, and cancellations now due."""
    paid = conn.execute(
        "SELECT invoice_id FROM orders o JOIN invoices i ON i.id = o.invoice_id"
        " WHERE o.client_id = ? AND o.status = 'pending' AND i.status = 'paid'"
        " UNION SELECT invoice_id FROM service_upgrades u JOIN invoices i ON i.id = u.invoice_id"
        " WHERE u.client_id = ? AND u.status = 'pending' AND i.status = 'paid'"
        " UNION SELECT invoice_id FROM addons a JOIN invoices i ON i.id = a.invoice_id"
        " WHERE i.client_id = ? AND a.status = 'pending' AND i.status = 'paid'",
        (client_id, client_id, client_id),
    ).fetchall()
    for row in paid:
        on_paid(conn, int(row[0]), today)
    conn.execute(
        "UPDATE orders SET status = 'cancelled' WHERE client_id = ? AND status = 'pending'"
        " AND invoice_id IN (SELECT id FROM invoices WHERE status = 'cancelled')",
        (client_id,),
    )
    due = conn.execute(
        "SELECT id, service_id FROM cancellation_requests WHERE client_id = ?"
        " AND status = 'pending' AND effective_date <= ?",
        (client_id, today.isoformat()),
    ).fetchall()
    for request in due:
        cancel_service(conn, int(request["service_id"]), today)
        conn.execute(
            "UPDATE cancellation_requests SET status = 'completed', completed_at = ? WHERE id = ?",
            (today.isoformat(), request["id"]),
        )

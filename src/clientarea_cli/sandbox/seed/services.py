"""Seeded services (hosting, VPS, e-mail, SSL…) and their add-ons."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import NamedTuple

from .common import (
    ANA_ID,
    BANK_ID,
    BRUNO_CARD_ID,
    BRUNO_ID,
    FIRST_ADDON_ID,
    FIRST_SERVICE_ID,
    VISA_ID,
    insert,
    next_id,
)


class Spec(NamedTuple):
    key: str
    product: str
    group: str
    domain: str | None
    status: str
    cycle: str
    first_payment: str
    recurring: str
    registered_days_ago: int
    due_in_days: int | None
    payment_method_id: int | None


_ANA = [
    Spec("hosting", "Hosting Pro", "Web Hosting", "garcia-hosting.es", "active", "monthly",
         "12.95", "12.95", 700, 8, VISA_ID),
    Spec("vps", "VPS M", "VPS", "anagarcia.com", "active", "annually",
         "239.40", "239.40", 425, 305, BANK_ID),
    Spec("email", "Email Business", "Email", "tapas-madrid.es", "suspended", "quarterly",
         "29.85", "29.85", 300, -26, None),
    Spec("start", "Hosting Start", "Web Hosting", "olivar-verde.org", "pending", "semiannually",
         "35.70", "35.70", 20, -6, None),
    Spec("wordpress", "WordPress Managed", "Web Hosting", "flamenco-studio.net", "cancelled",
         "biennially", "287.76", "287.76", 800, None, None),
    Spec("ssl", "SSL Wildcard", "SSL Certificates", "garcia-hosting.es", "expired", "annually",
         "89.00", "89.00", 395, -30, None),
    Spec("dns", "DNS Basic", "DNS", None, "active", "free", "0.00", "0.00", 900, None, None),
    Spec("migration", "Website Migration", "Professional Services", "codigo-abierto.dev", "active",
         "one_time", "49.00", "0.00", 100, None, None),
]  # fmt: skip

# service key, name, cycle, recurring amount (the add-on follows its service's due date)
_ANA_ADDONS = [
    ("hosting", "Daily Backups", "monthly", "3.00"),
    ("hosting", "Dedicated IP", "monthly", "2.50"),
    ("vps", "Snapshot Pack", "annually", "24.00"),
]


def _service(
    conn: sqlite3.Connection, client_id: int, currency: str, today: date, spec: Spec
) -> int:
    service_id = next_id(conn, "services", FIRST_SERVICE_ID)
    due = spec.due_in_days
    insert(conn, "services", {
        "id": service_id, "client_id": client_id, "product": spec.product,
        "group_name": spec.group, "domain": spec.domain, "status": spec.status,
        "billing_cycle": spec.cycle, "currency": currency,
        "first_payment": spec.first_payment, "recurring_amount": spec.recurring,
        "registration_date": (today - timedelta(days=spec.registered_days_ago)).isoformat(),
        "next_due_date": None if due is None else (today + timedelta(days=due)).isoformat(),
        "payment_method_id": spec.payment_method_id,
        "username": f"{(spec.domain or 'sandbox').split('.')[0].replace('-', '')[:8]}{service_id}",
        "server_host": f"srv{service_id % 17 + 1}.sandbox-hosting.net",
    })  # fmt: skip
    return service_id


def seed_ana_services(
    conn: sqlite3.Connection, today: date
) -> tuple[dict[str, int], dict[str, int]]:
    """Insert Ana's services and add-ons; answer (service key -> id, add-on name -> id)."""
    services = {spec.key: _service(conn, ANA_ID, "EUR", today, spec) for spec in _ANA}
    addons: dict[str, int] = {}
    for key, name, cycle, amount in _ANA_ADDONS:
        row = conn.execute(
            "SELECT next_due_date FROM services WHERE id = ?", (services[key],)
        ).fetchone()
        addons[name] = insert(conn, "addons", {
            "id": next_id(conn, "addons", FIRST_ADDON_ID), "service_id": services[key],
            "name": name, "status": "active", "billing_cycle": cycle,
            "recurring_amount": amount, "next_due_date": row[0],
        })  # fmt: skip
    return services, addons


def seed_bruno_service(conn: sqlite3.Connection, today: date) -> int:
    spec = Spec("hosting", "Hosting Pro", "Web Hosting", "keller-web.ch", "active", "annually",
                "155.40", "155.40", 500, 230, BRUNO_CARD_ID)  # fmt: skip
    return _service(conn, BRUNO_ID, "CHF", today, spec)

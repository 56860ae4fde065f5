"""The seeded services' place in the catalog, and their mailboxes.

The catalog itself (products, prices, add-ons, options, promotion codes) is provider data that
schema version 4 inserts from ``sandbox/catalog.py``, for new and migrated databases alike. This
step runs after the services are seeded: it points each seeded service at its catalog product and
each add-on at its catalog add-on (by name), and gives the hosting plans a few mailboxes. It
changes no seeded value and draws nothing from the seed's random generator: the mailboxes' use is
derived from their address.
"""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from datetime import date, timedelta

from .common import instant

# service domain -> (local part, quota in MB, created this many days ago)
MAILBOXES = {
    "garcia-hosting.es": [("ana", 2048, 690), ("facturas", 1024, 400), ("info", 1024, 690)],
    "keller-web.ch": [("bruno", 2048, 480)],
}


def seed_catalog(conn: sqlite3.Connection, today: date) -> None:
    conn.execute(
        "UPDATE services SET product_id = (SELECT id FROM products WHERE name = services.product)"
    )
    conn.execute(
        "UPDATE addons SET catalog_addon_id ="
        " (SELECT id FROM catalog_addons WHERE name = addons.name)"
    )
    hosting = conn.execute(
        "SELECT s.id, s.domain FROM services s JOIN products p ON p.id = s.product_id"
        " WHERE p.type = 'hosting' AND s.status = 'active' ORDER BY s.id"
    ).fetchall()
    for service in hosting:
        for local, quota, days_ago in MAILBOXES.get(str(service["domain"]), []):
            address = f"{local}@{service['domain']}"
            used = zlib.crc32(address.encode()) % (quota // 2)
            # A hash of nothing anyone could type: the demo's mailboxes have no usable password.
            unusable = "sha256$" + hashlib.sha256(f"seeded:{address}".encode()).hexdigest()
            conn.execute(
                "INSERT INTO mailboxes (service_id, address, quota_mb, used_mb, password_hash,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (service["id"], address, quota, used, unusable,
                 instant(today - timedelta(days=days_ago))),
            )  # fmt: skip

"""Generated domains for large-portfolio benchmarks (``sandbox reset --extra-domains N``).

They are added to Ana after the regular seed, so the seeded data itself is unchanged: names
``bulk-000001.es``, ``bulk-000002.com``… cycle through her TLDs, ids follow the seeded ones,
and every one is active with auto-renew and recurring payment off, expiring on a day spread
over the next two years. Deterministic: the same ``today`` and count give the same rows.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date, timedelta

from ..dates import add_years
from .common import ANA_ID, FIRST_DOMAIN_ID, next_id
from .domains import NAMESERVER_SETS, PRICES

TLDS = ("es", "com", "net", "org", "eu", "io", "dev", "cat")
SPREAD_DAYS = 730
MAX_EXTRA_DOMAINS = 1_000_000


def insert_extra_domains(conn: sqlite3.Connection, count: int, today: date) -> None:
    if not 0 <= count <= MAX_EXTRA_DOMAINS:
        raise ValueError(f"extra domains must be from 0 to {MAX_EXTRA_DOMAINS}")
    first_id = next_id(conn, "domains", FIRST_DOMAIN_ID)
    nameservers = json.dumps(NAMESERVER_SETS[0])
    rows = []
    for number in range(1, count + 1):
        tld = TLDS[(number - 1) % len(TLDS)]
        name = f"bulk-{number:06d}.{tld}"
        expiry = today + timedelta(days=1 + (number * 37) % SPREAD_DAYS)
        epp = hashlib.sha256(f"epp:{name}".encode()).hexdigest()[:12]
        rows.append((
            first_id + number - 1, ANA_ID, name, tld, "active",
            add_years(expiry, -1).isoformat(), expiry.isoformat(), expiry.isoformat(), 1, "EUR",
            PRICES["EUR"][tld], nameservers, epp,
        ))  # fmt: skip
    conn.executemany(
        "INSERT INTO domains (id, client_id, name, tld, status, registration_date, expiry_date,"
        " next_due_date, registration_period, currency, recurring_amount, nameservers, epp_code)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )

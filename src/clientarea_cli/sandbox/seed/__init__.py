"""Deterministic seed data: the demo client Ana García and a second tenant, Bruno Keller.

Every date is relative to ``today``, the business date the database starts at, and every random
choice comes from ``random.Random(2026)``, so the same ``today`` always gives the same data.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import date

from ..keys import DEMO_API_KEY, TENANT_B_API_KEY
from .billing import seed_ana_billing, seed_bruno_billing
from .catalog import seed_catalog
from .common import (
    ANA_ID,
    BANK_ID,
    BILLING_CONTACT_ID,
    BRUNO_CARD_ID,
    BRUNO_CONTACT_ID,
    BRUNO_ID,
    MASTERCARD_ID,
    TECH_CONTACT_ID,
    VISA_ID,
    key_hash,
)
from .content import seed_content
from .domains import BRUNO, EXPIRED, EXPIRING_WITHIN_30, Owner, ana_portfolio, insert_domains
from .people import seed_ana_people, seed_bruno_people
from .records import seed_records
from .services import seed_ana_services, seed_bruno_service
from .tickets import seed_ana_tickets, seed_bruno_ticket

__all__ = [
    "ANA_ID",
    "BANK_ID",
    "BILLING_CONTACT_ID",
    "BRUNO_CARD_ID",
    "BRUNO_CONTACT_ID",
    "BRUNO_ID",
    "DEMO_API_KEY",
    "EXPIRED",
    "EXPIRING_WITHIN_30",
    "MASTERCARD_ID",
    "SEED",
    "TECH_CONTACT_ID",
    "TENANT_B_API_KEY",
    "VISA_ID",
    "key_hash",
    "seed",
]

SEED = 2026
DEPARTMENTS = [
    ("support", "Technical Support"),
    ("billing", "Billing"),
    ("sales", "Sales"),
    ("domains", "Domains"),
]


def seed(conn: sqlite3.Connection, today: date) -> None:
    """Fill a freshly migrated database. Runs inside the caller's transaction."""
    rng = random.Random(SEED)  # noqa: S311 - reproducible demo data, not secrets
    conn.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?)",
        [("today", today.isoformat()), ("seed", str(SEED)), ("seeded_for", today.isoformat())],
    )
    conn.executemany("INSERT INTO departments (slug, name) VALUES (?, ?)", DEPARTMENTS)

    seed_ana_people(conn, today)
    # Domains renew automatically only with a validated card, so every recurring domain of Ana
    # uses the Visa. Three entries keep the draw (and so the rest of the seed) as it always was.
    owner = Owner(ANA_ID, "EUR", (VISA_ID, VISA_ID, VISA_ID), BILLING_CONTACT_ID)
    domains = insert_domains(conn, owner, ana_portfolio(rng), today, rng)
    services, addons = seed_ana_services(conn, today)
    seed_ana_billing(conn, today, rng, domains, services, addons)
    seed_ana_tickets(conn, today, rng, services)

    seed_bruno_people(conn, today)
    owner = Owner(BRUNO_ID, "CHF", (BRUNO_CARD_ID,), BRUNO_CONTACT_ID)
    domains = insert_domains(conn, owner, BRUNO, today, rng)
    service_id = seed_bruno_service(conn, today)
    seed_bruno_billing(conn, today, rng, domains, service_id)
    seed_bruno_ticket(conn, today, rng, service_id)
    seed_records(conn)
    seed_catalog(conn, today)
    seed_content(conn, today)

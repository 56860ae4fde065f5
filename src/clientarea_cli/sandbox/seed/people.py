"""Seeded clients, their contacts and their payment methods."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

from ..keys import DEMO_API_KEY, TENANT_B_API_KEY
from .common import (
    ANA_ID,
    BANK_ID,
    BILLING_CONTACT_ID,
    BRUNO_CARD_ID,
    BRUNO_CONTACT_ID,
    BRUNO_ID,
    DEMO_PASSWORD,
    MASTERCARD_ID,
    TECH_CONTACT_ID,
    VISA_ID,
    add_months,
    insert,
    instant,
    key_hash,
    password_hash,
)


def _client(
    conn: sqlite3.Connection, cid: int, api_key: str, since: date, **fields: object
) -> None:
    insert(conn, "clients", {
        "id": cid,
        "api_key_hash": key_hash(api_key),
        "password_hash": password_hash(DEMO_PASSWORD, f"sandbox-salt-{cid}".encode()),
        "created_at": instant(since, 9, 30),
        **fields,
    })  # fmt: skip


def seed_ana_people(conn: sqlite3.Connection, today: date) -> None:
    """Ana García: the demo client, with a billing contact whose name differs from the card's."""
    _client(
        conn, ANA_ID, DEMO_API_KEY, today - timedelta(days=900),
        email="ana@example.com", first_name="Ana", last_name="García",
        company="Garcia Hosting SL", address1="Calle Mayor 12", address2="2º B",
        city="Madrid", state="Madrid", postcode="28013", country="ES", phone="+34 600 123 456",
        tax_id="ESB12345678", currency="EUR", language="es", email_verified=1,
        security_question="What was the name of your first pet?",
        security_answer_hash=key_hash("sandbox"),
    )  # fmt: skip
    insert(conn, "contacts", {
        "id": BILLING_CONTACT_ID, "client_id": ANA_ID, "first_name": "Marta",
        "last_name": "Ruiz", "company": "Garcia Hosting SL", "email": "facturas@garcia-hosting.es",
        "phone": "+34 600 987 654", "address1": "Calle Mayor 12", "city": "Madrid",
        "postcode": "28013", "country": "ES", "email_kinds": json.dumps(["invoice", "domain"]),
        "is_billing": 1,
    })  # fmt: skip
    insert(conn, "contacts", {
        "id": TECH_CONTACT_ID, "client_id": ANA_ID, "first_name": "Jordi", "last_name": "Puig",
        "company": "Garcia Hosting SL", "email": "jordi@garcia-hosting.es",
        "phone": "+34 611 222 333", "address1": "Carrer de Balmes 5", "city": "Barcelona",
        "postcode": "08007", "country": "ES",
        "email_kinds": json.dumps(["support", "product"]), "is_billing": 0,
    })  # fmt: skip
    next_month = add_months(today, 1)
    added = instant(today - timedelta(days=400))
    insert(conn, "payment_methods", {
        "id": VISA_ID, "client_id": ANA_ID, "type": "card", "brand": "visa", "last4": "4242",
        "holder": "Ana García", "exp_month": next_month.month, "exp_year": next_month.year,
        "validated": 1, "is_default": 1, "created_at": added,
    })  # fmt: skip
    insert(conn, "payment_methods", {
        "id": MASTERCARD_ID, "client_id": ANA_ID, "type": "card", "brand": "mastercard",
        "last4": "4444", "holder": "Ana García", "exp_month": 5, "exp_year": today.year + 2,
        "validated": 0, "is_default": 0, "created_at": instant(today - timedelta(days=10)),
    })  # fmt: skip
    insert(conn, "payment_methods", {
        "id": BANK_ID, "client_id": ANA_ID, "type": "bank_account", "brand": None,
        "last4": "1332", "holder": "Garcia Hosting SL", "bank_name": "Banco Sandbox",
        "validated": 1, "is_default": 0, "created_at": added,
    })  # fmt: skip


def seed_bruno_people(conn: sqlite3.Connection, today: date) -> None:
    """Bruno Keller: the second tenant, in Switzerland, billed in CHF."""
    _client(
        conn, BRUNO_ID, TENANT_B_API_KEY, today - timedelta(days=500),
        email="bruno@example.org", first_name="Bruno", last_name="Keller",
        company="Keller Webdesign GmbH", address1="Bahnhofstrasse 1", city="Zürich",
        state="ZH", postcode="8001", country="CH", phone="+41 44 123 45 67",
        tax_id="CHE-123.456.789", currency="CHF", language="de", email_verified=0,
    )  # fmt: skip
    insert(conn, "contacts", {
        "id": BRUNO_CONTACT_ID, "client_id": BRUNO_ID, "first_name": "Lena",
        "last_name": "Keller", "company": "Keller Webdesign GmbH", "email": "lena@example.org",
        "phone": "+41 44 765 43 21", "address1": "Bahnhofstrasse 1", "city": "Zürich",
        "postcode": "8001", "country": "CH", "email_kinds": json.dumps(["general", "invoice"]),
        "is_billing": 1,
    })  # fmt: skip
    expiry = add_months(today, 14)
    insert(conn, "payment_methods", {
        "id": BRUNO_CARD_ID, "client_id": BRUNO_ID, "type": "card", "brand": "visa",
        "last4": "1881", "holder": "Bruno Keller", "exp_month": expiry.month,
        "exp_year": expiry.year, "validated": 1, "is_default": 1,
        "created_at": instant(today - timedelta(days=300)),
    })  # fmt: skip

"""The seed's invariants: what the demo tour and the other test suites rely on."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import httpx

from clientarea_cli.sandbox import open_database, reset_database
from clientarea_cli.sandbox.seed.common import (
    ANA_ID,
    BANK_ID,
    BILLING_CONTACT_ID,
    BRUNO_ID,
    MASTERCARD_ID,
    VISA_ID,
)

from .helpers import TODAY, all_pages


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_seed_is_deterministic(tmp_path: Path, db_path: Path) -> None:
    again = tmp_path / "again.db"
    reset_database(again, today=TODAY)
    assert dump(again) == dump(db_path)


def test_seed_follows_today(tmp_path: Path, client: httpx.Client) -> None:
    later = tmp_path / "later.db"
    reset_database(later, today=TODAY + timedelta(days=100))
    db = open_database(later)
    with db.read() as conn:
        row = conn.execute("SELECT expiry_date FROM domains WHERE name = 'codigo-abierto.dev'")
        assert row.fetchone()[0] == (TODAY + timedelta(days=130)).isoformat()


def test_wallet_balance_is_the_sum_of_movements(client: httpx.Client, db_path: Path) -> None:
    movements = all_pages(client, "/v1/wallet/movements")
    total = sum((Decimal(str(m["amount"]["amount"])) for m in movements), Decimal(0))
    balance = client.get("/v1/wallet").json()["balance"]
    assert Decimal(balance["amount"]) == total == Decimal("85.50")
    kinds = Counter(m["kind"] for m in movements)
    assert kinds["top_up"] >= 3
    assert kinds["payment"] >= 2
    assert kinds["refund"] >= 1
    db = open_database(db_path)
    with db.read() as conn:
        rows = conn.execute("SELECT amount FROM wallet_movements WHERE client_id = ?", (ANA_ID,))
        assert sum(Decimal(r[0]) for r in rows) == Decimal("85.50")


def test_payment_methods(client: httpx.Client) -> None:
    methods = {m["id"]: m for m in all_pages(client, "/v1/payment-methods")}
    visa, mastercard, bank = methods[VISA_ID], methods[MASTERCARD_ID], methods[BANK_ID]
    assert (visa["type"], visa["brand"], visa["validated"]) == ("card", "visa", True)
    assert visa["expiry"] == "2026-12"  # the month after TODAY
    assert (mastercard["type"], mastercard["brand"], mastercard["validated"]) == (
        "card", "mastercard", False
    )  # fmt: skip
    assert [m["id"] for m in methods.values() if m["validated"] is False] == [MASTERCARD_ID]
    assert (bank["type"], bank["validated"], bank["expiry"]) == ("bank_account", True, None)
    assert len(str(bank["last4"])) == 4


def test_billing_contact_differs_from_card_holder(client: httpx.Client) -> None:
    contacts = all_pages(client, "/v1/contacts")
    billing = [c for c in contacts if c["is_billing"]]
    assert [c["id"] for c in billing] == [BILLING_CONTACT_ID]
    visa = client.get("/v1/payment-methods").json()["data"][0]
    assert f"{billing[0]['first_name']} {billing[0]['last_name']}" != visa["holder"]


def test_domains_portfolio(client: httpx.Client) -> None:
    domains = all_pages(client, "/v1/domains")
    assert len(domains) >= 44
    assert len({d["tld"] for d in domains}) >= 7
    days = [(TODAY.fromisoformat(str(d["expiry_date"])) - TODAY).days for d in domains]
    assert sum(1 for n in days if 0 <= n <= 30) == 7
    assert sum(1 for n in days if n < 0) == 3
    assert sum(1 for n in days if 31 <= n <= 90) >= 5
    assert max(days) <= 731
    assert {True, False} == {d["auto_renew"] for d in domains}
    assert {True, False} == {d["registrar_lock"] for d in domains}
    recurring = [d["recurring"] for d in domains if d["recurring"]["enabled"]]
    # Domains renew automatically only with a validated card: never the bank account.
    assert {r["payment_method_id"] for r in recurring} == {VISA_ID}
    assert any(r["contact_id"] == BILLING_CONTACT_ID for r in recurring)


def test_tickets_and_staff_only_note(db_path: Path) -> None:
    db = open_database(db_path)
    with db.read() as conn:
        statuses = [r[0] for r in conn.execute(
            "SELECT status FROM tickets WHERE client_id = ? ORDER BY id", (ANA_ID,)
        )]  # fmt: skip
        notes = conn.execute(
            "SELECT count(*) FROM ticket_messages WHERE staff_only_note = 1 AND from_staff = 1"
        ).fetchone()[0]
        bruno = conn.execute("SELECT count(*) FROM tickets WHERE client_id = ?", (BRUNO_ID,))
        assert bruno.fetchone()[0] == 1
    assert statuses == ["answered", "open", "closed"]
    assert notes == 1


def test_ids_are_shared_between_tenants(db_path: Path) -> None:
    db = open_database(db_path)
    with db.read() as conn:
        for table in ("domains", "services", "invoices", "contacts", "payment_methods", "tickets"):
            rows = conn.execute(f"SELECT id, client_id FROM {table}").fetchall()
            ana = {r[0] for r in rows if r[1] == ANA_ID}
            bruno = {r[0] for r in rows if r[1] == BRUNO_ID}
            assert ana
            assert bruno
            assert not ana & bruno, table


def test_invoice_totals_add_up(client: httpx.Client) -> None:
    for invoice in all_pages(client, "/v1/invoices"):
        subtotal = Decimal(invoice["subtotal"]["amount"])
        tax = Decimal(invoice["tax"]["amount"])
        total = Decimal(invoice["total"]["amount"])
        items = sum(Decimal(i["amount"]["amount"]) for i in invoice["items"])
        assert subtotal == items
        assert subtotal + tax == total

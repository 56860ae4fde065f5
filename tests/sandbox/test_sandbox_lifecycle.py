"""A service's lifecycle on the sandbox: cancellation requests, prorated upgrades and downgrades,
options, add-ons, panel password and credentials, login links, mailboxes, usage — statuses,
whole answers, and the database read back (or proven unchanged)."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import httpx
import pytest

from clientarea_cli.sandbox import DEMO_API_KEY, SandboxApp, advance_clock, open_database
from clientarea_cli.sandbox.proration import current_period
from clientarea_cli.sandbox.schema import MIGRATIONS, SCHEMA_VERSION
from clientarea_cli.sandbox.seed.common import key_hash

from .helpers import make_client
from .test_sandbox_api import assert_error

HOSTING, VPS, EMAIL, START, WORDPRESS, SSL, DNS, MIGRATION = range(101, 109)
BRUNOS = 109
TABLES = ("services", "addons", "invoices", "invoice_items", "wallet_movements",
          "cancellation_requests", "service_upgrades", "mailboxes", "login_tokens")  # fmt: skip


def sql(db_path: Path, query: str, *args: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(query, args).fetchall()
    finally:
        conn.close()


def execute(db_path: Path, statement: str, *args: Any) -> None:
    conn = sqlite3.connect(db_path)
    try:
        conn.execute(statement, args)
        conn.commit()
    finally:
        conn.close()


def state(db_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Everything these endpoints may change, to prove a refused request changed nothing."""
    return {table: sql(db_path, f"SELECT * FROM {table} ORDER BY rowid") for table in TABLES}


def key(n: int) -> dict[str, str]:
    return {"Idempotency-Key": f"lifecycle-key-{n}"}


def eur(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "EUR"}


# -- cancellation requests ----------------------------------------------------------------------


def test_end_of_period_request_show_and_withdraw(client: httpx.Client, db_path: Path) -> None:
    url = f"/v1/services/{HOSTING}/cancellation"
    assert_error(client.get(url), 404, "not_found")
    body = {"when": "end_of_period", "reason": "Moving to another provider"}
    created = client.post(url, json=body, headers=key(1))
    assert created.status_code == 201, created.text
    request = created.json()
    assert request == {
        "id": 1, "service_id": HOSTING, "when": "end_of_period",
        "reason": "Moving to another provider", "status": "pending",
        "effective_date": "2026-11-30", "created_at": request["created_at"],
    }  # fmt: skip
    assert request["created_at"].startswith("2026-11-22T")
    assert client.get(url).json() == request
    assert sql(db_path, "SELECT status, cancel_when, cancel_reason FROM services WHERE id = ?",
               HOSTING) == [("active", "end_of_period", "Moving to another provider")]  # fmt: skip
    again = client.post(url, json={"when": "immediate"}, headers=key(2))
    error = assert_error(again, 409, "conflict")
    assert error["message"] == (
        "service 101 (Hosting Pro, garcia-hosting.es) already has a cancellation request "
        "(end_of_period, effective 2026-11-30); withdraw it first"
    )
    assert error["details"] == {"request": request}
    assert client.delete(url).status_code == 204
    assert_error(client.get(url), 404, "not_found")
    assert_error(client.delete(url), 404, "not_found")
    assert sql(db_path, "SELECT cancel_when FROM services WHERE id = ?", HOSTING) == [(None,)]


def test_immediate_cancellation_stops_service_add_ons_and_their_unpaid_invoice(
    client: httpx.Client, db_path: Path
) -> None:
    assert sql(db_path, "SELECT status FROM invoices WHERE id = 5007") == [("unpaid",)]
    answer = client.post(f"/v1/services/{HOSTING}/cancellation", json={"when": "immediate"},
                         headers=key(3))  # fmt: skip
    assert answer.status_code == 201, answer.text
    assert (answer.json()["status"], answer.json()["effective_date"]) == ("completed", "2026-11-22")
    assert sql(db_path, "SELECT status FROM services WHERE id = ?", HOSTING) == [("cancelled",)]
    assert sql(db_path, "SELECT status FROM addons WHERE service_id = ?", HOSTING) == [
        ("cancelled",), ("cancelled",)
    ]  # fmt: skip
    # 5007 bills only the hosting month and its two add-ons: cancelled with them.
    assert sql(db_path, "SELECT status FROM invoices WHERE id = 5007") == [("cancelled",)]
    error = assert_error(client.delete(f"/v1/services/{HOSTING}/cancellation"), 409, "conflict")
    assert "the request is completed and cannot be withdrawn" in error["message"]
    again = client.post(f"/v1/services/{HOSTING}/cancellation", json={"when": "immediate"},
                        headers=key(4))  # fmt: skip
    assert assert_error(again, 409, "conflict")["details"] == {"status": "cancelled"}


def test_end_of_period_completes_when_the_clock_reaches_it(
    client: httpx.Client, app: SandboxApp, db_path: Path
) -> None:
    url = f"/v1/services/{VPS}/cancellation"
    client.post(url, json={"when": "end_of_period"}, headers=key(5))
    advance_clock(app.db, 304)  # the day before 2027-09-23
    assert client.get(url).json()["status"] == "pending"
    advance_clock(app.db, 1)
    request = client.get(url).json()
    assert (request["status"], request["effective_date"]) == ("completed", "2027-09-23")
    assert client.get(f"/v1/services/{VPS}").json()["status"] == "cancelled"


@pytest.mark.parametrize(
    ("service_id", "body", "status", "details"),
    [
        (HOSTING, {}, 422, {"when": "is required: immediate or end_of_period"}),
        (HOSTING, {"when": "end-of-period"}, 422, {"when": "is required: immediate or end_of_period"}),
        (HOSTING, {"when": "immediate", "reason": "x" * 2001}, 422,
         {"reason": "must be text of at most 2000 characters, or null"}),
        (HOSTING, {"when": "immediate", "refund": True}, 422,
         {"refund": "is not a field of this request"}),
        (DNS, {"when": "end_of_period"}, 422,
         {"when": "service 107 (DNS Basic) is billed free: it has no billing period to end, so it "
                  "can only be cancelled immediately"}),
        (START, {"when": "end_of_period"}, 422,
         {"when": "the paid period of service 104 (Hosting Start, olivar-verde.org) ended on "
                  "2026-11-16: cancel it immediately"}),
        (WORDPRESS, {"when": "immediate"}, 409, {"status": "cancelled"}),
        (SSL, {"when": "immediate"}, 409, {"status": "expired"}),
    ],
)  # fmt: skip
def test_cancellation_refusals_change_nothing(
    client: httpx.Client,
    db_path: Path,
    service_id: int,
    body: dict[str, Any],
    status: int,
    details: dict[str, str],
) -> None:
    before = state(db_path)
    answer = client.post(f"/v1/services/{service_id}/cancellation", json=body, headers=key(6))
    error = assert_error(answer, status, "validation_failed" if status == 422 else "conflict")
    assert error["details"] == details
    assert state(db_path) == before


def test_cancellation_needs_a_key_and_replays(client: httpx.Client, db_path: Path) -> None:
    url = f"/v1/services/{VPS}/cancellation"
    body = {"when": "end_of_period"}
    assert_error(client.post(url, json=body), 400, "idempotency_key_required")
    first = client.post(url, json=body, headers=key(7))
    before = state(db_path)
    replay = client.post(url, json=body, headers=key(7))
    assert (replay.status_code, replay.json()) == (201, first.json())
    assert replay.headers["idempotent-replayed"] == "true"
    assert state(db_path) == before


# -- upgrade options and prorated quotes --------------------------------------------------------


def test_upgrade_options_list_the_family_with_prices(client: httpx.Client) -> None:
    options = client.get(f"/v1/services/{HOSTING}/upgrade-options").json()
    assert options["meta"] == {"page": 1, "per_page": 50, "total": 2, "total_pages": 1}
    start, business = options["data"]
    assert (start["product_id"], start["name"], start["group"], start["direction"]) == (
        1, "Hosting Start", "Web Hosting", "downgrade"
    )  # fmt: skip
    assert business["direction"] == "upgrade"
    assert business["pricing"] == [
        {"billing_cycle": cycle, "price": eur(price), "setup_fee": eur("0.00")}
        for cycle, price in (("monthly", "24.95"), ("quarterly", "74.85"),
                             ("semiannually", "143.70"), ("annually", "275.40"),
                             ("biennially", "503.76"))
    ]  # fmt: skip
    vps = client.get(f"/v1/services/{VPS}/upgrade-options").json()["data"]
    assert [(o["name"], o["direction"]) for o in vps] == [("VPS S", "downgrade"),
                                                          ("VPS L", "upgrade")]  # fmt: skip
    for service_id in (DNS, MIGRATION):  # free and one-time: nothing to move to
        assert client.get(f"/v1/services/{service_id}/upgrade-options").json()["data"] == []


def test_bruno_sees_his_prices_in_chf(bruno: httpx.Client) -> None:
    options = bruno.get(f"/v1/services/{BRUNOS}/upgrade-options").json()["data"]
    assert options[1]["pricing"][3] == {
        "billing_cycle": "annually",
        "price": {"amount": "299.40", "currency": "CHF"},
        "setup_fee": {"amount": "0.00", "currency": "CHF"},
    }


# The business date is 2026-11-22. Each case sets the service's cycle, next due date and price,
# then quotes a target. Worked by hand:
#
# monthly, due 2026-11-30: period 2026-10-30 … 2026-11-29 = 2 + 29 = 31 days; left 22 → 30 = 8.
#   Hosting Pro 12.95 → Business 24.95: credit 12.95 × 8 / 31 = 103.60 / 31 = 3.3419 → 3.34;
#   cost 24.95 × 8 / 31 = 199.60 / 31 = 6.4387 → 6.44; due 6.44 − 3.34 = 3.10
#   (check: 12.00 × 8 / 31 = 3.0968 → 3.10).
#   → Start 5.95: cost 5.95 × 8 / 31 = 47.60 / 31 = 1.5355 → 1.54; credited 3.34 − 1.54 = 1.80.
#   → Business annually 275.40 (another cycle): the whole 275.40 from today, due 275.40 − 3.34 =
#   272.06, next due 2026-11-22 + 12 months = 2027-11-22.
# quarterly, due 2027-01-15: period 2026-10-15 … 2027-01-14 = 17 (Oct 15–31) + 30 + 31 + 14 =
#   92 days; left: Nov 22 → Dec 22 = 30, → Jan 15 = 24, so 54.
#   Pro 38.85 → Business 74.85: credit 38.85 × 54 / 92 = 2097.90 / 92 = 22.8033 → 22.80;
#   cost 74.85 × 54 / 92 = 4041.90 / 92 = 43.9337 → 43.93; due 21.13.
# annually, due 2027-09-23 (VPS M as seeded): period 2026-09-23 … 2027-09-22 = 365 days; left
#   2026-11-22 → 2027-09-23 = 8 + 31 + 31 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 23 = 305.
#   VPS M 239.40 → VPS L 479.40: credit 239.40 × 305 / 365 = 73017.00 / 365 = 200.0466 → 200.05;
#   cost 479.40 × 305 / 365 = 146217.00 / 365 = 400.5945 → 400.59; due 200.54.
#   → VPS S 119.40: cost 119.40 × 305 / 365 = 36417.00 / 365 = 99.7726 → 99.77; credited 100.28.
# biennially, due 2028-05-10: period 2026-05-10 … 2028-05-09 = 365 + 366 (29 Feb 2028) = 731 days;
#   left: 2026-11-22 → 2027-11-22 = 365, → 2028-05-10 = 30 + 31 + 31 + 29 + 31 + 18 = 170; 535.
#   Pro 263.76 → Business 503.76: credit 263.76 × 535 / 731 = 141111.60 / 731 = 193.0391 → 193.04;
#   cost 503.76 × 535 / 731 = 269511.60 / 731 = 368.6889 → 368.69; due 175.65.
class Case(NamedTuple):
    """One hand-computed quote: the service as set, the target, and what the quote must say."""

    service_id: int
    cycle: str
    next_due: str
    price: str
    target: int
    new_cycle: str
    period: tuple[str, str, int, int]  # start, end, days in period, days remaining
    credit: str
    cost: str
    due: str
    credited: str
    due_after: str


PRORATION = [
    Case(HOSTING, "monthly", "2026-11-30", "12.95", 3, "monthly",
     ("2026-10-30", "2026-11-29", 31, 8), "3.34", "6.44", "3.10", "0.00", "2026-11-30"),
    Case(HOSTING, "monthly", "2026-11-30", "12.95", 1, "monthly",
     ("2026-10-30", "2026-11-29", 31, 8), "3.34", "1.54", "0.00", "1.80", "2026-11-30"),
    Case(HOSTING, "monthly", "2026-11-30", "12.95", 3, "annually",
     ("2026-10-30", "2026-11-29", 31, 8), "3.34", "275.40", "272.06", "0.00", "2027-11-22"),
    Case(HOSTING, "quarterly", "2027-01-15", "38.85", 3, "quarterly",
     ("2026-10-15", "2027-01-14", 92, 54), "22.80", "43.93", "21.13", "0.00", "2027-01-15"),
    Case(VPS, "annually", "2027-09-23", "239.40", 13, "annually",
     ("2026-09-23", "2027-09-22", 365, 305), "200.05", "400.59", "200.54", "0.00", "2027-09-23"),
    Case(VPS, "annually", "2027-09-23", "239.40", 11, "annually",
     ("2026-09-23", "2027-09-22", 365, 305), "200.05", "99.77", "0.00", "100.28", "2027-09-23"),
    Case(HOSTING, "biennially", "2028-05-10", "263.76", 3, "biennially",
     ("2026-05-10", "2028-05-09", 731, 535), "193.04", "368.69", "175.65", "0.00", "2028-05-10"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("cycle", "next_due", "start", "days"),
    [
        ("monthly", date(2027, 3, 31), date(2027, 2, 28), 31),  # 31 March − 1 month: 28 February
        ("monthly", date(2028, 3, 31), date(2028, 2, 29), 31),  # … 29 February in a leap year
        ("quarterly", date(2027, 5, 31), date(2027, 2, 28), 92),
        ("annually", date(2028, 2, 29), date(2027, 2, 28), 366),
        ("biennially", date(2027, 1, 1), date(2025, 1, 1), 730),
    ],
)
def test_periods_clamp_to_the_end_of_shorter_months(
    cycle: str, next_due: date, start: date, days: int
) -> None:
    period = current_period(cycle, next_due, date(2026, 11, 22))
    assert (period.start, period.days, period.end) == (start, days, next_due - timedelta(days=1))


@pytest.mark.parametrize(
    "case", PRORATION, ids=lambda c: f"{c.service_id}-{c.cycle}-to-{c.target}-{c.new_cycle}"
)
def test_quotes_match_the_hand_computed_table(
    client: httpx.Client, db_path: Path, case: Case
) -> None:
    execute(db_path, "UPDATE services SET billing_cycle = ?, next_due_date = ?,"
                     " recurring_amount = ? WHERE id = ?", case.cycle, case.next_due, case.price,
            case.service_id)  # fmt: skip
    before = state(db_path)
    body = {"product_id": case.target, "billing_cycle": case.new_cycle}
    answer = client.post(f"/v1/services/{case.service_id}/upgrade-quote", json=body)
    assert answer.status_code == 200, answer.text
    quote = answer.json()
    assert (quote["period_start"], quote["period_end"], quote["days_in_period"],
            quote["days_remaining"]) == case.period  # fmt: skip
    assert quote["credit_for_unused"] == eur(case.credit)
    assert quote["cost_of_new"] == eur(case.cost)
    assert (quote["amount_due"], quote["amount_credited"]) == (eur(case.due), eur(case.credited))
    assert (quote["next_due_date"], quote["valid_on"], quote["billing_cycle"]) == (
        case.due_after, "2026-11-22", case.new_cycle
    )  # fmt: skip
    assert state(db_path) == before  # a quote changes nothing


@pytest.mark.parametrize(
    ("service_id", "body", "status", "message"),
    [
        (EMAIL, {"product_id": 21, "billing_cycle": "quarterly"}, 409,
         "service 103 (Email Business, tapas-madrid.es) is suspended: only an active service "
         "can change plan"),
        (DNS, {"product_id": 41, "billing_cycle": "free"}, 409,
         "service 107 (DNS Basic) is billed free: it has no billing period to prorate"),
        (MIGRATION, {"product_id": 51, "billing_cycle": "one_time"}, 409,
         "service 108 (Website Migration, codigo-abierto.dev) is billed one_time: it has no "
         "billing period to prorate"),
        (HOSTING, {"product_id": 12, "billing_cycle": "monthly"}, 422,
         "product_id: is not an upgrade or downgrade of Hosting Pro (targets: 1 (Hosting Start), "
         "3 (Hosting Business))"),
        (HOSTING, {"product_id": 2, "billing_cycle": "monthly"}, 422,
         "product_id: is not an upgrade or downgrade of Hosting Pro (targets: 1 (Hosting Start), "
         "3 (Hosting Business))"),
        (HOSTING, {"product_id": 3, "billing_cycle": "triennially"}, 422,
         "billing_cycle: Hosting Business is not offered triennially (cycles: monthly, quarterly, "
         "semiannually, annually, biennially)"),
        (HOSTING, {"product_id": "3", "billing_cycle": "yearly"}, 422,
         "product_id: is required: the target product's id (see upgrade-options)"),
    ],
)  # fmt: skip
def test_quote_refusals(
    client: httpx.Client, service_id: int, body: dict[str, Any], status: int, message: str
) -> None:
    answer = client.post(f"/v1/services/{service_id}/upgrade-quote", json=body)
    error = assert_error(answer, status, "conflict" if status == 409 else "validation_failed")
    if status == 409:
        assert error["message"] == message
    else:
        field, _, text = message.partition(": ")
        assert error["details"][field] == text


def test_an_overdue_service_cannot_change_plan(client: httpx.Client, db_path: Path) -> None:
    execute(db_path, "UPDATE services SET next_due_date = '2026-11-22' WHERE id = ?", HOSTING)
    answer = client.post(f"/v1/services/{HOSTING}/upgrade-quote",
                         json={"product_id": 3, "billing_cycle": "monthly"})  # fmt: skip
    assert assert_error(answer, 409, "conflict")["message"] == (
        "the period of service 101 (Hosting Pro, garcia-hosting.es) ended on 2026-11-22 and its "
        "renewal is not paid: pay it first"
    )


# -- upgrading and downgrading ------------------------------------------------------------------


def test_upgrade_issues_an_invoice_and_changes_the_plan_once_paid(
    client: httpx.Client, db_path: Path
) -> None:
    body = {"product_id": 3, "billing_cycle": "monthly", "expected_amount_due": eur("3.10")}
    answer = client.post(f"/v1/services/{HOSTING}/upgrade", json=body, headers=key(20))
    assert answer.status_code == 201, answer.text
    result = answer.json()
    assert result["quote"]["amount_due"] == eur("3.10")
    assert result["service"]["product"] == "Hosting Pro"  # not until the invoice is paid
    invoice = result["invoice"]
    assert (invoice["id"], invoice["status"], invoice["date"], invoice["due_date"]) == (
        5012, "unpaid", "2026-11-22", "2026-11-29"
    )  # fmt: skip
    assert (invoice["subtotal"], invoice["tax"], invoice["total"]) == (
        eur("3.10"), eur("0.65"), eur("3.75")
    )  # fmt: skip
    assert invoice["items"] == [{
        "description": "Upgrade - Hosting Pro → Hosting Business (garcia-hosting.es), monthly, "
                       "8 of 31 days",
        "type": "upgrade", "related_id": HOSTING, "amount": eur("3.10"),
    }]  # fmt: skip
    again = client.post(f"/v1/services/{HOSTING}/upgrade", json=body, headers=key(21))
    assert assert_error(again, 409, "conflict")["message"] == (
        "service 101 (Hosting Pro, garcia-hosting.es) has an upgrade waiting for its invoice "
        "INV-2026-5012 to be paid"
    )
    paid = client.post("/v1/invoices/5012/payments", headers=key(22),
                       json={"use_credit": True, "method": None, "payment_method_id": None})  # fmt: skip
    assert paid.status_code == 201, paid.text
    service = client.get(f"/v1/services/{HOSTING}").json()  # paid: the upgrade applies at once
    assert (service["product"], service["recurring_amount"], service["next_due_date"]) == (
        "Hosting Business", eur("24.95"), "2026-11-30"
    )  # fmt: skip
    assert sql(db_path, "SELECT status FROM service_upgrades") == [("completed",)]


def test_downgrade_changes_the_plan_at_once_and_credits_the_wallet(
    client: httpx.Client, db_path: Path
) -> None:
    body = {"product_id": 11, "billing_cycle": "annually", "expected_amount_due": eur("0.00")}
    answer = client.post(f"/v1/services/{VPS}/upgrade", json=body, headers=key(23))
    assert answer.status_code == 201, answer.text
    result = answer.json()
    assert result["invoice"] is None
    assert (result["service"]["product"], result["service"]["recurring_amount"]) == (
        "VPS S", eur("119.40")
    )  # fmt: skip
    assert result["quote"]["amount_credited"] == eur("100.28")
    wallet = client.get("/v1/wallet").json()
    assert wallet["balance"] == eur("185.78")  # 85.50 + 100.28
    movement = client.get("/v1/wallet/movements").json()["data"][0]
    assert (movement["kind"], movement["amount"], movement["description"]) == (
        "adjustment", eur("100.28"),
        "Credit for the unused part of VPS M (service 102, downgraded to VPS S)",
    )  # fmt: skip


def test_a_changed_quote_is_refused_with_the_fresh_one(client: httpx.Client, db_path: Path) -> None:
    before = state(db_path)
    body = {"product_id": 3, "billing_cycle": "monthly", "expected_amount_due": eur("2.99")}
    answer = client.post(f"/v1/services/{HOSTING}/upgrade", json=body, headers=key(24))
    error = assert_error(answer, 409, "conflict")
    assert error["message"] == "the quote changed: 3.10 EUR is due now, not the amount accepted"
    assert error["details"]["quote"]["amount_due"] == eur("3.10")
    bad = {"product_id": 3, "billing_cycle": "monthly", "expected_amount_due": "3.10"}
    answer = client.post(f"/v1/services/{HOSTING}/upgrade", json=bad, headers=key(25))
    assert assert_error(answer, 422, "validation_failed")["details"] == {
        "expected_amount_due": 'must be money: {"amount": "3.10", "currency": "EUR"}'
    }
    assert state(db_path) == before


# -- configurable options -----------------------------------------------------------------------


def test_options_show_defaults_and_prices_for_the_cycle(client: httpx.Client) -> None:
    options = client.get(f"/v1/services/{HOSTING}/options").json()
    assert options["service_id"] == HOSTING
    assert options["invoice_id"] is None
    assert [(o["key"], o["type"], o["value"]) for o in options["options"]] == [
        ("php_version", "select", "8.3"), ("extra_disk_gb", "select", "0"),
        ("ssh_access", "toggle", False), ("cron_jobs", "quantity", 5),
    ]  # fmt: skip
    assert options["options"][1]["choices"] == [
        {"value": "0", "label": "None", "price": eur("0.00")},
        {"value": "10", "label": "+10 GB", "price": eur("2.00")},
        {"value": "50", "label": "+50 GB", "price": eur("8.00")},
    ]
    assert (options["options"][3]["min"], options["options"][3]["max"]) == (0, 50)
    vps = client.get(f"/v1/services/{VPS}/options").json()["options"]
    # VPS M is billed annually: +4 GB costs 6.00 a month, 72.00 a year.
    assert vps[1]["choices"][1] == {"value": "4", "label": "+4 GB", "price": eur("72.00")}
    assert client.get(f"/v1/services/{DNS}/options").json()["options"] == []


def test_a_priced_option_is_invoiced_prorated_and_a_cheaper_one_is_not(
    client: httpx.Client, db_path: Path
) -> None:
    url = f"/v1/services/{HOSTING}/options"
    changed = client.patch(url, json={"options": {"extra_disk_gb": "10", "ssh_access": True}})
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert body["invoice_id"] == 5012
    assert [o["value"] for o in body["options"]] == ["8.3", "10", True, 5]
    # 2.00 more a month, for 8 of the period's 31 days: 16.00 / 31 = 0.516 → 0.52.
    assert sql(db_path, "SELECT description, type, amount FROM invoice_items WHERE invoice_id = 5012") == [
        ("Options - Hosting Pro (garcia-hosting.es): extra_disk_gb 0 → 10, ssh_access False → True,"
         " 8 of 31 days", "upgrade", "0.52")
    ]  # fmt: skip
    assert client.get(f"/v1/services/{HOSTING}").json()["recurring_amount"] == eur("14.95")
    back = client.patch(url, json={"options": {"extra_disk_gb": "0"}}).json()
    assert back["invoice_id"] is None
    assert client.get(f"/v1/services/{HOSTING}").json()["recurring_amount"] == eur("12.95")
    assert sql(db_path, "SELECT count(*) FROM invoices") == [(12,)]


@pytest.mark.parametrize(
    ("service_id", "body", "status", "details"),
    [
        (HOSTING, {"options": {"php_version": "7.4", "cron_jobs": 51, "ssh_access": "yes",
                               "colour": "blue"}}, 422,
         {"options.php_version": "must be one of: 8.1, 8.2, 8.3",
          "options.cron_jobs": "must be a whole number from 0 to 50",
          "options.ssh_access": "must be true or false",
          "options.colour": "is not an option of this service (options: php_version, "
                            "extra_disk_gb, ssh_access, cron_jobs)"}),
        (HOSTING, {"options": {}}, 422, {"options": "is required: an object of option key → new value"}),
        (VPS, {"options": {"reverse_dns": 5}}, 422,
         {"options.reverse_dns": "must be text of at most 255 characters"}),
        (DNS, {"options": {"php_version": "8.2"}}, 422,
         {"options.php_version": "is not an option of this service (options: none)"}),
        (EMAIL, {"options": {"anything": 1}}, 422,
         {"options.anything": "is not an option of this service (options: none)"}),
    ],
)  # fmt: skip
def test_option_refusals_change_nothing(
    client: httpx.Client,
    db_path: Path,
    service_id: int,
    body: dict[str, Any],
    status: int,
    details: dict[str, str],
) -> None:
    before = state(db_path)
    answer = client.patch(f"/v1/services/{service_id}/options", json=body)
    assert assert_error(answer, status, "validation_failed")["details"] == details
    assert state(db_path) == before


def test_options_of_an_inactive_service_cannot_change(client: httpx.Client, db_path: Path) -> None:
    execute(db_path, "UPDATE services SET status = 'suspended' WHERE id = ?", HOSTING)
    answer = client.patch(f"/v1/services/{HOSTING}/options", json={"options": {"cron_jobs": 9}})
    assert assert_error(answer, 409, "conflict")["details"] == {"status": "suspended"}


# -- add-ons ------------------------------------------------------------------------------------


def test_add_ons_list_order_and_remove(client: httpx.Client, db_path: Path) -> None:
    listed = client.get(f"/v1/services/{HOSTING}/addons").json()
    assert [(a["id"], a["name"], a["status"]) for a in listed["data"]] == [
        (151, "Daily Backups", "active"), (152, "Dedicated IP", "active")
    ]  # fmt: skip
    free = client.post(f"/v1/services/{HOSTING}/addons", headers=key(30),
                       json={"addon_id": 303, "billing_cycle": "free"})  # fmt: skip
    assert free.status_code == 201, free.text
    assert free.json() == {
        "addon": {"id": 154, "name": "Site Builder", "status": "active", "billing_cycle": "free",
                  "recurring_amount": eur("0.00"), "next_due_date": None},
        "invoice": None,
    }  # fmt: skip
    priced = client.post(f"/v1/services/{VPS}/addons", headers=key(31),
                         json={"addon_id": 302, "billing_cycle": "monthly"})  # fmt: skip
    assert priced.status_code == 201, priced.text
    addon, invoice = priced.json()["addon"], priced.json()["invoice"]
    assert (addon["id"], addon["status"], addon["next_due_date"]) == (155, "pending", "2026-11-22")
    assert invoice["items"] == [
        {"description": "Dedicated IP - anagarcia.com (monthly)", "type": "addon",
         "related_id": 155, "amount": eur("2.50")},
        {"description": "Setup fee - Dedicated IP", "type": "other", "related_id": 155,
         "amount": eur("5.00")},
    ]  # fmt: skip
    assert (invoice["subtotal"], invoice["tax"], invoice["total"]) == (
        eur("7.50"), eur("1.58"), eur("9.08")
    )  # fmt: skip
    assert client.delete(f"/v1/services/{VPS}/addons/155").status_code == 204
    assert sql(db_path, "SELECT status FROM invoices WHERE id = ?", invoice["id"]) == [
        ("cancelled",)
    ]  # fmt: skip
    gone = client.delete(f"/v1/services/{VPS}/addons/155")
    assert assert_error(gone, 409, "conflict")["message"] == (
        "add-on 155 (Dedicated IP) is already cancelled"
    )


def test_a_paid_add_on_becomes_active(client: httpx.Client) -> None:
    ordered = client.post(f"/v1/services/{VPS}/addons", headers=key(32),
                          json={"addon_id": 302, "billing_cycle": "annually"}).json()  # fmt: skip
    invoice_id = ordered["invoice"]["id"]
    client.post(f"/v1/invoices/{invoice_id}/payments", headers=key(33),
                json={"use_credit": True, "method": None, "payment_method_id": None})  # fmt: skip
    addon = client.get(f"/v1/services/{VPS}/addons").json()["data"][-1]
    assert (addon["status"], addon["next_due_date"]) == ("active", "2027-11-22")


@pytest.mark.parametrize(
    ("service_id", "body", "status", "details"),
    [
        (HOSTING, {"addon_id": 311, "billing_cycle": "monthly"}, 422,
         {"addon_id": "is not an add-on of Hosting Pro (its add-ons: 301 (Daily Backups), "
                      "302 (Dedicated IP), 303 (Site Builder))"}),
        (VPS, {"addon_id": 302, "billing_cycle": "quarterly"}, 422,
         {"billing_cycle": "Dedicated IP is not offered quarterly (cycles: monthly, annually)"}),
        (VPS, {"addon_id": "302"}, 422,
         {"addon_id": "is required: the catalog add-on's id (the product's addons)",
          "billing_cycle": "is required: one of monthly, quarterly, semiannually, annually, "
                           "biennially, triennially, one_time, free"}),
        (HOSTING, {"addon_id": 301, "billing_cycle": "monthly"}, 409,
         "service 101 (Hosting Pro, garcia-hosting.es) already has Daily Backups (add-on 151, "
         "active)"),
        (EMAIL, {"addon_id": 301, "billing_cycle": "monthly"}, 409,
         "service 103 (Email Business, tapas-madrid.es) is suspended: add-ons are ordered for "
         "active services only"),
    ],
)  # fmt: skip
def test_add_on_refusals_change_nothing(
    client: httpx.Client,
    db_path: Path,
    service_id: int,
    body: dict[str, Any],
    status: int,
    details: dict[str, str] | str,
) -> None:
    before = state(db_path)
    answer = client.post(f"/v1/services/{service_id}/addons", json=body, headers=key(34))
    if status == 409:
        assert assert_error(answer, 409, "conflict")["message"] == details
    else:
        assert assert_error(answer, 422, "validation_failed")["details"] == details
    assert state(db_path) == before


def test_unknown_or_foreign_add_ons_are_404(client: httpx.Client) -> None:
    assert_error(client.delete(f"/v1/services/{HOSTING}/addons/999"), 404, "not_found")
    assert_error(client.delete(f"/v1/services/{VPS}/addons/151"), 404, "not_found")  # 101's
    assert_error(client.delete(f"/v1/services/{HOSTING}/addons/x"), 404, "not_found")


# -- panel: password, credentials, login link ---------------------------------------------------


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("Short1!", "must have 10 to 128 characters"),
        ("alllowercaseletters", "must mix at least three of: lower-case letters, upper-case "
                                "letters, digits, symbols"),
        ("garciaho101-Secret", "must not contain the user name (garciaho101)"),
        (" Padded-Secret-1", "must not start or end with a space, nor hold control characters"),
        (None, "is required: 10 to 128 characters"),
    ],
)  # fmt: skip
def test_weak_panel_passwords_are_refused(
    client: httpx.Client, db_path: Path, password: str | None, problem: str
) -> None:
    before = state(db_path)
    answer = client.post(f"/v1/services/{HOSTING}/password", json={"password": password})
    assert assert_error(answer, 422, "validation_failed")["details"] == {"password": problem}
    assert state(db_path) == before


def test_panel_password_is_kept_as_a_hash_only(client: httpx.Client, db_path: Path) -> None:
    secret = "Correct-Horse-42"
    answer = client.post(f"/v1/services/{HOSTING}/password", json={"password": secret})
    assert (answer.status_code, answer.content) == (204, b"")
    (stored,) = sql(db_path, "SELECT panel_password_hash FROM services WHERE id = ?", HOSTING)[0]
    assert stored.startswith("pbkdf2_sha256$1000$")
    assert secret not in stored
    assert client.get(f"/v1/services/{HOSTING}/credentials").json()["password"] is None


def test_credentials_and_their_refusals(client: httpx.Client) -> None:
    assert client.get(f"/v1/services/{HOSTING}/credentials").json() == {
        "service_id": HOSTING, "username": "garciaho101", "server": "srv17.sandbox-hosting.net",
        "panel_url": "https://srv17.sandbox-hosting.net:2083/", "password": None,
    }  # fmt: skip
    vps = client.get(f"/v1/services/{VPS}/credentials").json()
    assert vps["panel_url"] == "https://srv1.sandbox-hosting.net:8443/"
    error = assert_error(client.get(f"/v1/services/{DNS}/credentials"), 409, "conflict")
    assert error["message"] == "service 107 (DNS Basic) has no control panel"
    error = assert_error(client.get(f"/v1/services/{WORDPRESS}/credentials"), 409, "conflict")
    assert error["message"] == (
        "service 105 (WordPress Managed, flamenco-studio.net) is cancelled: its account was removed"
    )
    answer = client.post(f"/v1/services/{EMAIL}/password", json={"password": "Correct-Horse-42"})
    assert assert_error(answer, 409, "conflict")["details"] == {"status": "suspended"}


def test_a_login_link_is_single_and_voids_the_previous(client: httpx.Client, db_path: Path) -> None:
    first = client.post(f"/v1/services/{HOSTING}/login-url")
    assert first.status_code == 200, first.text
    link = first.json()
    assert set(link) == {"url", "expires_at"}
    assert link["url"].startswith("https://srv17.sandbox-hosting.net:2083/login?token=")
    assert link["expires_at"].startswith("2026-11-2")
    token = link["url"].rsplit("=", 1)[1]
    stored = sql(db_path, "SELECT token_hash FROM login_tokens")
    assert stored == [(hashlib.sha256(token.encode()).hexdigest(),)]  # the token is not kept
    client.post(f"/v1/services/{HOSTING}/login-url")
    expiries = sql(db_path, "SELECT created_at, expires_at FROM login_tokens ORDER BY id")
    assert expiries[0][1] <= expiries[1][0]  # the first one expired when the second was made
    assert_error(client.post(f"/v1/services/{SSL}/login-url"), 409, "conflict")


# -- mailboxes ----------------------------------------------------------------------------------


def test_mailboxes_list_create_delete(client: httpx.Client, db_path: Path) -> None:
    url = f"/v1/services/{HOSTING}/mailboxes"
    listed = client.get(url).json()["data"]
    assert [(m["address"], m["quota_mb"], m["used_mb"]) for m in listed] == [
        ("ana@garcia-hosting.es", 2048, 1007), ("facturas@garcia-hosting.es", 1024, 414),
        ("info@garcia-hosting.es", 1024, 330),
    ]  # fmt: skip
    body = {"address": "Ventas@Garcia-Hosting.es", "password": "Mail-Secret-77"}
    created = client.post(url, json=body, headers=key(40))
    assert created.status_code == 201, created.text
    mailbox = created.json()
    assert (mailbox["address"], mailbox["quota_mb"], mailbox["used_mb"]) == (
        "ventas@garcia-hosting.es", 1024, 0
    )  # fmt: skip
    (stored,) = sql(db_path, "SELECT password_hash FROM mailboxes WHERE address LIKE 'ventas@%'")
    assert "Mail-Secret-77" not in stored[0]
    again = client.post(url, json=body, headers=key(41))
    assert assert_error(again, 409, "conflict")["message"] == (
        "the mailbox ventas@garcia-hosting.es already exists"
    )
    assert client.delete(f"{url}/ventas%40garcia-hosting.es").status_code == 204
    assert_error(client.delete(f"{url}/ventas@garcia-hosting.es"), 404, "not_found")
    assert len(client.get(url).json()["data"]) == 3


@pytest.mark.parametrize(
    ("body", "details"),
    [
        ({"address": "ventas@otro-dominio.es", "password": "Mail-Secret-77"},
         {"address": "must be an address at garcia-hosting.es, the domain this service hosts"}),
        ({"address": "ventas@garcia-hosting.es", "password": "Mail-Secret-77", "quota_mb": 6000},
         {"quota_mb": "Hosting Pro allows at most 5120 MB per mailbox"}),
        ({"address": "not an address", "password": "ventas", "quota_mb": 0},
         {"address": "is required: an e-mail address such as info@example.com",
          "password": "must have 10 to 128 characters",
          "quota_mb": "must be a whole number of MB (1 or more), or null for the default"}),
        ({"address": "ventas@garcia-hosting.es", "password": "Ventas-2026!"},
         {"password": "must not contain the user name (ventas)"}),
    ],
)  # fmt: skip
def test_mailbox_refusals_change_nothing(
    client: httpx.Client, db_path: Path, body: dict[str, Any], details: dict[str, str]
) -> None:
    before = state(db_path)
    answer = client.post(f"/v1/services/{HOSTING}/mailboxes", json=body, headers=key(42))
    assert assert_error(answer, 422, "validation_failed")["details"] == details
    assert state(db_path) == before


def test_mailboxes_need_a_hosting_plan_with_room(client: httpx.Client, db_path: Path) -> None:
    error = assert_error(client.get(f"/v1/services/{VPS}/mailboxes"), 409, "conflict")
    assert error["message"] == (
        "service 102 (VPS M, anagarcia.com) is not a hosting plan: mailboxes live on hosting plans"
    )
    execute(db_path, "UPDATE products SET mailbox_limit = 3 WHERE name = 'Hosting Pro'")
    body = {"address": "ventas@garcia-hosting.es", "password": "Mail-Secret-77"}
    answer = client.post(f"/v1/services/{HOSTING}/mailboxes", json=body, headers=key(43))
    assert assert_error(answer, 409, "conflict")["message"] == (
        "Hosting Pro allows 3 mailboxes and service 101 (Hosting Pro, garcia-hosting.es) has 3"
    )
    assert_error(client.post(f"/v1/services/{HOSTING}/mailboxes", json=body), 400,
                 "idempotency_key_required")  # fmt: skip


# -- usage --------------------------------------------------------------------------------------


def test_usage_is_deterministic(client: httpx.Client) -> None:
    assert client.get(f"/v1/services/{HOSTING}/usage").json() == {
        "service_id": HOSTING, "disk_used_mb": 3557, "disk_limit_mb": 51200,
        "bandwidth_used_mb": 3718, "bandwidth_limit_mb": 512000,
        "period_start": "2026-11-01", "period_end": "2026-11-30",
        "updated_at": "2026-11-22T06:00:00Z",
    }  # fmt: skip
    vps = client.get(f"/v1/services/{VPS}/usage").json()
    assert (vps["disk_limit_mb"], vps["bandwidth_limit_mb"]) == (81920, 4096000)
    error = assert_error(client.get(f"/v1/services/{SSL}/usage"), 409, "conflict")
    assert error["message"] == (
        "service 106 (SSL Wildcard, garcia-hosting.es) has no metered disk or bandwidth"
    )


# -- tenant isolation ---------------------------------------------------------------------------

ENDPOINTS = [
    ("GET", "cancellation", None), ("POST", "cancellation", {"when": "immediate"}),
    ("DELETE", "cancellation", None), ("GET", "upgrade-options", None),
    ("POST", "upgrade-quote", {"product_id": 3, "billing_cycle": "annually"}),
    ("POST", "upgrade", {"product_id": 3, "billing_cycle": "annually"}),
    ("GET", "options", None), ("PATCH", "options", {"options": {"cron_jobs": 1}}),
    ("GET", "addons", None), ("POST", "addons", {"addon_id": 301, "billing_cycle": "monthly"}),
    ("DELETE", "addons/151", None), ("POST", "password", {"password": "Correct-Horse-42"}),
    ("GET", "credentials", None), ("POST", "login-url", None), ("GET", "mailboxes", None),
    ("POST", "mailboxes", {"address": "x@keller-web.ch", "password": "Correct-Horse-42"}),
    ("DELETE", "mailboxes/bruno@keller-web.ch", None), ("GET", "usage", None),
]  # fmt: skip


@pytest.mark.parametrize(("method", "suffix", "body"), ENDPOINTS)
def test_another_clients_service_does_not_exist(
    client: httpx.Client,
    bruno: httpx.Client,
    db_path: Path,
    method: str,
    suffix: str,
    body: dict[str, Any] | None,
) -> None:
    before = state(db_path)
    for who, service_id in ((client, BRUNOS), (bruno, HOSTING)):
        answer = who.request(method, f"/v1/services/{service_id}/{suffix}", json=body,
                             headers=key(50))  # fmt: skip
        assert_error(answer, 404, "not_found")
    assert state(db_path) == before


# -- migration ----------------------------------------------------------------------------------


def test_a_version_1_database_gets_the_catalog_and_a_working_lifecycle(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    for statement in MIGRATIONS[1]:
        conn.execute(statement)
    conn.execute("INSERT INTO meta VALUES ('today', '2026-11-22'), ('schema_version', '1')")
    conn.execute(
        "INSERT INTO clients (id, email, first_name, last_name, country, currency, api_key_hash,"
        " created_at) VALUES (1, 'old@example.com', 'Olga', 'Old', 'ES', 'EUR', ?, ?)",
        (key_hash(DEMO_API_KEY), "2020-01-01T00:00:00Z"),
    )
    conn.execute(
        "INSERT INTO services (id, client_id, product, group_name, domain, status, billing_cycle,"
        " currency, first_payment, recurring_amount, registration_date, next_due_date, username,"
        " server_host) VALUES (101, 1, 'Hosting Pro', 'Web Hosting', 'old.es', 'active',"
        " 'monthly', 'EUR', '12.95', '12.95', '2025-01-30', '2026-11-30', 'old101', 'srv1.x.net')"
    )
    conn.execute(
        "INSERT INTO addons (service_id, name, status, billing_cycle, recurring_amount)"
        " VALUES (101, 'Daily Backups', 'active', 'monthly', '3.00')"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    assert open_database(path).meta("schema_version") == str(SCHEMA_VERSION)
    assert sql(path, "SELECT product_id FROM services") == [(2,)]
    assert sql(path, "SELECT catalog_addon_id FROM addons") == [(301,)]
    with make_client(SandboxApp(path), DEMO_API_KEY) as old:
        assert len(old.get("/v1/catalog/products").json()["data"]) == 12
        quote = old.post("/v1/services/101/upgrade-quote",
                         json={"product_id": 3, "billing_cycle": "monthly"}).json()  # fmt: skip
        assert quote["amount_due"] == eur("3.10")
        assert old.get("/v1/services/101/mailboxes").json()["data"] == []


def test_an_end_of_period_cancellation_is_not_renewed_and_completes_on_its_date(
    client: httpx.Client, app: SandboxApp
) -> None:
    # Hosting Pro is monthly, due 2026-11-30 and paid by the Visa: the renewal cycle would
    # invoice it on the 16th and charge it on the 30th, were it not cancelled.
    url = f"/v1/services/{HOSTING}/cancellation"
    made = client.post(url, json={"when": "end_of_period"}, headers=key(40))
    assert made.status_code == 201, made.text
    advance_clock(app.db, 10)
    service = client.get(f"/v1/services/{HOSTING}").json()
    assert service["status"] == "cancelled"
    invoices = client.get("/v1/invoices", params={"per_page": 100}).json()
    assert not any(
        item["related_id"] == HOSTING and item["type"] == "service"
        for invoice in invoices["data"]
        if invoice["date"] > "2026-11-22"
        for item in client.get(f"/v1/invoices/{invoice['id']}").json()["items"]
    )

"""The renewal cycle run by advancing the simulated clock: invoices, card charges, expiry."""

from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from clientarea_cli.sandbox import (
    AdvanceSummary,
    SandboxApp,
    advance_clock,
    open_database,
    reset_database,
)
from clientarea_cli.sandbox.renewals import GRACE_DAYS, RENEWAL_NOTICE_DAYS
from clientarea_cli.sandbox.seed.common import BANK_ID, VISA_ID

from .helpers import TODAY, make_client
from .money_helpers import DECLINED_VISA, verified_card
from .test_sandbox_api import assert_error
from .test_sandbox_domain_actions import (
    ANAGARCIA_COM,
    API_GARCIA_IO,
    GARCIA_CONSULTING,
    balance,
    domain,
    sql,
)

CASTELLERS_CAT = 1012  # expires on day 38; auto-renew and recurring off


def advance(app: SandboxApp, days: int) -> AdvanceSummary:
    return advance_clock(app.db, days)


def renewal_invoices(db_path: Path, domain_id: int) -> list[tuple[Any, ...]]:
    """(id, status, date, due_date, total, amount_paid, credit_applied) of the domain's renewals."""
    return sql(
        db_path,
        "SELECT i.id, i.status, i.date, i.due_date, i.total, i.amount_paid, i.credit_applied"
        " FROM invoices i JOIN invoice_items ii ON ii.invoice_id = i.id"
        " WHERE ii.type = 'domain_renewal' AND ii.related_id = ? ORDER BY i.id",
        domain_id,
    )


def at(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


def test_a_recurring_domain_with_a_valid_card_is_renewed(
    client: httpx.Client, app: SandboxApp, db_path: Path
) -> None:
    # garcia-consulting.com: due on day 31 (2026-12-23), auto-renew and recurring on the Visa,
    # which is valid through 2026-12-31.
    assert domain(client, GARCIA_CONSULTING)["recurring"]["payment_method_id"] == VISA_ID
    advance(app, 31 - RENEWAL_NOTICE_DAYS - 1)
    assert renewal_invoices(db_path, GARCIA_CONSULTING) == []
    advance(app, 1)
    [invoice] = renewal_invoices(db_path, GARCIA_CONSULTING)
    assert invoice[1:] == ("unpaid", at(17), at(31), "15.72", "0.00", "0.00")
    summary = advance(app, 14)  # codigo-abierto.dev (day 30) is charged on the way too
    assert (summary.today.isoformat(), summary.charges_made, summary.charges_failed) == (
        at(31), 2, 0
    )  # fmt: skip
    [invoice] = renewal_invoices(db_path, GARCIA_CONSULTING)
    assert invoice[1:] == ("paid", at(17), at(31), "15.72", "15.72", "0.00")
    renewed = domain(client, GARCIA_CONSULTING)
    assert (renewed["status"], renewed["expiry_date"], renewed["next_due_date"]) == (
        "active", "2027-12-23", "2027-12-23"
    )  # fmt: skip
    assert client.get(f"/v1/invoices/{invoice[0]}").json()["paid_date"] == at(31)
    assert balance(client) == "85.50"  # credit is never used for automatic renewals
    assert sql(db_path, "SELECT ok, amount, reason FROM charge_attempts WHERE domain_id = ?",
               GARCIA_CONSULTING) == [(1, "15.72", None)]  # fmt: skip


def test_a_card_expiring_before_the_due_date_fails_and_the_domain_is_suspended(
    client: httpx.Client, app: SandboxApp, db_path: Path
) -> None:
    # api-garcia.io is due on day 45 (2027-01-06), after the Visa's last day (2026-12-31).
    client.patch(f"/v1/domains/{API_GARCIA_IO}", json={"auto_renew": True})
    body = {"enabled": True, "payment_method_id": VISA_ID}
    assert client.put(f"/v1/domains/{API_GARCIA_IO}/recurring", json=body).status_code == 200
    advance(app, 44)
    [invoice] = renewal_invoices(db_path, API_GARCIA_IO)
    assert invoice[1] == "unpaid"
    summary = advance(app, 1)  # the due date: the charge fails
    assert summary.charges_failed >= 1
    assert renewal_invoices(db_path, API_GARCIA_IO)[0][1] == "unpaid"
    assert domain(client, API_GARCIA_IO)["status"] == "active"
    assert sql(db_path, "SELECT date, ok, reason FROM charge_attempts WHERE domain_id = ?",
               API_GARCIA_IO) == [(at(45), 0, "the card ending 4242 expired in 2026-12")]  # fmt: skip
    advance(app, 1)  # the day after expiry: grace, and the charge is retried
    assert domain(client, API_GARCIA_IO)["status"] == "grace"
    advance(app, GRACE_DAYS - 2)
    assert domain(client, API_GARCIA_IO)["status"] == "grace"
    summary = advance(app, 1)  # expiry + 3 days
    assert summary.today.isoformat() == at(45 + GRACE_DAYS)
    assert domain(client, API_GARCIA_IO)["status"] == "suspended"
    attempts = sql(db_path, "SELECT ok FROM charge_attempts WHERE domain_id = ?", API_GARCIA_IO)
    assert attempts == [(0,)] * (GRACE_DAYS + 1)  # the due date, then each day of grace
    assert balance(client) == "85.50"


def test_paying_by_hand_in_grace_brings_the_domain_back(
    client: httpx.Client, app: SandboxApp, db_path: Path
) -> None:
    client.patch(f"/v1/domains/{API_GARCIA_IO}", json={"auto_renew": True})
    client.put(f"/v1/domains/{API_GARCIA_IO}/recurring",
               json={"enabled": True, "payment_method_id": VISA_ID})  # fmt: skip
    advance(app, 46)
    assert domain(client, API_GARCIA_IO)["status"] == "grace"
    sql(db_path, "UPDATE payment_methods SET exp_year = 2030 WHERE id = ?", VISA_ID)  # new card
    advance(app, 1)  # the retry succeeds
    renewed = domain(client, API_GARCIA_IO)
    assert (renewed["status"], renewed["expiry_date"]) == ("active", "2028-01-06")


def test_auto_renew_without_recurring_gets_an_invoice_then_expires(
    client: httpx.Client, app: SandboxApp, db_path: Path
) -> None:
    # anagarcia.com: due on day 3, auto-renew on, no recurring payment.
    summary = advance(app, 1)
    assert summary.invoices_issued >= 1
    [invoice] = renewal_invoices(db_path, ANAGARCIA_COM)
    assert invoice[1:4] == ("unpaid", at(1), at(3))
    advance(app, 3)  # day 3 is the last day; day 4 it has expired
    assert domain(client, ANAGARCIA_COM)["status"] == "expired"
    assert client.get(f"/v1/invoices/{invoice[0]}").json()["status"] == "overdue"
    assert sql(db_path, "SELECT count(*) FROM charge_attempts WHERE domain_id = ?",
               ANAGARCIA_COM) == [(0,)]  # fmt: skip
    assert balance(client) == "85.50"


def test_no_auto_renew_and_no_recurring_simply_expires(
    client: httpx.Client, app: SandboxApp, db_path: Path
) -> None:
    advance(app, 38)
    assert domain(client, CASTELLERS_CAT)["status"] == "active"  # its last day
    advance(app, 1)
    assert domain(client, CASTELLERS_CAT)["status"] == "expired"
    assert renewal_invoices(db_path, CASTELLERS_CAT) == []


def test_advancing_at_once_equals_advancing_day_by_day(tmp_path: Path) -> None:
    dumps = []
    for step in (40, 1):
        path = tmp_path / f"step-{step}.db"
        reset_database(path, today=TODAY)
        db = open_database(path)
        summaries = [advance_clock(db, step) for _ in range(40 // step)]
        with db.read() as conn:
            dumps.append((
                [tuple(r) for r in conn.execute("SELECT * FROM domains ORDER BY id")],
                [tuple(r) for r in conn.execute("SELECT * FROM invoices ORDER BY id")],
                [tuple(r) for r in conn.execute("SELECT * FROM invoice_items ORDER BY id")],
                [tuple(r) for r in conn.execute("SELECT * FROM charge_attempts ORDER BY id")],
                sum(s.invoices_issued for s in summaries),
                sum(s.charges_made for s in summaries),
                sum(s.domains_expired for s in summaries),
            ))  # fmt: skip
    assert dumps[0] == dumps[1]


def test_the_summary(app: SandboxApp) -> None:
    summary = advance(app, 30)
    assert summary == AdvanceSummary(
        today=date(2026, 12, 22), days=30, invoices_issued=6, charges_made=2, charges_failed=0,
        domains_expired=6, domains_in_grace=0, domains_suspended=0,
        # Hosting Pro: its seeded renewal invoice charged to the Visa on day 8, the next one
        # issued on day 24 (14 days before 2026-12-30).
        services_invoiced=1, services_charged=1, service_charges_failed=0,
    )  # fmt: skip
    assert summary.line() == (
        "Sandbox date is now 2026-12-22 (+30 days): 6 renewal invoices issued, 2 card charges "
        "made, 0 failed; 6 domains expired, 0 entered grace, 0 suspended; services: 1 invoiced, "
        "1 charged, 0 failed"
    )
    assert advance(app, 0) == AdvanceSummary(today=date(2026, 12, 22))


def test_the_clock_refuses_bad_steps(app: SandboxApp) -> None:
    with pytest.raises(ValueError, match="forward"):
        advance(app, -1)
    with pytest.raises(ValueError, match="at most"):
        advance(app, 100_000)


def test_extra_domains(tmp_path: Path, db_path: Path) -> None:
    plain = tmp_path / "plain.db"
    reset_database(plain, today=TODAY, extra_domains=0)
    assert sql(plain, "SELECT * FROM domains") == sql(db_path, "SELECT * FROM domains")
    path = tmp_path / "extra.db"
    started = time.perf_counter()
    reset_database(path, today=TODAY, extra_domains=10_000)
    assert time.perf_counter() - started < 2.0
    seeded = sql(db_path, "SELECT max(id), count(*) FROM domains")[0]
    extra = sql(path, "SELECT id, client_id, name, status, auto_renew, recurring_enabled"
                      " FROM domains WHERE name LIKE 'bulk-%' ORDER BY id")  # fmt: skip
    assert len(extra) == 10_000
    assert extra[0] == (seeded[0] + 1, 1, "bulk-000001.es", "active", 0, 0)
    assert extra[1][2] == "bulk-000002.com"
    assert {row[3:] for row in extra} == {("active", 0, 0)}
    assert sql(path, "SELECT count(DISTINCT tld) FROM domains WHERE name LIKE 'bulk-%'") == [(8,)]
    # The rest of the seed is untouched.
    assert sql(path, "SELECT * FROM domains WHERE id <= ?", seeded[0]) == sql(
        db_path, "SELECT * FROM domains"
    )


def test_advance_over_ten_thousand_extra_domains(tmp_path: Path) -> None:
    path = tmp_path / "extra.db"
    reset_database(path, today=TODAY, extra_domains=10_000)
    # Put every generated domain on auto-renew with the Visa, so the cycle has work to do.
    sql(path, "UPDATE domains SET auto_renew = 1, recurring_enabled = 1,"
              " recurring_payment_method_id = ? WHERE name LIKE 'bulk-%'", VISA_ID)  # fmt: skip
    due = sql(path, "SELECT count(*) FROM domains WHERE name LIKE 'bulk-%' AND next_due_date <= ?",
              at(30))[0][0]  # fmt: skip
    db = open_database(path)
    started = time.perf_counter()
    summary = advance_clock(db, 30)
    elapsed = time.perf_counter() - started
    assert elapsed < 5.0, elapsed
    assert summary.charges_made >= due > 0
    assert sql(path, "SELECT count(*) FROM domains WHERE name LIKE 'bulk-%' AND status != 'active'"
               ) == [(0,)]  # fmt: skip


def test_the_clock_control_endpoint(db_path: Path) -> None:
    app = SandboxApp(db_path, control=True)
    with make_client(app, None) as anon:
        answer = anon.post("/_sandbox/clock", json={"days": 30})
        assert answer.status_code == 200
        body = answer.json()
        assert (body["today"], body["days"], body["charges_made"]) == ("2026-12-22", 30, 2)
        assert body["summary"].startswith("Sandbox date is now 2026-12-22 (+30 days)")
        assert anon.get("/v1/provider").json()["today"] == "2026-12-22"
        details = assert_error(anon.post("/_sandbox/clock", json={"days": -1}), 422,
                               "validation_failed")["details"]  # fmt: skip
        assert details == {"days": "must be a whole number from 0 to 3660"}
        assert_error(anon.get("/_sandbox/clock"), 405, "method_not_allowed")
    with make_client(SandboxApp(db_path), None) as anon:
        assert_error(anon.post("/_sandbox/clock", json={"days": 1}), 404, "not_found")


# -- services ----------------------------------------------------------------------------------

HOSTING, VPS = 101, 102  # Hosting Pro monthly on the Visa (due day 8); VPS M yearly by debit


def service_invoices(db_path: Path, service_id: int) -> list[tuple[Any, ...]]:
    """(id, status, date, due_date, total, amount_paid, credit_applied) billing the service."""
    return sql(
        db_path,
        "SELECT i.id, i.status, i.date, i.due_date, i.total, i.amount_paid, i.credit_applied"
        " FROM invoices i JOIN invoice_items ii ON ii.invoice_id = i.id"
        " WHERE ii.type = 'service' AND ii.related_id = ? ORDER BY i.id",
        service_id,
    )


def service(client: httpx.Client, service_id: int) -> dict[str, Any]:
    result: dict[str, Any] = client.get(f"/v1/services/{service_id}").json()
    return result


def test_a_service_renews_with_its_own_card(
    client: httpx.Client, app: SandboxApp, db_path: Path
) -> None:
    # Its renewal invoice (5007, due day 8) was issued before the seed's today: none is added.
    summary = advance(app, 7)
    assert summary.services_invoiced == 0
    assert service_invoices(db_path, HOSTING)[-1][:2] == (5007, "unpaid")
    summary = advance(app, 1)
    assert (summary.services_charged, summary.service_charges_failed) == (1, 0)
    assert service_invoices(db_path, HOSTING)[-1][:2] == (5007, "paid")
    renewed = service(client, HOSTING)
    assert renewed["next_due_date"] == "2026-12-30"
    assert [a["next_due_date"] for a in renewed["addons"]] == ["2026-12-30"] * 2
    assert balance(client) == "85.50"  # credit is never used for automatic renewals
    assert sql(db_path, "SELECT service_id, domain_id, payment_method_id, amount, ok FROM"
                        " charge_attempts WHERE service_id IS NOT NULL") == [
        (HOSTING, None, VISA_ID, "22.32", 1)
    ]  # fmt: skip
    advance(app, 15)  # day 23: 15 days before the next due date
    assert len(service_invoices(db_path, HOSTING)) == 2  # 5001 (seeded, paid), 5007: no new one
    advance(app, 1)  # day 24 = 2026-12-16: 14 days before
    invoice = service_invoices(db_path, HOSTING)[-1]
    assert invoice[1:5] == ("unpaid", "2026-12-16", "2026-12-30", "22.32")
    lines = sql(db_path, "SELECT description, type, amount FROM invoice_items WHERE invoice_id = ?"
                         " ORDER BY id", invoice[0])  # fmt: skip
    assert lines == [("Hosting Pro - garcia-hosting.es (monthly)", "service", "12.95"),
                     ("Daily Backups (monthly)", "addon", "3.00"),
                     ("Dedicated IP (monthly)", "addon", "2.50")]  # fmt: skip
    advance(app, 14)  # 2026-12-30: charged, the Visa is valid through 2026-12-31
    assert service_invoices(db_path, HOSTING)[-1][1] == "paid"
    assert service(client, HOSTING)["next_due_date"] == "2027-01-30"


def test_an_expired_card_fails_and_is_retried_a_few_days(
    client: httpx.Client, app: SandboxApp, db_path: Path
) -> None:
    advance(app, 68)  # 2027-01-29, the day before the third due date
    assert service_invoices(db_path, HOSTING)[-1][1] == "unpaid"
    summary = advance(app, 1)
    assert (summary.services_charged, summary.service_charges_failed) == (0, 1)
    advance(app, 10)
    attempts = sql(db_path, "SELECT date, ok, reason FROM charge_attempts WHERE service_id = ?"
                            " AND ok = 0", HOSTING)  # fmt: skip
    assert attempts == [(day, 0, "the card ending 4242 expired in 2026-12")
                        for day in ("2027-01-30", "2027-01-31", "2027-02-01", "2027-02-02")]  # fmt: skip
    last = service_invoices(db_path, HOSTING)[-1]
    assert client.get(f"/v1/invoices/{last[0]}").json()["status"] == "overdue"
    assert service(client, HOSTING)["status"] == "active"
    assert balance(client) == "85.50"


def test_a_service_without_a_method_gets_an_invoice_to_pay_by_hand(
    client: httpx.Client, app: SandboxApp, db_path: Path
) -> None:
    answer = client.put(f"/v1/services/{HOSTING}/payment-method", json={"payment_method_id": None})
    assert answer.status_code == 200
    advance(app, 9)
    assert client.get("/v1/invoices/5007").json()["status"] == "overdue"
    assert sql(db_path, "SELECT count(*) FROM charge_attempts WHERE service_id IS NOT NULL") == [
        (0,)
    ]  # fmt: skip
    assert service(client, HOSTING)["next_due_date"] == "2026-11-30"
    assert balance(client) == "85.50"


def test_direct_debit_renews_a_service(
    client: httpx.Client, app: SandboxApp, db_path: Path
) -> None:
    sql(db_path, "UPDATE services SET next_due_date = ? WHERE id = ?", at(5), VPS)
    sql(db_path, "UPDATE addons SET next_due_date = ? WHERE service_id = ?", at(5), VPS)
    summary = advance(app, 1)
    assert summary.services_invoiced == 1
    [invoice] = service_invoices(db_path, VPS)[-1:]
    assert invoice[1:5] == ("unpaid", at(1), at(5), "318.71")  # VPS M 239.40 + snapshots 24.00
    advance(app, 4)
    assert service_invoices(db_path, VPS)[-1][1] == "paid"
    assert service(client, VPS)["next_due_date"] == "2027-11-27"
    assert sql(db_path, "SELECT payment_method_id, ok FROM charge_attempts WHERE service_id = ?",
               VPS) == [(BANK_ID, 1)]  # fmt: skip


def test_a_declined_card_fails_a_service_renewal(
    client: httpx.Client, app: SandboxApp, db_path: Path
) -> None:
    card = verified_card(client, app, DECLINED_VISA)
    client.put(f"/v1/services/{HOSTING}/payment-method", json={"payment_method_id": card})
    summary = advance(app, 8)
    assert summary.service_charges_failed == 1
    assert sql(db_path, "SELECT reason FROM charge_attempts WHERE service_id = ?", HOSTING) == [
        ("the card ending 0002 was declined by its bank",)
    ]  # fmt: skip
    assert client.get("/v1/invoices/5007").json()["status"] == "unpaid"


def test_a_declined_card_fails_a_domain_renewal(
    client: httpx.Client, app: SandboxApp, db_path: Path
) -> None:
    card = verified_card(client, app, DECLINED_VISA)
    body = {"enabled": True, "payment_method_id": card}
    assert client.put(f"/v1/domains/{GARCIA_CONSULTING}/recurring", json=body).status_code == 200
    advance(app, 31)
    assert renewal_invoices(db_path, GARCIA_CONSULTING)[0][1] == "unpaid"
    assert sql(db_path, "SELECT reason FROM charge_attempts WHERE domain_id = ?",
               GARCIA_CONSULTING) == [("the card ending 0002 was declined by its bank",)]  # fmt: skip


def test_services_advance_at_once_as_day_by_day(tmp_path: Path) -> None:
    dumps = []
    for step in (70, 1):
        path = tmp_path / f"services-{step}.db"
        reset_database(path, today=TODAY)
        db = open_database(path)
        for _ in range(70 // step):
            advance_clock(db, step)
        dumps.append([sql(path, f"SELECT * FROM {table} ORDER BY id")
                      for table in ("services", "addons", "invoices", "charge_attempts")])  # fmt: skip
    assert dumps[0] == dumps[1]

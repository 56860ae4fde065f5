"""domains renew: unpaid renewals are not done (exit 3), an open renewal invoice is reused, and
--method pays the rest through the money journal, once."""

from __future__ import annotations

import json

from tests.conftest import CLI
from tests.support import sandbox_db

TWO = ["anagarcia.com", "flamenco-studio.net"]


def _renewal_invoices(name: str) -> list[dict[str, object]]:
    return sandbox_db.rows(
        "SELECT i.id, i.status FROM invoices i JOIN invoice_items ii ON ii.invoice_id = i.id"
        " JOIN domains d ON d.id = ii.related_id WHERE ii.type = 'domain_renewal' AND d.name = ?"
        " ORDER BY i.id",
        name,
    )


def test_credit_that_runs_out_leaves_renewals_not_done_and_exits_3(demo: CLI) -> None:
    # 85.50 EUR of credit: the first 3-year renewal (47.15) is paid, the second (54.41) is not.
    result = demo("domains", "renew", *TWO, "--years", "3", "--use-credit", "--yes")
    assert result.exit_code == 3, result.stderr
    assert result.stdout.splitlines()[0].startswith("anagarcia.com        invoice INV-2026-5012")
    assert ", paid, " in result.stdout.splitlines()[0]
    assert ", unpaid, 38.35 EUR credit applied" in result.stdout.splitlines()[1]
    lines = result.stderr.splitlines()
    assert lines[-4].startswith("renew 3y with credit: 1 done, 1 unpaid, 0 failed (run ")
    assert lines[-3] == (
        "1 renewal(s) not done: their invoices stay unpaid until you pay them: "
        "`clientarea invoices pay 5013 --method CARD` (or --use-credit, --transfer)"
    )
    assert lines[-2:] == [
        "error: 1 of 2 renewal(s) not done: invoice unpaid",
        "hint: pay them as above, or run the same renew again with --method CARD: it reuses "
        "the open invoices",
    ]
    assert sandbox_db.domains()["flamenco-studio.net"]["expiry_date"] == "2026-12-06"


def test_renewing_again_the_next_day_reuses_the_open_invoice(demo: CLI) -> None:
    first = demo("domains", "renew", *TWO, "--yes")
    assert first.exit_code == 3, first.stderr
    assert demo("sandbox", "advance", "--days", "1").exit_code == 0
    again = demo("domains", "renew", *TWO, "--yes", "-o", "json")
    assert again.exit_code == 3, again.stderr
    assert [o["invoice_id"] for o in json.loads(again.stdout)] == [5012, 5013]
    assert [len(_renewal_invoices(n)) for n in TWO] == [1, 1]


def test_method_pays_the_rest_by_card_once(demo: CLI) -> None:
    result = demo("domains", "renew", *TWO, "--method", "4242", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "anagarcia.com        invoice INV-2026-5012 (15.72 EUR), unpaid\n"
        "flamenco-studio.net  invoice INV-2026-5013 (18.14 EUR), unpaid\n"
        "anagarcia.com  INV-2026-5012 paid, 15.72 EUR by Visa ···4242\n"
        "flamenco-studio.net  INV-2026-5013 paid, 18.14 EUR by Visa ···4242\n"
    )
    assert result.stderr.splitlines()[-1].startswith(
        "renew 1y, the rest by Visa ···4242: 2 done, 0 failed (run "
    )
    assert [_renewal_invoices(n)[0]["status"] for n in TWO] == ["paid", "paid"]
    payments = sandbox_db.rows(
        "SELECT invoice_id, count(*) AS n FROM invoice_payments GROUP BY invoice_id"
        " HAVING invoice_id IN (5012, 5013)"
    )
    assert [(p["invoice_id"], p["n"]) for p in payments] == [(5012, 1), (5013, 1)]
    domains = sandbox_db.domains()
    assert [domains[n]["expiry_date"] for n in TWO] == ["2027-11-25", "2027-12-06"]
    journal = demo("journal", "list", "-o", "json")
    assert journal.exit_code == 0


def test_a_declined_card_leaves_the_renewal_unpaid(demo: CLI) -> None:
    import sqlite3

    from clientarea_cli.config.paths import sandbox_database

    conn = sqlite3.connect(sandbox_database())
    with conn:
        conn.execute("UPDATE payment_methods SET last4 = '0002' WHERE id = 21")
    conn.close()
    result = demo("domains", "renew", "anagarcia.com", "--method", "21", "--yes")
    assert result.exit_code == 3, result.stderr
    assert "warning: anagarcia.com: INV-2026-5012 not paid: " in result.stderr
    assert _renewal_invoices("anagarcia.com")[0]["status"] == "unpaid"


def test_an_unknown_method_stops_before_any_renewal(demo: CLI) -> None:
    before = sandbox_db.snapshot()
    result = demo("domains", "renew", *TWO, "--method", "9999", "--yes")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no payment method '9999' on this account")
    assert sandbox_db.snapshot() == before


def test_one_invoice_billing_two_renewals_is_paid_once(demo: CLI) -> None:
    # The seed's unpaid invoice 5006 bills codigo-abierto.dev and barcelona-bikes.eu for a year.
    names = ["codigo-abierto.dev", "barcelona-bikes.eu"]
    unpaid = demo("domains", "renew", *names, "--yes")
    assert unpaid.exit_code == 3
    assert "`clientarea invoices pay 5006 --method CARD`" in unpaid.stderr
    result = demo("domains", "renew", *names, "--method", "4242", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[-2:] == [
        "codigo-abierto.dev  INV-2026-5006 paid, 29.03 EUR by Visa ···4242",
        "barcelona-bikes.eu  INV-2026-5006 paid, 29.03 EUR by Visa ···4242",
    ]
    paid = sandbox_db.rows("SELECT count(*) AS n FROM invoice_payments WHERE invoice_id = 5006")
    assert paid[0]["n"] == 1

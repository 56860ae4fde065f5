"""The renewal cycle: what the provider does on each day the simulated clock passes.

``clock.advance_clock`` runs ``run_day`` once per day, in order, inside one write transaction.
Each day, in this order:

1. **Invoices.** An active domain with ``auto_renew`` on whose ``next_due_date`` is at most
   ``RENEWAL_NOTICE_DAYS`` away gets its renewal invoice (``registration_period`` years at its
   renewal price, due on ``next_due_date``), unless an unpaid renewal invoice for it exists.
2. **Charges.** A domain with recurring payment on, active or in grace, whose ``next_due_date``
   has come, has each unpaid invoice billing its renewal charged in full to its recurring card.
   A card that is validated, not removed and not past the end of its expiry month pays: the
   invoice is paid (``amount_paid``), and ``invoicing.mark_paid`` moves the expiry and the next
   due date by the years billed. Any other card fails and the invoice stays unpaid. Wallet credit
   is never used here. Every attempt is written to ``charge_attempts``.
3. **Expiry.** An active domain whose ``expiry_date`` has passed was not renewed. If its
   recurring charge failed (recurring on and a renewal invoice still unpaid) it enters ``grace``,
   where the charge is retried daily, and is ``suspended`` once the date reaches
   ``expiry_date + GRACE_DAYS``; otherwise it is simply ``expired``.

Then, for services (seed 001: each service renews with its own validated card or bank account):

4. **Invoices.** An ``active`` service with a recurring billing cycle whose ``next_due_date`` is at
   most ``RENEWAL_NOTICE_DAYS`` away gets its renewal invoice (its recurring amount, plus each
   active add-on due by then), unless an unpaid invoice billing the service exists.
5. **Charges.** From ``next_due_date`` on, for ``SERVICE_RETRY_DAYS`` more days, an active service
   with a payment method has its unpaid invoices charged in full to it: a validated card (not past
   its expiry month) or bank account (direct debit) pays, and ``invoicing.mark_paid`` moves the
   next due dates by one cycle. Anything else fails, is written to ``charge_attempts`` and is
   retried the next day; after that the invoice waits, overdue, to be paid by hand. A service
   without a method just has its invoice, to be paid by hand. Wallet credit is never used.

A card whose last four digits are ``payments.DECLINED_LAST4`` is declined in steps 2 and 5.

Each step is one indexed query over the domains or services it concerns, so a day costs little
even over tens of thousands of domains.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from . import money
from .invoicing import (
    CYCLE_MONTHS,
    DOMAIN_RENEWAL,
    SERVICE,
    Line,
    balance_due,
    card_problem,
    issue_invoice,
    record_payment,
    renewal_line,
)
from .payments import decline_reason, recurring_problem

RENEWAL_NOTICE_DAYS = 14  # the renewal invoice is issued this many days before the due date
GRACE_DAYS = 3  # after a failed charge, days past expiry before the domain is suspended
SERVICE_RETRY_DAYS = 3  # a service's failed charge is retried this many days after its due date

# "An unpaid invoice bills this domain's renewal", for a WHERE clause over ``domains``.
_UNPAID_RENEWAL = f"""EXISTS (SELECT 1 FROM invoice_items ii JOIN invoices i ON i.id = ii.invoice_id
    WHERE ii.related_id = domains.id AND ii.type = '{DOMAIN_RENEWAL}' AND i.status = 'unpaid')"""  # noqa: S608
_UNPAID_SERVICE = f"""EXISTS (SELECT 1 FROM invoice_items ii JOIN invoices i ON i.id = ii.invoice_id
    WHERE ii.related_id = services.id AND ii.type = '{SERVICE}' AND i.status = 'unpaid')"""  # noqa: S608
_RECURRING_CYCLES = ", ".join(f"'{cycle}'" for cycle in CYCLE_MONTHS)


@dataclass
class AdvanceSummary:
    """What one advance of the clock did."""

    today: date  # the new business date
    days: int = 0
    invoices_issued: int = 0
    charges_made: int = 0
    charges_failed: int = 0
    domains_expired: int = 0
    domains_in_grace: int = 0
    domains_suspended: int = 0
    services_invoiced: int = 0
    services_charged: int = 0
    service_charges_failed: int = 0

    def line(self) -> str:
        """One line for people: ``Sandbox date is now 2026-12-22 (+30 days): …``."""
        plural = "" if self.days == 1 else "s"
        return (
            f"Sandbox date is now {self.today.isoformat()} (+{self.days} day{plural}): "
            f"{self.invoices_issued} renewal invoices issued, {self.charges_made} card charges "
            f"made, {self.charges_failed} failed; {self.domains_expired} domains expired, "
            f"{self.domains_in_grace} entered grace, {self.domains_suspended} suspended; "
            f"services: {self.services_invoiced} invoiced, {self.services_charged} charged, "
            f"{self.service_charges_failed} failed"
        )


def run_day(conn: sqlite3.Connection, day: date, summary: AdvanceSummary) -> None:
    """Everything the provider does on ``day``, the new business date."""
    _complete_cancellations(conn, day)
    _issue_invoices(conn, day, summary)
    _charge_cards(conn, day, summary)
    _expire(conn, day, summary)
    _issue_service_invoices(conn, day, summary)
    _charge_services(conn, day, summary)


def _complete_cancellations(conn: sqlite3.Connection, day: date) -> None:
    """End-of-period cancellations whose date has come take effect, for every client."""
    from .fulfilment import catch_up

    clients = conn.execute(
        "SELECT DISTINCT client_id FROM cancellation_requests"
        " WHERE status = 'pending' AND effective_date <= ?",
        (day.isoformat(),),
    ).fetchall()
    for row in clients:
        catch_up(conn, int(row["client_id"]), day)


def _issue_invoices(conn: sqlite3.Connection, day: date, summary: AdvanceSummary) -> None:
    horizon = day + timedelta(days=RENEWAL_NOTICE_DAYS)
    rows = conn.execute(
        "SELECT id, client_id, name, currency, recurring_amount, registration_period,"  # noqa: S608
        " next_due_date FROM domains"
        " WHERE status = 'active' AND next_due_date <= ? AND auto_renew = 1"
        f" AND NOT {_UNPAID_RENEWAL} ORDER BY next_due_date, id",
        (horizon.isoformat(),),
    ).fetchall()
    for row in rows:
        years = int(row["registration_period"])
        line = renewal_line(str(row["name"]), int(row["id"]), years,
                            Decimal(row["recurring_amount"]))  # fmt: skip
        due = max(date.fromisoformat(row["next_due_date"]), day)
        issue_invoice(conn, int(row["client_id"]), str(row["currency"]), [line], day, due)
        summary.invoices_issued += 1


def _charge_cards(conn: sqlite3.Connection, day: date, summary: AdvanceSummary) -> None:
    rows = conn.execute(
        "SELECT DISTINCT i.id AS invoice_id, d.id AS domain_id, d.client_id,"
        " d.recurring_payment_method_id AS method_id, d.next_due_date"
        " FROM domains d JOIN invoice_items ii ON ii.related_id = d.id AND ii.type = ?"
        " JOIN invoices i ON i.id = ii.invoice_id AND i.client_id = d.client_id"
        " WHERE d.status IN ('active', 'grace') AND d.next_due_date <= ?"
        " AND d.recurring_enabled = 1 AND i.status = 'unpaid'"
        " ORDER BY d.next_due_date, d.id, i.id",
        (DOMAIN_RENEWAL, day.isoformat()),
    ).fetchall()
    for row in rows:
        invoice = conn.execute("SELECT * FROM invoices WHERE id = ?", (row["invoice_id"],))
        invoice_row = invoice.fetchone()
        amount = balance_due(invoice_row)
        if amount <= 0:  # paid a moment ago through another domain it also bills
            continue
        method = conn.execute(
            "SELECT * FROM payment_methods WHERE id = ? AND client_id = ?",
            (row["method_id"], row["client_id"]),
        ).fetchone()
        problem = card_problem(method, day) or decline_reason(method)
        currency = str(invoice_row["currency"])
        conn.execute(
            "INSERT INTO charge_attempts (client_id, invoice_id, domain_id, payment_method_id,"
            " date, currency, amount, ok, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row["client_id"], row["invoice_id"], row["domain_id"], row["method_id"],
             day.isoformat(), currency, money.to_text(amount, currency), int(problem is None),
             problem),
        )  # fmt: skip
        if problem is not None:
            summary.charges_failed += 1
            continue
        record_payment(conn, int(row["invoice_id"]), amount, day)
        summary.charges_made += 1


def _expire(conn: sqlite3.Connection, day: date, summary: AdvanceSummary) -> None:
    today = day.isoformat()
    grace = conn.execute(
        "UPDATE domains SET status = 'grace'"  # noqa: S608
        " WHERE status = 'active' AND expiry_date < ? AND recurring_enabled = 1"
        f" AND {_UNPAID_RENEWAL}",
        (today,),
    )
    summary.domains_in_grace += grace.rowcount
    expired = conn.execute(
        "UPDATE domains SET status = 'expired' WHERE status = 'active' AND expiry_date < ?",
        (today,),
    )
    summary.domains_expired += expired.rowcount
    suspended = conn.execute(
        "UPDATE domains SET status = 'suspended' WHERE status = 'grace' AND expiry_date <= ?",
        ((day - timedelta(days=GRACE_DAYS)).isoformat(),),
    )
    summary.domains_suspended += suspended.rowcount


def _issue_service_invoices(conn: sqlite3.Connection, day: date, summary: AdvanceSummary) -> None:
    horizon = (day + timedelta(days=RENEWAL_NOTICE_DAYS)).isoformat()
    rows = conn.execute(
        "SELECT * FROM services WHERE status = 'active' AND next_due_date <= ?"  # noqa: S608
        f" AND billing_cycle IN ({_RECURRING_CYCLES}) AND NOT {_UNPAID_SERVICE}"
        # A service cancelled at the end of its period is not renewed for another one.
        " AND coalesce(cancel_when, '') != 'end_of_period'"
        " ORDER BY next_due_date, id",
        (horizon,),
    ).fetchall()
    for row in rows:
        name = f"{row['product']} - {row['domain']}" if row["domain"] else str(row["product"])
        lines = [Line(f"{name} ({row['billing_cycle']})", SERVICE, int(row["id"]),
                      Decimal(row["recurring_amount"]))]  # fmt: skip
        addons = conn.execute(
            "SELECT * FROM addons WHERE service_id = ? AND status = 'active'"  # noqa: S608
            f" AND billing_cycle IN ({_RECURRING_CYCLES}) AND next_due_date <= ? ORDER BY id",
            (row["id"], row["next_due_date"]),
        )
        lines += [Line(f"{a['name']} ({a['billing_cycle']})", "addon", int(a["id"]),
                       Decimal(a["recurring_amount"])) for a in addons]  # fmt: skip
        due = max(date.fromisoformat(row["next_due_date"]), day)
        issue_invoice(conn, int(row["client_id"]), str(row["currency"]), lines, day, due)
        summary.services_invoiced += 1


def _charge_services(conn: sqlite3.Connection, day: date, summary: AdvanceSummary) -> None:
    first = (day - timedelta(days=SERVICE_RETRY_DAYS)).isoformat()
    rows = conn.execute(
        "SELECT DISTINCT i.id AS invoice_id, s.id AS service_id, s.client_id,"
        " s.payment_method_id AS method_id"
        " FROM services s JOIN invoice_items ii ON ii.related_id = s.id AND ii.type = ?"
        " JOIN invoices i ON i.id = ii.invoice_id AND i.client_id = s.client_id"
        " WHERE s.status = 'active' AND s.next_due_date BETWEEN ? AND ?"
        " AND s.payment_method_id IS NOT NULL AND i.status = 'unpaid'"
        " AND coalesce(s.cancel_when, '') != 'end_of_period'"
        " ORDER BY s.next_due_date, s.id, i.id",
        (SERVICE, first, day.isoformat()),
    ).fetchall()
    for row in rows:
        invoice = conn.execute("SELECT * FROM invoices WHERE id = ?", (row["invoice_id"],))
        invoice_row = invoice.fetchone()
        amount = balance_due(invoice_row)
        if amount <= 0:
            continue
        method = conn.execute(
            "SELECT * FROM payment_methods WHERE id = ? AND client_id = ?",
            (row["method_id"], row["client_id"]),
        ).fetchone()
        problem = recurring_problem(method, day) or decline_reason(method)
        currency = str(invoice_row["currency"])
        conn.execute(
            "INSERT INTO charge_attempts (client_id, invoice_id, service_id, payment_method_id,"
            " date, currency, amount, ok, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row["client_id"], row["invoice_id"], row["service_id"], row["method_id"],
             day.isoformat(), currency, money.to_text(amount, currency), int(problem is None),
             problem),
        )  # fmt: skip
        if problem is not None:
            summary.service_charges_failed += 1
            continue
        record_payment(conn, int(row["invoice_id"]), amount, day)
        summary.services_charged += 1

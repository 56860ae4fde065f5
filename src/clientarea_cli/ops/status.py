"""`clientarea status`: balance, invoices due, renewals in 30 days, tickets and warnings.

Everything is fetched in one round of parallel requests (threads over the driver's one HTTP
client), so the dashboard costs about one round trip, not the sum of eight.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.errors import NotSupported
from clientarea_cli.i18n.carried import carried
from clientarea_cli.models import DomainFilter, Invoice, Money, PaymentMethod
from clientarea_cli.models.status import Dashboard, InvoiceTotals
from clientarea_cli.ops.outlook import renewals
from clientarea_cli.ops.recurring import card_last_day, describe

WINDOW_DAYS = 30
CARD_WARNING_DAYS = 60


def gather(calls: dict[str, Callable[[], Any]]) -> dict[str, Any]:
    """Run the calls at once; a call the provider does not support answers None."""

    def guarded(call: Callable[[], Any]) -> Any:
        try:
            return call()
        except NotSupported:
            return None

    with ThreadPoolExecutor(max_workers=len(calls), thread_name_prefix="status") as pool:
        futures = {name: pool.submit(guarded, call) for name, call in calls.items()}
        return {name: future.result() for name, future in futures.items()}


def _totals(invoices: list[Invoice]) -> InvoiceTotals:
    sums: dict[str, Decimal] = {}
    for invoice in invoices:
        currency = invoice.balance.currency
        sums[currency] = sums.get(currency, Decimal("0.00")) + invoice.balance.amount
    ordered = sorted(invoices, key=lambda i: (i.due_date, i.id))
    return InvoiceTotals(
        count=len(invoices),
        totals=[Money(amount=v, currency=c) for c, v in sums.items()],
        invoices=[i.number for i in ordered],
    )


def _card_warnings(methods: list[PaymentMethod], today: date) -> list[str]:
    warnings = []
    for method in methods:
        last = card_last_day(method)
        if method.type != "card" or last is None:
            continue
        if last < today:
            warnings.append(carried("{card}: expired", card=describe(method).split(",")[0]))
        elif last <= today + timedelta(days=CARD_WARNING_DAYS):
            label = describe(method).split(",")[0]
            warnings.append(
                carried(
                    "{card} expires on {date}: renewals charged after it will fail",
                    card=label,
                    date=last,
                )
            )
    return warnings


def dashboard(driver: Driver) -> Dashboard:
    calls: dict[str, Callable[[], Any]] = {
        "provider": driver.provider_info,
        "account": driver.get_account,
        "wallet": driver.get_wallet,
        "invoices": lambda: driver.list_invoices(status="unpaid", limit=None).items,
        "services": lambda: driver.list_services(status="active", limit=None).items,
        "domains": lambda: (
            driver.list_domains(DomainFilter(expiring_within_days=WINDOW_DAYS), limit=None).items
        ),
        "methods": driver.list_payment_methods,
        "top_ups": lambda: driver.list_top_ups(status="pending", limit=None).items,
        "tickets": lambda: driver.list_tickets(status="answered", limit=None).items,
    }
    got = gather(calls)
    today: date = got["provider"].today
    methods: list[PaymentMethod] = got["methods"] or []
    due = renewals(
        got["services"] or [],
        got["domains"] or [],
        {m.id: m for m in methods},
        today,
        today + timedelta(days=WINDOW_DAYS),
    )
    invoices: list[Invoice] = got["invoices"] or []
    overdue = [i for i in invoices if i.status == "overdue"]
    warnings = _card_warnings(methods, today)
    manual = [i for i in due if i.kind == "domain" and not i.automatic]
    if manual:
        if driver.supports(Capability.PAYMENT_METHODS):
            unpaid = carried(
                "{count} domain(s) due within {days} days have no recurring payment: they renew "
                "only if you pay by hand (`clientarea domains recur …` to change that)",
                count=len(manual),
                days=WINDOW_DAYS,
            )
        else:
            unpaid = carried(
                "{count} domain(s) due within {days} days have no recurring payment: they renew "
                "only if you pay by hand (this provider stores no cards; it spends account "
                "credit on renewal invoices)",
                count=len(manual),
                days=WINDOW_DAYS,
            )
        warnings.append(unpaid)
    failing = [i for i in due if i.automatic and i.warnings]
    if failing:
        warnings.append(
            carried(
                "{count} automatic renewal(s) within {days} days will fail: "
                "see `clientarea billing outlook`",
                count=len(failing),
                days=WINDOW_DAYS,
            )
        )
    top_ups = got["top_ups"]
    pending = None
    if top_ups is not None:
        pending = [f"{t.reference} ({t.amount}, {t.method})" for t in top_ups]
        if top_ups:
            warnings.append(
                carried(
                    "{count} top-up(s) wait for the provider to confirm the transfer: upload "
                    "the proof with `clientarea wallet proof REFERENCE FILE` if you have not",
                    count=len(top_ups),
                )
            )
    account = got["account"]
    return Dashboard(
        today=today,
        account=f"{account.full_name} <{account.email}>",
        balance=got["wallet"].balance,
        unpaid=_totals(invoices),
        overdue=_totals(overdue),
        renewals=due,
        pending_top_ups=pending,
        tickets_awaiting_reply=(
            None if got["tickets"] is None else [f"{t.number} {t.subject}" for t in got["tickets"]]
        ),
        warnings=warnings,
    )

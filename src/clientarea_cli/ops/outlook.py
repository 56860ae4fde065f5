"""`billing outlook`: the renewals due in a window, per service, add-on and domain.

For each renewal: its date, amount (before tax), how it will be paid (the recurring method that
is charged, or by hand) and warnings — the card expires before the date (the charge fails); no
validated recurring method; auto-renew off (the domain expires unless renewed). Credit is never
used for automatic renewals, and the manual ones are checked against the wallet balance.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.i18n import _
from clientarea_cli.i18n.carried import carried
from clientarea_cli.models import Domain, DomainFilter, Money, PaymentMethod, Service
from clientarea_cli.models.outlook import PAID_BY_MANUAL, BillingOutlook, MonthTotal, OutlookItem
from clientarea_cli.ops.recurring import card_last_day, describe

CYCLE_MONTHS = {
    "monthly": 1,
    "quarterly": 3,
    "semiannually": 6,
    "annually": 12,
    "biennially": 24,
    "triennially": 36,
}
SERVICE_STATES = ("active",)
"""Suspended services renew only once their overdue invoice is paid: `invoices list` shows that."""
DOMAIN_STATES = ("active", "grace")


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter (31 Jan → 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _occurrences(first: date | None, months: int, today: date, until: date) -> list[date]:
    dates: list[date] = []
    if first is None:
        return dates
    day, step = first, 0
    while day <= until:
        if day >= today:
            dates.append(day)
        step += 1
        day = add_months(first, months * step)
    return dates


def _payer(
    method_id: int | None, methods: dict[int, PaymentMethod], on: date, *, cards_only: bool
) -> tuple[str, bool, list[str]]:
    """(paid by, automatic, warnings) for a renewal charged to `method_id` on `on`."""
    method = methods.get(method_id) if method_id is not None else None
    if method is None or not method.validated or (cards_only and method.type != "card"):
        if method_id is None:
            why = carried("no validated recurring method: pay the invoice by hand")
        elif cards_only:
            why = carried(
                "its recurring method {id} cannot be charged (removed, not validated or not a "
                "card): pay the invoice by hand",
                id=method_id,
            )
        else:
            why = carried(
                "its recurring method {id} cannot be charged (removed, not validated): pay the "
                "invoice by hand",
                id=method_id,
            )
        return PAID_BY_MANUAL, False, [why]
    label = describe(method).split(",")[0]
    last = card_last_day(method)
    if last is not None and last < on:
        return (
            label,
            True,
            [
                carried(
                    "the card expires ({expiry}) before this date: the charge will fail",
                    expiry=method.expiry,
                )
            ],
        )
    return label, True, []


def _service_items(
    service: Service, methods: dict[int, PaymentMethod], today: date, until: date
) -> list[OutlookItem]:
    items: list[OutlookItem] = []
    name = service.product + (f" ({service.domain})" if service.domain else "")
    rows: list[tuple[str, int, str, str, Money, date | None]] = [
        ("service", service.id, name, service.billing_cycle, service.recurring_amount,
         service.next_due_date),
    ]  # fmt: skip
    rows += [
        ("addon", a.id, f"{name}: {a.name}", a.billing_cycle, a.recurring_amount, a.next_due_date)
        for a in service.addons
        if a.status == "active"
    ]
    for kind, ident, label, cycle, amount, first in rows:
        months = CYCLE_MONTHS.get(cycle)
        if months is None:
            continue
        for on in _occurrences(first, months, today, until):
            paid_by, automatic, warnings = _payer(
                service.payment_method_id, methods, on, cards_only=False
            )
            items.append(OutlookItem(date=on, kind=kind, id=ident, item=label, amount=amount,
                                     paid_by=paid_by, automatic=automatic, warnings=warnings))  # fmt: skip
    return items


def _domain_items(
    domain: Domain, methods: dict[int, PaymentMethod], today: date, until: date
) -> list[OutlookItem]:
    items: list[OutlookItem] = []
    price = domain.recurring_amount
    amount = Money(amount=price.amount * domain.registration_period, currency=price.currency)
    months = 12 * domain.registration_period
    for on in _occurrences(domain.next_due_date, months, today, until):
        if domain.recurring.enabled:
            paid_by, automatic, warnings = _payer(
                domain.recurring.payment_method_id, methods, on, cards_only=True
            )
        elif domain.auto_renew:
            paid_by, automatic = PAID_BY_MANUAL, False
            warnings = [
                carried("no recurring payment: the renewal invoice waits to be paid by hand")
            ]
        else:
            paid_by, automatic = PAID_BY_MANUAL, False
            warnings = [
                carried(
                    "auto-renew is off: it expires on {date} unless renewed",
                    date=domain.expiry_date,
                )
            ]
        items.append(OutlookItem(date=on, kind="domain", id=domain.id, item=domain.name,
                                 amount=amount, paid_by=paid_by, automatic=automatic,
                                 warnings=warnings))  # fmt: skip
    return items


def _totals(items: list[OutlookItem]) -> list[MonthTotal]:
    sums: dict[tuple[str, str], list[Decimal]] = defaultdict(lambda: [Decimal("0.00")] * 2)
    for item in items:
        key = (f"{item.date:%Y-%m}", item.amount.currency)
        sums[key][0 if item.automatic else 1] += item.amount.amount
    return [
        MonthTotal(
            month=month,
            currency=currency,
            automatic=Money(amount=auto, currency=currency),
            manual=Money(amount=manual, currency=currency),
            total=Money(amount=auto + manual, currency=currency),
        )
        for (month, currency), (auto, manual) in sorted(sums.items())
    ]


def renewals(
    services: list[Service],
    domains: list[Domain],
    methods: dict[int, PaymentMethod],
    today: date,
    until: date,
) -> list[OutlookItem]:
    """Every renewal from `today` to `until`, in date order (shared with `status`)."""
    items: list[OutlookItem] = []
    for service in services:
        if service.status in SERVICE_STATES:
            items += _service_items(service, methods, today, until)
    for domain in domains:
        if domain.status in DOMAIN_STATES:
            items += _domain_items(domain, methods, today, until)
    items.sort(key=lambda i: (i.date, i.kind != "domain", i.item))
    return items


def outlook(driver: Driver, *, within_days: int) -> BillingOutlook:
    for capability, what in (
        (Capability.SERVICES, _("reading services for the outlook")),
        (Capability.DOMAINS, _("reading domains for the outlook")),
    ):
        driver.require(capability, what)
    today = driver.provider_info().today
    until = today + timedelta(days=within_days)
    stored = driver.list_payment_methods() if driver.supports(Capability.PAYMENT_METHODS) else []
    methods = {m.id: m for m in stored}
    balance = driver.get_wallet().balance
    services = driver.list_services(status=None, limit=None).items
    domains = driver.list_domains(DomainFilter(), limit=None).items
    items = renewals(services, domains, methods, today, until)
    warnings = _credit_warnings(items, balance)
    return BillingOutlook(today=today, until=until, balance=balance, items=items,
                          totals=_totals(items), warnings=warnings)  # fmt: skip


def _credit_warnings(items: list[OutlookItem], balance: Money) -> list[str]:
    warnings: list[str] = []
    automatic = [i for i in items if i.automatic and i.amount.currency == balance.currency]
    if balance.amount > 0 and automatic:
        warnings.append(
            carried(
                "credit ({balance}) never pays automatic renewals: the {count} automatic "
                "one(s) are charged to their card or account",
                balance=balance,
                count=len(automatic),
            )
        )
    manual = sum(
        (
            i.amount.amount
            for i in items
            if not i.automatic and i.amount.currency == balance.currency
        ),
        Decimal(0),
    )
    if manual > balance.amount:
        short = manual - balance.amount
        warnings.append(
            carried(
                "the manual renewals total {manual} {currency} before tax; the credit "
                "({balance}) does not cover them: {short} {currency} short",
                manual=manual,
                currency=balance.currency,
                balance=balance,
                short=short,
            )
        )
    return warnings

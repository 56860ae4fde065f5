"""Paying invoices: credit first when asked (by hand, the only way credit pays), then a card.

The plan is computed before anything is sent, so the user sees the amounts: how much credit each
invoice takes (in order, as far as the balance goes), and what is left for the card or the
transfer. Problems the client can see (a paid invoice, credit that cannot cover a credit-only
payment, a method that cannot pay) stop everything before the first request.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.errors import MalformedResponse, PaymentError, UsageError
from clientarea_cli.i18n import _, pgettext
from clientarea_cli.models import Invoice, InvoicePayment, Money, PaymentMethod
from clientarea_cli.ops.recurring import describe, find_method

PAYABLE = ("unpaid", "overdue")


@dataclass(frozen=True)
class PaymentPlan:
    invoice: Invoice
    credit: Money
    rest: Money
    """Left after the credit: charged to the method, or to send by transfer."""


@dataclass(frozen=True)
class Payments:
    plans: list[PaymentPlan]
    use_credit: bool
    method: str | None
    """`card`, `transfer`, or None for credit only."""
    payment_method: PaymentMethod | None
    balance: Money | None
    """The wallet balance before paying, when credit is used."""

    @property
    def method_label(self) -> str:
        if self.method == "transfer":
            return "bank transfer"
        if self.payment_method is not None:
            return describe(self.payment_method).split(",")[0]
        return "credit"

    def totals(self) -> dict[str, tuple[Decimal, Decimal]]:
        """Per currency: (credit applied, rest)."""
        sums: dict[str, tuple[Decimal, Decimal]] = {}
        for plan in self.plans:
            credit, rest = sums.get(plan.credit.currency, (Decimal(0), Decimal(0)))
            sums[plan.credit.currency] = (credit + plan.credit.amount, rest + plan.rest.amount)
        return sums


def payment_method_for(driver: Driver, method_ref: str) -> PaymentMethod:
    """The account's validated card or bank account named by id or last four digits."""
    driver.require(Capability.PAYMENT_METHODS, _("paying with a stored payment method"))
    payment_method = find_method(driver.list_payment_methods(), method_ref)
    if not payment_method.validated:
        raise UsageError(
            _("payment method {id} ({describe}) is not validated yet").format(
                id=payment_method.id, describe=describe(payment_method)
            )
        )
    return payment_method


def plan_payments(
    driver: Driver,
    invoice_ids: list[int],
    *,
    use_credit: bool,
    method_ref: str | None,
    transfer: bool,
) -> Payments:
    driver.require(Capability.INVOICES, _("paying invoices"))
    driver.check_invoice_payments(invoice_ids)
    if method_ref and transfer:
        raise UsageError(_("choose --method or --transfer, not both"))
    if not (use_credit or method_ref or transfer):
        raise UsageError(
            _("say how to pay: --use-credit, --method METHOD or --transfer"),
            hint=_(
                "--use-credit applies wallet credit first; --method or --transfer pays the rest"
            ),
        )
    if len(set(invoice_ids)) != len(invoice_ids):
        raise UsageError(_("an invoice is named twice"))
    invoices = [driver.get_invoice(i) for i in invoice_ids]
    for invoice in invoices:
        if invoice.status not in PAYABLE:
            raise UsageError(
                _("invoice {id} ({number}) is {status}: nothing to pay").format(
                    id=invoice.id,
                    number=invoice.number,
                    status=pgettext("invoice status", invoice.status),
                )
            )
    payment_method = payment_method_for(driver, method_ref) if method_ref else None
    balance = None
    left: dict[str, Decimal] = {}
    if use_credit:
        balance = driver.get_wallet().balance
        left[balance.currency] = balance.amount
    plans = []
    for invoice in invoices:
        due = invoice.balance
        credit = min(left.get(due.currency, Decimal(0)), due.amount) if use_credit else Decimal(0)
        if use_credit:
            left[due.currency] = left.get(due.currency, Decimal(0)) - credit
        plans.append(
            PaymentPlan(
                invoice,
                Money(amount=credit, currency=due.currency),
                Money(amount=due.amount - credit, currency=due.currency),
            )
        )
    short = [p for p in plans if p.rest.amount > 0]
    if use_credit and not (method_ref or transfer) and short:
        needed = sum((p.rest.amount for p in short), Decimal(0))
        currency = short[0].rest.currency
        raise PaymentError(
            _(
                "the credit ({balance}) does not cover these invoices: {needed} {currency} more is needed; nothing was paid"
            ).format(balance=balance, needed=needed, currency=currency),
            hint=_(
                "add --method METHOD or --transfer to pay the rest, or top up with `clientarea wallet add`"
            ),
        )
    method = "transfer" if transfer else ("card" if method_ref else None)
    return Payments(plans, use_credit, method, payment_method, balance)


def pay(driver: Driver, plan: PaymentPlan, payments: Payments, key: str) -> InvoicePayment:
    """Send one invoice's payment under `key` (the caller journals it first)."""
    method = payments.method if plan.rest.amount > 0 else None
    return driver.pay_invoice(
        plan.invoice.id,
        use_credit=payments.use_credit and plan.credit.amount > 0,
        method=method,
        payment_method_id=payments.payment_method.id
        if method == "card" and payments.payment_method
        else None,
        idempotency_key=key,
    )


def download_pdf(driver: Driver, invoice_id: int) -> tuple[bytes, str]:
    """The invoice's PDF and a file name for it (the provider's, or `invoice-ID.pdf`)."""
    driver.require(Capability.INVOICES, _("downloading invoices"))
    content, name = driver.get_invoice_pdf(invoice_id)
    if not content.startswith(b"%PDF-"):
        raise MalformedResponse(
            _("the provider's answer for invoice {invoice_id} is not a PDF").format(
                invoice_id=invoice_id
            )
        )
    safe = Path(name).name if name else ""
    return content, safe if safe.endswith(".pdf") else f"invoice-{invoice_id}.pdf"

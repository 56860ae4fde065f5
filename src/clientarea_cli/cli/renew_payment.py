"""`domains renew`: pay what the renewals left due (--method), or say how (exit 3).

The run issues (or reuses) one invoice per domain; this step then pays each invoice still due
with the chosen method. Every payment is written to the journal with its idempotency key before
it leaves (cli/money.py), so it is never sent twice; a declined payment leaves that renewal
unpaid (reported, exit 3) and the others go on. Renewals left unpaid are listed with how to pay
them: `invoices pay`, or the driver's `pay_hint` where the provider takes no payment by API.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from typing import TYPE_CHECKING

from clientarea_cli.cli.context import AppContext
from clientarea_cli.errors import PartialFailure, PaymentError
from clientarea_cli.i18n import _

if TYPE_CHECKING:
    from clientarea_cli.drivers.base import Driver
    from clientarea_cli.models import InvoicePayment, Outcome
    from clientarea_cli.ops.bulk.actions import Action
    from clientarea_cli.ops.bulk.runner import RunResult
    from clientarea_cli.output.render import Renderer


def pay_the_rest(
    app_ctx: AppContext, renderer: Renderer, driver: Driver, action: Action, result: RunResult
) -> RunResult:
    """Pay each invoice the run left due; the outcomes of those paid are done."""
    import json

    from clientarea_cli.cli.money import send_money
    from clientarea_cli.ops import invoice_payments
    from clientarea_cli.ops.bulk.actions import Renew

    if not isinstance(action, Renew) or action.pay_method_id is None:
        return result
    due = [
        (index, o)
        for index, o in enumerate(result.outcomes)
        if o.ok and o.amount_due is not None and o.invoice_id is not None
    ]
    if not due:
        return result
    invoice_ids = list(dict.fromkeys(o.invoice_id for _, o in due if o.invoice_id is not None))
    payments = invoice_payments.plan_payments(
        driver, invoice_ids, use_credit=False, method_ref=str(action.pay_method_id), transfer=False
    )
    for plan in payments.plans:
        billed = [(index, o) for index, o in due if o.invoice_id == plan.invoice.id]
        names = ", ".join(o.domain for _, o in billed)

        def send(key: str, plan: invoice_payments.PaymentPlan = plan) -> InvoicePayment:
            return invoice_payments.pay(driver, plan, payments, key)

        try:
            payment = send_money(
                app_ctx,
                kind="invoice payment",
                summary=f"pay renewal invoice {plan.invoice.number} ({plan.rest}) of {names}",
                call=send,
                describe=lambda p: f"{p.status}: {p.charged} charged",
            )
        except PaymentError as exc:
            renderer.warn(
                _("{names}: {number} not paid: {reason}").format(
                    names=names, number=plan.invoice.number, reason=exc.message
                )
            )
            continue
        if payment.invoice.status != "paid":
            continue
        paid = f"{plan.invoice.number} paid, {payment.charged} by {payments.method_label}"
        for index, outcome in billed:
            updated = outcome.model_copy(update={"result": paid, "amount_due": None})
            result.outcomes[index] = updated
            if renderer.fmt == "table":
                sys.stdout.write(f"{outcome.domain}  {paid}\n")
            elif renderer.fmt == "jsonl":
                line = json.dumps(updated.model_dump(mode="json"), ensure_ascii=False)
                sys.stdout.write(line + "\n")
    return result


LIST_INVOICES_UP_TO = 20


def unpaid_renewals(
    renderer: Renderer, due: list[Outcome], total: int, pay_hint: str | None
) -> PartialFailure:
    """Say how to pay the renewals left unpaid; the error (exit 3) the run ends with."""
    if len(due) > LIST_INVOICES_UP_TO and not renderer.verbose:
        # 10,000 renewals would make one 60 KB line: count and total (the list: -o json, --verbose).
        totals: dict[str, Decimal] = {}
        for o in due:
            if o.amount_due is not None:
                currency = o.amount_due.currency
                totals[currency] = totals.get(currency, Decimal(0)) + o.amount_due.amount
        renderer.notice(
            _(
                "{count} invoice(s) left to pay ({total}); they stay unpaid until you pay them: `clientarea invoices list --status unpaid` (every number: --verbose or -o json)"
            ).format(count=len(due), total=", ".join(f"{v} {c}" for c, v in sorted(totals.items())))
        )
    elif pay_hint:
        ids = ", ".join(dict.fromkeys(str(o.invoice_id) for o in due))
        renderer.notice(
            _(
                "{count} renewal(s) not done: their invoices ({ids}) stay unpaid until you pay them: {how}"
            ).format(count=len(due), ids=ids, how=_(pay_hint))
        )
    else:
        ids = " ".join(dict.fromkeys(str(o.invoice_id) for o in due))  # one invoice may bill two
        renderer.notice(
            _(
                "{count} renewal(s) not done: their invoices stay unpaid until you pay them: `clientarea invoices pay {ids} --method CARD` (or --use-credit, --transfer)"
            ).format(count=len(due), ids=ids)
        )
    return PartialFailure(
        _("{count} of {total} renewal(s) not done: invoice unpaid").format(
            count=len(due), total=total
        ),
        hint=_("pay them as above; the same renew run again reuses the open invoices")
        if pay_hint
        else _(
            "pay them as above, or run the same renew again with --method CARD: it reuses "
            "the open invoices"
        ),
    )

"""`clientarea invoices …`: list and inspect invoices."""

from typing import TYPE_CHECKING, Annotated

import typer

from clientarea_cli.cli import values
from clientarea_cli.cli.context import DEFAULT_LIMIT, AppContext
from clientarea_cli.cli.options import AllOpt, LimitOpt, NoHeadersOpt, OutputOpt, columns_of
from clientarea_cli.i18n import _, pgettext
from clientarea_cli.models.choices import INVOICE_STATUSES

if TYPE_CHECKING:
    from clientarea_cli.models import TransferDetails

app = typer.Typer(help="List and inspect invoices.", no_args_is_help=True)

InvoiceArg = Annotated[
    str,
    typer.Argument(
        metavar="INVOICE",
        help="Invoice id or number (5009, INV-2026-5009).",
        autocompletion=values.INVOICES,
    ),
]


@app.command("list")
def list_(
    ctx: typer.Context,
    status: Annotated[
        str | None,
        typer.Option(
            help="unpaid (includes overdue), overdue, paid, cancelled or refunded.",
            autocompletion=values.choices(INVOICE_STATUSES),
        ),
    ] = None,
    limit: LimitOpt = None,
    all_items: AllOpt = False,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("Invoice")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List invoices, newest first.

    Example: clientarea invoices list --status overdue
    """
    from clientarea_cli.models import Invoice
    from clientarea_cli.models.choices import INVOICE_STATUSES
    from clientarea_cli.ops import billing, filters

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    wanted = (
        filters.parse_choice(status, INVOICE_STATUSES, "--status") if status is not None else None
    )
    count = filters.parse_limit(limit, all_items=all_items, default=DEFAULT_LIMIT)
    listing = billing.list_invoices(app_ctx.driver(), status=wanted, limit=count)
    renderer.listing(listing.items, Invoice, total=listing.total, what="invoices")


@app.command("show")
def show(
    ctx: typer.Context,
    invoice_ref: InvoiceArg,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("Invoice")] = None,
) -> None:
    """Show one invoice with its lines, credit applied and balance due.

    Example: clientarea invoices show INV-2026-5009
    """
    from clientarea_cli.ops import billing, refs

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns)
    driver = app_ctx.driver()
    invoice = billing.show_invoice(driver, refs.invoice_id(driver, invoice_ref))
    if not renderer.own_layout:
        renderer.one(invoice)
        return
    renderer.key_values(
        [(f, getattr(invoice, f)) for f in type(invoice).model_fields if f != "items"],
        model=type(invoice).__name__,
    )
    renderer.heading("\nItems")
    from clientarea_cli.models import InvoiceItem

    renderer.listing(invoice.items, InvoiceItem, what="items")


@app.command("pay")
def pay(
    ctx: typer.Context,
    invoice_refs: Annotated[
        list[str],
        typer.Argument(metavar="INVOICE...", help="Invoice ids or numbers.", show_default=False),
    ],
    use_credit: Annotated[
        bool, typer.Option("--use-credit", help="Apply wallet credit first, as far as it goes.")
    ] = False,
    method: Annotated[
        str | None,
        typer.Option(
            help="Card or bank account for the rest: id or last four digits.",
            metavar="METHOD",
            autocompletion=values.CARDS,
        ),
    ] = None,
    transfer: Annotated[
        bool, typer.Option("--transfer", help="Pay the rest by bank transfer (prints the details).")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Pay invoices: wallet credit first when asked, then a card or a bank transfer for the rest.

    Shows each invoice with the credit it takes and what is charged, then asks. Credit pays only when you ask for it. Each payment carries an idempotency key written to the journal before it is sent, so it is never charged twice; if no answer comes, exit 9 tells you to run `clientarea journal reconcile`.

    Example: clientarea invoices pay 5006 5007 --use-credit --method 4242
    """
    from clientarea_cli.cli.confirm import yes_no
    from clientarea_cli.cli.money import send_money
    from clientarea_cli.errors import ConfirmationRequired, Declined
    from clientarea_cli.models import InvoicePayment
    from clientarea_cli.ops import invoice_payments

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer()
    driver = app_ctx.driver()
    from clientarea_cli.ops import refs

    invoice_ids = refs.invoice_ids(driver, invoice_refs)
    payments = invoice_payments.plan_payments(
        driver, invoice_ids, use_credit=use_credit, method_ref=method, transfer=transfer
    )
    label = payments.method_label
    for plan in payments.plans:
        parts = []
        if plan.credit.amount:
            parts.append(_("{amount} from credit").format(amount=plan.credit))
        if plan.rest.amount:
            parts.append(_("{amount} by {method}").format(amount=plan.rest, method=label))
        renderer.notice(
            _("{number}  balance {balance}: {names}").format(
                number=plan.invoice.number, balance=plan.invoice.balance, names=" + ".join(parts)
            )
        )
    for currency, (credit, rest) in payments.totals().items():
        text = _("total {amount} {currency}").format(amount=credit + rest, currency=currency)
        if credit:
            text += ": " + _("{amount} {currency} from credit (balance {balance})").format(
                amount=credit, currency=currency, balance=payments.balance
            )
        if rest:
            text += (", " if credit else ": ") + _("{amount} {currency} by {method}").format(
                amount=rest, currency=currency, method=label
            )
        renderer.notice(text)
    if not (yes or app_ctx.options.yes):
        if not app_ctx.can_prompt():
            raise ConfirmationRequired("--yes")
        if not yes_no(_("Pay {count} invoice(s)?").format(count=len(payments.plans))):
            raise Declined(_("cancelled; nothing was paid"))
    for plan in payments.plans:

        def send(key: str, plan: invoice_payments.PaymentPlan = plan) -> InvoicePayment:
            return invoice_payments.pay(driver, plan, payments, key)

        payment = send_money(
            app_ctx,
            kind="invoice payment",
            summary=f"pay invoice {plan.invoice.number} ({plan.invoice.balance})",
            call=send,
            describe=lambda p: f"{p.status}: {p.credit_applied} credit, {p.charged} charged",
        )
        invoice = payment.invoice
        done = []
        if payment.credit_applied.amount:
            done.append(_("{amount} credit").format(amount=payment.credit_applied))
        if payment.charged.amount:
            done.append(f"{payment.charged} {label}")
        state = (
            _("awaiting your transfer")
            if payment.status == "pending"
            else pgettext("invoice status", invoice.status)
        )
        typer.echo(f"{invoice.number}  {state}" + (f": {', '.join(done)}" if done else ""))
        if payment.transfer is not None:
            _print_transfer(payment.transfer)


def _print_transfer(details: "TransferDetails") -> None:
    from clientarea_cli.cli.transfer import print_bank_accounts

    print_bank_accounts(details.amount, details.reference, details.bank_accounts, indent="  ")


@app.command("download")
def download(
    ctx: typer.Context,
    invoice_ref: InvoiceArg,
    output_file: Annotated[
        str | None,
        typer.Option(
            "--output-file", "-O", help="Where to save it (- for stdout).", metavar="FILE"
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Save an invoice as a PDF (the provider's file name in the current directory by default).

    Example: clientarea invoices download 5009 -O ~/invoices/5009.pdf
    """
    import sys
    from pathlib import Path

    from clientarea_cli.config.atomic import write_user_file
    from clientarea_cli.errors import UsageError
    from clientarea_cli.ops import invoice_payments, refs

    app_ctx = AppContext.of(ctx)
    driver = app_ctx.driver()
    content, name = invoice_payments.download_pdf(driver, refs.invoice_id(driver, invoice_ref))
    if output_file == "-":
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return
    target = Path(output_file).expanduser() if output_file else Path(name)
    if target.is_dir():
        target = target / name
    if target.exists() and not force:
        raise UsageError(_("{target} exists; use --force to overwrite it").format(target=target))
    write_user_file(target, content)
    app_ctx.renderer().notice(
        _("saved {target} ({count:,} bytes)").format(target=target, count=len(content))
    )

"""`clientarea invoices …`: list and inspect invoices."""

from __future__ import annotations

from typing import Annotated

import typer

from clientarea_cli.cli.context import DEFAULT_LIMIT, AppContext
from clientarea_cli.cli.options import AllOpt, ColumnsOpt, LimitOpt, NoHeadersOpt, OutputOpt

app = typer.Typer(help="List and inspect invoices.", no_args_is_help=True)


@app.command("list")
def list_(
    ctx: typer.Context,
    status: Annotated[
        str | None,
        typer.Option(help="unpaid (includes overdue), overdue, paid, cancelled or refunded."),
    ] = None,
    limit: LimitOpt = None,
    all_items: AllOpt = False,
    output: OutputOpt = None,
    columns: ColumnsOpt = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List invoices, newest first.

    Example: clientarea invoices list --status overdue
    """
    from clientarea_cli.models import Invoice
    from clientarea_cli.models.billing import INVOICE_STATUSES
    from clientarea_cli.ops import billing, filters

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    wanted = filters.parse_choice(status, INVOICE_STATUSES, "--status") if status else None
    count = filters.parse_limit(limit, all_items=all_items, default=DEFAULT_LIMIT)
    listing = billing.list_invoices(app_ctx.driver(), status=wanted, limit=count)
    renderer.listing(listing.items, Invoice, total=listing.total, what="invoices")


@app.command("show")
def show(
    ctx: typer.Context,
    invoice_id: Annotated[int, typer.Argument(metavar="INVOICE", help="Invoice id.")],
    output: OutputOpt = None,
    columns: ColumnsOpt = None,
) -> None:
    """Show one invoice with its lines, credit applied and balance due.

    Example: clientarea invoices show 1042
    """
    from clientarea_cli.ops import billing

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns)
    invoice = billing.show_invoice(app_ctx.driver(), invoice_id)
    if not renderer.is_table or renderer.columns:
        renderer.one(invoice)
        return
    renderer.key_values(
        [(f, getattr(invoice, f)) for f in type(invoice).model_fields if f != "items"]
    )
    renderer.heading("\nItems")
    from clientarea_cli.models import InvoiceItem

    renderer.listing(invoice.items, InvoiceItem, what="items")

"""`clientarea payment-methods …`: the cards and bank direct debits on the account."""

from __future__ import annotations

import typer

from clientarea_cli.cli.context import AppContext
from clientarea_cli.cli.options import ColumnsOpt, NoHeadersOpt, OutputOpt

app = typer.Typer(help="Cards and bank direct debits on the account.", no_args_is_help=True)


@app.callback()
def group() -> None:
    """Cards and bank direct debits on the account."""


@app.command("list")
def list_(
    ctx: typer.Context,
    output: OutputOpt = None,
    columns: ColumnsOpt = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List payment methods: brand, last four digits, holder, expiry, validated, default.

    Recurring payments need a validated method; wallet credit is never one.

    Example: clientarea payment-methods list -o json
    """
    from clientarea_cli.models import PaymentMethod
    from clientarea_cli.ops import billing

    app_ctx = AppContext.of(ctx)
    methods = billing.list_payment_methods(app_ctx.driver())
    app_ctx.renderer(output, columns, no_headers).listing(
        methods, PaymentMethod, what="payment methods"
    )

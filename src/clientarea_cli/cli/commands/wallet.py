"""`clientarea wallet …`: account credit (balance and movements)."""

from __future__ import annotations

from typing import Annotated

import typer

from clientarea_cli.cli.context import AppContext
from clientarea_cli.cli.options import AllOpt, OutputOpt

app = typer.Typer(help="Account credit: balance and movements.", no_args_is_help=True)


@app.callback()
def group() -> None:
    """Account credit: balance and movements."""


@app.command("show")
def show(
    ctx: typer.Context,
    movements: Annotated[
        int, typer.Option("--movements", "-n", help="How many recent movements to show.")
    ] = 10,
    all_items: AllOpt = False,
    output: OutputOpt = None,
) -> None:
    """Show the credit balance and the latest movements.

    Credit pays invoices only when you apply it by hand; it never pays automatic renewals.

    Example: clientarea wallet show -n 20
    """
    from clientarea_cli.models import WalletMovement
    from clientarea_cli.ops import billing, filters

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    count = filters.parse_limit(movements, all_items=all_items, default=10)
    overview = billing.wallet_overview(app_ctx.driver(), movements=count)
    if not renderer.is_table:
        renderer.one(overview)
        return
    wallet = overview.wallet
    renderer.key_values(
        [
            ("balance", wallet.balance),
            ("pending_top_ups", wallet.pending_top_ups),
            ("top_up_presets", ", ".join(str(p) for p in wallet.top_up_presets) or None),
        ]
    )
    renderer.heading("\nMovements")
    renderer.listing(
        overview.movements, WalletMovement, total=overview.total_movements, what="movements"
    )

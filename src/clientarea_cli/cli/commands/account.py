"""`clientarea account …`: the account's details."""

from __future__ import annotations

import typer

from clientarea_cli.cli.context import AppContext
from clientarea_cli.cli.options import ColumnsOpt, OutputOpt

app = typer.Typer(help="Show your account details.", no_args_is_help=True)


@app.callback()
def group() -> None:
    """Show your account details."""


@app.command("show")
def show(ctx: typer.Context, output: OutputOpt = None, columns: ColumnsOpt = None) -> None:
    """Show the account: name, company, address, e-mail, currency, verification.

    Example: clientarea account show -o json
    """
    from clientarea_cli.ops import account

    app_ctx = AppContext.of(ctx)
    app_ctx.renderer(output, columns).one(account.show_account(app_ctx.driver()))

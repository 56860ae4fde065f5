"""`clientarea status`: the account on one screen, from one round of parallel requests."""

import typer

from clientarea_cli.cli.context import AppContext
from clientarea_cli.cli.options import OutputOpt
from clientarea_cli.i18n import _

app = typer.Typer(help="The account on one screen: balance, invoices due, renewals, warnings.")


@app.command()
def status(ctx: typer.Context, output: OutputOpt = None) -> None:
    """The account on one screen: credit balance, unpaid and overdue invoices, services and domains due within 30 days and whether each renews by itself, tickets awaiting your reply, and warnings.

    Example: clientarea status
    """
    from clientarea_cli.models.outlook import OutlookItem
    from clientarea_cli.ops.status import WINDOW_DAYS, dashboard

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    board = dashboard(app_ctx.driver())
    if not renderer.own_layout:
        renderer.one(board)
        return

    from clientarea_cli.output.cells import cell

    def money(totals: list[object]) -> str:
        return ", ".join(cell(t) for t in totals) or "-"

    pairs: list[tuple[str, object]] = [
        ("account", board.account),
        ("date", board.today),
        ("credit", board.balance),
        ("unpaid invoices", f"{board.unpaid.count} ({money(list(board.unpaid.totals))})"),
        (
            "overdue",
            f"{board.overdue.count} ({money(list(board.overdue.totals))})"
            + (f": {', '.join(board.overdue.invoices)}" if board.overdue.invoices else ""),
        ),
    ]
    if board.tickets_awaiting_reply is not None:
        pairs.append(("tickets awaiting you", ", ".join(board.tickets_awaiting_reply) or _("none")))
    if board.pending_top_ups is not None:
        pairs.append(("pending top-ups", ", ".join(board.pending_top_ups) or _("none")))
    renderer.key_values(pairs)
    renderer.heading("\n" + _("Due within {days} days").format(days=WINDOW_DAYS))
    plain = app_ctx.renderer(output, "date,kind,item,amount,paid_by", inherit_columns=False)
    plain.listing(
        board.renewals,
        OutlookItem,
        what=_("renewals due within {days} days").format(days=WINDOW_DAYS),
    )
    for warning in board.warnings:
        renderer.warn(warning)

"""`clientarea billing …`: what is coming — renewals due, how they will be paid, what may fail."""

from pathlib import Path
from typing import Annotated

import typer

from clientarea_cli.cli.context import AppContext
from clientarea_cli.cli.options import NoHeadersOpt, OutputOpt, columns_of
from clientarea_cli.i18n import _, formats

app = typer.Typer(help="Renewals coming due, and how they will be paid.", no_args_is_help=True)


@app.callback()
def group() -> None:
    """Renewals coming due, and how they will be paid."""


@app.command("outlook")
def outlook(
    ctx: typer.Context,
    within: Annotated[
        str, typer.Option(help="The window: 30d, 12w, 3m, 1y…", metavar="PERIOD")
    ] = "90d",
    ics: Annotated[
        Path | None,
        typer.Option(
            "--ics", help="Also write the due dates as an iCalendar file.", metavar="FILE"
        ),
    ] = None,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("OutlookItem")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """Every renewal due in the window, per service, add-on and domain: date, amount, how it is paid, and warnings.

    Warns when a card expires before the date it will be charged, when there is no validated recurring method, when a domain's auto-renew is off, and when the credit does not cover the renewals paid by hand (credit never pays automatic ones). Totals per month and currency. Amounts are before tax. With --columns and a machine format, only the renewals are printed.

    Example: clientarea billing outlook --within 90d --ics renewals.ics
    """
    from clientarea_cli.config.atomic import write_user_file
    from clientarea_cli.models.outlook import MonthTotal, OutlookItem
    from clientarea_cli.ops import filters
    from clientarea_cli.ops import outlook as outlooks
    from clientarea_cli.output.ics import calendar

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    totals_renderer = app_ctx.renderer(output, None, no_headers, inherit_columns=False)
    days = filters.parse_days(within, "--within")
    result = outlooks.outlook(app_ctx.driver(), within_days=days)
    if ics is not None:
        write_user_file(ics.expanduser(), calendar(result).encode())
    if not renderer.is_table and renderer.columns:
        renderer.listing(result.items, OutlookItem, what="renewals")
    elif not renderer.is_table:
        renderer.one(result)
    else:
        renderer.check_columns(OutlookItem)  # before the heading: a bad column prints nothing
        renderer.heading(
            _("Renewals from {start} to {end} (before tax)").format(
                start=formats.date(result.today), end=formats.date(result.until)
            )
        )
        renderer.listing(
            result.items,
            OutlookItem,
            what=_("renewals due within {days} days").format(days=days),
        )
        if result.totals:
            renderer.heading("\nTotals per month")
            totals_renderer.listing(result.totals, MonthTotal, what="totals")
    for warning in result.warnings:
        renderer.warn(warning)
    if ics is not None:
        renderer.notice(
            _("wrote {count} due date(s) to {ics}").format(count=len(result.items), ics=ics)
        )

"""`clientarea services …`: list and inspect hosting services."""

from typing import Annotated

import typer

from clientarea_cli.cli import values
from clientarea_cli.cli.context import DEFAULT_LIMIT, AppContext
from clientarea_cli.cli.lazy import lazy_commands
from clientarea_cli.cli.options import (
    AllOpt,
    DryRunOpt,
    LimitOpt,
    NoHeadersOpt,
    OutputOpt,
    ServiceArg,
    columns_of,
)
from clientarea_cli.i18n import _
from clientarea_cli.models.choices import SERVICE_STATUSES

HERE = "clientarea_cli.cli.commands"
# Every command is built when named (cli/lazy.py); the lifecycle and panel ones live in their
# own modules, imported then.
app = typer.Typer(
    cls=lazy_commands(
        {
            "list": (
                f"{HERE}.services:list_",
                "List services with their product, price, billing cycle and next due date.",
            ),
            "show": (
                f"{HERE}.services:show",
                "Show one service: dates, domain, add-ons, payment method, amounts, status.",
            ),
            "payment-method": (
                f"{HERE}.services:payment_method",
                "Choose the payment method a service renews with: a validated card or bank "
                "direct debit.",
            ),
            "cancel": (
                f"{HERE}.service_lifecycle:cancel",
                "Request the cancellation of a service, now or when its paid period ends.",
            ),
            "upgrade": (
                f"{HERE}.service_lifecycle:upgrade",
                "Move a service to another plan (upgrade or downgrade), at a prorated price.",
            ),
            "options": (
                f"{HERE}.service_lifecycle:options",
                "Show a service's configurable options, or change them with --set.",
            ),
            "password": (
                f"{HERE}.service_panel:password",
                "Set a new control-panel password for a service.",
            ),
            "credentials": (
                f"{HERE}.service_panel:credentials",
                "Show how to reach a service's control panel: user name, server and panel URL.",
            ),
            "login-url": (
                f"{HERE}.service_panel:login_url",
                "Get a one-time link that logs into the service's control panel.",
            ),
            "usage": (
                f"{HERE}.service_panel:usage",
                "Show a service's disk use and its bandwidth this month, against the plan's limits.",
            ),
            "cancel-request": (
                f"{HERE}.service_lifecycle:cancel_request_app",
                "Show or withdraw a service's cancellation request.",
            ),
            "addons": (
                f"{HERE}.service_addons:addons_app",
                "List, order or cancel a service's add-ons.",
            ),
            "mailboxes": (
                f"{HERE}.service_panel:mailboxes_app",
                "List, create or delete the mailboxes of a hosting service.",
            ),
        }
    ),
    help="Services: list, cancel, upgrade, options, add-ons, panel access, mailboxes.",
    no_args_is_help=True,
)


def list_(
    ctx: typer.Context,
    status: Annotated[
        str | None,
        typer.Option(
            help="active, pending, suspended, cancelled or expired.",
            autocompletion=values.choices(SERVICE_STATUSES),
        ),
    ] = None,
    limit: LimitOpt = None,
    all_items: AllOpt = False,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("Service")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List services with their product, price, billing cycle and next due date.

    Example: clientarea services list --status active
    """
    from clientarea_cli.models import Service
    from clientarea_cli.models.choices import SERVICE_STATUSES
    from clientarea_cli.ops import filters, services

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    wanted = (
        filters.parse_choice(status, SERVICE_STATUSES, "--status") if status is not None else None
    )
    count = filters.parse_limit(limit, all_items=all_items, default=DEFAULT_LIMIT)
    listing = services.list_services(app_ctx.driver(), status=wanted, limit=count)
    renderer.listing(listing.items, Service, total=listing.total, what="services")


def show(
    ctx: typer.Context,
    service_id: ServiceArg,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("Service")] = None,
) -> None:
    """Show one service: dates, domain, add-ons, payment method, amounts, status.

    Example: clientarea services show 12
    """
    from clientarea_cli.ops import services

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns)
    renderer.one(services.show_service(app_ctx.driver(), service_id))


def payment_method(
    ctx: typer.Context,
    service_id: ServiceArg,
    method: Annotated[
        str,
        typer.Option(
            "--method",
            help="A validated card or bank account (id or last four digits), or none.",
            metavar="METHOD",
            autocompletion=values.CARDS,
            show_default=False,
        ),
    ],
    dry_run: DryRunOpt = False,
    output: OutputOpt = None,
) -> None:
    """Choose the payment method a service renews with: a validated card or bank direct debit.

    Each service renews with its own method. `--method none` turns automatic charging off (renewals are then paid by hand). Wallet credit is never used for automatic renewals, so it cannot be chosen here. Warns when the card expires before the service's next due date.

    Example: clientarea services payment-method 101 --method 4242
    """
    from clientarea_cli.ops import lifecycle, payment_methods

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    driver = app_ctx.driver()
    change = payment_methods.plan_service_method(driver, service_id, method)
    for warning in change.warnings:
        renderer.warn(warning)
    chosen = payment_methods.label(change.method) if change.method else None
    service = change.service
    what = lifecycle.label(service)
    if chosen:
        would = _("dry run: nothing was sent; {what} would renew with {method}")
        done = _("{what} renews with {method}")
    else:
        would = _("dry run: nothing was sent; {what} would have its renewals paid by hand")
        done = _("{what}: renewals are paid by hand")
    if dry_run:
        renderer.notice(would.format(what=what, method=chosen))
        return
    updated = payment_methods.set_service_method(driver, change)
    if not renderer.is_table:
        renderer.one(updated)
        return
    typer.echo(done.format(what=what, method=chosen))

"""`clientarea services addons list|add|remove`: a service's add-ons."""

from typing import Annotated

import typer

from clientarea_cli.cli.commands.service_lifecycle import CycleOpt, confirm
from clientarea_cli.cli.context import AppContext
from clientarea_cli.cli.options import (
    DryRunOpt,
    NoHeadersOpt,
    OutputOpt,
    ServiceArg,
    YesOpt,
    columns_of,
)
from clientarea_cli.i18n import _, pgettext

addons_app = typer.Typer(
    help="List, order or cancel a service's add-ons.\n\nExample: clientarea services addons list 101",
    no_args_is_help=True,
)


@addons_app.command("list")
def addons_list(
    ctx: typer.Context,
    service_id: ServiceArg,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("ServiceAddon")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List a service's add-ons: status, cycle, price and next due date.

    Example: clientarea services addons list 101
    """
    from clientarea_cli.models import ServiceAddon
    from clientarea_cli.ops import lifecycle as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    renderer.listing(ops.list_addons(app_ctx.driver(), service_id), ServiceAddon, what="add-ons")


@addons_app.command("add")
def addons_add(
    ctx: typer.Context,
    service_id: ServiceArg,
    addon: Annotated[str, typer.Argument(metavar="ADDON", help="The add-on's catalog id or name.")],
    cycle: CycleOpt = None,
    dry_run: DryRunOpt = False,
    yes: YesOpt = False,
    output: OutputOpt = None,
) -> None:
    """Order an add-on for a service (one of its product's, see `catalog show`).

    Shows its price and setup fee and asks first; a priced add-on is invoiced and becomes active once paid, a free one at once. The cycle defaults to the service's when the add-on is offered in it.

    Example: clientarea services addons add 102 "Dedicated IP" --cycle monthly
    """
    from clientarea_cli.cli.money import send_money
    from clientarea_cli.ops import lifecycle as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    driver = app_ctx.driver()
    plan = ops.plan_addon(driver, service_id, addon, ops.parse_cycle(cycle) if cycle else None)
    price = plan.price
    free = not (price.price.amount or price.setup_fee.amount)
    setup = f" + {price.setup_fee} setup" if price.setup_fee.amount else ""
    cost = "free: active at once" if free else f"{price.price}{setup} (+ tax), invoiced now"
    renderer.notice(
        _("{name} for {value}, {billing_cycle}: {cost}").format(
            name=plan.addon.name,
            value=ops.label(plan.service),
            billing_cycle=price.billing_cycle,
            cost=cost,
        )
    )
    if dry_run:
        renderer.notice(_("dry run: nothing was sent"))
        return
    if not free:
        confirm(
            app_ctx,
            yes,
            _("Order {addon} for service {service_id}?").format(
                addon=plan.addon.name, service_id=service_id
            ),
        )
    result = send_money(
        app_ctx,
        kind="add-on order",
        summary=f"order {plan.addon.name} for service {service_id} ({price.billing_cycle})",
        call=lambda key: ops.add_addon(driver, plan, key),
        describe=lambda r: (
            f"add-on {r.addon.id} {r.addon.status}"
            + (f", invoice {r.invoice.number}" if r.invoice else "")
        ),
    )
    if not renderer.is_table:
        renderer.one(result)
        return
    typer.echo(
        _("Add-on {id} ({name}) is {status}.").format(
            id=result.addon.id,
            name=result.addon.name,
            status=pgettext("service status", result.addon.status),
        )
    )
    if result.invoice is not None:
        invoice = result.invoice
        typer.echo(
            _("Invoice {number} ({id}): {total} due by {due_date}.").format(
                number=invoice.number, id=invoice.id, total=invoice.total, due_date=invoice.due_date
            )
        )


@addons_app.command("remove")
def addons_remove(
    ctx: typer.Context,
    service_id: ServiceArg,
    addon_id: Annotated[
        int, typer.Argument(metavar="ADDON_ID", help="The add-on's id (see `addons list`).")
    ],
    dry_run: DryRunOpt = False,
    yes: YesOpt = False,
) -> None:
    """Cancel an add-on of a service now (its unpaid invoice is cancelled with it).

    Example: clientarea services addons remove 101 152 --yes
    """
    from clientarea_cli.ops import lifecycle as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer()
    driver = app_ctx.driver()
    found = ops.find_addon(driver, service_id, addon_id)
    shown = f"add-on {addon_id} ({found.name}, {found.status}) of service {service_id}"
    if dry_run:
        renderer.notice(
            _("dry run: nothing was sent; {shown} would be cancelled").format(shown=shown)
        )
        return
    confirm(app_ctx, yes, _("Cancel {shown}?").format(shown=shown))
    ops.remove_addon(driver, service_id, addon_id)
    renderer.notice(_("cancelled {shown}").format(shown=shown))

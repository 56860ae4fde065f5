"""`clientarea services cancel|cancel-request|upgrade|options`: a service's lifecycle.

The add-on commands live in `service_addons`, the panel commands (password, credentials,
login-url, mailboxes, usage) in `service_panel`; `services.py` lists them all on the group.
"""

from typing import TYPE_CHECKING, Annotated

import typer

from clientarea_cli.cli import values
from clientarea_cli.cli.commands import service_tickets as by_ticket
from clientarea_cli.cli.commands.service_tickets import DepartmentOpt, ViaTicketOpt
from clientarea_cli.cli.context import AppContext
from clientarea_cli.cli.options import (
    DryRunOpt,
    NoHeadersOpt,
    OutputOpt,
    ServiceArg,
    YesOpt,
    columns_of,
)
from clientarea_cli.i18n import _
from clientarea_cli.models.choices import BILLING_CYCLES, CANCELLATION_TIMES

if TYPE_CHECKING:
    from clientarea_cli.models.lifecycle import UpgradeQuote, UpgradeResult
    from clientarea_cli.output.render import Renderer

cancel_request_app = typer.Typer(
    help="Show or withdraw a service's cancellation request.\n\n"
    "Example: clientarea services cancel-request show 101",
    no_args_is_help=True,
)

CycleOpt = Annotated[
    str | None,
    typer.Option(
        "--cycle",
        help="monthly, quarterly, semiannually, annually, biennially…",
        metavar="CYCLE",
        autocompletion=values.choices(BILLING_CYCLES),
    ),
]


def confirm(app_ctx: AppContext, yes: bool, question: str) -> None:
    """Ask on a terminal; without one, `--yes` is required (exit 2 naming it)."""
    from clientarea_cli.cli.commands.domain_records import confirm as ask

    ask(app_ctx, yes, question)


# -- cancellation -------------------------------------------------------------------------------


def cancel(
    ctx: typer.Context,
    service_id: ServiceArg,
    when: Annotated[
        str,
        typer.Option(
            "--when",
            help="immediate, or end-of-period (when the paid period ends).",
            metavar="WHEN",
            autocompletion=values.choices(CANCELLATION_TIMES),
            show_default=False,
        ),
    ],
    reason: Annotated[
        str | None, typer.Option("--reason", help="Why (the provider keeps it).", metavar="TEXT")
    ] = None,
    dry_run: DryRunOpt = False,
    yes: YesOpt = False,
    output: OutputOpt = None,
    via_ticket: ViaTicketOpt = False,
    department: DepartmentOpt = None,
) -> None:
    """Request the cancellation of a service, now or when its paid period ends.

    Shows what stops (the service and its add-ons) and when. An immediate cancellation deletes the service's data and refunds nothing, so on a terminal you type the service's name (its domain, or its product) to confirm; without a terminal it needs --yes. An end-of-period request can be withdrawn until that day with `services cancel-request withdraw`. With --via-ticket, a support ticket asks staff for it instead (shown first, then confirmed): the way with a provider whose API takes no cancellations.

    Example: clientarea services cancel 101 --when end-of-period --reason "moving the site"
    """
    from clientarea_cli.cli.confirm import typed
    from clientarea_cli.errors import ConfirmationRequired, Declined
    from clientarea_cli.ops import lifecycle as ops
    from clientarea_cli.ops import service_tickets

    if by_ticket.wanted(via_ticket, department):
        by_ticket.cancel(ctx, service_id, when, reason, department, dry_run=dry_run, yes=yes,
                         output=output)  # fmt: skip
        return
    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    timing = ops.parse_when(when)
    text = ops.check_reason(reason)
    plan = service_tickets.plan_cancellation(app_ctx.driver(), service_id, timing)
    renderer.notice(
        _("Cancel {value} {effective}. This stops:").format(
            value=ops.label(plan.service), effective=plan.effective
        )
    )
    for item in plan.stops:
        renderer.notice(_("  {item}").format(item=item))
    if timing == "immediate":
        renderer.notice(_("Its data is deleted now and nothing is refunded."))
    if dry_run:
        renderer.notice(_("dry run: nothing was sent"))
        return
    if timing == "end_of_period":
        confirm(
            app_ctx,
            yes,
            _("Request the cancellation of service {service_id}?").format(service_id=service_id),
        )
    elif not (yes or app_ctx.options.yes):
        if not app_ctx.can_prompt():
            raise ConfirmationRequired("--yes")
        name = ops.service_name(plan.service)
        answer = typed(_("Type {name} to cancel it now").format(name=name))
        if answer.strip().lower() != name.lower():
            raise Declined(_("cancelled: the name did not match; nothing was sent"))
    request = ops.request_cancellation(app_ctx.driver(), plan, text)
    renderer.one(request)


@cancel_request_app.command("show")
def cancel_request_show(
    ctx: typer.Context,
    service_id: ServiceArg,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("CancellationRequest")] = None,
) -> None:
    """Show the service's cancellation request: when, why, its status and the day it takes effect.

    Example: clientarea services cancel-request show 101 -o json
    """
    from clientarea_cli.ops import lifecycle as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns)
    renderer.one(ops.show_cancellation(app_ctx.driver(), service_id))


@cancel_request_app.command("withdraw")
def cancel_request_withdraw(
    ctx: typer.Context, service_id: ServiceArg, dry_run: DryRunOpt = False
) -> None:
    """Withdraw a pending end-of-period cancellation: the service goes on renewing.

    Example: clientarea services cancel-request withdraw 101
    """
    from clientarea_cli.ops import lifecycle as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer()
    driver = app_ctx.driver()
    if dry_run:
        request = ops.show_cancellation(driver, service_id)
        renderer.notice(
            _(
                "dry run: nothing was sent; the request to cancel service {service_id} on {effective_date} would be withdrawn"
            ).format(service_id=service_id, effective_date=request.effective_date)
        )
        return
    request = ops.withdraw_cancellation(driver, service_id)
    renderer.notice(
        _(
            "withdrew the request to cancel service {service_id} on {effective_date}; it goes on renewing"
        ).format(service_id=service_id, effective_date=request.effective_date)
    )


# -- upgrade and downgrade ----------------------------------------------------------------------


def _describe_quote(renderer: "Renderer", quote: "UpgradeQuote", current: str) -> None:
    renderer.notice(
        _("{current} → {to_product} ({direction}), {billing_cycle}, service {service_id}").format(
            current=current,
            to_product=quote.to_product,
            direction=quote.direction,
            billing_cycle=quote.billing_cycle,
            service_id=quote.service_id,
        )
    )
    renderer.notice(
        _(
            "  current period {period_start} … {period_end} ({days_in_period} days), {days_remaining} days left"
        ).format(
            period_start=quote.period_start,
            period_end=quote.period_end,
            days_in_period=quote.days_in_period,
            days_remaining=quote.days_remaining,
        )
    )
    renderer.notice(
        _("  credit for the unused part   {credit_for_unused}").format(
            credit_for_unused=quote.credit_for_unused
        )
    )
    renderer.notice(
        _("  cost of the new plan         {cost_of_new}").format(cost_of_new=quote.cost_of_new)
    )
    if quote.amount_due.amount:
        renderer.notice(
            _("  amount due                   {amount_due} (+ tax), invoiced").format(
                amount_due=quote.amount_due
            )
        )
    else:
        renderer.notice(
            _("  credited to your wallet      {amount_credited}").format(
                amount_credited=quote.amount_credited
            )
        )
    renderer.notice(
        _("  from {next_due_date} it renews at {new_recurring_amount} {billing_cycle}").format(
            next_due_date=quote.next_due_date,
            new_recurring_amount=quote.new_recurring_amount,
            billing_cycle=quote.billing_cycle,
        )
    )


def _print_upgrade(renderer: "Renderer", result: "UpgradeResult") -> None:
    if not renderer.is_table:
        renderer.one(result)
        return
    quote, invoice = result.quote, result.invoice
    if invoice is not None:
        typer.echo(
            _(
                "Invoice {number} ({id}): {total} due by {due_date}; service {service_id} moves to {to_product} once it is paid."
            ).format(
                number=invoice.number,
                id=invoice.id,
                total=invoice.total,
                due_date=invoice.due_date,
                service_id=quote.service_id,
                to_product=quote.to_product,
            )
        )
        renderer.notice(
            _("hint: pay it with `clientarea invoices pay {id} --use-credit`").format(id=invoice.id)
        )
        return
    credited = (
        f"; {quote.amount_credited} credited to your wallet" if quote.amount_credited.amount else ""
    )
    typer.echo(
        _("Service {service_id} is now {product}{credited}.").format(
            service_id=quote.service_id, product=result.service.product, credited=credited
        )
    )


def upgrade(
    ctx: typer.Context,
    service_id: ServiceArg,
    to: Annotated[
        str | None,
        typer.Option("--to", help="The plan to move to: its id or name.", metavar="PLAN"),
    ] = None,
    cycle: CycleOpt = None,
    dry_run: DryRunOpt = False,
    yes: YesOpt = False,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("UpgradeTarget")] = None,
    no_headers: NoHeadersOpt = False,
    via_ticket: ViaTicketOpt = False,
    department: DepartmentOpt = None,
) -> None:
    """Move a service to another plan (upgrade or downgrade), at a prorated price.

    Without --to, lists the plans the service can move to, with their prices per cycle (--cycle shows one). With --to, shows the provider's prorated quote: the days left in the current period, the credit for their unused part, the new plan's cost for the same days, and the amount due or credited; once you confirm, an upgrade is invoiced (the plan changes when the invoice is paid) and a downgrade applies at once, its credit going to your wallet. The request is journalled before it is sent. With --via-ticket, a support ticket asks staff for the move instead (shown first, then confirmed).

    Example: clientarea services upgrade 101 --to "Hosting Business" --cycle monthly
    """
    from clientarea_cli.cli.money import send_money
    from clientarea_cli.models.lifecycle import UpgradeResult, UpgradeTarget
    from clientarea_cli.ops import lifecycle as ops
    from clientarea_cli.ops import service_tickets

    if by_ticket.wanted(via_ticket, department):
        by_ticket.upgrade(ctx, service_id, to, cycle, department, dry_run=dry_run, yes=yes,
                          output=output)  # fmt: skip
        return
    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    if to is not None and not dry_run and not renderer.is_table:
        renderer.check_columns(UpgradeResult)  # now, not once the move is invoiced
    wanted = ops.parse_cycle(cycle) if cycle else None
    driver = app_ctx.driver()
    if to is None:
        targets = service_tickets.upgrade_targets(driver, service_id, wanted)
        renderer.listing(targets, UpgradeTarget, what="plans to move to")
        return
    service = ops.get_service(driver, service_id)
    quote = service_tickets.quote_upgrade(driver, service, to, wanted)
    _describe_quote(renderer, quote, service.product)
    if dry_run:
        renderer.one(quote)
        renderer.notice(_("dry run: nothing was sent"))
        return
    money = quote.amount_due if quote.amount_due.amount else quote.amount_credited
    question = (
        _("Move service {service_id} to {product} for {money}?")
        if quote.amount_due.amount
        else _("Move service {service_id} to {product} crediting {money}?")
    )
    confirm(
        app_ctx,
        yes,
        question.format(service_id=service_id, product=quote.to_product, money=money),
    )
    result = send_money(
        app_ctx,
        kind="upgrade",
        summary=f"move service {service_id} to {quote.to_product} ({quote.billing_cycle}), "
        f"due {quote.amount_due}, credited {quote.amount_credited}",
        call=lambda key: ops.upgrade(driver, quote, key),
        describe=lambda r: (
            f"invoice {r.invoice.number}" if r.invoice else f"now {r.service.product}"
        ),
    )
    _print_upgrade(renderer, result)


# -- options ------------------------------------------------------------------------------------


def options(
    ctx: typer.Context,
    service_id: ServiceArg,
    settings: Annotated[
        list[str] | None,
        typer.Option("--set", help="KEY=VALUE (repeat for more).", metavar="KEY=VALUE"),
    ] = None,
    dry_run: DryRunOpt = False,
    yes: YesOpt = False,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("ServiceOption")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """Show a service's configurable options, or change them with --set.

    Values are checked against each option's choices or range before anything is sent. A change applies at once; when it makes the service dearer, the difference for the rest of the paid period is invoiced (you are asked first), and a cheaper choice is not refunded.

    Example: clientarea services options 101 --set php_version=8.2 --set extra_disk_gb=10
    """
    from clientarea_cli.models.lifecycle import ServiceOption
    from clientarea_cli.ops import lifecycle as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    renderer.check_columns(ServiceOption)  # now, not after the change
    wanted = ops.parse_settings(settings or [])
    driver = app_ctx.driver()
    current = ops.get_options(driver, service_id)
    if not wanted:
        renderer.listing(current.options, ServiceOption, what="configurable options")
        return
    changes = ops.option_changes(current, wanted)
    if not changes:
        renderer.notice(
            _("nothing to change: service {service_id} already has these values").format(
                service_id=service_id
            )
        )
        return
    before = {o.key: o.value for o in current.options}
    for key, value in changes.items():
        renderer.notice(
            _("  {key}: {before} → {value}").format(key=key, before=before[key], value=value)
        )
    delta = ops.options_price_change(current, changes)
    if delta is not None and delta.amount:
        renderer.notice(
            _("  each renewal changes by {amount:+} {currency}").format(
                amount=delta.amount, currency=delta.currency
            )
        )
    if dry_run:
        renderer.notice(_("dry run: nothing was sent"))
        return
    if delta is not None and delta.amount > 0:
        confirm(
            app_ctx,
            yes,
            _(
                "Change the options of service {service_id}? The rest of this period is invoiced."
            ).format(service_id=service_id),
        )
    updated = ops.update_options(driver, service_id, changes)
    renderer.listing(updated.options, ServiceOption, what="configurable options")
    if updated.invoice_id is not None:
        renderer.notice(
            _("invoice {invoice_id} was issued for the rest of this period").format(
                invoice_id=updated.invoice_id
            )
        )

"""`services cancel|upgrade --via-ticket`: ask in a support ticket for what the provider's API
cannot do (see ops/service_tickets.py). Shows the ticket, asks, then opens it."""

from typing import TYPE_CHECKING, Annotated

import typer

from clientarea_cli.cli import values
from clientarea_cli.cli.context import AppContext
from clientarea_cli.i18n import _

if TYPE_CHECKING:
    from clientarea_cli.ops.service_tickets import TicketRequest
    from clientarea_cli.output.render import Renderer

ViaTicketOpt = Annotated[
    bool,
    typer.Option(
        "--via-ticket",
        help="Ask for it in a support ticket instead (for providers whose API cannot do it).",
    ),
]
DepartmentOpt = Annotated[
    str | None,
    typer.Option(
        "--department",
        help="With --via-ticket: the department (id or name); billing or sales by default.",
        metavar="DEPT",
        autocompletion=values.DEPARTMENTS,
    ),
]


def wanted(via_ticket: bool, department: str | None) -> bool:
    """Whether to ask by ticket; `--department` alone is a usage error."""
    if department is not None and not via_ticket:
        from clientarea_cli.errors import UsageError

        raise UsageError(_("--department goes with --via-ticket"))
    return via_ticket


def _preview(renderer: "Renderer", request: "TicketRequest") -> None:
    ticket = request.ticket
    renderer.notice(_("This ticket goes to {name}:").format(name=request.department.name))
    renderer.notice(_("  subject  {subject}").format(subject=ticket.subject))
    renderer.notice(_("  service  {service_id}").format(service_id=ticket.service_id))
    for line in ticket.message.splitlines():
        renderer.notice(f"  | {line}".rstrip())


def send(
    app_ctx: AppContext,
    renderer: "Renderer",
    request: "TicketRequest",
    *,
    dry_run: bool,
    yes: bool,
) -> None:
    """Show the ticket; on a dry run stop there, else confirm and open it."""
    from clientarea_cli.cli.commands.domain_records import confirm
    from clientarea_cli.cli.commands.tickets import show_opened
    from clientarea_cli.ops import tickets as ops

    _preview(renderer, request)
    if dry_run:
        if not renderer.is_table:
            renderer.one(request.draft())
        renderer.notice(_("dry run: nothing was sent"))
        return
    confirm(
        app_ctx,
        yes,
        _("Open this ticket to {department}?").format(department=request.department.name),
    )
    opened = ops.open_ticket(app_ctx.driver(), request.ticket)
    show_opened(renderer, opened)


def cancel(
    ctx: typer.Context,
    service_id: int,
    when: str,
    reason: str | None,
    department: str | None,
    *,
    dry_run: bool,
    yes: bool,
    output: str | None,
) -> None:
    from clientarea_cli.ops import lifecycle
    from clientarea_cli.ops import service_tickets as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    timing = lifecycle.parse_when(when)
    text = lifecycle.check_reason(reason)
    request = ops.cancellation_request(app_ctx.driver(), service_id, timing, text, department)
    send(app_ctx, renderer, request, dry_run=dry_run, yes=yes)


def upgrade(
    ctx: typer.Context,
    service_id: int,
    to: str | None,
    cycle: str | None,
    department: str | None,
    *,
    dry_run: bool,
    yes: bool,
    output: str | None,
) -> None:
    from clientarea_cli.errors import UsageError
    from clientarea_cli.ops import lifecycle
    from clientarea_cli.ops import service_tickets as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    if to is None:
        raise UsageError(_("--via-ticket needs --to: the plan to move to"))
    wanted = lifecycle.parse_cycle(cycle) if cycle else None
    request = ops.upgrade_request(app_ctx.driver(), service_id, to, wanted, department)
    send(app_ctx, renderer, request, dry_run=dry_run, yes=yes)

"""`clientarea tickets …`: support tickets to the provider's departments."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clientarea_cli.cli import values
from clientarea_cli.cli.context import DEFAULT_LIMIT, AppContext
from clientarea_cli.cli.options import AllOpt, LimitOpt, NoHeadersOpt, OutputOpt, columns_of
from clientarea_cli.i18n import _
from clientarea_cli.models.choices import TICKET_PRIORITIES, TICKET_STATUSES

if TYPE_CHECKING:
    from clientarea_cli.models import Ticket, TicketDraft, TicketMessage
    from clientarea_cli.output.render import Renderer

app = typer.Typer(help="Support tickets: open, list, read, reply, close.", no_args_is_help=True)

TicketArg = Annotated[
    str,
    typer.Argument(
        metavar="TICKET",
        help="The ticket's id or number (701, TKT-803420).",
        autocompletion=values.TICKETS,
    ),
]
MessageOpt = Annotated[
    str | None, typer.Option("--message", "-m", help="The message text.", metavar="TEXT")
]
MessageFileOpt = Annotated[
    Path | None,
    typer.Option(
        "--message-file", "-F", help="Read the message from FILE (- for stdin).", metavar="FILE"
    ),
]
AttachOpt = Annotated[
    list[Path] | None,
    typer.Option("--attach", help="Attach a file (repeat for more).", metavar="FILE"),
]
DryRunOpt = Annotated[
    bool, typer.Option("--dry-run", help="Show what would be sent; send nothing.")
]


@app.command("departments")
def departments(
    ctx: typer.Context,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("Department")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List the departments a ticket can be opened to.

    Example: clientarea tickets departments
    """
    from clientarea_cli.models import Department
    from clientarea_cli.ops import tickets as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    renderer.listing(ops.list_departments(app_ctx.driver()), Department, what="departments")


@app.command("list")
def list_(
    ctx: typer.Context,
    status: Annotated[
        str | None,
        typer.Option(
            help="open, answered, customer-reply, on-hold, closed or all (the default).",
            autocompletion=values.choices((*TICKET_STATUSES, "all")),
            metavar="STATUS",
        ),
    ] = None,
    limit: LimitOpt = None,
    all_items: AllOpt = False,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("TicketSummary")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List your tickets, most recently active first.

    Example: clientarea tickets list --status answered
    """
    from clientarea_cli.models import TicketSummary
    from clientarea_cli.ops import filters
    from clientarea_cli.ops import tickets as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    wanted = ops.parse_status(status)
    count = filters.parse_limit(limit, all_items=all_items, default=DEFAULT_LIMIT)
    listing = ops.list_tickets(app_ctx.driver(), wanted, count)
    renderer.listing(listing.items, TicketSummary, total=listing.total, what="tickets")


def _thread(renderer: "Renderer", ticket: "Ticket") -> None:
    """The ticket's head as key/values, then each message with its author and date."""
    renderer.key_values([
        ("ticket", f"#{ticket.id} {ticket.number}"), ("subject", ticket.subject),
        ("department", ticket.department), ("status", ticket.status),
        ("priority", ticket.priority), ("service", ticket.service_id), ("domain", ticket.domain),
        ("opened", ticket.created_at), ("last reply", ticket.last_reply_at),
    ], model=type(ticket).__name__)  # fmt: skip
    for message in ticket.messages:
        _message(renderer, message)


def _message(renderer: "Renderer", message: "TicketMessage") -> None:
    from clientarea_cli.output.cells import cell as text

    who = (
        _("{author} (staff)").format(author=message.author)
        if message.from_staff
        else message.author
    )
    lines = ["", f"--- {who}, {text(message.created_at)}", message.body.rstrip("\n")]
    lines += [
        _("[attached: {name}, {size} bytes]").format(name=a.name, size=a.size)
        for a in message.attachments
    ]
    renderer.stdout.write("\n".join(lines) + "\n")


def _draft(renderer: "Renderer", draft: "TicketDraft") -> None:
    """What would be sent: the fields that are set, then the message."""
    if not renderer.is_table:
        renderer.one(draft)
        return
    fields = draft.model_dump(exclude={"message", "attachments"}, exclude_none=True)
    pairs = [(name, value) for name, value in fields.items()]
    pairs += [("attachment", name) for name in draft.attachments]
    renderer.key_values(pairs)
    renderer.stdout.write("\n" + draft.message + "\n")


@app.command("show")
def show(ctx: typer.Context, ticket_ref: TicketArg, output: OutputOpt = None) -> None:
    """Show a ticket with its whole thread, oldest message first.

    Example: clientarea tickets show TKT-803420
    """
    from clientarea_cli.ops import refs
    from clientarea_cli.ops import tickets as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    driver = app_ctx.driver()
    ticket = ops.get_ticket(driver, refs.ticket_id(driver, ticket_ref))
    if renderer.own_layout:
        _thread(renderer, ticket)
    else:
        renderer.one(ticket)


@app.command("open")
def open_(
    ctx: typer.Context,
    department: Annotated[
        str,
        typer.Option(
            help="Department id or name (see `tickets departments`).",
            metavar="DEPT",
            autocompletion=values.DEPARTMENTS,
        ),
    ],
    subject: Annotated[str, typer.Option(help="One line saying what it is about.", metavar="TEXT")],
    service: Annotated[
        int | None,
        typer.Option(
            help="The service it is about (id).", metavar="SERVICE", autocompletion=values.SERVICES
        ),
    ] = None,
    domain: Annotated[
        str | None,
        typer.Option(
            help="The domain it is about.", metavar="DOMAIN", autocompletion=values.DOMAINS
        ),
    ] = None,
    priority: Annotated[
        str,
        typer.Option(
            help="low, medium or high.",
            metavar="LEVEL",
            autocompletion=values.choices(TICKET_PRIORITIES),
        ),
    ] = "medium",
    message: MessageOpt = None,
    message_file: MessageFileOpt = None,
    attach: AttachOpt = None,
    dry_run: DryRunOpt = False,
    output: OutputOpt = None,
) -> None:
    """Open a ticket to a department, about a service or a domain if you name one.

    The message comes from --message, --message-file, standard input, or your $EDITOR on a terminal. Files given with --attach are checked against the provider's limits (count, size, type) before anything is sent.

    Example: clientarea tickets open --department support --service 103 --subject "No e-mail" -m "Since Monday…"
    """
    from clientarea_cli.cli.text_input import read_message
    from clientarea_cli.errors import UsageError
    from clientarea_cli.models import NewTicket
    from clientarea_cli.ops import tickets as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    if service is not None and domain is not None:
        raise UsageError(_("name the service or the domain, not both (--service or --domain)"))
    checked_subject = ops.checked_subject(subject)
    level = ops.parse_priority(priority)
    files = ops.existing_files(attach or [])
    text, source = read_message(app_ctx, message, message_file, about=f"Ticket: {subject}")
    body = ops.checked_message(text, source)
    driver = app_ctx.driver()
    chosen = ops.find_department(ops.list_departments(driver), department)
    uploads = ops.read_attachments(files, ops.attachment_limits(driver, files))
    ticket = NewTicket(
        department_id=chosen.id, subject=checked_subject, message=body, priority=level,
        service_id=service, domain=domain.strip().lower() if domain else None, attachments=uploads,
    )  # fmt: skip
    if dry_run:
        _draft(renderer, ops.draft(ticket, chosen))
        renderer.notice(_("dry run: nothing was sent; this ticket would be opened"))
        return
    show_opened(renderer, ops.open_ticket(driver, ticket))


def show_opened(renderer: "Renderer", opened: "Ticket") -> None:
    """A ticket just opened: its thread (or the model) on stdout, its number on stderr."""
    if renderer.is_table:
        _thread(renderer, opened)
        renderer.notice(
            _("opened ticket {id} ({number}) to {department}").format(
                id=opened.id, number=opened.number, department=opened.department
            )
        )
    else:
        renderer.one(opened)


@app.command("reply")
def reply(
    ctx: typer.Context,
    ticket_ref: TicketArg,
    message: MessageOpt = None,
    message_file: MessageFileOpt = None,
    attach: AttachOpt = None,
    dry_run: DryRunOpt = False,
    output: OutputOpt = None,
) -> None:
    """Reply to a ticket (a closed ticket is reopened).

    The message comes from --message, --message-file, standard input, or your $EDITOR on a terminal.

    Example: clientarea tickets reply 701 --message-file answer.txt --attach screenshot.png
    """
    from clientarea_cli.cli.text_input import read_message
    from clientarea_cli.models import TicketDraft
    from clientarea_cli.ops import refs
    from clientarea_cli.ops import tickets as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    files = ops.existing_files(attach or [])
    text, source = read_message(
        app_ctx, message, message_file, about=f"Reply to ticket {ticket_ref}"
    )
    body = ops.checked_message(text, source)
    driver = app_ctx.driver()
    ticket_id = refs.ticket_id(driver, ticket_ref)
    ticket = ops.get_ticket(driver, ticket_id)
    uploads = ops.read_attachments(files, ops.attachment_limits(driver, files))
    if dry_run:
        draft = TicketDraft(
            ticket_id=ticket.id, subject=ticket.subject, message=body,
            attachments=[ops.describe(u) for u in uploads],
        )  # fmt: skip
        _draft(renderer, draft)
        state = "reopened" if ticket.status == "closed" else "marked customer-reply"
        renderer.notice(
            _("dry run: nothing was sent; this reply would be added ({state})").format(state=state)
        )
        return
    sent = ops.reply(driver, ticket_id, body, uploads)
    if renderer.is_table:
        _message(renderer, sent)
        renderer.notice(
            _("replied to ticket {ticket_id} ({number})").format(
                ticket_id=ticket_id, number=ticket.number
            )
        )
    else:
        renderer.one(sent)


@app.command("close")
def close(
    ctx: typer.Context, ticket_ref: TicketArg, dry_run: DryRunOpt = False, output: OutputOpt = None
) -> None:
    """Close a ticket (closing a closed ticket changes nothing).

    Example: clientarea tickets close 702
    """
    from clientarea_cli.ops import refs
    from clientarea_cli.ops import tickets as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    driver = app_ctx.driver()
    ticket_id = refs.ticket_id(driver, ticket_ref)
    if dry_run:
        ticket = ops.get_ticket(driver, ticket_id)
        renderer.notice(
            _("dry run: nothing was sent; ticket {id} ({subject}) would be closed").format(
                id=ticket.id, subject=ticket.subject
            )
        )
        return
    closed = ops.close(driver, ticket_id)
    if renderer.is_table:
        renderer.notice(
            _("closed ticket {id} ({number}): {subject}").format(
                id=closed.id, number=closed.number, subject=closed.subject
            )
        )
    else:
        renderer.one(closed)

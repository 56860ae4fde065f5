"""`clientarea services password|credentials|login-url|mailboxes|usage`: a service's control
panel, its mailboxes and its usage. Passwords come from a hidden prompt or standard input, never
from the command line."""

from typing import TYPE_CHECKING, Annotated

import typer

from clientarea_cli.cli.commands.service_lifecycle import confirm
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

if TYPE_CHECKING:
    from clientarea_cli.models.lifecycle import ServiceUsage
    from clientarea_cli.output.render import Renderer

mailboxes_app = typer.Typer(
    help="List, create or delete the mailboxes of a hosting service.\n\n"
    "Example: clientarea services mailboxes list 101",
    no_args_is_help=True,
)
AddressArg = Annotated[
    str,
    typer.Argument(
        metavar="ADDRESS",
        help="The mailbox: info@example.com, or just info (at the service's domain).",
    ),
]


def password(ctx: typer.Context, service_id: ServiceArg) -> None:
    """Set a new control-panel password for a service.

    The password is read from a hidden prompt (asked twice) on a terminal, else from the first line of standard input; never from the command line. It is checked before it is sent: 10 to 128 characters, at least three of lower-case letters, upper-case letters, digits and symbols, and not containing the panel's user name.

    Example: printf '%s\\n' "$NEW_PASSWORD" | clientarea services password 101
    """
    from clientarea_cli.cli.text_input import read_secrets
    from clientarea_cli.ops import service_panel as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer()
    driver = app_ctx.driver()
    user = ops.credentials(driver, service_id).username  # also: it exists and has a panel
    (secret,) = read_secrets(app_ctx, [(f"New panel password for {user}", True)])
    ops.change_password(driver, service_id, ops.check_password(secret, user))
    renderer.notice(
        _("changed the control-panel password of service {service_id} ({user})").format(
            service_id=service_id, user=user
        )
    )


def credentials(
    ctx: typer.Context,
    service_id: ServiceArg,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("ServiceCredentials")] = None,
) -> None:
    """Show how to reach a service's control panel: user name, server and panel URL.

    The password is shown only when the provider keeps it retrievable; otherwise set a new one with `services password`.

    Example: clientarea services credentials 101
    """
    from clientarea_cli.ops import service_panel as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns)
    found = ops.credentials(app_ctx.driver(), service_id)
    renderer.one(found)
    if found.password is None:
        renderer.notice(
            _(
                "the password is not retrievable: set a new one with `clientarea services password {service_id}`"
            ).format(service_id=service_id)
        )


def login_url(
    ctx: typer.Context,
    service_id: ServiceArg,
    open_it: Annotated[
        bool, typer.Option("--open", help="Open the link in your web browser.")
    ] = False,
    output: OutputOpt = None,
) -> None:
    """Get a one-time link that logs into the service's control panel.

    The link works once and expires within minutes; each call makes a new one. It is printed on standard output, and opened in the web browser only with --open.

    Example: clientarea services login-url 101 --open
    """
    from clientarea_cli.ops import service_panel as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    link = ops.login_url(app_ctx.driver(), service_id)
    if renderer.is_table:
        typer.echo(link.url)
        renderer.notice(
            _("valid once, until {expires_at:%Y-%m-%d %H:%M} UTC").format(
                expires_at=link.expires_at
            )
        )
    else:
        renderer.one(link)
    if open_it:
        import webbrowser

        if not webbrowser.open(link.url):
            renderer.warn(_("no web browser could be opened; use the link above"))


# -- mailboxes ----------------------------------------------------------------------------------


@mailboxes_app.command("list")
def mailboxes_list(
    ctx: typer.Context,
    service_id: ServiceArg,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("Mailbox")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List the mailboxes of a hosting service, with their quota and use (MB).

    Example: clientarea services mailboxes list 101 -o csv
    """
    from clientarea_cli.models.lifecycle import Mailbox
    from clientarea_cli.ops import service_panel as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    renderer.listing(ops.list_mailboxes(app_ctx.driver(), service_id), Mailbox, what="mailboxes")


@mailboxes_app.command("create")
def mailboxes_create(
    ctx: typer.Context,
    service_id: ServiceArg,
    address: AddressArg,
    quota: Annotated[
        int | None,
        typer.Option("--quota", help="Quota in MB (default: the plan's).", metavar="MB"),
    ] = None,
    dry_run: DryRunOpt = False,
    output: OutputOpt = None,
) -> None:
    """Create a mailbox at the domain of a hosting service.

    Its password is read from a hidden prompt (asked twice) on a terminal, else from the first line of standard input, and checked before it is sent (the rule of `services password`, not containing the mailbox's name).

    Example: printf '%s\\n' "$MAIL_PASSWORD" | clientarea services mailboxes create 101 ventas --quota 2048
    """
    from clientarea_cli.cli.text_input import read_secrets
    from clientarea_cli.errors import UsageError
    from clientarea_cli.ops import service_panel as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    if quota is not None and quota < 1:
        raise UsageError(
            _("invalid --quota: {quota} (a number of MB, 1 or more)").format(quota=quota)
        )
    driver = app_ctx.driver()
    service = ops.get_service(driver, service_id)
    full = ops.mailbox_address(service, address)
    size = f"{quota} MB" if quota else "the plan's default quota"
    if dry_run:
        renderer.notice(
            _("dry run: nothing was sent; {full} would be created with {size}").format(
                full=full, size=size
            )
        )
        return
    (secret,) = read_secrets(app_ctx, [(f"Password for {full}", True)])
    ops.check_password(secret, full.partition("@")[0])
    renderer.one(ops.create_mailbox(driver, service_id, full, secret, quota))


@mailboxes_app.command("delete")
def mailboxes_delete(
    ctx: typer.Context,
    service_id: ServiceArg,
    address: AddressArg,
    dry_run: DryRunOpt = False,
    yes: YesOpt = False,
) -> None:
    """Delete a mailbox and all its mail (asks first; --yes to skip).

    Example: clientarea services mailboxes delete 101 ventas@garcia-hosting.es --yes
    """
    from clientarea_cli.ops import service_panel as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer()
    driver = app_ctx.driver()
    full = ops.mailbox_address(ops.get_service(driver, service_id), address)
    if dry_run:
        renderer.notice(
            _("dry run: nothing was sent; {full} and its mail would be deleted").format(full=full)
        )
        return
    confirm(app_ctx, yes, _("Delete the mailbox {full} and all its mail?").format(full=full))
    ops.delete_mailbox(driver, service_id, full)
    renderer.notice(_("deleted the mailbox {full}").format(full=full))


# -- usage --------------------------------------------------------------------------------------


def _share(used: int, limit: int | None) -> str:
    if limit is None:
        return f"{used} MB (unlimited)"
    return f"{used} MB of {limit} MB ({100 * used / limit:.1f} %)"


def _print_usage(renderer: "Renderer", found: "ServiceUsage") -> None:
    renderer.key_values([
        ("disk", _share(found.disk_used_mb, found.disk_limit_mb)),
        ("bandwidth", _share(found.bandwidth_used_mb, found.bandwidth_limit_mb)),
        ("period", f"{found.period_start} … {found.period_end}"),
        ("updated_at", found.updated_at),
    ])  # fmt: skip


def usage(
    ctx: typer.Context,
    service_id: ServiceArg,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("ServiceUsage")] = None,
) -> None:
    """Show a service's disk use and its bandwidth this month, against the plan's limits.

    Example: clientarea services usage 101 -o json
    """
    from clientarea_cli.ops import service_panel as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns)
    found = ops.usage(app_ctx.driver(), service_id)
    if renderer.own_layout:
        _print_usage(renderer, found)
    else:
        renderer.one(found)

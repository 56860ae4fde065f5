"""`clientarea domains nameservers|child-ns|contacts|dns|epp`: what hangs off one domain.

The contacts commands live in `domain_contacts` (registered on `contacts_app` below).
"""

from typing import TYPE_CHECKING, Annotated

import typer

from clientarea_cli.cli import values
from clientarea_cli.cli.context import AppContext
from clientarea_cli.cli.lazy import lazy_commands
from clientarea_cli.cli.options import (
    DomainArg,
    DryRunOpt,
    NoHeadersOpt,
    OutputOpt,
    YesOpt,
    columns_of,
)
from clientarea_cli.i18n import _
from clientarea_cli.models.choices import DNS_RECORD_TYPES

if TYPE_CHECKING:
    from pydantic import BaseModel

    from clientarea_cli.output.render import Renderer

HERE = "clientarea_cli.cli.commands"
# `set` (a bulk command) and the contact commands live in their own modules (cli/lazy.py).
nameservers_app = typer.Typer(
    cls=lazy_commands(
        {
            "set": (
                f"{HERE}.domain_bulk:nameservers_set",
                "Set the name servers (2 to 5) of one domain or many.",
            )
        }
    ),
    help="Show or set a domain's name servers.\n\nExample: clientarea domains nameservers show example.es",
    no_args_is_help=True,
)
child_ns_app = typer.Typer(
    help="Register child name servers (glue records) under a domain.\n\n"
    "Example: clientarea domains child-ns add example.es ns1 --ip 192.0.2.53",
    no_args_is_help=True,
)
contacts_app = typer.Typer(
    cls=lazy_commands(
        {
            "show": (
                f"{HERE}.domain_contacts:show",
                "Show the registrant, admin, tech and billing contacts: a row per role.",
            ),
            "set": (
                f"{HERE}.domain_contacts:set_",
                "Change some of the domain's contacts: shows the changes, then asks (--yes to skip).",
            ),
        }
    ),
    help="Show or set a domain's registrant, admin, tech and billing contacts.\n\n"
    "Example: clientarea domains contacts show example.es",
    no_args_is_help=True,
)
dns_app = typer.Typer(
    help="Manage the DNS records of a domain's zone.\n\n"
    "Example: clientarea domains dns add example.es A www 192.0.2.10",
    no_args_is_help=True,
)

HostArg = Annotated[
    str,
    typer.Argument(
        help="The child name server: ns1.example.es, or just ns1.",
        metavar="HOST",
        show_default=False,
    ),
]
IpsOpt = Annotated[
    list[str] | None,
    typer.Option("--ip", help="An IPv4 or IPv6 address (repeat for more, 1 to 13).", metavar="IP"),
]
RecordIdArg = Annotated[
    int, typer.Argument(metavar="RECORD_ID", help="The record's id (see `dns list`).")
]
TtlOpt = Annotated[
    int | None, typer.Option("--ttl", help="Seconds, 60 to 86400.", metavar="SECONDS")
]
PriorityOpt = Annotated[
    int | None, typer.Option("--priority", help="MX and SRV only: 0 to 65535.", metavar="N")
]


def confirm(app_ctx: AppContext, yes: bool, question: str) -> None:
    """Ask on a TTY; without one, `--yes` is required (exit 2 naming it)."""
    from clientarea_cli.cli.confirm import yes_no
    from clientarea_cli.errors import ConfirmationRequired, Declined

    if yes or app_ctx.options.yes:
        return
    if not app_ctx.can_prompt():
        raise ConfirmationRequired("--yes")
    if not yes_no(question):
        raise Declined(_("cancelled; nothing was changed"))


def dry_run_show(renderer: "Renderer", item: "BaseModel", what: str) -> None:
    renderer.one(item)
    renderer.notice(_("dry run: nothing was sent; {what}").format(what=what))


# -- name servers -------------------------------------------------------------------------------


@nameservers_app.command("show")
def nameservers_show(
    ctx: typer.Context,
    domain: DomainArg,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("Nameserver")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """Show a domain's name servers, one per line.

    Example: clientarea domains nameservers show example.es -o tsv --no-headers
    """
    from clientarea_cli.models.domain_records import Nameserver
    from clientarea_cli.ops import domain_records as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    servers = ops.show_nameservers(app_ctx.driver(), domain)
    renderer.listing(servers, Nameserver, what="name servers")


# -- child name servers -------------------------------------------------------------------------


@child_ns_app.command("list")
def child_ns_list(
    ctx: typer.Context,
    domain: DomainArg,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("ChildNameserver")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List the child name servers (host names under the domain, with their IPs).

    Example: clientarea domains child-ns list example.es
    """
    from clientarea_cli.models.domain_records import ChildNameserver
    from clientarea_cli.ops import domain_records as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    servers = ops.list_child_nameservers(app_ctx.driver(), domain)
    renderer.listing(servers, ChildNameserver, what="child name servers")


@child_ns_app.command("add")
def child_ns_add(
    ctx: typer.Context,
    domain: DomainArg,
    host: HostArg,
    ip: IpsOpt = None,
    dry_run: DryRunOpt = False,
    output: OutputOpt = None,
) -> None:
    """Register a child name server under the domain, with its IP addresses.

    Example: clientarea domains child-ns add example.es ns1 --ip 192.0.2.53 --ip 2001:db8::53
    """
    from clientarea_cli.ops import domain_records as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    server = ops.child_nameserver(domain, host, ip or [])
    if dry_run:
        dry_run_show(renderer, server, "this child name server would be registered")
        return
    renderer.one(ops.add_child_nameserver(app_ctx.driver(), domain, server))


@child_ns_app.command("update")
def child_ns_update(
    ctx: typer.Context,
    domain: DomainArg,
    host: HostArg,
    ip: IpsOpt = None,
    dry_run: DryRunOpt = False,
    output: OutputOpt = None,
) -> None:
    """Replace the IP addresses of a child name server (give them all).

    Example: clientarea domains child-ns update example.es ns1.example.es --ip 192.0.2.54
    """
    from clientarea_cli.ops import domain_records as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    server = ops.child_nameserver(domain, host, ip or [])
    if dry_run:
        dry_run_show(renderer, server, "the child name server would get these addresses")
        return
    renderer.one(ops.update_child_nameserver(app_ctx.driver(), domain, server))


@child_ns_app.command("remove")
def child_ns_remove(
    ctx: typer.Context,
    domain: DomainArg,
    host: HostArg,
    dry_run: DryRunOpt = False,
    yes: YesOpt = False,
) -> None:
    """Remove a child name server (refused while some domain still uses it).

    Example: clientarea domains child-ns remove example.es ns2 --yes
    """
    from clientarea_cli.ops import domain_records as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer()
    name = ops.child_host(domain, host)
    if dry_run:
        renderer.notice(
            _("dry run: nothing was sent; {name} would be removed from {domain}").format(
                name=name, domain=domain
            )
        )
        return
    confirm(
        app_ctx,
        yes,
        _("Remove the child name server {name} of {domain}?").format(name=name, domain=domain),
    )
    ops.remove_child_nameserver(app_ctx.driver(), domain, name)
    renderer.notice(_("removed the child name server {name}").format(name=name))


# -- EPP code (registered on `domains` as `domains epp`) ---------------------------------------


def epp(ctx: typer.Context, domain: DomainArg, output: OutputOpt = None) -> None:
    """Show the domain's transfer (EPP/auth) code, or where the registry e-mailed it.

    Example: clientarea domains epp example.com
    """
    from clientarea_cli.ops import domain_records as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    code = ops.get_epp_code(app_ctx.driver(), domain)
    if not renderer.is_table:
        renderer.one(code)
    elif code.code is not None:
        renderer.key_values([("code", code.code)])
    else:
        typer.echo(
            _("The registry does not let the provider show it: it was e-mailed to {value}.").format(
                value=code.emailed_to or "the registrant"
            )
        )


# -- DNS records --------------------------------------------------------------------------------


@dns_app.command("list")
def dns_list(
    ctx: typer.Context,
    domain: DomainArg,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("DnsRecord")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List the records of the domain's zone (apex first).

    Example: clientarea domains dns list example.es -o json
    """
    from clientarea_cli.models.domain_records import DnsRecord
    from clientarea_cli.ops import domain_records as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    records = ops.list_dns_records(app_ctx.driver(), domain)
    renderer.listing(records, DnsRecord, what="DNS records")


@dns_app.command("add")
def dns_add(
    ctx: typer.Context,
    domain: DomainArg,
    kind: Annotated[
        str,
        typer.Argument(
            metavar="TYPE",
            help="A, AAAA, CNAME, MX, TXT, SRV or CAA.",
            autocompletion=values.choices(DNS_RECORD_TYPES),
        ),
    ],
    name: Annotated[
        str, typer.Argument(help="Relative name: @ (the apex), www, _sip._tcp.", metavar="NAME")
    ],
    value: Annotated[
        str,
        typer.Argument(
            help='An IP, a host name, text, "weight port target" (SRV), or flags tag "value" (CAA).',
            metavar="VALUE",
        ),
    ],
    ttl: TtlOpt = None,
    priority: PriorityOpt = None,
    dry_run: DryRunOpt = False,
    output: OutputOpt = None,
) -> None:
    """Add a record to the domain's zone.

    Example: clientarea domains dns add example.es MX @ mail.example.es --priority 10
    """
    from clientarea_cli.ops import domain_records as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    record = ops.dns_record(domain, kind, name, value, 3600 if ttl is None else ttl, priority)
    if dry_run:
        dry_run_show(renderer, record, "this record would be added")
        return
    renderer.one(ops.add_dns_record(app_ctx.driver(), domain, record))


@dns_app.command("update")
def dns_update(
    ctx: typer.Context,
    domain: DomainArg,
    record_id: RecordIdArg,
    kind: Annotated[
        str | None,
        typer.Option(
            "--type",
            help="A new type.",
            metavar="TYPE",
            autocompletion=values.choices(DNS_RECORD_TYPES),
        ),
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help="A new relative name.")] = None,
    value: Annotated[str | None, typer.Option("--value", help="A new value.")] = None,
    ttl: TtlOpt = None,
    priority: PriorityOpt = None,
    dry_run: DryRunOpt = False,
    output: OutputOpt = None,
) -> None:
    """Change a record: the fields given replace the record's, the others stay.

    Example: clientarea domains dns update example.es 42 --value 192.0.2.20 --ttl 300
    """
    from clientarea_cli.errors import UsageError
    from clientarea_cli.ops import domain_records as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    if all(v is None for v in (kind, name, value, ttl, priority)):
        raise UsageError(_("nothing to change: give --type, --name, --value, --ttl or --priority"))
    ops.check_record_changes(kind, ttl, priority)
    driver = app_ctx.driver()
    current = ops.find_dns_record(driver, domain, record_id)
    record = ops.merged_dns_record(
        domain, current, kind=kind, name=name, value=value, ttl=ttl, priority=priority
    )
    if record == current.as_input():
        renderer.notice(
            _("nothing to change: record {record_id} already is so").format(record_id=record_id)
        )
        return
    if dry_run:
        dry_run_show(renderer, record, f"record {record_id} would become this")
        return
    renderer.one(ops.update_dns_record(driver, domain, record_id, record))


@dns_app.command("remove")
def dns_remove(
    ctx: typer.Context,
    domain: DomainArg,
    record_id: RecordIdArg,
    dry_run: DryRunOpt = False,
    yes: YesOpt = False,
) -> None:
    """Remove a record from the domain's zone (asks first; --yes to skip).

    Example: clientarea domains dns remove example.es 42 --yes
    """
    from clientarea_cli.ops import domain_records as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer()
    driver = app_ctx.driver()
    record = ops.find_dns_record(driver, domain, record_id)
    shown = f"{record.type} {record.name} {record.value}"
    if dry_run:
        renderer.notice(
            _("dry run: nothing was sent; record {record_id} ({shown}) would be removed").format(
                record_id=record_id, shown=shown
            )
        )
        return
    confirm(
        app_ctx,
        yes,
        _("Remove the record {record_id} ({shown}) of {domain}?").format(
            record_id=record_id, shown=shown, domain=domain
        ),
    )
    ops.remove_dns_record(driver, domain, record_id)
    renderer.notice(
        _("removed record {record_id} ({shown})").format(record_id=record_id, shown=shown)
    )

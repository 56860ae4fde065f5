"""`clientarea domains …`: list and show domains; the bulk and per-domain commands are wired in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from clientarea_cli.cli.context import DEFAULT_LIMIT, AppContext
from clientarea_cli.cli.options import AllOpt, ColumnsOpt, LimitOpt, NoHeadersOpt, OutputOpt

if TYPE_CHECKING:
    from clientarea_cli.models import DomainRecurring
    from clientarea_cli.output.render import Renderer

app = typer.Typer(
    help="Domains: list, renew, recurring payment, DNS, bulk changes.", no_args_is_help=True
)


@app.command("list")
def list_(
    ctx: typer.Context,
    tld: Annotated[str | None, typer.Option(help="Only this TLD, e.g. es or .com.")] = None,
    expiring_within: Annotated[
        str | None,
        typer.Option(help="Only domains expiring within this period: 30d, 6w, 3m, 1y."),
    ] = None,
    auto_renew: Annotated[
        str | None, typer.Option("--auto-renew", help="on or off.", metavar="on|off")
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(help="active, pending, expired, grace, redemption, suspended, cancelled."),
    ] = None,
    limit: LimitOpt = None,
    all_items: AllOpt = False,
    output: OutputOpt = None,
    columns: ColumnsOpt = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List domains, soonest expiry first.

    Example: clientarea domains list --expiring-within 30d --auto-renew off -o json
    """
    from clientarea_cli.models import DomainFilter
    from clientarea_cli.models.domains import DOMAIN_STATUSES
    from clientarea_cli.ops import domains, filters

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    wanted = DomainFilter(
        tld=filters.parse_tld(tld) if tld is not None else None,
        expiring_within_days=(
            filters.parse_days(expiring_within, "--expiring-within")
            if expiring_within is not None
            else None
        ),
        auto_renew=(
            filters.parse_on_off(auto_renew, "--auto-renew") if auto_renew is not None else None
        ),
        status=(
            filters.parse_choice(status, DOMAIN_STATUSES, "--status")
            if status is not None
            else None
        ),
    )
    count = filters.parse_limit(limit, all_items=all_items, default=DEFAULT_LIMIT)
    driver = app_ctx.driver()
    listing = domains.list_domains(driver, wanted, limit=count)
    from clientarea_cli.models import Domain

    if renderer.is_table:
        _label_recurring(renderer, domains.recurring_labels(driver, listing.items))

    renderer.listing(listing.items, Domain, total=listing.total, what="domains")


@app.command("show")
def show(
    ctx: typer.Context,
    domain: Annotated[str, typer.Argument(help="Domain name or id.", metavar="DOMAIN")],
    output: OutputOpt = None,
    columns: ColumnsOpt = None,
) -> None:
    """Show one domain: dates, price, auto-renew, recurring payment, lock, name servers.

    Example: clientarea domains show example.es
    """
    from clientarea_cli.ops import domains

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns)
    driver = app_ctx.driver()
    found = domains.show_domain(driver, domain)
    if renderer.is_table:
        _label_recurring(renderer, domains.recurring_labels(driver, [found]))
    renderer.one(found)


def _label_recurring(renderer: Renderer, labels: dict[int, str]) -> None:
    """Tables name the card that pays (`Visa ···4242`) instead of its id."""
    from clientarea_cli.output.cells import cell

    def text(recurring: DomainRecurring) -> str:
        label = labels.get(recurring.payment_method_id or -1)
        return label if recurring.enabled and label else cell(recurring)

    renderer.formatters["recurring"] = text


def _register_record_commands() -> None:
    """Sub-groups about one domain live in their own module (`domain_records`)."""
    from clientarea_cli.cli.commands import catalog, domain_bulk, domain_records

    app.command("renew")(domain_bulk.renew)
    app.command("recur")(domain_bulk.recur)
    app.command("autorenew")(domain_bulk.autorenew)
    app.command("lock")(domain_bulk.lock)
    app.command("privacy")(domain_bulk.privacy)
    domain_records.nameservers_app.command("set")(domain_bulk.nameservers_set)
    app.add_typer(domain_records.nameservers_app, name="nameservers")
    app.add_typer(domain_records.child_ns_app, name="child-ns")
    app.add_typer(domain_records.contacts_app, name="contacts")
    app.add_typer(domain_records.dns_app, name="dns")
    app.command("epp")(domain_records.epp)
    app.command("check")(catalog.check)


_register_record_commands()

"""`clientarea domains …`: list and show domains; the bulk and per-domain commands are wired in.

Imports stay typer-only at the top (cli/context.py too is imported in the commands' bodies): a
Tab press below `domains` imports this module.
"""

from typing import TYPE_CHECKING, Annotated

import typer

from clientarea_cli.cli import values
from clientarea_cli.cli.lazy import lazy_commands
from clientarea_cli.cli.options import AllOpt, LimitOpt, NoHeadersOpt, OutputOpt, columns_of
from clientarea_cli.models.choices import DOMAIN_STATUSES

if TYPE_CHECKING:
    from clientarea_cli.models import DomainRecurring
    from clientarea_cli.output.render import Renderer

HERE = "clientarea_cli.cli.commands"
# Every command is built when named (cli/lazy.py); the bulk and per-domain ones live in their
# own modules, imported then.
app = typer.Typer(
    cls=lazy_commands(
        {
            "list": (f"{HERE}.domains:list_", "List domains, soonest expiry first."),
            "show": (
                f"{HERE}.domains:show",
                "Show one domain: dates, price, auto-renew, recurring payment, lock, name servers.",
            ),
            "renew": (
                f"{HERE}.domain_bulk:renew",
                "Renew domains early: one (proforma) renewal invoice per domain.",
            ),
            "recur": (
                f"{HERE}.domain_bulk:recur",
                "Switch recurring payment on (charged to a validated card) or off.",
            ),
            "autorenew": (
                f"{HERE}.domain_bulk:autorenew",
                "Switch auto-renew on or off: the provider issues the renewal invoice by itself.",
            ),
            "lock": (f"{HERE}.domain_bulk:lock", "Switch the registrar (transfer) lock on or off."),
            "privacy": (
                f"{HERE}.domain_bulk:privacy",
                "Switch WHOIS privacy (ID protection) on or off.",
            ),
            "epp": (
                f"{HERE}.domain_records:epp",
                "Show the domain's transfer (EPP/auth) code, or where the registry e-mailed it.",
            ),
            "check": (
                f"{HERE}.catalog:check",
                "Check whether domain names can be registered, and what registering, "
                "transferring and renewing each costs.",
            ),
            "nameservers": (
                f"{HERE}.domain_records:nameservers_app",
                "Show or set a domain's name servers.",
            ),
            "child-ns": (
                f"{HERE}.domain_records:child_ns_app",
                "Register child name servers (glue records) under a domain.",
            ),
            "contacts": (
                f"{HERE}.domain_records:contacts_app",
                "Show or set a domain's registrant, admin, tech and billing contacts.",
            ),
            "dns": (f"{HERE}.domain_records:dns_app", "Manage the DNS records of a domain's zone."),
        }
    ),
    help="Domains: list, renew, recurring payment, DNS, bulk changes.",
    no_args_is_help=True,
)


def list_(
    ctx: typer.Context,
    tld: Annotated[
        str | None, typer.Option(help="Only this TLD, e.g. es or .com.", autocompletion=values.tlds)
    ] = None,
    expiring_within: Annotated[
        str | None,
        typer.Option(help="Only domains expiring within this period: 30d, 6w, 3m, 1y."),
    ] = None,
    auto_renew: Annotated[
        str | None,
        typer.Option(
            "--auto-renew", help="on or off.", metavar="on|off", autocompletion=values.ON_OFF_VALUES
        ),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            help="active, pending, expired, grace, redemption, suspended, cancelled.",
            autocompletion=values.choices(DOMAIN_STATUSES),
        ),
    ] = None,
    limit: LimitOpt = None,
    all_items: AllOpt = False,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("Domain")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List domains, soonest expiry first.

    Example: clientarea domains list --expiring-within 30d --auto-renew off -o json
    """
    from clientarea_cli.cli.context import DEFAULT_LIMIT, AppContext
    from clientarea_cli.models import DomainFilter
    from clientarea_cli.models.choices import DOMAIN_STATUSES
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


def show(
    ctx: typer.Context,
    domain: Annotated[
        str,
        typer.Argument(help="Domain name or id.", metavar="DOMAIN", autocompletion=values.DOMAINS),
    ],
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("Domain")] = None,
) -> None:
    """Show one domain: dates, price, auto-renew, recurring payment, lock, name servers.

    Example: clientarea domains show example.es
    """
    from clientarea_cli.cli.context import AppContext
    from clientarea_cli.ops import domains

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns)
    driver = app_ctx.driver()
    found = domains.show_domain(driver, domain)
    if renderer.is_table:
        _label_recurring(renderer, domains.recurring_labels(driver, [found]))
    renderer.one(found)


def _label_recurring(renderer: "Renderer", labels: dict[int, str]) -> None:
    """Tables name the card that pays (`Visa ···4242`) instead of its id."""
    from clientarea_cli.output.cells import cell

    def text(recurring: "DomainRecurring") -> str:
        label = labels.get(recurring.payment_method_id or -1)
        return label if recurring.enabled and label else cell(recurring)

    renderer.formatters["recurring"] = text

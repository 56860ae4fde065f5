"""`clientarea domains renew|recur|autorenew|lock|privacy` and `nameservers set`: bulk changes.

Every one takes the same targets (names, --all, filters, --from-file), plans first, confirms,
runs with bounded concurrency, journals each item and can `--resume`; see cli/bulk.py.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from clientarea_cli.cli import bulk, values
from clientarea_cli.cli.bulk_options import (
    AllDomainsOpt,
    AutoRenewFilterOpt,
    ConcurrencyOpt,
    DomainsArg,
    DryRunOpt,
    ExpiringOpt,
    FailFastOpt,
    FromFileOpt,
    PerItemOpt,
    RateOpt,
    ResumeOpt,
    StatusOpt,
    TldOpt,
    YesOpt,
)
from clientarea_cli.cli.bulk_resume import typed_args
from clientarea_cli.cli.options import OutputOpt
from clientarea_cli.i18n import _

if TYPE_CHECKING:
    from clientarea_cli.drivers.base import Driver
    from clientarea_cli.ops.bulk.actions import Action
    from clientarea_cli.ops.bulk.runner import RunResult

OnOffArg = Annotated[
    str | None,
    typer.Argument(
        help="on or off (not needed with --resume).",
        metavar="on|off",
        show_default=False,
        autocompletion=values.ON_OFF_VALUES,
    ),
]


def renew(
    ctx: typer.Context,
    domains: DomainsArg = None,
    years: Annotated[int, typer.Option(help="Years to renew for (1–10).", metavar="N")] = 1,
    use_credit: Annotated[
        bool,
        typer.Option(
            "--use-credit", help="Pay the invoices with wallet credit now, as far as it goes."
        ),
    ] = False,
    method: Annotated[
        str | None,
        typer.Option(
            help="Pay what is left due with this card or bank account (id or last four digits).",
            metavar="METHOD",
            autocompletion=values.CARDS,
        ),
    ] = None,
    all_domains: AllDomainsOpt = False,
    tld: TldOpt = None,
    expiring_within: ExpiringOpt = None,
    status: StatusOpt = None,
    auto_renew: AutoRenewFilterOpt = None,
    from_file: FromFileOpt = None,
    dry_run: DryRunOpt = False,
    concurrency: ConcurrencyOpt = 16,
    rate: RateOpt = None,
    fail_fast: FailFastOpt = False,
    resume: ResumeOpt = False,
    per_item: PerItemOpt = False,
    yes: YesOpt = False,
    output: OutputOpt = None,
) -> None:
    """Renew domains early: one (proforma) renewal invoice per domain.

    Shows each domain, the years, its price and the total per currency before asking. Wallet credit is used only with --use-credit; --method pays the rest (each payment journalled, never sent twice). A renewal whose invoice stays unpaid is not done: it is listed with how to pay it, and the command exits 3. An invoice already open for the same renewal is reused, never issued twice.

    Example: clientarea domains renew --expiring-within 30d --years 1 --dry-run
    """
    from clientarea_cli.cli.context import AppContext
    from clientarea_cli.cli.renew_payment import pay_the_rest
    from clientarea_cli.errors import UsageError
    from clientarea_cli.ops.bulk.actions import Renew

    if not 1 <= years <= 10:
        raise UsageError(_("--years must be between 1 and 10"))
    app_ctx = AppContext.of(ctx)

    def build(driver: "Driver") -> "tuple[Action, list[str]]":
        from clientarea_cli.ops import invoice_payments
        from clientarea_cli.ops.recurring import describe

        driver.check_renewal(years)
        notes = [driver.credit_note] if driver.credit_note else []
        spends = driver.spends_credit
        if method is None:
            return Renew(years=years, use_credit=use_credit, spends_credit=spends), notes
        payer = invoice_payments.payment_method_for(driver, method)
        label = describe(payer).split(",")[0]
        return Renew(
            years, use_credit, pay_method_id=payer.id, pay_label=label, spends_credit=spends
        ), notes

    def settle(driver: "Driver", action: "Action", result: "RunResult") -> "RunResult":
        return pay_the_rest(app_ctx, app_ctx.renderer(output), driver, action, result)

    given = typed_args(
        ctx,
        {
            "years": (f"--years {years}", ("years",)),
            "use_credit": ("--use-credit", ("use_credit",)),
        },
    )
    bulk.run(
        ctx,
        command="renew",
        targets=bulk.Targets(
            domains, all_domains, tld, expiring_within, status, auto_renew, from_file
        ),
        settings=bulk.RunSettings(dry_run, concurrency, rate, fail_fast, resume, per_item, yes),
        output=output,
        build=build,
        given=given,
        settle=settle,
    )


def recur(
    ctx: typer.Context,
    domains: DomainsArg = None,
    method: Annotated[
        str | None,
        typer.Option(
            help="The validated card that pays: its id or last four digits.",
            metavar="METHOD",
            autocompletion=values.CARDS,
        ),
    ] = None,
    contact: Annotated[
        str | None,
        typer.Option(
            help="Billing contact for the invoices: id, e-mail, or 'billing'.", metavar="CONTACT"
        ),
    ] = None,
    off: Annotated[bool, typer.Option("--off", help="Switch recurring payment off.")] = False,
    all_domains: AllDomainsOpt = False,
    tld: TldOpt = None,
    expiring_within: ExpiringOpt = None,
    status: StatusOpt = None,
    auto_renew: AutoRenewFilterOpt = None,
    from_file: FromFileOpt = None,
    dry_run: DryRunOpt = False,
    concurrency: ConcurrencyOpt = 16,
    rate: RateOpt = None,
    fail_fast: FailFastOpt = False,
    resume: ResumeOpt = False,
    per_item: PerItemOpt = False,
    yes: YesOpt = False,
    output: OutputOpt = None,
) -> None:
    """Switch recurring payment on (charged to a validated card) or off.

    Needs a validated card on the account (wallet credit never pays automatic renewals). Warns when the billing contact is not the card holder, and for each domain whose next billing date comes after the card expires (the charge would fail and the domain may be suspended).

    Example: clientarea domains recur --tld es --method 4242 --contact billing
    """
    from clientarea_cli.ops import recurring
    from clientarea_cli.ops.today import provider_today

    def build(driver: "Driver") -> "tuple[Action, list[str]]":
        chosen = recurring.setup(
            driver,
            enabled=not off,
            method_ref=method,
            contact_ref=contact,
            today=provider_today(driver),
        )
        return chosen.action, chosen.warnings

    given = typed_args(
        ctx,
        {
            "method": (f"--method {method}", ("enabled", "payment_method_id")),
            "contact": (f"--contact {contact}", ("contact_id",)),
            "off": ("--off", ("enabled",)),
        },
    )
    bulk.run(
        ctx,
        command="recur",
        targets=bulk.Targets(
            domains, all_domains, tld, expiring_within, status, auto_renew, from_file
        ),
        settings=bulk.RunSettings(dry_run, concurrency, rate, fail_fast, resume, per_item, yes),
        output=output,
        build=build,
        given=given,
    )


def _toggle(setting: str, command: str) -> Callable[..., None]:
    def toggle(
        ctx: typer.Context,
        state: OnOffArg = None,
        domains: DomainsArg = None,
        all_domains: AllDomainsOpt = False,
        tld: TldOpt = None,
        expiring_within: ExpiringOpt = None,
        status: StatusOpt = None,
        auto_renew: AutoRenewFilterOpt = None,
        from_file: FromFileOpt = None,
        dry_run: DryRunOpt = False,
        concurrency: ConcurrencyOpt = 16,
        rate: RateOpt = None,
        fail_fast: FailFastOpt = False,
        resume: ResumeOpt = False,
        per_item: PerItemOpt = False,
        yes: YesOpt = False,
        output: OutputOpt = None,
    ) -> None:
        from clientarea_cli.errors import UsageError
        from clientarea_cli.ops.bulk.actions import Toggle

        if state is None and not resume:
            raise UsageError(
                _("say on or off"),
                hint=_("clientarea domains {command} on DOMAIN").format(command=command),
            )
        enabled = bulk.on_off(state or "on", "on|off")

        def build(driver: "Driver") -> "tuple[Action, list[str]]":
            driver.check_domain_setting(setting)
            return Toggle(setting=setting, enabled=enabled), []

        given = typed_args(ctx, {"state": (state or "", ("enabled",))})
        bulk.run(
            ctx,
            command=command,
            targets=bulk.Targets(
                domains, all_domains, tld, expiring_within, status, auto_renew, from_file
            ),
            settings=bulk.RunSettings(dry_run, concurrency, rate, fail_fast, resume, per_item, yes),
            output=output,
            build=build,
            given=given,
        )

    return toggle


autorenew = _toggle("auto_renew", "autorenew")
autorenew.__doc__ = """Switch auto-renew on or off: the provider issues the renewal invoice by itself.

Auto-renew charges the recurring card when recurring payment is on; otherwise the renewal
invoice waits for you. Credit is never used for it.

Example: clientarea domains autorenew on --tld es --expiring-within 90d
"""
lock = _toggle("registrar_lock", "lock")
lock.__doc__ = """Switch the registrar (transfer) lock on or off.

Example: clientarea domains lock on --all
"""
privacy = _toggle("id_protection", "privacy")
privacy.__doc__ = """Switch WHOIS privacy (ID protection) on or off.

Example: clientarea domains privacy on anagarcia.com tapas-madrid.es
"""


def nameservers_set(
    ctx: typer.Context,
    names: Annotated[
        list[str] | None,
        typer.Argument(
            help="[DOMAIN] NS1 NS2 [NS3…NS5]: with no --domain or other targets, the first is "
            "the domain. None with --resume, or when every row of --from-file has its own "
            "(ns1…nsN columns).",
            metavar="[DOMAIN] NS1 NS2...",
            show_default=False,
        ),
    ] = None,
    domain: Annotated[
        list[str] | None,
        typer.Option(
            "--domain",
            "-d",
            help="A domain to change (repeatable).",
            metavar="DOMAIN",
            autocompletion=values.DOMAINS,
        ),
    ] = None,
    all_domains: AllDomainsOpt = False,
    tld: TldOpt = None,
    expiring_within: ExpiringOpt = None,
    status: StatusOpt = None,
    auto_renew: AutoRenewFilterOpt = None,
    from_file: FromFileOpt = None,
    dry_run: DryRunOpt = False,
    concurrency: ConcurrencyOpt = 16,
    rate: RateOpt = None,
    fail_fast: FailFastOpt = False,
    resume: ResumeOpt = False,
    per_item: PerItemOpt = False,
    yes: YesOpt = False,
    output: OutputOpt = None,
) -> None:
    """Set the name servers (2 to 5) of one domain or many.

    A --from-file row may carry its own name servers (columns ns1…nsN, or a nameservers field); the ones on the command line go to every other domain.

    Example: clientarea domains nameservers set --tld es ns1.example.net ns2.example.net
    """
    from clientarea_cli.ops import validate
    from clientarea_cli.ops.bulk.actions import Nameservers
    from clientarea_cli.ops.bulk.nameserver_input import nameservers_action

    filtered = bulk.Targets(None, all_domains, tld, expiring_within, status, auto_renew, from_file)
    other_targets = bool(domain) or filtered.given
    servers = list(names or [])
    refs = list(domain or [])
    if not other_targets and not resume:
        refs, servers = servers[:1], servers[1:]
    targets = bulk.Targets(refs, all_domains, tld, expiring_within, status, auto_renew, from_file)
    if resume:  # optional with --resume, and checked against the run
        action = Nameservers(nameservers=validate.nameserver_list(servers) if servers else [])
    else:
        action = nameservers_action(
            servers,
            targets.file_rows(),
            targets.file_label,
            only_file=not (refs or all_domains),
        )

    def build(driver: "Driver") -> "tuple[Action, list[str]]":
        if servers:
            driver.check_nameservers(servers)
        return action, []

    given = typed_args(ctx, {"names": (" ".join(names or []), ("nameservers",))})
    bulk.run(
        ctx,
        command="nameservers",
        targets=targets,
        settings=bulk.RunSettings(dry_run, concurrency, rate, fail_fast, resume, per_item, yes),
        output=output,
        build=build,
        given=given,
    )

"""`clientarea wallet …`: account credit: balance, movements, top-ups and their proofs."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clientarea_cli.cli import values
from clientarea_cli.cli.commands.domain_records import confirm
from clientarea_cli.cli.context import DEFAULT_LIMIT, AppContext
from clientarea_cli.cli.options import (
    AllOpt,
    DryRunOpt,
    LimitOpt,
    NoHeadersOpt,
    OutputOpt,
    YesOpt,
    columns_of,
)
from clientarea_cli.i18n import _, pgettext

if TYPE_CHECKING:
    from clientarea_cli.drivers.base import Driver
    from clientarea_cli.models import TopUp
    from clientarea_cli.ops.top_ups import TopUpPlan

app = typer.Typer(
    help="Account credit: balance, movements, top-ups by card or transfer.", no_args_is_help=True
)


@app.callback()
def group() -> None:
    """Account credit: balance, movements, top-ups by card or transfer."""


@app.command("show")
def show(
    ctx: typer.Context,
    movements: Annotated[
        int, typer.Option("--movements", "-n", help="How many recent movements to show.")
    ] = 10,
    all_items: AllOpt = False,
    output: OutputOpt = None,
) -> None:
    """Show the credit balance and the latest movements.

    Credit pays invoices only when you apply it by hand; it never pays automatic renewals.

    Example: clientarea wallet show -n 20
    """
    from clientarea_cli.models import WalletMovement
    from clientarea_cli.ops import billing, filters

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    count = filters.parse_limit(movements, all_items=all_items, default=10)
    overview = billing.wallet_overview(app_ctx.driver(), movements=count)
    if not renderer.own_layout:
        renderer.one(overview)
        return
    wallet = overview.wallet
    renderer.key_values(
        [
            ("balance", wallet.balance),
            ("pending_top_ups", wallet.pending_top_ups),
            ("top_up_presets", ", ".join(str(p) for p in wallet.top_up_presets) or None),
        ]
    )
    renderer.heading("\nMovements")
    renderer.listing(
        overview.movements, WalletMovement, total=overview.total_movements, what="movements"
    )


@app.command("add")
def add(
    ctx: typer.Context,
    amount: Annotated[
        str,
        typer.Argument(
            metavar="AMOUNT",
            help="One of the provider's top-up amounts (see `wallet show`), e.g. 100.",
            show_default=False,
        ),
    ],
    card: Annotated[
        str | None,
        typer.Option(
            "--card",
            help="Pay with this validated card: id or last four digits.",
            metavar="METHOD",
            autocompletion=values.CARDS,
        ),
    ] = None,
    transfer: Annotated[
        bool,
        typer.Option(
            "--transfer", help="Pay by bank transfer (prints the accounts and reference)."
        ),
    ] = False,
    accept_terms: Annotated[
        bool,
        typer.Option(
            "--accept-terms",
            help="Accept the top-up terms (`wallet terms`); needed without a terminal.",
        ),
    ] = False,
    yes: YesOpt = False,
    dry_run: DryRunOpt = False,
    output: OutputOpt = None,
) -> None:
    """Add credit to the wallet by card or by bank transfer, for one of the provider's amounts.

    The terms must be accepted: on a terminal they are shown and you are asked; otherwise pass --accept-terms. A card top-up shows the amount and the card and asks before charging; a transfer prints the provider's bank accounts and the reference to quote, then upload the proof with `wallet proof`. The request carries an idempotency key written to the journal before it leaves, so it is never charged twice; if no answer comes, exit 9 tells you to run `clientarea journal reconcile`. Credit is never used for automatic renewals.

    Example: clientarea wallet add 100 --card 4242 --accept-terms
    """
    from clientarea_cli.cli.money import send_money
    from clientarea_cli.ops import top_ups
    from clientarea_cli.ops.recurring import describe

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    driver = app_ctx.driver()
    plan = top_ups.plan_top_up(driver, amount, card_ref=card, transfer=transfer)
    if dry_run:
        renderer.notice(
            _("dry run: nothing was sent; would {summary}").format(summary=plan.summary)
        )
        return
    _accept_terms(app_ctx, driver, plan, accept_terms)
    if plan.card is not None:
        renderer.notice(
            _("{amount} will be charged to {describe}.").format(
                amount=plan.amount, describe=describe(plan.card)
            )
        )
        confirm(
            app_ctx,
            yes,
            _("Add {amount} of credit by {method}?").format(amount=plan.amount, method=plan.label),
        )
    top_up = send_money(
        app_ctx,
        kind="top-up",
        summary=plan.summary,
        call=lambda key: top_ups.create(driver, plan, key),
        describe=lambda t: f"{t.status}: reference {t.reference}",
    )
    if not renderer.is_table:
        renderer.one(top_up)
    elif top_up.method == "transfer":
        _print_transfer(top_up)
    elif top_up.method == "invoice":
        typer.echo(
            _(
                "Funds invoice {reference} for {amount} issued (invoice {id}): "
                "pay it like any invoice; the credit is added when it is paid."
            ).format(reference=top_up.reference, amount=top_up.amount, id=top_up.id)
        )
    else:
        typer.echo(
            _("{reference}  {status}: {amount} by {label}").format(
                reference=top_up.reference,
                status=pgettext("top-up status", top_up.status),
                amount=top_up.amount,
                label=plan.label,
            )
        )


def _accept_terms(app_ctx: AppContext, driver: "Driver", plan: "TopUpPlan", accepted: bool) -> None:
    """`--accept-terms`, or the terms shown and agreed to on a terminal."""
    from clientarea_cli.cli.confirm import yes_no
    from clientarea_cli.errors import Declined, UsageError
    from clientarea_cli.ops import top_ups

    if accepted or not plan.needs_terms:
        return
    if not app_ctx.can_prompt():
        where = f" ({plan.terms_url})" if plan.terms_url else ""
        raise UsageError(
            _(
                "the top-up terms{where} must be accepted: run again with --accept-terms (no terminal to ask on)"
            ).format(where=where),
            hint=_("read them with `clientarea wallet terms`"),
        )
    terms = top_ups.terms(driver)
    renderer = app_ctx.renderer()
    renderer.notice(
        _("Top-up terms (version {version}, {url}):\n\n{text}\n").format(
            version=terms.version, url=terms.url, text=terms.text
        )
    )
    if not yes_no(_("Do you accept these terms?")):
        raise Declined(_("the terms were not accepted; nothing was sent"))


def _print_transfer(top_up: "TopUp") -> None:
    from clientarea_cli.cli.transfer import print_bank_accounts

    reference = top_up.reference
    print_bank_accounts(top_up.amount, reference, top_up.bank_accounts)
    typer.echo(
        _(
            "Then upload the proof of payment: clientarea wallet proof {reference} FILE\nThe credit is added once the provider confirms the transfer."
        ).format(reference=reference)
    )


@app.command("terms")
def terms(ctx: typer.Context, output: OutputOpt = None) -> None:
    """Show the terms and conditions a top-up accepts.

    Example: clientarea wallet terms
    """
    from clientarea_cli.ops import top_ups

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    terms = top_ups.terms(app_ctx.driver())
    if not renderer.is_table:
        renderer.one(terms)
        return
    typer.echo(
        _("{value}\n\n(version {version}, {url})").format(
            value=terms.text.rstrip(), version=terms.version, url=terms.url
        )
    )


@app.command("proof")
def proof(
    ctx: typer.Context,
    reference: Annotated[
        str,
        typer.Argument(
            metavar="REFERENCE", help="The top-up's reference code.", show_default=False
        ),
    ],
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE", help="The proof: PDF, PNG or JPEG, at most 10 MB.", show_default=False
        ),
    ],
    dry_run: DryRunOpt = False,
    output: OutputOpt = None,
) -> None:
    """Upload the proof of payment of a pending bank-transfer top-up.

    The file is checked before it is sent: a PDF, PNG or JPEG by its content (not its name), of at most 10 MB. A new upload replaces the previous proof; the credit is added once the provider confirms the transfer.

    Example: clientarea wallet proof TU-7Q4K2M ~/Downloads/transfer-receipt.pdf
    """
    from clientarea_cli.ops import top_ups

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    content, content_type = top_ups.read_proof(file.expanduser())
    driver = app_ctx.driver()
    top_ups.check_pending_transfer(driver, reference)
    if dry_run:
        renderer.notice(
            _("dry run: nothing was sent; {file} ({content_type}) is ready to upload").format(
                file=file, content_type=content_type
            )
        )
        return
    top_up = top_ups.upload_proof(driver, reference, content, content_type)
    if not renderer.is_table:
        renderer.one(top_up)
        return
    typer.echo(
        _(
            "{reference}  {status}: proof uploaded ({content_type}, {count:,} bytes); the credit is added once the provider confirms the transfer"
        ).format(
            reference=top_up.reference,
            status=pgettext("top-up status", top_up.status),
            content_type=content_type,
            count=len(content),
        )
    )


@app.command("pending")
def pending(
    ctx: typer.Context,
    limit: LimitOpt = None,
    all_items: AllOpt = False,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("TopUpRow")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List bank-transfer top-ups waiting for the provider to confirm them, with their proof.

    Example: clientarea wallet pending -o json
    """
    from clientarea_cli.models import TopUp, TopUpRow
    from clientarea_cli.ops import filters, top_ups

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    count = filters.parse_limit(limit, all_items=all_items, default=DEFAULT_LIMIT)
    listing = top_ups.pending(app_ctx.driver(), limit=count)
    if renderer.fmt in ("json", "jsonl"):
        renderer.listing(listing.items, TopUp, total=listing.total, what="pending top-ups")
        return
    rows = [TopUpRow.of(t) for t in listing.items]
    renderer.listing(rows, TopUpRow, total=listing.total, what="pending top-ups")

"""`clientarea payment-methods …`: the cards and bank direct debits on the account.

A card's number, expiry and CVC, and an IBAN, are never taken from the command line: a prompt on
a terminal (hidden for the number and the CVC), or standard input, one field per line.
"""

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from clientarea_cli.cli import values
from clientarea_cli.cli.commands.domain_records import confirm
from clientarea_cli.cli.context import AppContext
from clientarea_cli.cli.options import DryRunOpt, NoHeadersOpt, OutputOpt, YesOpt, columns_of
from clientarea_cli.i18n import _

if TYPE_CHECKING:
    from clientarea_cli.models import PaymentMethod

app = typer.Typer(help="Cards and bank direct debits on the account.", no_args_is_help=True)

MethodArg = Annotated[
    str,
    typer.Argument(
        metavar="METHOD",
        help="Id or last four digits.",
        show_default=False,
        autocompletion=values.CARDS,
    ),
]
HolderOpt = Annotated[
    str | None,
    typer.Option("--holder", help="The holder's name, as on the card or account.", metavar="NAME"),
]
DefaultOpt = Annotated[
    bool, typer.Option("--default", help="Make it the account's default payment method.")
]


@app.callback()
def group() -> None:
    """Cards and bank direct debits on the account."""


@app.command("list")
def list_(
    ctx: typer.Context,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("PaymentMethodUsage")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List payment methods and what renews with each.

    Shows brand, last four digits, holder, expiry, whether each is validated and the default, and which services and domains renew with it (the table names the first few domains; JSON and CSV list them all). Recurring payments need a validated method; wallet credit is never one.

    Example: clientarea payment-methods list -o json
    """
    from clientarea_cli.models import PaymentMethodUsage
    from clientarea_cli.ops import payment_methods

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    methods = payment_methods.list_with_usage(app_ctx.driver())
    if renderer.is_table:
        methods = [m.model_copy(update={"domains": _few(m.domains)}) for m in methods]
    renderer.listing(methods, PaymentMethodUsage, what="payment methods")


def _few(names: list[str], shown: int = 3) -> list[str]:
    """The first names and `+N more`, so a reseller's table stays one screen wide."""
    if len(names) <= shown + 1:
        return names
    return [*names[:shown], f"+{len(names) - shown} more"]


def _read_fields(app_ctx: AppContext, fields: list[tuple[str, bool]], what: str) -> list[str]:
    """Each field from a prompt on a terminal (hidden when secret), else one per line on stdin."""
    from clientarea_cli.errors import UsageError

    if app_ctx.can_prompt():
        return [typer.prompt(name, hide_input=hidden, err=True) for name, hidden in fields]
    lines = sys.stdin.read().splitlines()
    if len(lines) < len(fields):
        names = ", ".join(name.lower() for name, _ in fields)
        raise UsageError(
            _("{what}: expected {count} line(s) on standard input ({names}), got {count2}").format(
                what=what, count=len(fields), names=names, count2=len(lines)
            ),
            hint=_("they are never taken as arguments: type them at the prompt on a terminal"),
        )
    return lines[: len(fields)]


def _holder(app_ctx: AppContext, holder: str | None, what: str) -> str | None:
    from clientarea_cli.errors import UsageError

    if holder is not None:
        return holder
    if not app_ctx.can_prompt():
        raise UsageError(_("--holder NAME is required: the name on the {what}").format(what=what))
    return str(typer.prompt(_("Name on the {what}").format(what=what), err=True))


def _added(app_ctx: AppContext, output: str | None, method: "PaymentMethod") -> None:
    from clientarea_cli.ops.recurring import describe

    renderer = app_ctx.renderer(output)
    if renderer.is_table:
        typer.echo(
            _("Added {describe} (id {id}), not validated yet.").format(
                describe=describe(method), id=method.id
            )
        )
    else:
        renderer.one(method)
    if not method.validated:
        renderer.notice(
            _(
                "It must be verified before it can pay recurring charges or top-ups: clientarea payment-methods verify {id}"
            ).format(id=method.id)
        )


@app.command("add-card")
def add_card(
    ctx: typer.Context,
    holder: HolderOpt = None,
    make_default: DefaultOpt = False,
    dry_run: DryRunOpt = False,
    output: OutputOpt = None,
) -> None:
    """Store a Visa or Mastercard card (American Express is not accepted).

    The number, expiry (MM/YY) and CVC are asked on a terminal, the number and CVC hidden; without a terminal they are read from standard input, one per line, never from the command line. They are checked first (digits, length, brand, Luhn check digit, expiry, CVC) and then sent once, in the request body only; they are never stored, logged or printed. The card must then be verified before it can pay recurring charges.

    Example: clientarea payment-methods add-card --holder "Ana García" --default
    """
    from clientarea_cli.ops import cards, payment_methods
    from clientarea_cli.ops.today import provider_today

    app_ctx = AppContext.of(ctx)
    name = _holder(app_ctx, holder, "card")
    fields = [("Card number", True), ("Expiry (MM/YY)", False), ("CVC", True)]
    number, expiry, cvc = _read_fields(app_ctx, fields, "card details")
    driver = app_ctx.driver()
    card = cards.check_card(number, expiry, cvc, name, provider_today(driver))
    del number, cvc
    if dry_run:
        app_ctx.renderer().notice(
            _("dry run: nothing was sent; {card} passed every check").format(card=card)
        )
        return
    method = payment_methods.add_card(driver, card, make_default=make_default)
    _added(app_ctx, output, method)


@app.command("add-bank")
def add_bank(
    ctx: typer.Context,
    holder: HolderOpt = None,
    bic: Annotated[
        str | None, typer.Option("--bic", help="The bank's BIC (optional).", metavar="BIC")
    ] = None,
    accept_mandate: Annotated[
        bool,
        typer.Option(
            "--accept-mandate",
            help="Authorise the provider to debit the account (needed without a terminal).",
        ),
    ] = False,
    make_default: DefaultOpt = False,
    dry_run: DryRunOpt = False,
    output: OutputOpt = None,
) -> None:
    """Store a bank account (IBAN) for direct debit of service renewals.

    The IBAN is asked on a terminal or read from standard input (one line), never from the command line, and checked (country, length, check digits) before it is sent. Direct debit needs a mandate: on a terminal you are asked; otherwise pass --accept-mandate. The account must then be verified before it can pay renewals. Domains renew automatically only with a card.

    Example: echo "$IBAN" | clientarea payment-methods add-bank --holder "Garcia Hosting SL" --accept-mandate
    """
    from clientarea_cli.cli.confirm import yes_no
    from clientarea_cli.errors import Declined, UsageError
    from clientarea_cli.ops import cards, payment_methods

    app_ctx = AppContext.of(ctx)
    name = _holder(app_ctx, holder, "account")
    (iban,) = _read_fields(app_ctx, [("IBAN", False)], "bank account")
    account = cards.check_bank_account(iban, name, bic)
    if dry_run:
        app_ctx.renderer().notice(
            _("dry run: nothing was sent; IBAN ···{last4} passed every check").format(
                last4=account.last4
            )
        )
        return
    if not accept_mandate:
        if not app_ctx.can_prompt():
            raise UsageError(
                _(
                    "direct debit needs a mandate: run again with --accept-mandate (no terminal to ask on)"
                )
            )
        question = _("Authorise direct debits from the account ···{last4} (SEPA mandate)?").format(
            last4=account.last4
        )
        if not yes_no(question):
            raise Declined(_("the mandate was not accepted; nothing was sent"))
    method = payment_methods.add_bank_account(app_ctx.driver(), account, make_default=make_default)
    _added(app_ctx, output, method)


@app.command("verify")
def verify(
    ctx: typer.Context,
    method_ref: MethodArg,
    answer: Annotated[
        str | None,
        typer.Option(
            "--answer",
            help="The amount charged (0.37) or the code received; - reads it from stdin.",
            metavar="ANSWER",
        ),
    ] = None,
    output: OutputOpt = None,
) -> None:
    """Verify a card or bank account so it can pay recurring charges.

    Without --answer the provider starts its challenge: a small charge (refunded) whose amount you then type, or a code it sends you. On a terminal you are asked for the answer at once; otherwise run the command again with --answer. Starting again while a challenge is pending changes nothing (no second charge).

    Example: clientarea payment-methods verify 22 --answer 0.37
    """
    from clientarea_cli.cli.money import send_money
    from clientarea_cli.ops import payment_methods

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    driver = app_ctx.driver()
    method = payment_methods.unvalidated(driver, method_ref)
    label = payment_methods.label(method)
    if answer is None:
        challenge = send_money(
            app_ctx,
            kind="verification",
            summary=f"start the verification of {label} (may charge a small refunded amount)",
            call=lambda key: payment_methods.verify(driver, method, None, key),
            describe=lambda v: f"{v.status}: {v.kind}",
        )
        if challenge.status == "pending":
            if renderer.is_table:
                typer.echo(
                    _("{label}: {instructions}").format(
                        label=label, instructions=challenge.instructions
                    )
                )
            if not app_ctx.can_prompt():
                if not renderer.is_table:
                    renderer.one(challenge)
                word = "AMOUNT" if challenge.kind == "micro_charge" else "CODE"
                renderer.notice(
                    _(
                        "then: clientarea payment-methods verify {id} --answer {word} ({attempts_left} attempt(s) left)"
                    ).format(id=method.id, word=word, attempts_left=challenge.attempts_left)
                )
                return
            asked = "Amount charged" if challenge.kind == "micro_charge" else "Code received"
            answer = str(typer.prompt(asked, err=True))
    elif answer == "-":
        answer = sys.stdin.readline()
    if answer is not None:
        result = payment_methods.verify(driver, method, payment_methods.normal_answer(answer))
    else:  # pragma: no cover - a challenge that is not pending after starting it
        result = challenge
    if not renderer.is_table:
        renderer.one(result)
    elif result.status == "verified":
        typer.echo(
            _("{label} is validated: it can now pay recurring charges and top-ups.").format(
                label=label
            )
        )
    else:
        typer.echo(
            _("{label}: verification {status}. {instructions}").format(
                label=label, status=result.status, instructions=result.instructions
            )
        )


@app.command("default")
def default(ctx: typer.Context, method_ref: MethodArg, output: OutputOpt = None) -> None:
    """Make a payment method the account's default.

    Example: clientarea payment-methods default 4242
    """
    from clientarea_cli.ops import payment_methods
    from clientarea_cli.ops.recurring import describe

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    method = payment_methods.make_default(app_ctx.driver(), method_ref)
    if not renderer.is_table:
        renderer.one(method)
        return
    typer.echo(
        _("{describe} (id {id}) is now the default payment method.").format(
            describe=describe(method), id=method.id
        )
    )


@app.command("remove")
def remove(
    ctx: typer.Context,
    method_ref: MethodArg,
    yes: YesOpt = False,
    dry_run: DryRunOpt = False,
) -> None:
    """Remove a stored card or bank account.

    Lists first the services and domains that renew with it: they lose their recurring payment and their renewals must then be paid by hand. Asks on a terminal; otherwise --yes is required.

    Example: clientarea payment-methods remove 22 --yes
    """
    from clientarea_cli.ops import payment_methods

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer()
    driver = app_ctx.driver()
    removal = payment_methods.plan_removal(driver, method_ref)
    label = f"{payment_methods.label(removal.method)} (id {removal.method.id})"
    if removal.in_use:
        renderer.notice(
            _("{count} item(s) renew with {label} and would lose their recurring payment:").format(
                count=removal.count, label=label
            )
        )
        for line in removal.losing():
            renderer.notice(_("  {line}").format(line=line))
    else:
        renderer.notice(_("No service or domain renews with {label}.").format(label=label))
    if dry_run:
        renderer.notice(_("dry run: nothing was sent"))
        return
    confirm(app_ctx, yes, _("Remove {label}?").format(label=label))
    count = payment_methods.remove(driver, removal)
    app_ctx.forget_seen(type(removal.method).__name__, [removal.method])
    lost = _(" {count} item(s) no longer renew automatically.").format(count=count) if count else ""
    typer.echo(_("Removed {label}.{lost}").format(label=label, lost=lost))

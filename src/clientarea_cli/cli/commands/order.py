"""`clientarea order PRODUCT --cycle CYCLE [--domain NAME --register|--transfer|--existing]`:
order a product (and a domain), with the total shown and confirmed first."""

from typing import TYPE_CHECKING, Annotated

import typer

from clientarea_cli.cli import values
from clientarea_cli.cli.context import AppContext
from clientarea_cli.cli.options import OutputOpt
from clientarea_cli.i18n import _, pgettext
from clientarea_cli.models.choices import BILLING_CYCLES

if TYPE_CHECKING:
    from clientarea_cli.models.catalog import Order, OrderQuote, OrderRequest
    from clientarea_cli.output.render import Renderer

app = typer.Typer(help="Order a product or a domain.", add_completion=False)


def _show_quote(renderer: "Renderer", quote: "OrderQuote") -> None:
    rows = [(item.description, str(item.amount)) for item in quote.items]
    rows += [
        (_("subtotal"), str(quote.subtotal)),
        (_("tax"), str(quote.tax)),
        (_("total"), str(quote.total)),
    ]
    left = max(len(text) for text, _ in rows)
    right = max(len(amount) for _, amount in rows)
    for text, amount in rows:
        renderer.notice(f"  {text:<{left}}  {amount:>{right}}")


def _print_order(renderer: "Renderer", order: "Order") -> None:
    from clientarea_cli.models.catalog import OrderItem

    if not renderer.is_table:
        renderer.one(order)
        return
    invoice = order.invoice
    due = ""
    if invoice is not None:
        due = _(", invoice {number} ({id}) {status}").format(
            number=invoice.number, id=invoice.id, status=pgettext("invoice status", invoice.status)
        )
        if invoice.balance.amount:
            due += _(": {balance} due by {due_date}").format(
                balance=invoice.balance, due_date=invoice.due_date
            )
    status = pgettext("order status", order.status)
    typer.echo(
        _("Order {number} ({id}) {status}: total {total}{due}").format(
            number=order.number, id=order.id, status=status, total=order.total, due=due
        )
    )
    renderer.listing(order.items, OrderItem, what="items")
    if invoice is not None and invoice.balance.amount:
        renderer.notice(
            _("hint: pay it with `clientarea invoices pay {id}` (--use-credit, --method…)").format(
                id=invoice.id
            )
        )


@app.command()
def order(
    ctx: typer.Context,
    product: Annotated[
        str | None,
        typer.Argument(
            metavar="PRODUCT", help="The product's id or name (omit it to order only a domain)."
        ),
    ] = None,
    cycle: Annotated[
        str | None,
        typer.Option(
            "--cycle",
            help="The product's billing cycle: monthly, annually…",
            metavar="CYCLE",
            autocompletion=values.choices(BILLING_CYCLES),
        ),
    ] = None,
    domain: Annotated[
        str | None, typer.Option("--domain", help="A domain for the order.", metavar="NAME")
    ] = None,
    register: Annotated[bool, typer.Option("--register", help="Register --domain.")] = False,
    transfer: Annotated[
        bool,
        typer.Option("--transfer", help="Transfer --domain here (asks for its EPP code)."),
    ] = False,
    existing: Annotated[
        bool,
        typer.Option("--existing", help="Use --domain, registered elsewhere, for the product."),
    ] = False,
    years: Annotated[
        int,
        typer.Option("--years", help="Years to register the domain for (1 to 10).", metavar="N"),
    ] = 1,
    promo: Annotated[
        str | None, typer.Option("--promo", help="A promotion code.", metavar="CODE")
    ] = None,
    use_credit: Annotated[
        bool,
        typer.Option("--use-credit", help="Pay the invoice with wallet credit, as far as it goes."),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the lines and the total; order nothing.")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    output: OutputOpt = None,
) -> None:
    """Order a product (and register, transfer or attach a domain with it), or a domain alone.

    The provider prices the order first: its lines, the promotion, the tax and the total are shown and you confirm (or pass --yes). A transfer's EPP code is read from a hidden prompt, or from the first line of standard input; never from the command line. Credit pays the invoice only with --use-credit; otherwise pay it later with `invoices pay`. The order is journalled before it is sent, so it is never placed twice. Prints the order and its invoice.

    Example: clientarea order "Hosting Pro" --cycle monthly --domain mi-tienda.es --register --promo WELCOME10
    """
    from clientarea_cli.cli.money import send_money
    from clientarea_cli.cli.text_input import read_secrets
    from clientarea_cli.errors import UsageError
    from clientarea_cli.ops import lifecycle, orders

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    actions = [name for name, on in (("register", register), ("transfer", transfer),
                                     ("existing", existing)) if on]  # fmt: skip
    if len(actions) > 1:
        raise UsageError(_("choose one of --register, --transfer or --existing"))
    wanted_cycle = lifecycle.parse_cycle(cycle) if cycle else None
    driver = app_ctx.driver()
    found = orders.find_product(driver, product) if product is not None else None
    action = actions[0] if actions else None

    def build(code: str | None, *, final: bool) -> "OrderRequest":
        return orders.build_order(
            found, wanted_cycle, domain=domain, action=action, years=years, epp_code=code,
            promo=promo, use_credit=use_credit, require_code=final,
        )  # fmt: skip

    build(None, final=False)  # every check but the transfer code, before asking for it
    code = None
    if action == "transfer":  # the provider prices a transfer only with its code
        (code,) = read_secrets(app_ctx, [(f"Transfer (EPP) code of {domain}", False)])
    request = build(code, final=True)
    quote = orders.quote_order(driver, request)
    renderer.notice(_("The order:"))
    _show_quote(renderer, quote)
    if use_credit:
        balance = driver.get_wallet().balance
        renderer.notice(
            _("  credit applied now: up to {balance} (your balance)").format(balance=balance)
        )
    if dry_run:
        if not renderer.is_table:
            renderer.one(quote)
        renderer.notice(_("dry run: nothing was ordered"))
        return
    what = ", ".join(item.description for item in quote.items if item.amount.amount >= 0)
    from clientarea_cli.cli.commands.service_lifecycle import confirm

    confirm(app_ctx, yes, _("Place the order for {total}?").format(total=quote.total))
    placed = send_money(
        app_ctx,
        kind="order",
        summary=f"order {what} ({quote.total})",
        call=lambda key: orders.place_order(driver, request, key),
        describe=lambda o: f"{o.number} {o.status}, invoice {o.invoice_id}",
    )
    _print_order(renderer, placed)

"""`clientarea catalog list|show`: what the provider sells; `clientarea domains check`
(registered on `domains`): whether names can be registered, and at what price."""

from typing import Annotated

import typer

from clientarea_cli.cli.context import AppContext
from clientarea_cli.cli.options import NoHeadersOpt, OutputOpt, columns_of

app = typer.Typer(help="Products you can order: groups, cycles and prices.", no_args_is_help=True)


@app.command("list")
def list_(
    ctx: typer.Context,
    group: Annotated[
        str | None,
        typer.Option(
            "--group", help="Only this group, such as VPS or 'Web Hosting'.", metavar="GROUP"
        ),
    ] = None,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("Product")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List the products you can order, with their price in each billing cycle.

    Example: clientarea catalog list --group "Web Hosting"
    """
    from clientarea_cli.models.catalog import Product
    from clientarea_cli.ops import orders

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    products = orders.list_products(app_ctx.driver(), group)
    renderer.listing(products, Product, what="products")


@app.command("show")
def show(
    ctx: typer.Context,
    product: Annotated[
        str, typer.Argument(metavar="PRODUCT", help="The product's id or name.", show_default=False)
    ],
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("Product")] = None,
) -> None:
    """Show one product: what it is, its cycles and prices (with setup fees) and its add-ons.

    Example: clientarea catalog show "Hosting Pro"
    """
    from clientarea_cli.models.catalog import ProductAddon, ProductPrice
    from clientarea_cli.ops import orders

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns)
    found = orders.find_product(app_ctx.driver(), product)
    if not renderer.own_layout:
        renderer.one(found)
        return
    fields = ("id", "name", "group", "type", "description", "requires_domain")
    renderer.key_values([(f, getattr(found, f)) for f in fields])
    renderer.heading("\nPrices")
    renderer.listing(found.pricing, ProductPrice, what="prices")
    if found.addons:
        renderer.heading("\nAdd-ons")
        renderer.listing(found.addons, ProductAddon, what="add-ons")


def check(
    ctx: typer.Context,
    names: Annotated[
        list[str],
        typer.Argument(
            metavar="NAME...", help="Domain names, such as example.com.", show_default=False
        ),
    ],
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("DomainAvailability")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """Check whether domain names can be registered, and what registering, transferring and renewing each costs.

    A name that is taken can still be transferred (`order --domain NAME --transfer`). International names are sent in their ASCII (punycode) form.

    Example: clientarea domains check mi-nueva-tienda.es mi-nueva-tienda.com
    """
    from clientarea_cli.models.catalog import DomainAvailability
    from clientarea_cli.ops import orders

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    wanted = [orders.domain_name(name) for name in names]  # checked before any request
    results = orders.check_availability(app_ctx.driver(), wanted)
    renderer.listing(results, DomainAvailability, what="names")

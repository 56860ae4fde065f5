"""The catalog, domain availability and orders: what is for sale, what a domain costs, and
ordering it with the total shown first.

An order is checked here before anything is sent (a product's cycle among its prices, a domain
with what to do with it, a transfer code when transferring, years in range), then priced by the
provider (`quoteOrder`: lines, promotion, tax, total) so the customer confirms the real total.
"""

from __future__ import annotations

from pydantic import SecretStr

from clientarea_cli.drivers.base import Driver
from clientarea_cli.errors import NotFound, UsageError
from clientarea_cli.i18n import _
from clientarea_cli.models.catalog import (
    DomainAvailability,
    Order,
    OrderDomain,
    OrderQuote,
    OrderRequest,
    Product,
)
from clientarea_cli.ops import validate

NAMES_PER_REQUEST = 50
MAX_YEARS = 10
MAX_PROMO = 64


def list_products(driver: Driver, group: str | None) -> list[Product]:
    if group is not None and not group.strip():
        raise UsageError(_("invalid --group: it is empty"))
    return driver.list_products(group=group.strip() if group else None)


def find_product(driver: Driver, ref: str) -> Product:
    """A product by id, or by name in any case."""
    wanted = ref.strip()
    if wanted.isdigit():
        return driver.get_product(int(wanted))
    products = driver.list_products(group=None)
    for product in products:
        if product.name.lower() == wanted.lower():
            return product
    raise NotFound(
        _("product {ref!r} not found in the catalog").format(ref=ref),
        hint=_("see `clientarea catalog list`: {products}").format(
            products=", ".join(f"{p.id} ({p.name})" for p in products[:6])
            + (", …" if len(products) > 6 else "")
        ),
    )


def domain_name(value: str, what: str = "NAME") -> str:
    """A domain name as the provider wants it: lower case, no trailing dot, IDN in punycode."""
    name = value.strip().lower().removesuffix(".")
    if not name:
        raise UsageError(_("invalid {what}: it is empty").format(what=what))
    if not name.isascii():
        name = validate.idna_ascii(name, what, value)
    return name


def check_availability(driver: Driver, names: list[str]) -> list[DomainAvailability]:
    """Availability and prices of each name, in order (asked 50 at a time)."""
    wanted = [domain_name(name) for name in names]
    results: list[DomainAvailability] = []
    for start in range(0, len(wanted), NAMES_PER_REQUEST):
        results += driver.check_domain_availability(wanted[start : start + NAMES_PER_REQUEST])
    return results


def build_order(
    product: Product | None,
    cycle: str | None,
    *,
    domain: str | None = None,
    action: str | None = None,
    years: int = 1,
    epp_code: str | None = None,
    promo: str | None = None,
    use_credit: bool = False,
    require_code: bool = True,
) -> OrderRequest:
    """The order, checked against the product's cycles and the domain's options.

    `require_code=False` checks everything but the transfer code (before asking for it).
    """
    if product is None and domain is None:
        raise UsageError(
            _("nothing to order: give a PRODUCT, or --domain NAME --register/--transfer")
        )
    if product is not None:
        cycles = [p.billing_cycle for p in product.pricing]
        hint = f"{product.name} is offered {', '.join(c.replace('_', '-') for c in cycles)}"
        if cycle is None:
            raise UsageError(_("--cycle is required with a product"), hint=hint)
        if cycle not in cycles:
            raise UsageError(
                _("invalid --cycle: {name} is not offered {cycle}").format(
                    name=product.name, cycle=cycle
                ),
                hint=hint,
            )
        if product.requires_domain and domain is None:
            raise UsageError(
                _("{name} needs a domain").format(name=product.name),
                hint=_("add --domain NAME with --register, --transfer or --existing"),
            )
    order_domain = None
    if domain is not None:
        if action is None:
            raise UsageError(
                _("say what to do with --domain: --register, --transfer or --existing")
            )
        if action == "existing" and product is None:
            raise UsageError(_("--existing only names the domain of a PRODUCT: give the product"))
        if not 1 <= years <= MAX_YEARS or (action == "transfer" and years != 1):
            allowed = (
                "1 (a transfer adds one year)" if action == "transfer" else f"1 to {MAX_YEARS}"
            )
            raise UsageError(
                _("invalid --years: {years} (use {allowed})").format(years=years, allowed=allowed)
            )
        if action == "transfer" and require_code and not (epp_code and epp_code.strip()):
            raise UsageError(_("a transfer needs the domain's transfer (EPP) code"))
        name = validate.hostname(domain_name(domain, "--domain"), "--domain")
        code = SecretStr(epp_code.strip()) if action == "transfer" and epp_code else None
        order_domain = OrderDomain(name=name, action=action, years=years, epp_code=code)
    elif action is not None:
        raise UsageError(_("--{action} needs --domain NAME").format(action=action))
    if promo is not None and not 1 <= len(promo.strip()) <= MAX_PROMO:
        raise UsageError(
            _("invalid --promo: a code has 1 to {MAX_PROMO} characters").format(MAX_PROMO=MAX_PROMO)
        )
    return OrderRequest(
        product_id=product.id if product else None,
        billing_cycle=cycle if product else None,
        domain=order_domain,
        promo_code=promo.strip() if promo else None,
        use_credit=use_credit,
    )


def quote_order(driver: Driver, order: OrderRequest) -> OrderQuote:
    return driver.quote_order(order)


def place_order(driver: Driver, order: OrderRequest, key: str) -> Order:
    """Send the order under `key` (the caller journals it first: it issues an invoice)."""
    return driver.create_order(order, idempotency_key=key)


def get_order(driver: Driver, order_id: int) -> Order:
    return driver.get_order(order_id)

"""The catalog (products, their cycles and prices, add-ons), domain availability and orders."""

from __future__ import annotations

import datetime as dt

from pydantic import SecretStr

from clientarea_cli.models.billing import Invoice
from clientarea_cli.models.common import Model, Money

ORDER_DOMAIN_ACTIONS = ("register", "transfer", "existing")


class ProductPrice(Model):
    billing_cycle: str
    price: Money
    setup_fee: Money

    @property
    def name(self) -> str:
        """`monthly 12.95 EUR (+10.00 EUR setup)`: how a table cell lists the prices."""
        setup = f" (+{self.setup_fee} setup)" if self.setup_fee.amount else ""
        return f"{self.billing_cycle} {self.price}{setup}"


class ProductAddon(Model):
    id: int
    name: str
    description: str | None = None
    pricing: list[ProductPrice] = []


class Product(Model):
    id: int
    name: str
    group: str
    type: str
    description: str | None = None
    pricing: list[ProductPrice] = []
    addons: list[ProductAddon] = []
    requires_domain: bool = False

    def price_for(self, cycle: str) -> ProductPrice | None:
        return next((p for p in self.pricing if p.billing_cycle == cycle), None)


class DomainAvailability(Model):
    name: str
    available: bool
    reason: str | None = None
    registration_price: Money | None = None
    transfer_price: Money | None = None
    renewal_price: Money | None = None


class OrderDomain(Model):
    """The domain part of an order; the transfer code is a secret (never shown or logged)."""

    name: str
    action: str
    years: int = 1
    epp_code: SecretStr | None = None


class OrderRequest(Model):
    """What `createOrder` (and `quoteOrder`) take."""

    product_id: int | None = None
    billing_cycle: str | None = None
    domain: OrderDomain | None = None
    promo_code: str | None = None
    use_credit: bool = False

    def body(self) -> dict[str, object]:
        """The JSON body, with the transfer code revealed (it only ever goes to the provider)."""
        data = self.model_dump(mode="json", exclude_none=True)
        if self.domain is not None and self.domain.epp_code is not None:
            data["domain"]["epp_code"] = self.domain.epp_code.get_secret_value()
        return data


class OrderItem(Model):
    description: str
    product_id: int | None = None
    service_id: int | None = None
    domain: str | None = None
    amount: Money


class OrderQuote(Model):
    items: list[OrderItem]
    subtotal: Money
    tax: Money
    total: Money
    promo_code: str | None = None


class Order(Model):
    id: int
    number: str
    status: str
    created_at: dt.datetime
    total: Money
    invoice_id: int | None = None
    items: list[OrderItem] = []
    invoice: Invoice | None = None

"""The sandbox's routes: one module per noun, plus the table of operations not built yet."""

from __future__ import annotations

from ..router import Router
from . import (
    account,
    account_ops,
    billing,
    catalog,
    contacts,
    content,
    domain_actions,
    domain_bulk,
    domain_records,
    domains,
    invoice_payments,
    orders,
    payment_methods,
    pending,
    service_cancellation,
    service_options,
    service_panel,
    service_upgrades,
    services,
    tickets,
    wallet,
)


def build_router() -> Router:
    router = Router()
    modules = (
        account, services, domains, domain_actions, domain_bulk, domain_records, billing,
        invoice_payments, wallet, payment_methods, account_ops, contacts, tickets, content,
        service_cancellation, service_upgrades, service_options, service_panel, catalog, orders,
        pending,
    )  # fmt: skip
    for module in modules:
        module.register(router)
    return router

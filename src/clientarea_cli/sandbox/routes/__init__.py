"""The sandbox's routes: one module per noun, plus the table of operations not built yet."""

from __future__ import annotations

from ..router import Router
from . import account, billing, domain_records, domains, pending, services


def build_router() -> Router:
    router = Router()
    for module in (account, services, domains, domain_records, billing, pending):
        module.register(router)
    return router

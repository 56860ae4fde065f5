"""The sandbox's routes: one module per noun, plus the table of operations not built yet."""

from __future__ import annotations

from ..router import Router
from . import account, billing, domains, pending, services


def build_router() -> Router:
    router = Router()
    for module in (account, services, domains, billing, pending):
        module.register(router)
    return router

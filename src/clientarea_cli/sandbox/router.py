"""A tiny router: (method, path pattern) -> operation id and handler.

Patterns use ``{name}`` for one path segment. A route without a handler is part of the contract
but not built yet: it answers 501 ``not_implemented`` (after authentication). When several
patterns match a path, the one whose first literal segment comes earliest wins
(``/v1/domains/bulk/{action}`` before ``/v1/domains/{domain}/renewal``), whatever the order
the route modules register them in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from .web import ApiError, Request, Response

if TYPE_CHECKING:
    from .idempotency import IdempotencyStore
    from .store import Database


@dataclass(frozen=True)
class Tenant:
    """The authenticated client."""

    id: int
    currency: str


@dataclass
class Context:
    """Everything a handler gets: the request, the store, the business date, the client."""

    request: Request
    db: Database
    today: date
    idempotency: IdempotencyStore
    tenant: Tenant | None = None
    params: dict[str, str] = field(default_factory=dict)

    @property
    def client_id(self) -> int:
        if self.tenant is None:
            raise RuntimeError("this handler needs an authenticated client")
        return self.tenant.id

    @property
    def currency(self) -> str:
        return self.tenant.currency if self.tenant else "EUR"


Handler = Callable[[Context], Response]


@dataclass(frozen=True)
class Route:
    method: str
    pattern: str
    operation: str
    handler: Handler | None
    auth: bool
    regex: re.Pattern[str]
    literal_segments: int
    specificity: tuple[bool, ...]  # per segment: is it a parameter? (sorts literals first)


def _compile(pattern: str) -> re.Pattern[str]:
    parts = []
    for segment in pattern.strip("/").split("/"):
        if segment.startswith("{") and segment.endswith("}"):
            name = segment[1:-1]
            # Ids are numbers in the contract: /v1/orders/quote is not order "quote".
            value = "[0-9]+" if name == "id" or name.endswith("_id") else "[^/]+"
            parts.append(f"(?P<{name}>{value})")
        else:
            parts.append(re.escape(segment))
    return re.compile("^/" + "/".join(parts) + "$")


class Router:
    def __init__(self) -> None:
        self.routes: list[Route] = []

    def add(
        self,
        method: str,
        pattern: str,
        operation: str,
        handler: Handler | None = None,
        *,
        auth: bool = True,
    ) -> None:
        segments = [s for s in pattern.split("/") if s]
        specificity = tuple(s.startswith("{") for s in segments)
        literals = specificity.count(False)
        route = Route(
            method, pattern, operation, handler, auth, _compile(pattern), literals, specificity
        )
        self.routes.append(route)

    def resolve(self, method: str, path: str) -> tuple[Route, dict[str, str]]:
        """The route for the request; 404 for an unknown path, 405 for a wrong method."""
        if len(path) > 1 and path.endswith("/"):
            path = path.rstrip("/")
        matches: list[tuple[Route, dict[str, str]]] = []
        for route in self.routes:
            found = route.regex.match(path)
            if found:
                matches.append((route, found.groupdict()))
        if not matches:
            raise ApiError(404, "not_found", f"no such endpoint: {path}")
        for route, params in sorted(matches, key=lambda m: m[0].specificity):
            if route.method == method:
                return route, params
        # Allow names the methods of the path's own (most literal) template, as the contract
        # does: /v1/domains/availability is POST only, though GET falls through to a domain.
        best = min(route.specificity for route, _ in matches)
        allowed = sorted({route.method for route, _ in matches if route.specificity == best})
        raise ApiError(
            405,
            "method_not_allowed",
            f"{method} is not allowed on {path}",
            {"allowed": allowed},
            headers={"Allow": ", ".join(allowed)},
        )

    def operations(self) -> list[str]:
        """The operation ids that have a handler, in registration order."""
        return [route.operation for route in self.routes if route.handler is not None]

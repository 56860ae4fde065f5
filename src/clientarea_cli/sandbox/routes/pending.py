"""Contract operations the sandbox has not built yet: they answer 501 ``not_implemented``.

Registering them keeps the path space honest: the client gets 401 first (auth still applies),
then 501, never a 404 for an operation the contract promises. Move a line out of this table
into a route module when its issue lands.
"""

from __future__ import annotations

from ..router import Router

# (method, path pattern, operation id)
PENDING: list[tuple[str, str, str]] = []

NO_AUTH = {"requestPasswordReset"}


def register(router: Router) -> None:
    for method, pattern, operation in PENDING:
        router.add(method, pattern, operation, None, auth=operation not in NO_AUTH)

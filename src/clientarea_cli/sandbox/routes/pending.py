"""Contract operations the sandbox has not built yet: they answer 501 ``not_implemented``.

Registering them keeps the path space honest: the client gets 401 first (auth still applies),
then 501, never a 404 for an operation the contract promises. Move a line out of this table
into a route module when its issue lands.
"""

from __future__ import annotations

from ..router import Router

# (method, path pattern, operation id)
PENDING: list[tuple[str, str, str]] = [
    # services
    ("POST", "/v1/services/{id}/cancellation", "requestCancellation"),
    ("GET", "/v1/services/{id}/cancellation", "getCancellation"),
    ("DELETE", "/v1/services/{id}/cancellation", "withdrawCancellation"),
    ("GET", "/v1/services/{id}/upgrade-options", "listUpgradeOptions"),
    ("POST", "/v1/services/{id}/upgrade-quote", "quoteUpgrade"),
    ("POST", "/v1/services/{id}/upgrade", "upgradeService"),
    ("GET", "/v1/services/{id}/options", "getServiceOptions"),
    ("PATCH", "/v1/services/{id}/options", "updateServiceOptions"),
    ("GET", "/v1/services/{id}/addons", "listServiceAddons"),
    ("POST", "/v1/services/{id}/addons", "orderServiceAddon"),
    ("DELETE", "/v1/services/{id}/addons/{addon_id}", "cancelServiceAddon"),
    ("POST", "/v1/services/{id}/password", "changeServicePassword"),
    ("GET", "/v1/services/{id}/credentials", "getServiceCredentials"),
    ("POST", "/v1/services/{id}/login-url", "createServiceLoginUrl"),
    ("GET", "/v1/services/{id}/mailboxes", "listMailboxes"),
    ("POST", "/v1/services/{id}/mailboxes", "createMailbox"),
    ("DELETE", "/v1/services/{id}/mailboxes/{address}", "deleteMailbox"),
    ("GET", "/v1/services/{id}/usage", "getServiceUsage"),
    # domains
    ("POST", "/v1/domains/availability", "checkDomainAvailability"),
    # catalog and orders
    ("GET", "/v1/catalog/products", "listProducts"),
    ("GET", "/v1/catalog/products/{id}", "getProduct"),
    ("POST", "/v1/orders", "createOrder"),
    ("GET", "/v1/orders/{id}", "getOrder"),
]

NO_AUTH = {"requestPasswordReset"}


def register(router: Router) -> None:
    for method, pattern, operation in PENDING:
        router.add(method, pattern, operation, None, auth=operation not in NO_AUTH)

"""Contract operations the sandbox has not built yet: they answer 501 ``not_implemented``.

Registering them keeps the path space honest: the client gets 401 first (auth still applies),
then 501, never a 404 for an operation the contract promises. Move a line out of this table
into a route module when its issue lands.
"""

from __future__ import annotations

from ..router import Router

# (method, path pattern, operation id)
PENDING: list[tuple[str, str, str]] = [
    # account
    ("PATCH", "/v1/account", "updateAccount"),
    ("POST", "/v1/account/password", "changePassword"),
    ("PUT", "/v1/account/security-question", "setSecurityQuestion"),
    ("POST", "/v1/account/email-verification", "requestEmailVerification"),
    ("POST", "/v1/password-reset", "requestPasswordReset"),
    # contacts
    ("POST", "/v1/contacts", "createContact"),
    ("PATCH", "/v1/contacts/{id}", "updateContact"),
    ("DELETE", "/v1/contacts/{id}", "deleteContact"),
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
    ("PUT", "/v1/services/{id}/payment-method", "setServicePaymentMethod"),
    # domains
    ("POST", "/v1/domains/availability", "checkDomainAvailability"),
    # invoices
    ("POST", "/v1/invoices/{id}/payments", "payInvoice"),
    ("GET", "/v1/invoices/{id}/pdf", "getInvoicePdf"),
    ("GET", "/v1/invoices/{id}/transfer-details", "getInvoiceTransferDetails"),
    # wallet
    ("GET", "/v1/wallet/terms", "getWalletTerms"),
    ("POST", "/v1/wallet/top-ups", "createTopUp"),
    ("GET", "/v1/wallet/top-ups", "listTopUps"),
    ("GET", "/v1/wallet/top-ups/{reference}", "getTopUp"),
    ("POST", "/v1/wallet/top-ups/{reference}/proof", "uploadTopUpProof"),
    # payment methods
    ("POST", "/v1/payment-methods/cards", "addCard"),
    ("POST", "/v1/payment-methods/bank-accounts", "addBankAccount"),
    ("POST", "/v1/payment-methods/{id}/verification", "verifyPaymentMethod"),
    ("DELETE", "/v1/payment-methods/{id}", "deletePaymentMethod"),
    ("POST", "/v1/payment-methods/{id}/default", "setDefaultPaymentMethod"),
    # tickets
    ("GET", "/v1/tickets/departments", "listTicketDepartments"),
    ("GET", "/v1/tickets", "listTickets"),
    ("POST", "/v1/tickets", "openTicket"),
    ("GET", "/v1/tickets/{id}", "getTicket"),
    ("POST", "/v1/tickets/{id}/replies", "replyToTicket"),
    ("POST", "/v1/tickets/{id}/close", "closeTicket"),
    # catalog and orders
    ("GET", "/v1/catalog/products", "listProducts"),
    ("GET", "/v1/catalog/products/{id}", "getProduct"),
    ("POST", "/v1/orders", "createOrder"),
    ("GET", "/v1/orders/{id}", "getOrder"),
    # content
    ("GET", "/v1/emails", "listEmails"),
    ("GET", "/v1/emails/{id}", "getEmail"),
    ("GET", "/v1/announcements", "listAnnouncements"),
    ("GET", "/v1/announcements/{id}", "getAnnouncement"),
    ("GET", "/v1/kb/categories", "listKbCategories"),
    ("GET", "/v1/kb/articles", "listKbArticles"),
    ("GET", "/v1/kb/articles/{id}", "getKbArticle"),
    ("GET", "/v1/downloads", "listDownloads"),
    ("GET", "/v1/downloads/{id}/file", "downloadFile"),
    ("GET", "/v1/affiliate", "getAffiliate"),
    ("POST", "/v1/affiliate/activation", "activateAffiliate"),
]

NO_AUTH = {"requestPasswordReset"}


def register(router: Router) -> None:
    for method, pattern, operation in PENDING:
        router.add(method, pattern, operation, None, auth=operation not in NO_AUTH)

"""Pydantic v2 domain models shared by every layer (no I/O here)."""

from clientarea_cli.models.account import Account, AuthStatus, Contact, ProviderInfo
from clientarea_cli.models.billing import (
    BankAccountDetails,
    Invoice,
    InvoiceItem,
    InvoicePayment,
    PaymentMethod,
    TransferDetails,
    Wallet,
    WalletMovement,
    WalletOverview,
)
from clientarea_cli.models.bulk import (
    JournalEntry,
    MoneyOperation,
    OperationStatus,
    Outcome,
    PlanItem,
    RunSummary,
)
from clientarea_cli.models.common import Listing, Model, Money
from clientarea_cli.models.domain_records import (
    BulkError,
    BulkItemResult,
    ChildNameserver,
    DnsRecord,
    DnsRecordInput,
    DomainContact,
    DomainContacts,
    EppCode,
)
from clientarea_cli.models.domains import Domain, DomainFilter, DomainRecurring
from clientarea_cli.models.payments import (
    PaymentMethodUsage,
    PaymentMethodVerification,
    TopUp,
    TopUpProof,
    TopUpRow,
    WalletTerms,
)
from clientarea_cli.models.services import Service, ServiceAddon

__all__ = [
    "Account",
    "AuthStatus",
    "BankAccountDetails",
    "BulkError",
    "BulkItemResult",
    "ChildNameserver",
    "Contact",
    "DnsRecord",
    "DnsRecordInput",
    "Domain",
    "DomainContact",
    "DomainContacts",
    "DomainFilter",
    "DomainRecurring",
    "EppCode",
    "Invoice",
    "InvoiceItem",
    "InvoicePayment",
    "JournalEntry",
    "Listing",
    "Model",
    "Money",
    "MoneyOperation",
    "OperationStatus",
    "Outcome",
    "PaymentMethod",
    "PaymentMethodUsage",
    "PaymentMethodVerification",
    "PlanItem",
    "ProviderInfo",
    "RunSummary",
    "Service",
    "ServiceAddon",
    "TopUp",
    "TopUpProof",
    "TopUpRow",
    "TransferDetails",
    "Wallet",
    "WalletMovement",
    "WalletOverview",
    "WalletTerms",
]

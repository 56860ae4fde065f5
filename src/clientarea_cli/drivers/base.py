"""The Driver contract: what every provider driver offers, and how it says "not supported".

A driver declares its capabilities; every operation has a default implementation that raises
NotSupported, so an operation a platform cannot do fails with exit code 6 and a clear message
instead of an AttributeError or a silent no-op.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

from clientarea_cli.errors import NotSupported
from clientarea_cli.models import (
    Account,
    BulkItemResult,
    ChildNameserver,
    Contact,
    DnsRecord,
    DnsRecordInput,
    Domain,
    DomainContacts,
    DomainFilter,
    EppCode,
    Invoice,
    InvoicePayment,
    Listing,
    Money,
    OperationStatus,
    PaymentMethod,
    PaymentMethodRemoval,
    PaymentMethodVerification,
    ProviderInfo,
    Service,
    TopUp,
    TransferDetails,
    Wallet,
    WalletMovement,
    WalletTerms,
)
from clientarea_cli.models.catalog import (
    DomainAvailability,
    Order,
    OrderQuote,
    OrderRequest,
    Product,
)
from clientarea_cli.models.content import (
    Affiliate,
    Announcement,
    Download,
    Email,
    EmailSummary,
    KbArticle,
    KbArticleSummary,
    KbCategory,
)
from clientarea_cli.models.lifecycle import (
    AddonOrderResult,
    CancellationRequest,
    LoginUrl,
    Mailbox,
    ServiceCredentials,
    ServiceOptions,
    ServiceUsage,
    UpgradeOption,
    UpgradeQuote,
    UpgradeResult,
)
from clientarea_cli.models.services import ServiceAddon
from clientarea_cli.models.support import (
    AttachmentUpload,
    Department,
    NewTicket,
    Ticket,
    TicketAttachmentLimits,
    TicketMessage,
    TicketSummary,
)

if TYPE_CHECKING:
    import httpx

    from clientarea_cli.drivers.http import RetryPolicy


class Capability(StrEnum):
    ACCOUNT = "account"
    SERVICES = "services"
    DOMAINS = "domains"
    DOMAINS_BULK = "domains.bulk"
    INVOICES = "invoices"
    WALLET = "wallet"
    PAYMENT_METHODS = "payment_methods"
    CONTACTS = "contacts"
    IDEMPOTENCY_KEYS = "idempotency_keys"


BULK_CHUNK = 1000
"""The most items one provider bulk request may carry (the Client Area API's limit)."""


class Driver:
    """Base class of every driver. Subclasses set `name` and `capabilities` and override methods."""

    name: ClassVar[str] = "base"
    capabilities: ClassVar[frozenset[Capability]] = frozenset()

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        transport: httpx.BaseTransport | None = None,
        retry: RetryPolicy | None = None,
        debug: Callable[[str], None] | None = None,
        timeout: float = 30.0,
    ) -> None:
        """Every driver is built from plain values the CLI hands over (drivers read no files)."""

    def supports(self, capability: Capability) -> bool:
        return capability in self.capabilities

    def require(self, capability: Capability, operation: str) -> None:
        if capability not in self.capabilities:
            raise NotSupported(operation, self.name)

    def _unsupported(self, operation: str) -> NotSupported:
        return NotSupported(operation, self.name)

    def close(self) -> None:
        """Release the HTTP client; drivers are used once per process."""

    # -- provider and account -------------------------------------------------------------
    def provider_info(self) -> ProviderInfo:
        raise self._unsupported("reading the provider's details")

    def get_account(self) -> Account:
        raise self._unsupported("reading the account")

    def list_contacts(self) -> list[Contact]:
        raise self._unsupported("listing contacts")

    # -- services ---------------------------------------------------------------------------
    def list_services(self, *, status: str | None, limit: int | None) -> Listing[Service]:
        raise self._unsupported("listing services")

    def get_service(self, service_id: int) -> Service:
        raise self._unsupported("showing a service")

    # -- domains ----------------------------------------------------------------------------
    def list_domains(self, filters: DomainFilter, *, limit: int | None) -> Listing[Domain]:
        raise self._unsupported("listing domains")

    def get_domain(self, ref: str) -> Domain:
        raise self._unsupported("showing a domain")

    def update_domain(
        self,
        ref: str,
        *,
        auto_renew: bool | None = None,
        registrar_lock: bool | None = None,
        id_protection: bool | None = None,
    ) -> Domain:
        raise self._unsupported("changing a domain's settings")

    def set_domain_recurring(
        self, ref: str, *, enabled: bool, payment_method_id: int | None, contact_id: int | None
    ) -> Domain:
        raise self._unsupported("recurring payment for domains")

    def renew_domain(
        self, ref: str, *, years: int, use_credit: bool, idempotency_key: str
    ) -> Invoice:
        raise self._unsupported("renewing a domain")

    def get_nameservers(self, ref: str) -> list[str]:
        raise self._unsupported("reading name servers")

    def set_nameservers(self, ref: str, nameservers: list[str]) -> list[str]:
        raise self._unsupported("changing name servers")

    def bulk_domains(
        self, action: str, items: list[dict[str, object]], *, idempotency_key: str
    ) -> list[BulkItemResult]:
        """One provider bulk request (at most `BULK_CHUNK` items); one result per item, in order."""
        raise self._unsupported("bulk domain actions")

    # -- domain records (child name servers, EPP code, contacts, DNS) -------------------------
    def list_child_nameservers(self, ref: str) -> list[ChildNameserver]:
        raise self._unsupported("child name servers")

    def add_child_nameserver(
        self, ref: str, host: str, ips: list[str], *, idempotency_key: str
    ) -> ChildNameserver:
        raise self._unsupported("child name servers")

    def update_child_nameserver(self, ref: str, host: str, ips: list[str]) -> ChildNameserver:
        raise self._unsupported("child name servers")

    def remove_child_nameserver(self, ref: str, host: str) -> None:
        raise self._unsupported("child name servers")

    def get_epp_code(self, ref: str) -> EppCode:
        raise self._unsupported("transfer (EPP) codes")

    def get_domain_contacts(self, ref: str) -> DomainContacts:
        raise self._unsupported("domain contacts")

    def set_domain_contacts(self, ref: str, contacts: DomainContacts) -> DomainContacts:
        raise self._unsupported("changing domain contacts")

    def list_dns_records(self, ref: str) -> list[DnsRecord]:
        raise self._unsupported("DNS management")

    def add_dns_record(
        self, ref: str, record: DnsRecordInput, *, idempotency_key: str
    ) -> DnsRecord:
        raise self._unsupported("DNS management")

    def update_dns_record(self, ref: str, record_id: int, record: DnsRecordInput) -> DnsRecord:
        raise self._unsupported("DNS management")

    def remove_dns_record(self, ref: str, record_id: int) -> None:
        raise self._unsupported("DNS management")

    # -- money operations -------------------------------------------------------------------
    def get_operation(self, key: str) -> OperationStatus:
        """What the provider did with a request sent under this idempotency key."""
        raise self._unsupported("reconciling operations")

    # -- billing ----------------------------------------------------------------------------
    def list_invoices(self, *, status: str | None, limit: int | None) -> Listing[Invoice]:
        raise self._unsupported("listing invoices")

    def get_invoice(self, invoice_id: int) -> Invoice:
        raise self._unsupported("showing an invoice")

    def pay_invoice(
        self,
        invoice_id: int,
        *,
        use_credit: bool,
        method: str | None,
        payment_method_id: int | None,
        idempotency_key: str,
    ) -> InvoicePayment:
        raise self._unsupported("paying invoices")

    def get_invoice_pdf(self, invoice_id: int) -> tuple[bytes, str | None]:
        """The PDF and the file name the provider suggests (if any)."""
        raise self._unsupported("downloading invoices")

    def get_invoice_transfer_details(self, invoice_id: int) -> TransferDetails:
        raise self._unsupported("bank transfer details")

    def get_wallet(self) -> Wallet:
        raise self._unsupported("reading the wallet")

    def list_wallet_movements(self, *, limit: int | None) -> Listing[WalletMovement]:
        raise self._unsupported("listing wallet movements")

    def list_payment_methods(self) -> list[PaymentMethod]:
        raise self._unsupported("listing payment methods")

    # -- wallet and payment methods -----------------------------------------------------------
    def get_wallet_terms(self) -> WalletTerms:
        raise self._unsupported("reading the top-up terms")

    def create_top_up(
        self,
        amount: Money,
        *,
        method: str,
        payment_method_id: int | None,
        accept_terms: bool,
        idempotency_key: str,
    ) -> TopUp:
        """Add credit by `card` (a stored, validated card) or by bank `transfer`."""
        raise self._unsupported("adding credit")

    def list_top_ups(self, *, status: str | None, limit: int | None) -> Listing[TopUp]:
        raise self._unsupported("listing top-ups")

    def get_top_up(self, reference: str) -> TopUp:
        raise self._unsupported("showing a top-up")

    def upload_top_up_proof(
        self, reference: str, content: bytes, content_type: str, *, idempotency_key: str
    ) -> TopUp:
        raise self._unsupported("uploading a proof of payment")

    def add_card(
        self,
        *,
        number: str,
        expiry: str,
        cvc: str,
        holder: str,
        make_default: bool,
        idempotency_key: str,
    ) -> PaymentMethod:
        """Store a card; the number and CVC go only into the request body, never into a log."""
        raise self._unsupported("adding a card")

    def add_bank_account(
        self,
        *,
        iban: str,
        bic: str | None,
        holder: str,
        accept_mandate: bool,
        make_default: bool,
        idempotency_key: str,
    ) -> PaymentMethod:
        raise self._unsupported("adding a bank account")

    def verify_payment_method(
        self, method_id: int, *, answer: str | None, idempotency_key: str
    ) -> PaymentMethodVerification:
        """Start the verification challenge (`answer` None) or answer it."""
        raise self._unsupported("verifying payment methods")

    def delete_payment_method(self, method_id: int, *, force: bool) -> PaymentMethodRemoval | None:
        """Remove it (`force`: even if services or domains renew with it; they lose it). What
        lost its recurring payment, or None from a provider that does not say."""
        raise self._unsupported("removing payment methods")

    def set_default_payment_method(self, method_id: int) -> PaymentMethod:
        raise self._unsupported("choosing the default payment method")

    def set_service_payment_method(self, service_id: int, payment_method_id: int | None) -> Service:
        raise self._unsupported("choosing a service's payment method")

    # -- support, account and content ------------------------------------------------------
    def list_ticket_departments(self) -> list[Department]:
        raise self._unsupported("support tickets")

    def list_tickets(self, *, status: str | None, limit: int | None) -> Listing[TicketSummary]:
        raise self._unsupported("support tickets")

    def get_ticket(self, ticket_id: int) -> Ticket:
        raise self._unsupported("support tickets")

    def ticket_attachment_limits(self) -> TicketAttachmentLimits | None:
        """The provider's attachment limits, or None when it does not publish them."""
        raise self._unsupported("ticket attachments")

    def open_ticket(self, ticket: NewTicket, *, idempotency_key: str) -> Ticket:
        raise self._unsupported("opening tickets")

    def reply_to_ticket(
        self,
        ticket_id: int,
        message: str,
        attachments: list[AttachmentUpload],
        *,
        idempotency_key: str,
    ) -> TicketMessage:
        raise self._unsupported("replying to tickets")

    def close_ticket(self, ticket_id: int) -> Ticket:
        raise self._unsupported("closing tickets")

    def update_account(self, changes: dict[str, Any]) -> Account:
        """Change the given account fields (a null clears an optional one)."""
        raise self._unsupported("changing the account")

    def change_password(self, current: str, new: str) -> None:
        raise self._unsupported("changing the password")

    def set_security_question(self, question: str, answer: str) -> None:
        raise self._unsupported("the security question")

    def request_email_verification(self) -> None:
        raise self._unsupported("e-mail verification")

    def request_password_reset(self, email: str) -> None:
        """Ask for a reset link; sent without credentials (no login needed)."""
        raise self._unsupported("password reset")

    def create_contact(self, fields: dict[str, Any], *, idempotency_key: str) -> Contact:
        raise self._unsupported("adding contacts")

    def update_contact(self, contact_id: int, changes: dict[str, Any]) -> Contact:
        raise self._unsupported("changing contacts")

    def delete_contact(self, contact_id: int) -> None:
        raise self._unsupported("removing contacts")

    def list_emails(self, *, limit: int | None) -> Listing[EmailSummary]:
        raise self._unsupported("the e-mail history")

    def get_email(self, email_id: int) -> Email:
        raise self._unsupported("the e-mail history")

    def list_announcements(self, *, limit: int | None) -> Listing[Announcement]:
        raise self._unsupported("announcements")

    def get_announcement(self, announcement_id: int) -> Announcement:
        raise self._unsupported("announcements")

    def list_kb_categories(self) -> list[KbCategory]:
        raise self._unsupported("the knowledgebase")

    def search_kb(
        self, query: str | None, *, category_id: int | None, limit: int | None
    ) -> Listing[KbArticleSummary]:
        raise self._unsupported("the knowledgebase")

    def get_kb_article(self, article_id: int) -> KbArticle:
        raise self._unsupported("the knowledgebase")

    def list_downloads(self, *, limit: int | None) -> Listing[Download]:
        raise self._unsupported("downloads")

    def download_file(self, download_id: int) -> tuple[bytes, str | None]:
        """The file and the name the provider gives it (if any)."""
        raise self._unsupported("downloads")

    def get_affiliate(self) -> Affiliate:
        raise self._unsupported("the affiliate account")

    def activate_affiliate(self, *, idempotency_key: str) -> Affiliate:
        raise self._unsupported("the affiliate account")

    # -- service lifecycle and orders ---------------------------------------------------------
    def get_cancellation(self, service_id: int) -> CancellationRequest:
        raise self._unsupported("cancellation requests")

    def request_cancellation(
        self, service_id: int, *, when: str, reason: str | None, idempotency_key: str
    ) -> CancellationRequest:
        raise self._unsupported("cancellation requests")

    def withdraw_cancellation(self, service_id: int) -> None:
        raise self._unsupported("cancellation requests")

    def list_upgrade_options(self, service_id: int) -> list[UpgradeOption]:
        raise self._unsupported("upgrades and downgrades")

    def quote_upgrade(self, service_id: int, product_id: int, billing_cycle: str) -> UpgradeQuote:
        raise self._unsupported("upgrades and downgrades")

    def upgrade_service(
        self,
        service_id: int,
        product_id: int,
        billing_cycle: str,
        *,
        expected_amount_due: Money | None,
        idempotency_key: str,
    ) -> UpgradeResult:
        raise self._unsupported("upgrades and downgrades")

    def get_service_options(self, service_id: int) -> ServiceOptions:
        raise self._unsupported("configurable options")

    def update_service_options(
        self, service_id: int, options: dict[str, bool | int | str]
    ) -> ServiceOptions:
        raise self._unsupported("configurable options")

    def list_service_addons(self, service_id: int) -> list[ServiceAddon]:
        raise self._unsupported("add-ons")

    def add_service_addon(
        self, service_id: int, addon_id: int, billing_cycle: str, *, idempotency_key: str
    ) -> AddonOrderResult:
        raise self._unsupported("add-ons")

    def remove_service_addon(self, service_id: int, addon_id: int) -> None:
        raise self._unsupported("add-ons")

    def change_service_password(self, service_id: int, password: str) -> None:
        raise self._unsupported("changing a panel password")

    def get_service_credentials(self, service_id: int) -> ServiceCredentials:
        raise self._unsupported("panel credentials")

    def create_service_login_url(self, service_id: int) -> LoginUrl:
        raise self._unsupported("panel login links")

    def list_mailboxes(self, service_id: int) -> list[Mailbox]:
        raise self._unsupported("mailboxes")

    def create_mailbox(
        self,
        service_id: int,
        address: str,
        password: str,
        quota_mb: int | None,
        *,
        idempotency_key: str,
    ) -> Mailbox:
        raise self._unsupported("mailboxes")

    def delete_mailbox(self, service_id: int, address: str) -> None:
        raise self._unsupported("mailboxes")

    def get_service_usage(self, service_id: int) -> ServiceUsage:
        raise self._unsupported("usage")

    def list_products(self, *, group: str | None) -> list[Product]:
        raise self._unsupported("the catalog")

    def get_product(self, product_id: int) -> Product:
        raise self._unsupported("the catalog")

    def check_domain_availability(self, names: list[str]) -> list[DomainAvailability]:
        """One result per name, in order (at most 50 names per call)."""
        raise self._unsupported("domain availability")

    def quote_order(self, order: OrderRequest) -> OrderQuote:
        raise self._unsupported("order quotes")

    def create_order(self, order: OrderRequest, *, idempotency_key: str) -> Order:
        raise self._unsupported("ordering")

    def get_order(self, order_id: int) -> Order:
        raise self._unsupported("orders")

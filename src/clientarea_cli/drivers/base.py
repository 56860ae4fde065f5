"""The Driver contract: what every provider driver offers, and how it says "not supported".

A driver declares its capabilities; every operation has a default implementation that raises
NotSupported, so an operation a platform cannot do fails with exit code 6 and a clear message
instead of an AttributeError or a silent no-op.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar, TypeVar

from clientarea_cli.drivers.ops_lifecycle import LifecycleOperations
from clientarea_cli.drivers.ops_payments import PaymentOperations
from clientarea_cli.drivers.ops_support import SupportOperations
from clientarea_cli.errors import NotSupported
from clientarea_cli.i18n import _

if TYPE_CHECKING:
    import httpx

    from clientarea_cli.drivers.http import RetryPolicy
    from clientarea_cli.models import (
        Account,
        BulkItemStatus,
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
        OperationStatus,
        PaymentMethod,
        ProviderInfo,
        Service,
        TransferDetails,
        Wallet,
        WalletMovement,
    )
    from clientarea_cli.models.common import Model

T = TypeVar("T", bound="Model")


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
    FUNDS_INVOICES = "wallet.funds_invoices"
    """Credit is added by a funds invoice for any amount (no presets, no terms, no card)."""


BULK_CHUNK = 1000
"""The most items one provider bulk request may carry (the Client Area API's limit)."""


class Driver(PaymentOperations, SupportOperations, LifecycleOperations):
    """Base class of every driver. Subclasses set `name` and `capabilities` and override methods.

    The operations of wallets and payment methods, support and content, and services' lifecycle
    and orders are declared in drivers/ops_*.py (mixed in here), to keep each module by noun.
    """

    capabilities: ClassVar[frozenset[Capability]] = frozenset()
    credit_note: ClassVar[str | None] = None
    spends_credit: ClassVar[bool] = False
    """The provider pays invoices from account credit by itself (`credit_note` says so to users)."""
    """For plans: what the provider does with account credit by itself (None: nothing)."""
    pay_hint: ClassVar[str | None] = None
    """How to pay an invoice when the provider takes no payment through the API (a message
    marked with N_; None: `clientarea invoices pay`)."""

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

    def close(self) -> None:
        """Release the HTTP client; drivers are used once per process."""

    def made_changes(self) -> bool:
        """Whether a request that may have changed something at the provider has been sent."""
        return False

    # -- provider and account -------------------------------------------------------------
    def provider_info(self) -> ProviderInfo:
        raise self._unsupported(_("reading the provider's details"))

    def get_account(self) -> Account:
        raise self._unsupported(_("reading the account"))

    def list_contacts(self) -> list[Contact]:
        raise self._unsupported(_("listing contacts"))

    # -- services ---------------------------------------------------------------------------
    def list_services(self, *, status: str | None, limit: int | None) -> Listing[Service]:
        raise self._unsupported(_("listing services"))

    def get_service(self, service_id: int) -> Service:
        raise self._unsupported(_("showing a service"))

    # -- domains ----------------------------------------------------------------------------
    def list_domains(self, filters: DomainFilter, *, limit: int | None) -> Listing[Domain]:
        raise self._unsupported(_("listing domains"))

    def domain_pages(self, filters: DomainFilter, model: type[T]) -> Iterator[list[T]]:
        """Every domain the filters match, a page at a time, as `model` (`Domain`, or a model
        with some of its fields: what a bulk plan reads). A plan over 10,000 domains is made
        page by page, so they are never all in memory at once. Drivers whose provider pages its
        listing override this; the others answer one page of everything."""
        domains = self.list_domains(filters, limit=None).items
        yield [model.model_validate(domain, from_attributes=True) for domain in domains]

    def get_domain(self, ref: str) -> Domain:
        raise self._unsupported(_("showing a domain"))

    def update_domain(
        self,
        ref: str,
        *,
        auto_renew: bool | None = None,
        registrar_lock: bool | None = None,
        id_protection: bool | None = None,
    ) -> Domain:
        raise self._unsupported(_("changing a domain's settings"))

    def check_domain_setting(self, setting: str) -> None:
        """Raise NotSupported, before any plan, when the provider cannot change `setting`
        (`auto_renew`, `registrar_lock`, `id_protection`) on its domains."""

    def check_nameservers(self, nameservers: list[str]) -> None:
        """Raise UsageError, before any plan, for a set of name servers the provider refuses."""

    def set_domain_recurring(
        self,
        ref: str,
        *,
        enabled: bool,
        payment_method_id: int | None,
        contact_id: int | None,
        change_contact: bool = True,
    ) -> Domain:
        """`change_contact=False` leaves the domain's billing contact as it is."""
        raise self._unsupported(_("recurring payment for domains"))

    def check_renewal(self, years: int) -> None:
        """Raise NotSupported, before any plan, for a renewal length the provider cannot do."""

    def renew_domain(
        self, ref: str, *, years: int, use_credit: bool, idempotency_key: str
    ) -> Invoice:
        """Issue the renewal invoice; an unpaid one already renewing the domain is answered."""
        raise self._unsupported(_("renewing a domain"))

    def get_nameservers(self, ref: str) -> list[str]:
        raise self._unsupported(_("reading name servers"))

    def set_nameservers(self, ref: str, nameservers: list[str]) -> list[str]:
        raise self._unsupported(_("changing name servers"))

    def bulk_domains(
        self,
        action: str,
        items: list[dict[str, object]],
        *,
        idempotency_key: str,
        with_data: bool = True,
    ) -> list[BulkItemStatus]:
        """One provider bulk request (at most `BULK_CHUNK` items); one result per item, in order.

        `BulkItemResult`s (with each item's `data`) when `with_data`, else `BulkItemStatus`es:
        a settings change needs only whether each item succeeded, and a chunk's answer is 500 KB
        of domains whose parsing would cost more than the rest of its handling."""
        raise self._unsupported(_("bulk domain actions"))

    # -- domain records (child name servers, EPP code, contacts, DNS) -------------------------
    def list_child_nameservers(self, ref: str) -> list[ChildNameserver]:
        raise self._unsupported(_("child name servers"))

    def add_child_nameserver(
        self, ref: str, host: str, ips: list[str], *, idempotency_key: str
    ) -> ChildNameserver:
        raise self._unsupported(_("child name servers"))

    def update_child_nameserver(self, ref: str, host: str, ips: list[str]) -> ChildNameserver:
        raise self._unsupported(_("child name servers"))

    def remove_child_nameserver(self, ref: str, host: str) -> None:
        raise self._unsupported(_("child name servers"))

    def get_epp_code(self, ref: str) -> EppCode:
        raise self._unsupported(_("transfer (EPP) codes"))

    def get_domain_contacts(self, ref: str) -> DomainContacts:
        raise self._unsupported(_("domain contacts"))

    def set_domain_contacts(self, ref: str, contacts: DomainContacts) -> DomainContacts:
        raise self._unsupported(_("changing domain contacts"))

    def list_dns_records(self, ref: str) -> list[DnsRecord]:
        raise self._unsupported(_("DNS management"))

    def add_dns_record(
        self, ref: str, record: DnsRecordInput, *, idempotency_key: str
    ) -> DnsRecord:
        raise self._unsupported(_("DNS management"))

    def update_dns_record(self, ref: str, record_id: int, record: DnsRecordInput) -> DnsRecord:
        raise self._unsupported(_("DNS management"))

    def remove_dns_record(self, ref: str, record_id: int) -> None:
        raise self._unsupported(_("DNS management"))

    # -- money operations -------------------------------------------------------------------
    def get_operation(self, key: str) -> OperationStatus:
        """What the provider did with a request sent under this idempotency key."""
        raise self._unsupported(_("reconciling operations"))

    # -- billing ----------------------------------------------------------------------------
    def list_invoices(self, *, status: str | None, limit: int | None) -> Listing[Invoice]:
        raise self._unsupported(_("listing invoices"))

    def get_invoice(self, invoice_id: int) -> Invoice:
        raise self._unsupported(_("showing an invoice"))

    def check_invoice_payments(self, invoice_ids: list[int]) -> None:
        """Raise, before any plan, when the provider cannot take these invoices' payment."""

    def pay_invoice(
        self,
        invoice_id: int,
        *,
        use_credit: bool,
        method: str | None,
        payment_method_id: int | None,
        idempotency_key: str,
    ) -> InvoicePayment:
        raise self._unsupported(_("paying invoices"))

    def get_invoice_pdf(self, invoice_id: int) -> tuple[bytes, str | None]:
        """The PDF and the file name the provider suggests (if any)."""
        raise self._unsupported(_("downloading invoices"))

    def get_invoice_transfer_details(self, invoice_id: int) -> TransferDetails:
        raise self._unsupported(_("bank transfer details"))

    def get_wallet(self) -> Wallet:
        raise self._unsupported(_("reading the wallet"))

    def list_wallet_movements(self, *, limit: int | None) -> Listing[WalletMovement]:
        raise self._unsupported(_("listing wallet movements"))

    def list_payment_methods(self) -> list[PaymentMethod]:
        raise self._unsupported(_("listing payment methods"))

"""Payment methods: what renews with each, adding cards and bank accounts, verification, removal,
the default method, and the method each service renews with (seed 001).

Seed 001: automatic renewal needs a validated recurring method (a card or a bank direct debit),
and each service has its own. Seed 000: wallet credit is never one.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.errors import UsageError
from clientarea_cli.i18n import _
from clientarea_cli.i18n.carried import carried
from clientarea_cli.models import (
    Domain,
    DomainFilter,
    PaymentMethod,
    PaymentMethodUsage,
    PaymentMethodVerification,
    Service,
)
from clientarea_cli.ops.cards import CheckedBankAccount, CheckedCard
from clientarea_cli.ops.recurring import card_last_day, describe, find_method
from clientarea_cli.ops.today import provider_today

WALLET_WORDS = frozenset(
    {"credit", "wallet", "balance", "saldo", "account-credit", "account_credit"}
)
NO_METHOD_WORDS = frozenset({"none", "off", "manual"})
ENDED = frozenset({"cancelled", "expired"})
NOT_RENEWED = frozenset({"one_time", "free"})
_DECIMAL_ANSWER = re.compile(r"^\s*(\d+)[.,](\d+)\s*(?:€|[A-Za-z]{3})?\s*$", re.ASCII)


def label(method: PaymentMethod) -> str:
    """`Visa ···4242` or `bank account ···1332`: how a method is named in messages."""
    return describe(method).split(",")[0]


# -- what renews with each method -----------------------------------------------------------------


@dataclass(frozen=True)
class Renewing:
    """Everything of the account that renews with some method, fetched once."""

    services: list[Service] = field(default_factory=list)
    domains: list[Domain] = field(default_factory=list)

    def services_of(self, method_id: int) -> list[Service]:
        return [s for s in self.services if s.payment_method_id == method_id]

    def domains_of(self, method_id: int) -> list[Domain]:
        return [
            d
            for d in self.domains
            if d.recurring.enabled and d.recurring.payment_method_id == method_id
        ]


def renewing(driver: Driver) -> Renewing:
    """Every service and domain, one listing each (not one request per method)."""
    services = (
        driver.list_services(status=None, limit=None).items
        if driver.supports(Capability.SERVICES)
        else []
    )
    domains = (
        driver.list_domains(DomainFilter(), limit=None).items
        if driver.supports(Capability.DOMAINS)
        else []
    )
    return Renewing(services, domains)


def list_with_usage(driver: Driver) -> list[PaymentMethodUsage]:
    driver.require(Capability.PAYMENT_METHODS, _("listing payment methods"))
    methods = driver.list_payment_methods()
    users = renewing(driver) if methods else Renewing()
    return [
        PaymentMethodUsage(
            **method.model_dump(),
            services=[s.id for s in users.services_of(method.id)],
            domains=[d.name for d in users.domains_of(method.id)],
        )
        for method in methods
    ]


def resolve(driver: Driver, ref: str) -> PaymentMethod:
    """A method of the account by id or last four digits."""
    driver.require(Capability.PAYMENT_METHODS, _("payment methods"))
    return find_method(driver.list_payment_methods(), ref, "METHOD")


# -- adding -------------------------------------------------------------------------------------


def add_card(driver: Driver, card: CheckedCard, *, make_default: bool) -> PaymentMethod:
    """Store a checked card; it stays unvalidated until its challenge is answered."""
    driver.require(Capability.PAYMENT_METHODS, _("adding a card"))
    return driver.add_card(
        number=card.number,
        expiry=card.expiry,
        cvc=card.cvc,
        holder=card.holder,
        make_default=make_default,
        idempotency_key=str(uuid.uuid4()),
    )


def add_bank_account(
    driver: Driver, account: CheckedBankAccount, *, make_default: bool
) -> PaymentMethod:
    """Store a checked IBAN for direct debit; the caller has had the mandate accepted."""
    driver.require(Capability.PAYMENT_METHODS, _("adding a bank account"))
    return driver.add_bank_account(
        iban=account.iban,
        bic=account.bic,
        holder=account.holder,
        accept_mandate=True,
        make_default=make_default,
        idempotency_key=str(uuid.uuid4()),
    )


# -- verification -------------------------------------------------------------------------------


def unvalidated(driver: Driver, ref: str) -> PaymentMethod:
    method = resolve(driver, ref)
    if method.validated:
        raise UsageError(
            _("payment method {id} ({label}) is already validated").format(
                id=method.id, label=label(method)
            )
        )
    return method


def normal_answer(raw: str) -> str:
    """An amount typed `0,37`, `0.37` or `0.37 EUR` becomes `0.37`; a code stays as typed."""
    answer = raw.strip()
    if not answer:
        raise UsageError(_("the verification answer is empty"))
    if len(answer) > 64:
        raise UsageError(_("the verification answer is longer than 64 characters"))
    match = _DECIMAL_ANSWER.match(answer)
    return f"{match.group(1)}.{match.group(2)}" if match else answer


def verify(
    driver: Driver, method: PaymentMethod, answer: str | None, key: str | None = None
) -> PaymentMethodVerification:
    """Start the challenge (`answer` None: it may make a small refunded charge, so the CLI
    journals it and passes the key) or answer it."""
    return driver.verify_payment_method(
        method.id, answer=answer, idempotency_key=key or str(uuid.uuid4())
    )


# -- removal and the default --------------------------------------------------------------------


@dataclass(frozen=True)
class Removal:
    method: PaymentMethod
    services: list[Service]
    domains: list[Domain]

    @property
    def in_use(self) -> bool:
        return bool(self.services or self.domains)

    @property
    def count(self) -> int:
        return len(self.services) + len(self.domains)

    def losing(self, most: int = 20) -> list[str]:
        """A line per service and domain that would lose its recurring payment (the first
        `most`, then how many more)."""
        from clientarea_cli.ops.lifecycle import label

        lines = [label(s) for s in self.services]
        lines += [_("domain {name}").format(name=d.name) for d in self.domains]
        if len(lines) > most:
            more = _("and {count} more").format(count=len(lines) - most + 1)
            lines = [*lines[: most - 1], more]
        return lines


def plan_removal(driver: Driver, ref: str) -> Removal:
    method = resolve(driver, ref)
    users = renewing(driver)
    return Removal(method, users.services_of(method.id), users.domains_of(method.id))


def remove(driver: Driver, removal: Removal) -> int:
    """Remove it (`force` only when the user was shown what loses its recurring payment); how
    many services and domains lost it, as the provider says (or as listed before)."""
    removed = driver.delete_payment_method(removal.method.id, force=removal.in_use)
    return removal.count if removed is None else removed.count


def make_default(driver: Driver, ref: str) -> PaymentMethod:
    method = resolve(driver, ref)
    return driver.set_default_payment_method(method.id)


# -- the method a service renews with -----------------------------------------------------------


@dataclass(frozen=True)
class ServiceMethodChange:
    service: Service
    method: PaymentMethod | None
    warnings: list[str]


def plan_service_method(driver: Driver, service_id: int, ref: str) -> ServiceMethodChange:
    """Check the method before anything changes: validated, not expired, never wallet credit."""
    word = ref.strip().lower()
    if word in WALLET_WORDS:
        raise UsageError(
            _(
                "wallet credit never pays automatic renewals: choose a validated card or bank account (or `none` to pay renewals by hand)"
            ),
            hint=_("see them with `clientarea payment-methods list`"),
        )
    driver.require(Capability.SERVICES, _("choosing a service's payment method"))
    service = driver.get_service(service_id)
    if service.status in ENDED or service.billing_cycle in NOT_RENEWED:
        what = service.status if service.status in ENDED else f"billed {service.billing_cycle}"
        raise UsageError(
            _("service {id} ({product}) is {what}: it has no renewals to pay").format(
                id=service.id, product=service.product, what=what
            )
        )
    if word in NO_METHOD_WORDS:
        return ServiceMethodChange(service, None, [])
    method = resolve(driver, ref)
    if not method.validated:
        raise UsageError(
            _(
                "payment method {id} ({label}) is not validated yet: only a validated method pays automatic renewals"
            ).format(id=method.id, label=label(method)),
            hint=_("verify it first: clientarea payment-methods verify {id}").format(id=method.id),
        )
    warnings: list[str] = []
    last_day = card_last_day(method)
    if last_day is not None:
        if last_day < provider_today(driver):
            raise UsageError(
                _("card {id} ({describe}) has expired").format(
                    id=method.id, describe=describe(method)
                )
            )
        due = service.next_due_date
        if due is not None and last_day < due:
            warnings.append(
                carried(
                    "{card} expires {expiry}, before the service's next due date {due}: that "
                    "renewal's charge will fail unless the card is replaced",
                    card=label(method),
                    expiry=method.expiry,
                    due=due,
                )
            )
    return ServiceMethodChange(service, method, warnings)


def set_service_method(driver: Driver, change: ServiceMethodChange) -> Service:
    method_id = change.method.id if change.method else None
    return driver.set_service_payment_method(change.service.id, method_id)

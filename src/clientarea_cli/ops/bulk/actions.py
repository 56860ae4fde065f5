"""What each bulk command does to one domain: its plan row, its request, and its outcome.

An action is plain data (its parameters go into the journal, so `--resume` can rebuild it) plus
three behaviours: `plan` (current and desired state, cost, warnings; a no-op is marked `skip`),
`apply` (one request through the driver) and `bulk_item` (the item of the provider's bulk
endpoint, when the driver has one).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, ClassVar

from clientarea_cli.drivers.base import Driver
from clientarea_cli.errors import UsageError
from clientarea_cli.i18n import N_, _
from clientarea_cli.i18n.carried import carried
from clientarea_cli.models import (
    BulkItemResult,
    BulkItemStatus,
    Domain,
    Invoice,
    Money,
    Outcome,
    RecurringTarget,
    SettingsTarget,
)
from clientarea_cli.models.common import Model
from clientarea_cli.ops.bulk.rows import PlanRow, plan_row


@dataclass(frozen=True)
class Action:
    name: ClassVar[str]
    uses_keys: ClassVar[bool] = False
    """Whether each request is a POST that needs an idempotency key (so a resend is safe)."""
    bulk_data: ClassVar[bool] = False
    """Whether an outcome needs what the bulk endpoint answers for each item (its `data`)."""
    target: ClassVar[type[Model]] = Domain
    """What `plan` reads of a domain: `Domain`, or a model with only the fields it needs."""

    def params(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def endpoint(self) -> str:
        """The action of the provider's bulk endpoint (`/domains/bulk/{endpoint}`)."""
        raise NotImplementedError

    @property
    def title(self) -> str:
        """A short description for the journal and summaries: `recurring on`."""
        raise NotImplementedError

    @property
    def moves_money(self) -> bool:
        return False

    def bind(self, domains: list[Domain]) -> Action:
        """The action for these resolved targets (per-domain values keyed by domain name)."""
        return self

    def plan(self, domain: Any) -> PlanRow:
        """The plan row for `domain`: a `Domain`, or an instance of `target`."""
        raise NotImplementedError

    def bulk_item(self, domain: str) -> dict[str, Any]:
        raise NotImplementedError

    def apply(self, driver: Driver, domain: str, key: str) -> Outcome:
        raise NotImplementedError

    def outcome(self, domain: str, result: BulkItemStatus) -> Outcome:
        """The outcome of one item of a bulk-endpoint answer."""
        if not result.ok:
            reason = result.error.message if result.error else f"failed with {result.status}"
            if result.error and result.error.details:
                reason += (
                    " (" + "; ".join(f"{k}: {v}" for k, v in result.error.details.items()) + ")"
                )
            return Outcome(domain=domain, ok=False, result="failed", error=reason)
        data = result.data if isinstance(result, BulkItemResult) else None
        return self._success(domain, data or {})

    def _success(self, domain: str, data: dict[str, Any]) -> Outcome:
        return Outcome.from_fields({"domain": domain, "ok": True, "result": self.done_text()})

    def done_text(self) -> str:
        raise NotImplementedError


SETTINGS = {"auto_renew": "auto-renew", "registrar_lock": "lock", "id_protection": "privacy"}
# A plan's states, titles and results are English data (JSON and the journal keep them); marked,
# or made with `carried`, so that a table or a sentence shows their translation (carried.shown).
TOGGLE_STATES = {
    ("auto-renew", True): N_("auto-renew on"),
    ("auto-renew", False): N_("auto-renew off"),
    ("lock", True): N_("lock on"),
    ("lock", False): N_("lock off"),
    ("privacy", True): N_("privacy on"),
    ("privacy", False): N_("privacy off"),
}


@dataclass(frozen=True)
class Toggle(Action):
    """auto-renew, registrar lock or ID protection, on or off."""

    setting: str
    enabled: bool

    name: ClassVar[str] = "toggle"
    target: ClassVar[type[Model]] = SettingsTarget

    @property
    def label(self) -> str:
        return SETTINGS[self.setting]

    @property
    def endpoint(self) -> str:
        return self.label

    @property
    def title(self) -> str:
        return TOGGLE_STATES[self.label, self.enabled]

    def plan(self, domain: Domain | SettingsTarget) -> PlanRow:
        current = bool(getattr(domain, self.setting))
        return plan_row(
            domain,
            TOGGLE_STATES[self.label, current],
            TOGGLE_STATES[self.label, self.enabled],
            skip=current == self.enabled,
        )

    def bulk_item(self, domain: str) -> dict[str, Any]:
        return {"domain": domain, "enabled": self.enabled}

    def apply(self, driver: Driver, domain: str, key: str) -> Outcome:
        driver.update_domain(domain, **{self.setting: self.enabled})
        return Outcome(domain=domain, ok=True, result=self.done_text())

    def done_text(self) -> str:
        return TOGGLE_STATES[self.label, self.enabled]


@dataclass(frozen=True)
class Recurring(Action):
    """Recurring payment on (with a card and optionally a billing contact) or off.

    The billing contact changes only when the user names one (`set_contact`); otherwise each
    domain keeps its own, and the request leaves `contact_id` out.
    """

    enabled: bool
    payment_method_id: int | None = None
    contact_id: int | None = None
    method_label: str = ""
    card_expires: str | None = None
    """The last day the card can be charged (ISO date), for the per-domain warning."""
    set_contact: bool = False
    contact_label: str = ""

    name: ClassVar[str] = "recurring"
    target: ClassVar[type[Model]] = RecurringTarget

    @property
    def endpoint(self) -> str:
        return "recurring"

    @property
    def title(self) -> str:
        return N_("recurring on") if self.enabled else N_("recurring off")

    @cached_property
    def _texts(self) -> dict[tuple[object, ...], str]:
        """Texts already made: 10,000 domains share a few states and a few hundred due dates."""
        return {}

    def _describe(self, enabled: bool, method_id: int | None, contact_id: int | None) -> str:
        key = (enabled, method_id, contact_id)
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = self._describe_state(enabled, method_id, contact_id)
        return text

    def _describe_state(self, enabled: bool, method_id: int | None, contact_id: int | None) -> str:
        if not enabled:
            return N_("recurring off")
        contact = None
        if contact_id is not None:
            contact = (self.contact_label if contact_id == self.contact_id else "") or contact_id
        if method_id == self.payment_method_id and self.method_label:
            if contact is None:
                return carried("recurring on ({method})", method=self.method_label)
            return carried(
                "recurring on ({method}, contact {contact})",
                method=self.method_label,
                contact=contact,
            )
        if method_id:
            if contact is None:
                return carried("recurring on (method {id})", id=method_id)
            return carried(
                "recurring on (method {id}, contact {contact})", id=method_id, contact=contact
            )
        if contact is None:
            return N_("recurring on")
        return carried("recurring on (contact {contact})", contact=contact)

    @cached_property
    def _card_last_day(self) -> date | None:
        """`card_expires` read once, not once per domain planned."""
        return date.fromisoformat(self.card_expires) if self.card_expires else None

    def _expiry_warning(self, expires: date, due: date) -> str:
        text = self._texts.get(("expiry", due))
        if text is None:
            text = self._texts["expiry", due] = carried(
                "the card expires ({expires}) before the next billing date ({due}): "
                "the charge will fail and the domain may be suspended",
                expires=expires.isoformat()[:7],
                due=due,
            )
        return text

    def _contact_after(self, current: int | None) -> int | None:
        return self.contact_id if self.set_contact else current

    def plan(self, domain: Domain | RecurringTarget) -> PlanRow:
        now = domain.recurring
        key = (now.enabled, now.payment_method_id, now.contact_id, domain.next_due_date)
        state = self._states.get(key)
        if state is None:
            state = self._states[key] = self._plan_state(*key)
        current, desired, skip, warnings = state
        return plan_row(domain, current, desired, skip=skip, warnings=warnings)

    @cached_property
    def _states(self) -> dict[tuple[object, ...], tuple[str, str, bool, tuple[str, ...]]]:
        """Plans already made, by recurring state and due date: 10,000 domains share a few."""
        return {}

    def _plan_state(
        self, enabled: bool, method_id: int | None, contact_id: int | None, due: date | None
    ) -> tuple[str, str, bool, tuple[str, ...]]:
        """(current, desired, skip, warnings) for a domain in this state, due then."""
        contact = self._contact_after(contact_id)
        if self.enabled:
            skip = enabled and method_id == self.payment_method_id and contact_id == contact
        else:
            skip = not enabled
        warnings = []
        expires = self._card_last_day
        if self.enabled and expires and due and expires < due:
            warnings.append(self._expiry_warning(expires, due))
        current = self._describe(enabled, method_id, contact_id)
        desired = self._describe(self.enabled, self.payment_method_id, contact)
        return current, desired, skip, tuple(warnings)

    @cached_property
    def _body(self) -> dict[str, Any]:
        """The request's fields after the domain (once per action, not per domain)."""
        if not self.enabled:
            return {"enabled": False}
        body: dict[str, Any] = {"enabled": True, "payment_method_id": self.payment_method_id}
        if self.set_contact:
            body["contact_id"] = self.contact_id
        return body

    def bulk_item(self, domain: str) -> dict[str, Any]:
        return {"domain": domain, **self._body}

    def apply(self, driver: Driver, domain: str, key: str) -> Outcome:
        body = self._body
        driver.set_domain_recurring(
            domain,
            enabled=self.enabled,
            payment_method_id=body.get("payment_method_id"),
            contact_id=body.get("contact_id"),
            change_contact="contact_id" in body,
        )
        return Outcome(domain=domain, ok=True, result=self.done_text())

    def done_text(self) -> str:
        return self._done_text

    @cached_property
    def _done_text(self) -> str:
        """Once per action (each of 10,000 outcomes asks for it)."""
        contact = self.contact_id if self.set_contact else None
        return self._describe(self.enabled, self.payment_method_id, contact)


RENEW_TITLES = {  # (with credit, the rest paid by: nothing, a method's label or its id)
    (False, None): N_("renew {years}y"),
    (True, None): N_("renew {years}y with credit"),
    (False, "label"): N_("renew {years}y, the rest by {method}"),
    (True, "label"): N_("renew {years}y with credit, the rest by {method}"),
    (False, "id"): N_("renew {years}y, the rest by method {method}"),
    (True, "id"): N_("renew {years}y with credit, the rest by method {method}"),
}


@dataclass(frozen=True)
class Renew(Action):
    """Early renewal: issues a (proforma) invoice per domain; credit only with `use_credit`."""

    years: int = 1
    use_credit: bool = False
    pay_method_id: int | None = None
    """Pay what the invoice leaves due with this method after the run (the CLI does it)."""
    pay_label: str = ""
    spends_credit: bool = False
    """The provider pays a renewal invoice from credit by itself (FOSSBilling): money may move
    even without `use_credit`, so a lost answer is an unknown outcome (exit 9)."""

    name: ClassVar[str] = "renew"
    uses_keys: ClassVar[bool] = True
    bulk_data: ClassVar[bool] = True

    @property
    def endpoint(self) -> str:
        return "renewal"

    @property
    def moves_money(self) -> bool:
        return self.use_credit or self.spends_credit or self.pay_method_id is not None

    @property
    def title(self) -> str:
        rest = None if self.pay_method_id is None else "label" if self.pay_label else "id"
        method = self.pay_label or self.pay_method_id
        return carried(RENEW_TITLES[self.use_credit, rest], years=self.years, method=method)

    def plan(self, domain: Domain) -> PlanRow:
        price = domain.recurring_amount
        try:
            new_expiry = domain.expiry_date.replace(year=domain.expiry_date.year + self.years)
        except ValueError:  # 29 February
            new_expiry = domain.expiry_date.replace(
                year=domain.expiry_date.year + self.years, day=28
            )
        return plan_row(
            domain,
            carried("expires {date}", date=domain.expiry_date),
            carried("+{years}y, expires {date}", years=self.years, date=new_expiry),
            cost=Money(amount=price.amount * self.years, currency=price.currency),
        )

    def bulk_item(self, domain: str) -> dict[str, Any]:
        return {"domain": domain, "years": self.years, "use_credit": self.use_credit}

    def apply(self, driver: Driver, domain: str, key: str) -> Outcome:
        invoice = driver.renew_domain(
            domain, years=self.years, use_credit=self.use_credit, idempotency_key=key
        )
        return self._invoice_outcome(domain, invoice)

    def _success(self, domain: str, data: dict[str, Any]) -> Outcome:
        return self._invoice_outcome(domain, Invoice.model_validate(data))

    @staticmethod
    def _invoice_outcome(domain: str, invoice: Invoice) -> Outcome:
        text = f"invoice {invoice.number} ({invoice.total}), {invoice.status}"
        if invoice.credit_applied.amount:
            text += f", {invoice.credit_applied} credit applied"
        return Outcome(
            domain=domain,
            ok=True,
            result=text,
            invoice_id=invoice.id,
            amount_due=invoice.balance if invoice.balance.amount else None,
        )

    def done_text(self) -> str:
        return f"renewed {self.years}y"


@dataclass(frozen=True)
class Nameservers(Action):
    """Replace the name servers: the same for every domain, or each domain's own (a file's rows).

    `per_domain` is keyed by what the user wrote (name or id) until `bind` keys it by name.
    """

    nameservers: list[str] = field(default_factory=list)
    per_domain: dict[str, list[str]] = field(default_factory=dict)

    name: ClassVar[str] = "nameservers"

    @property
    def endpoint(self) -> str:
        return "nameservers"

    @property
    def title(self) -> str:
        return N_("nameservers")

    def bind(self, domains: list[Domain]) -> Nameservers:
        if not self.per_domain:
            return self
        mine = {}
        for domain in domains:
            for key in (domain.name, str(domain.id)):
                if key in self.per_domain:
                    mine[domain.name] = self.per_domain[key]
        return Nameservers(nameservers=self.nameservers, per_domain=mine)

    def servers(self, domain: str) -> list[str]:
        return self.per_domain.get(domain, self.nameservers)

    def plan(self, domain: Domain) -> PlanRow:
        current = [ns.lower() for ns in domain.nameservers]
        wanted = self.servers(domain.name)
        return plan_row(
            domain, ", ".join(current) or "-", ", ".join(wanted), skip=current == wanted
        )

    def bulk_item(self, domain: str) -> dict[str, Any]:
        return {"domain": domain, "nameservers": list(self.servers(domain))}

    def apply(self, driver: Driver, domain: str, key: str) -> Outcome:
        driver.set_nameservers(domain, list(self.servers(domain)))
        return self._success(domain, {})

    def _success(self, domain: str, data: dict[str, Any]) -> Outcome:
        result = "nameservers " + ", ".join(self.servers(domain))
        return Outcome(domain=domain, ok=True, result=result)

    def done_text(self) -> str:
        if self.per_domain:
            return "set to the name servers asked"
        return "nameservers " + ", ".join(self.nameservers)


def action_from_journal(name: str, params: dict[str, Any]) -> Action:
    """Rebuild the action a journalled run was started with."""
    builders: dict[str, type[Action]] = {
        "toggle": Toggle,
        "recurring": Recurring,
        "renew": Renew,
        "nameservers": Nameservers,
    }
    builder = builders.get(name)
    if builder is None:
        raise UsageError(_("the journal names an unknown action {name!r}").format(name=name))
    return builder(**params)

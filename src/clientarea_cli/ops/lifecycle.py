"""A service's lifecycle: cancellation, upgrade and downgrade, options, add-ons (the control
panel, mailboxes and usage are in service_panel.py).

What a user types is checked before anything is sent (`UsageError`, exit 2, naming the option):
the time of a cancellation, a target plan and cycle among the service's own, option values among
their choices. Creating requests carry a fresh idempotency key; the ones
that move money (upgrades, add-ons) are sent by the CLI through the money journal.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.errors import ClientAreaError, NotFound, UsageError
from clientarea_cli.i18n import _, pgettext
from clientarea_cli.models import Money, Service, ServiceAddon
from clientarea_cli.models.catalog import Product, ProductAddon, ProductPrice
from clientarea_cli.models.choices import BILLING_CYCLES
from clientarea_cli.models.lifecycle import (
    AddonOrderResult,
    CancellationRequest,
    ServiceOption,
    ServiceOptions,
    UpgradeOption,
    UpgradeQuote,
    UpgradeResult,
    UpgradeTarget,
)
from clientarea_cli.ops import filters

WHEN = {
    "immediate": "immediate",
    "end-of-period": "end_of_period",
    "end_of_period": "end_of_period",
}
ENDED = ("cancelled", "expired")
NO_PERIOD = ("free", "one_time")
MAX_REASON = 2000
ON_WORDS, OFF_WORDS = ("on", "true", "yes", "1"), ("off", "false", "no", "0")


def label(service: Service, *, english: bool = False) -> str:
    """`service 101 (Hosting Pro, garcia-hosting.es)`, in the chosen language unless `english`
    (a ticket's text, written for the provider's staff)."""
    where = f", {service.domain}" if service.domain else ""
    if english:
        return f"service {service.id} ({service.product}{where})"
    return _("service {id} ({product}{where})").format(
        id=service.id, product=service.product, where=where
    )


def service_name(service: Service) -> str:
    """What the user types to confirm an immediate cancellation: the domain, else the product."""
    return service.domain or service.product


def get_service(driver: Driver, service_id: int) -> Service:
    driver.require(Capability.SERVICES, _("showing a service"))
    return driver.get_service(service_id)


# -- cancellation -------------------------------------------------------------------------------


def parse_when(value: str) -> str:
    when = WHEN.get(value.strip().lower())
    if when is None:
        raise UsageError(
            _("invalid value for --when: {value!r}").format(value=value),
            hint=_("choose immediate or end-of-period"),
        )
    return when


def check_reason(reason: str | None) -> str | None:
    if reason is not None and len(reason) > MAX_REASON:
        raise UsageError(
            _("invalid --reason: it is longer than {MAX_REASON} characters").format(
                MAX_REASON=MAX_REASON
            )
        )
    if reason is None or not reason.strip():
        return None
    return reason.strip()


@dataclass(frozen=True)
class CancellationPlan:
    service: Service
    when: str
    stops: list[str] = field(default_factory=list)
    """What stops: the service, then each add-on still running."""

    @property
    def effective(self) -> str:
        if self.when == "immediate":
            return _("now")
        return _("on {date} (the end of the paid period)").format(date=self.service.next_due_date)


def plan_cancellation(driver: Driver, service_id: int, when: str) -> CancellationPlan:
    """What a cancellation would stop and when; refused early when there is nothing to cancel."""
    service = get_service(driver, service_id)
    check_cancellable(service, when)
    try:
        existing = driver.get_cancellation(service_id)
    except NotFound:
        existing = None
    if existing is not None:
        raise ClientAreaError(
            _(
                "{label} already has a cancellation request ({when_text}, effective {effective_date})"
            ).format(
                label=label(service),
                when_text=_when_text(existing.when),
                effective_date=existing.effective_date,
            ),
            hint=_(
                "withdraw it first: clientarea services cancel-request withdraw {service_id}"
            ).format(service_id=service_id),
        )
    running = [a for a in service.addons if a.status not in ENDED]
    stops = [label(service)]
    stops += [_("add-on {name} ({id})").format(name=a.name, id=a.id) for a in running]
    return CancellationPlan(service, when, stops)


def check_cancellable(service: Service, when: str) -> None:
    """Refused early: a service already ended, or the end of a period it does not have."""
    if service.status in ENDED:
        raise ClientAreaError(
            _("{label} is already {status}: nothing to cancel").format(
                label=label(service), status=pgettext("service status", service.status)
            )
        )
    if when == "end_of_period" and (
        service.billing_cycle in NO_PERIOD or service.next_due_date is None
    ):
        raise UsageError(
            _("invalid --when: {label} is billed {value} and has no billing period to end").format(
                label=label(service), value=service.billing_cycle.replace("_", "-")
            ),
            hint=_("use --when immediate"),
        )


def _when_text(when: str) -> str:
    return when.replace("_", "-")


def request_cancellation(
    driver: Driver, plan: CancellationPlan, reason: str | None
) -> CancellationRequest:
    return driver.request_cancellation(
        plan.service.id, when=plan.when, reason=reason, idempotency_key=str(uuid.uuid4())
    )


def show_cancellation(driver: Driver, service_id: int) -> CancellationRequest:
    driver.require(Capability.SERVICES, _("cancellation requests"))
    try:
        return driver.get_cancellation(service_id)
    except NotFound:
        get_service(driver, service_id)  # an unknown service says so first
        raise NotFound(
            _("service {service_id} has no cancellation request").format(service_id=service_id),
            hint=_(
                "request one with `clientarea services cancel {service_id} --when end-of-period`"
            ).format(service_id=service_id),
        ) from None


def withdraw_cancellation(driver: Driver, service_id: int) -> CancellationRequest:
    """Withdraw a pending request; answers the request withdrawn."""
    request = show_cancellation(driver, service_id)
    if request.status != "pending":
        raise ClientAreaError(
            _(
                "service {service_id} was cancelled on {effective_date}: a completed cancellation cannot be withdrawn"
            ).format(service_id=service_id, effective_date=request.effective_date)
        )
    driver.withdraw_cancellation(service_id)
    return request


# -- upgrade and downgrade ----------------------------------------------------------------------


def parse_cycle(value: str, what: str = "--cycle") -> str:
    return filters.parse_choice(value, BILLING_CYCLES, what)


def upgrade_targets(
    driver: Driver, service_id: int, cycle: str | None = None
) -> list[UpgradeTarget]:
    """Each target plan in each cycle (or only `cycle`), with its price."""
    driver.require(Capability.SERVICES, _("upgrades and downgrades"))
    return [
        UpgradeTarget(
            product_id=option.product_id,
            name=option.name,
            direction=option.direction,
            billing_cycle=price.billing_cycle,
            price=price.price,
            setup_fee=price.setup_fee,
        )
        for option in driver.list_upgrade_options(service_id)
        for price in option.pricing
        if cycle is None or price.billing_cycle == cycle
    ]


def find_target(options: list[UpgradeOption], ref: str, service: Service) -> UpgradeOption:
    """The target named by id or by name (any case)."""
    wanted = ref.strip().lower()
    for option in options:
        if wanted in (str(option.product_id), option.name.lower()):
            return option
    names = ", ".join(f"{o.product_id} ({o.name})" for o in options)
    raise UsageError(
        _("invalid --to: {ref!r} is not a plan {label} can move to").format(
            ref=ref, label=label(service)
        ),
        hint=_("its plans: {names}").format(names=names)
        if names
        else _("it has no other plan to move to"),
    )


def quote_upgrade(driver: Driver, service: Service, to: str, cycle: str | None) -> UpgradeQuote:
    """The provider's prorated quote for moving `service` to plan `to` in `cycle`."""
    driver.require(Capability.SERVICES, _("upgrades and downgrades"))
    target = find_target(driver.list_upgrade_options(service.id), to, service)
    wanted = cycle or service.billing_cycle
    offered = [p.billing_cycle for p in target.pricing]
    if wanted not in offered:
        raise UsageError(
            _("invalid --cycle: {name} is not offered {value}").format(
                name=target.name, value=wanted.replace("_", "-")
            ),
            hint=_("choose from {names}").format(names=", ".join(offered)),
        )
    return driver.quote_upgrade(service.id, target.product_id, wanted)


def upgrade(driver: Driver, quote: UpgradeQuote, key: str) -> UpgradeResult:
    """Accept `quote`: the provider refuses (409) if the amount due changed since."""
    return driver.upgrade_service(
        quote.service_id,
        quote.to_product_id,
        quote.billing_cycle,
        expected_amount_due=quote.amount_due,
        idempotency_key=key,
    )


# -- options ------------------------------------------------------------------------------------


def get_options(driver: Driver, service_id: int) -> ServiceOptions:
    driver.require(Capability.SERVICES, _("configurable options"))
    return driver.get_service_options(service_id)


def parse_settings(values: list[str]) -> dict[str, str]:
    """`--set KEY=VALUE` values, each key once."""
    settings: dict[str, str] = {}
    for value in values:
        key, sep, setting = value.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UsageError(
                _("invalid --set: {value!r}").format(value=value),
                hint=_("use KEY=VALUE, such as cron_jobs=10"),
            )
        if key in settings:
            raise UsageError(_("invalid --set: {key} is given twice").format(key=key))
        settings[key] = setting.strip()
    return settings


def _option_value(option: ServiceOption, value: str) -> bool | int | str:
    what = f"--set {option.key}={value}"
    if option.type == "select":
        allowed = [c.value for c in option.choices]
        if value not in allowed:
            raise UsageError(
                _("invalid {what}").format(what=what),
                hint=_("choose from {names}").format(names=", ".join(allowed)),
            )
        return value
    if option.type == "quantity":
        low, high = option.min or 0, option.max
        if (
            not re.fullmatch(r"[0-9]{1,9}", value)
            or int(value) < low
            or (high and int(value) > high)
        ):
            raise UsageError(
                _("invalid {what}: give a whole number from {low} to {high}").format(
                    what=what, low=low, high=high
                )
            )
        return int(value)
    if option.type == "toggle":
        if value.lower() in ON_WORDS:
            return True
        if value.lower() in OFF_WORDS:
            return False
        raise UsageError(_("invalid {what}").format(what=what), hint=_("use on or off"))
    if len(value) > 255:
        raise UsageError(_("invalid {what}: at most 255 characters").format(what=what))
    return value


def option_changes(
    current: ServiceOptions, settings: dict[str, str]
) -> dict[str, bool | int | str]:
    """The settings checked against the service's options; only those that change."""
    options = {o.key: o for o in current.options}
    changes: dict[str, bool | int | str] = {}
    for key, value in settings.items():
        option = options.get(key)
        if option is None:
            known = ", ".join(options) or "none"
            raise UsageError(
                _("invalid --set: {key!r} is not an option of service {service_id}").format(
                    key=key, service_id=current.service_id
                ),
                hint=_("its options: {known}").format(known=known),
            )
        new = _option_value(option, value)
        if new != option.value:
            changes[key] = new
    return changes


def _choice_price(option: ServiceOption, value: object) -> Decimal:
    choice = next((c for c in option.choices if c.value == value), None)
    return choice.price.amount if choice is not None and choice.price is not None else Decimal(0)


def options_price_change(current: ServiceOptions, changes: dict[str, bool | int | str]) -> Money | None:  # fmt: skip
    """How much each renewal changes with `changes` (None when no option is priced)."""
    total, currency = Decimal(0), None
    for option in current.options:
        if option.key in changes:
            total += _choice_price(option, changes[option.key]) - _choice_price(
                option, option.value
            )
            priced = [c.price for c in option.choices if c.price is not None]
            currency = currency or (priced[0].currency if priced else None)
    return None if currency is None else Money(amount=total, currency=currency)


def update_options(
    driver: Driver, service_id: int, changes: dict[str, bool | int | str]
) -> ServiceOptions:
    driver.require(Capability.SERVICES, _("configurable options"))
    return driver.update_service_options(service_id, changes)


# -- add-ons ------------------------------------------------------------------------------------


def list_addons(driver: Driver, service_id: int) -> list[ServiceAddon]:
    driver.require(Capability.SERVICES, _("add-ons"))
    return driver.list_service_addons(service_id)


def product_of(driver: Driver, service: Service) -> Product:
    """The catalog product the service is an instance of (matched by name and group)."""
    for product in driver.list_products(group=None):
        if product.name == service.product and service.group in (None, product.group):
            return product
    raise ClientAreaError(
        _("{product} is not in the provider's catalog: no add-ons to order").format(
            product=service.product
        )
    )


@dataclass(frozen=True)
class AddonPlan:
    service: Service
    addon: ProductAddon
    price: ProductPrice


def plan_addon(driver: Driver, service_id: int, ref: str, cycle: str | None) -> AddonPlan:
    """The add-on (by id or name) among the service's product's, in `cycle` or the service's."""
    service = get_service(driver, service_id)
    product = product_of(driver, service)
    wanted = ref.strip().lower()
    addon = next((a for a in product.addons if wanted in (str(a.id), a.name.lower())), None)
    if addon is None:
        names = ", ".join(f"{a.id} ({a.name})" for a in product.addons)
        raise UsageError(
            _("invalid ADDON: {ref!r} is not an add-on of {name}").format(
                ref=ref, name=product.name
            ),
            hint=(
                _("its add-ons: {names}").format(names=names)
                if names
                else _("{name} has no add-ons").format(name=product.name)
            ),
        )
    cycles = [p.billing_cycle for p in addon.pricing]
    chosen = cycle or (service.billing_cycle if service.billing_cycle in cycles else cycles[0])
    price = next((p for p in addon.pricing if p.billing_cycle == chosen), None)
    if price is None:
        raise UsageError(
            _("invalid --cycle: {name} is not offered {value}").format(
                name=addon.name, value=chosen.replace("_", "-")
            ),
            hint=_("choose from {names}").format(names=", ".join(cycles)),
        )
    return AddonPlan(service, addon, price)


def add_addon(driver: Driver, plan: AddonPlan, key: str) -> AddonOrderResult:
    return driver.add_service_addon(
        plan.service.id, plan.addon.id, plan.price.billing_cycle, idempotency_key=key
    )


def find_addon(driver: Driver, service_id: int, addon_id: int) -> ServiceAddon:
    service = get_service(driver, service_id)
    for addon in service.addons:
        if addon.id == addon_id:
            return addon
    known = ", ".join(f"{a.id} ({a.name}, {a.status})" for a in service.addons)
    raise NotFound(
        _("add-on {addon_id} not found on {label}").format(addon_id=addon_id, label=label(service)),
        hint=_("its add-ons: {known}").format(known=known) if known else _("it has no add-ons"),
    )


def remove_addon(driver: Driver, service_id: int, addon_id: int) -> None:
    driver.require(Capability.SERVICES, _("add-ons"))
    driver.remove_service_addon(service_id, addon_id)

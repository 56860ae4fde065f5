"""Choosing how domains renew automatically: a validated card, an optional billing contact.

Seed 002: the bulk recurring options exist only once a validated card is on the account; warn
when the chosen billing contact is not the card holder, and when the card expires before a
domain's next billing date (the charge fails and the domain may be suspended). Wallet credit is
never a recurring method (seed 000).
"""

from __future__ import annotations

import calendar
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.errors import PaymentError, UsageError
from clientarea_cli.i18n import _
from clientarea_cli.i18n.carried import carried

if TYPE_CHECKING:
    # Not imported at run time: a table of domains labels cards with `describe` and should not
    # pay for the bulk actions' and the contacts' models (issue 12).
    from clientarea_cli.models import Contact, PaymentMethod
    from clientarea_cli.ops.bulk.actions import Recurring


def card_last_day(method: PaymentMethod) -> date | None:
    """A card can be charged until the last day of its expiry month."""
    if not method.expiry:
        return None
    year, month = (int(part) for part in method.expiry.split("-", 1))
    return date(year, month, calendar.monthrange(year, month)[1])


def describe(method: PaymentMethod) -> str:
    if method.type == "card":
        brand = (method.brand or "card").capitalize()
        expiry = f", expires {method.expiry}" if method.expiry else ""
        return f"{brand} ···{method.last4}{expiry}"
    return f"bank account ···{method.last4}"


def _usable_card(method: PaymentMethod, today: date) -> bool:
    last = card_last_day(method)
    return method.type == "card" and method.validated and (last is None or last >= today)


def _normal(name: str) -> str:
    stripped = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in stripped if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def find_method(methods: list[PaymentMethod], ref: str, option: str = "--method") -> PaymentMethod:
    """A payment method by id, or by the last four digits when they name exactly one."""
    ref = ref.strip()
    by_id = [m for m in methods if str(m.id) == ref]
    if by_id:
        return by_id[0]
    by_last4 = [m for m in methods if m.last4 == ref]
    if len(by_last4) == 1:
        return by_last4[0]
    if len(by_last4) > 1:
        raise UsageError(
            _("{option} {ref} matches several payment methods; use the id").format(
                option=option, ref=ref
            ),
            hint=_("ids: {ids}").format(ids=", ".join(f"{m.id} ({describe(m)})" for m in by_last4)),
        )
    raise UsageError(
        _("no payment method {ref!r} on this account").format(ref=ref),
        hint=_("see them with `clientarea payment-methods list`"),
    )


def find_contact(contacts: list[Contact], ref: str) -> Contact:
    """A contact by id, by e-mail, or `billing` for the account's billing contact."""
    ref = ref.strip()
    if ref.lower() == "billing":
        billing = [c for c in contacts if c.is_billing]
        if not billing:
            raise UsageError(_("--contact billing: the account has no billing contact"))
        return billing[0]
    for contact in contacts:
        if str(contact.id) == ref or contact.email.lower() == ref.lower():
            return contact
    raise UsageError(
        _("no contact {ref!r} on this account").format(ref=ref),
        hint=_("use a contact id, its e-mail, or `billing`"),
    )


@dataclass(frozen=True)
class RecurringSetup:
    action: Recurring
    warnings: list[str]


def setup(
    driver: Driver,
    *,
    enabled: bool,
    method_ref: str | None,
    contact_ref: str | None,
    today: date,
) -> RecurringSetup:
    """Check the method and contact before anything changes; build the action and its warnings."""
    from clientarea_cli.ops.bulk.actions import Recurring

    if not enabled:
        if method_ref or contact_ref:
            raise UsageError(_("--off takes no --method or --contact"))
        return RecurringSetup(Recurring(enabled=False), [])
    driver.require(Capability.PAYMENT_METHODS, _("choosing a recurring payment method"))
    methods = driver.list_payment_methods()
    cards = [m for m in methods if _usable_card(m, today)]
    if not cards:
        raise PaymentError(
            _(
                "no validated card on the account: domains renew automatically only with a validated card (wallet credit is never used for automatic renewals)"
            ),
            hint=_("add a card and verify it, then try again (`clientarea payment-methods list`)"),
        )
    if not method_ref:
        raise UsageError(
            _("--method is required to switch recurring payment on"),
            hint=_("validated cards: {cards}").format(
                cards=", ".join(f"--method {m.id} ({describe(m)})" for m in cards)
            ),
        )
    method = find_method(methods, method_ref)
    if method.type != "card":
        raise UsageError(
            _(
                "payment method {id} is a {describe}: domains renew automatically only with a validated card"
            ).format(id=method.id, describe=describe(method)),
            hint=_("validated cards: {cards}").format(
                cards=", ".join(f"{m.id} ({describe(m)})" for m in cards)
            ),
        )
    if not method.validated:
        raise UsageError(
            _("card {id} ({describe}) is not validated yet").format(
                id=method.id, describe=describe(method)
            ),
            hint=_("validate it first; until then it cannot pay recurring charges"),
        )
    last_day = card_last_day(method)
    if last_day is not None and last_day < today:
        raise UsageError(
            _("card {id} ({describe}) has expired").format(id=method.id, describe=describe(method))
        )
    warnings: list[str] = []
    contact_id = None
    contact_label = ""
    if contact_ref:
        contact = find_contact(driver.list_contacts(), contact_ref)
        contact_id = contact.id
        name = f"{contact.first_name} {contact.last_name}"
        contact_label = name
        if _normal(name) != _normal(method.holder):
            warnings.append(
                carried(
                    "the billing contact ({name}) is not the card holder ({holder}); "
                    "the provider may refuse the charge or ask for authorisation",
                    name=name,
                    holder=method.holder,
                )
            )
    action = Recurring(
        enabled=True,
        payment_method_id=method.id,
        contact_id=contact_id,
        set_contact=contact_ref is not None,
        contact_label=contact_label,
        method_label=describe(method).split(",")[0],
        card_expires=last_day.isoformat() if last_day else None,
    )
    return RecurringSetup(action, warnings)

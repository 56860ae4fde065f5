"""When `services cancel|upgrade` offer `--via-ticket`: decided from the driver's own answers
(NotSupported, capabilities), never from its name. A driver here is the base Driver with only
the operations a test gives it; nothing goes over the network."""

from __future__ import annotations

from typing import ClassVar

import pytest

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.errors import NotSupported
from clientarea_cli.models import Department, Service
from clientarea_cli.ops import service_tickets

SERVICE = Service.model_validate({
    "id": 7, "product": "Hosting", "status": "active", "billing_cycle": "monthly",
    "first_payment": {"amount": "5.00", "currency": "EUR"},
    "recurring_amount": {"amount": "5.00", "currency": "EUR"},
    "registration_date": "2026-01-01", "next_due_date": "2026-12-01",
})  # fmt: skip


class NoCancelling(Driver):
    """Shows services, cannot cancel them (the base Driver's NotSupported)."""

    name: ClassVar[str] = "plain"
    capabilities: ClassVar[frozenset[Capability]] = frozenset({Capability.SERVICES})

    def get_service(self, service_id: int) -> Service:
        return SERVICE


class TakesTickets(NoCancelling):
    name: ClassVar[str] = "helpdesk"

    def list_ticket_departments(self) -> list[Department]:
        return [Department(id=1, name="Billing")]


def lack(driver: Driver) -> NotSupported:
    with pytest.raises(NotSupported) as caught:
        service_tickets.plan_cancellation(driver, 7, "end_of_period")
    return caught.value


def test_the_offer_needs_a_provider_that_takes_tickets() -> None:
    plain = lack(NoCancelling("https://billing.example.com", "k"))
    assert (plain.message, plain.hint) == (
        "the plain provider does not support cancellation requests", None
    )  # fmt: skip
    offered = lack(TakesTickets("https://billing.example.com", "k"))
    assert (offered.message, offered.hint) == (
        "the helpdesk provider does not support cancellation requests",
        "ask for it in a support ticket instead: clientarea services cancel 7 --when "
        "end-of-period --via-ticket",
    )


def test_no_offer_when_the_service_itself_cannot_be_shown() -> None:
    class NoServices(TakesTickets):
        capabilities: ClassVar[frozenset[Capability]] = frozenset()

    with pytest.raises(NotSupported) as caught:
        service_tickets.upgrade_targets(NoServices("https://billing.example.com", "k"), 7, None)
    assert caught.value.hint is None


def test_choose_department_prefers_the_words_then_the_first() -> None:
    desks = [Department(id=1, name="General"), Department(id=2, name="Sales Team")]
    pick = service_tickets.choose_department
    assert pick(desks, None, service_tickets.UPGRADE_DEPARTMENTS).id == 2
    assert pick(desks, None, service_tickets.CANCEL_DEPARTMENTS).id == 1
    assert pick(desks, "general", service_tickets.UPGRADE_DEPARTMENTS).id == 1


def test_not_supported_agrees_with_singular_and_plural_operations() -> None:
    from clientarea_cli.i18n import set_language

    singular = NotSupported("renewing for 2 years", "fossbilling")
    assert singular.message == "the fossbilling provider does not support renewing for 2 years"
    plural = NotSupported("cancellation requests", "plain")
    assert plural.message == "the plain provider does not support cancellation requests"
    set_language("es")
    try:
        spanish = NotSupported("cancellation requests", "plain").message
    finally:
        set_language("en")
    assert spanish == "el proveedor plain no admite cancellation requests"

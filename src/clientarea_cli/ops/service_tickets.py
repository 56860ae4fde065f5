"""Asking in a support ticket for what a provider's API cannot do to a service (cancel, upgrade):
`services cancel|upgrade --via-ticket`.

Whether to offer it is decided from the driver alone: when cancelling or upgrading raises
NotSupported and the same driver can open tickets, the error's hint names `--via-ticket`. The
ticket goes to the department named with `--department`, else to the first whose name has one
of the preferred words (billing for a cancellation, sales then billing for an upgrade), else to
the first department.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.errors import ClientAreaError, NotSupported, UsageError
from clientarea_cli.i18n import _, pgettext
from clientarea_cli.models import (
    Department,
    NewTicket,
    Service,
    ServiceRequest,
    TicketDraft,
    UpgradeQuote,
    UpgradeTarget,
)
from clientarea_cli.ops import lifecycle, tickets

CANCEL_DEPARTMENTS = ("billing", "support")
UPGRADE_DEPARTMENTS = ("sales", "billing", "support")
MAX_PLAN = 100
T = TypeVar("T")


@dataclass(frozen=True)
class TicketRequest:
    """The ticket that asks for `action` on `service`, and the department it goes to."""

    action: str
    service: Service
    department: Department
    ticket: NewTicket

    def draft(self) -> TicketDraft:
        return tickets.draft(self.ticket, self.department)


# -- the offer ----------------------------------------------------------------------------------


def offer(driver: Driver, lack: NotSupported, command: str) -> NotSupported:
    """`lack`, with a hint offering `command --via-ticket` when the provider takes tickets."""
    if not driver.supports(Capability.SERVICES):
        return lack
    try:
        driver.list_ticket_departments()
    except NotSupported:
        return lack
    return NotSupported(
        lack.operation,
        lack.driver,
        hint=_("ask for it in a support ticket instead: {command} --via-ticket").format(
            command=command
        ),
    )


def _offering(driver: Driver, command: str, call: Callable[[], T]) -> T:
    try:
        return call()
    except NotSupported as lack:
        raise offer(driver, lack, command) from None


def plan_cancellation(driver: Driver, service_id: int, when: str) -> lifecycle.CancellationPlan:
    command = f"clientarea services cancel {service_id} --when {when.replace('_', '-')}"
    return _offering(driver, command, lambda: lifecycle.plan_cancellation(driver, service_id, when))


def upgrade_targets(driver: Driver, service_id: int, cycle: str | None) -> list[UpgradeTarget]:
    command = f"clientarea services upgrade {service_id} --to PLAN"
    return _offering(driver, command, lambda: lifecycle.upgrade_targets(driver, service_id, cycle))


def quote_upgrade(driver: Driver, service: Service, to: str, cycle: str | None) -> UpgradeQuote:
    command = f"clientarea services upgrade {service.id} --to {_quoted(to)}"
    return _offering(driver, command, lambda: lifecycle.quote_upgrade(driver, service, to, cycle))


def _quoted(text: str) -> str:
    return f'"{text}"' if not text or any(c.isspace() or c in "\"'$`\\" for c in text) else text


# -- the tickets --------------------------------------------------------------------------------


def choose_department(
    departments: list[Department], value: str | None, preferred: tuple[str, ...]
) -> Department:
    if value is not None:
        return tickets.find_department(departments, value)
    for word in preferred:
        for department in departments:
            if word in department.name.lower().split():
                return department
    if not departments:
        raise ClientAreaError(_("the provider lists no support department to send the ticket to"))
    return departments[0]


def _subject(text: str) -> str:
    return text if len(text) <= tickets.MAX_SUBJECT else text[: tickets.MAX_SUBJECT - 1] + "…"


def cancellation_request(
    driver: Driver, service_id: int, when: str, reason: str | None, department: str | None
) -> TicketRequest:
    """A ticket asking staff to cancel the service `when` (checked like a cancellation)."""
    service = lifecycle.get_service(driver, service_id)
    lifecycle.check_cancellable(service, when)
    name = lifecycle.label(service, english=True)
    timing = (
        "now (an immediate cancellation)"
        if when == "immediate"
        else f"at the end of its paid period, on {service.next_due_date}"
    )
    body = f"Please cancel {name} {timing}."
    if reason:
        body += f"\n\nReason: {reason}"
    chosen = choose_department(driver.list_ticket_departments(), department, CANCEL_DEPARTMENTS)
    ticket = NewTicket(
        department_id=chosen.id,
        subject=_subject(f"Cancel {name}"),
        message=body,
        service_id=service.id,
        request=ServiceRequest(action="cancel"),
    )
    return TicketRequest("cancel", service, chosen, ticket)


def upgrade_request(
    driver: Driver, service_id: int, to: str, cycle: str | None, department: str | None
) -> TicketRequest:
    """A ticket asking staff to move the service to plan `to`: one of the service's targets
    when the provider lists them, else the name as given."""
    service = lifecycle.get_service(driver, service_id)
    if service.status in lifecycle.ENDED:
        raise ClientAreaError(
            _("{value} is {status}: nothing to move").format(
                value=lifecycle.label(service), status=pgettext("service status", service.status)
            )
        )
    wanted = to.strip()
    if not wanted or len(wanted) > MAX_PLAN:
        raise UsageError(
            _("invalid --to: give the plan's name or id (at most {MAX_PLAN} characters)").format(
                MAX_PLAN=MAX_PLAN
            )
        )
    product_id = None
    try:
        options = driver.list_upgrade_options(service.id)
    except NotSupported:
        pass  # the provider does not list them: staff read the name
    else:
        target = lifecycle.find_target(options, wanted, service)
        wanted, product_id = target.name, target.product_id
    billing = (cycle or service.billing_cycle).replace("_", "-")
    name = lifecycle.label(service, english=True)
    chosen = choose_department(driver.list_ticket_departments(), department, UPGRADE_DEPARTMENTS)
    ticket = NewTicket(
        department_id=chosen.id,
        subject=_subject(f"Move {name} to {wanted}"),
        message=f"Please move {name} to {wanted}, billed {billing}.",
        service_id=service.id,
        request=ServiceRequest(action="upgrade", plan=wanted, product_id=product_id),
    )
    return TicketRequest("upgrade", service, chosen, ticket)

"""Tickets on FOSSBilling's helpdesks: support/helpdesk_get_pairs, ticket_get_list, ticket_get,
ticket_create, ticket_reply, ticket_close.

What FOSSBilling's client API cannot do exits 6 naming it: attachments (it takes text only),
choosing a priority (staff order tickets by a number they set), and the `answered` and
`customer-reply` states (it knows `open`, `on_hold` — staff answered — and `closed`). The server
scopes tickets to the client; every row is still checked (`_check_owner`) before it is shown or
acted on.
"""

from __future__ import annotations

from typing import Any

from clientarea_cli.drivers.fossbilling.service_requests import ServiceRequestsMixin
from clientarea_cli.errors import ClientAreaError, NotFound, ProviderError, UsageError
from clientarea_cli.i18n import N_, _
from clientarea_cli.models import (
    AttachmentUpload,
    Department,
    Listing,
    NewTicket,
    Ticket,
    TicketAttachmentLimits,
    TicketMessage,
    TicketSummary,
)

STATUSES = ("open", "on_hold", "closed")
"""FOSSBilling's ticket states (Model_SupportTicket)."""
REL_ORDER = "order"
TEXT_ONLY = N_(
    "FOSSBilling's client API takes a ticket's text only: paste the text, or a link to the file"
)


def message_from(row: dict[str, Any]) -> TicketMessage:
    author = row.get("author") or {}
    return TicketMessage(
        id=row["id"],
        author=str(author.get("name") or ("Staff" if row.get("admin_id") else "You")),
        from_staff=row.get("admin_id") is not None,
        body=str(row.get("content") or ""),
        created_at=row["created_at"],
    )


def _head(row: dict[str, Any], messages: list[TicketMessage]) -> dict[str, Any]:
    """A ticket row's head fields; the last reply is the last message's time."""
    helpdesk = row.get("helpdesk") or {}
    related = row.get("rel_type") == REL_ORDER and row.get("rel_id") is not None
    return {
        "id": row["id"],
        "number": str(row["id"]),
        "subject": str(row.get("subject") or "").strip(),
        "department": str(helpdesk.get("name") or row.get("support_helpdesk_id") or ""),
        "department_id": row.get("support_helpdesk_id"),
        "status": str(row.get("status") or ""),
        "priority": "" if row.get("priority") is None else str(row["priority"]),
        "service_id": int(row["rel_id"]) if related else None,
        "created_at": row["created_at"],
        "last_reply_at": messages[-1].created_at if messages else row.get("updated_at"),
    }


def _messages(row: dict[str, Any]) -> list[TicketMessage]:
    return [message_from(m) for m in row.get("messages") or [] if isinstance(m, dict)]


def ticket_from(row: dict[str, Any]) -> Ticket:
    messages = _messages(row)
    return Ticket(**_head(row, messages), messages=messages)


def summary_from(row: dict[str, Any]) -> TicketSummary:
    return TicketSummary(**_head(row, _messages(row)))


class SupportMixin(ServiceRequestsMixin):
    def list_ticket_departments(self) -> list[Department]:
        pairs = self._call("support/helpdesk_get_pairs") or {}
        return [Department(id=int(key), name=str(name)) for key, name in dict(pairs).items()]

    def list_tickets(self, *, status: str | None, limit: int | None) -> Listing[TicketSummary]:
        if status is not None and status not in STATUSES:
            raise self._unsupported_because(
                _("the ticket status {status}").format(status=status.replace("_", "-")),
                _("FOSSBilling knows open, on-hold (staff answered) and closed"),
            )
        params = {"status": status} if status else {}
        rows, total = self._list("support/ticket_get_list", params, limit=limit)
        for row in rows:
            self._check_owner(row, _("ticket"), row.get("id"))
        return Listing[TicketSummary](items=[summary_from(r) for r in rows], total=total)

    def _ticket_row(self, ticket_id: int) -> dict[str, Any]:
        try:
            row = self._call("support/ticket_get", {"id": ticket_id})
        except NotFound:
            raise NotFound(
                _("{what} {ref} was not found in this account").format(
                    what=_("ticket"), ref=ticket_id
                )
            ) from None
        self._check_owner(row, _("ticket"), ticket_id)
        return dict(row)

    def get_ticket(self, ticket_id: int) -> Ticket:
        return ticket_from(self._ticket_row(ticket_id))

    def ticket_attachment_limits(self) -> TicketAttachmentLimits | None:
        raise self._unsupported_because(_("attaching files to tickets"), _(TEXT_ONLY))

    def _about(self, ticket: NewTicket) -> int | None:
        """The order a new ticket is about (a service, or a domain's order); refused unless it
        is this client's, before anything is sent."""
        if ticket.domain is not None:
            return self.get_domain(ticket.domain).id
        if ticket.service_id is None:
            return None
        try:
            order = self._call("order/get", {"id": ticket.service_id})
            self._check_owner(order, _("service"), ticket.service_id)
        except NotFound:
            raise UsageError(
                _("invalid --service: {id} is not a service of this account").format(
                    id=ticket.service_id
                )
            ) from None
        return ticket.service_id

    def open_ticket(self, ticket: NewTicket, *, idempotency_key: str) -> Ticket:
        # FOSSBilling has no idempotency keys: ticket_create is sent once (never re-sent).
        if ticket.attachments:
            raise self._unsupported_because(_("attaching files to tickets"), _(TEXT_ONLY))
        if ticket.priority != "medium":
            raise self._unsupported_because(
                _("choosing a ticket's priority"), _("staff order FOSSBilling's tickets themselves")
            )
        params: dict[str, Any] = {
            "support_helpdesk_id": ticket.department_id,
            "subject": ticket.subject,
            "content": ticket.message,
        }
        order_id = self._about(ticket)
        if order_id is not None:
            params.update(rel_type=REL_ORDER, rel_id=order_id)
            if ticket.request is not None:
                params.update(self.ticket_task(order_id, ticket.request))
        ticket_id = self._call("support/ticket_create", params)
        if not isinstance(ticket_id, int):
            raise ProviderError(_("FOSSBilling's support/ticket_create answered no ticket id"))
        return self.get_ticket(ticket_id)

    def reply_to_ticket(
        self,
        ticket_id: int,
        message: str,
        attachments: list[AttachmentUpload],
        *,
        idempotency_key: str,
    ) -> TicketMessage:
        if attachments:
            raise self._unsupported_because(_("attaching files to tickets"), _(TEXT_ONLY))
        row = self._ticket_row(ticket_id)  # ours, before anything is sent
        helpdesk = row.get("helpdesk") or {}
        if row.get("status") == "closed" and not helpdesk.get("can_reopen"):
            raise ClientAreaError(
                _("ticket {id} is closed and {department} does not reopen closed tickets").format(
                    id=ticket_id, department=helpdesk.get("name") or _("its department")
                ),
                hint=_("open a new ticket: clientarea tickets open"),
            )
        self._call("support/ticket_reply", {"id": ticket_id, "content": message})
        mine = [m for m in self.get_ticket(ticket_id).messages if not m.from_staff]
        if not mine:
            raise ProviderError(
                _("FOSSBilling shows no reply of yours on ticket {id}").format(id=ticket_id)
            )
        return mine[-1]

    def close_ticket(self, ticket_id: int) -> Ticket:
        self._ticket_row(ticket_id)  # ours, before anything is sent
        self._call("support/ticket_close", {"id": ticket_id})
        return self.get_ticket(ticket_id)

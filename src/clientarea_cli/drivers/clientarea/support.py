"""Tickets, account changes, the password reset (no login) and contacts of the Client Area API."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic

from clientarea_cli import models
from clientarea_cli.drivers.clientarea.base import ClientAreaBase, M

if TYPE_CHECKING:
    from clientarea_cli.models import (
        Account,
        AttachmentUpload,
        Contact,
        Department,
        Listing,
        NewTicket,
        Ticket,
        TicketAttachmentLimits,
        TicketMessage,
        TicketSummary,
    )


class _ProviderLimits(models.Model, Generic[M]):
    """`GET /provider`'s attachment limits (generic: the model is imported on first use)."""

    ticket_attachments: M | None = None


class SupportMixin(ClientAreaBase):
    # -- tickets ----------------------------------------------------------------------------
    def list_ticket_departments(self) -> list[Department]:
        return self._list("/tickets/departments", models.Department, {}, None).items

    def list_tickets(self, *, status: str | None, limit: int | None) -> Listing[TicketSummary]:
        return self._list("/tickets", models.TicketSummary, {"status": status}, limit)

    def get_ticket(self, ticket_id: int) -> Ticket:
        return self._get(f"/tickets/{ticket_id}", models.Ticket)

    def ticket_attachment_limits(self) -> TicketAttachmentLimits | None:
        envelope = _ProviderLimits[models.TicketAttachmentLimits]
        answer: _ProviderLimits[TicketAttachmentLimits] = self._get("/provider", envelope)
        return answer.ticket_attachments

    def open_ticket(self, ticket: NewTicket, *, idempotency_key: str) -> Ticket:
        body = ticket.model_dump(mode="json", exclude={"request"})  # said in the message
        return self._send("POST", "/tickets", models.Ticket, body, idempotency_key=idempotency_key)

    def reply_to_ticket(
        self,
        ticket_id: int,
        message: str,
        attachments: list[AttachmentUpload],
        *,
        idempotency_key: str,
    ) -> TicketMessage:
        body = {"message": message, "attachments": [a.model_dump() for a in attachments]}
        path = f"/tickets/{ticket_id}/replies"
        return self._send("POST", path, models.TicketMessage, body, idempotency_key=idempotency_key)

    def close_ticket(self, ticket_id: int) -> Ticket:
        return self._send("POST", f"/tickets/{ticket_id}/close", models.Ticket)

    # -- account ----------------------------------------------------------------------------
    def update_account(self, changes: dict[str, Any]) -> Account:
        return self._send("PATCH", "/account", models.Account, changes)

    def change_password(self, current: str, new: str) -> None:
        body = {"current_password": current, "new_password": new}
        self.http.request("POST", "/account/password", json=body)

    def set_security_question(self, question: str, answer: str) -> None:
        body = {"question": question, "answer": answer}
        self.http.request("PUT", "/account/security-question", json=body)

    def request_email_verification(self) -> None:
        self.http.request("POST", "/account/email-verification")

    def request_password_reset(self, email: str) -> None:
        # The one call that needs no login: it must not carry anybody's credentials.
        self.http.request("POST", "/password-reset", json={"email": email}, anonymous=True)

    # -- contacts ---------------------------------------------------------------------------
    def create_contact(self, fields: dict[str, Any], *, idempotency_key: str) -> Contact:
        return self._send(
            "POST", "/contacts", models.Contact, fields, idempotency_key=idempotency_key
        )

    def update_contact(self, contact_id: int, changes: dict[str, Any]) -> Contact:
        return self._send("PATCH", f"/contacts/{contact_id}", models.Contact, changes)

    def delete_contact(self, contact_id: int) -> None:
        self._delete(f"/contacts/{contact_id}")

"""Support tickets (departments, threads, attachments and their limits), and the changes
`account update` and `contacts update` show before sending."""

from __future__ import annotations

from datetime import datetime

from clientarea_cli.models.common import Model


class Department(Model):
    id: int
    name: str
    description: str | None = None


class TicketAttachment(Model):
    name: str
    size: int
    content_type: str | None = None


class TicketMessage(Model):
    """One message of a ticket's thread (staff-only notes never reach the customer)."""

    id: int
    author: str
    from_staff: bool = False
    body: str
    created_at: datetime
    attachments: list[TicketAttachment] = []


class TicketSummary(Model):
    """A ticket as listed, without its messages."""

    id: int
    number: str
    subject: str
    department: str
    department_id: int | None = None
    status: str
    priority: str
    service_id: int | None = None
    domain: str | None = None
    created_at: datetime
    last_reply_at: datetime | None = None


class Ticket(TicketSummary):
    """A ticket with its whole thread, oldest message first."""

    messages: list[TicketMessage] = []


class TicketAttachmentLimits(Model):
    """The provider's limits on ticket attachments (`Provider.ticket_attachments`)."""

    max_files: int
    max_file_size: int
    content_types: list[str]


class AttachmentUpload(Model):
    """A file to attach, as the API takes it (base64 in the JSON body)."""

    name: str
    content_type: str
    content_base64: str


class ServiceRequest(Model):
    """What a ticket asks staff to do to its service (`services cancel|upgrade --via-ticket`).

    The ticket's text says it too; a provider that tracks such requests (FOSSBilling's ticket
    tasks) also gets it as data. An upgrade's target is `plan` as the user named it, and
    `product_id` when the provider's plan list resolved it.
    """

    action: str
    plan: str | None = None
    product_id: int | None = None


class NewTicket(Model):
    """What `tickets open` sends (`TicketCreate`); `request` is not part of the Client Area API."""

    department_id: int
    subject: str
    message: str
    priority: str = "medium"
    service_id: int | None = None
    domain: str | None = None
    attachments: list[AttachmentUpload] = []
    request: ServiceRequest | None = None


class TicketDraft(Model):
    """What a ticket or a reply would send, for `--dry-run` (files by name, size and type)."""

    ticket_id: int | None = None
    department: str | None = None
    subject: str | None = None
    priority: str | None = None
    service_id: int | None = None
    domain: str | None = None
    message: str
    attachments: list[str] = []


class FieldChange(Model):
    """One field an update changes (`account update`, `contacts update`): before and after."""

    field: str
    before: str | None = None
    after: str | None = None

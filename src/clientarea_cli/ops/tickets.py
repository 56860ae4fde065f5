"""Support tickets: departments, listing, the thread, opening and replying (with attachments
checked against the provider's limits before anything is sent), closing."""

from __future__ import annotations

import base64
import mimetypes
import uuid
from pathlib import Path

from clientarea_cli.drivers.base import Driver
from clientarea_cli.errors import UsageError
from clientarea_cli.i18n import _
from clientarea_cli.models import (
    AttachmentUpload,
    Department,
    Listing,
    NewTicket,
    Ticket,
    TicketAttachmentLimits,
    TicketDraft,
    TicketMessage,
    TicketSummary,
)
from clientarea_cli.models.choices import TICKET_PRIORITIES, TICKET_STATUSES

STATUS_CHOICES = ("open", "answered", "customer-reply", "on-hold", "closed", "all")
MAX_SUBJECT, MAX_MESSAGE = 200, 65535
# What the first bytes of the binary types a provider may accept look like.
_MAGIC = {
    "application/pdf": (b"%PDF-",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
}


def parse_status(value: str | None) -> str | None:
    """`--status` as the API spells it (`customer-reply` → `customer_reply`); `all` is None."""
    if value is None:
        return None
    status = value.strip().lower().replace("-", "_")
    if not status:
        raise UsageError(
            _("invalid value for --status: it is empty"),
            hint=_("use {choices}").format(choices=", ".join(STATUS_CHOICES)),
        )
    if status == "all":
        return None
    if status not in TICKET_STATUSES:
        raise UsageError(
            _("invalid --status: {value!r}").format(value=value),
            hint=_("use {choices}").format(choices=", ".join(STATUS_CHOICES)),
        )
    return status


def parse_priority(value: str) -> str:
    priority = value.strip().lower()
    if priority not in TICKET_PRIORITIES:
        raise UsageError(
            _("invalid --priority: {value!r}").format(value=value),
            hint=_("use {choices}").format(choices=", ".join(TICKET_PRIORITIES)),
        )
    return priority


def list_departments(driver: Driver) -> list[Department]:
    return driver.list_ticket_departments()


def find_department(departments: list[Department], value: str) -> Department:
    """A department by id, by name, or by one word of its name (`support`, `billing`)."""
    wanted = value.strip().lower()
    for department in departments:
        if wanted == str(department.id) or wanted == department.name.lower():
            return department
    by_word = [d for d in departments if wanted in d.name.lower().split()]
    if len(by_word) == 1:
        return by_word[0]
    known = ", ".join(f"{d.id} ({d.name})" for d in departments)
    raise UsageError(
        _("invalid --department: {value!r} is not a department").format(value=value),
        hint=_("use {known}").format(known=known),
    )


def list_tickets(driver: Driver, status: str | None, limit: int | None) -> Listing[TicketSummary]:
    return driver.list_tickets(status=status, limit=limit)


def get_ticket(driver: Driver, ticket_id: int) -> Ticket:
    return driver.get_ticket(ticket_id)


def checked_subject(subject: str) -> str:
    text = subject.strip()
    if not text:
        raise UsageError(_("invalid --subject: it is empty"))
    if len(text) > MAX_SUBJECT:
        raise UsageError(
            _("invalid --subject: longer than {MAX_SUBJECT} characters").format(
                MAX_SUBJECT=MAX_SUBJECT
            )
        )
    return text


def checked_message(message: str, source: str) -> str:
    if not message.strip():
        raise UsageError(
            _("the message ({source}) is empty; nothing was sent").format(source=source)
        )
    if len(message) > MAX_MESSAGE:
        raise UsageError(
            _("the message ({source}) is longer than {MAX_MESSAGE} characters").format(
                source=source, MAX_MESSAGE=MAX_MESSAGE
            )
        )
    return message.rstrip()


# -- attachments --------------------------------------------------------------------------------


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def content_type(path: Path, content: bytes) -> str:
    """The file's type from its extension; text that has no known extension is text/plain."""
    guessed, _encoding = mimetypes.guess_type(path.name)
    if guessed is None:
        try:
            content.decode("utf-8")
        except UnicodeDecodeError:
            return "application/octet-stream"
        return "text/plain"
    return guessed


def existing_files(paths: list[Path]) -> list[Path]:
    """`--attach` files must exist before the message is asked for."""
    for path in paths:
        if not path.is_file():
            raise UsageError(_("invalid --attach: {str!r} is not a file").format(str=str(path)))
    return paths


def read_attachments(
    paths: list[Path], limits: TicketAttachmentLimits | None
) -> list[AttachmentUpload]:
    """Read and check `--attach` files: they exist, and (when the provider publishes its limits)
    there are not too many, none is too large, and each is of an accepted type."""
    if limits is not None and len(paths) > limits.max_files:
        raise UsageError(
            _(
                "invalid --attach: {count} files, the provider takes at most {max_files} per message"
            ).format(count=len(paths), max_files=limits.max_files)
        )
    uploads = []
    for path in paths:
        if not path.is_file():
            raise UsageError(_("invalid --attach: {str!r} is not a file").format(str=str(path)))
        size = path.stat().st_size
        if limits is not None and size > limits.max_file_size:
            raise UsageError(
                _(
                    "invalid --attach: {name} is {size}; the provider takes at most {size2} per file"
                ).format(name=path.name, size=_size(size), size2=_size(limits.max_file_size))
            )
        content = path.read_bytes()
        if not content:
            raise UsageError(_("invalid --attach: {name} is empty").format(name=path.name))
        kind = content_type(path, content)
        if limits is not None and kind not in limits.content_types:
            raise UsageError(
                _("invalid --attach: {name} is {kind}, which the provider does not take").format(
                    name=path.name, kind=kind
                ),
                hint=_("accepted: {types}").format(types=", ".join(limits.content_types)),
            )
        if kind in _MAGIC and not content.startswith(_MAGIC[kind]):
            raise UsageError(
                _("invalid --attach: {name} does not look like {kind}").format(
                    name=path.name, kind=kind
                )
            )
        encoded = base64.b64encode(content).decode("ascii")
        uploads.append(AttachmentUpload(name=path.name, content_type=kind, content_base64=encoded))
    return uploads


def attachment_limits(driver: Driver, paths: list[Path]) -> TicketAttachmentLimits | None:
    """The provider's limits, asked only when there is something to attach."""
    return driver.ticket_attachment_limits() if paths else None


def describe(upload: AttachmentUpload) -> str:
    size = len(base64.b64decode(upload.content_base64))
    return f"{upload.name} ({_size(size)}, {upload.content_type})"


def draft(ticket: NewTicket, department: Department) -> TicketDraft:
    return TicketDraft(
        department=department.name,
        subject=ticket.subject,
        priority=ticket.priority,
        service_id=ticket.service_id,
        domain=ticket.domain,
        message=ticket.message,
        attachments=[describe(a) for a in ticket.attachments],
    )


def open_ticket(driver: Driver, ticket: NewTicket) -> Ticket:
    return driver.open_ticket(ticket, idempotency_key=str(uuid.uuid4()))


def reply(
    driver: Driver, ticket_id: int, message: str, attachments: list[AttachmentUpload]
) -> TicketMessage:
    key = str(uuid.uuid4())
    return driver.reply_to_ticket(ticket_id, message, attachments, idempotency_key=key)


def close(driver: Driver, ticket_id: int) -> Ticket:
    return driver.close_ticket(ticket_id)

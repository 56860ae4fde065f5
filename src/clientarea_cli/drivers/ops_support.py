"""Support tickets, account changes, contacts and content: the Driver's default operations, each raising NotSupported (see base.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clientarea_cli.drivers.stub import Stub
from clientarea_cli.i18n import _

if TYPE_CHECKING:
    from clientarea_cli.models import (
        Account,
        Contact,
        Listing,
    )
    from clientarea_cli.models.content import (
        Affiliate,
        Announcement,
        Download,
        Email,
        EmailSummary,
        KbArticle,
        KbArticleSummary,
        KbCategory,
    )
    from clientarea_cli.models.support import (
        AttachmentUpload,
        Department,
        NewTicket,
        Ticket,
        TicketAttachmentLimits,
        TicketMessage,
        TicketSummary,
    )


class SupportOperations(Stub):
    def list_ticket_departments(self) -> list[Department]:
        raise self._unsupported(_("support tickets"))

    def list_tickets(self, *, status: str | None, limit: int | None) -> Listing[TicketSummary]:
        raise self._unsupported(_("support tickets"))

    def get_ticket(self, ticket_id: int) -> Ticket:
        raise self._unsupported(_("support tickets"))

    def ticket_attachment_limits(self) -> TicketAttachmentLimits | None:
        """The provider's attachment limits, or None when it does not publish them."""
        raise self._unsupported(_("ticket attachments"))

    def open_ticket(self, ticket: NewTicket, *, idempotency_key: str) -> Ticket:
        raise self._unsupported(_("opening tickets"))

    def reply_to_ticket(
        self,
        ticket_id: int,
        message: str,
        attachments: list[AttachmentUpload],
        *,
        idempotency_key: str,
    ) -> TicketMessage:
        raise self._unsupported(_("replying to tickets"))

    def close_ticket(self, ticket_id: int) -> Ticket:
        raise self._unsupported(_("closing tickets"))

    def update_account(self, changes: dict[str, Any]) -> Account:
        """Change the given account fields (a null clears an optional one)."""
        raise self._unsupported(_("changing the account"))

    def change_password(self, current: str, new: str) -> None:
        raise self._unsupported(_("changing the password"))

    def set_security_question(self, question: str, answer: str) -> None:
        raise self._unsupported(_("the security question"))

    def request_email_verification(self) -> None:
        raise self._unsupported(_("e-mail verification"))

    def request_password_reset(self, email: str) -> None:
        """Ask for a reset link; sent without credentials (no login needed)."""
        raise self._unsupported(_("password reset"))

    def create_contact(self, fields: dict[str, Any], *, idempotency_key: str) -> Contact:
        raise self._unsupported(_("adding contacts"))

    def update_contact(self, contact_id: int, changes: dict[str, Any]) -> Contact:
        raise self._unsupported(_("changing contacts"))

    def delete_contact(self, contact_id: int) -> None:
        raise self._unsupported(_("removing contacts"))

    def list_emails(self, *, limit: int | None) -> Listing[EmailSummary]:
        raise self._unsupported(_("the e-mail history"))

    def get_email(self, email_id: int) -> Email:
        raise self._unsupported(_("the e-mail history"))

    def list_announcements(self, *, limit: int | None) -> Listing[Announcement]:
        raise self._unsupported(_("announcements"))

    def get_announcement(self, announcement_id: int) -> Announcement:
        raise self._unsupported(_("announcements"))

    def list_kb_categories(self) -> list[KbCategory]:
        raise self._unsupported(_("the knowledgebase"))

    def search_kb(
        self, query: str | None, *, category_id: int | None, limit: int | None
    ) -> Listing[KbArticleSummary]:
        raise self._unsupported(_("the knowledgebase"))

    def get_kb_article(self, article_id: int) -> KbArticle:
        raise self._unsupported(_("the knowledgebase"))

    def list_downloads(self, *, limit: int | None) -> Listing[Download]:
        raise self._unsupported(_("downloads"))

    def download_file(self, download_id: int) -> tuple[bytes, str | None]:
        """The file and the name the provider gives it (if any)."""
        raise self._unsupported(_("downloads"))

    def get_affiliate(self) -> Affiliate:
        raise self._unsupported(_("the affiliate account"))

    def activate_affiliate(self, *, idempotency_key: str) -> Affiliate:
        raise self._unsupported(_("the affiliate account"))

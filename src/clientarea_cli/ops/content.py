"""What the provider publishes or sent: the e-mail history, announcements, the knowledgebase,
downloads (saved without overwriting by accident) and the affiliate account."""

from __future__ import annotations

import uuid
from pathlib import Path

from clientarea_cli.drivers.base import Driver
from clientarea_cli.errors import UsageError
from clientarea_cli.i18n import _
from clientarea_cli.models import (
    Affiliate,
    Announcement,
    Download,
    Email,
    EmailSummary,
    KbArticle,
    KbArticleSummary,
    KbCategory,
    Listing,
)


def list_emails(driver: Driver, limit: int | None) -> Listing[EmailSummary]:
    return driver.list_emails(limit=limit)


def get_email(driver: Driver, email_id: int) -> Email:
    return driver.get_email(email_id)


def list_announcements(driver: Driver, limit: int | None) -> Listing[Announcement]:
    return driver.list_announcements(limit=limit)


def get_announcement(driver: Driver, announcement_id: int) -> Announcement:
    return driver.get_announcement(announcement_id)


def list_kb_categories(driver: Driver) -> list[KbCategory]:
    return driver.list_kb_categories()


def search_kb(
    driver: Driver, query: str, category_id: int | None, limit: int | None
) -> Listing[KbArticleSummary]:
    words = query.strip()
    if not words:
        raise UsageError(_("invalid QUERY: it is empty"))
    if len(words) > 200:
        raise UsageError(_("invalid QUERY: longer than 200 characters"))
    return driver.search_kb(words, category_id=category_id, limit=limit)


def get_kb_article(driver: Driver, article_id: int) -> KbArticle:
    return driver.get_kb_article(article_id)


def list_downloads(driver: Driver, limit: int | None) -> Listing[Download]:
    return driver.list_downloads(limit=limit)


def safe_file_name(name: str | None, fallback: str) -> str:
    """The provider's file name without any folder part (never `..` or a path)."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return fallback if base in ("", ".", "..") else base


def download(driver: Driver, download_id: int) -> tuple[bytes, str]:
    content, name = driver.download_file(download_id)
    return content, safe_file_name(name, f"download-{download_id}")


def save_target(target: Path, *, force: bool) -> Path:
    """Where a download is saved: not a folder, and not an existing file unless `force`.

    The CLI writes it there atomically (config/atomic.py), like an invoice PDF."""
    if target.is_dir():
        raise UsageError(
            _("invalid -O: {str!r} is a folder; give a file name").format(str=str(target))
        )
    if target.exists() and not force:
        raise UsageError(
            _("{target} already exists").format(target=target),
            hint=_("use --force to overwrite it"),
        )
    return target


def get_affiliate(driver: Driver) -> Affiliate:
    return driver.get_affiliate()


def activate_affiliate(driver: Driver) -> Affiliate:
    return driver.activate_affiliate(idempotency_key=str(uuid.uuid4()))

"""E-mail history, announcements, knowledgebase, downloads and the affiliate account."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from clientarea_cli import models
from clientarea_cli.drivers.clientarea.base import ClientAreaBase

if TYPE_CHECKING:
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

_FILENAME = re.compile(r'filename="?([^";]+)"?')


class ContentMixin(ClientAreaBase):
    def list_emails(self, *, limit: int | None) -> Listing[EmailSummary]:
        return self._list("/emails", models.EmailSummary, {}, limit)

    def get_email(self, email_id: int) -> Email:
        return self._get(f"/emails/{email_id}", models.Email)

    def list_announcements(self, *, limit: int | None) -> Listing[Announcement]:
        return self._list("/announcements", models.Announcement, {}, limit)

    def get_announcement(self, announcement_id: int) -> Announcement:
        return self._get(f"/announcements/{announcement_id}", models.Announcement)

    def list_kb_categories(self) -> list[KbCategory]:
        return self._list("/kb/categories", models.KbCategory, {}, None).items

    def search_kb(
        self, query: str | None, *, category_id: int | None, limit: int | None
    ) -> Listing[KbArticleSummary]:
        params = {"q": query, "category_id": category_id}
        return self._list("/kb/articles", models.KbArticleSummary, params, limit)

    def get_kb_article(self, article_id: int) -> KbArticle:
        return self._get(f"/kb/articles/{article_id}", models.KbArticle)

    def list_downloads(self, *, limit: int | None) -> Listing[Download]:
        return self._list("/downloads", models.Download, {}, limit)

    def download_file(self, download_id: int) -> tuple[bytes, str | None]:
        response = self.http.get(f"/downloads/{download_id}/file")
        match = _FILENAME.search(response.headers.get("content-disposition", ""))
        return response.content, match.group(1) if match else None

    def get_affiliate(self) -> Affiliate:
        return self._get("/affiliate", models.Affiliate)

    def activate_affiliate(self, *, idempotency_key: str) -> Affiliate:
        path = "/affiliate/activation"
        return self._send("POST", path, models.Affiliate, None, idempotency_key=idempotency_key)

"""What a FOSSBilling server publishes or sent: the e-mail history (client email/*), news and the
knowledgebase (FOSSBilling's guest API: no credentials sent), and downloads, which FOSSBilling
sells as orders of a `downloadable` product (order/get_list, servicedownloadable/send_file).

FOSSBilling 0.5.6 has no affiliate programme in its client API (exit 6). Its knowledgebase search
(`title LIKE q OR content LIKE q`, without brackets) also returns drafts and other categories'
articles: those are dropped here.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

from clientarea_cli.drivers.fossbilling.base import FossBillingBase, envelope_error
from clientarea_cli.errors import MalformedResponse, NotFound
from clientarea_cli.i18n import N_, _
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

NO_AFFILIATES = N_(
    "FOSSBilling's client API has no affiliate programme; ask the provider by ticket"
)
DOWNLOADABLE = "downloadable"
_BLOCKS = frozenset({"p", "div", "br", "h1", "h2", "h3", "h4", "li", "tr", "table", "ul", "ol"})


class _Text(HTMLParser):
    """An HTML e-mail as plain text: paragraphs on their own lines, links followed by their URL,
    no styles or scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "head", "title"):
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")
        elif tag == "a":
            self._href = dict(attrs).get("href")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "head", "title"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")
        elif tag == "a" and self._href:
            self.parts.append(f" <{self._href}>")
            self._href = None

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(re.sub(r"\s+", " ", data))

    def text(self) -> str:
        lines = (line.strip() for line in "".join(self.parts).splitlines())
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return parser.text()


def _when(row: dict[str, Any], *names: str) -> Any:
    return next((row[n] for n in names if row.get(n)), None)


def _file_name(order: dict[str, Any]) -> str | None:
    """The file a downloadable order delivers (its product's `filename`)."""
    config = order.get("config")
    name = config.get("filename") if isinstance(config, dict) else None
    return str(name) if name else None


class ContentMixin(FossBillingBase):
    # -- e-mail history ---------------------------------------------------------------------
    def _email_row(self, row: dict[str, Any]) -> dict[str, Any]:
        self._check_owner(row, _("e-mail"), row.get("id"))
        return row

    def list_emails(self, *, limit: int | None) -> Listing[EmailSummary]:
        rows, total = self._list("email/get_list", {}, limit=limit)
        items = [
            EmailSummary(
                id=r["id"], date=r["created_at"], subject=r.get("subject") or "",
                to=r.get("recipients") or "",
            )
            for r in map(self._email_row, rows)
        ]  # fmt: skip
        return Listing[EmailSummary](items=items, total=total)

    def get_email(self, email_id: int) -> Email:
        try:
            row = self._email_row(self._call("email/get", {"id": email_id}))
        except NotFound:
            raise NotFound(
                _("{what} {ref} was not found in this account").format(
                    what=_("e-mail"), ref=email_id
                )
            ) from None
        text = row.get("content_text") or html_text(row.get("content_html") or "")
        return Email(
            id=row["id"], date=row["created_at"], subject=row.get("subject") or "",
            to=row.get("recipients") or "", body=text,
        )  # fmt: skip

    # -- news -------------------------------------------------------------------------------
    @staticmethod
    def _announcement(row: dict[str, Any]) -> Announcement:
        return Announcement(
            id=row["id"],
            title=row.get("title") or "",
            date=_when(row, "publish_at", "created_at"),
            body=row.get("content") or row.get("description") or "",
        )

    def list_announcements(self, *, limit: int | None) -> Listing[Announcement]:
        rows, total = self._list("news/get_list", {}, limit=limit, guest=True)
        items = [self._announcement(r) for r in rows]
        return Listing[Announcement](items=items, total=total)

    def get_announcement(self, announcement_id: int) -> Announcement:
        try:
            row = self._call("news/get", {"id": announcement_id}, guest=True)
        except NotFound:
            raise NotFound(
                _("announcement {id} was not found").format(id=announcement_id)
            ) from None
        return self._announcement(row)

    # -- knowledgebase ----------------------------------------------------------------------
    def list_kb_categories(self) -> list[KbCategory]:
        rows, _ = self._list("kb/category_get_list", {}, limit=None, guest=True)
        return [
            KbCategory(
                id=r["id"], name=r.get("title") or "", description=r.get("description") or None,
                article_count=len(r.get("articles") or []),
            )
            for r in rows
        ]  # fmt: skip

    def search_kb(
        self, query: str | None, *, category_id: int | None, limit: int | None
    ) -> Listing[KbArticleSummary]:
        params: dict[str, Any] = {}
        if category_id is not None:
            params["kb_article_category_id"] = category_id
        if not query:
            rows, total = self._list("kb/article_get_list", params, limit=limit, guest=True)
        else:
            rows = self._kb_matches(query.split(), category_id)
            total = len(rows)
            rows = rows if limit is None else rows[:limit]
        items = [
            KbArticleSummary(
                id=r["id"], category_id=(r.get("category") or {}).get("id") or 0,
                title=r.get("title") or "", updated_at=_when(r, "updated_at", "created_at"),
            )
            for r in rows
        ]  # fmt: skip
        return Listing[KbArticleSummary](items=items, total=total)

    def _kb_matches(self, words: list[str], category_id: int | None) -> list[dict[str, Any]]:
        """Active articles (of the category) holding every word: one search per word, since the
        server matches one phrase and its search ignores the status and the category."""
        found: list[dict[str, Any]] | None = None
        for word in words:
            rows, _ = self._list("kb/article_get_list", {"search": word}, limit=None, guest=True)
            ids = {r.get("id") for r in rows}
            found = rows if found is None else [r for r in found if r.get("id") in ids]
        return [
            r
            for r in found or []
            if r.get("status") == "active"
            and (category_id is None or (r.get("category") or {}).get("id") == category_id)
        ]

    def get_kb_article(self, article_id: int) -> KbArticle:
        try:
            row = self._call("kb/article_get", {"id": article_id}, guest=True)
        except NotFound:
            raise NotFound(
                _("knowledgebase article {id} was not found").format(id=article_id)
            ) from None
        return KbArticle(
            id=row["id"], category_id=(row.get("category") or {}).get("id") or 0,
            title=row.get("title") or "", updated_at=_when(row, "updated_at", "created_at"),
            body=row.get("content") or "",
        )  # fmt: skip

    # -- downloads --------------------------------------------------------------------------
    def list_downloads(self, *, limit: int | None) -> Listing[Download]:
        params = {"type": DOWNLOADABLE, "status": "active"}
        rows, total = self._list("order/get_list", params, limit=limit)
        items = []
        for row in rows:
            self._check_owner(row, _("download"), row.get("id"))
            items.append(
                Download(
                    id=row["id"], title=row.get("title") or "",
                    file_name=_file_name(row) or f"download-{row['id']}",
                )
            )  # fmt: skip
        return Listing[Download](items=items, total=total)

    def download_file(self, download_id: int) -> tuple[bytes, str | None]:
        try:
            order = self._call("order/get", {"id": download_id})
        except NotFound:
            order = None
        if not isinstance(order, dict) or order.get("service_type") != DOWNLOADABLE:
            raise NotFound(
                _("{what} {ref} was not found in this account").format(
                    what=_("download"), ref=download_id
                )
            )
        self._check_owner(order, _("download"), download_id)
        method = "servicedownloadable/send_file"
        # The file itself, not an envelope: sent by hand (a read, so it may be sent again).
        url = f"{self._reads.base_url.removesuffix('/client')}/client/{method}"
        response = self._reads.request("POST", url, json={"order_id": download_id})
        if response.headers.get("content-type", "").startswith("application/json"):
            try:
                body = json.loads(response.content, parse_float=Decimal)
                error = body["error"] or {}
                message = str(error.get("message") or "")
            except (ValueError, KeyError, TypeError, AttributeError):
                raise MalformedResponse(
                    _("FOSSBilling's answer to {method} is unreadable").format(method=method)
                ) from None
            raise self.redactor.error(
                envelope_error(method, response.status_code, error.get("code"), message, self.name)
            )
        return response.content, _file_name(order)

    # -- affiliate --------------------------------------------------------------------------
    def get_affiliate(self) -> Affiliate:
        raise self._unsupported_because(_("the affiliate account"), _(NO_AFFILIATES))

    def activate_affiliate(self, *, idempotency_key: str) -> Affiliate:
        raise self._unsupported_because(_("the affiliate account"), _(NO_AFFILIATES))

"""What the provider publishes or sent: e-mail history, announcements, knowledgebase, downloads,
and the account's affiliate account."""

from __future__ import annotations

from datetime import datetime

from clientarea_cli.models.common import Model, Money


class EmailSummary(Model):
    """An e-mail the provider sent to the account, as listed (without its body)."""

    id: int
    date: datetime
    subject: str
    to: str


class Email(EmailSummary):
    body: str


class Announcement(Model):
    id: int
    title: str
    date: datetime
    body: str


class KbCategory(Model):
    id: int
    name: str
    description: str | None = None
    parent_id: int | None = None
    article_count: int = 0


class KbArticleSummary(Model):
    id: int
    category_id: int
    title: str
    updated_at: datetime


class KbArticle(KbArticleSummary):
    body: str


class Download(Model):
    """A file the account may download; `size` is None where the provider does not say it."""

    id: int
    title: str
    description: str | None = None
    category: str | None = None
    file_name: str
    size: int | None = None


class Affiliate(Model):
    """The affiliate account; an account that never activated it has `active` false and nulls."""

    active: bool
    referral_url: str | None = None
    activated_at: datetime | None = None
    visitors: int | None = None
    signups: int | None = None
    commission_pending: Money | None = None
    commission_balance: Money | None = None
    commission_withdrawn: Money | None = None

"""What a bulk run shows: its plan (one row per target) and its outcome (one row per item)."""

from __future__ import annotations

import datetime as dt

from clientarea_cli.models.common import Model, Money

# The journal's words, as it writes them (ops/bulk/journal.py, ops/money.py); a table shows them in
# the reader's language (output/columns.py WORDS), JSON as they are.
RUN_STATUSES = ("running", "interrupted", "abandoned", "partial", "done")
RUN_ITEM_STATES = ("planned", "sending", "done", "failed", "skipped", "abandoned")
MONEY_REQUEST_STATUSES = ("sending", "unknown", "completed", "failed", "not_applied")
MONEY_REQUEST_KINDS = (
    "invoice payment",
    "order",
    "verification",
    "upgrade",
    "add-on order",
    "top-up",
)


class PlanItem(Model):
    """One target of a bulk action: where it stands, where it will be, and what it costs."""

    domain: str
    domain_id: int
    current: str
    desired: str
    cost: Money | None = None
    skip: bool = False
    warnings: tuple[str, ...] = ()
    """Tuple: one shared empty default, where a list default is copied into every row."""


class Outcome(Model):
    """What happened to one item of a bulk run."""

    domain: str
    ok: bool
    result: str
    error: str | None = None
    invoice_id: int | None = None
    amount_due: Money | None = None
    """For renewals: what is left to pay on the invoice issued."""


class JournalEntry(Model):
    """One item of a journalled run."""

    domain: str
    state: str
    result: str | None = None
    error: str | None = None
    invoice_id: int | None = None
    updated_at: dt.datetime


class RunSummary(Model):
    """A bulk run as the journal remembers it."""

    id: str
    command: str
    action: str
    profile: str
    created_at: dt.datetime
    status: str
    total: int
    done: int
    failed: int
    skipped: int
    pending: int


class MoneyOperation(Model):
    """A money request as the journal remembers it; `key` is its idempotency key."""

    key: str
    created_at: dt.datetime
    profile: str
    kind: str
    summary: str
    status: str
    result: str | None = None


class OperationStatus(Model):
    """What the provider says happened to an idempotency key (`GET /v1/operations/{key}`)."""

    key: str
    status: str
    http_status: int | None = None
    response: dict[str, object] | list[object] | None = None

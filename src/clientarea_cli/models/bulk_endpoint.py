"""What a provider's bulk endpoint answers for each item (`POST /v1/domains/bulk/{action}`).

Apart from the bulk run's own models (bulk.py) and the domain records (domain_records.py): the
clientarea driver reads these answers, and a `domains list` that loads the driver needs no more.
"""

from __future__ import annotations

from typing import Any

from clientarea_cli.models.common import Model


class BulkError(Model):
    code: str
    message: str
    details: dict[str, str] | None = None


class BulkItemStatus(Model):
    """One item of a provider bulk endpoint's answer (`POST /v1/domains/bulk/{action}`), without
    what it changed: all a settings change needs (its `data`, the whole domain, is skipped)."""

    domain: str | int
    ok: bool
    status: int
    error: BulkError | None = None


class BulkItemResult(BulkItemStatus):
    """One item of a provider bulk endpoint's answer with its `data` (a renewal's invoice)."""

    data: dict[str, Any] | None = None

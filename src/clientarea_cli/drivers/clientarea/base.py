"""The Client Area API driver's plumbing: Bearer auth, `{"data", "meta"}` pages, typed send."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel, TypeAdapter

from clientarea_cli import models
from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.drivers.http import (
    IDEMPOTENT_METHODS,
    HttpClient,
    Redactor,
    RetryPolicy,
    decode,
)
from clientarea_cli.errors import UsageError
from clientarea_cli.i18n import _
from clientarea_cli.models.common import Model

if TYPE_CHECKING:
    from clientarea_cli.models import (
        Listing,
    )

M = TypeVar("M", bound=BaseModel)


class _PageMeta(Model):
    page: int
    per_page: int
    total: int
    total_pages: int


class _Page(Model, Generic[M]):
    """The contract's list envelope: `{"data": [...], "meta": {...}}`."""

    data: list[M]
    meta: _PageMeta


@cache
def _page_adapter(model: type[M]) -> TypeAdapter[_Page[M]]:
    return TypeAdapter(_Page[model])  # type: ignore[valid-type]


_ADAPTERS: dict[type[BaseModel], TypeAdapter[Any]] = {}


def _adapter(model: type[M]) -> TypeAdapter[M]:
    """Building a TypeAdapter costs more than validating a response: one per model."""
    adapter = _ADAPTERS.get(model)
    if adapter is None:
        adapter = _ADAPTERS[model] = TypeAdapter(model)
    return adapter


class ClientAreaBase(Driver):
    """What every part of the clientarea driver shares; the operations live in mixins."""

    name: ClassVar[str] = "clientarea"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {
            Capability.ACCOUNT,
            Capability.SERVICES,
            Capability.DOMAINS,
            Capability.DOMAINS_BULK,
            Capability.INVOICES,
            Capability.WALLET,
            Capability.PAYMENT_METHODS,
            Capability.CONTACTS,
            Capability.IDEMPOTENCY_KEYS,
        }
    )

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        transport: httpx.BaseTransport | None = None,
        retry: RetryPolicy | None = None,
        debug: Callable[[str], None] | None = None,
        timeout: float = 30.0,
    ) -> None:
        redactor = Redactor([api_key])
        self.http = HttpClient(
            base_url.rstrip("/") + "/v1",
            headers={"Authorization": f"Bearer {api_key}"},
            transport=transport,
            retry=retry,
            debug=debug,
            redactor=redactor,
            timeout=timeout,
            provider_name=self.name,
            # The contract's PATCH bodies set absolute values: sending one twice is harmless.
            idempotent_methods=IDEMPOTENT_METHODS | {"PATCH"},
        )

    def close(self) -> None:
        self.http.close()

    def made_changes(self) -> bool:
        return self.http.sent_change

    # -- helpers ----------------------------------------------------------------------------
    def _get(self, path: str, model: type[M], params: dict[str, Any] | None = None) -> M:
        response = self.http.get(path, params)
        return decode(response, _adapter(model))

    def _list(
        self, path: str, model: type[M], params: dict[str, Any], limit: int | None
    ) -> Listing[M]:
        items: list[M] = []
        total = 0
        for page_items, page_total in self._pages(path, model, params, limit):
            items.extend(page_items)
            total = page_total
        if limit is not None:
            items = items[:limit]
        return models.Listing[M](items=items, total=max(total, len(items)))

    def _pages(
        self, path: str, model: type[M], params: dict[str, Any], limit: int | None
    ) -> Iterator[tuple[list[M], int]]:
        """`(items, total)` per page of a listing, read as they are needed."""
        adapter = _page_adapter(model)

        def parse(response: httpx.Response) -> tuple[list[M], int]:
            page = decode(response, adapter)
            return page.data, page.meta.total

        return self.http.paginate(path, params, limit=limit, parse=parse)

    def _send(
        self,
        method: str,
        path: str,
        model: type[M],
        body: Any = None,
        *,
        idempotency_key: str | None = None,
        read: bool = False,
    ) -> M:
        response = self.http.request(
            method, path, json=body, idempotency_key=idempotency_key, read=read
        )
        return decode(response, _adapter(model))

    def _delete(self, path: str) -> None:
        self.http.request("DELETE", path)


def domain_path(ref: str, suffix: str = "") -> str:
    """`/domains/{ref}` with the reference escaped (a name or an id).

    An empty or all-dot reference would become `/domains/` (the listing) or climb the path."""
    if not ref.strip("."):
        raise UsageError(_("invalid domain: {ref!r} is not a domain name").format(ref=ref))
    return f"/domains/{quote(ref, safe='')}{suffix}"

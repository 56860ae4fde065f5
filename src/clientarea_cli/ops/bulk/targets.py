"""Which domains a bulk command acts on: names or ids, `--all`, filters, or a file of names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from typing import TypeVar

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.errors import NotFound, UsageError
from clientarea_cli.i18n import _
from clientarea_cli.models import Domain, DomainFilter
from clientarea_cli.models.common import Model
from clientarea_cli.ops.bulk.target_file import MAX_LINE, parse_rows
from clientarea_cli.ops.validate import domain_ref

__all__ = ["MAX_LINE", "TargetSpec", "parse_target_file", "resolve", "stream"]
T = TypeVar("T", bound=Model)
FEW = 10
"""Up to this many names are fetched one by one; more are matched against one listing."""


@dataclass
class TargetSpec:
    """What the user typed to choose domains. Names and filters combine: filters narrow."""

    refs: list[str] = field(default_factory=list)
    all: bool = False
    filters: DomainFilter = field(default_factory=DomainFilter)

    @property
    def has_filters(self) -> bool:
        return any(v is not None for v in self.filters.model_dump().values())

    def check(self) -> None:
        if not (self.refs or self.all or self.has_filters):
            raise UsageError(
                _("name the domains to act on"),
                hint=_(
                    "give domain names, --all, a filter (--tld, --expiring-within, --status, --auto-renew) or --from-file FILE"
                ),
            )
        if self.all and self.refs:
            raise UsageError(_("--all cannot be combined with domain names or --from-file"))
        self.refs = [domain_ref(ref) for ref in self.refs]


def parse_target_file(text: str, source: str = "the file") -> list[str]:
    """The domain names or ids a `--from-file` names (its forms: `target_file.py`)."""
    return [row.ref for row in parse_rows(text, source)]


def resolve(driver: Driver, spec: TargetSpec) -> list[Domain]:
    """The domains the spec names, in the order given (or the provider's order), each once.

    Names are matched against one paginated listing rather than one request per name, so a file
    of 10,000 names costs 10,000 ÷ page-size requests. An unknown name stops everything before
    any change (exit 5).
    """
    spec.check()
    driver.require(Capability.DOMAINS, _("listing domains"))
    if spec.refs and not spec.has_filters and len(spec.refs) <= FEW:
        return _fetch_each(driver, spec.refs)
    filters = spec.filters if spec.has_filters else DomainFilter()
    listing = driver.list_domains(filters, limit=None).items
    if not spec.refs:
        return listing
    by_key: dict[str, Domain] = {}
    for domain in listing:
        by_key[domain.name] = domain
        by_key[str(domain.id)] = domain
    chosen: list[Domain] = []
    seen: set[int] = set()
    missing: list[str] = []
    for ref in spec.refs:
        found = by_key.get(ref)
        if found is None:
            missing.append(ref)
        elif found.id not in seen:
            seen.add(found.id)
            chosen.append(found)
    if missing:
        if spec.has_filters:
            raise UsageError(
                _("{count} named domain(s) do not match the filters: {names}").format(
                    count=len(missing),
                    names=", ".join(missing[:5]) + (" …" if len(missing) > 5 else ""),
                )
            )
        raise NotFound(
            _("no such domain in this account: {ref}").format(ref=missing[0])
            + (
                " " + _("(and {count} more)").format(count=len(missing) - 1)
                if len(missing) > 1
                else ""
            ),
            hint=_("nothing was changed; check the names with `clientarea domains list`"),
        )
    return chosen


def stream(driver: Driver, spec: TargetSpec, model: type[T]) -> Iterable[T]:
    """The domains an `--all` or filter spec (no names) chooses, as `model` (`Domain` or the
    part of it a plan reads), read a page at a time: a plan over 10,000 domains then holds a
    page of them, not all 10,000."""
    if spec.refs:
        raise ValueError("stream() is for specs without names; resolve() reads named domains")
    spec.check()
    driver.require(Capability.DOMAINS, _("listing domains"))
    filters = spec.filters if spec.has_filters else DomainFilter()
    return chain.from_iterable(driver.domain_pages(filters, model))


def _fetch_each(driver: Driver, refs: list[str]) -> list[Domain]:
    chosen: dict[int, Domain] = {}
    for ref in refs:
        try:
            domain = driver.get_domain(ref)
        except NotFound:
            raise NotFound(
                _("no such domain in this account: {ref}").format(ref=ref),
                hint=_("nothing was changed; check the names with `clientarea domains list`"),
            ) from None
        chosen.setdefault(domain.id, domain)
    return list(chosen.values())

"""Which domains a bulk command acts on: names or ids, `--all`, filters, or a file of names."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.errors import NotFound, UsageError
from clientarea_cli.i18n import _
from clientarea_cli.models import Domain, DomainFilter
from clientarea_cli.ops.validate import domain_ref

MAX_LINE = 4096
"""A line of a target file, CSV row or NDJSON object included (a domain name is ≤ 253)."""
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
    """Domain names from one-per-line text, CSV with a `domain` column, or NDJSON with `domain`.

    Blank lines and lines starting with `#` are ignored in the plain form.
    """
    stripped = text.lstrip("\ufeff").strip()
    if not stripped:
        return []
    for line_no, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_LINE:
            raise UsageError(
                _("{source}, line {line_no}: longer than {MAX_LINE:,} characters").format(
                    source=source, line_no=line_no, MAX_LINE=MAX_LINE
                ),
                hint=_("give one domain name per line (or CSV / NDJSON with a 'domain' field)"),
            )
    first = stripped.splitlines()[0].strip()
    if first.startswith("{"):
        return _from_ndjson(stripped, source)
    header = [c.strip().lower() for c in next(csv.reader([first]))]
    if len(header) > 1 or header == ["domain"]:
        return _from_csv(stripped, header, source)
    names = []
    for raw in stripped.splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            names.append(line)
    return names


def _from_csv(text: str, header: list[str], source: str) -> list[str]:
    if "domain" not in header:
        raise UsageError(
            _("{source} looks like CSV but has no 'domain' column").format(source=source)
        )
    column = header.index("domain")
    rows = csv.reader(io.StringIO(text))
    next(rows)  # the header
    names = []
    for line, row in enumerate(rows, start=2):
        if not row:
            continue
        value = row[column].strip() if column < len(row) else ""
        if not value:
            raise UsageError(
                _("{source}, line {line}: empty 'domain' value").format(source=source, line=line)
            )
        names.append(value)
    return names


def _from_ndjson(text: str, source: str) -> list[str]:
    names = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError:
            raise UsageError(
                _("{source}, line {line_no}: not valid JSON").format(source=source, line_no=line_no)
            ) from None
        value = row.get("domain") if isinstance(row, dict) else None
        if not isinstance(value, str) or not value.strip():
            raise UsageError(
                _("{source}, line {line_no}: no 'domain' string").format(
                    source=source, line_no=line_no
                )
            )
        names.append(value.strip())
    return names


def resolve(driver: Driver, spec: TargetSpec) -> list[Domain]:
    """The domains the spec names, in the order given (or the provider's order), each once.

    Names are matched against one paginated listing rather than one request per name, so a file
    of 10,000 names costs 10,000 ÷ page-size requests. An unknown name stops everything before
    any change (exit 5).
    """
    spec.check()
    driver.require(Capability.DOMAINS, "listing domains")
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
                f"{len(missing)} named domain(s) do not match the filters: "
                + ", ".join(missing[:5])
                + (" …" if len(missing) > 5 else "")
            )
        raise NotFound(
            f"no such domain in this account: {missing[0]}"
            + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""),
            hint=_("nothing was changed; check the names with `clientarea domains list`"),
        )
    return chosen


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

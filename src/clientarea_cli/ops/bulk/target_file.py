"""Reading a `--from-file` of targets: the forms people and the CLI itself write.

- one domain name (or id) per line; blank lines and `#` comments are skipped;
- CSV with a `domain` (or `name`, or `id`) column, separated by `,`, `;` (what spreadsheets
  write in Spanish and other locales, with or without Excel's `sep=;` first line) or tabs;
- NDJSON or a JSON array of objects with `domain` (or `name`, or `id`), or of plain strings —
  so `domains list -o csv|tsv|json|jsonl > f` then `--from-file f` works.

A row may also carry its own name servers, for `nameservers set`: columns `ns1`…`nsN`, or a
`nameservers` field (a JSON list, or names separated by commas, semicolons or spaces).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from typing import Any

from clientarea_cli.errors import UsageError
from clientarea_cli.i18n import _

MAX_LINE = 4096
"""Longer lines are refused (the csv module fails past 131,072 characters)."""
REF_FIELDS = ("domain", "name", "id")
"""The field naming the domain, in order of preference (`name` is what `domains list` prints)."""
DELIMITERS = (",", ";", "\t")
_NS_COLUMN = re.compile(r"^ns(\d{1,2})$")
_NS_SPLIT = re.compile(r"[\s,;|]+")


@dataclass(frozen=True)
class TargetRow:
    ref: str
    """A domain name or id, as written."""
    line: int
    nameservers: list[str] = field(default_factory=list)
    """The row's own name servers, as written (checked by the command that uses them)."""


def parse_rows(text: str, source: str = "the file") -> list[TargetRow]:
    """Every target row of the file, in order."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        return []
    for line_no, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_LINE:
            raise UsageError(
                _("{source}, line {line}: longer than {limit} characters").format(
                    source=source, line=line_no, limit=f"{MAX_LINE:,}"
                ),
                hint=_("give one domain name per line (or CSV / NDJSON with a 'domain' field)"),
            )
    lines = text.splitlines()
    meaningful = [(n, ln.strip()) for n, ln in enumerate(lines, 1) if ln.strip()]
    first_no, first = next(
        ((n, ln) for n, ln in meaningful if not ln.startswith("#")), meaningful[0]
    )
    if first.startswith("["):
        return _from_json_array(text, source)
    if first.startswith("{"):
        return _from_ndjson(lines, source)
    delimiter = None
    if first.lower().startswith("sep=") and len(first) == 5:  # Excel's delimiter line
        delimiter, first_no = first[4], first_no + 1
        first = lines[first_no - 1].strip() if first_no <= len(lines) else ""
    if delimiter is None:
        delimiter = max(DELIMITERS, key=first.count)
    header = [c.strip().lower() for c in next(csv.reader([first], delimiter=delimiter))]
    if len(header) > 1 or header[0] in REF_FIELDS:
        return _from_csv(lines[first_no - 1 :], first_no, header, delimiter, source)
    return [
        TargetRow(line.strip(), n)
        for n, line in enumerate(lines, 1)
        if line.strip() and not line.strip().startswith("#")
    ]


def _ref_field(names: list[str], source: str, what: str) -> str:
    for name in REF_FIELDS:
        if name in names:
            return name
    raise UsageError(
        _("{source} looks like {what} but has no 'domain' (or 'name') column").format(
            source=source, what=what
        )
    )


def _split_servers(value: object, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [part for part in _NS_SPLIT.split(value.strip()) if part]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    raise UsageError(_("{where}: 'nameservers' is not a list of host names").format(where=where))


def _from_csv(
    lines: list[str], first_no: int, header: list[str], delimiter: str, source: str
) -> list[TargetRow]:
    ref = header.index(_ref_field(header, source, "CSV"))
    ns_columns = sorted(
        (int(m.group(1)), index)
        for index, name in enumerate(header)
        if (m := _NS_COLUMN.match(name)) is not None
    )
    listed = header.index("nameservers") if "nameservers" in header else None
    reader = csv.reader(io.StringIO("\n".join(lines[1:])), delimiter=delimiter)
    rows = []
    for row in reader:
        line = first_no + reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        where = f"{source}, line {line}"
        value = row[ref].strip() if ref < len(row) else ""
        if not value:
            raise UsageError(
                _("{where}: empty {column!r} value").format(where=where, column=header[ref])
            )
        servers = [row[i].strip() for _, i in ns_columns if i < len(row) and row[i].strip()]
        if listed is not None and listed < len(row):
            servers += _split_servers(row[listed], where)
        rows.append(TargetRow(value, line, servers))
    return rows


def _row(obj: Any, line: int, where: str) -> TargetRow:
    if isinstance(obj, str) and obj.strip():
        return TargetRow(obj.strip(), line)
    if not isinstance(obj, dict):
        raise UsageError(_("{where}: not an object with a 'domain' field").format(where=where))
    value = next((obj[k] for k in REF_FIELDS if k in obj), None)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise UsageError(_("{where}: no 'domain' string").format(where=where))
    servers = _split_servers(obj.get("nameservers"), where)
    numbered = sorted(
        (int(m.group(1)), v) for k, v in obj.items() if (m := _NS_COLUMN.match(k.lower()))
    )
    servers += [v.strip() for _, v in numbered if isinstance(v, str) and v.strip()]
    return TargetRow(value.strip(), line, servers)


def _from_ndjson(lines: list[str], source: str) -> list[TargetRow]:
    rows = []
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}, line {line_no}"
        try:
            obj = json.loads(line)
        except ValueError:
            raise UsageError(_("{where}: not valid JSON").format(where=where)) from None
        if not isinstance(obj, dict):
            raise UsageError(_("{where}: no 'domain' string").format(where=where))
        rows.append(_row(obj, line_no, where))
    return rows


def _from_json_array(text: str, source: str) -> list[TargetRow]:
    try:
        items = json.loads(text)
    except ValueError as exc:
        where = f"{source}, line {exc.lineno}" if hasattr(exc, "lineno") else source
        raise UsageError(_("{where}: not valid JSON").format(where=where)) from None
    if not isinstance(items, list):
        raise UsageError(_("{source}: not a JSON list").format(source=source))
    return [_row(item, index, f"{source}, item {index}") for index, item in enumerate(items, 1)]

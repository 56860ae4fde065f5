"""Read a `.po` catalogue and compile it in memory into what stdlib gettext loads (`.mo` bytes).

No msgfmt, no Babel: the catalogue is parsed here on first use (a few milliseconds, and only when a
language other than English is chosen). `python -m clientarea_cli.i18n.catalog es` writes
`es.mo` beside the source for tools that want one; the CLI never reads a `.mo` file, so a stale
one cannot exist.
"""

from __future__ import annotations

import ast
import io
import struct
import sys
from functools import cache
from gettext import GNUTranslations
from pathlib import Path

HERE = Path(__file__).parent


def po_path(language: str) -> Path:
    return HERE / f"{language}.po"


def parse_po(text: str) -> dict[str, str]:
    """msgid → msgstr of a `.po` file; plural forms join with NUL as in `.mo` files.

    Entries with an empty msgstr or marked `#, fuzzy` are left out (untranslated), like msgfmt; a
    msgctxt is joined to its msgid with EOT, as `.mo` files and `pgettext` expect.
    """
    entries: dict[str, str] = {}
    fields: dict[str, list[str]] = {}
    key = ""
    fuzzy = False

    def flush() -> None:
        nonlocal fuzzy
        if "msgid" in fields:
            msgid = "".join(fields["msgid"])
            if "msgid_plural" in fields:
                msgid += "\0" + "".join(fields["msgid_plural"])
                forms = sorted(k for k in fields if k.startswith("msgstr["))
                msgstr = "\0".join("".join(fields[k]) for k in forms)
            else:
                msgstr = "".join(fields.get("msgstr", []))
            if "msgctxt" in fields:
                msgid = "".join(fields["msgctxt"]) + "\x04" + msgid  # as msgfmt keys it
            if msgstr.strip("\0") and not (fuzzy and msgid):
                entries[msgid] = msgstr
        fields.clear()
        fuzzy = False

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if fields:
                flush()
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            continue
        if line.startswith('"'):
            if not key:
                raise ValueError(f"line {number}: a string outside an entry")
            fields[key].append(_unquote(line, number))
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and "msgid" in fields:
            flush()
        if keyword not in ("msgctxt", "msgid", "msgid_plural", "msgstr") and not (
            keyword.startswith("msgstr[")
        ):
            raise ValueError(f"line {number}: unknown keyword {keyword!r}")
        key = keyword
        fields[key] = [_unquote(rest.strip(), number)]
    flush()
    return entries


def _unquote(token: str, number: int) -> str:
    if not (token.startswith('"') and token.endswith('"')):
        raise ValueError(f"line {number}: expected a quoted string")
    value = ast.literal_eval(token)
    if not isinstance(value, str):
        raise ValueError(f"line {number}: expected a quoted string")
    return value


def compile_mo(entries: dict[str, str]) -> bytes:
    """The GNU `.mo` format (little endian, no hash table), as msgfmt writes it."""
    keys = sorted(entries)
    ids = b""
    strs = b""
    offsets: list[tuple[int, int, int, int]] = []
    for key in keys:
        kid = key.encode("utf-8")
        kstr = entries[key].encode("utf-8")
        offsets.append((len(ids), len(kid), len(strs), len(kstr)))
        ids += kid + b"\0"
        strs += kstr + b"\0"
    header_size = 7 * 4
    ids_table = header_size
    strs_table = ids_table + 8 * len(keys)
    ids_start = strs_table + 8 * len(keys)
    strs_start = ids_start + len(ids)
    table = b""
    for id_off, id_len, _, _ in offsets:
        table += struct.pack("<2I", id_len, ids_start + id_off)
    for _, _, str_off, str_len in offsets:
        table += struct.pack("<2I", str_len, strs_start + str_off)
    header = struct.pack("<7I", 0x950412DE, 0, len(keys), ids_table, strs_table, 0, 0)
    return header + table + ids + strs


@cache
def translations(language: str) -> GNUTranslations:
    entries = parse_po(po_path(language).read_text(encoding="utf-8"))
    return GNUTranslations(io.BytesIO(compile_mo(entries)))


def main(argv: list[str]) -> None:
    for language in argv:
        source = po_path(language)
        target = source.with_suffix(".mo")
        target.write_bytes(compile_mo(parse_po(source.read_text(encoding="utf-8"))))
        sys.stdout.write(f"wrote {target}\n")


if __name__ == "__main__":
    main(sys.argv[1:])

"""Plain-text tables that fit the terminal, written without rich.

On a terminal narrower than the table, long free text is shortened with "…" first, then the
lower-value columns are left out (columns.DROP_FIRST, then the rightmost); ids, numbers, last
four digits, dates, amounts and statuses (columns.KEEP) are never cut nor left out. A pipe gets
every column at its natural width. Cells come in column by column; ASCII text is measured with
`len` and padded with `str.ljust`, only other text char by char, so a table of 10,000 rows costs
less than its JSON (benchmarks/bench_render.py).
"""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Sequence
from typing import TextIO

from clientarea_cli.output.columns import DROP_FIRST, KEEP, SHRINK

GAP = 2
MIN_TEXT = 8
_SGR = {"green": "32", "yellow": "33", "red": "31", "bold red": "1;31", "dim": "2", "bold": "1"}


def terminal_width(stream: TextIO) -> int | None:
    """The terminal's width (COLUMNS first), or None for a pipe or file: no fitting there."""
    isatty = getattr(stream, "isatty", None)
    if not (isatty and isatty()):
        return None
    return shutil.get_terminal_size().columns


def text_width(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(_char_width(c) for c in text)


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def shorten(text: str, width: int) -> str:
    if text_width(text) <= width:
        return text
    if text.isascii():
        return text[: max(width - 1, 0)] + "…"
    out, used = [], 0
    for char in text:
        size = _char_width(char)
        if used + size > width - 1:
            break
        out.append(char)
        used += size
    return "".join(out) + "…"


def layout(fields: Sequence[str], natural: Sequence[int], width: int | None) -> list[int | None]:
    """Each column's width, or None for a column left out, so the whole fits in `width`."""
    widths: list[int | None] = list(natural)
    if width is None:
        return widths
    while True:
        shown = [i for i, w in enumerate(widths) if w is not None]
        fixed = sum(natural[i] for i in shown if fields[i] not in SHRINK)
        room = width - fixed - GAP * (len(shown) - 1)
        text_cols = [i for i in shown if fields[i] in SHRINK]
        floors = {i: min(natural[i], MIN_TEXT) for i in text_cols}
        if room >= sum(floors.values()):
            for i, size in _share(room, {i: natural[i] for i in text_cols}, floors).items():
                widths[i] = size
            return widths
        victim = _next_to_drop(fields, shown)
        if victim is None:
            for i in text_cols:
                widths[i] = floors[i]
            return widths
        widths[victim] = None


def _next_to_drop(fields: Sequence[str], shown: list[int]) -> int | None:
    for name in DROP_FIRST:
        for i in shown:
            if fields[i] == name:
                return i
    droppable = [i for i in shown if fields[i] not in KEEP]
    # Plain columns before long text, each from the right.
    plain = [i for i in droppable if fields[i] not in SHRINK]
    if plain:
        return plain[-1]
    return droppable[-1] if len(droppable) > 0 and len(shown) > 1 else None


def _share(room: int, wanted: dict[int, int], floors: dict[int, int]) -> dict[int, int]:
    """Split `room` between text columns: the narrow ones get all they need, the rest share."""
    given: dict[int, int] = {}
    left = dict(wanted)
    while left:
        share = room // len(left)
        fits = {i: w for i, w in left.items() if w <= share}
        if not fits:
            break
        for i, w in fits.items():
            given[i] = w
            room -= w
            del left[i]
    ordered = sorted(left)
    for n, i in enumerate(ordered):
        share = room // (len(ordered) - n)
        given[i] = max(floors[i], share)
        room -= given[i]
    return given


def column_width(texts: Sequence[str]) -> int:
    """The widest text's width: `len` when the whole column is ASCII (one check for all)."""
    if not texts:
        return 0
    if "".join(texts).isascii():
        return max(map(len, texts))
    return max(map(text_width, texts))


def write(
    stream: TextIO,
    fields: Sequence[str],
    headers: Sequence[str] | None,
    columns: Sequence[list[str]],
    *,
    right: frozenset[str],
    width: int | None,
    styles: dict[str, str] | None = None,
    color: bool = False,
) -> None:
    """Write the table: `columns` holds each field's cells, top to bottom (all of one length);
    `styles` maps a status text to a style name (coloured when `color`).

    Column by column: each shown column's cells are shortened (when cut) and padded in one pass;
    a column left out is only measured.
    """
    natural = [column_width(column) for column in columns]
    if headers is not None:
        natural = [max(n, text_width(h)) for n, h in zip(natural, headers, strict=True)]
    widths = layout(fields, natural, width)
    shown = [i for i, size in enumerate(widths) if size is not None]
    status_col = fields.index("status") if color and styles and "status" in fields else -1
    laid_out = []
    for i in shown:
        size, to_right = widths[i] or 0, fields[i] in right
        padded = to_right or i != shown[-1]  # the last column, left-aligned, ends the line
        column = columns[i] if headers is None else [headers[i], *columns[i]]
        if size != natural[i]:
            column = [shorten(text, size) for text in column]
        by_text = styles if i == status_col else None
        if headers is not None and color:
            head = _pad(column[:1], size, to_right, padded, style="bold")
            column = head + _pad(column[1:], size, to_right, padded, styles=by_text)
        else:
            column = _pad(column, size, to_right, padded, styles=by_text)
        laid_out.append(column)
    sep = " " * GAP
    out: list[str] = []
    for line in zip(*laid_out, strict=True):
        out.append(sep.join(line).rstrip() + "\n")
        if len(out) >= 512:
            stream.write("".join(out))
            out.clear()
    stream.write("".join(out))


def _pad(
    texts: list[str],
    size: int,
    to_right: bool,
    padded: bool,
    *,
    styles: dict[str, str] | None = None,
    style: str = "",
) -> list[str]:
    """Each text padded to `size` (spaces outside any colour): `style` for all, or `styles`
    by text. ASCII pads with `str.ljust`/`rjust`; only other text is measured char by char."""
    if styles is None and not style:
        if not padded:
            return texts
        if to_right:
            return [
                t.rjust(size) if t.isascii() else " " * (size - text_width(t)) + t for t in texts
            ]
        return [t.ljust(size) if t.isascii() else t + " " * (size - text_width(t)) for t in texts]
    out = []
    for text in texts:
        pad = " " * (size - text_width(text)) if padded else ""
        sgr = _SGR.get(style or (styles or {}).get(text, ""))
        shown = f"\x1b[{sgr}m{text}\x1b[0m" if sgr else text
        out.append(pad + shown if to_right else shown + pad)
    return out

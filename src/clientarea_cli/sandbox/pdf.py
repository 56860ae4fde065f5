"""A minimal, valid PDF 1.4 written by hand: A4 pages of monospaced text (Courier).

Enough for an invoice: a bold title line, then plain lines, ``LINES_PER_PAGE`` to a page. Text is
encoded as WinAnsi (cp1252, so "García" and "€" survive); other characters become ``?``. The
cross-reference table carries the exact byte offsets, so strict readers open it too.
"""

from __future__ import annotations

from collections.abc import Sequence

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56
FONT_SIZE = 10
LEADING = 14
LINES_PER_PAGE = (PAGE_HEIGHT - 2 * MARGIN - 2 * LEADING) // LEADING


def _text(value: str) -> bytes:
    """A PDF string literal: cp1252 bytes with ``\\``, ``(`` and ``)`` escaped."""
    data = value.encode("cp1252", errors="replace")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _content(title: str | None, lines: Sequence[str]) -> bytes:
    parts = [b"BT", f"{LEADING} TL {MARGIN} {PAGE_HEIGHT - MARGIN} Td".encode()]
    if title is not None:
        parts += [b"/F2 14 Tf", _text(title) + b" Tj", b"T* T*"]
    parts.append(f"/F1 {FONT_SIZE} Tf".encode())
    for line in lines:
        parts.append(_text(line) + b" Tj T*")
    parts.append(b"ET")
    return b"\n".join(parts)


def render(title: str, lines: Sequence[str], *, document_title: str | None = None) -> bytes:
    """The PDF bytes: ``title`` in bold on the first page, then ``lines``."""
    chunks = [list(lines[i : i + LINES_PER_PAGE]) for i in range(0, len(lines), LINES_PER_PAGE)]
    chunks = chunks or [[]]
    # Objects: 1 catalog, 2 page tree, 3 Courier, 4 Courier-Bold, 5 info, then page + content pairs.
    first_page = 6
    kids = " ".join(f"{first_page + 2 * n} 0 R" for n in range(len(chunks)))
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(chunks)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Title " + _text(document_title or title) + b" /Producer (clientarea sandbox) >>",
    ]
    for number, chunk in enumerate(chunks):
        content = _content(title if number == 0 else None, chunk)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}]"
            f" /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >>"
            f" /Contents {first_page + 2 * number + 1} 0 R >>".encode()
        )
        objects.append(
            f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for index, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{index} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 5 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)

"""An iCalendar (RFC 5545) file of the billing outlook's due dates: one all-day event each."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from clientarea_cli.models.outlook import BillingOutlook


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1)."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode()
        limit = 75 if not parts else 74
        if len(current) + len(encoded) > limit:
            parts.append(current.decode())
            current = b""
        current += encoded
    parts.append(current.decode())
    return "\r\n ".join(parts)


def calendar(outlook: BillingOutlook, *, now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//clientarea//billing outlook//EN",
        "CALSCALE:GREGORIAN",
    ]
    for item in outlook.items:
        summary = f"Renewal: {item.item} ({item.amount})"
        description = f"Paid by: {item.paid_by}"
        for warning in item.warnings:
            description += f"\nWarning: {warning}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{item.kind}-{item.id}-{item.date:%Y%m%d}@clientarea",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{item.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{item.date + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(summary)}",
            f"DESCRIPTION:{_escape(description)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)

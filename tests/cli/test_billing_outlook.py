"""`billing outlook` over the seeded account, checked against a table computed by hand.

The seed (sandbox/seed): service 101 "Hosting Pro" is monthly at 12.95 EUR with add-ons of 3.00
and 2.50, due 2026-11-30 and paid by the Visa ···4242 (expires 2026-12); 102 renews in September
2027; the others are suspended, pending, cancelled, expired, free or one-time. Fifteen active
domains fall due within 90 days (their flags below come from the seed). The Visa pays the
automatic renewals; a renewal dated after December 2026 on it gets the card-expiry warning.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import CLI

VISA = "Visa ···4242"
SERVICE = "Hosting Pro (garcia-hosting.es)"
NO_RECURRING = "no recurring payment: the renewal invoice waits to be paid by hand"
CARD_EXPIRES = "the card expires (2026-12) before this date: the charge will fail"


def _off(expiry: str) -> str:
    return f"auto-renew is off: it expires on {expiry} unless renewed"


def _hosting(day: str, warning: list[str]) -> list[tuple[str, str, str, str, str, list[str]]]:
    return [
        (day, "service", SERVICE, "12.95", VISA, warning),
        (day, "addon", f"{SERVICE}: Daily Backups", "3.00", VISA, warning),
        (day, "addon", f"{SERVICE}: Dedicated IP", "2.50", VISA, warning),
    ]


EXPECTED = [
    ("2026-11-22", "domain", "garcia-hosting.es", "9.95", VISA, []),
    ("2026-11-25", "domain", "anagarcia.com", "12.99", "manual", [NO_RECURRING]),
    *_hosting("2026-11-30", []),
    ("2026-12-01", "domain", "tapas-madrid.es", "9.95", "manual", [NO_RECURRING]),
    ("2026-12-06", "domain", "flamenco-studio.net", "14.99", "manual", [NO_RECURRING]),
    ("2026-12-13", "domain", "olivar-verde.org", "13.49", "manual", [NO_RECURRING]),
    ("2026-12-19", "domain", "barcelona-bikes.eu", "8.99", "manual", [_off("2026-12-19")]),
    ("2026-12-22", "domain", "codigo-abierto.dev", "15.00", VISA, []),
    ("2026-12-23", "domain", "garcia-consulting.com", "12.99", VISA, []),
    ("2026-12-30", "domain", "castellers.cat", "19.50", "manual", [_off("2026-12-30")]),
    *_hosting("2026-12-30", []),
    ("2027-01-06", "domain", "api-garcia.io", "39.00", "manual", [_off("2027-01-06")]),
    ("2027-01-13", "domain", "mercado-local.es", "9.95", VISA, [CARD_EXPIRES]),
    ("2027-01-21", "domain", "libreria-azul.org", "13.49", "manual", [NO_RECURRING]),
    ("2027-01-28", "domain", "costa-brava.eu", "8.99", VISA, [CARD_EXPIRES]),
    *_hosting("2027-01-30", [CARD_EXPIRES]),
    ("2027-02-05", "domain", "status-page.dev", "15.00", "manual", [_off("2027-02-05")]),
    ("2027-02-19", "domain", "sol-y-mar.net", "14.99", "manual", [_off("2027-02-19")]),
]
# Per month: automatic (Visa) and manual, summed by hand from EXPECTED.
TOTALS = [
    ("2026-11", "28.40", "12.99", "41.39"),  # 9.95 + 18.45 | 12.99
    ("2026-12", "46.44", "66.92", "113.36"),  # 18.45 + 15.00 + 12.99 | 9.95+14.99+13.49+8.99+19.50
    ("2027-01", "37.39", "52.49", "89.88"),  # 18.45 + 9.95 + 8.99 | 39.00 + 13.49
    ("2027-02", "0.00", "29.99", "29.99"),  # | 15.00 + 14.99
]


def test_outlook_over_90_days_matches_the_hand_computed_table(demo: CLI) -> None:
    result = demo("billing", "outlook", "-o", "json")
    assert result.exit_code == 0, result.stderr
    outlook = json.loads(result.stdout)
    assert (outlook["today"], outlook["until"]) == ("2026-11-22", "2027-02-20")
    assert outlook["balance"] == {"amount": "85.50", "currency": "EUR"}
    got = [
        (i["date"], i["kind"], i["item"], i["amount"]["amount"], i["paid_by"], i["warnings"])
        for i in outlook["items"]
    ]
    assert got == EXPECTED
    assert all(i["amount"]["currency"] == "EUR" for i in outlook["items"])
    totals = [
        (t["month"], t["automatic"]["amount"], t["manual"]["amount"], t["total"]["amount"])
        for t in outlook["totals"]
    ]
    assert totals == TOTALS
    manual = sum(float(row[3]) for row in EXPECTED if row[4] == "manual")
    assert round(manual, 2) == 162.39
    assert outlook["warnings"] == [
        "credit (85.50 EUR) never pays automatic renewals: the 14 automatic one(s) are charged "
        "to their card or account",
        "the manual renewals total 162.39 EUR before tax; the credit (85.50 EUR) does not cover "
        "them: 76.89 EUR short",
    ]


def test_outlook_table_for_a_week(demo: CLI) -> None:
    result = demo("billing", "outlook", "--within", "7d", "--columns", "date,item,amount,paid_by")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Renewals from 2026-11-22 to 2026-11-29 (before tax)\n"
        "DATE        ITEM                  AMOUNT  PAID BY\n"
        "2026-11-22  garcia-hosting.es   9.95 EUR  Visa ···4242\n"
        "2026-11-25  anagarcia.com      12.99 EUR  manual\n"
        "\n"
        "Totals per month\n"
        "MONTH    CURRENCY  AUTOMATIC     MANUAL      TOTAL\n"
        "2026-11  EUR        9.95 EUR  12.99 EUR  22.94 EUR\n"
    )
    assert result.stderr == (
        "warning: credit (85.50 EUR) never pays automatic renewals: the 1 automatic one(s) are "
        "charged to their card or account\n"
    )


def test_outlook_writes_a_calendar(demo: CLI, tmp_path: Path) -> None:
    target = tmp_path / "renewals.ics"
    result = demo("billing", "outlook", "--within", "30d", "--ics", str(target), "-o", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith(f"wrote 10 due date(s) to {target}\n")
    text = target.read_bytes().decode()
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 10
    assert "UID:domain-1001-20261122@clientarea\r\n" in text
    assert "DTSTART;VALUE=DATE:20261122\r\nDTEND;VALUE=DATE:20261123\r\n" in text
    assert "SUMMARY:Renewal: garcia-hosting.es (9.95 EUR)\r\n" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_outlook_bad_window(demo: CLI) -> None:
    result = demo("billing", "outlook", "--within", "soon")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: invalid value for --within: 'soon'")

"""`clientarea status` over the seeded account: the whole screen."""

from __future__ import annotations

import json

from tests.conftest import CLI


def test_status_screen(demo: CLI) -> None:
    result = demo("status")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:7] == [
        "account               Ana García <ana@example.com>",
        "date                  2026-11-22",
        "credit                85.50 EUR",
        "unpaid invoices       4 (130.67 EUR)",
        "overdue               2 (79.32 EUR): INV-2026-5008, INV-2026-5009",
        "tickets awaiting you  TKT-803420 info@tapas-madrid.es is not receiving e-mail",
        "pending top-ups       TU-2GTE3DZW (100.00 EUR, transfer)",
    ]
    due = lines[lines.index("Due within 30 days") + 2 :]
    assert [line.split()[2] if line.split()[1] == "domain" else line.split()[1] for line in due] == [
        "garcia-hosting.es", "anagarcia.com", "service", "addon", "addon", "tapas-madrid.es",
        "flamenco-studio.net", "olivar-verde.org", "barcelona-bikes.eu", "codigo-abierto.dev",
    ]  # fmt: skip
    assert result.stderr == (
        "warning: Visa ···4242 expires on 2026-12-31: renewals charged after it will fail\n"
        "warning: 5 domain(s) due within 30 days have no recurring payment: they renew only if "
        "you pay by hand (`clientarea domains recur …` to change that)\n"
        "warning: 1 top-up(s) wait for the provider to confirm the transfer: upload the proof "
        "with `clientarea wallet proof REFERENCE FILE` if you have not\n"
    )


def test_status_json(demo: CLI) -> None:
    result = demo("status", "-o", "json")
    assert result.exit_code == 0, result.stderr
    board = json.loads(result.stdout)
    assert board["balance"] == {"amount": "85.50", "currency": "EUR"}
    assert board["unpaid"]["count"] == 4
    assert board["overdue"]["invoices"] == ["INV-2026-5008", "INV-2026-5009"]
    assert len(board["renewals"]) == 10
    assert sum(1 for r in board["renewals"] if r["automatic"]) == 5

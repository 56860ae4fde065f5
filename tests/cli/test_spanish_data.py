"""Statuses and the warnings carried in data: Spanish where printed for people, the machine value
in JSON/CSV, English unchanged (docs/language.md)."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from io import StringIO

from tests.conftest import CLI

TICKETS = (
    "ID   NÚMERO      ESTADO      PRIORIDAD  DEPARTAMENTO       ASUNTO                          "
    "              ÚLTIMA RESPUESTA\n"
    "702  TKT-694285  abierto     media      Domains            Transfer barcelona-bikes.eu to "
    "a new owner    21/11/2026 17:03\n"
    "701  TKT-803420  respondido  alta       Technical Support  info@tapas-madrid.es is not rece"
    "iving e-mail  18/11/2026 10:55\n"
    "703  TKT-455058  cerrado     baja       Billing            Copy of an invoice with our tax"
    " id            24/09/2026 13:30\n"
)


def _set(sql: str) -> None:
    from clientarea_cli.config.paths import sandbox_database

    conn = sqlite3.connect(sandbox_database())
    with conn:
        conn.execute(sql)
    conn.close()


def test_statuses_agree_with_their_noun_in_tables_and_stay_machine_values_elsewhere(
    demo: CLI,
) -> None:
    tickets = demo("--lang", "es", "tickets", "list")
    assert (tickets.exit_code, tickets.stdout) == (0, TICKETS), tickets.stderr
    domain = demo("--lang", "es", "domains", "show", "garcia-hosting.es")
    assert "\nestado                   activo\n" in domain.stdout
    invoice = demo("--lang", "es", "invoices", "show", "5009")
    assert "\nestado          vencida\n" in invoice.stdout
    csv = demo("--lang", "es", "invoices", "list", "--status", "unpaid", "-o", "csv")
    assert (
        csv.stdout.splitlines()[1]
        == "5006,INV-2026-5006,unpaid,2026-11-17,2026-12-01,29.03 EUR,29.03 EUR"
    )
    listed = demo("--lang", "es", "tickets", "list", "-o", "json")
    assert [t["status"] for t in json.loads(listed.stdout)] == ["open", "answered", "closed"]
    assert [t["priority"] for t in json.loads(listed.stdout)] == ["medium", "high", "low"]
    tsv = demo("--lang", "es", "tickets", "list", "--columns", "id,status,priority", "-o", "tsv")
    assert tsv.stdout.splitlines()[1:] == [
        "702\topen\tmedium",
        "701\tanswered\thigh",
        "703\tclosed\tlow",
    ]
    english = demo("--lang", "en", "tickets", "list")
    assert english.stdout.splitlines()[1].startswith("702  TKT-694285  open  ")


def test_a_translated_status_keeps_its_colour() -> None:
    from clientarea_cli.i18n import set_language
    from clientarea_cli.models import Money
    from clientarea_cli.models.payments import TopUpRow
    from clientarea_cli.output.render import Renderer

    row = TopUpRow(
        reference="TU-1", status="completed", amount=Money(amount=Decimal("20"), currency="EUR"),
        method="card", proof="",
    )  # fmt: skip
    out = StringIO()
    set_language("es")
    try:
        Renderer(color=True, stdout=out, columns=["reference", "status"]).listing([row], TopUpRow)
    finally:
        set_language("en")
    assert "\x1b[32mcompletada\x1b[0m" in out.getvalue()


def test_a_plan_warning_is_spanish_on_stderr(demo: CLI) -> None:
    _set("UPDATE domains SET recurring_enabled = 0, recurring_payment_method_id = NULL,"
         " recurring_contact_id = NULL WHERE client_id = 1")  # fmt: skip
    _set("UPDATE domains SET next_due_date = '2027-02-01' WHERE name = 'castellers.cat'")
    result = demo(
        "--lang", "es", "domains", "recur", "anagarcia.com", "castellers.cat",
        "--method", "4242", "--contact", "billing", "--yes",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[:2] == [
        "aviso: el contacto de facturación (Marta Ruiz) no es el titular de la tarjeta (Ana "
        "García); el proveedor puede rechazar el cargo o pedir autorización",
        "aviso: castellers.cat: la tarjeta caduca (2026-12) antes de la próxima fecha de cobro "
        "(2027-02-01): el cargo fallará y el dominio puede quedar suspendido",
    ]


def test_outlook_warnings_are_spanish_in_the_table_and_english_in_json(demo: CLI) -> None:
    table = demo("--lang", "es", "billing", "outlook", "--columns", "item,warnings")
    assert (
        "anagarcia.com                                   "
        "sin pago recurrente: la factura de renovación espera a que se pague a mano"
    ) in table.stdout.splitlines()
    assert table.stderr.startswith(
        "aviso: el saldo (85.50 EUR) nunca paga renovaciones automáticas: las automáticas "
    )
    data = json.loads(demo("--lang", "es", "billing", "outlook", "-o", "json").stdout)
    assert "no recurring payment: the renewal invoice waits to be paid by hand" in [
        w for item in data["items"] for w in item["warnings"]
    ]
    assert data["warnings"][0].startswith("credit (85.50 EUR) never pays automatic renewals")


def test_a_ticket_thread_in_spanish(demo: CLI) -> None:
    shown = demo("--lang", "es", "tickets", "show", "701")
    lines = shown.stdout.splitlines()
    assert lines[3] == "estado            respondido"
    assert lines[4] == "prioridad         alta"
    assert lines[7].startswith("abierto el        ")
    assert lines[8].startswith("última respuesta  ")
    assert any(line.startswith("--- Laura (Support) (personal), ") for line in lines)
    english = demo("--lang", "en", "tickets", "show", "701").stdout.splitlines()
    assert english[3] == "status      answered"
    assert english[4] == "priority    high"
    assert any(line.startswith("--- Laura (Support) (staff), ") for line in english)


def test_the_status_screen_in_spanish(demo: CLI) -> None:
    shown = demo("--lang", "es", "status")
    lines = shown.stdout.splitlines()
    assert lines[2].split() == ["saldo", "85,50", "€"]
    assert lines[3].startswith("facturas sin pagar ")
    assert lines[3].endswith(" 4 (130,67 €)")
    assert shown.stderr.startswith("aviso: Visa ···4242 caduca el 2026-12-31: ")
    english = demo("--lang", "en", "status").stdout.splitlines()
    assert english[3].split() == ["unpaid", "invoices", "4", "(130.67", "EUR)"]

"""Data words that are not the statuses of invoices, domains, services or tickets: ticket
priorities (test_spanish_data.py), renewal kinds and PAID BY's `manual`, orders, journal runs and
their items, money requests. Spanish in tables, detail views and sentences; the machine value in
JSON/CSV/TSV; English unchanged (docs/language.md)."""

from __future__ import annotations

import json
import re

from tests.conftest import CLI

ORDER = ("order", "Hosting Start", "--cycle", "monthly", "--domain", "prueba-nueva.es")


def _stable(text: str) -> str:
    """A run's id and the wall-clock time the journal stamps, made comparable."""
    text = re.sub(r"\b[0-9a-f]{12}\b", "RUN", text)
    return re.sub(r"\d\d/\d\d/\d{4} \d\d:\d\d|\d{4}-\d\d-\d\d \d\d:\d\d", "WHEN", text)


def test_renewal_kinds_and_manual_payment_in_the_outlook(demo: CLI) -> None:
    columns = ("--columns", "date,kind,item,paid_by")
    table = demo("--lang", "es", "billing", "outlook", *columns)
    assert table.stdout.splitlines()[:6] == [
        "Renovaciones del 22/11/2026 al 20/02/2027 (sin impuestos)",
        "FECHA       CLASE        CONCEPTO                                        PAGADO CON",
        "22/11/2026  dominio      garcia-hosting.es                               Visa ···4242",
        "25/11/2026  dominio      anagarcia.com                                   a mano",
        "30/11/2026  servicio     Hosting Pro (garcia-hosting.es)                 Visa ···4242",
        "30/11/2026  complemento  Hosting Pro (garcia-hosting.es): Daily Backups  Visa ···4242",
    ]
    csv = demo("--lang", "es", "billing", "outlook", *columns, "-o", "csv")
    assert csv.stdout.splitlines()[:5] == [
        "date,kind,item,paid_by",
        "2026-11-22,domain,garcia-hosting.es,Visa ···4242",
        "2026-11-25,domain,anagarcia.com,manual",
        "2026-11-30,service,Hosting Pro (garcia-hosting.es),Visa ···4242",
        "2026-11-30,addon,Hosting Pro (garcia-hosting.es): Daily Backups,Visa ···4242",
    ]
    data = json.loads(demo("--lang", "es", "billing", "outlook", "-o", "json").stdout)
    assert {(i["kind"], i["paid_by"]) for i in data["items"]} >= {
        ("domain", "manual"), ("addon", "Visa ···4242")
    }  # fmt: skip
    english = demo("billing", "outlook", *columns).stdout.splitlines()
    assert english[3] == (
        "2026-11-25  domain   anagarcia.com                                   manual"
    )


def test_journal_runs_and_their_items(demo: CLI) -> None:
    # One done (olivar-verde.org), one already so (anagarcia.com), one refused (expired).
    run = demo("domains", "lock", "on", "olivar-verde.org", "anagarcia.com", "antiguo-blog.net",
               "--yes")  # fmt: skip
    assert run.exit_code == 3, run.stderr
    runs = demo("--lang", "es", "journal", "list", "--columns", "id,created_at,action,status")
    assert _stable(runs.stdout) == (
        "ID            CREADO            ACCIÓN   ESTADO\n"
        "RUN  WHEN  lock on  con fallos\n"
    )  # fmt: skip
    listed = json.loads(demo("--lang", "es", "journal", "list", "-o", "json").stdout)
    assert listed[0]["status"] == "partial"
    run_id = listed[0]["id"]
    items = demo("--lang", "es", "journal", "show", run_id, "--columns", "domain,state")
    assert items.stdout == (
        "DOMINIO           ESTADO\n"
        "olivar-verde.org  hecho\n"
        "anagarcia.com     omitido\n"
        "antiguo-blog.net  fallido\n"
    )
    csv = demo("--lang", "es", "journal", "show", run_id, "--columns", "domain,state", "-o", "csv")
    assert csv.stdout.splitlines()[1:] == [
        "olivar-verde.org,done", "anagarcia.com,skipped", "antiguo-blog.net,failed"
    ]  # fmt: skip
    english = demo("journal", "list", "--columns", "action,status").stdout
    assert english == "ACTION   STATUS\nlock on  partial\n"


def test_an_order_and_its_money_request(demo: CLI) -> None:
    ordered = demo("--lang", "es", *ORDER, "--register", "--yes")
    assert ordered.exit_code == 0, ordered.stderr
    assert ordered.stdout.splitlines()[0] == (
        "Pedido ORD-2026-9001 (9001) pendiente: total 19.24 EUR, factura INV-2026-5012 (5012) "
        "sin pagar: 19.24 EUR a pagar antes del 2026-11-29"
    )
    assert ordered.stderr.splitlines()[3:6] == [
        "  subtotal                                        15.90 EUR",
        "  impuestos                                        3.34 EUR",
        "  total                                           19.24 EUR",
    ]
    payments = demo("--lang", "es", "journal", "payments", "--columns", "created_at,kind,status")
    assert _stable(payments.stdout) == (
        "CREADO            CLASE   ESTADO\n"
        "WHEN  pedido  completada\n"
    )  # fmt: skip
    csv = demo("--lang", "es", "journal", "payments", "--columns", "kind,status", "-o", "csv")
    assert csv.stdout == "kind,status\norder,completed\n"
    english = demo(*ORDER[:-1], "prueba-otra.es", "--register", "--yes")
    assert english.stdout.splitlines()[0] == (
        "Order ORD-2026-9002 (9002) pending: total 19.24 EUR, invoice INV-2026-5013 (5013) "
        "unpaid: 19.24 EUR due by 2026-11-29"
    )


def test_a_status_inside_a_sentence_agrees_with_its_noun(demo: CLI) -> None:
    paid = demo("--lang", "es", "invoices", "pay", "5003", "--use-credit", "--yes")
    assert (paid.exit_code, paid.stderr) == (
        2, "error: la factura 5003 (INV-2026-5003) está pagada: nada que pagar\n"
    )  # fmt: skip
    ended = demo("--lang", "es", "services", "cancel", "105", "--when", "immediate", "--yes")
    assert ended.stderr == (
        "error: el servicio 105 (WordPress Managed, flamenco-studio.net) ya está cancelado: "
        "nada que cancelar\n"
    )
    plan = demo("--lang", "es", "services", "cancel", "101", "--when", "end-of-period", "--dry-run")
    assert plan.stderr == (
        "Cancelar el servicio 101 (Hosting Pro, garcia-hosting.es) el 2026-11-30 (al terminar el "
        "periodo pagado). Esto detiene:\n"
        "  el servicio 101 (Hosting Pro, garcia-hosting.es)\n"
        "  el complemento Daily Backups (151)\n"
        "  el complemento Dedicated IP (152)\n"
        "simulación: no se ha enviado nada\n"
    )
    english = demo("invoices", "pay", "5003", "--use-credit", "--yes")
    assert english.stderr == "error: invoice 5003 (INV-2026-5003) is paid: nothing to pay\n"


def test_a_bulk_plan_its_title_and_its_summary(demo: CLI) -> None:
    names = ("olivar-verde.org", "anagarcia.com", "antiguo-blog.net")
    plan = demo("--lang", "es", "domains", "lock", "on", *names, "--dry-run")
    assert plan.stdout == (
        "DOMINIO           ACTUAL               DESEADO           COSTE  OMITIR\n"
        "olivar-verde.org  bloqueo desactivado  bloqueo activado      -  no\n"
        "anagarcia.com     bloqueo activado     bloqueo activado      -  sí\n"
        "antiguo-blog.net  bloqueo desactivado  bloqueo activado      -  no\n"
    )
    assert plan.stderr == (
        "bloqueo activado: 2 dominio(s) que cambiar, 1 ya estaban así "
        "(simulación: no se ha cambiado nada)\n"
    )
    data = json.loads(demo("--lang", "es", "domains", "lock", "on", *names, "--dry-run",
                           "-o", "json").stdout)  # fmt: skip
    assert [(i["current"], i["desired"]) for i in data] == [
        ("lock off", "lock on"), ("lock on", "lock on"), ("lock off", "lock on")
    ]  # fmt: skip
    run = demo("--lang", "es", "domains", "lock", "on", *names, "--yes")
    assert run.exit_code == 3
    assert _stable(run.stderr.splitlines()[-3]) == (
        "bloqueo activado: 1 con éxito, 1 con error, 1 sin cambios (ejecución RUN)"
    )
    again = demo("--lang", "es", "domains", "lock", "on", "anagarcia.com", "--yes")
    assert again.stderr == "nada que cambiar: 1 dominio(s) ya tienen bloqueo activado\n"
    english = demo("domains", "lock", "on", "olivar-verde.org", "--yes")
    assert english.stderr == "nothing to change: 1 domain(s) already lock on\n"


def test_a_renewal_and_a_recurring_plan(demo: CLI) -> None:
    renew = demo("--lang", "es", "domains", "renew", "anagarcia.com", "--use-credit",
                 "--method", "4242", "--dry-run")  # fmt: skip
    assert renew.stdout == (
        "DOMINIO        ACTUAL               DESEADO                           COSTE  OMITIR\n"
        "anagarcia.com  vence el 2026-11-25  +1 año(s), vence el 2027-11-25  12,99 €  no\n"
    )
    assert renew.stderr.startswith(
        "renovar 1 año(s) con saldo, el resto con Visa ···4242: 1 dominio(s) que cambiar; "
    )
    recur = demo("--lang", "es", "domains", "recur", "anagarcia.com", "garcia-hosting.es",
                 "--method", "4242", "--dry-run", "--columns", "domain,current,desired")  # fmt: skip
    assert recur.stdout == (
        "DOMINIO            ACTUAL                                   DESEADO\n"
        "anagarcia.com      pago recurrente desactivado              "
        "pago recurrente activado (Visa ···4242)\n"
        "garcia-hosting.es  pago recurrente activado (Visa ···4242)  "
        "pago recurrente activado (Visa ···4242)\n"
    )
    data = json.loads(demo("--lang", "es", "domains", "renew", "anagarcia.com", "--dry-run",
                           "-o", "json").stdout)  # fmt: skip
    assert (data[0]["current"], data[0]["desired"]) == (
        "expires 2026-11-25", "+1y, expires 2027-11-25"
    )  # fmt: skip


def test_billing_cycles(demo: CLI) -> None:
    columns = ("--columns", "id,billing_cycle")
    table = demo("--lang", "es", "services", "list", *columns)
    assert table.stdout.splitlines()[:4] == [
        "ID   CICLO DE FACTURACIÓN",
        "101  mensual",
        "102  anual",
        "103  trimestral",
    ]
    csv = demo("--lang", "es", "services", "list", *columns, "-o", "csv")
    assert csv.stdout.splitlines()[:3] == ["id,billing_cycle", "101,monthly", "102,annually"]
    english = demo("services", "list", *columns).stdout.splitlines()
    assert english[1:3] == ["101  monthly", "102  annually"]

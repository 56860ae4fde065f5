"""Read commands against the embedded sandbox: whole outputs and exit codes."""

from __future__ import annotations

import json

from tests.conftest import CLI

EXPIRING = [
    "garcia-hosting.es",
    "anagarcia.com",
    "tapas-madrid.es",
    "flamenco-studio.net",
    "olivar-verde.org",
    "barcelona-bikes.eu",
    "codigo-abierto.dev",
]


def test_domains_expiring_within_30_days_table(demo: CLI) -> None:
    result = demo("domains", "list", "--expiring-within", "30d")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == (
        "NAME                 STATUS  EXPIRY DATE  AUTO RENEW  RECURRING     RECURRING AMOUNT\n"
        "garcia-hosting.es    active  2026-11-22   yes         Visa ···4242          9.95 EUR\n"
        "anagarcia.com        active  2026-11-25   yes         off                  12.99 EUR\n"
        "tapas-madrid.es      active  2026-12-01   yes         off                   9.95 EUR\n"
        "flamenco-studio.net  active  2026-12-06   yes         off                  14.99 EUR\n"
        "olivar-verde.org     active  2026-12-13   yes         off                  13.49 EUR\n"
        "barcelona-bikes.eu   active  2026-12-19   no          off                   8.99 EUR\n"
        "codigo-abierto.dev   active  2026-12-22   yes         Visa ···4242         15.00 EUR\n"
    )


def test_domains_json_is_the_model_dump(demo: CLI) -> None:
    result = demo("domains", "list", "--expiring-within", "30d", "-o", "json")
    assert result.exit_code == 0
    domains = json.loads(result.stdout)
    assert [d["name"] for d in domains] == EXPIRING
    assert domains[0] == {
        "id": 1001,
        "name": "garcia-hosting.es",
        "tld": "es",
        "status": "active",
        "registration_date": "2024-11-22",
        "expiry_date": "2026-11-22",
        "next_due_date": "2026-11-22",
        "registration_period": 1,
        "recurring_amount": {"amount": "9.95", "currency": "EUR"},
        "auto_renew": True,
        "registrar_lock": False,
        "id_protection": False,
        "recurring": {"enabled": True, "payment_method_id": 21, "contact_id": None},
        "nameservers": ["ns1.sandbox-dns.net", "ns2.sandbox-dns.net"],
    }


def test_demo_then_expiring_json_prints_exactly_the_seeded_domains(cli: CLI) -> None:
    demo = cli("demo")
    assert demo.exit_code == 0, demo.stderr
    assert demo.stdout.startswith(
        "The demo profile is ready: Ana García (ana@example.com) at the embedded sandbox provider.\n"
    )
    result = cli("domains", "list", "--expiring-within", "30d", "-o", "json")
    assert result.exit_code == 0
    assert [d["name"] for d in json.loads(result.stdout)] == EXPIRING


def test_filters_combine_and_formats(demo: CLI) -> None:
    result = demo("domains", "list", "--tld", ".ES", "--auto-renew", "off", "-o", "csv")
    assert result.stdout == (
        "name,status,expiry_date,auto_renew,recurring,recurring_amount\n"
        "promo-verano.es,expired,2026-11-02,false,off,9.95 EUR\n"
    )
    result = demo(
        "domains", "list", "--status", "expired", "--columns", "name", "-o", "tsv", "--no-headers"
    )
    assert result.stdout == "antiguo-blog.net\npromo-verano.es\nviejo-proyecto.com\n"
    result = demo("domains", "list", "--expiring-within", "30d", "--columns", "name", "-o", "jsonl")
    assert result.stdout.splitlines() == [json.dumps({"name": n}) for n in EXPIRING]


def test_limit_says_showing_n_of_m_on_stderr(demo: CLI) -> None:
    result = demo("domains", "list", "--limit", "2", "--columns", "name", "-o", "tsv")
    assert result.exit_code == 0
    assert result.stdout == "name\nantiguo-blog.net\npromo-verano.es\n"
    assert result.stderr == "showing 2 of 44 domains (use --all or --limit)\n"
    every = demo("domains", "list", "--all", "-o", "json")
    assert len(json.loads(every.stdout)) == 44
    assert every.stderr == ""


def test_empty_list_is_success_and_json_empty_array(demo: CLI) -> None:
    result = demo("domains", "list", "--status", "redemption", "-o", "json")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "[]\n", "")
    table = demo("domains", "list", "--status", "redemption")
    assert (table.exit_code, table.stdout, table.stderr) == (0, "", "no domains\n")


def test_services_list_and_show(demo: CLI) -> None:
    result = demo("services", "list", "--status", "active", "-o", "tsv")
    assert result.stdout == (
        "id\tproduct\tdomain\tstatus\tbilling_cycle\trecurring_amount\tnext_due_date\n"
        "101\tHosting Pro\tgarcia-hosting.es\tactive\tmonthly\t12.95 EUR\t2026-11-30\n"
        "102\tVPS M\tanagarcia.com\tactive\tannually\t239.40 EUR\t2027-09-23\n"
        "107\tDNS Basic\t\tactive\tfree\t0.00 EUR\t\n"
        "108\tWebsite Migration\tcodigo-abierto.dev\tactive\tone_time\t0.00 EUR\t\n"
    )
    shown = demo("services", "show", "103", "-o", "json")
    service = json.loads(shown.stdout)
    assert (service["status"], service["billing_cycle"]) == ("suspended", "quarterly")


def test_invoices_unpaid_includes_overdue(demo: CLI) -> None:
    result = demo("invoices", "list", "--status", "unpaid")
    assert result.stdout == (
        "ID    NUMBER         STATUS   DATE        DUE DATE        TOTAL    BALANCE\n"
        "5006  INV-2026-5006  unpaid   2026-11-17  2026-12-01  29.03 EUR  29.03 EUR\n"
        "5007  INV-2026-5007  unpaid   2026-11-16  2026-11-30  22.32 EUR  22.32 EUR\n"
        "5009  INV-2026-5009  overdue  2026-11-02  2026-11-16  43.20 EUR  43.20 EUR\n"
        "5008  INV-2026-5008  overdue  2026-10-13  2026-10-27  36.12 EUR  36.12 EUR\n"
    )
    overdue = demo("invoices", "list", "--status", "overdue", "--columns", "number", "-o", "tsv")
    assert overdue.stdout == "number\nINV-2026-5009\nINV-2026-5008\n"


def test_invoice_show_with_items(demo: CLI) -> None:
    result = demo("invoices", "show", "5009")
    assert result.exit_code == 0
    assert result.stdout == (
        "id              5009\n"
        "number          INV-2026-5009\n"
        "status          overdue\n"
        "date            2026-11-02\n"
        "due date        2026-11-16\n"
        "paid date       -\n"
        "subtotal        35.70 EUR\n"
        "tax             7.50 EUR\n"
        "total           43.20 EUR\n"
        "credit applied  0.00 EUR\n"
        "balance         43.20 EUR\n"
        "\n"
        "Items\n"
        "DESCRIPTION                                      TYPE     RELATED ID     AMOUNT\n"
        "Hosting Start - olivar-verde.org (semiannually)  service  104         35.70 EUR\n"
    )


def test_wallet_show(demo: CLI) -> None:
    result = demo("wallet", "show", "-n", "2")
    assert result.exit_code == 0
    assert result.stdout == (
        "balance          85.50 EUR\n"
        "pending top ups  100.00 EUR\n"
        "top up presets   50.00 EUR, 100.00 EUR, 150.00 EUR, 200.00 EUR, 250.00 EUR\n"
        "\n"
        "Movements\n"
        "DATE              KIND     DESCRIPTION                            AMOUNT  BALANCE AFTER  REFERENCE\n"
        "2026-11-02 12:15  top_up   Top-up by card                      50.00 EUR      85.50 EUR  TU-19USI35F\n"
        "2026-09-25 16:40  payment  Payment of invoice INV-2026-5003  -102.46 EUR      35.50 EUR  INV-2026-5003\n"
    )
    assert result.stderr == "showing 2 of 6 movements (use --all or --limit)\n"
    data = json.loads(demo("wallet", "show", "-o", "json").stdout)
    assert data["wallet"]["balance"] == {"amount": "85.50", "currency": "EUR"}
    assert data["total_movements"] == 6


def test_account_show(demo: CLI) -> None:
    result = demo("account", "show", "--columns", "email,country,currency")
    assert result.stdout == "email     ana@example.com\ncountry   ES\ncurrency  EUR\n"


def test_payment_methods_list(demo: CLI) -> None:
    result = demo("payment-methods", "list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "ID  TYPE          BRAND       LAST4  HOLDER             EXPIRY   VALIDATED  IS DEFAULT"
        "  SERVICES  DOMAINS"
    )
    assert [line[:85].rstrip() for line in lines[1:]] == [
        "21  card          visa        4242   Ana García         2026-12  yes        yes",
        "22  card          mastercard  4444   Ana García         2028-05  no         no",
        "23  bank_account  -           1332   Garcia Hosting SL  -        yes        no",
    ]  # which services and domains renew with each: tests/cli/test_payment_methods.py

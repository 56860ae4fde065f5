"""The FOSSBilling driver's own messages in Spanish (--lang es), and unchanged in English."""

from __future__ import annotations

from tests.conftest import CLI
from tests.fossbilling.conftest import FossBilling


def test_what_fossbilling_cannot_do_is_one_spanish_sentence_with_its_hint(
    fb_cli_reset: CLI, fb_reset: FossBilling
) -> None:
    before = fb_reset.client("invoice/get_list")["list"]
    cases = {
        ("invoices", "pay", "4", "--use-credit", "--yes"): (
            "error: el proveedor fossbilling no admite pagar una factura por la API\n"
            "sugerencia: pague en la página de la factura del área de cliente de FOSSBilling, en "
            "un navegador; FOSSBilling usa por sí mismo el saldo de la cuenta en las facturas sin "
            "pagar cuando se ejecuta su cron\n"
        ),
        ("tickets", "list", "--status", "answered"): (
            "error: el proveedor fossbilling no admite el estado de ticket answered\n"
            "sugerencia: FOSSBilling conoce open, on-hold (respondido por el personal) y closed\n"
        ),
        ("services", "cancel", "1", "--when", "end-of-period", "--yes"): (
            "error: el proveedor fossbilling no admite cancelar un servicio\n"
            "sugerencia: pídalo en un ticket de soporte: clientarea services cancel 1 --when "
            "end-of-period --via-ticket\n"
        ),
    }
    for args, stderr in cases.items():
        result = fb_cli_reset("--lang", "es", *args)
        assert (result.exit_code, result.stdout, result.stderr) == (6, "", stderr), args
    english = fb_cli_reset("--lang", "en", "tickets", "list", "--status", "answered")
    assert english.stderr == (
        "error: the fossbilling provider does not support the ticket status answered\n"
        "hint: FOSSBilling knows open, on-hold (staff answered) and closed\n"
    )
    assert fb_reset.client("invoice/get_list")["list"] == before


def test_a_refusal_and_a_missing_object_in_spanish(
    fb_cli_reset: CLI, fb_reset: FossBilling
) -> None:
    five = [f"ns{i}.example.net" for i in range(1, 6)]
    refused = fb_cli_reset(
        "--lang", "es", "domains", "nameservers", "set", "garcia-consulting.es", *five, "--yes"
    )
    assert (refused.exit_code, refused.stdout, refused.stderr) == (
        2,
        "",
        "error: FOSSBilling admite de 2 a 4 servidores de nombres por dominio (no 5)\n",
    )
    assert fb_reset.client("order/service", {"id": 3})["ns1"] == "ns1.loopback-hosting.test"
    missing = fb_cli_reset("--lang", "es", "tickets", "show", "999999")
    assert (missing.exit_code, missing.stderr) == (
        5,
        "error: ticket 999999: no está en esta cuenta\n",
    )

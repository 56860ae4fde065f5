"""Paying and choosing how things renew, in Spanish: the preview of a payment, its result and the
service's new method read in one language (they were English pieces inside Spanish sentences)."""

from __future__ import annotations

from tests.conftest import CLI


def test_paying_invoices_with_credit_then_a_card(spanish: CLI) -> None:
    args = ["5006", "5007", "5008", "5009", "--use-credit", "--method", "4242", "--yes"]
    result = spanish("invoices", "pay", *args)

    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "INV-2026-5006  pendiente 29.03 EUR: 29.03 EUR del saldo\n"
        "INV-2026-5007  pendiente 22.32 EUR: 22.32 EUR del saldo\n"
        "INV-2026-5008  pendiente 36.12 EUR: 34.15 EUR del saldo + 1.97 EUR con Visa ···4242\n"
        "INV-2026-5009  pendiente 43.20 EUR: 43.20 EUR con Visa ···4242\n"
        "total 130.67 EUR: 85.50 EUR del saldo (saldo disponible 85.50 EUR), "
        "45.17 EUR con Visa ···4242\n"
    )
    assert result.stdout == (
        "INV-2026-5006  pagada: 29.03 EUR de saldo\n"
        "INV-2026-5007  pagada: 22.32 EUR de saldo\n"
        "INV-2026-5008  pagada: 34.15 EUR de saldo, 1.97 EUR Visa ···4242\n"
        "INV-2026-5009  pagada: 43.20 EUR Visa ···4242\n"
    )


def test_choosing_how_a_service_renews(spanish: CLI) -> None:
    preview = spanish("services", "payment-method", "102", "--method", "4242", "--dry-run")
    assert preview.exit_code == 0, preview.stderr
    assert preview.stderr == (
        "aviso: Visa ···4242 caduca en 2026-12, antes del próximo vencimiento del servicio, "
        "2027-09-23: el cargo de esa renovación fallará si no se sustituye la tarjeta\n"
        "simulación: no se ha enviado nada; el servicio 102 (VPS M, anagarcia.com) se renovaría "
        "con Visa ···4242\n"
    )

    done = spanish("services", "payment-method", "102", "--method", "4242")
    assert done.exit_code == 0, done.stderr
    assert done.stdout == "el servicio 102 (VPS M, anagarcia.com) se renueva con Visa ···4242\n"


def test_an_order_left_to_pay(spanish: CLI) -> None:
    result = spanish("order", "11", "--cycle", "monthly", "--promo", "HOSTING5", "--yes")

    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "Pedido ORD-2026-9001 (9001) pendiente: total 18.09 EUR, factura INV-2026-5012 (5012) "
        "sin pagar: 18.09 EUR a pagar antes del 2026-11-29"
    )


def test_removing_a_card_lists_what_would_lose_it(spanish: CLI) -> None:
    result = spanish("payment-methods", "remove", "21", "--dry-run")

    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[:3] == [
        "17 elemento(s) se renuevan con Visa ···4242 (id 21) y perderían su pago recurrente:",
        "  el servicio 101 (Hosting Pro, garcia-hosting.es)",
        "  el dominio garcia-hosting.es",
    ]

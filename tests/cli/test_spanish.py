"""A Spanish-speaking customer (LANG=es_ES.UTF-8) on the demo account: tables, errors, prompts and
help in Spanish, money as `9,95 €` and dates as dd/mm/yyyy; JSON and CSV exactly as in English."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CLI

ROOT = Path(__file__).resolve().parents[2]

UNPAID_TABLE = (
    "ID    NÚMERO         ESTADO     FECHA       VENCIMIENTO    TOTAL    SALDO\n"
    "5006  INV-2026-5006  sin pagar  17/11/2026  01/12/2026   29,03 €  29,03 €\n"
    "5007  INV-2026-5007  sin pagar  16/11/2026  30/11/2026   22,32 €  22,32 €\n"
    "5009  INV-2026-5009  vencida    02/11/2026  16/11/2026   43,20 €  43,20 €\n"
    "5008  INV-2026-5008  vencida    13/10/2026  27/10/2026   36,12 €  36,12 €\n"
)

INVOICES_HELP = """\

 Uso: clientarea invoices [OPTIONS] COMMAND [ARGS]...

 Listar y consultar facturas.

╭─ Opciones ───────────────────────────────────────────────────────────────────╮
│ --help  -h        Muestra esta ayuda y termina.                              │
╰──────────────────────────────────────────────────────────────────────────────╯
╭─ Comandos ───────────────────────────────────────────────────────────────────╮
│ list      Lista las facturas, las más recientes primero.                     │
│ show      Muestra una factura con sus conceptos, el saldo aplicado y el      │
│           importe pendiente.                                                 │
│ pay       Paga facturas: primero con el saldo del monedero si se pide, luego │
│           con tarjeta o transferencia bancaria el resto.                     │
│ download  Guarda una factura en PDF (por defecto, con el nombre de archivo   │
│           del proveedor en la carpeta actual).                               │
╰──────────────────────────────────────────────────────────────────────────────╯

"""  # rich pads each line to 80 columns: compared without the padding


def test_a_table_has_spanish_headings_euros_and_day_first_dates(spanish: CLI) -> None:
    result = spanish("invoices", "list", "--status", "unpaid")
    assert (result.exit_code, result.stdout, result.stderr) == (0, UNPAID_TABLE, "")


def test_a_detail_view_and_its_item_table(spanish: CLI) -> None:
    result = spanish("invoices", "show", "5006")
    assert result.exit_code == 0
    assert result.stdout == (
        "id              5006\n"
        "número          INV-2026-5006\n"
        "estado          sin pagar\n"
        "fecha           17/11/2026\n"
        "vencimiento     01/12/2026\n"
        "fecha de pago   -\n"
        "subtotal        23,99 €\n"
        "impuestos       5,04 €\n"
        "total           29,03 €\n"
        "saldo aplicado  0,00 €\n"
        "saldo           29,03 €\n"
        "\n"
        "Conceptos\n"
        "DESCRIPCIÓN                                   TIPO            ID RELACIONADO  IMPORTE\n"
        "Domain renewal - codigo-abierto.dev (1 year)  domain_renewal  1007            15,00 €\n"
        "Domain renewal - barcelona-bikes.eu (1 year)  domain_renewal  1006             8,99 €\n"
    )


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "tsv"])
def test_machine_formats_do_not_depend_on_the_language(
    demo: CLI, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    english = demo("domains", "list", "-o", fmt)
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    spanish = demo("domains", "list", "-o", fmt)
    assert spanish.exit_code == english.exit_code == 0
    assert spanish.stdout == english.stdout
    assert "9.95" in spanish.stdout
    assert "9,95" not in spanish.stdout
    assert "€" not in spanish.stdout


def test_json_keeps_decimal_strings_and_iso_dates(spanish: CLI) -> None:
    result = spanish("invoices", "list", "--status", "unpaid", "-o", "json")
    first = json.loads(result.stdout)[0]
    assert first["total"] == {"amount": "29.03", "currency": "EUR"}
    assert first["due_date"] == "2026-12-01"


def test_an_error_and_its_hint_in_spanish(spanish: CLI) -> None:
    result = spanish("domains", "list", "--columns", "nope")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: columna desconocida 'nope'\n"
        "sugerencia: columnas válidas: id, name, tld, status, registration_date, expiry_date, "
        "next_due_date, registration_period, recurring_amount, auto_renew, registrar_lock, "
        "id_protection, recurring, nameservers, recurring_amount.amount, "
        "recurring_amount.currency, recurring.enabled, recurring.payment_method_id, "
        "recurring.contact_id\n"
    )


def test_a_confirmation_is_asked_in_spanish_and_no_changes_nothing(spanish: CLI) -> None:
    result = spanish("domains", "autorenew", "off", "--all", tty=True, stdin="n\n")
    assert (
        "renovación automática desactivada: 28 dominio(s) que cambiar, 16 ya estaban así\n"
        in result.stderr
    )
    assert "¿Aplicar 'renovación automática desactivada' a 28 dominios? [s/N]:" in result.stderr
    assert result.exit_code != 0
    shown = spanish("domains", "show", "garcia-hosting.es", "-o", "json")
    assert json.loads(shown.stdout)["auto_renew"] is True


def test_without_a_terminal_the_confirmation_error_is_spanish(spanish: CLI) -> None:
    result = spanish("domains", "autorenew", "off", "--all")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "error: se necesita confirmación: repita la orden con --yes "
        "(no hay terminal en el que preguntar)\n"
    )


def test_group_help_in_spanish(spanish: CLI) -> None:
    result = spanish("invoices", "--help")
    assert result.exit_code == 0
    assert "\n".join(line.rstrip() for line in result.stdout.split("\n")) == INVOICES_HELP


def test_lang_option_and_config_choose_the_language(
    demo: CLI, monkeypatch: pytest.MonkeyPatch, isolated: Path
) -> None:
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    assert demo("--lang", "en", "invoices", "list", "--status", "unpaid").stdout.startswith(
        "ID    NUMBER         STATUS   DATE        DUE DATE        TOTAL    BALANCE\n"
    )
    monkeypatch.setenv("LANG", "C.UTF-8")
    config = isolated / ".config" / "clientarea" / "config.toml"
    config.write_text(config.read_text() + 'lang = "es"\n')
    assert demo("invoices", "list", "--status", "unpaid").stdout == UNPAID_TABLE
    bad = demo("--lang", "fr", "invoices", "list")
    assert (bad.exit_code, bad.stderr) == (
        2,
        "error: invalid value for --lang: 'fr' (use en or es)\n",
    )


def test_root_help_in_spanish_is_answered_without_typer() -> None:
    from clientarea_cli.cli.help_text import ROOT_HELP_ES

    code = (
        "import sys; sys.argv = ['clientarea', '--help']\n"
        "from clientarea_cli.entry import main; main()\n"
        "print([m for m in ('typer', 'rich', 'gettext') if m in sys.modules], file=sys.stderr)\n"
    )
    env = {**os.environ, "LANG": "es_ES.UTF-8"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    )
    assert done.stdout == ROOT_HELP_ES
    assert " Uso: clientarea [OPTIONS] COMMAND [ARGS]..." in done.stdout
    assert "│ domains          Dominios: listar, renovar, pago recurrente, DNS, cambios en" in (
        done.stdout
    )
    assert done.stderr == "[]\n"


def test_tab_in_spanish_describes_in_spanish_and_stays_light(tmp_path: Path) -> None:
    from tests.meta.test_startup_imports import heavy, probe

    bash = {"LANG": "es_ES.UTF-8", "_CLIENTAREA_COMPLETE": "complete_bash"}
    modules, stdout = probe(
        tmp_path, [], {**bash, "COMP_WORDS": "clientarea domains list --st", "COMP_CWORD": "3"}
    )
    assert stdout.split() == ["--status"]
    assert [m for m in heavy(modules) if "commands" not in m] == []
    assert not any(m == "rich" or m.startswith("rich.") for m in modules)
    zsh = {"LANG": "es_ES.UTF-8", "_CLIENTAREA_COMPLETE": "complete_zsh"}
    _, stdout = probe(tmp_path, [], {**zsh, "_TYPER_COMPLETE_ARGS": "clientarea domains l"})
    assert stdout == (
        '_arguments \'*: :(("list":"Lista los dominios, primero los que vencen..."\n'
        '"lock":"Activa o desactiva el bloqueo de..."))\'\n'
    )
    _, stdout = probe(tmp_path, [], {**zsh, "_TYPER_COMPLETE_ARGS": "clientarea domains list --a"})
    assert '"--auto-renew":"on u off."' in stdout


def test_messages_raised_below_the_cli_are_spanish(spanish: CLI) -> None:
    result = spanish("invoices", "pay", "5006")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "error: indique cómo pagar: --use-credit, --method MÉTODO o --transfer\n"
        "sugerencia: --use-credit aplica primero el saldo del monedero; --method o --transfer "
        "paga el resto\n",
    )
    renew = spanish("domains", "renew", "garcia-hosting.es", "--years", "11")
    assert renew.exit_code == 2
    assert renew.stderr.startswith("error: ")
    assert "invalid" not in renew.stderr

"""Click's own usage errors and the confirmation question in Spanish; English exactly as before."""

from __future__ import annotations

import json

import pytest

from tests.conftest import CLI
from tests.support import sandbox_db

USAGE = {
    ("invoices", "list", "--bogus"): (
        "error: no existe la opción --bogus (opciones posibles: --columns, --verbose)\n"
        "sugerencia: consulte `clientarea invoices list --help`\n",
        "error: No such option: --bogus (Possible options: --columns, --verbose)\n"
        "hint: see `clientarea invoices list --help`\n",
    ),
    ("invoices", "show"): (
        "error: falta el argumento 'INVOICE'.\nsugerencia: consulte `clientarea invoices show --help`\n",
        "error: Missing argument 'INVOICE'.\nhint: see `clientarea invoices show --help`\n",
    ),
    ("invoices", "show", "5009", "5008"): (
        "error: sobran argumentos (5008)\nsugerencia: consulte `clientarea invoices show --help`\n",
        "error: Got unexpected extra argument(s) (5008)\n"
        "hint: see `clientarea invoices show --help`\n",
    ),
    ("invoices", "lst"): (
        "error: no existe el comando 'lst'. ¿Quería decir 'list'?\n"
        "sugerencia: consulte `clientarea invoices --help`\n",
        "error: No such command 'lst'. Did you mean 'list'?\n"
        "hint: see `clientarea invoices --help`\n",
    ),
    ("domains", "list", "--limit", "abc"): (
        "error: valor no válido para '--limit' / '-L': 'abc' no es un número entero escrito con "
        "las cifras 0-9\nsugerencia: consulte `clientarea domains list --help`\n",
        "error: Invalid value for '--limit' / '-L': 'abc' is not a whole number in the digits "
        "0-9\nhint: see `clientarea domains list --help`\n",
    ),
    ("invoices", "list", "--limit"): (
        "error: la opción '--limit' necesita un valor.\n",
        "error: Option '--limit' requires an argument.\n",
    ),
}


@pytest.mark.parametrize("args", list(USAGE))
def test_clicks_usage_errors_in_spanish_exit_2_and_english_is_unchanged(
    demo: CLI, args: tuple[str, ...]
) -> None:
    spanish, english = USAGE[args]
    for lang, expected in (("es", spanish), ("en", english)):
        result = demo("--lang", lang, *args)
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", expected)


def test_a_usage_error_as_json_keeps_its_code_and_exit(demo: CLI) -> None:
    result = demo("--lang", "es", "-o", "json", "invoices", "show")
    assert result.exit_code == 2
    assert json.loads(result.stderr)["error"] == {
        "code": "usage",
        "exit": 2,
        "message": "falta el argumento 'INVOICE'.",
        "hint": "consulte `clientarea invoices show --help`",
    }


def test_a_declined_spanish_question_is_s_n_exits_1_and_changes_nothing(demo: CLI) -> None:
    before = sandbox_db.snapshot()
    result = demo("--lang", "es", "contacts", "remove", "12", tty=True, stdin="n\n")
    assert (result.exit_code, result.stdout) == (1, " ")
    assert result.stderr == (
        "¿Eliminar el contacto 12 (Jordi Puig <jordi@garcia-hosting.es>)? [s/N]:"
        "error: cancelado; no se ha cambiado nada\n"
    )
    assert sandbox_db.snapshot() == before


def test_s_or_si_is_yes_and_another_word_is_asked_again(demo: CLI) -> None:
    result = demo("--lang", "es", "contacts", "remove", "12", tty=True, stdin="quizá\nsí\n")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "¿Eliminar el contacto 12 (Jordi Puig <jordi@garcia-hosting.es>)? [s/N]:"
        "Error: respuesta no válida (responda s o n)\n"
        "¿Eliminar el contacto 12 (Jordi Puig <jordi@garcia-hosting.es>)? [s/N]:"
        "contacto 12 eliminado (Jordi Puig <jordi@garcia-hosting.es>)\n"
    )
    assert "Jordi" not in demo("contacts", "list").stdout


def test_the_english_question_is_y_n_as_before(demo: CLI) -> None:
    before = sandbox_db.snapshot()
    result = demo("--lang", "en", "contacts", "remove", "12", tty=True, stdin="s\nn\n")
    assert result.exit_code == 1
    assert result.stderr == (
        "Remove contact 12 (Jordi Puig <jordi@garcia-hosting.es>)? [y/N]:Error: invalid input\n"
        "Remove contact 12 (Jordi Puig <jordi@garcia-hosting.es>)? [y/N]:"
        "error: cancelled; nothing was changed\n"
    )
    assert sandbox_db.snapshot() == before


def test_a_phone_refused_in_spanish_changes_nothing(demo: CLI) -> None:
    before = sandbox_db.snapshot()
    result = demo("--lang", "es", "account", "update", "--phone", "+34 123", "--yes")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "error: --phone no válido: '+34 123' no es un número de teléfono válido en ES (+34)\n"
        "sugerencia: con su prefijo de país, como +34.911234567 o +34 600 123 456\n",
    )
    english = demo("--lang", "en", "account", "update", "--phone", "600 123 456", "--yes")
    assert english.stderr == (
        "error: invalid --phone: '600 123 456' has no country code\n"
        "hint: with its country code, such as +34.911234567 or +34 600 123 456\n"
    )
    assert sandbox_db.snapshot() == before

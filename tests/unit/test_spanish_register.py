"""The Spanish addresses the user as *usted*, never *tú* (docs/language.md, "One voice").

A command's help describes what it does in the third person ("Añade un registro…", "Comprueba
si…"): that is not *tú*, and a regular *tú* imperative is spelt like it ("consulta", "indica").
So the check has two parts: words that are only ever *tú* (possessives, *tú* verb forms, a *tú*
imperative with its pronoun attached), anywhere; and an ambiguous verb as the first word of a
message (a message starts in lower case; help starts in capitals), where it can only be an order.
"""

from __future__ import annotations

import re

import pytest

from clientarea_cli.i18n.catalog import parse_po, po_path

# Only ever addressed to "tú": possessives and pronouns, verbs, imperatives with a pronoun attached
# (their usted forms are compruébelos, úselo, páguelas, indíquelo, quítelo, pídalo, escríbalo…).
TU_ONLY = [
    "tu",
    "tus",
    "te",
    "ti",
    "contigo",
    "tuyo",
    "tuya",
    "tuyos",
    "tuyas",
    "tienes",
    "puedes",
    "quieres",
    "quieras",
    "debes",
    "sabes",
    "estás",
    "eres",
    "hayas",
    "pagues",
    "pagas",
    "vuelvas",
    "ejecutes",
    "compruébalo",
    "compruébala",
    "compruébalos",
    "compruébalas",
    "úsalo",
    "úsala",
    "úsalos",
    "úsalas",
    "págalo",
    "págala",
    "págalos",
    "págalas",
    "indícalo",
    "indícala",
    "indícalos",
    "indícalas",
    "consúltalo",
    "consúltala",
    "ejecútalo",
    "ejecútala",
    "quítalo",
    "quítala",
    "quítalos",
    "pídelo",
    "pídela",
    "pídeselo",
    "escríbelo",
    "escríbelos",
    "elígelo",
    "elígela",
    "léelo",
    "léela",
    "léelas",
    "actívalo",
    "actívala",
    "desactívalo",
    "verifícalo",
    "verifícala",
    "valídalo",
    "valídala",
    "retíralo",
    "retírala",
    "reinténtalo",
    "reinténtalos",
    "abandónalos",
    "recuérdalo",
    "hazlo",
    "dímelo",
    "ponlo",
]

# Spelt like the third person, so only an order when a message starts with it.
AMBIGUOUS_AT_START = [
    "consulta",
    "indica",
    "usa",
    "ejecuta",
    "prueba",
    "elige",
    "escribe",
    "pasa",
    "añade",
    "revisa",
    "comprueba",
    "repite",
    "abre",
    "pide",
    "sube",
    "espera",
    "quita",
    "vuelve",
    "define",
    "cambia",
    "activa",
    "desactiva",
    "instala",
    "inicia",
    "cierra",
    "borra",
    "elimina",
    "guarda",
    "copia",
    "intenta",
    "paga",
    "mira",
    "lee",
    "recarga",
    "verifica",
    "valida",
    "desbloquea",
    "arranca",
    "reduce",
    "retira",
    "solicita",
    "nombra",
    "acepta",
    "confirma",
    "reintenta",
    "abandona",
]

_TU_WORD = re.compile(r"\b(" + "|".join(TU_ONLY) + r")\b", re.IGNORECASE)
_ORDER_AT_START = re.compile(r"^(" + "|".join(AMBIGUOUS_AT_START) + r") ")  # an order has an object


def tu_forms(text: str) -> list[str]:
    """The tú-forms addressed to the user in one Spanish text."""
    # In capitals it is a code or a heading (a top-up reference TU-…), not a word.
    found = [m.group(1) for m in _TU_WORD.finditer(text) if not m.group(1).isupper()]
    found += [m.group(1) for m in _ORDER_AT_START.finditer(text)]
    return found


def test_the_catalogue_addresses_the_user_as_usted() -> None:
    catalogue = parse_po(po_path("es").read_text(encoding="utf-8"))
    informal = [
        f"{forms}: {msgstr!r}"
        for msgid, msgstr in catalogue.items()
        if msgid and "\x04" not in msgid  # a data word in a context ("recarga") addresses no one
        for forms in [tu_forms(msgstr)]
        if forms
    ]
    assert informal == [], "use usted (docs/language.md, One voice)"


@pytest.mark.parametrize(
    "text",
    [
        "consulta `{command} --help`",
        "indica su id o su número",
        "siguen pendientes hasta que las pagues",
        "compruébalos con `domains show`). Úsalo cuando ya no la quieres.",
        "la tarjeta de tu cuenta",
        "Si puedes, repite la orden.",
        "repite la orden con --yes",
    ],
)
def test_a_tu_form_is_found(text: str) -> None:
    assert tu_forms(text) != []


@pytest.mark.parametrize(
    "text",
    [
        "consulte `{command} --help`",
        "indique su id o su número",
        "siguen pendientes hasta que las pague",
        "compruébelos con `domains show`). Úselo cuando ya no la quiera.",
        "Añade un registro a la zona del dominio.",  # help: what the command does
        "Indica si la dirección de e-mail de la cuenta está verificada.",
        "CONSULTA no válida: está vacía",  # the argument QUERY, a noun
        "Listar y consultar facturas.",
        "este proveedor no guarda tarjetas; usa el saldo de la cuenta",  # the provider does
        "el código de una recarga (TU-…)",
        "recarga",  # a data word: the kind of a money request
    ],
)
def test_usted_and_descriptions_pass(text: str) -> None:
    assert tu_forms(text) == []

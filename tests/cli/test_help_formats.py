"""`clientarea help formats`: the whole topic in English and Spanish, and its facts checked
against what the commands really do (docs/output.md carries the same text)."""

from __future__ import annotations

import json

from clientarea_cli.output.render import FORMATS
from tests.conftest import CLI

ENGLISH = """\
Output formats: -o, --output FORMAT
  table  the default: aligned columns for people; money and dates in your
         language (12.50 EUR, or 12,50 € with --lang es); on a terminal the
         table fits its width and never cuts ids, dates or amounts
  json   the models as JSON: money {"amount": "12.50", "currency": "EUR"},
         dates 2026-12-04, an empty list is []
  jsonl  one JSON object per line, one per item of a list
  csv    the table's columns as text for machines: amounts 12.50 EUR, dates
  tsv    2026-12-04, true/false, empty for none
  json, jsonl, csv and tsv are the same in every language.

Choosing what is printed (on every list and show command)
  --columns A,B     these fields only, in any format; dots reach nested fields:
                    --columns name,recurring_amount.amount (JSON keeps the
                    nesting; tables and CSV head the column with the dotted
                    name); an unknown field is exit 2 and the hint lists them
  --no-headers      no header row (table, csv, tsv)
  --query JMESPATH  a JMESPath expression applied to the JSON (implies -o json;
                    with -o jsonl each item of a list on its own line); a bad
                    expression is exit 2 and nothing is sent
  -q, --quiet       lists print one id per line (domains: the name), for xargs;
                    no notices; warnings and errors are still printed

These options go before or after the command: `clientarea -o json invoices
list` and `clientarea invoices list -o json` are the same.

Examples:
  clientarea invoices list --query "[?status=='overdue'].number"
  clientarea domains list --tld es -q | xargs clientarea domains autorenew on -y

Data goes to stdout; notices, warnings and errors go to stderr. An error is
"error: ..." and, when there is something to do, "hint: ...". With -o json,
-o jsonl or --query it is one JSON object on stderr instead:
  {"error": {"code": "not_found", "exit": 5, "message": "...", "hint": null}}

More: docs/output.md; exit codes: clientarea help exit-codes.
"""

SPANISH = """\
Formatos de salida: -o, --output FORMAT
  table  el predeterminado: columnas alineadas para personas; importes y
         fechas en su idioma (12.50 EUR, o 12,50 € con --lang es); en un
         terminal la tabla se ajusta al ancho y nunca corta identificadores,
         fechas ni importes
  json   los modelos en JSON: importes {"amount": "12.50", "currency": "EUR"},
         fechas 2026-12-04, una lista vacía es []
  jsonl  un objeto JSON por línea, uno por elemento de una lista
  csv    las columnas de la tabla como texto para máquinas: importes
  tsv    12.50 EUR, fechas 2026-12-04, true/false, vacío si no hay valor
  json, jsonl, csv y tsv son iguales en todos los idiomas.

Qué se imprime (en todos los comandos list y show)
  --columns A,B     solo estos campos, en cualquier formato; un punto llega a
                    los campos anidados: --columns name,recurring_amount.amount
                    (JSON conserva el anidamiento; tablas y CSV titulan la
                    columna con el nombre con puntos); un campo desconocido es
                    salida 2 y la sugerencia los enumera
  --no-headers      sin fila de cabecera (table, csv, tsv)
  --query JMESPATH  una expresión JMESPath aplicada al JSON (implica -o json;
                    con -o jsonl, cada elemento de una lista en su línea); una
                    expresión incorrecta es salida 2 y no se envía nada
  -q, --quiet       las listas imprimen un identificador por línea (dominios:
                    el nombre), para xargs; sin avisos; las advertencias y los
                    errores se siguen imprimiendo

Estas opciones van antes o después del comando: `clientarea -o json invoices
list` y `clientarea invoices list -o json` son lo mismo.

Ejemplos:
  clientarea invoices list --query "[?status=='overdue'].number"
  clientarea domains list --tld es -q | xargs clientarea domains autorenew on -y

Los datos van a stdout; los avisos, las advertencias y los errores, a stderr.
Un error es "error: ..." y, cuando hay algo que hacer, "sugerencia: ...". Con
-o json, -o jsonl o --query es, en su lugar, un objeto JSON en stderr:
  {"error": {"code": "not_found", "exit": 5, "message": "...", "hint": null}}

Más: docs/output.md; códigos de salida: clientarea help exit-codes.
"""


def test_the_topic_in_english(cli: CLI) -> None:
    result = cli("help", "formats")
    assert (result.exit_code, result.stdout, result.stderr) == (0, ENGLISH, "")


def test_the_topic_in_spanish(cli: CLI) -> None:
    result = cli("--lang", "es", "help", "formats")
    assert (result.exit_code, result.stdout, result.stderr) == (0, SPANISH, "")
    assert cli("help", "formats", "--lang", "es").stdout == SPANISH  # after the command too


def test_the_help_group_lists_the_topic(cli: CLI) -> None:
    assert "formats      Explain the output formats, --columns, --no-headers," in (
        cli("help", "--help").stdout
    )
    assert "formats      Explica los formatos de salida, --columns, --no-headers," in (
        cli("--lang", "es", "help", "--help").stdout
    )


def test_every_format_the_renderer_knows_is_explained() -> None:
    rows = [
        line[2:9].strip()
        for line in ENGLISH.splitlines()
        if line[:2] == "  " and line[2:3].isalpha()
    ]
    assert rows[: len(FORMATS)] == list(FORMATS)


def test_the_examples_work_as_the_topic_says(demo: CLI) -> None:
    overdue = demo("invoices", "list", "--query", "[?status=='overdue'].number")
    assert (overdue.exit_code, json.loads(overdue.stdout)) == (
        0,
        ["INV-2026-5009", "INV-2026-5008"],
    )
    nested = demo("domains", "list", "--columns", "name,recurring_amount.amount", "-o", "json")
    assert nested.exit_code == 0
    assert set(json.loads(nested.stdout)[0]) == {"name", "recurring_amount"}
    quiet = demo("domains", "list", "--tld", "es", "-q")
    assert (quiet.exit_code, quiet.stderr) == (0, "")
    assert all(line.endswith(".es") for line in quiet.stdout.splitlines())


def test_the_json_error_is_the_one_the_topic_shows(demo: CLI) -> None:
    shown = next(line for line in ENGLISH.splitlines() if line.startswith('  {"error"'))
    result = demo("invoices", "show", "999", "-o", "json")
    printed = json.loads(result.stderr)
    assert result.exit_code == printed["error"]["exit"] == 5
    assert printed["error"]["message"] == "invoice 999 not found"
    assert {**printed["error"], "message": "..."} == json.loads(shown)["error"]

"""`clientarea help …`: topics that are not a single command's help."""

import sys

import typer

from clientarea_cli.i18n import N_, _

app = typer.Typer(help="Help topics: exit codes, environment, formats.", no_args_is_help=True)

ENVIRONMENT = N_("""\
CLIENTAREA_PROFILE    profile to use (same as --profile)
CLIENTAREA_TOKEN      API key to use instead of the stored one (CI); never stored
CLIENTAREA_CONFIG     path of the config file (profiles, no secrets)
CLIENTAREA_NO_INPUT   never prompt (same as --no-input)
CLIENTAREA_DEBUG      show tracebacks of internal errors
NO_COLOR              no colour (CLICOLOR=0 too); CLICOLOR_FORCE / FORCE_COLOR force it
CLIENTAREA_LANG       language: en or es (same as --lang; docs/language.md)
LC_ALL, LC_MESSAGES, LANG  the locale: es_ES.UTF-8 and other es_* choose Spanish
PYTHON_KEYRING_BACKEND  choose the keyring backend (see the keyring library)
""")

# docs/output.md carries this text in a generated block (`make reference`; a test keeps them equal).
FORMATS = N_("""\
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
""")


@app.command("exit-codes")
def exit_codes() -> None:
    """List the exit codes and what each means."""
    from clientarea_cli.errors import EXIT_CODE_MEANINGS

    for code, meaning in EXIT_CODE_MEANINGS.items():
        sys.stdout.write(_("{int:>3}  {meaning}\n").format(int=int(code), meaning=_(meaning)))


@app.command("environment")
def environment() -> None:
    """List the environment variables clientarea reads."""
    sys.stdout.write(_(ENVIRONMENT))


@app.command("formats")
def formats() -> None:
    """Explain the output formats, --columns, --no-headers, --query and --quiet."""
    sys.stdout.write(_(FORMATS))

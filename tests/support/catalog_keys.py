"""Every English text the Spanish catalogue must translate, found the way the CLI looks it up.

- messages marked in the source: `_("…")`, `N_("…")`, `ngettext("…", "…", n)` (string literals),
  the `what="…"` a list is rendered with ("no domains", "showing 10 of 40 domains"), and the
  literal titles given to `renderer.heading("…")`;
- the command tree's help, option help and one-line helps, paragraph by paragraph (help_i18n);
- Typer's and click's labels, and every model field as a table heading (`EXPIRY DATE`);
- every data word a table shows, in its context (`msgctxt "invoice status"`, `paid`;
  `msgctxt "ticket priority"`, `high`): output.columns.WORDS.

`python -m tests.support.catalog_keys` prints the missing ones as `.po` entries to fill in.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import sys
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "clientarea_cli"
MARKERS = {"_": 1, "N_": 1, "ngettext": 2, "carried": 1}  # carried: i18n/carried.py


def marked_messages() -> dict[str, str]:
    """msgid → where it was marked (path:line)."""
    found: dict[str, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        if "sandbox" in path.relative_to(SRC).parts:
            continue  # the sandbox plays the provider: its texts are the provider's, in English
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            count = MARKERS.get(node.func.id)
            if count is None:
                continue
            texts = [
                arg.value
                for arg in node.args[:count]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            ]
            if len(texts) == count:
                # ngettext's two forms are one entry (msgid + msgid_plural), keyed as `.mo` does.
                where = f"{path.relative_to(SRC.parent)}:{node.lineno}"
                found.setdefault("\0".join(texts), where)
        for node in ast.walk(tree):
            # renderer.heading("\nItems"): the renderer translates headings itself.
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "heading"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                where = f"{path.relative_to(SRC.parent)}:{node.lineno}"
                found.setdefault(str(node.args[0].value).lstrip("\n"), where)
            # Renderer.listing(..., what="domains"): the renderer translates `what` itself.
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    value = keyword.value
                    if keyword.arg == "what" and isinstance(value, ast.Constant):
                        where = f"{path.relative_to(SRC.parent)}:{node.lineno}"
                        found.setdefault(str(value.value), where)
    return found


def help_texts() -> dict[str, str]:
    """Help paragraph → the command it belongs to."""
    import typer

    from clientarea_cli.cli.app import SUBCOMMANDS, app
    from clientarea_cli.cli.help_i18n import HELP_OPTION, RICH_LABELS, USAGE, paragraphs

    found: dict[str, str] = {}
    for text in (*RICH_LABELS.values(), HELP_OPTION, USAGE, "Example:", "Examples:"):
        found.setdefault(text, "typer")
    for name, (_, text) in SUBCOMMANDS.items():
        found.setdefault(text, name)
    for path, texts in _walk(typer.main.get_command(app), "clientarea"):
        for text in texts:
            for key in paragraphs(text):
                found.setdefault(key, path)
    return found


def _walk(command: object, path: str) -> Iterator[tuple[str, list[str | None]]]:
    texts = [getattr(command, "help", None), getattr(command, "short_help", None)]
    texts += [getattr(command, "epilog", None)]
    for param in getattr(command, "params", []):
        texts += [getattr(param, "help", None), getattr(param, "rich_help_panel", None)]
    texts += [getattr(command, "rich_help_panel", None)]
    yield path, texts
    lazy = getattr(command, "lazy_subcommands", {})
    list_commands = getattr(command, "list_commands", None)
    if list_commands is None:
        return
    from typer import _click

    ctx = _click.Context(command)  # type: ignore[arg-type]
    for name in list_commands(ctx):
        sub = command._load(name) if name in lazy else command.get_command(ctx, name)  # type: ignore[attr-defined]
        yield from _walk(sub, f"{path} {name}")


def headings() -> dict[str, str]:
    """Every model field as the table heading the renderer looks up."""
    from pydantic import BaseModel

    import clientarea_cli.models as models

    found: dict[str, str] = {}
    modules = [models] + [
        importlib.import_module(f"{models.__name__}.{m.name}")
        for m in pkgutil.iter_modules(models.__path__)
    ]
    for module in modules:
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, BaseModel) and cls.__module__.startswith(models.__name__):
                for field in cls.model_fields:
                    found.setdefault(field.replace("_", " ").upper(), cls.__name__)
    return found


def word_values() -> dict[str, tuple[str, ...]]:
    """Each context of output.columns.WORDS → the values its fields take."""
    from clientarea_cli.models.bulk import (
        MONEY_REQUEST_KINDS,
        MONEY_REQUEST_STATUSES,
        RUN_ITEM_STATES,
        RUN_STATUSES,
    )
    from clientarea_cli.models.choices import (
        BILLING_CYCLES,
        DOMAIN_STATUSES,
        INVOICE_STATUSES,
        ORDER_STATUSES,
        SERVICE_STATUSES,
        TICKET_PRIORITIES,
        TICKET_STATUSES,
    )
    from clientarea_cli.models.outlook import OUTLOOK_KINDS, PAID_BY_MANUAL
    from clientarea_cli.models.payments import TOP_UP_STATUSES

    return {
        "invoice status": INVOICE_STATUSES,
        "domain status": DOMAIN_STATUSES,
        "service status": SERVICE_STATUSES,
        "ticket status": TICKET_STATUSES,
        "ticket priority": TICKET_PRIORITIES,
        "top-up status": TOP_UP_STATUSES,
        "order status": ORDER_STATUSES,
        "run status": RUN_STATUSES,
        "run item state": RUN_ITEM_STATES,
        "money request status": MONEY_REQUEST_STATUSES,
        "money request kind": MONEY_REQUEST_KINDS,
        "renewal kind": OUTLOOK_KINDS,
        "paid by": (PAID_BY_MANUAL,),  # otherwise a method's label, shown as is
        "billing cycle": BILLING_CYCLES,
    }


def words() -> dict[str, str]:
    """Every data word a table translates, keyed as pgettext looks it up (context EOT value)."""
    from clientarea_cli.output.columns import WORDS

    values = word_values()
    found: dict[str, str] = {}
    for model, contexts in WORDS.items():
        for context in contexts.values():
            for value in values[context]:  # a KeyError: a new context needs its values above
                found.setdefault(f"{context}\x04{value}", model)
    return found


def all_keys() -> dict[str, str]:
    return {**headings(), **help_texts(), **marked_messages(), **words()}


def missing(language: str = "es") -> dict[str, str]:
    from clientarea_cli.i18n.catalog import parse_po, po_path

    catalogue = parse_po(po_path(language).read_text(encoding="utf-8"))
    return {k: where for k, where in all_keys().items() if k not in catalogue}


def po_entry(msgid: str, where: str) -> str:
    if "\x04" in msgid:
        context, msgid = msgid.split("\x04")
        return (
            f"#: {where}\nmsgctxt {_quote(context)}\n" + po_entry(msgid, where).partition("\n")[2]
        )
    if "\0" in msgid:
        singular, plural = msgid.split("\0")
        return (
            f"#: {where}\nmsgid {_quote(singular)}\nmsgid_plural {_quote(plural)}\n"
            'msgstr[0] ""\nmsgstr[1] ""\n'
        )
    return f'#: {where}\nmsgid {_quote(msgid)}\nmsgstr ""\n'


def _quote(text: str) -> str:
    import json

    if "\n" not in text:
        return json.dumps(text, ensure_ascii=False)
    lines = text.splitlines(keepends=True)
    return '""\n' + "\n".join(json.dumps(line, ensure_ascii=False) for line in lines)


if __name__ == "__main__":
    for key, where in missing(*sys.argv[1:]).items():
        sys.stdout.write(po_entry(key, where) + "\n")

"""The one place data becomes text: tables (rich), json, jsonl, csv and tsv, from pydantic models.

Data goes to stdout; notices ("showing N of M"), warnings and errors go to stderr. JSON is the
`model_dump(mode="json")` of the same models the table shows: money stays a decimal string with
its currency, an empty list is `[]`.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TextIO

from pydantic import BaseModel

from clientarea_cli.errors import UsageError
from clientarea_cli.i18n import _, language
from clientarea_cli.i18n.carried import shown
from clientarea_cli.output import FORMATS, fields, table
from clientarea_cli.output.cells import cell, word_cell
from clientarea_cli.output.columns import (
    CARRIED,
    KEY_FIELDS,
    RIGHT_ALIGNED,
    STATUS_STYLES,
    WORDS,
    default_columns,
    field_names,
)

if TYPE_CHECKING:
    from jmespath.parser import ParsedResult


def _header(name: str) -> str:
    """A column heading: the field name in capitals, through the catalogue (`EXPIRY DATE`)."""
    return _(name.replace("_", " ").upper())


def _label(name: str) -> str:
    """A key of a key/value table: the heading's translation in lower case, or the key as is."""
    label = name.replace("_", " ")
    translated = _(label.upper())
    return label if translated == label.upper() else translated.lower()


class Renderer:
    def __init__(
        self,
        fmt: str = "table",
        *,
        columns: list[str] | None = None,
        headers: bool = True,
        color: bool = False,
        quiet: bool = False,
        verbose: bool = False,
        query: str | None = None,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
    ) -> None:
        if fmt not in FORMATS:
            raise UsageError(
                _("unknown output format {name!r} (choose from {formats})").format(
                    name=fmt, formats=", ".join(FORMATS)
                )
            )
        self.query = _compile(query) if query else None
        self.fmt = "json" if self.query is not None and fmt != "jsonl" else fmt
        self.columns = columns
        self.headers = headers
        self.color = color
        self.quiet = quiet
        self.verbose = verbose
        """Say everything, e.g. every invoice number after a large renewal run."""
        self.formatters: dict[str, Callable[[Any], str]] = {}
        """Per-field text for tables, where a bare value would say less (a card for a method id)."""
        self.seen: Callable[[str, Sequence[BaseModel]], None] | None = None
        self.changed: Callable[[], bool] | None = None
        """Whether the command has changed something at the provider (cli/context.py)."""
        """Told (model class name, items) after a list or an object is printed (cli/id_cache)."""
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr

    @property
    def is_table(self) -> bool:
        return self.fmt == "table"

    @property
    def own_layout(self) -> bool:
        """Whether a command may lay out its own table (headings, sub-tables): a table without
        --columns. With --columns the user chose the fields: render the model with `one`."""
        return self.fmt == "table" and not self.columns

    @property
    def is_json(self) -> bool:
        return self.fmt in ("json", "jsonl")

    # -- choosing fields --------------------------------------------------------------------
    def _fields(self, model: type[BaseModel], *, detail: bool = False) -> list[str]:
        if self.columns:
            try:
                return fields.check(model, self.columns)
            except UsageError as exc:
                if self.changed is None or not self.changed():
                    raise
                # The change is made: exit 2 would say nothing happened and invite a second
                # try (for a payment, a second charge). Show the result, say what was ignored.
                self.warn(
                    _("{message}: the change was made; shown with the usual columns").format(
                        message=exc.message
                    )
                )
                self.columns = None
        return field_names(model) if detail else default_columns(model)

    def check_columns(self, model: type[BaseModel]) -> None:
        """Refuse an unknown --columns now, before a command prints a heading."""
        self._fields(model)

    def _dump(self, item: BaseModel, paths: list[str] | None) -> dict[str, Any]:
        data = item.model_dump(mode="json")
        return data if paths is None else fields.project(data, paths)

    # -- public API -------------------------------------------------------------------------
    def listing(
        self,
        items: Sequence[BaseModel],
        model: type[BaseModel],
        *,
        total: int | None = None,
        what: str = "items",
    ) -> None:
        """Render a list; when it is cut, say so on stderr ("showing N of M")."""
        paths = self._fields(model)
        json_paths = paths if self.columns else None
        if self.is_json:
            self._write_json([self._dump(i, json_paths) for i in items])
        elif self.fmt in ("csv", "tsv"):
            self._write_delimited(items, paths)
        elif self.quiet:
            key = KEY_FIELDS.get(model.__name__, "id")
            self.stdout.write("".join(f"{cell(fields.value(i, key))}\n" for i in items))
        else:
            self._write_table(items, paths, empty=_("no {what}").format(what=_(what)))
        if total is not None and total > len(items):
            self.notice(
                _("showing {count} of {total} {what} (use --all or --limit)").format(
                    count=len(items), total=total, what=_(what)
                )
            )
        if self.seen is not None:
            self.seen(model.__name__, items)

    def one(self, item: BaseModel) -> None:
        """Render one object: all its fields (or --columns) as key/value lines in a table."""
        model = type(item)
        paths = self._fields(model, detail=True)
        json_paths = paths if self.columns else None
        if self.is_json:
            self._write_json(self._dump(item, json_paths))
        elif self.fmt in ("csv", "tsv"):
            self._write_delimited([item], paths)
        else:
            self.key_values([(p, fields.value(item, p)) for p in paths], model=model.__name__)
        if self.seen is not None:
            self.seen(model.__name__, [item])

    def key_values(self, pairs: Sequence[tuple[str, Any]], *, model: str | None = None) -> None:
        """Key/value lines; `model` (a class name) says whose data words they are (WORDS)."""
        from rich.table import Table
        from rich.text import Text

        table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 2, 0, 0))
        table.add_column(style="bold")
        table.add_column()
        words, styles = _word_texts(model)
        for key, value in pairs:
            table.add_row(Text(_label(key)), self._styled(key, value, words, styles))
        self._print(table)

    def heading(self, text: str) -> None:
        """A title above a table; translated here, so `heading("\nItems")` needs no marking."""
        from rich.text import Text

        title = text.lstrip("\n")
        self._console().print(Text(text[: len(text) - len(title)] + _(title), style="bold"))

    def notice(self, text: str) -> None:
        """Something worth knowing but not a problem: silent with --quiet."""
        if not self.quiet:
            self.stderr.write(f"{text}\n")

    def warn(self, text: str) -> None:
        """A warning on stderr; one carried in data (a model's `warnings`) is translated here."""
        text = shown(text)
        word = _("warning:")
        prefix = f"\x1b[33m{word}\x1b[0m" if self.color else word
        self.stderr.write(f"{prefix} {text}\n")

    # -- writers ----------------------------------------------------------------------------
    def _write_json(self, data: Any) -> None:
        """JSON (indented) or JSON lines (one compact value per list element); --query first."""
        if self.query is not None:
            data = self.query.search(data)
        if self.fmt == "jsonl":
            values = data if isinstance(data, list) else [data]
            self.stdout.write("".join(json.dumps(v, ensure_ascii=False) + "\n" for v in values))
            return
        self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
        self.stdout.write("\n")

    def _write_delimited(self, items: Sequence[BaseModel], paths: list[str]) -> None:
        delimiter = "," if self.fmt == "csv" else "\t"
        writer = csv.writer(self.stdout, delimiter=delimiter, lineterminator="\n")
        if self.headers:
            writer.writerow(paths)
        for item in items:
            writer.writerow([cell(fields.value(item, p), machine=True) for p in paths])

    def _styled(
        self,
        field: str,
        value: Any,
        words: dict[str, Callable[[Any], str]],
        styles: dict[str, str],
    ) -> Any:
        from rich.text import Text

        formatter = self.formatters.get(field) or words.get(field)
        text = formatter(value) if formatter is not None else cell(value)
        style = styles.get(text, "") if field == "status" and self.color else ""
        return Text(text, style=style)

    def _write_table(self, items: Sequence[BaseModel], paths: list[str], *, empty: str) -> None:
        if not items:
            self.notice(empty)
            return
        model = type(items[0]).__name__
        words, styles = _word_texts(model)
        formatters = self.formatters
        if language() != "en":  # data words and carried texts in the reader's language
            texts = dict.fromkeys(CARRIED.get(model, ()), shown)
            formatters = {"warnings": _warnings_cell} | texts | words | formatters
        # Column by column, through C-level map: one formatter per column, no per-row lists.
        columns = [list(map(formatters.get(p, cell), map(_getter(p), items))) for p in paths]
        table.write(
            self.stdout,
            paths,
            [_header(p) for p in paths] if self.headers else None,
            columns,
            right=RIGHT_ALIGNED,
            width=table.terminal_width(self.stdout),
            styles=styles,
            color=self.color,
        )

    def _print(self, renderable: Any) -> None:
        """Print without the padding rich leaves at the end of every table line."""
        console = self._console()
        with console.capture() as captured:
            console.print(renderable)
        text = captured.get()
        self.stdout.write("\n".join(line.rstrip() for line in text.split("\n")))

    def _console(self) -> Any:
        from rich.console import Console

        isatty = getattr(self.stdout, "isatty", None)
        terminal = bool(isatty and isatty())
        return Console(
            file=self.stdout,
            no_color=not self.color,
            color_system="auto" if self.color else None,
            force_terminal=self.color or None,
            highlight=False,
            markup=False,
            emoji=False,
            # A pipe gets the table's natural width instead of rich's 80-column fold.
            width=None if terminal else 10_000,
            soft_wrap=False,
        )


def _word_texts(model: str | None) -> tuple[dict[str, Callable[[Any], str]], dict[str, str]]:
    """How a table writes `model`'s data words (WORDS: field → formatter), and the status styles
    keyed by the status text: translated in each field's context (factura pagada, prioridad
    alta); none in English or for a model with no words declared."""
    contexts = WORDS.get(model or "")
    if not contexts or language() == "en":
        return {}, STATUS_STYLES
    texts = {field: word_cell(context) for field, context in contexts.items()}
    status = texts.get("status")
    if status is None:
        return texts, STATUS_STYLES
    return texts, {status(value): style for value, style in STATUS_STYLES.items()}


def _warnings_cell(value: Any) -> str:
    return ", ".join(map(shown, value)) if isinstance(value, list) else cell(value)


def _getter(path: str) -> Callable[[BaseModel], Any]:
    """Reads one field of an item: a plain name directly, a dotted path through `fields.value`."""
    if "." not in path:
        return attrgetter(path)
    return lambda item: fields.value(item, path)


def _compile(query: str) -> ParsedResult:
    """Parse --query before any request is sent: a bad expression is a usage error (exit 2)."""
    import jmespath
    from jmespath.exceptions import JMESPathError

    try:
        return jmespath.compile(query)
    except JMESPathError as exc:
        first = str(exc).strip().splitlines()[0]
        raise UsageError(
            _("invalid --query {query!r}: {reason}").format(query=query, reason=first),
            hint=_("--query takes a JMESPath expression, e.g. {example}").format(
                example="\"[?status=='unpaid'].number\""
            ),
        ) from None

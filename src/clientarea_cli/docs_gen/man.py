"""Man pages (roff, man(7) macros, section 1): one for `clientarea`, one per group and command.

`clientarea domains list` is clientarea-domains-list(1), as `git commit` is git-commit(1). Pages
are plain ASCII: other characters become `\\[uXXXX]`, so groff and mandoc read them without a
locale. A page's date is the day its text last changed: regenerating an unchanged page keeps the
date it has, so `make man` only rewrites what changed.
"""

from __future__ import annotations

import re
import textwrap
from datetime import date
from pathlib import Path

from clientarea_cli import __version__
from clientarea_cli.docs_gen.tree import CommandDoc, Param, walk

SECTION = "1"
MANUAL = "clientarea manual"
TH = re.compile(r'^\.TH (\S+) (\S+) "([^"]*)"', re.MULTILINE)
DATE_MARK = "@DATE@"
SENTENCE_END = re.compile(r"(?<=[a-z)][.?!]) (?=[A-Z])")


def pages(docs: list[CommandDoc] | None = None) -> dict[str, str]:
    """File name → page text, its date left as a mark (`write` fills it in)."""
    docs = walk() if docs is None else docs
    by_path = {doc.path: doc for doc in docs}
    return {f"{doc.name}.{SECTION}": page(doc, by_path) for doc in docs}


def write(
    directory: Path,
    docs: list[CommandDoc] | None = None,
    *,
    previous: Path | None = None,
    today: date | None = None,
) -> list[str]:
    """Write every page into `directory`, removing pages of commands that are gone.

    A page whose text is the same as in `previous` (default: `directory`) keeps that page's
    date; the others are dated `today`. Returns the names of the files written or removed.
    """
    previous = directory if previous is None else previous
    directory.mkdir(parents=True, exist_ok=True)
    new = pages(docs)
    changed = []
    root = next(iter(new)).partition(".")[0]
    for old in sorted(directory.glob(f"{root}*.{SECTION}")):
        if old.name not in new:
            old.unlink()
            changed.append(old.name)
    for name, text in new.items():
        stamp = _date_of(previous / name, text) or (today or date.today()).isoformat()
        dated = text.replace(DATE_MARK, stamp)
        target = directory / name
        if not target.exists() or target.read_text(encoding="ascii") != dated:
            target.write_text(dated, encoding="ascii")
            changed.append(name)
    return changed


def _date_of(old_page: Path, text: str) -> str | None:
    """The date of the page at `old_page` when its text equals `text` apart from the date."""
    if not old_page.exists():
        return None
    old = old_page.read_text(encoding="ascii")
    match = TH.search(old)
    if match is None or TH.sub(rf'.TH \1 \2 "{DATE_MARK}"', old, count=1) != text:
        return None
    return match.group(3)


def page(doc: CommandDoc, by_path: dict[tuple[str, ...], CommandDoc]) -> str:
    lines = [
        '.\\" Generated from the command tree by `make man`: do not edit.',
        f'.TH {doc.name.upper()} {SECTION} "{DATE_MARK}" "clientarea {__version__}" "{MANUAL}"',
        ".nh",  # no hyphenation and no justification: names and options stay whole and unstretched
        ".ad l",
        ".SH NAME",
        _lines(f"{escape(doc.name)} \\- {escape(doc.summary.rstrip('.'))}"),
        ".SH SYNOPSIS",
        _synopsis(doc),
        ".SH DESCRIPTION",
    ]
    for index, paragraph in enumerate(doc.paragraphs):
        if index:
            lines.append(".PP")
        lines.append(text(paragraph))
    if doc.subcommands:
        lines.append(".SH COMMANDS")
        for name, summary in doc.subcommands:
            lines += [".TP", f"\\fB{escape(name)}\\fR", text(summary)]
            lines.append(f"See \\fB{escape(doc.name)}\\-{escape(name)}\\fR({SECTION}).")
    if doc.arguments:
        lines.append(".SH ARGUMENTS")
        lines += _params(doc.arguments)
    lines += _options(doc)
    if doc.examples:
        lines += [".SH EXAMPLES", ".RS 4", ".nf"]
        lines += [_guard(escape(example)) for example in doc.examples]
        lines += [".fi", ".RE"]
    if len(doc.path) == 1 or doc.path[1:] == ("help", "environment"):
        lines += _environment()
    if doc.path[1:] == ("help", "formats"):
        lines += _formats()
    lines += _exit_status()
    lines += _see_also(doc, by_path)
    return "\n".join(lines) + "\n"


def _synopsis(doc: CommandDoc) -> str:
    rest = doc.usage.partition(doc.command)[2]
    return f"\\fB{escape(doc.command)}\\fR{escape(rest)}"


def _options(doc: CommandDoc) -> list[str]:
    lines = [".SH OPTIONS"]
    panels: dict[str | None, list[Param]] = {}
    for option in doc.options:
        panels.setdefault(option.panel, []).append(option)
    for panel, options in panels.items():
        if panel:
            lines.append(f".SS {escape(panel)}")
        lines += _params(options)
    if doc.takes_global_options:
        lines += [
            ".PP",
            "The global options of \\fBclientarea\\fR(1) (\\fB\\-p\\fR, \\fB\\-o\\fR,",
            "\\fB\\-\\-columns\\fR, \\fB\\-\\-query\\fR, \\fB\\-q\\fR, \\fB\\-\\-lang\\fR and the others)",
            "are accepted after the command too.",
        ]
    return lines


def _params(params: list[Param]) -> list[str]:
    lines = []
    for param in params:
        lines += [".TP", _names(param.names), text(param.help) if param.help else "\\&"]
    return lines


def _names(names: str) -> str:
    """`-p, --profile NAME`: option names bold, the value's name italic."""
    parts = []
    for alternative in re.split(r"(, | / |; )", names):
        if alternative in (", ", " / ", "; "):
            parts.append(escape(alternative))
            continue
        words = alternative.split(" ")
        rendered = [
            f"\\fB{escape(w)}\\fR" if w.startswith("-") else f"\\fI{escape(w)}\\fR" for w in words
        ]
        parts.append(" ".join(rendered))
    return "".join(parts)


def _environment() -> list[str]:
    from clientarea_cli.cli.commands.help import ENVIRONMENT

    lines = [".SH ENVIRONMENT"]
    for line in ENVIRONMENT.splitlines():
        name, _, meaning = line.partition("  ")
        lines += [".TP", f"\\fB{escape(name.strip())}\\fR", text(meaning.strip())]
    return lines


def _formats() -> list[str]:
    """The topic's own text, laid out as the terminal shows it."""
    from clientarea_cli.cli.commands.help import FORMATS

    lines = [_guard(escape(line)) for line in FORMATS.splitlines()]
    return [".SH OUTPUT FORMATS", ".nf", *lines, ".fi"]


def _exit_status() -> list[str]:
    from clientarea_cli.errors import EXIT_CODE_MEANINGS

    lines = [".SH EXIT STATUS"]
    for code, meaning in EXIT_CODE_MEANINGS.items():
        lines += [".TP", f"\\fB{int(code)}\\fR", text(meaning)]
    return lines


def _see_also(doc: CommandDoc, by_path: dict[tuple[str, ...], CommandDoc]) -> list[str]:
    related = [doc.path[:n] for n in range(1, len(doc.path))]  # the root, then each parent
    related += [(*doc.path, name) for name, _ in doc.subcommands]
    names = ["-".join(path) for path in related if path in by_path]
    if len(doc.path) > 1:
        names += ["clientarea-help-formats", "clientarea-help-exit-codes"]
    names = [n for n in dict.fromkeys(names) if n != doc.name]
    lines = [".SH SEE ALSO"]
    for index, name in enumerate(names):
        comma = "," if index < len(names) - 1 else ""
        lines.append(f".BR {escape(name)} ({SECTION}){comma}")
    lines += [
        ".PP",
        "Longer guides are in the \\fIdocs/\\fR folder of clientarea's source",
        "(\\fIoutput.md\\fR, \\fIexit\\-codes.md\\fR, \\fIbulk.md\\fR, \\fIreference/\\fR).",
    ]
    return lines


def text(paragraph: str) -> str:
    """A paragraph of help as filled roff text: `code` in bold, one sentence a line (≤ 80)."""
    joined = " ".join(paragraph.split())
    pieces = joined.split("`")
    out = []
    for index, piece in enumerate(pieces):
        if index % 2 and index < len(pieces) - 1:
            out.append(f"\\fB{escape(piece)}\\fR")
        else:
            out.append(escape(piece if index % 2 == 0 else "`" + piece))
    return _lines("".join(out))


def _lines(filled: str) -> str:
    """Roff fills the text itself: break after each sentence, and before 80 bytes."""
    lines = []
    for sentence in SENTENCE_END.split(filled):
        lines += textwrap.wrap(sentence, 80, break_long_words=False, break_on_hyphens=False)
    return "\n".join(_guard(line) for line in lines) if lines else "\\&"


def escape(value: str) -> str:
    """Text safe inside a roff line: backslashes, minus signs, and ASCII only."""
    value = value.replace("\\", "\\e").replace("-", "\\-")
    return "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in value)


def _guard(line: str) -> str:
    """A text line starting with `.` or `'` would be read as a request."""
    return "\\&" + line if line.startswith(("'", ".")) else line

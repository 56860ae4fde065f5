"""The command reference in Markdown (docs/reference/), from the same walk as the man pages.

docs/reference/README.md has the usage, the global options and one line per command group;
docs/reference/<group>.md has every command of that group: usage, help, arguments, options and
examples. The `help formats` text is copied into docs/output.md between two markers, so the
topic and the doc cannot drift apart.
"""

from __future__ import annotations

import re
from pathlib import Path

from clientarea_cli.docs_gen.tree import CommandDoc, Param, walk

HEADER = (
    "<!-- Generated from the command tree by `make reference`: do not edit "
    "(tests/meta/test_generated_docs.py fails when it is stale). -->\n"
)
FORMATS_BEGIN = "<!-- begin: `clientarea help formats`, copied by `make reference` -->\n"
FORMATS_END = "<!-- end: `clientarea help formats` -->\n"


def files(docs: list[CommandDoc] | None = None) -> dict[str, str]:
    """Path under docs/reference/ → Markdown text."""
    docs = walk() if docs is None else docs
    root, rest = docs[0], docs[1:]
    groups: dict[str, list[CommandDoc]] = {}
    for doc in rest:
        groups.setdefault(doc.path[1], []).append(doc)
    out = {"README.md": _index(root, groups)}
    for name, members in groups.items():
        out[f"{name}.md"] = _group(members)
    return out


def write(directory: Path, docs: list[CommandDoc] | None = None) -> list[str]:
    """Write docs/reference/ into `directory` (removing files of groups that are gone)."""
    directory.mkdir(parents=True, exist_ok=True)
    new = files(docs)
    changed = []
    for old in sorted(directory.glob("*.md")):
        if old.name not in new:
            old.unlink()
            changed.append(old.name)
    for name, text in new.items():
        target = directory / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed


def with_formats_topic(output_md: str) -> str:
    """docs/output.md with the block between the markers replaced by `clientarea help formats`."""
    from clientarea_cli.cli.commands.help import FORMATS

    pattern = re.compile(re.escape(FORMATS_BEGIN) + ".*?" + re.escape(FORMATS_END), re.DOTALL)
    if not pattern.search(output_md):
        raise ValueError("docs/output.md has no `help formats` markers")
    block = f"{FORMATS_BEGIN}```text\n{FORMATS}```\n{FORMATS_END}"
    return pattern.sub(lambda _match: block, output_md, count=1)


def _index(root: CommandDoc, groups: dict[str, list[CommandDoc]]) -> str:
    lines = [
        HEADER,
        "# Command reference",
        "",
        "Every command with its usage, help, arguments and options, as `--help` prints them. The",
        "same text is in the man pages (`docs/man/man1/`, `make man`): `man -l docs/man/man1/"
        "clientarea-domains-list.1`,",
        "or `MANPATH=$PWD/docs/man: man clientarea-domains-list`.",
        "",
        "```text",
        root.usage,
        "```",
        "",
        *_prose(root),
        "## Global options",
        "",
        "Accepted before or after the command (docs/output.md).",
        "",
        *_param_list(root.options),
        "## Commands",
        "",
        "| command | what it does |",
        "| --- | --- |",
    ]
    for name, summary in root.subcommands:
        if name in groups:
            lines.append(f"| [`{name}`]({name}.md) | {_cell(summary)} |")
    lines += ["", "Exit codes: [exit-codes.md](../exit-codes.md) (`clientarea help exit-codes`)."]
    return "\n".join(lines) + "\n"


def _group(members: list[CommandDoc]) -> str:
    head = members[0]
    lines = [HEADER, f"# {head.command}", "", *_prose(head)]
    if len(members) > 1:
        lines += [f"- [`{doc.command}`](#{_anchor(doc.command)})" for doc in members[1:]]
        lines.append("")
    lines += _body(head)
    for doc in members[1:]:
        lines += [f"## {doc.command}", "", *_prose(doc), *_body(doc)]
    return "\n".join(lines).rstrip("\n") + "\n\n[All commands](README.md)\n"


def _prose(doc: CommandDoc) -> list[str]:
    lines = []
    for paragraph in doc.paragraphs:
        lines += [_escape(" ".join(paragraph.split())), ""]
    return lines


def _body(doc: CommandDoc) -> list[str]:
    lines = ["```text", doc.usage, "```", ""]
    if doc.subcommands:
        lines += ["Commands:", ""]
        for name, summary in doc.subcommands:
            lines.append(f"- [`{name}`](#{_anchor(f'{doc.command} {name}')}): {_escape(summary)}")
        lines.append("")
    if doc.arguments:
        lines += ["Arguments:", "", *_param_list(doc.arguments)]
    panels: dict[str | None, list[Param]] = {}
    for option in doc.options:
        panels.setdefault(option.panel, []).append(option)
    for panel, options in panels.items():
        lines += [f"{panel or 'Options'}:", "", *_param_list(options)]
    if doc.takes_global_options:
        lines += ["The [global options](README.md#global-options) are accepted too.", ""]
    if doc.examples:
        lines += ["Example:" if len(doc.examples) == 1 else "Examples:", "", "```sh"]
        lines += [*doc.examples, "```", ""]
    return lines


def _param_list(params: list[Param]) -> list[str]:
    lines = [f"- `{p.names}`: {_escape(p.help)}" if p.help else f"- `{p.names}`" for p in params]
    return [*lines, ""]


def _anchor(heading: str) -> str:
    """GitHub's anchor for a heading made of words and dashes."""
    return re.sub(r"[^a-z0-9 -]", "", heading.lower()).replace(" ", "-")


def _escape(text: str) -> str:
    """Prose as Markdown: `code` spans stay, angle brackets outside them are not HTML."""
    pieces = text.split("`")
    for index in range(0, len(pieces), 2):
        pieces[index] = pieces[index].replace("<", "&lt;").replace(">", "&gt;")
    return "`".join(pieces)


def _cell(text: str) -> str:
    return _escape(text).replace("|", "\\|")

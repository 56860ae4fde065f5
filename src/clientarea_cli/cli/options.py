"""Option types shared by many commands, declared once (cheap to import: typer only)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from clientarea_cli.cli import values

OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        help="Output format: table, json, jsonl, csv or tsv.",
        metavar="FORMAT",
        autocompletion=values.FORMAT_VALUES,
    ),
]
NoHeadersOpt = Annotated[
    bool, typer.Option("--no-headers", help="Omit the header row (table, csv, tsv).")
]
LimitOpt = Annotated[
    int | None,
    typer.Option("--limit", "-L", help="Show at most N items (default 100).", metavar="N"),
]
AllOpt = Annotated[bool, typer.Option("--all", help="Show every item, fetching all pages.")]
DryRunOpt = Annotated[
    bool, typer.Option("--dry-run", help="Show what would be sent; change nothing.")
]
YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]
ServiceArg = Annotated[
    int,
    typer.Argument(
        metavar="SERVICE", help="Service id.", show_default=False, autocompletion=values.SERVICES
    ),
]
DomainArg = Annotated[
    str,
    typer.Argument(
        help="Domain name or id.",
        metavar="DOMAIN",
        show_default=False,
        autocompletion=values.DOMAINS,
    ),
]


def columns_of(model: str) -> Any:
    """`--columns` of a command that renders `model` (a class in clientarea_cli.models, by name):
    Tab offers the paths it accepts (`columns: Annotated[str | None, columns_of("Domain")]`).

    A test runs each command with a bad column and checks its hint lists exactly these paths."""
    return typer.Option(
        "--columns",
        help="Comma-separated fields to show (any format).",
        metavar="A,B",
        autocompletion=values.ColumnPaths(model).complete,
    )

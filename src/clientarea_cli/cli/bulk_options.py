"""Options every bulk command shares: targets, plan, and how the run goes (typer only)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from clientarea_cli.cli import values
from clientarea_cli.models.choices import DOMAIN_STATUSES

TARGETS = "Targets"
RUN = "Running"

DomainsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Domain names or ids.",
        show_default=False,
        metavar="[DOMAIN]...",
        autocompletion=values.DOMAINS,
    ),
]
AllDomainsOpt = Annotated[
    bool, typer.Option("--all", help="Every domain on the account.", rich_help_panel=TARGETS)
]
TldOpt = Annotated[
    str | None,
    typer.Option(
        help="Only this TLD, e.g. es or .com.",
        metavar="TLD",
        rich_help_panel=TARGETS,
        autocompletion=values.tlds,
    ),
]
ExpiringOpt = Annotated[
    str | None,
    typer.Option(
        help="Only domains expiring within 30d, 6w, 3m, 1y…",
        metavar="PERIOD",
        rich_help_panel=TARGETS,
    ),
]
StatusOpt = Annotated[
    str | None,
    typer.Option(
        help="Only domains in this status (active, expired…).",
        metavar="STATUS",
        rich_help_panel=TARGETS,
        autocompletion=values.choices(DOMAIN_STATUSES),
    ),
]
AutoRenewFilterOpt = Annotated[
    str | None,
    typer.Option(
        "--auto-renew", help="Only domains with auto-renew on or off.", metavar="on|off",
        rich_help_panel=TARGETS, autocompletion=values.ON_OFF_VALUES,
    ),
]  # fmt: skip
FromFileOpt = Annotated[
    Path | None,
    typer.Option(
        "--from-file",
        help="Domains from a file: one per line, CSV (, ; or tab) or JSON/NDJSON with a 'domain' or 'name' field, as -o csv|json|jsonl writes; - for stdin.",
        metavar="FILE",
        rich_help_panel=TARGETS,
        allow_dash=True,
    ),
]
DryRunOpt = Annotated[
    bool, typer.Option("--dry-run", help="Print the plan and change nothing.", rich_help_panel=RUN)
]
ConcurrencyOpt = Annotated[
    int,
    typer.Option(help="Requests in flight at once (1–48).", metavar="N", rich_help_panel=RUN),
]
RateOpt = Annotated[
    float | None,
    typer.Option(help="At most N requests per second, 0.01 to 10000 (default: no limit).",
                 metavar="N", rich_help_panel=RUN),
]  # fmt: skip
FailFastOpt = Annotated[
    bool, typer.Option("--fail-fast", help="Stop at the first failure.", rich_help_panel=RUN)
]
ResumeOpt = Annotated[
    bool,
    typer.Option(
        "--resume",
        help="Finish this command's last interrupted run (from the journal).",
        rich_help_panel=RUN,
    ),
]
PerItemOpt = Annotated[
    bool,
    typer.Option(
        "--per-item",
        help="One request per domain even when the provider has a bulk endpoint.",
        rich_help_panel=RUN,
    ),
]
YesOpt = Annotated[
    bool,
    typer.Option("--yes", "-y", help="Do not ask for confirmation.", rich_help_panel=RUN),
]

"""`clientarea journal …`: the bulk runs recorded on this machine, and what happened to each item."""

from typing import Annotated

import typer

from clientarea_cli.cli.context import DEFAULT_LIMIT, AppContext
from clientarea_cli.cli.options import AllOpt, LimitOpt, NoHeadersOpt, OutputOpt, columns_of
from clientarea_cli.i18n import _

app = typer.Typer(
    help="Bulk runs and money requests recorded on this machine: --resume, reconcile.",
    no_args_is_help=True,
)


@app.command("list")
def list_(
    ctx: typer.Context,
    limit: LimitOpt = None,
    all_items: AllOpt = False,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("RunSummary")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List bulk runs, newest first, with how many items are done, failed or left.

    A run is `interrupted` when its process stopped with items left: the command the stopped run printed (`clientarea -p PROFILE domains … --resume`) finishes it, and `journal abandon RUN` gives it up.

    Example: clientarea journal list --limit 5
    """
    from clientarea_cli.config.paths import journal_file
    from clientarea_cli.models import RunSummary
    from clientarea_cli.ops import filters
    from clientarea_cli.ops.bulk.journal import Journal

    renderer = AppContext.of(ctx).renderer(output, columns, no_headers)
    count = filters.parse_limit(limit, all_items=all_items, default=DEFAULT_LIMIT)
    journal = Journal(journal_file())
    try:
        runs = journal.summaries()
    finally:
        journal.close()
    shown = runs if count is None else runs[:count]
    renderer.listing(shown, RunSummary, total=len(runs), what="runs")


@app.command("show")
def show(
    ctx: typer.Context,
    run_id: Annotated[
        str, typer.Argument(help="The run's id (or its first characters).", metavar="RUN")
    ],
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("JournalEntry")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """Show every item of a bulk run: its state, result, and the provider's reason for a failure.

    Example: clientarea journal show 3f2a9c
    """
    from clientarea_cli.config.paths import journal_file
    from clientarea_cli.models import JournalEntry
    from clientarea_cli.ops.bulk.journal import Journal

    renderer = AppContext.of(ctx).renderer(output, columns, no_headers)
    journal = Journal(journal_file())
    try:
        record = journal.run(run_id)
        entries = journal.entries(record.id)
    finally:
        journal.close()
    renderer.notice(
        _("run {id}: {title} ({mode} mode, profile {profile})").format(
            id=record.id, title=record.title, mode=record.mode, profile=record.profile
        )
    )
    renderer.listing(entries, JournalEntry, what="items")


@app.command("abandon")
def abandon(
    ctx: typer.Context,
    run_id: Annotated[
        str, typer.Argument(help="The run's id (or its first characters).", metavar="RUN")
    ],
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("JournalEntry")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """Give up an unfinished bulk run: --resume will not pick it again. Nothing is sent.

    Lists what the run leaves undone (stdout) and says what each kind means (stderr): items never sent, items that failed, and items whose outcome is unknown (sent when the run stopped: they may or may not have been applied; check them with `domains show`). Use it when a run cannot finish (the provider refuses its requests for good) or you no longer want it.

    Example: clientarea journal abandon 3f2a9c
    """
    from clientarea_cli.config.paths import journal_file
    from clientarea_cli.errors import UsageError
    from clientarea_cli.models import JournalEntry
    from clientarea_cli.ops.bulk.journal import Journal

    renderer = AppContext.of(ctx).renderer(output, columns, no_headers)
    renderer.check_columns(JournalEntry)  # now, not once the run is abandoned
    journal = Journal(journal_file())
    try:
        record = journal.run(run_id)
        left = journal.abandon(record.id)
    finally:
        journal.close()
    if not left:
        raise UsageError(
            _("run {id} ({title}) has nothing left to do: nothing to abandon").format(
                id=record.id, title=record.title
            )
        )
    renderer.listing(left, JournalEntry, what="items")
    counts = {
        state: sum(e.state == state for e in left) for state in ("planned", "failed", "sending")
    }
    parts = [
        f"{counts['planned']} never sent" if counts["planned"] else "",
        f"{counts['failed']} failed" if counts["failed"] else "",
        f"{counts['sending']} whose outcome is unknown (they may or may not have been applied: "
        "check them with `clientarea domains show DOMAIN`)"
        if counts["sending"]
        else "",
    ]
    renderer.notice(
        _(
            "abandoned run {id} ({title}): {count} domain(s) left undone: {parts}; --resume will not pick this run again"
        ).format(
            id=record.id,
            title=record.title,
            count=len(left),
            parts=", ".join(p for p in parts if p),
        )
    )


@app.command("payments")
def payments(
    ctx: typer.Context,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("MoneyOperation")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List the money requests sent from this machine (top-ups, payments…) and their outcome.

    `unknown` means no answer came after the request was sent: run `clientarea journal reconcile`.

    Example: clientarea journal payments -o json
    """
    from clientarea_cli.cli.money import money_log
    from clientarea_cli.models import MoneyOperation

    renderer = AppContext.of(ctx).renderer(output, columns, no_headers)
    with money_log() as log:
        operations = log.operations()
    renderer.listing(operations, MoneyOperation, what="money requests")


@app.command("reconcile")
def reconcile(
    ctx: typer.Context,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("MoneyOperation")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """Ask the provider what happened to every money request whose outcome is unknown.

    Each is settled as `completed` (it happened: do not send it again), `failed` (the provider refused it) or `not_applied` (it never arrived: safe to retry).

    Example: clientarea journal reconcile
    """
    from clientarea_cli.cli.money import money_log
    from clientarea_cli.models import MoneyOperation
    from clientarea_cli.ops import money

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    profile, _profile = app_ctx.profile()
    with money_log() as log:
        settled = money.reconcile(app_ctx.driver(), log, profile)
    if not settled and renderer.fmt == "table":
        renderer.notice(_("nothing to reconcile: every money request has a known outcome"))
        return
    renderer.listing(settled, MoneyOperation, what="money requests")

"""How a bulk run reports: each outcome as it comes (successes on stdout, failures on stderr,
a progress bar on a terminal), then the summary line and the exit code it calls for."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from clientarea_cli.cli.bulk_resume import resume_command
from clientarea_cli.cli.renew_payment import unpaid_renewals
from clientarea_cli.errors import OutcomeUnknown, PartialFailure
from clientarea_cli.i18n import _
from clientarea_cli.i18n.carried import shown

if TYPE_CHECKING:
    from clientarea_cli.models import Outcome
    from clientarea_cli.ops.bulk.actions import Action
    from clientarea_cli.ops.bulk.journal import RunRecord
    from clientarea_cli.ops.bulk.runner import RunResult
    from clientarea_cli.output.render import Renderer


class Reporter:
    """Streams outcomes as they come: successes on stdout, failures on stderr, a progress bar."""

    def __init__(self, renderer: Renderer, width: int = 0) -> None:
        self.renderer = renderer
        self.width = width
        """Domain names are padded to this width so results line up."""
        self.rows: list[Outcome] = []
        self._progress: Any = None
        self._task: Any = None

    def live(self, total: int) -> Any:
        from contextlib import nullcontext

        if not sys.stderr.isatty() or total < 2:
            return nullcontext()
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self._progress = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._task = self._progress.add_task("working", total=total)
        return self._progress

    def outcomes(self, outcomes: list[Outcome]) -> None:
        """A chunk's outcomes (or one item's): its lines in one write, even with stdout unbuffered
        (PYTHONUNBUFFERED, common in containers, made each of 10,000 lines a system call)."""
        import json

        fmt = self.renderer.fmt
        for outcome in outcomes:
            if not outcome.ok:
                self.renderer.warn(
                    _("{domain}: {error}").format(domain=outcome.domain, error=outcome.error)
                )
        text = ""
        if fmt == "table":
            width = self.width
            text = "".join(o.domain.ljust(width) + "  " + o.result + "\n" for o in outcomes if o.ok)
        elif fmt == "jsonl":
            text = "".join(
                json.dumps(o.model_dump(mode="json"), ensure_ascii=False) + "\n" for o in outcomes
            )
        else:
            self.rows.extend(outcomes)
        if text:
            sys.stdout.write(text)
        if self._progress is not None:
            self._progress.advance(self._task, len(outcomes))


def finish(
    renderer: Renderer,
    action: Action,
    result: RunResult,
    *,
    skipped: int,
    record: RunRecord,
    pay_hint: str | None = None,
) -> None:
    """The summary; exit 3 when an item failed or a renewal was left unpaid (not done).

    `pay_hint`: the driver's, for a provider that takes no payment through the API."""
    from clientarea_cli.models import Outcome

    if renderer.fmt in ("json", "csv", "tsv"):
        renderer.listing(result.outcomes, Outcome, what="results")
    unknown = [o for o in result.failed if o.result == "unknown"]
    failed = [o for o in result.failed if o.result != "unknown"]
    due = [o for o in result.outcomes if o.ok and o.amount_due is not None]
    done = len(result.outcomes) - len(failed) - len(unknown) - len(due)
    counts = [_("{count} done").format(count=done)]
    if due:
        counts.append(_("{count} unpaid").format(count=len(due)))
    counts.append(_("{count} failed").format(count=len(failed)))
    if unknown:
        counts.append(_("{count} unknown").format(count=len(unknown)))
    if skipped:
        counts.append(_("{count} unchanged").format(count=skipped))
    line = f"{shown(action.title)}: {', '.join(counts)}"
    renderer.notice(_("{line} (run {run_id})").format(line=line, run_id=result.run_id))
    unpaid = unpaid_renewals(renderer, due, len(result.outcomes), pay_hint) if due else None
    if unknown:
        raise OutcomeUnknown(
            _(
                "{count} of {count2} domain(s) may have been applied already: outcome unknown"
            ).format(count=len(unknown), count2=len(result.outcomes)),
            hint=_(
                "check them (a renewal: its invoice in `clientarea invoices list`), redo by hand any that did not happen, then give the run up with `clientarea journal abandon {run_id}`"
            ).format(run_id=result.run_id),
        )
    if failed:
        raise PartialFailure(
            _("{count} of {count2} domain(s) failed").format(
                count=len(failed), count2=len(result.outcomes)
            ),
            hint=(
                _(
                    "details: `clientarea journal show {run_id}`; retry them with `{resume_command}`, or give them up with `clientarea journal abandon {run_id}`"
                ).format(run_id=result.run_id, resume_command=resume_command(record))
            ),
        )
    if unpaid is not None:
        raise unpaid

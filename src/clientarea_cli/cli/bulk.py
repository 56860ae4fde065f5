"""The CLI side of every bulk command: targets from options, preview, confirmation, progress.

ops/bulk plans and runs; this module asks and shows. Data (what happened to each domain) goes
to stdout, failures, warnings, progress and the summary to stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from clientarea_cli.cli.bulk_report import Reporter, finish
from clientarea_cli.cli.bulk_resume import check_resume_args, hint_on_stop
from clientarea_cli.cli.context import AppContext
from clientarea_cli.errors import (
    ConfirmationRequired,
    Declined,
    UsageError,
)
from clientarea_cli.i18n import _
from clientarea_cli.i18n.carried import shown

if TYPE_CHECKING:
    from clientarea_cli.drivers.base import Driver
    from clientarea_cli.ops.bulk.actions import Action
    from clientarea_cli.ops.bulk.plan import Plan
    from clientarea_cli.ops.bulk.runner import RunResult
    from clientarea_cli.ops.bulk.target_file import TargetRow
    from clientarea_cli.ops.bulk.targets import TargetSpec
    from clientarea_cli.output.render import Renderer

PREVIEW_ROWS = 20
WARNING_ROWS = 10


@dataclass
class Targets:
    refs: list[str] | None
    all: bool = False
    tld: str | None = None
    expiring_within: str | None = None
    status: str | None = None
    auto_renew: str | None = None
    from_file: Path | None = None
    _rows: list[TargetRow] | None = field(default=None, repr=False)

    def file_rows(self) -> list[TargetRow]:
        """The rows of --from-file, read once (it may be stdin)."""
        from clientarea_cli.ops.bulk.target_file import parse_rows

        if self.from_file is None:
            return []
        if self._rows is None:
            self._rows = parse_rows(_read_file(self.from_file), self.file_label)
        return self._rows

    @property
    def file_label(self) -> str:
        return _file_label(self.from_file) if self.from_file is not None else ""

    @property
    def given(self) -> bool:
        filters = (self.tld, self.expiring_within, self.status, self.auto_renew, self.from_file)
        return bool(self.refs or self.all) or any(f is not None for f in filters)

    def spec(self) -> TargetSpec:
        from clientarea_cli.models import DomainFilter
        from clientarea_cli.models.choices import DOMAIN_STATUSES
        from clientarea_cli.ops import filters
        from clientarea_cli.ops.bulk.targets import TargetSpec

        refs = list(self.refs or [])
        if self.from_file is not None:
            refs += [row.ref for row in self.file_rows()]
            if not refs:
                raise UsageError(
                    _("{file_label} names no domains").format(file_label=self.file_label)
                )
        within, auto_renew, status = self.expiring_within, self.auto_renew, self.status
        wanted = DomainFilter(
            tld=filters.parse_tld(self.tld) if self.tld is not None else None,
            expiring_within_days=(
                filters.parse_days(within, "--expiring-within") if within is not None else None
            ),
            auto_renew=(
                filters.parse_on_off(auto_renew, "--auto-renew") if auto_renew is not None else None
            ),
            status=(
                filters.parse_choice(status, DOMAIN_STATUSES, "--status")
                if status is not None
                else None
            ),
        )
        spec = TargetSpec(refs=refs, all=self.all, filters=wanted)
        spec.check()
        return spec


@dataclass
class RunSettings:
    dry_run: bool = False
    concurrency: int = 16
    rate: float | None = None
    fail_fast: bool = False
    resume: bool = False
    per_item: bool = False
    yes: bool = False


def _file_label(path: Path) -> str:
    return "stdin" if str(path) == "-" else str(path)


def _read_file(path: Path) -> str:
    if str(path) == "-":
        return sys.stdin.read()
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(
            _("cannot read {path}: {value}").format(path=path, value=exc.strerror or exc)
        ) from None
    except UnicodeDecodeError:
        raise UsageError(_("{path} is not UTF-8 text").format(path=path)) from None


def on_off(value: str, what: str) -> bool:
    from clientarea_cli.ops import filters

    return filters.parse_on_off(value, what)


# -- the flow ---------------------------------------------------------------------------------
def run(
    ctx: typer.Context,
    *,
    command: str,
    targets: Targets,
    settings: RunSettings,
    output: str | None,
    build: Callable[[Driver], tuple[Action, list[str]]],
    given: dict[str, tuple[str, ...]] | None = None,
    settle: Callable[[Driver, Action, RunResult], RunResult] | None = None,
) -> None:
    """Plan (or load the interrupted run), preview, confirm, run, report.

    `given`: the action arguments typed with --resume (see `bulk_resume.typed_args`); each must
    match the journalled run. `settle` runs after the items (renew --method pays what they left
    unpaid).
    """
    from clientarea_cli.config.paths import journal_file
    from clientarea_cli.ops.bulk import engine
    from clientarea_cli.ops.bulk.journal import Journal
    from clientarea_cli.ops.bulk.runner import MAX_CONCURRENCY, MAX_RATE, MIN_RATE, RunOptions

    if not 1 <= settings.concurrency <= MAX_CONCURRENCY:
        raise UsageError(
            _("--concurrency must be between 1 and {MAX_CONCURRENCY}").format(
                MAX_CONCURRENCY=MAX_CONCURRENCY
            )
        )
    if settings.rate is not None and not MIN_RATE <= settings.rate <= MAX_RATE:
        raise UsageError(
            _(
                "--rate must be from {MIN_RATE:g} to {MAX_RATE:g} requests per second (got {rate:g})"
            ).format(MIN_RATE=MIN_RATE, MAX_RATE=MAX_RATE, rate=settings.rate)
        )
    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    options = RunOptions(
        concurrency=settings.concurrency,
        fail_fast=settings.fail_fast,
        rate=settings.rate,
        use_bulk=not settings.per_item,
    )
    if settings.resume:
        if targets.given or settings.dry_run:
            raise UsageError(
                _("--resume takes no targets and no --dry-run: it finishes the run it finds")
            )
        spec = None
    else:
        spec = targets.spec()
    profile, _profile = app_ctx.profile()
    driver = app_ctx.driver()
    journal = Journal(journal_file())
    try:
        if spec is None:
            run_id = engine.find_resumable(journal, command, profile)
            check_resume_args(journal.run(run_id), given or {}, build, driver)
            resumption = engine.load_resumption(driver, journal, run_id)
            names = [item.domain for item in resumption.items]
            reporter = Reporter(renderer, max(map(len, names), default=0))
            renderer.notice(
                _("resuming run {run_id} ({title}): {count} left, {count2} already applied").format(
                    run_id=run_id,
                    title=shown(resumption.run.title),
                    count=len(resumption.items),
                    count2=len(resumption.already),
                )
            )
            moves_money = resumption.action.moves_money
            with (
                hint_on_stop(journal, command, profile, moves_money),
                reporter.live(
                    len(resumption.items) + len(resumption.already) + len(resumption.unknown)
                ),
            ):
                result = engine.resume(
                    driver, journal, resumption, options=options, on_outcomes=reporter.outcomes
                )
            finish(renderer, resumption.action, _settled(settle, driver, resumption.action, result),
                   skipped=0, record=journal.run(run_id), pay_hint=driver.pay_hint)  # fmt: skip
            return
        action, warnings = build(driver)
        plan = engine.prepare(driver, action, spec, warnings)
        if not _preview(app_ctx, renderer, plan, settings):
            return
        reporter = Reporter(renderer, max(len(item.domain) for item in plan.to_apply))
        skipped = plan.skipped
        with (
            hint_on_stop(journal, command, profile, action.moves_money),
            reporter.live(len(plan.to_apply)),
        ):
            journalled = engine.journal_plan(
                driver, journal, plan, command=command, profile=profile, options=options
            )
            del plan  # its rows are in the journal: 10,000 of them need not stay in memory
            result = engine.start(
                driver, journal, journalled, options=options, on_outcomes=reporter.outcomes
            )
        finish(renderer, action, _settled(settle, driver, action, result),
               skipped=skipped, record=journal.run(result.run_id),
               pay_hint=driver.pay_hint)  # fmt: skip
    finally:
        journal.close()


def _preview(app_ctx: AppContext, renderer: Renderer, plan: Plan, settings: RunSettings) -> bool:
    """Warnings, then the plan (`--dry-run`) or the confirmation; whether the run goes on."""
    show_warnings(renderer, plan)
    if settings.dry_run:
        show_plan(renderer, plan, dry_run=True)
        return False
    if not plan.to_apply:
        renderer.notice(
            _("nothing to change: {count} domain(s) already {value}").format(
                count=len(plan.items), value=shown(plan.action.done_text())
            )
        )
        return False
    if plan.needs_confirmation():
        show_plan(renderer, plan, dry_run=False)
        confirm(app_ctx, plan, yes=settings.yes)
    return True


def show_warnings(renderer: Renderer, plan: Plan) -> None:
    for text in plan.warnings:
        renderer.warn(text)
    per_item = [(item.domain, w) for item in plan.to_apply for w in item.warnings]
    for domain, text in per_item[:WARNING_ROWS]:
        renderer.warn(_("{domain}: {text}").format(domain=domain, text=shown(text)))
    if len(per_item) > WARNING_ROWS:
        renderer.warn(
            _("… and {value} more like these (see --dry-run)").format(
                value=len(per_item) - WARNING_ROWS
            )
        )


def _totals_text(plan: Plan) -> str:
    totals = plan.totals()
    return ", ".join(str(m) for m in totals)


def show_plan(renderer: Renderer, plan: Plan, *, dry_run: bool) -> None:
    """`--dry-run`: the whole plan on stdout. Before confirming: a preview on stderr."""
    from clientarea_cli.models import PlanItem
    from clientarea_cli.ops.bulk import plan as plans
    from clientarea_cli.output.render import Renderer as _Renderer

    count, skipped, title = len(plan.to_apply), plan.skipped, shown(plan.action.title)
    total = _totals_text(plan)
    summary = _("{title}: {count} domain(s) to change").format(title=title, count=count)
    if skipped:
        summary += _(", {skipped} already so").format(skipped=skipped)
    if total:
        summary += _("; total {total} before tax").format(total=total)
    if dry_run:
        renderer.listing(plans.shown(plan.items), PlanItem, what="domains")
        renderer.notice(summary + _(" (dry run: nothing was changed)"))
        return
    preview = _Renderer(
        "table",
        columns=["domain", "current", "desired", "cost"]
        if total
        else ["domain", "current", "desired"],
        stdout=sys.stderr,
        stderr=sys.stderr,
    )
    rows = plan.to_apply
    preview.listing(plans.shown(rows[:PREVIEW_ROWS]), PlanItem, what="domains")
    if len(rows) > PREVIEW_ROWS:
        renderer.notice(
            _("… and {value} more (the whole plan: --dry-run)").format(
                value=len(rows) - PREVIEW_ROWS
            )
        )
    renderer.notice(summary)


def confirm(app_ctx: AppContext, plan: Plan, *, yes: bool) -> None:
    if yes or app_ctx.options.yes:
        return
    if not app_ctx.can_prompt():
        raise ConfirmationRequired("--yes")
    from clientarea_cli.cli import confirm as ask

    count = len(plan.to_apply)
    if plan.needs_typed_confirmation():
        answer = ask.typed(
            _("Type {count} to apply '{title}' to {count} domain(s)").format(
                count=count, title=shown(plan.action.title)
            )
        )
        ok = answer.strip() == str(count)
    else:
        question = _("Apply '{title}' to {count} domains?")
        ok = ask.yes_no(question.format(title=shown(plan.action.title), count=count))
    if not ok:
        raise Declined(_("cancelled; nothing was changed"))


def _settled(
    settle: Callable[[Driver, Action, RunResult], RunResult] | None,
    driver: Driver,
    action: Action,
    result: RunResult,
) -> RunResult:
    return settle(driver, action, result) if settle is not None else result

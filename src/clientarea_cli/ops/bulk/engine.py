"""Plan, start and resume bulk runs (the CLI confirms in between and renders what comes back)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from clientarea_cli import collector
from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.errors import UsageError
from clientarea_cli.i18n import _
from clientarea_cli.models import Outcome
from clientarea_cli.ops.bulk import plan as plans
from clientarea_cli.ops.bulk import targets
from clientarea_cli.ops.bulk.actions import Action, action_from_journal
from clientarea_cli.ops.bulk.journal import Journal, JournalItem, RunRecord
from clientarea_cli.ops.bulk.runner import Runner, RunOptions, RunResult, bulk_mode


def prepare(
    driver: Driver, action: Action, spec: targets.TargetSpec, warnings: list[str] | None = None
) -> plans.Plan:
    """The plan for a new run: resolve the targets (exit 5 on an unknown name), then plan."""
    with collector.paused():
        if spec.refs:
            domains = targets.resolve(driver, spec)
            return plans.build(action.bind(domains), domains, warnings)
        # No names, so no per-domain values to bind: planned a page at a time as pages arrive.
        return plans.build(action, targets.stream(driver, spec, action.target), warnings)


@dataclass
class Journalled:
    """A plan whose rows are in the journal: what its run sends."""

    run_id: str
    action: Action
    items: list[JournalItem]


def journal_plan(
    driver: Driver,
    journal: Journal,
    plan: plans.Plan,
    *,
    command: str,
    profile: str,
    options: RunOptions,
) -> Journalled:
    """Record a new run and its rows (all of them, no-ops as `skipped`) before anything is sent.

    The caller can drop the plan afterwards: the run needs only what this answers, and 10,000
    plan rows need not stay in memory while it sends.
    """
    mode = "bulk" if bulk_mode(driver, options) else "items"
    with collector.paused():
        run_id, planned = journal.create_run(
            command=command,
            action=plan.action.name,
            title=plan.action.title,
            params=plan.action.params(),
            mode=mode,
            profile=profile,
            items=plan.items,
            keyed=plan.action.uses_keys,
        )
    return Journalled(run_id, plan.action, planned)


def start(
    driver: Driver,
    journal: Journal,
    run: Journalled,
    *,
    options: RunOptions,
    on_outcomes: Callable[[list[Outcome]], None],
) -> RunResult:
    """Run the journalled items that are not no-ops."""
    runner = Runner(driver, journal, run.run_id, run.action, options, on_outcomes)
    return runner.run(run.items)


@dataclass
class Resumption:
    run: RunRecord
    action: Action
    items: list[JournalItem]
    """What is left to send."""
    already: list[Outcome]
    """Items whose outcome was unknown and which the provider shows as applied."""
    unknown: list[Outcome]
    """Keyed items whose answer never came, on a provider without idempotency keys: they may
    have been applied (a renewal paid from credit), so they are not sent again."""


def find_resumable(journal: Journal, command: str, profile: str) -> str:
    run_id = journal.latest_unfinished(command, profile)
    if run_id is None:
        raise UsageError(
            _("nothing to resume: no unfinished run of this command for this profile"),
            hint=_("see past runs with `clientarea journal list`"),
        )
    return run_id


def load_resumption(driver: Driver, journal: Journal, run_id: str) -> Resumption:
    """What a resumed run still has to do.

    Items never sent, items whose outcome is unknown (`sending` when the process died) and
    items that failed are left. Actions that set a state (everything but renew) are re-checked
    against the provider: an item already in its desired state is done, never sent again.
    Keyed actions (renew) re-send with the item's stored idempotency key, which the provider
    answers from its store instead of acting twice; a provider that keeps no such store would
    act twice, so there those items are held as `unknown` (still `sending` in the journal)
    for the user to check and give up (`journal abandon`).
    """
    with collector.paused():
        return _left_to_do(driver, journal, run_id)


def _left_to_do(driver: Driver, journal: Journal, run_id: str) -> Resumption:
    record = journal.run(run_id)
    action = action_from_journal(record.action, record.params)
    left = journal.items(run_id, ("planned", "sending", "failed"))
    already: list[Outcome] = []
    unknown: list[Outcome] = []
    if action.uses_keys and not driver.supports(Capability.IDEMPOTENCY_KEYS):
        reason = _(
            "no answer came to the request sent for it, and the {driver} provider keeps no "
            "idempotency keys: not sent again, it may have been applied"
        ).format(driver=driver.name)
        unknown = [
            Outcome(domain=item.domain, ok=False, result="unknown", error=reason)
            for item in left
            if item.state == "sending"
        ]
        left = [item for item in left if item.state != "sending"]
    if left and not action.uses_keys:
        spec = targets.TargetSpec(refs=[item.domain for item in left])
        current = {d.name: d for d in targets.resolve(driver, spec)}
        still: list[JournalItem] = []
        for item in left:
            domain = current.get(item.domain)
            if domain is not None and action.plan(domain).skip:
                already.append(
                    Outcome(domain=item.domain, ok=True, result=f"{action.done_text()} (already)")
                )
            else:
                still.append(item)
        by_name = {item.domain: item for item in left}
        journal.record(run_id, [(by_name[o.domain].seq, o) for o in already])
        left = still
    return Resumption(record, action, left, already, unknown)


def resume(
    driver: Driver,
    journal: Journal,
    resumption: Resumption,
    *,
    options: RunOptions,
    on_outcomes: Callable[[list[Outcome]], None],
) -> RunResult:
    journal.reopen(resumption.run.id)
    # A run continues in the mode it started in: in bulk mode the idempotency key belongs to a
    # chunk, and only the same chunk sent again is answered from the provider's store.
    options = RunOptions(
        concurrency=options.concurrency,
        fail_fast=options.fail_fast,
        rate=options.rate,
        use_bulk=resumption.run.mode == "bulk",
    )
    runner = Runner(driver, journal, resumption.run.id, resumption.action, options, on_outcomes)
    settled = [*resumption.already, *resumption.unknown]
    runner.result.outcomes.extend(settled)
    if settled:
        on_outcomes(settled)
    return runner.run(resumption.items)

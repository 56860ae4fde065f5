"""Running a planned bulk action: bounded threads over the driver's one HTTP client.

Threads over one sync httpx.Client were measured several times faster than httpx.AsyncClient
for this workload (reference/performance.md). Every item is journalled `sending` before its
request leaves and `done`/`failed` after; failures do not stop the run unless `fail_fast`.
Authentication and network failures do stop it (every other item would fail the same way): the
items not finished stay in the journal for `--resume`.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from clientarea_cli import allocator, collector
from clientarea_cli.drivers.base import BULK_CHUNK, Capability, Driver
from clientarea_cli.drivers.http import MAX_CONNECTIONS
from clientarea_cli.errors import (
    AuthError,
    ClientAreaError,
    Interrupted,
    NetworkError,
    OutcomeUnknown,
)
from clientarea_cli.i18n import _
from clientarea_cli.models import Outcome
from clientarea_cli.ops.bulk.actions import Action
from clientarea_cli.ops.bulk.journal import Journal, JournalItem

DEFAULT_CONCURRENCY = 16
MAX_CONCURRENCY = MAX_CONNECTIONS
MAX_BULK_CONCURRENCY = 4
"""Bulk requests carry hundreds of items each; a few at once keep the provider's writes flowing."""

FATAL = (AuthError, NetworkError, OutcomeUnknown)
MARK_AHEAD = 32
"""Per-item mode journals items `sending` this many at a time, just before they are queued."""
RECORD_EVERY = 64
"""Outcomes are journalled in batches; an outcome not yet written when the process dies leaves
its item `sending`, which a resume re-checks (or re-sends with the same idempotency key)."""


@dataclass(frozen=True)
class RunOptions:
    concurrency: int = DEFAULT_CONCURRENCY
    fail_fast: bool = False
    rate: float | None = None
    """At most this many requests per second (client-side), or no limit."""
    use_bulk: bool = True
    """Use the provider's bulk endpoint when the driver has one."""


@dataclass
class RunResult:
    run_id: str
    outcomes: list[Outcome] = field(default_factory=list)
    requests: int = 0

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]


def bulk_mode(driver: Driver, options: RunOptions) -> bool:
    """Whether a run sends chunks to the provider's bulk endpoint (else one request per item)."""
    return options.use_bulk and driver.supports(Capability.DOMAINS_BULK)


MIN_RATE = 0.01
"""--rate's floor: one request every 100 s (below it, a run would take days; 1e-300 overflowed)."""
MAX_RATE = 10_000.0


class RateLimiter:
    """Spaces requests at least 1/rate seconds apart across all threads."""

    def __init__(self, rate: float | None, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = 1.0 / rate if rate else 0.0
        self._clock = clock
        self._next = 0.0
        self._lock = threading.Lock()

    def acquire(self) -> None:
        if not self.interval:
            return
        with self._lock:
            now = self._clock()
            slot = max(now, self._next)
            self._next = slot + self.interval
        if slot > now:
            time.sleep(slot - now)


def describe_error(exc: ClientAreaError) -> str:
    """One line: the provider's reason and its field-level details."""
    text = exc.message
    if isinstance(exc.details, dict) and exc.details:
        text += " (" + "; ".join(f"{k}: {v}" for k, v in exc.details.items()) + ")"
    return text


class Runner:
    def __init__(
        self,
        driver: Driver,
        journal: Journal,
        run_id: str,
        action: Action,
        options: RunOptions,
        on_outcomes: Callable[[list[Outcome]], None],
    ) -> None:
        self.driver = driver
        self.journal = journal
        self.action = action
        self.options = options
        self.result = RunResult(run_id)
        self._on_outcomes = on_outcomes
        self._limiter = RateLimiter(options.rate)
        self._stop = threading.Event()
        self._fatal: list[ClientAreaError] = []
        self._lock = threading.Lock()
        self._unrecorded: list[tuple[int, Outcome]] = []

    @property
    def run_id(self) -> str:
        return self.result.run_id

    def bulk_mode(self) -> bool:
        return bulk_mode(self.driver, self.options)

    def run(self, items: list[JournalItem]) -> RunResult:
        """Send every item; return what happened. Raises the first fatal error, or Interrupted."""
        if self.bulk_mode():
            tasks = [self._chunk_task(chunk, key) for chunk, key in self._chunks(items)]
            workers = min(self.options.concurrency, MAX_BULK_CONCURRENCY)
        else:
            tasks = [self._item_task(item) for item in items]
            workers = self.options.concurrency
        marks = {
            start: [item.seq for item in items[start : start + MARK_AHEAD]]
            for start in range(0, len(items), MARK_AHEAD)
        }
        try:
            with collector.paused() if self.bulk_mode() else collector.running():
                self._pool(tasks, workers, None if self.bulk_mode() else marks)
        finally:
            self._flush()
        if self._fatal:
            self.journal.finish(self.run_id, "interrupted")
            raise self._fatal[0]
        finished = "partial" if self.result.failed else "done"
        self.journal.finish(self.run_id, "interrupted" if self._stop.is_set() else finished)
        return self.result

    # -- scheduling ---------------------------------------------------------------------------
    def _pool(
        self,
        tasks: list[Callable[[], None]],
        workers: int,
        marks: dict[int, list[int]] | None,
    ) -> None:
        """Run tasks with at most `workers` at once and few queued (memory stays flat).

        `marks` maps a task index to the items to journal as `sending` before queueing it.
        """
        pending: set[Future[None]] = set()
        queue: Iterator[Callable[[], None]] = iter(tasks)
        allocator.one_arena()  # before the pool's threads exist
        with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="bulk") as pool:
            try:
                for index, task in enumerate(queue):
                    if self._stop.is_set():
                        break
                    if marks and index in marks:
                        self.journal.mark_sending(self.run_id, marks[index])
                    if len(pending) >= 2 * workers:
                        done, pending = wait(pending, return_when=FIRST_COMPLETED)
                        for future in done:
                            future.result()
                    pending.add(pool.submit(task))
                for future in pending:
                    future.result()
            except KeyboardInterrupt:
                self._stop.set()
                pool.shutdown(wait=True, cancel_futures=True)
                self._flush()
                self.journal.finish(self.run_id, "interrupted")
                # cli/bulk.py adds the hint: the command that finishes the run, from the journal.
                raise Interrupted(
                    _("interrupted; the items not finished are kept in the journal")
                ) from None

    def _report(self, outcomes: list[Outcome]) -> None:
        """Hand outcomes to the caller (a chunk's at once: one lock for a thousand)."""
        with self._lock:
            self.result.outcomes.extend(outcomes)
            self._on_outcomes(outcomes)
            if self.options.fail_fast and not all(outcome.ok for outcome in outcomes):
                self._stop.set()

    def _record(self, seq: int, outcome: Outcome) -> None:
        with self._lock:
            self._unrecorded.append((seq, outcome))
            if len(self._unrecorded) < RECORD_EVERY:
                return
            batch, self._unrecorded = self._unrecorded, []
        self.journal.record(self.run_id, batch)

    def _flush(self) -> None:
        with self._lock:
            batch, self._unrecorded = self._unrecorded, []
        if batch:
            self.journal.record(self.run_id, batch)

    def _fail(self, exc: ClientAreaError) -> None:
        with self._lock:
            self._fatal.append(exc)
        self._stop.set()

    # -- one request per item -------------------------------------------------------------------
    def _item_task(self, item: JournalItem) -> Callable[[], None]:
        def task() -> None:
            if self._stop.is_set():
                return
            self._limiter.acquire()
            with self._lock:
                self.result.requests += 1
            try:
                outcome = self.action.apply(self.driver, item.domain, item.key or "")
            except FATAL as exc:
                self._fail(exc)
                return
            except ClientAreaError as exc:
                outcome = Outcome(
                    domain=item.domain, ok=False, result="failed", error=describe_error(exc)
                )
            self._record(item.seq, outcome)
            self._report([outcome])

        return task

    # -- the provider's bulk endpoint -------------------------------------------------------------
    def _chunks(self, items: list[JournalItem]) -> Iterator[tuple[list[JournalItem], str]]:
        """Chunks already sent once (a resumed keyed run) go again as they were; then new ones."""
        resend: dict[str, list[JournalItem]] = {}
        fresh: list[JournalItem] = []
        for item in items:
            if item.state == "sending" and item.chunk_key and self.action.uses_keys:
                resend.setdefault(item.chunk_key, []).append(item)
            else:
                fresh.append(item)
        yield from ((chunk, key) for key, chunk in resend.items())
        for start in range(0, len(fresh), BULK_CHUNK):
            yield fresh[start : start + BULK_CHUNK], str(uuid.uuid4())

    def _chunk_task(self, chunk: list[JournalItem], key: str) -> Callable[[], None]:
        def task() -> None:
            if self._stop.is_set():
                return
            self._limiter.acquire()
            # The chunk's key is journalled only where a resend needs it (a keyed action).
            chunk_key = key if self.action.uses_keys else None
            self.journal.mark_sending(self.run_id, [i.seq for i in chunk], chunk_key)
            with self._lock:
                self.result.requests += 1
            body = [self.action.bulk_item(item.domain) for item in chunk]
            try:
                results = self.driver.bulk_domains(
                    self.action.endpoint, body, idempotency_key=key, with_data=self.action.bulk_data
                )
            except FATAL as exc:
                self._fail(exc)
                return
            except ClientAreaError as exc:
                reason = describe_error(exc)
                outcomes = [
                    Outcome(domain=i.domain, ok=False, result="failed", error=reason) for i in chunk
                ]
                if self.action.uses_keys:
                    # The chunk's key is its only safe identity: its items stay `sending`, so a
                    # resume sends this same chunk under this same key, never a new one.
                    self._report(outcomes)
                    return
            else:
                outcomes = [
                    self.action.outcome(item.domain, result)
                    for item, result in zip(chunk, results, strict=True)
                ]
            self.journal.record(
                self.run_id, [(i.seq, o) for i, o in zip(chunk, outcomes, strict=True)]
            )
            self._report(outcomes)

        return task

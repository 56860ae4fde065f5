"""The benchmark harness: paired runs (A, B, A, B, …), one ratio per case, every case run.

A benchmark module is any ``benchmarks/bench_*.py`` with a generator ``cases(bench)`` that
yields ``Case`` (two commands compared by wall or CPU time, ratio A ÷ B against a goal) or
``Check`` (one value measured by the module itself, against a goal). The generator may hold a
served sandbox open around its ``yield``s: the harness measures each case as it is yielded.

    def cases(bench: Bench) -> Iterator[Case | Check]:
        with bench.sandbox(domains=10_000) as env:
            yield Case("table vs json", bench.cli("domains", "list", "--all"),
                       bench.cli("domains", "list", "--all", "-o", "json"), env=env, goal=1.5)

A and B alternate run by run, so drift on a shared machine (other processes, CPU frequency)
hits both sides alike; medians are compared. A missed goal does not stop the run: every case is
measured, and the exit status is 1 at the end if any goal was missed.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

TODAY = date(2026, 11, 22)


@dataclass
class Run:
    """One process to time. ``before`` runs untimed before every run (e.g. restore a database).

    ``tty``: stdout is a pseudo-terminal (drained and thrown away), so the command lays out for a
    terminal of ``COLUMNS`` columns; otherwise stdout is /dev/null.
    """

    argv: list[str]
    env: dict[str, str] | None = None
    before: Callable[[], None] | None = None
    tty: bool = False


@dataclass
class Case:
    name: str
    a: Run
    b: Run
    goal: float
    metric: str = "wall"  # "wall" or "cpu" (user + system time of the child)
    runs: int = 15
    warmup: int = 2
    env: dict[str, str] = field(default_factory=dict)  # added to both runs' environment


@dataclass
class Check:
    name: str
    value: float
    goal: float
    unit: str = ""


@dataclass
class Result:
    name: str
    value: float
    goal: float
    detail: str

    @property
    def ok(self) -> bool:
        return self.value <= self.goal


def time_run(run: Run, env: dict[str, str]) -> tuple[float, float, float]:
    """Wall and CPU seconds and peak RSS (MB) of one run; exits the benchmark if it fails."""
    if run.before is not None:
        run.before()
    with _stdout(run.tty) as stdout:
        started = time.perf_counter()
        try:
            child = subprocess.Popen(
                run.argv,
                env={**env, **(run.env or {})},
                stdout=stdout,
                stderr=subprocess.PIPE,
                stdin=subprocess.DEVNULL,
            )
        finally:
            if run.tty:
                os.close(stdout)  # the child holds the terminal now; its exit ends the drain
        assert child.stderr is not None
        stderr = child.stderr.read()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(run.argv)} failed ({code}): {stderr.decode()[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


@contextlib.contextmanager
def _stdout(tty: bool) -> Iterator[int]:
    """/dev/null, or the far end of a pseudo-terminal whose output a thread reads and drops."""
    if not tty:
        yield subprocess.DEVNULL
        return
    import pty
    import threading

    master, terminal = pty.openpty()

    def drain() -> None:
        with contextlib.suppress(OSError):  # EIO once the child has closed the terminal
            while os.read(master, 1 << 16):
                pass

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        yield terminal
    finally:
        reader.join()
        os.close(master)


def measure(case: Case, base_env: dict[str, str]) -> Result:
    env = {**base_env, **case.env}
    index = 1 if case.metric == "cpu" else 0
    a: list[float] = []
    b: list[float] = []
    for i in range(case.warmup + case.runs):
        value_a = time_run(case.a, env)[index]
        value_b = time_run(case.b, env)[index]
        if i >= case.warmup:
            a.append(value_a)
            b.append(value_b)
    median_a, median_b = statistics.median(a), statistics.median(b)
    what = "CPU" if case.metric == "cpu" else "wall"
    detail = (
        f"{what} {_ms(median_a)} vs {_ms(median_b)} (medians of {case.runs} pairs, "
        f"pair ratios {min(x / y for x, y in zip(a, b, strict=True)):.2f}"
        f"–{max(x / y for x, y in zip(a, b, strict=True)):.2f})"
    )
    return Result(case.name, median_a / median_b, case.goal, detail)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


class Bench:
    """What benchmark modules get: paths, a work folder, and served sandboxes."""

    def __init__(self, work: Path, runs: int | None) -> None:
        self.work = work
        self.runs = runs
        self.python = sys.executable
        self.clientarea = str(Path(sys.executable).parent / "clientarea")
        # An installed program runs from bytecode compiled at install time. A checkout run with
        # PYTHONDONTWRITEBYTECODE would compile the CLI's ~300 modules on every run (~0.1 s of
        # CPU) but not the baselines' (httpx, typer: compiled in site-packages), so every run
        # here keeps its bytecode in the work folder; the first (warm-up or recording) writes it.
        self.env = {
            **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "PYTHONPYCACHEPREFIX": str(work / "pycache"),
            "HOME": str(work / "home"),
            "XDG_STATE_HOME": str(work / "state"),
            "XDG_CACHE_HOME": str(work / "cache"),
            "COLUMNS": "100",
        }
        (work / "home").mkdir(exist_ok=True)

    def cli(self, *args: str, before: Callable[[], None] | None = None) -> Run:
        return Run([self.clientarea, *args], before=before)

    def script(self, path: Path, *args: str, before: Callable[[], None] | None = None) -> Run:
        return Run([self.python, str(path), *args], before=before)

    @contextlib.contextmanager
    def sandbox(
        self, domains: int = 0, delay_ms: int = 0, name: str = "sandbox"
    ) -> Iterator[Sandbox]:
        """A served sandbox (seeded, ``domains`` domains in all) and the env that points at it."""
        from clientarea_cli.sandbox import DEMO_API_KEY, SandboxApp, reset_database
        from clientarea_cli.sandbox.server import serve

        template = self.work / f"{name}-{domains}.template.db"
        if not template.exists():
            reset_database(template, TODAY, extra_domains=max(domains - 44, 0))
        db = self.work / f"{name}-{domains}.db"
        sandbox = Sandbox(template, db, delay_ms, self.work / f"{name}-{domains}.toml")
        sandbox.restore()
        app = SandboxApp(str(db), delay_ms=delay_ms)
        server = serve(app)
        sandbox.app, sandbox.url = app, server.url
        sandbox.config.write_text(
            f'current_profile = "bench"\n[profiles.bench]\nurl = "{server.url}"\n'
            'driver = "clientarea"\ntoken_store = "keyring"\n'
        )
        # CI-style credentials: no keyring lookup on the measured path.
        sandbox.env = {"CLIENTAREA_CONFIG": str(sandbox.config), "CLIENTAREA_TOKEN": DEMO_API_KEY}
        try:
            yield sandbox
        finally:
            server.shutdown()


@dataclass
class Sandbox:
    template: Path
    db: Path
    delay_ms: int
    config: Path
    app: Any = None
    url: str = ""
    env: dict[str, str] = field(default_factory=dict)

    def restore(self) -> None:
        """Put the database back as seeded (between runs that change it).

        Through SQLite's backup API, so the served app's open connections stay valid.
        """
        import sqlite3

        source = sqlite3.connect(self.template)
        target = sqlite3.connect(self.db)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()


def run_all(modules: list[Callable[[Bench], Iterator[Case | Check]]], bench: Bench) -> int:
    results: list[Result] = []
    for cases in modules:
        for item in cases(bench):
            if isinstance(item, Check):
                result = Result(item.name, item.value, item.goal, f"{item.value:g} {item.unit}")
            else:
                if bench.runs is not None:
                    item.runs = bench.runs
                result = measure(item, bench.env)
            results.append(result)
            _print(result)
            sys.stdout.flush()
    print("\nSummary")
    for result in results:
        _print(result)
    missed = [r for r in results if not r.ok]
    print(f"\n{len(results) - len(missed)} of {len(results)} within goal")
    return 1 if missed else 0


def _print(result: Result) -> None:
    verdict = "ok" if result.ok else "MISSED"
    print(
        f"{result.name:<62} {result.value:6.2f}  (goal <= {result.goal:g})  {verdict:<6} "
        f"{result.detail}"
    )

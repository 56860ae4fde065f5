"""Bulk benchmark: `domains recur --all` over 1,000 and 10,000 domains, against ideal and sequential.

A served sandbox on 127.0.0.1 answers every request after a fixed delay (20 ms by default),
standing in for a provider's latency. For each portfolio size it runs the real CLI as a
subprocess and reports:

- per-item mode at --concurrency 16: wall time ÷ ideal, where ideal = requests × delay ÷ 16
  (target ≤ 1.5 ×), and ÷ a sequential run (--concurrency 1; measured on the smallest size and
  scaled by request count, since 10,000 sequential requests take minutes);
- bulk-endpoint mode: the number of requests (target ≤ 25 for 10,000 domains) and wall time;
- peak RSS of the CLI process (target ≤ 150 MB for 10,000 domains).

Requests are counted on the server (its request log), so they include the listing pages, the
provider's date and the payment methods the command reads before it plans.

Usage: python benchmarks/bulk.py [--sizes 1000,10000] [--delay-ms 20]   (exit 1 on a missed target)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

TODAY = date(2026, 11, 22)
CONCURRENCY = 16


@dataclass
class Measured:
    seconds: float
    requests: int
    peak_rss_mb: float
    exit_code: int


def run_cli(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MB) and exit code of one CLI process."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    stderr = child.stderr.read().decode() if child.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({code}): {stderr[-500:]}")
    return elapsed, usage.ru_maxrss / 1024, code


def measure(size: int, extra_args: list[str], delay_ms: int, work: Path) -> Measured:
    from clientarea_cli.sandbox import DEMO_API_KEY, SandboxApp, reset_database
    from clientarea_cli.sandbox.server import serve

    db = work / f"bench-{size}.db"
    if db.exists():
        db.unlink()
    reset_database(db, TODAY, extra_domains=size - 44 if size > 44 else 0)
    app = SandboxApp(str(db), delay_ms=delay_ms)
    server = serve(app)
    config = work / "config.toml"
    config.write_text(
        f'current_profile = "bench"\n[profiles.bench]\nurl = "{server.url}"\n'
        'driver = "clientarea"\ntoken_store = "keyring"\n'
    )
    env = {
        **os.environ,
        "HOME": str(work),
        "XDG_STATE_HOME": str(work / "state"),
        "CLIENTAREA_CONFIG": str(config),
        "CLIENTAREA_TOKEN": DEMO_API_KEY,
    }
    clientarea = str(Path(sys.executable).parent / "clientarea")
    argv = [clientarea, "domains", "recur", "--all", "--method", "21", "--yes", *extra_args]
    try:
        seconds, rss, code = run_cli(argv, env)
        requests = int(app.request_log.snapshot()["total"])  # type: ignore[call-overload]
    finally:
        server.shutdown()
    return Measured(seconds, requests, rss, code)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--delay-ms", type=int, default=20)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    delay = args.delay_ms / 1000
    checks: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sequential = measure(sizes[0], ["--per-item", "--concurrency", "1"], args.delay_ms, work)
        seq_per_request = sequential.seconds / sequential.requests
        print(
            f"sequential, {sizes[0]} domains: {sequential.seconds:6.2f} s for "
            f"{sequential.requests} requests ({1000 * seq_per_request:.1f} ms each)"
        )
        for size in sizes:
            per_item = measure(
                size, ["--per-item", "--concurrency", str(CONCURRENCY)], args.delay_ms, work
            )
            ideal = per_item.requests * delay / CONCURRENCY
            seq_estimate = per_item.requests * seq_per_request
            bulk = measure(size, [], args.delay_ms, work)
            print(f"\n{size} domains")
            print(
                f"  per-item, concurrency {CONCURRENCY}: {per_item.seconds:6.2f} s, "
                f"{per_item.requests} requests, peak RSS {per_item.peak_rss_mb:.0f} MB"
            )
            print(
                f"    {per_item.seconds / ideal:5.2f} x ideal ({ideal:.2f} s), "
                f"{per_item.seconds / seq_estimate:5.3f} x sequential (~{seq_estimate:.1f} s)"
            )
            print(
                f"  bulk endpoint: {bulk.seconds:6.2f} s, {bulk.requests} requests, "
                f"peak RSS {bulk.peak_rss_mb:.0f} MB"
            )
            checks.append((f"per-item {size}: wall / ideal", per_item.seconds / ideal, 1.5))
            if size >= 10_000:
                checks.append((f"bulk {size}: requests", bulk.requests, 25))
                checks.append((f"per-item {size}: peak RSS MB", per_item.peak_rss_mb, 150))
                checks.append((f"bulk {size}: peak RSS MB", bulk.peak_rss_mb, 150))
    print()
    ok = True
    for label, value, target in checks:
        verdict = "ok" if value <= target else "MISSED"
        ok = ok and value <= target
        print(f"{label:<36} {value:8.2f}   (target <= {target:g})  {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

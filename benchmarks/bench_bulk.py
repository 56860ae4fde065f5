"""Bulk: `domains recur --all` against a plain httpx script sending the same requests.

The sandbox is served on 127.0.0.1 and answers every request after 20 ms (a provider's latency).
The CLI runs once untimed while the benchmark records every request it sends (method, path,
query, body, Idempotency-Key); the baseline script replays exactly those requests with one
`httpx.Client`, parsing each JSON answer, and nothing else. The database is restored to its
seeded state before every run, so each run makes the same changes. Goals (issue 12 item 4):
- bulk endpoint, 10,000 domains: CLI CPU time ≤ 1.5 × the script's (sending the same ~22
  requests in order);
- per item, --concurrency 16, 2,000 domains: CLI wall time ≤ 1.15 × the script's (its reads in
  order, then the per-domain requests from a pool of 16 threads). Per item, both sides wait
  on the provider's latency (2,000 × 20 ms over 16 threads: 2.5 s a run, where 10,000 took
  12.5 s and made the benchmark take minutes); the CLI's fixed start-up weighs 5 times more
  against 2,000 than against 10,000, so the ratio is no easier;
- at most 25 requests for the bulk endpoint, peak RSS ≤ 150 MB either way.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from harness import Bench, Case, Check, Run, Sandbox, time_run

SIZE = 10_000
PER_ITEM_SIZE = 2_000
DELAY_MS = 20
CONCURRENCY = 16

REPLAY = """
import json, os, sys
from concurrent.futures import ThreadPoolExecutor
import httpx

base, recorded, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(recorded) as handle:
    requests = json.load(handle)
client = httpx.Client(
    base_url=base,
    headers={"Authorization": "Bearer " + os.environ["CLIENTAREA_TOKEN"]},
    limits=httpx.Limits(max_connections=threads, max_keepalive_connections=threads),
)


def send(request):
    response = client.request(
        request["method"], request["path"], params=request["query"],
        content=request["body"].encode() or None, headers=request["headers"],
    )
    response.raise_for_status()
    return response.json()


reads = 0
while reads < len(requests) and requests[reads]["method"] == "GET":
    send(requests[reads])
    reads += 1
if threads == 1:
    for request in requests[reads:]:
        send(request)
else:
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(send, requests[reads:]))
client.close()
"""

KEPT_HEADERS = ("content-type", "idempotency-key")


def record(sandbox: Sandbox, run: Run, env: dict[str, str], out: Path) -> tuple[int, float]:
    """Run the CLI once, write the requests it sent to ``out``; (request count, peak RSS MB)."""
    app = sandbox.app
    seen: list[dict[str, Any]] = []
    handle: Callable[[Any], Any] = app.handle

    def recording(request: Any) -> Any:
        seen.append(
            {
                "method": request.method,
                "path": request.path,
                "query": request.query,
                "body": request.body.decode(),
                "headers": {k: v for k, v in request.headers.items() if k in KEPT_HEADERS},
            }
        )
        return handle(request)

    sandbox.restore()
    app.handle = recording
    try:
        _, _, rss = time_run(run, env)
    finally:
        del app.handle
    out.write_text(json.dumps(seen))
    return len(seen), rss


def cases(bench: Bench) -> Iterator[Case | Check]:
    replay = bench.work / "replay.py"
    replay.write_text(REPLAY)
    recur = ["domains", "recur", "--all", "--method", "21", "--yes"]
    # label, domains, extra arguments, replay threads, metric, goal, pairs
    modes: tuple[tuple[str, int, list[str], int, str, float, int], ...] = (
        # CPU time on a shared machine: single pairs range over a factor of 1.8, so 7 of them
        ("bulk endpoint", SIZE, [], 1, "cpu", 1.5, 7),
        (
            f"per item, concurrency {CONCURRENCY}",
            PER_ITEM_SIZE,
            ["--per-item", "--concurrency", str(CONCURRENCY)],
            CONCURRENCY,
            "wall",
            1.15,
            5,  # each pair waits 5 s on the provider's latency
        ),
    )
    for label, size, extra, threads, metric, goal, runs in modes:
        with bench.sandbox(domains=size, delay_ms=DELAY_MS) as sandbox:
            env = {**bench.env, **sandbox.env}
            cli = bench.cli(*recur, *extra, before=sandbox.restore)
            recorded = bench.work / f"requests-{threads}.json"
            count, rss = record(sandbox, cli, env, recorded)
            if threads == 1:
                yield Check(f"{size} domains, {label}: requests", count, 25)
            yield Check(f"{size} domains, {label}: peak RSS MB", round(rss), 150, "MB")
            script = bench.script(replay, sandbox.url, str(recorded), str(threads))
            script.before = sandbox.restore
            yield Case(
                f"{size} domains, {label}: {metric} vs httpx script",
                cli,
                script,
                goal=goal,
                metric=metric,
                runs=runs,
                # One pair unmeasured: the first replay would compile httpx (and rich, click…)
                # into the fresh bytecode cache, where the CLI's recording run already has.
                warmup=1,
                env=sandbox.env,
            )

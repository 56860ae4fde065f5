"""Start-up benchmark: clientarea against the floor of any Typer CLI, in the same run.

Measures the median wall time of
  1. `clientarea --help`,
  2. a Tab-completion request (`clientarea dom<TAB>`),
  3. `clientarea domains list -o json` against a served sandbox on 127.0.0.1,
next to `--help` and a completion request of a one-command Typer app run by the same Python in
the same environment, and prints the ratios with the targets of issue 2:
  help ≤ 1.25 × floor, completion ≤ 1.25 × floor, domains list ≤ 2 × `clientarea domains
  --help` (the app's full start-up: Typer and the domains module; the root `--help` itself is
  pre-rendered and skips Typer, see cli/help_render.py).

Usage: python benchmarks/startup.py [--runs N]    (exit status 1 when a target is missed)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

FLOOR_APP = '''
import typer

app = typer.Typer()


@app.command()
def main(name: str = "world") -> None:
    """Say hello."""
    typer.echo(f"hello {name}")


if __name__ == "__main__":
    app(prog_name="floor")
'''


def median_ms(argv: list[str], env: dict[str, str], runs: int, warmup: int = 3) -> float:
    samples = []
    for i in range(warmup + runs):
        started = time.perf_counter()
        done = subprocess.run(argv, env=env, capture_output=True, check=False)
        elapsed = (time.perf_counter() - started) * 1000
        if done.returncode != 0:
            raise SystemExit(f"{argv} failed ({done.returncode}): {done.stderr.decode()[:300]}")
        if i >= warmup:
            samples.append(elapsed)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    from clientarea_cli.sandbox import DEMO_API_KEY, SandboxApp, reset_database
    from clientarea_cli.sandbox.server import serve

    bindir = Path(sys.executable).parent
    clientarea = str(bindir / "clientarea")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        floor = work / "floor.py"
        floor.write_text(FLOOR_APP)
        db = work / "sandbox.db"
        reset_database(db, date(2026, 11, 22))
        server = serve(SandboxApp(str(db)))
        config = work / "config.toml"
        config.write_text(
            f'current_profile = "bench"\n[profiles.bench]\nurl = "{server.url}"\n'
            'driver = "clientarea"\ntoken_store = "keyring"\n'
        )
        base = {
            **os.environ,
            "HOME": str(work),
            "COLUMNS": "100",
            "CLIENTAREA_CONFIG": str(config),
            # CI-style credentials: no keyring lookup on the measured path.
            "CLIENTAREA_TOKEN": DEMO_API_KEY,
        }
        complete_ours = {
            **base,
            "_CLIENTAREA_COMPLETE": "complete_bash",
            "COMP_WORDS": "clientarea dom",
            "COMP_CWORD": "1",
        }
        complete_floor = {
            **base,
            "_FLOOR_COMPLETE": "complete_bash",
            "COMP_WORDS": "floor --na",
            "COMP_CWORD": "1",
        }
        try:
            results = {
                "floor --help": median_ms([sys.executable, str(floor), "--help"], base, args.runs),
                "floor completion": median_ms(
                    [sys.executable, str(floor)], complete_floor, args.runs
                ),
                "clientarea --help": median_ms([clientarea, "--help"], base, args.runs),
                "clientarea completion": median_ms([clientarea], complete_ours, args.runs),
                "clientarea domains --help": median_ms(
                    [clientarea, "domains", "--help"], base, args.runs
                ),
                "clientarea domains list -o json": median_ms(
                    [clientarea, "domains", "list", "--all", "-o", "json"], base, args.runs
                ),
            }
        finally:
            server.shutdown()

    for name, value in results.items():
        print(f"{name:<34} {value:7.1f} ms (median of {args.runs})")
    checks = [
        (
            "--help vs one-command Typer app",
            results["clientarea --help"] / results["floor --help"],
            1.25,
        ),
        (
            "completion vs one-command Typer app",
            results["clientarea completion"] / results["floor completion"],
            1.25,
        ),
        (
            "domains list -o json vs domains --help",
            results["clientarea domains list -o json"] / results["clientarea domains --help"],
            2.0,
        ),
    ]
    print()
    ok = True
    for label, ratio, target in checks:
        verdict = "ok" if ratio <= target else "MISSED"
        ok = ok and ratio <= target
        print(f"{label:<42} {ratio:5.2f} x   (target <= {target:.2f} x)  {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Run every benchmark (`make bench`): each ``benchmarks/bench_*.py``, every case, paired runs.

Usage: python benchmarks/run.py [--runs N] [--only SUBSTRING]    (exit 1 when a goal is missed)
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import Bench, run_all  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, help="pairs per case (default: each case's own)")
    parser.add_argument("--only", help="run only the benchmark files whose name contains this")
    args = parser.parse_args()
    modules = []
    for path in sorted(HERE.glob("bench_*.py")):
        if args.only and args.only not in path.stem:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules.append(module.cases)
    with tempfile.TemporaryDirectory(prefix="clientarea-bench-") as tmp:
        return run_all(modules, Bench(Path(tmp), args.runs))


if __name__ == "__main__":
    sys.exit(main())

"""Run the real CLI entry point in-process, capturing stdout, stderr and the exit code."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


class _Stream(io.StringIO):
    def __init__(self, tty: bool = False, initial: str = "") -> None:
        super().__init__(initial)
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def run_cli(*args: str, stdin: str = "", tty: bool = False) -> Result:
    from clientarea_cli.cli.app import app
    from clientarea_cli.cli.errors import run

    saved = sys.stdin, sys.stdout, sys.stderr
    out, err = _Stream(tty), _Stream(tty)
    sys.stdin, sys.stdout, sys.stderr = _Stream(tty, stdin), out, err
    try:
        run(app, list(args))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    else:  # pragma: no cover - run() always exits
        code = 0
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return Result(code, out.getvalue(), err.getvalue())

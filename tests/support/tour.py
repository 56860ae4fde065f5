"""Running README's shell blocks as a user would, on a terminal that answers the prompts.

A block right after `<!-- tour: skip … -->` is not run (it builds, serves forever, or needs a
real provider). A line whose comment says `(exit N)` is expected to end with N, any other with 0.
A line `NAME=$(…)` sets NAME for the lines after it, as in one shell session.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import subprocess
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BLOCK = re.compile(r"(<!-- tour: skip[^>]*-->\s*\n)?```sh\n(.*?)```", re.S)
EXPECTED = re.compile(r"#.*\(exit (\d+)\b")
ASSIGN = re.compile(r"^([A-Z][A-Z0-9_]*)=(\$\(.*\))\s*(#.*)?$")
DEMO_PASSWORD = "sandbox-demo"
NEW_PASSWORD = "Otra-Clave-2026!"

Answer = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]
ANSWERS: list[Answer] = [
    (re.compile(r"\[y/N\]: ?$"), lambda m: "y"),
    (re.compile(r"Type (\d+) to [^\n]*: ?$"), lambda m: m.group(1)),
    (re.compile(r"Card number: ?$"), lambda m: "4000 0566 5566 5556"),
    (re.compile(r"Expiry \(MM/YY\): ?$"), lambda m: "12/29"),
    (re.compile(r"CVC: ?$"), lambda m: "123"),
    (re.compile(r"Current password: ?$"), lambda m: DEMO_PASSWORD),
    (re.compile(r"(New password|Repeat for confirmation): ?$"), lambda m: NEW_PASSWORD),
]


@dataclass(frozen=True)
class Line:
    text: str
    expected: int
    block: int


def tour_lines(readme: str) -> list[Line]:
    """Every command of the blocks not marked skip, in order (continuations joined)."""
    lines: list[Line] = []
    for number, match in enumerate(BLOCK.finditer(readme), start=1):
        if match.group(1):
            continue
        text = match.group(2).replace("\\\n", " ")
        for raw in text.splitlines():
            if raw.strip() and not raw.lstrip().startswith("#"):
                found = EXPECTED.search(raw)
                lines.append(Line(raw.strip(), int(found.group(1)) if found else 0, number))
    return lines


def assigned(line: str, env: dict[str, str], cwd: Path) -> tuple[str, str] | None:
    """For `NAME=$(…)`: NAME and its value, computed as the shell would."""
    match = ASSIGN.match(line)
    if match is None:
        return None
    done = subprocess.run(
        ["bash", "-c", f'{match.group(1)}={match.group(2)}; printf %s "${match.group(1)}"'],
        env=env, cwd=cwd, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    return match.group(1), done.stdout


def _readable(fd: int, timeout: float) -> bool:
    """poll, not select: a long test session may have file descriptors above 1024."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return bool(poller.poll(timeout * 1000))


def _quiet(master: int, pause: float = 0.3) -> str:
    """What the program writes until it has been silent for `pause` seconds."""
    seen = []
    while _readable(master, pause):
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen.append(chunk.decode(errors="replace"))
    return "".join(seen)


def _own_terminal() -> None:
    """In the child: a new session whose controlling terminal is the pty (getpass reads it)."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def run_on_a_terminal(
    line: str, env: dict[str, str], cwd: Path, timeout: float = 120
) -> tuple[int, str]:
    """Run one line with `bash -c` on a pseudo-terminal, answering the prompts in ANSWERS."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        ["bash", "-c", line], stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd,
        preexec_fn=_own_terminal,  # noqa: PLW1509 - no threads start in between
    )  # fmt: skip
    os.close(slave)
    out, pending = [], ""
    deadline = time.monotonic() + timeout
    try:
        while True:
            if time.monotonic() > deadline:
                proc.kill()
                raise TimeoutError(f"{line!r} did not finish in {timeout} s:\n{''.join(out)}")
            if not _readable(master, 0.2):
                if proc.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 4096).decode(errors="replace")
            except OSError:  # the other side closed
                break
            if not chunk:
                break
            out.append(chunk)
            pending += chunk
            for pattern, answer in ANSWERS:
                found = pattern.search(pending)
                if found:
                    # A hidden prompt turns echo off (and drops typed input) just after it is
                    # shown: answer once the program is quiet, as a person would.
                    out.append(_quiet(master))
                    os.write(master, (answer(found) + "\n").encode())
                    pending = ""
                    break
    finally:
        os.close(master)
    return proc.wait(timeout=30), "".join(out)

"""README's tour runs as written on a fresh demo account: every command of its shell blocks,
read from README.md at test time, in order, in a temporary HOME, on a terminal that answers the
prompts the way the README says a user would. Exit 0, or the `(exit N)` the line's comment
promises; blocks after `<!-- tour: skip … -->` are not run."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from tests.support.tour import assigned, run_on_a_terminal, tour_lines

ROOT = Path(__file__).resolve().parents[2]
LINK = re.compile(r"\]\(([^)]+)\)")


@pytest.mark.timeout(1200)
def test_every_readme_command_runs_as_written(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {
        "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        "NO_COLOR": "1",
        "COLUMNS": "100",
        "LANG": "C.UTF-8",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    lines = tour_lines((ROOT / "README.md").read_text(encoding="utf-8"))
    assert lines[0].text.startswith("clientarea demo"), "the tour starts on a fresh demo account"
    failures = []
    for line in lines:
        value = assigned(line.text, env, home)
        if value is not None:
            env[value[0]] = value[1]
            if not value[1]:
                failures.append(f"{line.text}\n    set {value[0]} to nothing")
            continue
        code, output = run_on_a_terminal(line.text, env, home)
        if code != line.expected or "Traceback" in output:
            tail = "\n    ".join(output.strip().splitlines()[-4:])
            failures.append(f"{line.text}\n    exit {code}, expected {line.expected}:\n    {tail}")
    assert failures == [], "\n".join(failures)


def test_readme_links_stay_inside_the_repository() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    outside = [t for t in LINK.findall(readme) if "://" in t or t.startswith("..")]
    mentioned = re.findall(r"`(\.\./[^`]+)`", readme)
    assert outside + mentioned == []
    for target in LINK.findall(readme):
        assert (ROOT / target.split("#")[0]).exists(), target

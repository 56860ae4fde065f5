"""README's completion install lines, run as written in a fresh home, then a real Tab in bash."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clientarea_cli.cli.commands.completion import script

ROOT = Path(__file__).resolve().parents[2]
SHELL_NAME = re.compile(r"^# (bash|zsh|fish)\b")


def readme_lines() -> dict[str, list[str]]:
    """The commands of README's install block, by the shell its comment names."""
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## Shell completion") :]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    lines: dict[str, list[str]] = {}
    shell = None
    for line in block.group(1).splitlines():
        named = SHELL_NAME.match(line)
        if named:
            shell = named.group(1)
        elif line.strip() and not line.startswith("#"):
            assert shell is not None, f"a line before any '# <shell>' comment: {line}"
            lines.setdefault(shell, []).append(line)
    return lines


@pytest.fixture
def fresh_home(isolated: Path) -> dict[str, str]:
    """A home with nothing in it (tests/conftest.py made it), and `clientarea` on PATH."""
    home = isolated
    assert list(home.iterdir()) == []
    bin_dir = Path(sys.executable).parent
    assert (bin_dir / "clientarea").exists()
    return {
        "HOME": str(home),
        "PATH": f"{bin_dir}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        "LANG": "C.UTF-8",
    }


def run_in(shell: str, lines: list[str], env: dict[str, str]) -> None:
    """Each line as the user types it, in `shell` (or POSIX sh when that shell is absent)."""
    program = shutil.which(shell) or "sh"
    for line in lines:
        done = subprocess.run(
            [program, "-c", line], env=env, capture_output=True, text=True, timeout=60, check=False
        )
        assert (done.returncode, done.stderr) == (0, ""), (shell, line, done.stderr)


def test_readme_names_one_block_per_shell() -> None:
    lines = readme_lines()
    assert sorted(lines) == ["bash", "fish", "zsh"]
    for shell, commands in lines.items():
        assert any(f"clientarea completion {shell} > " in c for c in commands), shell


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_readme_lines_write_the_script(shell: str, fresh_home: dict[str, str]) -> None:
    lines = readme_lines()[shell]
    run_in(shell, lines, fresh_home)
    target = lines[-1].rpartition(">")[2].strip().replace("~", fresh_home["HOME"], 1)
    assert Path(target).read_text() == script(shell) + "\n"
    home = Path(fresh_home["HOME"])
    rc_files = [".bashrc", ".zshrc", ".profile", ".bash_profile", ".config/fish/config.fish"]
    assert [name for name in rc_files if (home / name).exists()] == []


BASH_TAB = """
source "$1"
complete -p clientarea
COMP_WORDS=(clientarea domains list --status "")
COMP_CWORD=4
_clientarea_completion clientarea
printf '%s\\n' "${COMPREPLY[@]}"
"""


def test_bash_completes_a_value_with_the_installed_script(fresh_home: dict[str, str]) -> None:
    """bash-completion would source the file on the first Tab; here bash sources it and presses
    Tab after `clientarea domains list --status ` through the function the script registers."""
    lines = readme_lines()["bash"]
    run_in("bash", lines, fresh_home)
    target = lines[-1].rpartition(">")[2].strip().replace("~", fresh_home["HOME"], 1)
    done = subprocess.run(
        ["bash", "-c", BASH_TAB, "tab", target],
        env=fresh_home,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stderr == ""
    assert done.stdout.splitlines() == [
        "complete -o default -F _clientarea_completion clientarea",
        *[
            "active",
            "pending",
            "expired",
            "grace",
            "redemption",
            "suspended",
            "cancelled",
            "transferred-away",
        ],
    ]


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_the_shell_itself_loads_the_script(shell: str, fresh_home: dict[str, str]) -> None:
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed here (the lines above ran in sh instead)")
    lines = readme_lines()[shell]
    run_in(shell, lines, fresh_home)
    target = lines[-1].rpartition(">")[2].strip().replace("~", fresh_home["HOME"], 1)
    check = (
        f"source {target}"
        if shell == "fish"
        else f"autoload -Uz compinit; compinit -u; source {target}"
    )
    done = subprocess.run(
        [shell, "-c", check],
        env=fresh_home,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")

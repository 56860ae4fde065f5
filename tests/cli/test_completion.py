"""Shell completion as a user meets it: what each group's help offers, what a Tab press prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from clientarea_cli.cli.app import SUBCOMMANDS
from tests.conftest import CLI


@pytest.mark.parametrize("group", sorted(SUBCOMMANDS))
def test_no_group_offers_to_install_completion(cli: CLI, group: str, isolated: Path) -> None:
    """`clientarea completion SHELL` prints the script; nothing edits a shell's rc file."""
    result = cli(group, "--help")
    assert result.exit_code == 0
    assert "--install-completion" not in result.stdout
    assert "--show-completion" not in result.stdout
    for flag in ("--install-completion", "--show-completion"):
        refused = cli(group, flag)
        assert refused.exit_code == 2, (group, flag, refused.stdout)
        assert refused.stderr.startswith(f"error: No such option: {flag}"), refused.stderr
    assert sorted(p.name for p in isolated.iterdir()) == []


def test_root_help_offers_the_completion_command_only(cli: CLI) -> None:
    result = cli("--help")
    assert "--install-completion" not in result.stdout
    assert "│ completion       Print the shell completion script.  " in result.stdout

"""The profile a Tab press completes ids for: the config's current_profile, read without tomllib
when the file says it plainly, and exactly as tomllib reads it otherwise."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from clientarea_cli.cli.values import current_profile

CONFIGS = [
    'current_profile = "demo"\n\n[profiles.demo]\nurl = "sandbox:"\n',
    'current_profile = "acme-2.es"\n',
    'current_profile = "demo" # a comment\n',
    '"current_profile" = "quoted"\n',
    'current_profile = "with \\"escape\\""\n',
    "current_profile = 'literal'\n",
    '[profiles.demo]\ncurrent_profile = "not-top-level"\n',
    'current_profile = ""\n',
    'lang = "es"\n',
    "current_profile = \n",  # broken TOML: nothing
    "",
]


@pytest.mark.parametrize("text", CONFIGS)
def test_current_profile_reads_as_tomllib_does(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(text, encoding="utf-8")
    monkeypatch.setenv("CLIENTAREA_CONFIG", str(config))
    try:
        expected = tomllib.loads(text).get("current_profile")
    except tomllib.TOMLDecodeError:
        expected = None
    assert current_profile() == expected


def test_a_missing_config_has_no_current_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLIENTAREA_CONFIG", str(tmp_path / "absent.toml"))
    assert current_profile() is None


def test_a_plain_current_profile_is_read_without_importing_tomllib(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('current_profile = "demo"\n\n[profiles.demo]\nurl = "x"\n', encoding="utf-8")
    code = (
        "import sys; from clientarea_cli.cli.values import current_profile; "
        "print(current_profile(), 'tomllib' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"CLIENTAREA_CONFIG": str(config), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == "demo False\n"

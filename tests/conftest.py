"""Isolation for every test: temp config/data/state dirs, no colour, an in-memory keyring."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import keyring
import pytest
from hypothesis import HealthCheck, settings

from clientarea_cli.i18n import set_language
from tests.support.keyrings import MemoryKeyring
from tests.support.runner import Result, run_cli

if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    # Run as a background job (`nohup … &`, some CI runners), the suite starts with Ctrl-C
    # ignored, and every CLI it starts would inherit that: the tests that press Ctrl-C would see
    # the command finish instead. A handler, unlike "ignored", is reset to the default at exec.
    signal.signal(signal.SIGINT, signal.default_int_handler)

TODAY = date(2026, 11, 22)

# Property tests check what is true, not how fast: on a loaded 2-core CI machine an example can
# take longer than Hypothesis's 200 ms deadline, or its data generation look "too slow", and a
# timing complaint would fail a build whose code is right.
settings.register_profile("clientarea", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("clientarea")


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local/share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local/state"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv(
        "LANG", "C.UTF-8"
    )  # English whatever the machine's locale (docs/language.md)
    for name in (
        "CLIENTAREA_CONFIG",
        "CLIENTAREA_TOKEN",
        "CLIENTAREA_PROFILE",
        "CLIENTAREA_NO_INPUT",
        "CLIENTAREA_DEBUG",
        "CLIENTAREA_LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "PYTHON_KEYRING_BACKEND",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "FORCE_COLOR",
    ):
        monkeypatch.delenv(name, raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    set_language("en")  # a CLI run in Spanish leaves the process's language set
    yield home
    set_language("en")
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    backend = keyring.get_keyring()
    assert isinstance(backend, MemoryKeyring)
    return backend


class CLI:
    def __call__(self, *args: str, stdin: str = "", tty: bool = False) -> Result:
        return run_cli(*args, stdin=stdin, tty=tty)


@pytest.fixture
def cli() -> CLI:
    return CLI()


@pytest.fixture
def demo(cli: CLI) -> CLI:
    """The demo profile on the embedded sandbox, seeded for a fixed business date."""
    from clientarea_cli.config.paths import sandbox_database
    from clientarea_cli.config.store import SANDBOX_URL, ConfigStore, Profile
    from clientarea_cli.sandbox import reset_database

    reset_database(sandbox_database(), TODAY)
    ConfigStore().put(
        "demo", Profile(url=SANDBOX_URL, token_store="demo", account="ana@example.com")
    )
    return cli


@pytest.fixture
def spanish(demo: CLI, monkeypatch: pytest.MonkeyPatch) -> CLI:
    """The demo profile for a Spanish-speaking customer (LANG=es_ES.UTF-8)."""
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    return demo

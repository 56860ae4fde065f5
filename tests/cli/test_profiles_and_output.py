"""Profiles, colour rules, the sandbox command's guard rails, version."""

from __future__ import annotations

import io
import json

import pytest

from clientarea_cli.config.store import ConfigStore, Profile
from clientarea_cli.output.color import color_enabled
from tests.conftest import CLI


def test_profiles_list_use_remove(demo: CLI, memory_keyring: object) -> None:
    ConfigStore().put("work", Profile(url="https://billing.example.com/api"), make_current=False)
    listed = demo("profiles", "list")
    assert listed.stdout == (
        "CURRENT  NAME  URL                              DRIVER      ACCOUNT          TOKEN STORE\n"
        "yes      demo  sandbox:                         clientarea  ana@example.com  demo\n"
        "no       work  https://billing.example.com/api  clientarea  -                keyring\n"
    )
    used = demo("profiles", "use", "work")
    assert (used.exit_code, used.stderr) == (0, "Current profile: work\n")
    assert ConfigStore().load().current_profile == "work"
    assert demo("profiles", "use", "nope").exit_code == 2
    removed = demo("profiles", "remove", "work")
    assert (removed.exit_code, removed.stderr) == (0, "Removed profile work.\n")
    assert list(ConfigStore().load().profiles) == ["demo"]


def test_profile_from_the_environment(demo: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    ConfigStore().use("demo")
    monkeypatch.setenv("CLIENTAREA_PROFILE", "missing")
    assert demo("account", "show").stderr.startswith("error: unknown profile 'missing'")


def test_color_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert color_enabled("auto", Tty()) is True
    assert color_enabled("auto", io.StringIO()) is False
    assert color_enabled("never", Tty()) is False
    assert color_enabled("always", io.StringIO()) is True
    monkeypatch.setenv("CLICOLOR", "0")
    assert color_enabled("auto", Tty()) is False
    monkeypatch.setenv("CLICOLOR_FORCE", "1")
    assert color_enabled("auto", io.StringIO()) is True
    monkeypatch.delenv("CLICOLOR_FORCE")
    monkeypatch.delenv("CLICOLOR")
    monkeypatch.setenv("NO_COLOR", "1")
    assert color_enabled("auto", Tty()) is False


def test_color_always_styles_statuses_and_never_does_not(demo: CLI) -> None:
    coloured = demo("--color", "always", "invoices", "list", "--status", "overdue")
    assert "\x1b[" in coloured.stdout
    plain = demo("--color", "never", "invoices", "list", "--status", "overdue")
    assert "\x1b[" not in plain.stdout


def test_sandbox_serve_refuses_a_public_address(cli: CLI) -> None:
    result = cli("sandbox", "serve", "--host", "0.0.0.0")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "hint: pass --public to expose the sandbox on purpose"


def test_sandbox_reset_rejects_a_bad_date(cli: CLI) -> None:
    result = cli("sandbox", "reset", "--today", "tomorrow")
    assert result.exit_code == 2
    assert result.stderr == "error: invalid value for --today: 'tomorrow' (use YYYY-MM-DD)\n"


def test_version_json(cli: CLI) -> None:
    result = cli("version", "-o", "json")
    info = json.loads(result.stdout)
    assert info["drivers"] == ["clientarea", "fossbilling"]
    assert info["config_file"].endswith("clientarea/config.toml")


def test_demo_needs_no_keyring(cli: CLI) -> None:
    import keyring
    from keyring.core import load_keyring

    keyring.set_keyring(load_keyring("keyring.backends.fail.Keyring"))
    assert cli("demo").exit_code == 0
    result = cli("auth", "status", "-o", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["token_source"] == "the embedded sandbox's public demo key"

"""Profiles on disk and where API keys come from."""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path

import keyring
import pytest

from clientarea_cli.cli.session import resolve_token
from clientarea_cli.config.secrets import (
    InsecureFileStore,
    KeyringStore,
    backend_is_secure,
)
from clientarea_cli.config.store import ConfigStore, Profile
from clientarea_cli.errors import AuthError, ClientAreaError, SecretStoreError, UsageError
from tests.support.keyrings import HangingKeyring, MemoryKeyring


def test_profiles_round_trip_atomically_with_mode_0600(tmp_path: Path) -> None:
    os.umask(0o022)
    store = ConfigStore(tmp_path / "cfg" / "config.toml")
    store.put("work", Profile(url="https://billing.example.com/api", account="a@example.com"))
    store.put("demo", Profile(url="sandbox:", token_store="demo"), make_current=False)
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert tomllib.loads(store.path.read_text()) == {
        "current_profile": "work",
        "profiles": {
            "demo": {"url": "sandbox:", "driver": "clientarea", "token_store": "demo"},
            "work": {
                "url": "https://billing.example.com/api",
                "driver": "clientarea",
                "account": "a@example.com",
                "token_store": "keyring",
            },
        },
    }
    assert store.profile(None)[0] == "work"
    assert store.profile("demo")[1].is_embedded_sandbox
    assert [p.name for p in store.path.parent.iterdir()] == ["config.toml"]


def test_existing_world_readable_file_becomes_0600(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('current_profile = "x"\n[profiles.x]\nurl = "https://a.example"\n')
    path.chmod(0o644)
    ConfigStore(path).use("x")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_unknown_profile_names_the_known_ones(tmp_path: Path) -> None:
    store = ConfigStore(tmp_path / "config.toml")
    store.put("work", Profile(url="https://a.example"))
    with pytest.raises(UsageError, match=r"unknown profile 'nope' \(profiles: work\)"):
        store.profile("nope")


def test_no_profile_at_all_points_to_demo_and_login(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as info:
        ConfigStore(tmp_path / "config.toml").profile(None)
    assert "clientarea demo" in (info.value.hint or "")


def test_broken_toml_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("current_profile = \n")
    with pytest.raises(ClientAreaError, match="is not valid TOML"):
        ConfigStore(path).load()


def test_config_rejects_a_secret_field(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[profiles.x]\nurl = "https://a.example"\napi_key = "sk"\n')
    with pytest.raises(ClientAreaError, match="api_key"):
        ConfigStore(path).load()


def test_token_lookup_order_env_first_then_keyring(
    monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    profile = Profile(url="https://a.example")
    with pytest.raises(AuthError, match="no API key stored for profile 'work'"):
        resolve_token("work", profile)
    KeyringStore().set("work", "from-keyring")
    token = resolve_token("work", profile)
    assert token.value == "from-keyring"
    assert token.source == "keyring (tests.support.keyrings.MemoryKeyring)"
    monkeypatch.setenv("CLIENTAREA_TOKEN", "from-env")
    token = resolve_token("work", profile)
    assert (token.value, token.source) == ("from-env", "environment variable CLIENTAREA_TOKEN")
    assert "from-env" not in repr(token)


def test_insecure_file_store_is_0600_and_used_for_file_profiles(tmp_path: Path) -> None:
    store = InsecureFileStore(tmp_path / "credentials.toml")
    store.set("x", "sk_file")
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert store.get("x") == "sk_file"
    assert store.delete("x") is True
    assert store.get("x") is None


@pytest.mark.parametrize(
    "backend",
    ["keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"],
)
def test_backends_that_do_not_protect_secrets_are_refused(backend: str) -> None:
    from keyring.core import load_keyring

    instance = load_keyring(backend)
    assert not backend_is_secure(instance)
    keyring.set_keyring(instance)
    with pytest.raises(SecretStoreError, match="no secure keyring is available"):
        KeyringStore().check_usable()


def test_memory_backend_counts_as_secure() -> None:
    assert KeyringStore().check_usable() == "tests.support.keyrings.MemoryKeyring"


def test_a_hanging_keyring_times_out() -> None:
    keyring.set_keyring(HangingKeyring())
    with pytest.raises(SecretStoreError, match=r"did not answer within 0.2 s"):
        KeyringStore(timeout=0.2).get("work")

"""auth login against the real server, and the envelope's errors through the CLI."""

from __future__ import annotations

from tests.conftest import CLI
from tests.fossbilling.conftest import FossBilling


def test_login_stores_the_key_in_the_keyring_and_account_show_reads_the_profile(
    cli: CLI, fb: FossBilling, memory_keyring
) -> None:
    result = cli(
        "auth", "login", "--provider", "fossbilling", "--url", fb.url, "--with-token",
        stdin=fb.key + "\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith(
        f"Logged in to {fb.url} as alice@example.test (profile default); "
        "API key stored in keyring (tests.support.keyrings.MemoryKeyring).\n"
    )
    assert list(memory_keyring.store.values()) == [fb.key]
    shown = cli("account", "show", "-o", "json")
    assert shown.exit_code == 0, shown.stderr
    assert '"email": "alice@example.test"' in shown.stdout
    assert fb.key not in shown.stdout + shown.stderr


def test_a_wrong_key_exits_4_and_nothing_is_stored(
    cli: CLI, fb: FossBilling, memory_keyring
) -> None:
    result = cli(
        "auth", "login", "--provider", "fossbilling", "--url", fb.url, "--with-token",
        stdin="not-a-real-key\n",
    )  # fmt: skip
    assert result.exit_code == 4
    assert result.stderr == (
        "error: the provider rejected the credentials (Authentication Failed)\n"
        "hint: log in again with `clientarea auth login`\n"
    )
    assert memory_keyring.store == {}

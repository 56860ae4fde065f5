"""A real FOSSBilling server for the driver's end-to-end tests (../shared/fossbilling/kit).

`FB_HOME` (default /tmp/fb/run) names the instance: its `fossbilling.env` and `seed.json` give the
URL, the clients' and admin's API keys and the seeded ids. Every test here is marked
`fossbilling` and skipped with a clear reason when the server is not up; CI (`.ci/run`) brings
it up. A test that changes the server asks for `fb_reset` (the seeded state again, ~1 s).
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import CLI

SKIP_REASON = "FOSSBilling server not up: run /work/shared/fossbilling/kit/up"
HERE = Path(__file__).resolve().parent


def fb_home() -> Path:
    return Path(os.environ.get("FB_HOME") or "/tmp/fb/run")


def kit_dir() -> Path:
    """`$FOSSBILLING_KIT`, else ../shared/fossbilling/kit beside the clone, else /work/shared/…"""
    explicit = os.environ.get("FOSSBILLING_KIT")
    if explicit:
        return Path(explicit)
    beside = HERE.parents[1].parent / "shared" / "fossbilling" / "kit"
    return beside if beside.is_dir() else Path("/work/shared/fossbilling/kit")


def _read_env(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in path.read_text().splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip().strip("'\"")
    return values


@dataclass
class FossBilling:
    """The server under test: its keys, seeded ids, and direct API access to check effects."""

    home: Path
    url: str
    key: str
    other_key: str
    admin_key: str
    client_id: int
    other_client_id: int
    seed: dict[str, Any]

    def api(
        self, role: str, method: str, params: Mapping[str, Any] | None = None, **kw: Any
    ) -> Any:
        """Call the API directly (not through the driver) and return `result`; errors raise.

        `role`: client (alice), admin, guest (no key), or another client's API key."""
        key = {"client": self.key, "admin": self.admin_key}.get(role, role)
        user = role if role in ("admin", "guest") else "client"
        answer = httpx.post(
            f"{self.url}/api/{user}/{method}",
            json=dict(params or {}),
            params=kw.get("query"),
            auth=None if role == "guest" else (user, key),
            timeout=60,
        ).json()
        if answer["error"] is not None:
            raise AssertionError(f"{role} {method}: {answer['error']}")
        return answer["result"]

    def client(self, method: str, params: Mapping[str, Any] | None = None) -> Any:
        return self.api("client", method, params)

    def admin(self, method: str, params: Mapping[str, Any] | None = None) -> Any:
        return self.api("admin", method, params)

    def bob(self, method: str, params: Mapping[str, Any] | None = None) -> Any:
        return self.api(self.other_key, method, params)

    def sql(self, statement: str) -> str:
        """Run SQL on the server's database (the kit's MariaDB socket; needs root); its output."""
        return subprocess.run(
            ["mariadb", "--no-defaults", "-S", str(self.home / "mysql.sock"), "-uroot", "-N",
             "fossbilling", "-e", statement],
            check=True, capture_output=True, text=True, timeout=60,
        ).stdout.strip()  # fmt: skip

    def reset(self) -> None:
        """kit/reset (the seed again, ~1 s); once more if MariaDB was busy dropping the base."""
        for _ in range(2):
            done = subprocess.run(
                [str(kit_dir() / "reset")],
                env={**os.environ, "FB_HOME": str(self.home)},
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            if done.returncode == 0:
                return
        raise AssertionError(f"kit/reset failed twice: {done.stderr.strip()[-500:]}")


def _load() -> FossBilling | None:
    home = fb_home()
    env_file, seed_file = home / "fossbilling.env", home / "seed.json"
    if not env_file.is_file() or not seed_file.is_file():
        return None
    env = _read_env(env_file)
    url = env.get("FOSSBILLING_URL", "")
    for _ in range(3):  # a busy shared machine may keep PHP's few workers a while
        try:
            answer = httpx.get(f"{url}/api/guest/system/version", timeout=15).json()
        except (httpx.HTTPError, ValueError):
            continue
        if isinstance(answer, dict) and answer.get("error") is None:
            break
    else:
        return None
    return FossBilling(
        home=home,
        url=url,
        key=env["FOSSBILLING_API_KEY"],
        other_key=env["FOSSBILLING_OTHER_API_KEY"],
        admin_key=env["FOSSBILLING_ADMIN_API_KEY"],
        client_id=int(env["FOSSBILLING_CLIENT_ID"]),
        other_client_id=int(env["FOSSBILLING_OTHER_CLIENT_ID"]),
        seed=json.loads(seed_file.read_text()),
    )


_SERVER: list[FossBilling | None] = []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.fossbilling)


@pytest.fixture(scope="session")
def fb_server() -> FossBilling:
    """The server (skips every test that needs it when it is not up)."""
    if not _SERVER:
        _SERVER.append(_load())
    server = _SERVER[0]
    if server is None:
        pytest.skip(SKIP_REASON)
    return server


@pytest.fixture
def fb(fb_server: FossBilling) -> Iterator[FossBilling]:
    """The server in its seeded state, for this test alone.

    Several test runs (other worktrees, CI) may share one instance: each test holds an exclusive
    lock on it (`$FB_HOME/.clientarea-tests.lock`), and a test that changes the server restores
    the seed before and after itself (`fb_reset`), so every test starts from the seed."""
    with (fb_server.home / ".clientarea-tests.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield fb_server
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture
def fb_reset(fb: FossBilling) -> Iterator[FossBilling]:
    """The server restored to its seeded state, for a test that changes it (and after it)."""
    fb.reset()
    yield fb
    fb.reset()


def login(cli: CLI, server: FossBilling, key: str | None = None, profile: str = "default") -> CLI:
    """Log a profile in through the real `auth login` (the key goes to the in-memory keyring)."""
    result = cli(
        "auth",
        "login",
        "--provider",
        "fossbilling",
        "--url",
        server.url,
        "--profile",
        profile,
        "--with-token",
        stdin=(key or server.key) + "\n",
    )
    assert result.exit_code == 0, result.stderr
    return cli


@pytest.fixture
def fb_cli(cli: CLI, fb: FossBilling) -> CLI:
    """The CLI logged in as alice (the seeded client) on the server's current state."""
    return login(cli, fb)


@pytest.fixture
def fb_cli_reset(cli: CLI, fb_reset: FossBilling) -> CLI:
    """The CLI logged in as alice on a freshly reset server (for tests that change it)."""
    return login(cli, fb_reset)

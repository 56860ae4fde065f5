"""The API key in a real Secret Service: gnome-keyring under dbus-run-session (Debian packages
that .ci/run installs). Skipped, with the reason, where that cannot start."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import Served, Subprocess

DEMO_KEY = "sk_sandbox_demo_0000000000000000"

SCRIPT = """
set -e
printf 'test-password' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
printf '%s\\n' "$KEY" | {py} -m clientarea_cli auth login --url "$URL" --with-token
{py} -m clientarea_cli auth status -o json > "$OUT/status.json"
{py} -c 'import keyring; print(keyring.get_password("clientarea", "default:api-key"))' > "$OUT/read.txt"
"""


def test_login_stores_the_key_in_gnome_keyring(
    proc: Subprocess, served: Served, tmp_path: Path, isolated: Path
) -> None:
    for tool in ("dbus-run-session", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (apt-get install gnome-keyring dbus)")
    env = {
        k: v for k, v in proc.env.items() if not k.startswith(("PYTHON_KEYRING", "CLIENTAREA_TEST"))
    }
    env.update({"KEY": DEMO_KEY, "URL": served.url, "OUT": str(tmp_path)})
    script = SCRIPT.format(py=shlex.quote(sys.executable))
    done = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    if "no secure keyring is available" in done.stderr:
        pytest.skip(f"gnome-keyring did not start a usable Secret Service: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    status = json.loads((tmp_path / "status.json").read_text())
    assert status["keyring_backend"] == "keyring.backends.SecretService.Keyring"
    assert status["token_source"] == "keyring (keyring.backends.SecretService.Keyring)"
    assert (tmp_path / "read.txt").read_text().strip() == DEMO_KEY
    config = (isolated / ".config/clientarea/config.toml").read_text()
    assert DEMO_KEY not in config

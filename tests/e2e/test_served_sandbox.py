"""End to end over real sockets: login → lists → status → logout, and the bad inputs."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from tests.e2e.conftest import Served, Subprocess

DEMO_KEY = "sk_sandbox_demo_0000000000000000"
TENANT_B_KEY = "sk_sandbox_tenant_b_000000000000"


def login(proc: Subprocess, served: Served, key: str = DEMO_KEY, *extra: str):
    return proc("auth", "login", "--url", served.url, "--with-token", *extra, stdin=key + "\n")


def test_login_lists_status_logout(proc: Subprocess, served: Served, isolated: Path) -> None:
    result = login(proc, served)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == (
        f"Logged in to {served.url} as ana@example.com (profile default); "
        "API key stored in keyring (tests.support.keyrings.FileKeyring).\n"
    )
    config = (isolated / ".config/clientarea/config.toml").read_text()
    assert DEMO_KEY not in config
    assert tomllib.loads(config)["profiles"]["default"] == {
        "url": served.url,
        "driver": "clientarea",
        "account": "ana@example.com",
        "token_store": "keyring",
    }
    keyring_file = json.loads((isolated / "test-keyring.json").read_text())
    assert keyring_file == {"clientarea|default:api-key": DEMO_KEY}

    domains = proc("domains", "list", "--all", "-o", "json")
    assert domains.exit_code == 0, domains.stderr
    assert len(json.loads(domains.stdout)) >= 40

    status = proc("auth", "status", "-o", "json")
    assert status.exit_code == 0, status.stderr
    assert json.loads(status.stdout) == {
        "profile": "default",
        "url": served.url,
        "driver": "clientarea",
        "account": "ana@example.com",
        "name": "Ana García",
        "token_source": "keyring (tests.support.keyrings.FileKeyring)",
        "keyring_backend": "tests.support.keyrings.FileKeyring",
        "note": None,
    }

    debug = proc("--debug", "account", "show")
    assert debug.exit_code == 0
    assert "> GET " in debug.stderr
    assert DEMO_KEY not in debug.stderr + debug.stdout

    out = proc("auth", "logout")
    assert out.exit_code == 0
    assert json.loads((isolated / "test-keyring.json").read_text()) == {}
    after = proc("account", "show")
    assert after.exit_code == 4
    assert after.stderr.startswith("error: no API key stored for profile 'default'\n")


def test_wrong_key_is_refused_and_nothing_is_saved(
    proc: Subprocess, served: Served, isolated: Path
) -> None:
    result = login(proc, served, "sk_wrong")
    assert result.exit_code == 4
    assert result.stderr.splitlines()[0] == (
        "error: the provider rejected the credentials (invalid API key)"
    )
    assert not (isolated / ".config/clientarea/config.toml").exists()
    assert not (isolated / "test-keyring.json").exists()


def test_no_keyring_refuses_to_store_unless_insecure(
    proc: Subprocess, served: Served, isolated: Path
) -> None:
    no_keyring = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    refused = proc(
        "auth", "login", "--url", served.url, "--with-token", stdin=DEMO_KEY, env=no_keyring
    )
    assert refused.exit_code == 1
    assert refused.stderr.splitlines()[0] == (
        "error: no secure keyring is available (backend: keyring.backends.fail.Keyring)"
    )
    assert not (isolated / ".config/clientarea").exists()

    stored = proc(
        "auth",
        "login",
        "--url",
        served.url,
        "--with-token",
        "--insecure-storage",
        stdin=DEMO_KEY,
        env=no_keyring,
    )
    assert stored.exit_code == 0, stored.stderr
    credentials = isolated / ".config/clientarea/credentials.toml"
    assert stored.stderr.startswith(f"warning: storing the API key in plain text in {credentials}")
    assert (credentials.stat().st_mode & 0o777) == 0o600
    status = proc("auth", "status", "-o", "json", env=no_keyring)
    assert json.loads(status.stdout)["token_source"] == (f"file {credentials} (insecure storage)")


def test_env_token_for_ci(proc: Subprocess, served: Served) -> None:
    login(proc, served)
    other = proc("account", "show", "-o", "json", env={"CLIENTAREA_TOKEN": TENANT_B_KEY})
    assert json.loads(other.stdout)["email"] == "bruno@example.org"


def test_tenant_isolation_another_clients_invoice_is_not_found(
    proc: Subprocess, served: Served
) -> None:
    login(proc, served)
    ours = json.loads(proc("invoices", "list", "--all", "-o", "json").stdout)
    theirs = proc("invoices", "show", str(ours[0]["id"]), env={"CLIENTAREA_TOKEN": TENANT_B_KEY})
    assert theirs.exit_code == 5
    assert theirs.stdout == ""
    assert theirs.stderr.startswith("error: ")


def test_unreachable_provider_is_one_line_exit_1(proc: Subprocess, served: Served) -> None:
    login(proc, served)
    dead = "http://127.0.0.1:9"
    config = Path(proc.env["XDG_CONFIG_HOME"]) / "clientarea/config.toml"
    config.write_text(config.read_text().replace(served.url, dead))
    result = proc("domains", "list")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: cannot reach the provider at 127.0.0.1: connection refused",
        "hint: check the URL (`clientarea auth status`) and your connection",
    ]


def test_plain_http_to_a_remote_host_is_refused(proc: Subprocess) -> None:
    result = proc(
        "auth", "login", "--url", "http://billing.example.com/api", "--with-token", stdin="k"
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "error: refusing plain http:// to billing.example.com: the API key would travel unencrypted"
    )


def test_wait_idle_returns_once_what_a_vanished_client_sent_is_handled(served: Served) -> None:
    """A client that sent a request and went away (a killed run): the server still handles it,
    and `wait_idle` returns only once its change is in the database."""
    import socket

    from clientarea_cli.sandbox import SandboxApp
    from tests.support import sandbox_db

    app = served.app
    assert isinstance(app, SandboxApp)
    assert sandbox_db.domains(served.db)["anagarcia.com"]["registrar_lock"]
    app.faults.add("slow", method="PATCH", path_prefix="/v1/domains/", delay=2.0)
    body = b'{"registrar_lock": false}'
    host, port = served.url.removeprefix("http://").rsplit(":", 1)
    with socket.create_connection((host, int(port))) as sock:
        sock.sendall(
            b"PATCH /v1/domains/anagarcia.com HTTP/1.1\r\nHost: sandbox\r\n"
            b"Authorization: Bearer " + DEMO_KEY.encode() + b"\r\n"
            b"Content-Type: application/json\r\nContent-Length: "
            + str(len(body)).encode()
            + b"\r\n\r\n"
            + body
        )
    assert not served.wait_idle(0.5)  # gone, but its request is still being handled
    assert served.wait_idle(10.0)
    assert app.request_log.count("PATCH", "/v1/domains/anagarcia.com") == 1
    assert not sandbox_db.domains(served.db)["anagarcia.com"]["registrar_lock"]

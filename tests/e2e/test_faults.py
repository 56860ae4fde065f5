"""The client against a misbehaving provider, over real sockets (the sandbox's fault modes)."""

from __future__ import annotations

import json

from tests.e2e.conftest import Served, Subprocess

DEMO_KEY = "sk_sandbox_demo_0000000000000000"


def ci_env() -> dict[str, str]:
    return {"CLIENTAREA_TOKEN": DEMO_KEY}


def test_429_with_retry_after_is_waited_out(proc: Subprocess, served: Served) -> None:
    proc("auth", "login", "--url", served.url, "--with-token", stdin=DEMO_KEY)
    served.app.faults.add("429", path_prefix="/v1/account", times=1, retry_after=1)  # type: ignore[attr-defined]
    result = proc("account", "show", "-o", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["email"] == "ana@example.com"


def test_persistent_503_gives_up_with_exit_1(proc: Subprocess, served: Served) -> None:
    proc("auth", "login", "--url", served.url, "--with-token", stdin=DEMO_KEY)
    served.app.faults.add("503", path_prefix="/v1/domains", times=10, retry_after=0)  # type: ignore[attr-defined]
    result = proc("domains", "list")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[0].startswith(
        "error: the provider failed on GET /v1/domains: 503"
    )


def test_dropped_connection_on_a_read_is_retried(proc: Subprocess, served: Served) -> None:
    proc("auth", "login", "--url", served.url, "--with-token", stdin=DEMO_KEY)
    served.app.faults.add("drop", path_prefix="/v1/invoices", times=1)  # type: ignore[attr-defined]
    result = proc("invoices", "list", "--status", "overdue", "--columns", "number", "-o", "tsv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "number\nINV-2026-5009\nINV-2026-5008\n"


def test_malformed_json_is_a_clear_error(proc: Subprocess, served: Served) -> None:
    proc("auth", "login", "--url", served.url, "--with-token", stdin=DEMO_KEY)
    served.app.faults.add("malformed", path_prefix="/v1/services", times=1)  # type: ignore[attr-defined]
    result = proc("services", "list")
    assert result.exit_code == 1
    assert result.stderr == ("error: the provider's answer to GET /v1/services is not valid JSON\n")
    assert "Traceback" not in result.stderr

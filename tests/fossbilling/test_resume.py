"""Bulk runs on FOSSBilling stopped half-way, then resumed with the command the hint gives: every
domain changed exactly once.

"Exactly once" is counted on the server: FOSSBilling writes every API call it receives to its
`api_request` table (the URI, before acting), read here through the kit's MariaDB socket.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import CLI
from tests.e2e.conftest import Subprocess
from tests.fossbilling.conftest import FossBilling

ACTIVE = {3: "garcia-consulting.es", 4: "garcia-consulting.com", 5: "alice-garcia.net",
          6: "alicegarcia-photo.org"}  # fmt: skip
NEW_NS = ["ns1.moved.test", "ns2.moved.test"]


@pytest.fixture
def counted(fb_reset: FossBilling) -> FossBilling:
    if os.geteuid() != 0:
        pytest.skip("reading FOSSBilling's request log needs root (the kit's MariaDB socket)")
    fb_reset.sql("DELETE FROM api_request")
    return fb_reset


def _calls(fb: FossBilling, method: str) -> int:
    """How many calls of the client API `method` the server has received."""
    return int(fb.sql(f"SELECT COUNT(*) FROM api_request WHERE request LIKE '%/client/{method}%'"))


def _service(fb: FossBilling, order_id: int) -> dict[str, Any]:
    return dict(fb.client("order/service", {"id": order_id}))


def test_nameservers_killed_and_resumed_are_set_once_per_domain(
    counted: FossBilling, isolated: Path
) -> None:
    fb = counted
    proc = Subprocess(isolated)
    login = proc("auth", "login", "--provider", "fossbilling", "--url", fb.url, "--with-token",
                 stdin=fb.key + "\n")  # fmt: skip
    assert login.exit_code == 0, login.stderr
    args = ["domains", "nameservers", "set", *NEW_NS, "--status", "active",
            "--concurrency", "1", "--rate", "1", "--yes"]  # fmt: skip
    child = subprocess.Popen(
        [sys.executable, "-m", "clientarea_cli", *args],
        env=proc.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    try:  # --rate 1: a request a second, so the run is killed between two of them
        while _calls(fb, "servicedomain/update_nameservers") < 1:
            assert child.poll() is None, "the run finished before it could be killed"
            assert time.monotonic() < deadline, "the run made no progress"
            time.sleep(0.05)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    sent = _calls(fb, "servicedomain/update_nameservers")
    for _ in range(50):  # the server finishes what it received (the client is gone)
        changed = [o for o in ACTIVE if _service(fb, o)["ns1"] == NEW_NS[0]]
        if len(changed) == sent:
            break
        time.sleep(0.2)
    assert 1 <= len(changed) == sent < len(ACTIVE), (changed, sent)

    resumed = proc("domains", "nameservers", "set", "--resume")
    assert resumed.exit_code == 0, resumed.stderr
    assert "resuming run" in resumed.stderr
    for order_id in ACTIVE:
        service = _service(fb, order_id)
        assert [service["ns1"], service["ns2"]] == NEW_NS, order_id
    assert _calls(fb, "servicedomain/update_nameservers") == len(ACTIVE)
    again = proc("domains", "nameservers", "set", "--resume")
    assert again.exit_code == 2
    assert again.stderr.startswith("error: nothing to resume")


def test_lock_with_an_answer_lost_resumes_from_the_hint_without_sending_twice(
    fb_cli_reset: CLI, counted: FossBilling, monkeypatch: pytest.MonkeyPatch
) -> None:
    fb = counted
    send = httpx.HTTPTransport.handle_request
    unlocks: list[str] = []

    def lose_the_third_answer(self: httpx.HTTPTransport, request: httpx.Request) -> Any:
        response = send(self, request)
        if request.url.path.endswith("/servicedomain/unlock"):
            unlocks.append(request.content.decode())
            if len(unlocks) == 3:  # FOSSBilling unlocked it; the answer never arrives
                response.close()
                raise httpx.ReadError("connection reset by peer", request=request)
        return response

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", lose_the_third_answer)
    stopped = fb_cli_reset("domains", "lock", "off", "--status", "active", "--concurrency", "1",
                           "--yes")  # fmt: skip
    assert stopped.exit_code == 1, stopped.stderr
    assert len(unlocks) == 3
    hint = stopped.stderr.splitlines()[-1]
    assert hint.startswith("hint: finish it with `clientarea -p default domains lock --resume`")
    command = shlex.split(hint.split("`")[1])

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", send)
    resumed = fb_cli_reset(*command[1:])
    assert resumed.exit_code == 0, resumed.stderr
    assert resumed.stderr.startswith("resuming run ")
    assert "(already)" in resumed.stdout
    assert [_service(fb, o)["locked"] for o in ACTIVE] == [0, 0, 0, 0]
    assert _calls(fb, "servicedomain/unlock") == len(ACTIVE)


def test_a_renewal_whose_answer_was_lost_is_never_sent_again_by_resume(
    fb_cli_reset: CLI, counted: FossBilling, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FOSSBilling keeps no idempotency keys and pays a renewal from credit the moment it issues
    it: a renewal sent once must never be sent again by --resume (it would be paid twice)."""
    fb = counted
    send = httpx.HTTPTransport.handle_request

    def lose_the_renewal_answer(self: httpx.HTTPTransport, request: httpx.Request) -> Any:
        response = send(self, request)
        if request.url.path.endswith("/invoice/renewal_invoice"):
            response.close()  # FOSSBilling issued the invoice and paid it from credit
            raise httpx.ReadError("connection reset by peer", request=request)
        return response

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", lose_the_renewal_answer)
    stopped = fb_cli_reset("domains", "renew", "garcia-consulting.com", "--yes")
    assert stopped.exit_code == 9, stopped.stderr
    hint = stopped.stderr.splitlines()[-1]
    assert hint.startswith("hint: finish it with `clientarea -p default domains renew --resume`")
    assert _calls(fb, "invoice/renewal_invoice") == 1
    balance = Decimal(fb.client("profile/get")["balance"])
    assert balance == Decimal("48.01")  # 60 - 11.99: paid from credit although the answer was lost

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", send)
    command = shlex.split(hint.split("`")[1])
    resumed = fb_cli_reset(*command[1:])
    assert resumed.exit_code == 9, resumed.stderr
    run_id = resumed.stderr.split("resuming run ")[1].split()[0]
    assert resumed.stderr.splitlines()[-3:] == [
        f"renew 1y: 0 done, 0 failed, 1 unknown (run {run_id})",
        "error: 1 of 1 domain(s) may have been applied already: outcome unknown",
        "hint: check them (a renewal: its invoice in `clientarea invoices list`), redo by hand "
        f"any that did not happen, then give the run up with `clientarea journal abandon {run_id}`",
    ]
    assert "the fossbilling provider keeps no idempotency keys" in resumed.stderr
    assert _calls(fb, "invoice/renewal_invoice") == 1  # not sent again
    assert Decimal(fb.client("profile/get")["balance"]) == balance  # not charged again

    abandoned = fb_cli_reset("journal", "abandon", run_id)
    assert abandoned.exit_code == 0, abandoned.stderr
    again = fb_cli_reset("domains", "renew", "--resume")
    assert again.exit_code == 2
    assert again.stderr.startswith("error: nothing to resume")
    assert _calls(fb, "invoice/renewal_invoice") == 1

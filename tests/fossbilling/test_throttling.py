"""FOSSBilling's slow-down: past its hourly budget every call waits 2 s (no 429).

The test turns the server's own throttling on for itself (the kit's `up` with FB_NO_THROTTLE=0,
which edits only the loopback whitelist), fills the hour's budget the way heavy use would
(rows in api_request), and checks the driver's real behaviour: the call is answered, sent
exactly once (never re-sent because it was slow), and --debug says the server is throttling.
"""

from __future__ import annotations

import os
import subprocess
import time

import pytest

from tests.conftest import CLI
from tests.fossbilling.conftest import FossBilling, kit_dir


def _up(fb: FossBilling, *, throttle: bool) -> None:
    env = {**os.environ, "FB_HOME": str(fb.home), "FB_NO_APT": "1",
           "FB_NO_THROTTLE": "0" if throttle else "1"}  # fmt: skip
    subprocess.run([str(kit_dir() / "up")], env=env, check=True, capture_output=True, timeout=300)


@pytest.fixture
def throttled(fb_reset: FossBilling):
    if os.geteuid() != 0:
        pytest.skip("turning FOSSBilling's throttling on needs root (the kit's `up`)")
    _up(fb_reset, throttle=True)
    fb_reset.sql("INSERT INTO api_request (ip, request, created_at) SELECT '127.0.0.1', "
         "'filler', NOW() FROM seq_1_to_1000")  # fmt: skip
    # PHP may serve the previous config.php for up to a few seconds (opcache revalidation):
    # wait until the server really makes a call wait. Each php -S worker revalidates on its own
    # clock, so this waits by time (up to 45 s), not by a count of quick calls.
    deadline = time.monotonic() + 45
    while True:
        started = time.monotonic()
        fb_reset.client("client/balance_get_total")
        if time.monotonic() - started >= 2.0:
            break
        if time.monotonic() > deadline:
            pytest.fail("FOSSBilling did not start throttling within 45 s")
        time.sleep(0.5)
    try:
        yield fb_reset
    finally:
        _up(fb_reset, throttle=False)
        fb_reset.reset()


def test_a_throttled_call_waits_is_sent_once_and_is_reported(
    fb_cli: CLI, throttled: FossBilling
) -> None:
    before = int(throttled.sql("SELECT COUNT(*) FROM api_request WHERE request <> 'filler'"))
    started = time.monotonic()
    result = fb_cli("--debug", "account", "show", "-o", "json")
    elapsed = time.monotonic() - started
    assert result.exit_code == 0, result.stderr
    assert '"email": "alice@example.test"' in result.stdout
    assert elapsed >= 2.0  # the server made the call wait; the driver neither failed nor retried
    assert result.stderr.count("> POST") == 1
    assert (
        "FOSSBilling is throttling this client (over its hourly call budget): every call now "
        "waits on the server; nothing is re-sent"
    ) in result.stderr
    after = int(throttled.sql("SELECT COUNT(*) FROM api_request WHERE request <> 'filler'"))
    assert after - before == 1

"""The card number and CVC travel only in the one request body that stores the card: they appear
in no output, file, journal, sandbox database or request log, nor in a --debug traceback."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.cli.payment_support import (
    ADDED,
    CARD_STDIN,
    CVC,
    NUMBER,
    SandboxHook,
    journal,
    sandbox_apps,
    snapshot,
)
from tests.conftest import CLI

__all__ = ["sandbox_apps"]


def _files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_the_card_number_and_cvc_appear_nowhere(
    demo: CLI, sandbox_apps: SandboxHook, isolated: Path, caplog: pytest.LogCaptureFixture
) -> None:
    apps = sandbox_apps(lambda app: None)
    result = demo(
        "--debug", "payment-methods", "add-card", "--holder", "Ana García", stdin=CARD_STDIN
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ADDED
    assert "[debug] > POST http://sandbox.invalid/v1/payment-methods/cards" in result.stderr
    # Then use the card (money journal, config) so every file the CLI writes exists.
    started = demo("payment-methods", "verify", "25")
    assert started.exit_code == 0, started.stderr
    for text in (result.stdout, result.stderr, started.stdout, started.stderr):
        assert NUMBER not in text
        assert NUMBER[:6] not in text  # not even the IIN: only the brand and last four
        assert CVC not in text
    # Config dir, journal (state dir), the sandbox's database (data dir): not the number, nor the
    # CVC as it travelled ("cvc": "318").
    files = _files_under(isolated)
    assert any(p.name.endswith(".db") for p in files)
    for path in files:
        content = path.read_bytes()
        assert NUMBER.encode() not in content, path
        assert b'"cvc"' not in content, path
        assert f'"{CVC}"'.encode() not in content, path
    # The sandbox's request log (method, path, status) and its Python logging.
    log = json.dumps([app.request_log.snapshot() for app in apps])
    assert "/v1/payment-methods/cards" in log
    assert NUMBER not in log
    assert CVC not in re.sub(r"[0-9a-f-]{36}", "", log)
    assert NUMBER not in caplog.text
    assert journal()[0]["summary"] == (
        "start the verification of Mastercard ···5100 (may charge a small refunded amount)"
    )


@pytest.mark.parametrize("where", ["http", "ops"])
def test_an_internal_error_traceback_shows_neither(
    demo: CLI, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    from clientarea_cli.drivers.http import HttpClient
    from clientarea_cli.ops import payment_methods

    if where == "http":
        send = HttpClient.request

        def failing(self: HttpClient, method: str, path: str, **kwargs: Any) -> Any:
            if path.endswith("/payment-methods/cards"):
                raise RuntimeError("simulated failure while sending")
            return send(self, method, path, **kwargs)

        monkeypatch.setattr(HttpClient, "request", failing)
    else:

        def failing_op(driver: Any, card: Any, *, make_default: bool) -> Any:
            raise RuntimeError(f"simulated failure with {card!r} ({card})")

        monkeypatch.setattr(payment_methods, "add_card", failing_op)
    before = snapshot()
    result = demo("--debug", "payment-methods", "add-card", "--holder", "Ana", stdin=CARD_STDIN)
    assert result.exit_code == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert result.stderr.splitlines()[-1] == (
        "error: internal error (RuntimeError); run again with --debug for the traceback and "
        "report it"
    )
    assert NUMBER not in result.stderr
    without_line_numbers = re.sub(r"line \d+|python3\.\d+|[0-9a-f-]{36}", "", result.stderr)
    assert CVC not in without_line_numbers
    assert snapshot() == before


def test_a_provider_echoing_the_number_is_redacted(
    demo: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    import httpx

    from clientarea_cli.drivers.http import HttpClient

    send = HttpClient.request

    def echoing(self: HttpClient, method: str, path: str, **kwargs: Any) -> Any:
        if not path.endswith("/payment-methods/cards"):
            return send(self, method, path, **kwargs)
        body = kwargs["json"]
        answer = {
            "error": {
                "code": "validation_failed",
                "message": f"card {body['number']} with CVC {body['cvc']} is refused",
                "details": {"number": f"{body['number']} is refused"},
            }
        }
        request = httpx.Request(method, "http://sandbox.invalid/v1" + path)
        from clientarea_cli.drivers.http_errors import error_from_response

        error = error_from_response(httpx.Response(422, json=answer, request=request), method, path)
        raise self.redact.error(error)

    monkeypatch.setattr(HttpClient, "request", echoing)
    result = demo("payment-methods", "add-card", "--holder", "Ana", stdin=CARD_STDIN)
    assert result.exit_code == 2
    assert result.stderr == (
        "error: the provider refused the request: card *** with CVC *** is refused\n"
        "  number: *** is refused\n"
    )

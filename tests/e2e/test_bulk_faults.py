"""Bulk runs against a misbehaving provider (real sockets): retries, and the right items failed."""

from __future__ import annotations

from clientarea_cli.sandbox import SandboxApp
from tests.e2e.conftest import Served, Subprocess
from tests.support import sandbox_db

DEMO_KEY = "sk_sandbox_demo_0000000000000000"
NAMES = ["anagarcia.com", "flamenco-studio.net", "olivar-verde.org", "codigo-abierto.dev"]


def _app(served: Served) -> SandboxApp:
    assert isinstance(served.app, SandboxApp)
    return served.app


def test_a_domain_that_keeps_failing_is_reported_and_the_rest_go_through(
    proc: Subprocess, served: Served
) -> None:
    proc("auth", "login", "--url", served.url, "--with-token", stdin=DEMO_KEY)
    app = _app(served)
    before = sandbox_db.domains(served.db)
    changing = sorted(n for n in NAMES if not before[n]["id_protection"])
    assert {"anagarcia.com", "olivar-verde.org"} <= set(changing)
    app.faults.add("500", method="PATCH", path_prefix="/v1/domains/olivar-verde.org", times=10)
    app.faults.add(
        "503", method="PATCH", path_prefix="/v1/domains/anagarcia.com", times=1, retry_after=0
    )
    result = proc("domains", "privacy", "on", *NAMES, "--per-item", "--yes", "--concurrency", "2")
    assert result.exit_code == 3
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 1
    assert warnings[0].startswith("warning: olivar-verde.org: the provider failed on PATCH ")
    succeeded = sorted(line.split()[0] for line in result.stdout.splitlines())
    assert succeeded == [n for n in changing if n != "olivar-verde.org"]
    rows = sandbox_db.domains(served.db)
    assert {n: rows[n]["id_protection"] for n in NAMES} == {
        n: int(n != "olivar-verde.org") for n in NAMES
    }
    # The 503 was retried (the contract's PATCH is safe to resend); the 500s were retried, then given up.
    assert app.request_log.count("PATCH", "/v1/domains/anagarcia.com") == 2
    assert app.request_log.count("PATCH", "/v1/domains/olivar-verde.org") == 3


def test_a_bulk_request_rate_limited_once_is_sent_again(proc: Subprocess, served: Served) -> None:
    proc("auth", "login", "--url", served.url, "--with-token", stdin=DEMO_KEY)
    app = _app(served)
    app.faults.add("429", method="POST", path_prefix="/v1/domains/bulk/", times=1, retry_after=0)
    result = proc("domains", "privacy", "on", *NAMES, "--yes")
    assert result.exit_code == 0, result.stderr
    rows = sandbox_db.domains(served.db)
    assert all(rows[n]["id_protection"] == 1 for n in NAMES)
    assert app.request_log.count("POST", "/v1/domains/bulk/privacy") == 2


def test_a_renewal_chunk_whose_answer_is_garbled_is_resumed_under_the_same_key(
    proc: Subprocess, served: Served
) -> None:
    proc("auth", "login", "--url", served.url, "--with-token", stdin=DEMO_KEY)
    app = _app(served)
    ids = {n: sandbox_db.domains(served.db)[n]["id"] for n in NAMES}
    top = sandbox_db.rows("SELECT max(id) AS top FROM invoices", path=served.db)[0]["top"]
    # The provider issues the invoices, then its answer arrives cut in half.
    app.faults.add("malformed", method="POST", path_prefix="/v1/domains/bulk/renewal", times=1)
    first = proc("domains", "renew", *NAMES, "--yes")
    assert first.exit_code == 3
    assert "is not valid JSON" in first.stderr
    resumed = proc("domains", "renew", "--resume")
    assert resumed.exit_code == 3, resumed.stderr  # issued, unpaid: not done yet
    assert len(resumed.stdout.splitlines()) == len(NAMES)
    issued = sandbox_db.rows(
        "SELECT ii.related_id AS domain_id FROM invoice_items ii"
        " WHERE ii.invoice_id > ? AND ii.type = 'domain_renewal'",
        top,
        path=served.db,
    )
    # codigo-abierto.dev's renewal is on the seed's unpaid invoice 5006: reused, not reissued.
    ids.pop("codigo-abierto.dev")
    assert sorted(r["domain_id"] for r in issued) == sorted(ids.values())
    lines = {line.split()[0]: line.split()[2] for line in resumed.stdout.splitlines()}
    assert lines["codigo-abierto.dev"] == "INV-2026-5006"
    assert app.request_log.count("POST", "/v1/domains/bulk/renewal") == 2

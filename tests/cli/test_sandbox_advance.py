"""`clientarea sandbox advance` and `sandbox reset --extra-domains`: whole outputs, exit codes."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

from tests.conftest import CLI, TODAY


def _query(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _embedded() -> Path:
    from clientarea_cli.config.paths import sandbox_database

    return sandbox_database()


def _today(path: Path) -> str:
    return str(_query(path, "SELECT value FROM meta WHERE key = 'today'")[0][0])


def test_advance_runs_the_renewal_cycle_of_the_demo_sandbox(demo: CLI) -> None:
    result = demo("sandbox", "advance", "--days", "30")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == (
        "Sandbox date is now 2026-12-22 (+30 days): 6 renewal invoices issued, 2 card charges "
        "made, 0 failed; 6 domains expired, 0 entered grace, 0 suspended; services: 1 invoiced, "
        "1 charged, 0 failed\n"
    )
    path = _embedded()
    assert _today(path) == (TODAY + timedelta(days=30)).isoformat()
    # codigo-abierto.dev was due on day 30 with recurring payment on the Visa: renewed.
    assert _query(path, "SELECT status, expiry_date FROM domains WHERE name = 'codigo-abierto.dev'"
                  ) == [("active", "2027-12-22")]  # fmt: skip
    result = demo("sandbox", "advance", "--days", "1")
    assert result.stdout.startswith("Sandbox date is now 2026-12-23 (+1 day): ")


def test_advance_refuses_bad_input_and_changes_nothing(demo: CLI, tmp_path: Path) -> None:
    result = demo("sandbox", "advance", "--days", "0")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: invalid value for --days: 0 (1 to 3660)\n"
    assert _today(_embedded()) == TODAY.isoformat()
    missing = tmp_path / "none.db"
    result = demo("sandbox", "advance", "--days", "3", "--db", str(missing))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: no sandbox database at {missing}\nhint: create one with: clientarea sandbox reset\n"
    )
    assert not missing.exists()


def test_reset_with_extra_domains_then_advance(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "big.db"
    result = cli("sandbox", "reset", "--db", str(path), "--today", "2026-11-22",
                 "--extra-domains", "800")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"Sandbox database reset with 800 extra domains: {path}\n"
    assert _query(path, "SELECT count(*) FROM domains WHERE name LIKE 'bulk-%'") == [(800,)]
    expiring = _query(path, "SELECT count(*) FROM domains WHERE name LIKE 'bulk-%'"
                            " AND expiry_date < '2026-12-22'")[0][0]  # fmt: skip
    result = cli("sandbox", "advance", "--days", "30", "--db", str(path))
    assert result.exit_code == 0, result.stderr
    assert f"; {6 + int(str(expiring))} domains expired," in result.stdout
    result = cli("sandbox", "reset", "--db", str(path), "--extra-domains", "-1")
    assert (result.exit_code, result.stderr) == (
        2, "error: invalid value for --extra-domains: -1 (0 to 1000000)\n"
    )  # fmt: skip

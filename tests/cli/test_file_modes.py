"""Every file the CLI keeps for itself is 0600 in a 0700 folder; what the user downloads follows
the umask, as any tool's output does."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import CLI


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _modes(root: Path) -> dict[str, int]:
    """Each path under a `clientarea` folder: its full st_mode (type and permissions)."""
    return {
        str(path.relative_to(root)): path.stat().st_mode
        for path in sorted(root.rglob("*"))
        if "clientarea" in path.relative_to(root).parts
    }


def test_the_cli_own_files_are_private(
    demo: CLI, isolated: Path, tmp_path: Path, umask_022: None
) -> None:
    assert demo("domains", "lock", "off", "anagarcia.com", "--yes").exit_code == 0  # journal
    topped = demo("wallet", "add", "100", "--transfer", "--accept-terms", "--yes")  # money log
    assert topped.exit_code == 0, topped.stderr
    login = demo(
        "auth", "login", "--url", "sandbox:", "--profile", "file", "--with-token",
        "--insecure-storage", stdin="sk_sandbox_demo_0000000000000000\n",
    )  # fmt: skip
    assert login.exit_code == 0, login.stderr
    from clientarea_cli.config.paths import journal_file, sandbox_database
    from clientarea_cli.ops.bulk.journal import Journal
    from clientarea_cli.ops.money import MoneyLog
    from clientarea_cli.sandbox.store import Database

    # While a run is in progress (or after it was killed) the journal has its -wal and -shm, and
    # so has the sandbox's database while a command uses it.
    journal, money = Journal(journal_file()), MoneyLog(journal_file())
    sandbox = Database(sandbox_database()).connect()
    try:
        sandbox.execute("SELECT count(*) FROM domains").fetchone()
        modes = _modes(isolated)
    finally:
        journal.close()
        money.close()
        sandbox.close()
    files = {name for name, mode in modes.items() if not stat.S_ISDIR(mode)}
    assert {Path(name).name for name in files} >= {
        "config.toml", "credentials.toml", "journal.db", "journal.db-wal", "journal.db-shm",
        "sandbox.db", "sandbox.db-wal", "sandbox.db-shm",
    }  # fmt: skip
    assert {n: oct(stat.S_IMODE(modes[n])) for n in files} == dict.fromkeys(files, "0o600")
    folders = {name for name in modes if name not in files and Path(name).name == "clientarea"}
    assert len(folders) == 3  # config, data, state
    assert {n: oct(stat.S_IMODE(modes[n])) for n in folders} == dict.fromkeys(folders, "0o700")


def test_a_journal_left_by_an_older_version_is_tightened(
    demo: CLI, isolated: Path, umask_022: None
) -> None:
    import sqlite3

    from clientarea_cli.config.paths import journal_file

    journal = journal_file()
    journal.parent.mkdir(parents=True)
    older = sqlite3.connect(journal)  # as a version before this fix left it, still open
    older.execute("PRAGMA journal_mode=WAL")
    older.execute("CREATE TABLE t (x)")
    files = [journal.with_name(journal.name + suffix) for suffix in ("", "-wal", "-shm")]
    try:
        assert [oct(stat.S_IMODE(f.stat().st_mode)) for f in files] == ["0o644"] * 3
        assert demo("journal", "list").exit_code == 0
        assert [oct(stat.S_IMODE(f.stat().st_mode)) for f in files] == ["0o600"] * 3
    finally:
        older.close()


def test_downloads_follow_the_umask(demo: CLI, tmp_path: Path, umask_022: None) -> None:
    pdf, ics, guide = tmp_path / "out/5009.pdf", tmp_path / "renewals.ics", tmp_path / "g.pdf"
    assert demo("invoices", "download", "5009", "-O", str(pdf)).exit_code == 0
    assert demo("billing", "outlook", "--within", "90d", "--ics", str(ics)).exit_code == 0
    assert demo("downloads", "get", "1", "-O", str(guide)).exit_code == 0
    assert [oct(stat.S_IMODE(p.stat().st_mode)) for p in (pdf, ics, guide)] == ["0o644"] * 3
    assert oct(stat.S_IMODE(pdf.parent.stat().st_mode)) == "0o755"

"""The bulk journal: states, resumable runs, summaries, and its file's permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from clientarea_cli.errors import NotFound
from clientarea_cli.models import Outcome
from clientarea_cli.ops.bulk.journal import Journal
from clientarea_cli.ops.bulk.rows import PlanRow
from clientarea_cli.ops.bulk.runner import RateLimiter


def _items(*names: str, skip: tuple[str, ...] = ()) -> list[PlanRow]:
    return [PlanRow(n, i, "off", "on", skip=n in skip) for i, n in enumerate(names, start=1)]


def _journal(tmp_path: Path) -> Journal:
    return Journal(tmp_path / "state" / "journal.db")


def _create(journal: Journal, *names: str, keyed: bool = False, skip: tuple[str, ...] = ()) -> str:
    run_id, planned = journal.create_run(
        command="lock",
        action="toggle",
        title="lock on",
        params={"setting": "registrar_lock", "enabled": True},
        mode="items",
        profile="demo",
        items=_items(*names, skip=skip),
        keyed=keyed,
    )
    assert planned == journal.items(run_id, ("planned",))
    return run_id


def test_the_file_is_private(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    _create(journal, "a.es")
    journal.close()
    mode = stat.S_IMODE(os.stat(tmp_path / "state" / "journal.db").st_mode)
    assert mode == 0o600


def test_states_move_and_summaries_count_them(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    run_id = _create(journal, "a.es", "b.es", "c.es", "d.es", skip=("d.es",))
    assert [i.state for i in journal.items(run_id)] == ["planned", "planned", "planned", "skipped"]
    journal.mark_sending(run_id, [0, 1])
    journal.record(run_id, [(0, Outcome(domain="a.es", ok=True, result="lock on"))])
    journal.record(
        run_id, [(1, Outcome(domain="b.es", ok=False, result="failed", error="locked out"))]
    )
    journal.finish(run_id, "partial")
    [summary] = journal.summaries()
    assert (summary.total, summary.done, summary.failed, summary.skipped, summary.pending) == (
        4,
        1,
        1,
        1,
        1,
    )
    # c.es was never sent: the run is unfinished, so it is the one --resume finds.
    assert summary.status == "interrupted"
    assert journal.latest_unfinished("lock", "demo") == run_id
    assert journal.latest_unfinished("lock", "other-profile") is None
    assert journal.latest_unfinished("privacy", "demo") is None
    entries = journal.entries(run_id)
    assert [(e.domain, e.state, e.error) for e in entries] == [
        ("a.es", "done", None),
        ("b.es", "failed", "locked out"),
        ("c.es", "planned", None),
        ("d.es", "skipped", None),
    ]


def test_a_finished_run_is_not_resumable(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    run_id = _create(journal, "a.es")
    journal.mark_sending(run_id, [0])
    journal.record(run_id, [(0, Outcome(domain="a.es", ok=True, result="lock on"))])
    journal.finish(run_id, "done")
    assert journal.latest_unfinished("lock", "demo") is None
    assert journal.summaries()[0].status == "done"


def test_keyed_runs_get_one_key_per_item_to_apply(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    run_id = _create(journal, "a.es", "b.es", "c.es", keyed=True, skip=("c.es",))
    keys = [i.key for i in journal.items(run_id)]
    assert keys[0]
    assert keys[1]
    assert keys[0] != keys[1]
    assert keys[2] is None


def test_a_run_is_found_by_a_prefix_of_its_id(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    run_id = _create(journal, "a.es")
    assert journal.run(run_id[:6]).id == run_id
    with pytest.raises(NotFound, match="no bulk run 'zzz'"):
        journal.run("zzz")


def test_rate_limiter_spaces_requests() -> None:
    now = [100.0]
    limiter = RateLimiter(None, clock=lambda: now[0])
    limiter.acquire()  # no limit: returns at once
    limited = RateLimiter(1000.0, clock=lambda: now[0])
    for _ in range(3):
        limited.acquire()
    # Three slots taken 1 ms apart: the next free slot is 3 ms after the first.
    assert limited._next == pytest.approx(100.003)


def test_a_chunk_of_a_thousand_and_more_moves_state_in_a_few_statements(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    names = [f"d{i:04d}.es" for i in range(1_201)]
    run_id = _create(journal, *names)
    journal.mark_sending(run_id, list(range(1, 1_201)), "chunk-1")
    items = journal.items(run_id)
    assert (items[0].state, items[0].chunk_key) == ("planned", None)
    assert {(i.state, i.chunk_key) for i in items[1:]} == {("sending", "chunk-1")}
    # Settings share one outcome; failures and renewals (an invoice each) keep their own.
    results = [
        (seq, Outcome(domain=names[seq], ok=False, result="failed", error="locked out"))
        if seq % 7 == 0
        else (seq, Outcome(domain=names[seq], ok=True, result=f"invoice {seq}", invoice_id=seq))
        if seq % 5 == 0
        else (seq, Outcome(domain=names[seq], ok=True, result="lock on"))
        for seq in range(1, 1_201)
    ]
    journal.record(run_id, results)
    entries = journal.entries(run_id)
    assert (entries[0].domain, entries[0].state) == ("d0000.es", "planned")
    assert [(e.domain, e.state, e.result, e.error, e.invoice_id) for e in entries[1:]] == [
        (names[seq], "done" if o.ok else "failed", o.result, o.error, o.invoice_id)
        for seq, o in results
    ]
    [summary] = journal.summaries()
    assert (summary.done, summary.failed, summary.pending) == (1_029, 171, 1)


def test_a_journal_written_by_an_older_version_loses_its_state_index(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "state" / "journal.db"
    journal = Journal(path)
    journal.close()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE INDEX items_by_state ON items (run_id, state)")
    journal = Journal(path)
    run_id = _create(journal, "a.es")
    assert journal.latest_unfinished("lock", "demo") == run_id
    journal.close()
    with sqlite3.connect(path) as conn:
        indexes = conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()
    assert ("items_by_state",) not in indexes


def test_planning_pauses_the_garbage_collector_and_gives_it_back_even_on_error() -> None:
    import gc

    from clientarea_cli import collector

    def plan_unknown_domain() -> None:
        with collector.paused():
            assert not gc.isenabled()
            raise NotFound("no such domain in this account: x.es")

    assert gc.isenabled()
    with pytest.raises(NotFound):
        plan_unknown_domain()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_stretches_of_consecutive_items() -> None:
    from clientarea_cli.ops.bulk.journal import _stretches

    assert list(_stretches([7, 1, 2, 3, 3, 9, 10])) == [(1, 3), (7, 7), (9, 10)]
    assert list(_stretches([])) == []


def test_updates_touch_exactly_the_items_named(tmp_path: Path) -> None:
    """Long stretches go by `seq BETWEEN`, scattered items by name: neither touches a
    neighbour (a skipped item inside a stretch's span, an item left out)."""
    journal = _journal(tmp_path)
    names = [f"d{i:02}.es" for i in range(40)]
    run_id = _create(journal, *names, skip=("d05.es",))
    chosen = [*range(0, 5), *range(6, 20), 23, 27, *range(30, 40)]
    journal.mark_sending(run_id, chosen, "chunk-1")
    done = Outcome(domain="-", ok=True, result="lock on")
    journal.record(run_id, [(seq, done) for seq in chosen if seq != 23])
    states = [i.state for i in journal.items(run_id)]
    expected = ["planned"] * 40
    for seq in chosen:
        expected[seq] = "done"
    expected[5] = "skipped"
    expected[23] = "sending"
    assert states == expected
    assert [i.chunk_key for i in journal.items(run_id)][22:25] == [None, "chunk-1", None]

"""`--resume` as documented (issue 10 item 4, issue 11 item 4): every bulk command resumes, the
hint after a stopped or partial run is a command that works as printed (copied from the
journal), arguments given with --resume must be the run's own, and `journal abandon` gives up
a run that cannot finish.
"""

from __future__ import annotations

import json
import re
import shlex

import pytest

from tests.cli.payment_support import SandboxHook, execute, sandbox_apps
from tests.conftest import CLI
from tests.support import sandbox_db
from tests.support.runner import Result

__all__ = ["sandbox_apps"]

NS = ["ns1.example.net", "ns2.example.net"]
DOMAIN = "anagarcia.com"
HINT = re.compile(
    r"^hint: finish it with `(clientarea [^`]+)`(?: \([^)]*\))?, "
    r"or give it up with `(clientarea journal abandon [0-9a-f]+)`$"
)


def nameservers(domain: str = DOMAIN) -> list[str]:
    return list(json.loads(sandbox_db.domains()[domain]["nameservers"]))


def stopped_nameservers_run(demo: CLI, sandbox_apps: SandboxHook) -> tuple[str, str]:
    """A `nameservers set` run whose request never reached the provider (every attempt's
    connection dropped): exit 1, and the hint's two commands."""
    sandbox_apps(
        lambda app: app.faults.add("drop", method="POST", path_prefix="/v1/domains/bulk/", times=3)
    )
    result = demo("domains", "nameservers", "set", DOMAIN, *NS)
    assert result.exit_code == 1, result.stderr
    assert result.stdout == ""
    match = HINT.match(result.stderr.splitlines()[-1])
    assert match, result.stderr
    sandbox_apps(lambda app: None)
    assert nameservers() != NS
    return match.group(1), match.group(2)


def run_as_printed(demo: CLI, command: str) -> Result:
    words = shlex.split(command)
    assert words[0] == "clientarea"
    return demo(*words[1:])


def test_the_hint_after_a_stopped_run_works_as_printed(
    demo: CLI, sandbox_apps: SandboxHook
) -> None:
    resume, _ = stopped_nameservers_run(demo, sandbox_apps)
    assert resume == "clientarea -p demo domains nameservers set --resume"
    result = run_as_printed(demo, resume)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{DOMAIN}  nameservers {', '.join(NS)}\n"
    assert nameservers() == NS


def test_nameservers_given_with_resume_must_be_the_runs_own(
    demo: CLI, sandbox_apps: SandboxHook
) -> None:
    stopped_nameservers_run(demo, sandbox_apps)
    before = sandbox_db.snapshot()
    other = demo("domains", "nameservers", "set", "--resume", "ns1.other.net", "ns2.other.net")
    assert other.exit_code == 2
    assert other.stdout == ""
    [line] = other.stderr.splitlines()
    assert re.fullmatch(
        r"error: `ns1\.other\.net ns2\.other\.net` differs from the run --resume finishes "
        r"\([0-9a-f]+: nameservers\); drop it to finish that run as it started, or start a new "
        r"run without --resume",
        line,
    ), line
    assert sandbox_db.snapshot() == before
    same = demo("domains", "nameservers", "set", "--resume", *NS)
    assert same.exit_code == 0, same.stderr
    assert nameservers() == NS


@pytest.mark.parametrize(
    ("started", "resumed"),
    [
        (["lock", "on", DOMAIN], ["lock", "off", "--resume"]),
        (["privacy", "on", DOMAIN], ["privacy", "off", "--resume"]),
        (["renew", DOMAIN], ["renew", "--years", "2", "--resume"]),
        (["renew", DOMAIN], ["renew", "--use-credit", "--resume"]),
        (["recur", DOMAIN, "--method", "4242"], ["recur", "--off", "--resume"]),
        (["nameservers", "set", DOMAIN, *NS], ["nameservers", "set", "--resume", *NS[::-1]]),
    ],
)
def test_other_arguments_than_the_runs_are_refused(
    demo: CLI, sandbox_apps: SandboxHook, started: list[str], resumed: list[str]
) -> None:
    execute(
        "UPDATE domains SET registrar_lock = 0, id_protection = 0, recurring_enabled = 0"
        " WHERE name = ?",
        DOMAIN,
    )
    sandbox_apps(
        lambda app: app.faults.add("drop", method="POST", path_prefix="/v1/domains/bulk/", times=3)
    )
    first = demo("domains", *started, "--yes")
    assert first.exit_code == 1, first.stderr
    sandbox_apps(lambda app: None)
    before = sandbox_db.snapshot()
    refused = demo("domains", *resumed)
    assert refused.exit_code == 2
    [line] = refused.stderr.splitlines()
    assert "differs from the run --resume finishes" in line
    assert sandbox_db.snapshot() == before
    # The same arguments are accepted, and the run finishes (a renewal issued but not paid is
    # not done yet: exit 3, docs/bulk.md, Renewal).
    finished = demo("domains", *[word for word in started if word != DOMAIN], "--resume")
    assert finished.exit_code == (3 if "renew" in started else 0), finished.stderr


def test_the_hint_after_failures_retries_them_as_printed(
    demo: CLI, sandbox_apps: SandboxHook
) -> None:
    execute("UPDATE domains SET registrar_lock = 0 WHERE name = ?", DOMAIN)
    sandbox_apps(
        lambda app: app.faults.add("500", method="POST", path_prefix="/v1/domains/bulk/", times=3)
    )
    result = demo("domains", "lock", "on", DOMAIN)
    assert result.exit_code == 3, result.stderr
    hint = result.stderr.splitlines()[-1]
    match = re.fullmatch(
        r"hint: details: `clientarea journal show ([0-9a-f]+)`; retry them with `([^`]+)`, or "
        r"give them up with `clientarea journal abandon \1`",
        hint,
    )
    assert match, hint
    sandbox_apps(lambda app: None)
    retried = run_as_printed(demo, match.group(2))
    assert retried.exit_code == 0, retried.stderr
    assert sandbox_db.domains()[DOMAIN]["registrar_lock"] == 1


def test_journal_abandon_gives_a_run_up_and_says_what_it_leaves_undone(
    demo: CLI, sandbox_apps: SandboxHook
) -> None:
    _, abandon = stopped_nameservers_run(demo, sandbox_apps)
    run_id = abandon.split()[-1]
    before = sandbox_db.snapshot()
    result = run_as_printed(demo, abandon)
    assert result.exit_code == 0, result.stderr
    assert DOMAIN in result.stdout
    assert result.stderr == (
        f"abandoned run {run_id} (nameservers): 1 domain(s) left undone: 1 whose outcome is "
        "unknown (they may or may not have been applied: check them with `clientarea domains "
        "show DOMAIN`); --resume will not pick this run again\n"
    )
    assert sandbox_db.snapshot() == before
    listed = json.loads(demo("journal", "list", "-o", "json").stdout)
    assert [r["status"] for r in listed if r["id"] == run_id] == ["abandoned"]
    resumed = demo("domains", "nameservers", "set", "--resume")
    assert resumed.exit_code == 2
    assert resumed.stderr.startswith("error: nothing to resume")
    again = run_as_printed(demo, abandon)
    assert again.exit_code == 2
    assert again.stderr == (
        f"error: run {run_id} (nameservers) has nothing left to do: nothing to abandon\n"
    )


def test_a_renewal_with_credit_whose_answer_is_lost_is_exit_9_and_resumes_once(
    demo: CLI, sandbox_apps: SandboxHook
) -> None:
    """Money moved (credit applied) and no answer came: exit 9, and the way to settle it is the
    printed --resume, which re-sends under the same key: one invoice, credit taken once."""
    top = sandbox_db.rows("SELECT max(id) AS top FROM invoices")[0]["top"]
    sandbox_apps(
        lambda app: app.faults.add(
            "drop_after_commit", method="POST", path_prefix="/v1/domains/bulk/", times=3
        )
    )
    result = demo("domains", "renew", DOMAIN, "--use-credit", "--yes")
    assert result.exit_code == 9, result.stderr
    assert "reconcile" not in result.stderr
    last = result.stderr.splitlines()[-1]
    match = HINT.match(last)
    assert match, last
    assert "(it settles the items whose outcome is unknown first)" in last
    sandbox_apps(lambda app: None)
    movements = sandbox_db.rows("SELECT * FROM wallet_movements")
    resumed = run_as_printed(demo, match.group(1))
    assert resumed.exit_code == 0, resumed.stderr
    renewals = sandbox_db.rows(
        "SELECT invoice_id FROM invoice_items WHERE invoice_id > ? AND type = 'domain_renewal'",
        top,
    )
    assert len(renewals) == 1
    assert sandbox_db.rows("SELECT * FROM wallet_movements") == movements

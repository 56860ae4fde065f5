"""Tab after `--columns`: the paths the command accepts, from a table generated ahead of time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clientarea_cli.cli.column_paths import PATHS
from clientarea_cli.docs_gen.columns import declared, module_source
from tests.cli.test_completion import tab
from tests.conftest import CLI

DOMAIN_PATHS = [
    "id",
    "name",
    "tld",
    "status",
    "registration_date",
    "expiry_date",
    "next_due_date",
    "registration_period",
    "recurring_amount",
    "auto_renew",
    "registrar_lock",
    "id_protection",
    "recurring",
    "nameservers",
    "recurring_amount.amount",
    "recurring_amount.currency",
    "recurring.enabled",
    "recurring.payment_method_id",
    "recurring.contact_id",
]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("clientarea domains list --columns ", DOMAIN_PATHS),
        ("clientarea domains show example.es --columns ", DOMAIN_PATHS),
        (
            "clientarea domains list --columns re",
            [
                "registration_date",
                "registration_period",
                "recurring_amount",
                "registrar_lock",
                "recurring",
                "recurring_amount.amount",
                "recurring_amount.currency",
                "recurring.enabled",
                "recurring.payment_method_id",
                "recurring.contact_id",
            ],
        ),
        ("clientarea domains list --columns name,st", ["name,status"]),
        (
            "clientarea invoices list --columns total",
            ["total", "total.amount", "total.currency"],
        ),
        (
            "clientarea invoices list -o json --columns number,su",
            ["number,subtotal", "number,subtotal.amount", "number,subtotal.currency"],
        ),
        (
            "clientarea services list --columns id,product,",
            [
                f"id,product,{path}"
                for path in (
                    "group",
                    "domain",
                    "status",
                    "billing_cycle",
                    "first_payment",
                    "recurring_amount",
                    "registration_date",
                    "next_due_date",
                    "payment_method_id",
                    "addons",
                    "first_payment.amount",
                    "first_payment.currency",
                    "recurring_amount.amount",
                    "recurring_amount.currency",
                )
            ],
        ),
        ("clientarea services show 101 --columns status,n", ["status,next_due_date"]),
        ("clientarea tickets list --columns id,subject,st", ["id,subject,status"]),
        ("clientarea domains list --columns nosuch", []),
        ("clientarea domains list --columns name,name", ["name,nameservers"]),
        ("clientarea domains list --columns name,status,nam", ["name,status,nameservers"]),
        ("clientarea domains list --columns name,status,name", ["name,status,nameservers"]),
    ],
)
def test_tab_offers_the_columns_of_the_command(words: str, expected: list[str]) -> None:
    assert tab(words) == expected


def test_zsh_and_fish_get_the_same_paths_without_descriptions() -> None:
    assert tab("clientarea domains list --columns recurring.", "zsh") == [
        '_arguments \'*: :(("recurring.enabled"',
        '"recurring.payment_method_id"',
        '"recurring.contact_id"))\'',
    ]
    assert tab("clientarea domains list --columns name,recurring.", "fish") == [
        "name,recurring.enabled",
        "name,recurring.payment_method_id",
        "name,recurring.contact_id",
    ]


def test_the_global_columns_before_the_command_offers_nothing() -> None:
    assert tab("clientarea --columns ") == []


def test_the_stored_table_is_the_models_own() -> None:
    from clientarea_cli.cli import column_paths

    assert Path(column_paths.__file__).read_text(encoding="utf-8") == module_source(), (
        "run `make completions` to write cli/column_paths.py again"
    )


# A run of each command that takes --columns, reaching the point where it renders (demo data).
RUNS: dict[str, list[str]] = {
    "account show": [],
    "affiliate show": [],
    "announcements list": [],
    "billing outlook": [],
    "catalog list": [],
    "catalog show": ["Hosting Pro"],
    "contacts list": [],
    "domains list": [],
    "domains show": ["anagarcia.com"],
    "domains check": ["una-idea-nueva.es"],
    "domains nameservers show": ["anagarcia.com"],
    "domains child-ns list": ["anagarcia.com"],
    "domains contacts show": ["anagarcia.com"],
    "domains contacts set": ["anagarcia.com", "--role", "tech", "--from-account", "--yes"],
    "domains dns list": ["garcia-hosting.es"],
    "downloads list": [],
    "emails list": [],
    "invoices list": [],
    "invoices show": ["INV-2026-5009"],
    "journal list": [],
    "journal show": ["RUN"],
    "journal abandon": ["RUN"],
    "journal payments": [],
    "journal reconcile": ["-o", "json"],
    "kb categories": [],
    "kb search": ["dns"],
    "payment-methods list": [],
    "profiles list": [],
    "services list": [],
    "services show": ["101"],
    "services upgrade": ["101"],
    "services options": ["102"],
    "services credentials": ["101"],
    "services usage": ["101"],
    "services cancel-request show": ["101"],
    "services addons list": ["101"],
    "services mailboxes list": ["101"],
    "tickets departments": [],
    "tickets list": [],
    "wallet pending": [],
}
# What a run needs done first.
BEFORE = {
    "services cancel-request show": [
        "services",
        "cancel",
        "101",
        "--when",
        "end-of-period",
        "--yes",
    ]
}


def _unfinished_run() -> str:
    """A bulk run with one item never sent, as a run stopped half-way leaves it."""
    from clientarea_cli.config.paths import journal_file
    from clientarea_cli.ops.bulk.journal import Journal
    from clientarea_cli.ops.bulk.rows import PlanRow

    journal = Journal(journal_file())
    try:
        run_id, _ = journal.create_run(
            command="lock",
            action="toggle",
            title="lock on",
            params={"setting": "registrar_lock", "enabled": True},
            mode="items",
            profile="demo",
            items=[PlanRow("anagarcia.com", 1, "off", "on")],
            keyed=False,
        )
        journal.finish(run_id, "interrupted")
    finally:
        journal.close()
    return run_id


def test_every_command_with_columns_has_a_run_here() -> None:
    assert sorted(declared()) == sorted(RUNS)


@pytest.mark.parametrize("command", sorted(RUNS))
def test_each_command_declares_the_model_it_renders(demo: CLI, command: str) -> None:
    """The command's hint for a bad column lists exactly what Tab offers for it."""
    if command in BEFORE:
        assert demo(*BEFORE[command]).exit_code == 0
    args = [a.replace("RUN", _unfinished_run()) for a in RUNS[command]]
    result = demo(*command.split(), *args, "--columns", "bogus")
    assert result.exit_code == 2, result.stdout + result.stderr
    offered = tab(f"clientarea {command} {' '.join(RUNS[command])} --columns ")
    assert offered == list(PATHS[declared()[command]])
    if result.stderr.startswith("{"):  # -o json: the error is JSON too
        error = json.loads(result.stderr)["error"]
        said = [f"error: {error['message']}", f"hint: {error['hint']}"]
    else:
        said = result.stderr.splitlines()[-2:]
    assert said == ["error: unknown column 'bogus'", f"hint: valid columns: {', '.join(offered)}"]


@pytest.mark.parametrize(
    "command", ["domains list", "invoices list", "services list", "tickets list", "domains show"]
)
def test_every_path_offered_is_accepted(demo: CLI, command: str) -> None:
    offered = tab(f"clientarea {command} {' '.join(RUNS[command])} --columns ")
    for fmt in ("table", "json", "csv"):
        result = demo(*command.split(), *RUNS[command], "-o", fmt, "--columns", ",".join(offered))
        assert result.exit_code == 0, (fmt, result.stderr)


# A command that changes something refuses a bad --columns before it sends anything.
CHANGES = {
    "domains contacts set": (
        ["domains", "contacts", "set", "anagarcia.com", "--role", "tech", "--from-account"],
        ["domains", "contacts", "show", "anagarcia.com", "-o", "json"],
    ),
    "services upgrade --to": (
        ["services", "upgrade", "101", "--to", "Hosting Business", "-o", "json"],
        ["invoices", "list", "--all", "-o", "json"],
    ),
    "services options --set": (
        ["services", "options", "101", "--set", "extra_disk_gb=10", "-o", "json"],
        ["services", "options", "101", "-o", "json"],
    ),
    "journal abandon": (["journal", "abandon", "RUN"], ["journal", "list", "-o", "json"]),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_bad_column_changes_nothing(demo: CLI, change: str) -> None:
    command, look = CHANGES[change]
    command = [a.replace("RUN", _unfinished_run()) for a in command]
    before = demo(*look).stdout
    refused = demo(*command, "--yes", "--columns", "bogus")
    assert (refused.exit_code, refused.stdout) == (2, ""), refused.stderr
    assert "unknown column 'bogus'" in refused.stderr
    assert demo(*look).stdout == before
    done = demo(*command, "--yes")  # the same without it is a change
    assert done.exit_code == 0, done.stderr
    assert demo(*look).stdout != before

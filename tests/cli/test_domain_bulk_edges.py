"""Bulk edges: a change touches only what was named; --from-file in the forms people and the
CLI write, with per-row name servers; international name servers (IDNA 2008)."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_domain_bulk import LOCKABLE, _flags, _set, unlocked
from tests.conftest import CLI
from tests.support import sandbox_db

__all__ = ["unlocked"]


# -- a change touches only what the user named ---------------------------------------------------
def test_recur_without_contact_keeps_each_domains_contact(demo: CLI) -> None:
    _set("UPDATE domains SET recurring_enabled = 1, recurring_payment_method_id = 21,"
         " recurring_contact_id = 11 WHERE name = 'anagarcia.com'")  # fmt: skip
    before = sandbox_db.snapshot()
    plan = demo("domains", "recur", "anagarcia.com", "--method", "4242", "--dry-run")
    assert plan.exit_code == 0, plan.stderr
    assert plan.stderr.splitlines()[-1] == (
        "recurring on: 0 domain(s) to change, 1 already so (dry run: nothing was changed)"
    )
    assert "recurring on (Visa ···4242, contact 11)" in plan.stdout
    result = demo("domains", "recur", "anagarcia.com", "--method", "4242")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("nothing to change: 1 domain(s) already recurring on")
    assert sandbox_db.snapshot() == before


def test_recur_with_a_new_card_only_changes_the_card(demo: CLI) -> None:
    _set("UPDATE payment_methods SET validated = 1 WHERE id = 22")
    _set("UPDATE domains SET recurring_enabled = 1, recurring_payment_method_id = 21,"
         " recurring_contact_id = 11 WHERE name = 'anagarcia.com'")  # fmt: skip
    plan = demo("domains", "recur", "anagarcia.com", "--method", "22", "--dry-run", "-o", "json")
    assert plan.exit_code == 0, plan.stderr
    (item,) = json.loads(plan.stdout)
    assert (item["current"], item["desired"], item["skip"]) == (
        "recurring on (method 21, contact 11)",
        "recurring on (Mastercard ···4444, contact 11)",
        False,
    )
    result = demo("domains", "recur", "anagarcia.com", "--method", "22")
    assert result.exit_code == 0, result.stderr
    row = sandbox_db.domains()["anagarcia.com"]
    assert (row["recurring_payment_method_id"], row["recurring_contact_id"]) == (22, 11)


def test_recur_plan_shows_a_contact_change(demo: CLI) -> None:
    _set("UPDATE domains SET recurring_enabled = 1, recurring_payment_method_id = 21,"
         " recurring_contact_id = NULL WHERE name = 'anagarcia.com'")  # fmt: skip
    plan = demo("domains", "recur", "anagarcia.com", "--method", "21", "--contact", "billing",
                "--dry-run", "-o", "json")  # fmt: skip
    (item,) = json.loads(plan.stdout)
    assert (item["current"], item["desired"], item["skip"]) == (
        "recurring on (Visa ···4242)",
        "recurring on (Visa ···4242, contact Marta Ruiz)",
        False,
    )


@pytest.mark.parametrize(
    ("command", "column"),
    [("autorenew", "auto_renew"), ("lock", "registrar_lock"), ("privacy", "id_protection")],
)
def test_a_toggle_changes_only_its_own_setting(unlocked: CLI, command: str, column: str) -> None:
    _set("UPDATE domains SET recurring_enabled = 1, recurring_payment_method_id = 21,"
         " recurring_contact_id = 11, id_protection = 0 WHERE name = 'anagarcia.com'")  # fmt: skip
    before = sandbox_db.domains()["anagarcia.com"]
    result = unlocked("domains", command, "on", "anagarcia.com")
    assert result.exit_code == 0, result.stderr
    after = sandbox_db.domains()["anagarcia.com"]
    assert {k for k in after if after[k] != before[k]} == {column}


# -- --from-file: spreadsheets, the CLI's own output, per-row name servers -----------------------
@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "jsonl"])
def test_from_file_takes_the_clis_own_list_output(unlocked: CLI, fmt: str) -> None:
    listed = unlocked("domains", "list", "--tld", "com", "-o", fmt)
    assert listed.exit_code == 0, listed.stderr
    result = unlocked("domains", "lock", "on", "--from-file", "-", "--dry-run", "-o", "json",
                      stdin=listed.stdout)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    coms = sorted(n for n, d in sandbox_db.domains().items() if d["client_id"] == 1
                  and d["tld"] == "com")  # fmt: skip
    assert sorted(p["domain"] for p in json.loads(result.stdout)) == coms


def test_from_file_semicolon_csv_as_spanish_spreadsheets_write_it(unlocked: CLI) -> None:
    text = (
        "\ufeffsep=;\r\nDominio;Domain;Nota\r\n1;anagarcia.com;a, b\r\n2;flamenco-studio.net;\r\n"
    )
    result = unlocked("domains", "lock", "on", "--from-file", "-", "--yes", stdin=text)
    assert result.exit_code == 0, result.stderr
    assert _flags("registrar_lock", LOCKABLE) == [1, 1, 0]


def test_nameservers_per_row_from_a_file_are_planned_and_set(demo: CLI) -> None:
    text = (
        "domain;ns1;ns2;ns3\n"
        "anagarcia.com;ns1.a.net;NS2.A.NET.;\n"
        "flamenco-studio.net;ns1.b.net;ns2.b.net;ns3.b.net\n"
    )
    plan = demo("domains", "nameservers", "set", "--from-file", "-", "--dry-run", "-o", "json",
                stdin=text)  # fmt: skip
    assert plan.exit_code == 0, plan.stderr
    assert [(p["domain"], p["desired"]) for p in json.loads(plan.stdout)] == [
        ("anagarcia.com", "ns1.a.net, ns2.a.net"),
        ("flamenco-studio.net", "ns1.b.net, ns2.b.net, ns3.b.net"),
    ]
    result = demo("domains", "nameservers", "set", "--from-file", "-", "--yes", stdin=text)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "anagarcia.com        nameservers ns1.a.net, ns2.a.net\n"
        "flamenco-studio.net  nameservers ns1.b.net, ns2.b.net, ns3.b.net\n"
    )
    rows = sandbox_db.domains()
    assert json.loads(rows["flamenco-studio.net"]["nameservers"]) == [
        "ns1.b.net", "ns2.b.net", "ns3.b.net"
    ]  # fmt: skip


def test_rows_without_name_servers_take_the_command_lines(demo: CLI) -> None:
    text = "domain,nameservers\nanagarcia.com,ns1.a.net ns2.a.net\nflamenco-studio.net,\n"
    result = demo("domains", "nameservers", "set", "--from-file", "-", "--yes",
                  "ns1.z.net", "ns2.z.net", stdin=text)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    rows = sandbox_db.domains()
    assert json.loads(rows["anagarcia.com"]["nameservers"]) == ["ns1.a.net", "ns2.a.net"]
    assert json.loads(rows["flamenco-studio.net"]["nameservers"]) == ["ns1.z.net", "ns2.z.net"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("domain;ns1;ns2\nanagarcia.com;ns1.a.net;ns2.a.net\nflamenco-studio.net;;\n",
         "error: stdin, line 3: no name servers for this domain"),
        ("domain;ns1;ns2\nanagarcia.com;ns1.a.net;bad_ns.net\n",
         "error: stdin, line 2: invalid name server 2: 'bad_ns.net'"),
        ("domain;ns1\nanagarcia.com;ns1.a.net\n",
         "error: stdin, line 2: give 2 to 5 name servers (got 1)"),
    ],
)  # fmt: skip
def test_bad_rows_of_name_servers_send_nothing(demo: CLI, text: str, message: str) -> None:
    before = sandbox_db.snapshot()
    result = demo("domains", "nameservers", "set", "--from-file", "-", "--yes", stdin=text)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert sandbox_db.snapshot() == before


def test_international_name_servers_follow_idna_2008(demo: CLI) -> None:
    result = demo(
        "domains", "nameservers", "set", "anagarcia.com", "ns1.straße.de", "ns2.straße.de"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "anagarcia.com  nameservers ns1.xn--strae-oqa.de, ns2.xn--strae-oqa.de\n"
    )
    assert json.loads(sandbox_db.domains()["anagarcia.com"]["nameservers"]) == [
        "ns1.xn--strae-oqa.de", "ns2.xn--strae-oqa.de"
    ]  # fmt: skip

"""Shell completion as a user meets it: what each group's help offers, what a Tab press prints."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clientarea_cli.cli.app import SUBCOMMANDS
from tests.conftest import CLI


@pytest.mark.parametrize("group", sorted(SUBCOMMANDS))
def test_no_group_offers_to_install_completion(cli: CLI, group: str, isolated: Path) -> None:
    """`clientarea completion SHELL` prints the script; nothing edits a shell's rc file."""
    result = cli(group, "--help")
    assert result.exit_code == 0
    assert "--install-completion" not in result.stdout
    assert "--show-completion" not in result.stdout
    for flag in ("--install-completion", "--show-completion"):
        refused = cli(group, flag)
        assert refused.exit_code == 2, (group, flag, refused.stdout)
        assert refused.stderr.startswith(f"error: No such option: {flag}"), refused.stderr
    assert sorted(p.name for p in isolated.iterdir()) == []


def test_root_help_offers_the_completion_command_only(cli: CLI) -> None:
    result = cli("--help")
    assert "--install-completion" not in result.stdout
    assert "│ completion       Print the shell completion script.  " in result.stdout


def tab(words: str, shell: str = "bash", **env: str) -> list[str]:
    """What a Tab press after `words` prints, one candidate a line (exit 0, nothing on stderr)."""
    if shell == "bash":
        cword = len(words.split()) - (0 if words.endswith(" ") else 1)
        press = {"COMP_WORDS": words, "COMP_CWORD": str(cword)}
    else:
        press = {"_TYPER_COMPLETE_ARGS": words, "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    done = subprocess.run(
        [sys.executable, "-m", "clientarea_cli"],
        env={**os.environ, "_CLIENTAREA_COMPLETE": f"complete_{shell}", **press, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, ""), (words, done.stderr)
    out = done.stdout.rstrip("\n")  # as $(…) in the shell's script takes it
    return out.split("\n") if out else []


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("clientarea -o ", "table json jsonl csv tsv"),
        ("clientarea domains list -o j", "json jsonl"),
        ("clientarea --color ", "auto always never"),
        ("clientarea invoices list --color n", "never"),
        ("clientarea --lang ", "en es"),
        (
            "clientarea domains list --status ",
            "active pending expired grace redemption suspended cancelled transferred-away",
        ),
        ("clientarea domains renew --status ex", "expired"),
        ("clientarea domains list --auto-renew ", "on off"),
        ("clientarea domains lock ", "on off"),
        ("clientarea services list --status ", "active pending suspended cancelled expired"),
        ("clientarea services cancel 101 --when ", "immediate end-of-period"),
        (
            "clientarea services upgrade 101 --cycle ",
            "monthly quarterly semiannually annually biennially triennially one-time free",
        ),
        ("clientarea invoices list --status ", "unpaid overdue paid cancelled refunded"),
        ("clientarea tickets list --status ", "open answered customer-reply on-hold closed all"),
        ("clientarea tickets open --priority ", "low medium high"),
        ("clientarea domains dns add example.es ", "A AAAA CNAME MX TXT SRV CAA"),
        ("clientarea domains dns update example.es 7 --type C", "CNAME CAA"),
        ("clientarea domains contacts set example.es --role ", "registrant admin tech billing all"),
        (
            "clientarea contacts add --email-kinds ",
            "general invoice support product domain affiliate all none",
        ),
        ("clientarea completion ", "bash zsh fish powershell"),
        ("clientarea auth login --provider ", "clientarea fossbilling"),
        ("clientarea auth login --driver f", "fossbilling"),
    ],
)
def test_tab_offers_an_options_fixed_values(words: str, expected: str) -> None:
    assert tab(words) == expected.split()


def test_the_values_are_the_ones_the_options_accept(cli: CLI) -> None:
    """What Tab offers for --when passes the option's own check (no second list to drift)."""
    for value in tab("clientarea services list --status "):
        result = cli("services", "list", "--status", value, "--no-input", "-p", "nobody")
        assert "invalid value for --status" not in result.stderr, value
    refused = cli("services", "list", "--status", "bogus")
    assert refused.exit_code == 2
    assert "choose from active, pending, suspended, cancelled, expired" in refused.stderr


def cache_file(home: Path, profile: str = "demo") -> Path:
    return home / ".cache" / "clientarea" / f"completion-{profile}.json"


def test_no_cache_offers_no_ids(demo: CLI, isolated: Path) -> None:
    assert tab("clientarea domains show ") == []
    assert tab("clientarea invoices pay ") == []
    assert tab("clientarea domains list --tld ") == []
    assert not cache_file(isolated).exists()


def test_a_list_command_writes_the_ids_tab_offers(demo: CLI, isolated: Path) -> None:
    listed = demo("domains", "list", "--all", "-q").stdout.split()
    assert len(listed) > 20
    assert tab("clientarea domains show ") == listed
    assert tab("clientarea domains renew mi-tienda.es ") == listed
    assert tab("clientarea domains show mi-") == [n for n in listed if n.startswith("mi-")]
    assert tab("clientarea domains list --tld e") == ["es", "eu"]
    assert tab("clientarea domains list --tld .c") == [".cat", ".com"]
    path = cache_file(isolated)
    assert (path.stat().st_mode & 0o777, path.parent.stat().st_mode & 0o777) == (0o600, 0o700)
    assert tab("clientarea services show ") == []  # services were not listed


def test_every_kind_of_id_is_offered_after_its_list(demo: CLI) -> None:
    demo("invoices", "list", "-q")
    demo("services", "list", "-q")
    demo("payment-methods", "list", "-q")
    demo("tickets", "departments", "-q")
    demo("tickets", "list", "-q")
    assert tab("clientarea invoices show 500") == [
        "5006", "5007", "5009", "5008", "5004", "5003", "5002", "5005", "5001"
    ]  # fmt: skip
    services = ["101", "102", "103", "104", "105", "106", "107", "108"]
    assert tab("clientarea services cancel ") == services
    assert tab("clientarea tickets open --service ") == services
    assert tab("clientarea wallet add 50 --card ") == ["4242", "4444", "1332"]
    assert tab("clientarea domains recur --all --method 4") == ["4242", "4444"]
    assert tab("clientarea tickets open --department ") == ["1", "billing", "sales", "domains"]
    assert tab("clientarea tickets show ") == ["702", "701", "703"]
    assert tab("clientarea domains recur --method ", "fish") == [
        "4242\tvisa 2026-12 (id 21)",
        "4444\tmastercard 2028-05 (id 22)",
        "1332\tbank_account (id 23)",
    ]
    assert tab("clientarea services show 10", "zsh") == [
        '_arguments \'*: :(("101":"Hosting Pro (garcia-hosting.es)"',
        '"102":"VPS M (anagarcia.com)"',
        '"103":"Email Business (tapas-madrid.es)"',
        '"104":"Hosting Start (olivar-verde.org)"',
        '"105":"WordPress Managed (flamenco-studio.net)"',
        '"106":"SSL Wildcard (garcia-hosting.es)"',
        '"107":"DNS Basic"',
        '"108":"Website Migration (codigo-abierto.dev)"))\'',
    ]


def test_a_removed_card_is_no_longer_offered(demo: CLI) -> None:
    demo("payment-methods", "list", "-q")
    assert tab("clientarea wallet add 50 --card ") == ["4242", "4444", "1332"]

    removed = demo("payment-methods", "remove", "22", "--yes")

    assert removed.exit_code == 0, removed.stderr
    assert tab("clientarea wallet add 50 --card ") == ["4242", "1332"]
    assert tab("clientarea domains recur --method 4") == ["4242"]


def test_a_show_command_adds_its_object(demo: CLI) -> None:
    assert demo("domains", "show", "mi-tienda.es", "-o", "json").exit_code == 0
    assert tab("clientarea domains epp ") == ["mi-tienda.es"]


def test_the_cache_holds_no_secret(demo: CLI, isolated: Path) -> None:
    from clientarea_cli.sandbox import DEMO_API_KEY

    demo("payment-methods", "list")
    demo("domains", "list")
    text = cache_file(isolated).read_text()
    assert DEMO_API_KEY not in text
    data = json.loads(text)
    assert sorted(data) == ["kinds", "version"]
    assert sorted(data["kinds"]) == ["cards", "domains"]
    assert sorted(data["kinds"]["cards"]) == ["1332", "4242", "4444"]
    assert {len(seen) for seen in data["kinds"]["cards"].values()} == {2}


def test_a_stale_cache_is_ignored(demo: CLI, isolated: Path) -> None:
    from clientarea_cli.cli import id_cache

    class Seen:
        def __init__(self, name: str) -> None:
            self.name, self.status = name, "active"

    old = time.time() - id_cache.MAX_AGE - 60
    id_cache.remember("demo", "Domain", [Seen("viejo.es")], now=old)
    id_cache.remember("demo", "Domain", [Seen("nuevo.es")], now=old + 120)
    assert tab("clientarea domains show ") == ["nuevo.es"]
    id_cache.remember("demo", "Domain", [Seen("otro.es")], now=old + 120 + id_cache.MAX_AGE)
    # Writing drops what went stale; reading never offers it.
    assert sorted(json.loads(cache_file(isolated).read_text())["kinds"]["domains"]) == [
        "nuevo.es",
        "otro.es",
    ]


def test_a_broken_cache_offers_nothing(demo: CLI, isolated: Path) -> None:
    path = cache_file(isolated)
    path.parent.mkdir(parents=True)
    for text in ("{not json", '{"version": 99, "kinds": {}}', '{"version": 1, "kinds": 5}', "[]"):
        path.write_text(text)
        assert tab("clientarea domains show ") == []
    assert demo("domains", "list", "-q").exit_code == 0  # and a list command writes it anew
    assert len(tab("clientarea domains show ")) > 20


def test_ids_are_kept_per_profile(demo: CLI, isolated: Path) -> None:
    from clientarea_cli.cli import id_cache

    class Seen:
        def __init__(self, name: str) -> None:
            self.name, self.status = name, "active"

    id_cache.remember("demo", "Domain", [Seen("de-demo.es")])
    id_cache.remember("work", "Domain", [Seen("de-work.es")])
    assert tab("clientarea domains show ") == ["de-demo.es"]  # the current profile
    assert tab("clientarea -p work domains show ") == ["de-work.es"]
    assert tab("clientarea domains show -p work ") == ["de-work.es"]
    assert tab("clientarea domains show ", CLIENTAREA_PROFILE="work") == ["de-work.es"]
    assert tab("clientarea -p nobody domains show ") == []
    assert tab("clientarea --profile ") == ["demo"]


def test_removing_a_profile_forgets_its_ids(demo: CLI, isolated: Path) -> None:
    demo("domains", "list", "-q")
    assert cache_file(isolated).exists()
    assert demo("profiles", "remove", "demo").exit_code == 0
    assert not cache_file(isolated).exists()


def test_the_cache_folder_is_the_platforms(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tab finds the folder without platformdirs; both ways must agree."""
    from clientarea_cli.cli import id_cache
    from clientarea_cli.config.paths import cache_dir

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert Path(id_cache.cache_dir()) == cache_dir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "elsewhere"))
    assert Path(id_cache.cache_dir()) == cache_dir() == tmp_path / "elsewhere" / "clientarea"

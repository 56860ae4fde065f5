"""Bad input: one clear line on stderr, the documented exit code, nothing on stdout."""

from __future__ import annotations

import pytest

from tests.conftest import CLI


@pytest.mark.parametrize(
    ("args", "first_line"),
    [
        (("domains", "list", "--status", "bogus"), "error: invalid value for --status: 'bogus'"),
        (
            ("domains", "list", "--expiring-within", "soon"),
            "error: invalid value for --expiring-within: 'soon'",
        ),
        (
            ("domains", "list", "--auto-renew", "maybe"),
            "error: invalid value for --auto-renew: 'maybe' (use on or off)",
        ),
        (("domains", "list", "--tld", "e s"), "error: invalid value for --tld: 'e s'"),
        (
            ("domains", "list", "--limit", "0"),
            "error: invalid value for --limit: 0 (must be at least 1)",
        ),
        (("invoices", "list", "--status", "late"), "error: invalid value for --status: 'late'"),
        (
            ("domains", "list", "-o", "yaml"),
            "error: unknown output format 'yaml' (choose from table, json, jsonl, csv, tsv)",
        ),
        (("domains", "list", "--columns", "nope"), "error: unknown column 'nope'"),
        (
            ("--color", "pink", "domains", "list"),
            "error: invalid value for --color: 'pink' (use auto, always or never)",
        ),
    ],
)
def test_invalid_input_exits_2_before_any_request(
    demo: CLI, args: tuple[str, ...], first_line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import clientarea_cli.cli.session as session

    def no_driver(*_: object, **__: object) -> None:
        raise AssertionError("a request was about to be sent")

    if "--columns" not in args and "-o" not in args:
        monkeypatch.setattr(session, "open_driver", no_driver)
    result = demo(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == first_line


def test_unknown_domain_exits_5(demo: CLI) -> None:
    result = demo("domains", "show", "nope.es")
    assert (result.exit_code, result.stdout, result.stderr) == (
        5,
        "",
        "error: domain nope.es not found\n",
    )


def test_unknown_invoice_exits_5(demo: CLI) -> None:
    result = demo("invoices", "show", "999999")
    assert result.exit_code == 5
    assert result.stderr == "error: invoice 999999 not found\n"


def test_unknown_profile_exits_2(demo: CLI) -> None:
    result = demo("-p", "nope", "domains", "list")
    assert result.exit_code == 2
    assert result.stderr == "error: unknown profile 'nope' (profiles: demo)\n"


def test_no_profile_at_all(cli: CLI) -> None:
    result = cli("domains", "list")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: no profile selected\n"
        "hint: run `clientarea demo` to try the sandbox, or `clientarea auth login`\n"
    )


def test_wrong_env_token_exits_4(demo: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLIENTAREA_TOKEN", "sk_wrong_canary_999")
    result = demo("--debug", "account", "show")
    assert result.exit_code == 4
    assert "sk_wrong_canary_999" not in result.stderr + result.stdout
    assert "error: the provider rejected the credentials" in result.stderr


def test_typo_in_a_group_name_suggests(cli: CLI) -> None:
    result = cli("domian", "list")
    assert result.exit_code == 2
    assert "Did you mean 'domains'?" in result.stderr


def test_help_and_version(cli: CLI) -> None:
    from clientarea_cli import __version__

    assert cli("--version").stdout == f"clientarea {__version__}\n"
    exit_codes = cli("help", "exit-codes")
    assert exit_codes.exit_code == 0
    assert exit_codes.stdout.splitlines()[0] == "  0  success (an empty list is a success too)"
    assert exit_codes.stdout.splitlines()[-1] == (
        "130  interrupted (Ctrl-C) with no money request in doubt; a bulk run keeps what it did "
        "not finish for the printed --resume command"
    )

"""`clientarea account …` against the embedded sandbox: show, update (diff, confirmation,
validation naming the field), password and security answer never from argv, e-mail
verification, and the password reset that needs no login."""

from __future__ import annotations

import json

import pytest

from tests.conftest import CLI
from tests.support import sandbox_db


def client_row(client_id: int = 1) -> dict[str, object]:
    return sandbox_db.rows("SELECT * FROM clients WHERE id = ?", client_id)[0]


def emails() -> list[dict[str, object]]:
    return sandbox_db.rows("SELECT client_id, to_address, subject FROM emails ORDER BY id")


def test_show_still_works(demo: CLI) -> None:
    result = demo("account", "show", "-o", "json")
    assert result.exit_code == 0
    account = json.loads(result.stdout)
    assert (account["email"], account["phone"], account["country"]) == (
        "ana@example.com", "+34 600 123 456", "ES"
    )  # fmt: skip


def test_update_shows_the_diff_and_asks(demo: CLI) -> None:
    before = client_row()
    dry = demo("account", "update", "--phone", "+34 600 111 222", "--city", "Sevilla",
               "--company", "", "--dry-run")  # fmt: skip
    assert (dry.exit_code, dry.stderr) == (
        0,
        "dry run: nothing was sent; the account would change so\n",
    )
    assert dry.stdout == (
        "company: Garcia Hosting SL -> -\ncity: Madrid -> Sevilla\nphone: +34 600 123 456 -> +34.600111222\n"
    )
    refused = demo("account", "update", "--city", "Sevilla")
    assert (refused.exit_code, refused.stdout) == (2, "")
    assert refused.stderr == (
        "Changes to the account:\n  city: Madrid -> Sevilla\n"
        "error: confirmation required: run again with --yes (no terminal to ask on)\n"
    )
    assert client_row() == before
    done = demo("--columns", "city,postcode", "account", "update", "--city", "Sevilla",
                "--postcode", "41001", "--yes")  # fmt: skip
    assert done.exit_code == 0
    assert done.stdout == "city      Sevilla\npostcode  41001\n"
    assert (client_row()["city"], client_row()["postcode"]) == ("Sevilla", "41001")


def test_update_on_a_terminal_asks(demo: CLI) -> None:
    result = demo("account", "update", "--tax-id", "ESB87654321", stdin="y\n", tty=True)
    assert result.exit_code == 0, result.stderr
    assert client_row()["tax_id"] == "ESB87654321"


def test_update_nothing_to_change(demo: CLI) -> None:
    same = demo("account", "update", "--city", "Madrid")
    assert (same.exit_code, same.stderr) == (0, "nothing to change: the account already is so\n")
    none = demo("account", "update")
    assert (none.exit_code, none.stderr) == (
        2, "error: nothing to change: give fields such as --email, --phone or --country\n"
    )  # fmt: skip


def test_changing_the_email_unverifies_it(demo: CLI) -> None:
    result = demo("account", "update", "--email", "ana.garcia@example.net", "--yes", "-o", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["email_verified"] is False
    assert result.stderr.endswith(
        "ana.garcia@example.net is not verified yet: open the link the provider e-mailed to it\n"
    )
    assert emails()[-1] == {"client_id": 1, "to_address": "ana.garcia@example.net",
                            "subject": "Please confirm your e-mail address"}  # fmt: skip
    status = demo("account", "verify-email")
    assert (status.exit_code, status.stdout) == (0, "ana.garcia@example.net is not verified yet.\n")
    resend = demo("account", "verify-email", "--resend")
    assert resend.stdout == "A verification link was e-mailed to ana.garcia@example.net.\n"
    assert len([e for e in emails() if e["to_address"] == "ana.garcia@example.net"]) == 2


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("--email", "not-an-address"), "error: invalid --email: 'not-an-address' is not an e-mail address\n"),
        (("--country", "XX"), "error: invalid --country: 'XX' is not an ISO 3166-1 alpha-2 country code\nhint: such as ES\n"),
        (("--phone", "600123456"), "error: invalid --phone: '600123456' has no country code\nhint: with its country code, such as +34.911234567 or +34 600 123 456\n"),
        (("--tax-id", "??"), "error: invalid --tax-id: '??' is not a tax id\nhint: 4 to 50 letters, digits, spaces, dots, hyphens or slashes, with a digit (such as ESB12345678)\n"),
        (("--city", ""), "error: invalid --city: it cannot be empty\n"),
        (("--language", "Spanish"), "error: invalid --language: 'Spanish' is not a language tag\nhint: such as es or en\n"),
        (("--email", "bruno@example.org", "--yes"),
         "Changes to the account:\n  email: ana@example.com -> bruno@example.org\n"
         "error: the provider refused the request: invalid request parameters\n"
         "  email: is already used by another account\n"),
    ],
)  # fmt: skip
def test_update_invalid_fields_exit_2_and_change_nothing(
    demo: CLI, args: tuple[str, ...], error: str
) -> None:
    before = client_row()
    result = demo("account", "update", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", error)
    assert client_row() == before


def test_password_from_stdin(demo: CLI) -> None:
    before = client_row()["password_hash"]
    weak = demo("account", "password", stdin="sandbox-demo\nweakpass\n")
    assert (weak.exit_code, weak.stderr) == (
        2,
        "error: invalid new password: it is too weak\nhint: mix three of lower case, upper case, "
        "digits and symbols, or use 16 characters or more\n",
    )
    personal = demo("account", "password", stdin="sandbox-demo\nAna.Secret-2026\n")
    assert (
        personal.stderr
        == "error: invalid new password: it must not contain your name or e-mail address\n"
    )
    wrong = demo("account", "password", stdin="wrong\nN3w-Secret-pw\n")
    assert (wrong.exit_code, wrong.stderr) == (
        2,
        "error: the provider refused the request: invalid request parameters\n"
        "  current_password: is not the current password\n",
    )
    short = demo("account", "password", stdin="only one line\n")
    assert (
        short.stderr == "error: standard input must hold 2 lines: current password, new password\n"
    )
    assert client_row()["password_hash"] == before
    done = demo("account", "password", stdin="sandbox-demo\nN3w-Secret-pw\n")
    assert (done.exit_code, done.stdout, done.stderr) == (0, "", "password changed\n")
    assert client_row()["password_hash"] != before
    assert "N3w-Secret-pw" not in str(client_row())


def test_password_on_a_terminal_uses_hidden_prompts(demo: CLI) -> None:
    result = demo(
        "account", "password", stdin="sandbox-demo\nN3w-Secret-pw\nN3w-Secret-pw\n", tty=True
    )
    assert result.exit_code == 0, result.stderr
    assert "N3w-Secret-pw" not in result.stdout + result.stderr
    assert "Current password" in result.stderr


def test_password_is_never_an_argument(demo: CLI) -> None:
    result = demo("account", "password", "--new", "N3w-Secret-pw")
    assert result.exit_code == 2
    assert "No such option" in result.stderr


def test_security_question(demo: CLI) -> None:
    result = demo("account", "security-question", "--question", "Favourite city?", stdin="Cádiz\n")
    assert (result.exit_code, result.stderr) == (0, "security question set: Favourite city?\n")
    assert client_row()["security_question"] == "Favourite city?"
    assert "Cádiz" not in str(client_row())
    missing = demo("account", "security-question", stdin="x\n")
    assert (missing.exit_code, missing.stderr) == (
        2, "error: give the question with --question (no terminal to ask on)\n"
    )  # fmt: skip
    empty = demo("account", "security-question", "--question", "Q?", stdin="\n")
    assert (empty.exit_code, empty.stderr) == (2, "error: invalid answer: it is empty\n")


def test_verify_email_when_verified(demo: CLI) -> None:
    result = demo("account", "verify-email", "--resend")
    assert (result.exit_code, result.stdout) == (0, "ana@example.com is verified.\n")
    assert result.stderr == "nothing was sent: the address is already verified\n"


def test_reset_password_needs_no_login(demo: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    import clientarea_cli.cli.session as session

    def no_token(*_: object) -> None:
        raise AssertionError("reset-password must not look for an API key")

    monkeypatch.setattr(session, "resolve_token", no_token)
    before = emails()
    known = demo("account", "reset-password", "ana@example.com")
    unknown = demo("account", "reset-password", "nobody@example.com")
    assert known.exit_code == unknown.exit_code == 0
    assert known.stdout == (
        "If an account uses ana@example.com, the provider has e-mailed it a link to reset the "
        "password.\n"
    )
    assert unknown.stdout == known.stdout.replace("ana@example.com", "nobody@example.com")
    assert emails()[len(before) :] == [
        {"client_id": 1, "to_address": "ana@example.com", "subject": "Password reset request"}
    ]
    bad = demo("account", "reset-password", "nope")
    assert (bad.exit_code, bad.stderr) == (
        2,
        "error: invalid EMAIL: 'nope' is not an e-mail address\n",
    )


def test_reset_password_sends_no_authorization(demo: CLI) -> None:
    debug = demo("--debug", "account", "reset-password", "ana@example.com")
    assert debug.exit_code == 0
    assert "> POST http://sandbox.invalid/v1/password-reset" in debug.stderr
    assert "authorization" not in debug.stderr.lower()

"""`payment-methods list | add-card | add-bank | verify | default | remove` on the embedded
sandbox: whole outputs, exit codes and the server's state (secrets: test_card_secrets.py)."""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import pytest
from typer._click import termui

from tests.cli.payment_support import ADDED, CARD_STDIN, CVC, NUMBER, execute, journal, snapshot
from tests.conftest import CLI
from tests.support import sandbox_db

IBAN = "ES9121000418450200051332"
VERIFY_HINT = "It must be verified before it can pay recurring charges or top-ups: "


def methods() -> dict[int, dict[str, Any]]:
    return {
        r["id"]: r for r in sandbox_db.rows("SELECT * FROM payment_methods WHERE client_id = 1")
    }


def expected_answer(method_id: int) -> str:
    rows = sandbox_db.rows(
        "SELECT answer FROM verifications WHERE payment_method_id = ? ORDER BY id DESC LIMIT 1",
        method_id,
    )
    return str(rows[0]["answer"])


@pytest.fixture
def hidden_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    """click reads hidden input with getpass (the real terminal); read the test's stdin instead."""
    monkeypatch.setattr(
        termui, "hidden_prompt_func", lambda prompt: sys.stdin.readline().rstrip("\n")
    )


# -- list ------------------------------------------------------------------------------------------


def test_list_shows_what_renews_with_each_method(demo: CLI) -> None:
    execute(
        "UPDATE domains SET recurring_enabled = 0, recurring_payment_method_id = NULL"
        " WHERE client_id = 1 AND name NOT IN ('garcia-hosting.es', 'ana.dev')"
    )
    result = demo("payment-methods", "list")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "ID  TYPE          BRAND       LAST4  HOLDER             EXPIRY   VALIDATED  IS DEFAULT"
        "  SERVICES  DOMAINS"
    )
    assert lines[1].startswith(
        "21  card          visa        4242   Ana García         2026-12  yes        yes         101"
    )
    assert sorted(lines[1].split("101", 1)[1].strip().split(", ")) == [
        "ana.dev",
        "garcia-hosting.es",
    ]
    assert lines[2:] == [
        "22  card          mastercard  4444   Ana García         2028-05  no         no",
        "23  bank_account  -           1332   Garcia Hosting SL  -        yes        no          102",
    ]


def test_list_as_json_names_every_domain(demo: CLI) -> None:
    recurring = sandbox_db.rows(
        "SELECT name FROM domains WHERE client_id = 1 AND recurring_enabled = 1"
        " AND recurring_payment_method_id = 21"
    )
    data = json.loads(demo("payment-methods", "list", "-o", "json").stdout)
    assert [(m["id"], m["services"]) for m in data] == [(21, [101]), (22, []), (23, [102])]
    assert sorted(data[0]["domains"]) == sorted(r["name"] for r in recurring)
    assert len(recurring) > 4
    table = demo("payment-methods", "list").stdout.splitlines()[1]
    assert table.endswith(f", +{len(recurring) - 3} more")


# -- add-card --------------------------------------------------------------------------------------


def test_add_card_from_stdin(demo: CLI) -> None:
    result = demo("payment-methods", "add-card", "--holder", "Ana García", stdin=CARD_STDIN)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ADDED
    assert result.stderr == f"{VERIFY_HINT}clientarea payment-methods verify 25\n"
    card = methods()[25]
    assert (card["type"], card["brand"], card["last4"], card["exp_month"], card["exp_year"]) == (
        "card", "mastercard", "5100", 5, 2029
    )  # fmt: skip
    assert (card["holder"], card["validated"]) == ("Ana García", 0)


def test_add_card_on_a_terminal_asks_with_hidden_input(demo: CLI, hidden_from_stdin: None) -> None:
    result = demo(
        "payment-methods", "add-card", "--default", stdin=f"Ana García\n{CARD_STDIN}", tty=True
    )
    assert result.exit_code == 0, result.stderr
    # The prompts' last spaces go through input() to stdout in this harness.
    assert result.stderr == (
        f"Name on the card:Card number:Expiry (MM/YY):CVC:{VERIFY_HINT}"
        "clientarea payment-methods verify 25\n"
    )
    assert result.stdout == f"  {ADDED}"
    assert NUMBER not in result.stderr + result.stdout
    assert methods()[25]["is_default"] == 1


@pytest.mark.parametrize(
    ("stdin", "holder", "stderr"),
    [
        (
            f"3714 496353 98431\n05/29\n{CVC}\n",
            "Ana García",
            "error: American Express is not accepted by this provider\n"
            "hint: use a Visa or Mastercard card\n",
        ),
        (
            f"5105 1051 0510 5101\n05/29\n{CVC}\n",
            "Ana García",
            "error: the card number is not valid (its check digit is wrong): check for a typo\n",
        ),
        (
            f"{NUMBER}\n10/26\n{CVC}\n",
            "Ana García",
            "error: the card expired at the end of 10/2026\n",
        ),
        (
            f"{NUMBER}\n05/29\n31\n",
            "Ana García",
            "error: the CVC must be the 3 digits on the back of the card\n",
        ),
        (
            f"{NUMBER}\n2029-05\n{CVC}\n",
            "Ana García",
            "error: the expiry must be MM/YY or MM/YYYY, such as 05/28\n",
        ),
        (
            f"{NUMBER}\n05/29\n",
            "Ana García",
            "error: card details: expected 3 line(s) on standard input (card number, expiry "
            "(mm/yy), cvc), got 2\n"
            "hint: they are never taken as arguments: type them at the prompt on a terminal\n",
        ),
        (CARD_STDIN, None, "error: --holder NAME is required: the name on the card\n"),
        (
            CARD_STDIN,
            "  ",
            "error: the holder's name is required (as it appears on the card or account)\n",
        ),
    ],
)
def test_bad_cards_send_nothing(demo: CLI, stdin: str, holder: str | None, stderr: str) -> None:
    before = snapshot()
    holder_args = ["--holder", holder] if holder is not None else []
    result = demo("payment-methods", "add-card", *holder_args, stdin=stdin)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)
    assert NUMBER not in result.stderr
    assert snapshot() == before


def test_dry_run_checks_the_card_and_sends_nothing(demo: CLI) -> None:
    before = snapshot()
    result = demo("payment-methods", "add-card", "--holder", "Ana", "--dry-run", stdin=CARD_STDIN)
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == (
        "dry run: nothing was sent; Mastercard ···5100, expires 2029-05 passed every check\n"
    )
    assert snapshot() == before


# -- add-bank --------------------------------------------------------------------------------------


def test_add_bank_account(demo: CLI) -> None:
    result = demo(
        "payment-methods", "add-bank", "--holder", "Ana García", "--accept-mandate",
        stdin="es91 2100 0418 4502 0005 1332\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Added bank account ···1332 (id 25), not validated yet.\n"
    assert result.stderr == f"{VERIFY_HINT}clientarea payment-methods verify 25\n"
    assert (methods()[25]["type"], methods()[25]["last4"]) == ("bank_account", "1332")


@pytest.mark.parametrize(
    ("args", "stdin", "stderr"),
    [
        (
            ["--holder", "Ana"],
            f"{IBAN}\n",
            "error: direct debit needs a mandate: run again with --accept-mandate (no terminal "
            "to ask on)\n",
        ),
        (
            ["--holder", "Ana", "--accept-mandate"],
            "ES92 2100 0418 4502 0005 1332\n",
            "error: the IBAN is not valid (its check digits are wrong): check for a typo\n",
        ),
        (
            ["--holder", "Ana", "--accept-mandate", "--bic", "CAIX"],
            f"{IBAN}\n",
            "error: invalid BIC 'CAIX': 8 or 11 letters and digits, such as CAIXESBBXXX\n",
        ),
        (
            ["--accept-mandate"],
            f"{IBAN}\n",
            "error: --holder NAME is required: the name on the account\n",
        ),
    ],
)
def test_bad_bank_accounts_send_nothing(
    demo: CLI, args: list[str], stdin: str, stderr: str
) -> None:
    before = snapshot()
    result = demo("payment-methods", "add-bank", *args, stdin=stdin)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)
    assert snapshot() == before


# -- verify, default, remove -----------------------------------------------------------------------


def test_verify_in_two_steps(demo: CLI) -> None:
    started = demo("payment-methods", "verify", "4444")
    assert started.exit_code == 0, started.stderr
    assert started.stdout.startswith(
        "Mastercard ···4444: A small amount under 1.00 EUR was charged"
    )
    assert started.stderr == (
        "then: clientarea payment-methods verify 22 --answer AMOUNT (3 attempt(s) left)\n"
    )
    again = demo("payment-methods", "verify", "22")
    assert again.stdout == started.stdout  # the same challenge: no second charge
    answer = expected_answer(22).replace(".", ",")
    result = demo("payment-methods", "verify", "22", "--answer", f"{answer} EUR")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Mastercard ···4444 is validated: it can now pay recurring charges and top-ups.\n"
    )
    assert methods()[22]["validated"] == 1
    assert [op["kind"] for op in journal()] == ["verification", "verification"]


def test_verify_on_a_terminal_asks_for_the_amount(
    demo: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clientarea_cli.ops import payment_methods

    verify = payment_methods.verify
    seen: list[str | None] = []

    def answering(driver: Any, method: Any, answer: str | None, key: str | None = None) -> Any:
        seen.append(answer)
        result = verify(driver, method, answer, key)
        sys.stdin = type(sys.stdin)(True, expected_answer(22) + "\n")  # type: ignore[call-arg]
        return result

    monkeypatch.setattr(payment_methods, "verify", answering)
    result = demo("payment-methods", "verify", "22", tty=True)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith("Amount charged:")
    assert result.stdout.endswith("is validated: it can now pay recurring charges and top-ups.\n")
    assert seen == [None, expected_answer(22)]


def test_a_wrong_answer_uses_an_attempt(demo: CLI) -> None:
    demo("payment-methods", "verify", "22")
    wrong = "0.00" if expected_answer(22) != "0.00" else "0.99"
    result = demo("payment-methods", "verify", "22", "--answer", "-", stdin=f"{wrong}\n")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("error: the provider refused the request: the answer is wrong")
    assert methods()[22]["validated"] == 0


def test_verifying_a_validated_method_sends_nothing(demo: CLI) -> None:
    before = snapshot()
    result = demo("payment-methods", "verify", "4242")
    assert (result.exit_code, result.stderr) == (
        2, "error: payment method 21 (Visa ···4242) is already validated\n"
    )  # fmt: skip
    assert snapshot() == before
    assert journal() == []


def test_default(demo: CLI) -> None:
    result = demo("payment-methods", "default", "23")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "bank account ···1332 (id 23) is now the default payment method.\n"
    assert {i: m["is_default"] for i, m in methods().items()} == {21: 0, 22: 0, 23: 1}


def test_remove_lists_what_loses_recurring_and_needs_yes(demo: CLI) -> None:
    execute(
        "UPDATE domains SET recurring_enabled = 0, recurring_payment_method_id = NULL"
        " WHERE client_id = 1 AND name != 'garcia-hosting.es'"
    )
    before = snapshot()
    result = demo("payment-methods", "remove", "4242")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "2 item(s) renew with Visa ···4242 (id 21) and would lose their recurring payment:\n"
        "  service 101 (Hosting Pro, garcia-hosting.es)\n"
        "  domain garcia-hosting.es\n"
        "error: confirmation required: run again with --yes (no terminal to ask on)\n"
    )
    assert snapshot() == before
    removed = demo("payment-methods", "remove", "4242", "--yes")
    assert removed.exit_code == 0, removed.stderr
    assert (
        removed.stdout == "Removed Visa ···4242 (id 21). 2 item(s) no longer renew automatically.\n"
    )
    assert 21 not in {
        m["id"] for m in json.loads(demo("payment-methods", "list", "-o", "json").stdout)
    }
    service = sandbox_db.rows("SELECT payment_method_id FROM services WHERE id = 101")[0]
    domain = sandbox_db.domains()["garcia-hosting.es"]
    assert (service["payment_method_id"], domain["recurring_enabled"]) == (None, 0)


def test_remove_an_unused_method_on_a_terminal(demo: CLI) -> None:
    result = demo("payment-methods", "remove", "22", stdin="y\n", tty=True)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "No service or domain renews with Mastercard ···4444 (id 22).\n"
        "Remove Mastercard ···4444 (id 22)? [y/N]:"
    )
    assert result.stdout == " Removed Mastercard ···4444 (id 22).\n"


def test_remove_a_long_list_is_cut(demo: CLI) -> None:
    execute(
        "UPDATE domains SET recurring_enabled = 1, recurring_payment_method_id = 21 WHERE client_id = 1"
    )
    result = demo("payment-methods", "remove", "4242", "--dry-run")
    lines = result.stderr.splitlines()
    assert lines[0].endswith("would lose their recurring payment:")
    assert len(lines) == 1 + 20 + 1
    assert re.fullmatch(r"  and \d+ more", lines[-2])
    assert lines[-1] == "dry run: nothing was sent"

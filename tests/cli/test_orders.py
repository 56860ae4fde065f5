"""`clientarea catalog list|show`, `domains check` and `order` against the embedded sandbox:
whole outputs, exit codes, the total shown before anything is ordered, secrets kept out of argv
and output, and nothing created when an order is refused."""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest
from typer._click import termui

from tests.cli.test_domain_records import no_requests  # noqa: F401 - a fixture
from tests.conftest import CLI
from tests.support import sandbox_db

TABLES = ("services", "domains", "invoices", "invoice_items", "wallet_movements", "orders",
          "order_items")  # fmt: skip
QUOTE = (
    "The order:\n"
    "  Hosting Pro - nuevo-sitio.es (monthly)          12.95 EUR\n"
    "  Domain registration - nuevo-sitio.es - 1 year    9.95 EUR\n"
    "  Promotion WELCOME10 - 10 % off the whole order  -2.29 EUR\n"
    "  subtotal                                        20.61 EUR\n"
    "  tax                                              4.33 EUR\n"
    "  total                                           24.94 EUR\n"
)
ORDER = ("order", "Hosting Pro", "--cycle", "monthly", "--domain", "nuevo-sitio.es", "--register",
         "--promo", "welcome10")  # fmt: skip


def state() -> dict[str, list[dict[str, Any]]]:
    return {t: sandbox_db.rows(f"SELECT * FROM {t} ORDER BY rowid") for t in TABLES}


# -- catalog ------------------------------------------------------------------------------------


def test_catalog_list(demo: CLI) -> None:
    result = demo("catalog", "list", "--group", "vps")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "ID  NAME   GROUP  TYPE    PRICING\n"
        "11  VPS S  VPS    server  monthly 9.95 EUR (+10.00 EUR setup), quarterly 29.85 EUR, "
        "annually 119.40 EUR, biennially 227.76 EUR\n"
        "12  VPS M  VPS    server  monthly 19.95 EUR (+10.00 EUR setup), quarterly 59.85 EUR, "
        "annually 239.40 EUR, biennially 455.76 EUR\n"
        "13  VPS L  VPS    server  monthly 39.95 EUR (+10.00 EUR setup), quarterly 119.85 EUR, "
        "annually 479.40 EUR, biennially 911.76 EUR\n"
    )
    everything = json.loads(demo("catalog", "list", "-o", "json").stdout)
    assert [p["id"] for p in everything] == [1, 2, 3, 4, 11, 12, 13, 21, 31, 32, 41, 51]
    assert everything[1]["pricing"][0] == {
        "billing_cycle": "monthly",
        "price": {"amount": "12.95", "currency": "EUR"},
        "setup_fee": {"amount": "0.00", "currency": "EUR"},
    }
    none = demo("catalog", "list", "--group", "Boats")
    assert (none.exit_code, none.stdout, none.stderr) == (0, "", "no products\n")


def test_catalog_show(demo: CLI) -> None:
    result = demo("catalog", "show", "hosting start")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "id               1\n"
        "name             Hosting Start\n"
        "group            Web Hosting\n"
        "type             hosting\n"
        "description      One site, 10 GB SSD, 5 mailboxes, free SSL.\n"
        "requires domain  yes\n"
        "\n"
        "Prices\n"
        "BILLING CYCLE       PRICE  SETUP FEE\n"
        "monthly          5.95 EUR   0.00 EUR\n"
        "quarterly       17.85 EUR   0.00 EUR\n"
        "semiannually    35.70 EUR   0.00 EUR\n"
        "annually        65.40 EUR   0.00 EUR\n"
        "biennially     119.76 EUR   0.00 EUR\n"
        "\n"
        "Add-ons\n"
        "ID   NAME           PRICING\n"
        "301  Daily Backups  monthly 3.00 EUR, quarterly 9.00 EUR, annually 30.00 EUR\n"
        "302  Dedicated IP   monthly 2.50 EUR (+5.00 EUR setup), annually 27.00 EUR (+5.00 EUR "
        "setup)\n"
        "303  Site Builder   free 0.00 EUR\n"
    )
    by_id = json.loads(demo("catalog", "show", "41", "-o", "json").stdout)
    assert (by_id["name"], by_id["addons"]) == ("DNS Basic", [])


@pytest.mark.parametrize(
    ("ref", "error"),
    [
        ("999", "error: product 999 not found\n"),
        ("Boat Rental", "error: product 'Boat Rental' not found in the catalog\nhint: see "
                        "`clientarea catalog list`: 1 (Hosting Start), 2 (Hosting Pro), "
                        "3 (Hosting Business), 4 (WordPress Managed), 11 (VPS S), 12 (VPS M), …\n"),
    ],
)  # fmt: skip
def test_an_unknown_product_exits_5(demo: CLI, ref: str, error: str) -> None:
    result = demo("catalog", "show", ref)
    assert (result.exit_code, result.stdout, result.stderr) == (5, "", error)


# -- domains check ------------------------------------------------------------------------------


def test_domains_check(demo: CLI) -> None:
    result = demo("domains", "check", "nuevo-sitio.es", "GARCIA-hosting.es", "example.org",
                  "foo.xyz", "bad_name.es", "café-sol.es")  # fmt: skip
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "NAME                AVAILABLE  REASON           REGISTRATION PRICE  RENEWAL PRICE\n"
        "nuevo-sitio.es      yes        -                          9.95 EUR       9.95 EUR\n"
        "garcia-hosting.es   no         registered                 9.95 EUR       9.95 EUR\n"
        "example.org         no         reserved                  13.49 EUR      13.49 EUR\n"
        "foo.xyz             no         TLD not offered                   -              -\n"
        "bad_name.es         no         invalid name                      -              -\n"
        "xn--caf-sol-dya.es  yes        -                          9.95 EUR       9.95 EUR\n"
    )
    as_json = json.loads(demo("domains", "check", "abc.com", "-o", "json").stdout)
    assert as_json == [{
        "name": "abc.com", "available": False, "reason": "registered",
        "registration_price": {"amount": "12.99", "currency": "EUR"},
        "transfer_price": {"amount": "12.99", "currency": "EUR"},
        "renewal_price": {"amount": "12.99", "currency": "EUR"},
    }]  # fmt: skip


@pytest.mark.usefixtures("no_requests")
def test_domains_check_needs_a_name(demo: CLI) -> None:
    result = demo("domains", "check", " ")
    assert (result.exit_code, result.stderr) == (2, "error: invalid NAME: it is empty\n")


# -- order --------------------------------------------------------------------------------------


def test_order_shows_the_total_and_needs_a_confirmation(demo: CLI) -> None:
    before = state()
    dry = demo(*ORDER, "--dry-run")
    assert (dry.exit_code, dry.stdout, dry.stderr) == (
        0,
        "",
        QUOTE + "dry run: nothing was ordered\n",
    )
    as_json = json.loads(demo(*ORDER, "--dry-run", "-o", "json").stdout)
    assert (as_json["total"]["amount"], as_json["promo_code"]) == ("24.94", "WELCOME10")
    refused = demo(*ORDER)
    assert (refused.exit_code, refused.stdout) == (2, "")
    assert refused.stderr == (
        QUOTE + "error: confirmation required: run again with --yes (no terminal to ask on)\n"
    )
    declined = demo(*ORDER, stdin="n\n", tty=True)
    assert declined.exit_code == 1
    assert declined.stderr.endswith("? [y/N]:error: cancelled; nothing was changed\n")
    assert state() == before


def test_order_placed_with_credit_is_active(demo: CLI) -> None:
    result = demo(*ORDER, "--use-credit", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == QUOTE + "  credit applied now: up to 85.50 EUR (your balance)\n"
    assert result.stdout == (
        "Order ORD-2026-9001 (9001) active: total 24.94 EUR, invoice INV-2026-5012 (5012) paid\n"
        "DESCRIPTION                                     SERVICE ID  DOMAIN             AMOUNT\n"
        "Hosting Pro - nuevo-sitio.es (monthly)          110         nuevo-sitio.es  12.95 EUR\n"
        "Domain registration - nuevo-sitio.es - 1 year   -           nuevo-sitio.es   9.95 EUR\n"
        "Promotion WELCOME10 - 10 % off the whole order  -           -               -2.29 EUR\n"
    )
    service = json.loads(demo("services", "show", "110", "-o", "json").stdout)
    assert (service["status"], service["next_due_date"]) == ("active", "2026-12-22")
    journal = demo("journal", "payments", "--columns", "kind,status,result", "--no-headers")
    assert journal.stdout.split() == ["order", "completed", "ORD-2026-9001", "active,",
                                      "invoice", "5012"]  # fmt: skip


def test_order_without_credit_leaves_an_invoice_to_pay(demo: CLI) -> None:
    result = demo("order", "11", "--cycle", "monthly", "--promo", "HOSTING5", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "Order ORD-2026-9001 (9001) pending: total 18.09 EUR, invoice INV-2026-5012 (5012) unpaid: "
        "18.09 EUR due by 2026-11-29"
    )
    assert result.stderr.endswith(
        "hint: pay it with `clientarea invoices pay 5012` (--use-credit, --method…)\n"
    )
    wallet = json.loads(demo("wallet", "show", "-o", "json").stdout)
    assert wallet["wallet"]["balance"]["amount"] == "85.50"  # credit only by hand


def test_a_transfer_code_comes_from_stdin_never_argv(demo: CLI) -> None:
    secret = "Xy7#kL9qZ"
    result = demo("order", "--domain", "google.com", "--transfer", "--yes", "-o", "json",
                  stdin=f"{secret}\n")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    order = json.loads(result.stdout)
    assert order["items"][0]["description"] == "Domain transfer - google.com - 1 year"
    assert secret not in result.stdout + result.stderr + str(state())
    argv = demo("order", "--domain", "google.com", "--transfer", "--epp-code", secret)
    assert argv.exit_code == 2
    assert "No such option" in argv.stderr


def test_a_transfer_code_is_asked_hidden_on_a_terminal(
    demo: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        termui, "hidden_prompt_func", lambda prompt: sys.stdin.readline().rstrip("\n")
    )
    result = demo("order", "--domain", "google.com", "--transfer", stdin="Xy7#kL9qZ\ny\n", tty=True)
    assert result.exit_code == 0, result.stderr
    assert "Transfer (EPP) code of google.com" in result.stderr
    assert "Xy7#kL9qZ" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("args", "code", "error"),
    [
        (("Hosting Pro",), 2,
         "error: --cycle is required with a product\n"
         "hint: Hosting Pro is offered monthly, quarterly, semiannually, annually, biennially\n"),
        (("Hosting Pro", "--cycle", "triennially", "--domain", "x-y-z.es", "--register"), 2,
         "error: invalid --cycle: Hosting Pro is not offered triennially\n"
         "hint: Hosting Pro is offered monthly, quarterly, semiannually, annually, biennially\n"),
        (("Hosting Pro", "--cycle", "monthly"), 2,
         "error: Hosting Pro needs a domain\n"
         "hint: add --domain NAME with --register, --transfer or --existing\n"),
        (("VPS S", "--cycle", "monthly", "--register"), 2, "error: --register needs --domain NAME\n"),
        (("--domain", "x-y-z.es"), 2,
         "error: say what to do with --domain: --register, --transfer or --existing\n"),
        (("--domain", "x-y-z.es", "--register", "--transfer"), 2,
         "error: choose one of --register, --transfer or --existing\n"),
        (("--domain", "x-y-z.es", "--register", "--years", "11"), 2,
         "error: invalid --years: 11 (use 1 to 10)\n"),
        (("--domain", "bad_name.es", "--register"), 2,
         "error: invalid --domain: 'bad_name.es' is not a host name: 'bad_name' is not a valid "
         "label\nhint: labels are letters, digits and inner hyphens, 1 to 63 characters\n"),
        ((), 2, "error: nothing to order: give a PRODUCT, or --domain NAME --register/--transfer\n"),
        (("Boat Rental", "--cycle", "monthly"), 5,
         "error: product 'Boat Rental' not found in the catalog\nhint: see `clientarea catalog "
         "list`: 1 (Hosting Start), 2 (Hosting Pro), 3 (Hosting Business), 4 (WordPress Managed), "
         "11 (VPS S), 12 (VPS M), …\n"),
        (("2", "--cycle", "monthly", "--domain", "garcia-hosting.es", "--register"), 2,
         "error: the provider refused the request: invalid request parameters\n"
         "  domain.name: garcia-hosting.es is not available (registered)\n"),
        (("--domain", "x-y-z.es", "--register", "--promo", "FREE"), 2,
         "error: the provider refused the request: invalid request parameters\n"
         "  promo_code: 'FREE' is not a valid promotion code\n"),
        (("--domain", "x-y-z.es", "--register", "--promo", "HOSTING5"), 2,
         "error: the provider refused the request: invalid request parameters\n"
         "  promo_code: HOSTING5 applies only to orders with a product\n"),
    ],
)  # fmt: skip
def test_order_bad_input_exits_and_orders_nothing(
    demo: CLI, args: tuple[str, ...], code: int, error: str
) -> None:
    before = state()
    result = demo("order", *args, "--yes")
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", error)
    assert state() == before

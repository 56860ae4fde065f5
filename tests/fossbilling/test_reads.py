"""Read commands on the seeded FOSSBilling server, whole outputs and exit codes."""

from __future__ import annotations

import json

from tests.conftest import CLI
from tests.fossbilling.conftest import FossBilling


def _json(cli: CLI, *args: str) -> object:
    result = cli(*args, "-o", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_services_list_shows_alices_non_domain_orders_only(fb_cli: CLI, fb: FossBilling) -> None:
    rows = _json(fb_cli, "services", "list")
    assert [(r["id"], r["status"], r["billing_cycle"]) for r in rows] == [
        (8, "pending", "annually"),
        (2, "active", "annually"),
        (1, "active", "monthly"),
    ]
    assert rows[2]["recurring_amount"] == {"amount": "4.99", "currency": "EUR"}
    assert rows[2]["domain"] == "garcia-consulting.es"


def test_services_show_and_a_domain_order_or_bobs_order_is_not_a_service(
    fb_cli: CLI, fb: FossBilling
) -> None:
    shown = _json(fb_cli, "services", "show", "1")
    assert shown["product"] == "Shared Hosting Starter for garcia-consulting.es"
    bob = fb_cli("services", "show", str(fb.seed["orders"]["bob_hosting"]))
    assert (bob.exit_code, bob.stdout) == (5, "")
    assert bob.stderr == "error: service 10 was not found in this account\n"


def test_domains_list_and_its_filters(fb_cli: CLI) -> None:
    names = [d["name"] for d in _json(fb_cli, "domains", "list")]
    assert names == [
        "garcia-lab.eu",
        "alicegarcia-photo.org",
        "alice-garcia.net",
        "garcia-consulting.com",
        "garcia-consulting.es",
    ]
    assert [d["name"] for d in _json(fb_cli, "domains", "list", "--tld", "es")] == [
        "garcia-consulting.es"
    ]
    soon = _json(fb_cli, "domains", "list", "--expiring-within", "30d")
    assert [d["name"] for d in soon] == ["garcia-consulting.com", "garcia-consulting.es"]
    assert [d["name"] for d in _json(fb_cli, "domains", "list", "--status", "expired")] == [
        "garcia-lab.eu"
    ]
    manual = _json(fb_cli, "domains", "list", "--auto-renew", "off")
    assert [d["name"] for d in manual] == ["alicegarcia-photo.org"]


def test_domains_show_by_name_and_by_id(fb_cli: CLI) -> None:
    by_name = _json(fb_cli, "domains", "show", "garcia-consulting.es")
    assert by_name == _json(fb_cli, "domains", "show", "3")
    assert by_name["nameservers"] == ["ns1.loopback-hosting.test", "ns2.loopback-hosting.test"]
    assert (by_name["registrar_lock"], by_name["id_protection"]) == (True, False)
    assert by_name["recurring_amount"] == {"amount": "8.50", "currency": "EUR"}


def test_bobs_domain_order_is_refused_with_exit_5(fb_cli: CLI, fb: FossBilling) -> None:
    bob_domain = str(fb.seed["orders"]["bob_domain"])
    for args in (
        ("domains", "show", bob_domain),
        ("domains", "nameservers", "show", bob_domain),
        ("domains", "contacts", "show", bob_domain),
    ):
        result = fb_cli(*args)
        assert (result.exit_code, result.stdout) == (5, ""), args
        assert result.stderr == f"error: domain {bob_domain} was not found in this account\n"


def test_nameservers_and_contacts_show(fb_cli: CLI) -> None:
    ns = fb_cli("domains", "nameservers", "show", "garcia-consulting.es")
    assert ns.stdout == "HOST\nns1.loopback-hosting.test\nns2.loopback-hosting.test\n"
    contacts = _json(fb_cli, "domains", "contacts", "show", "garcia-consulting.es")
    assert contacts["registrant"] == contacts["billing"]
    assert contacts["registrant"]["phone"] == "+34.600000001"


def test_invoices_list_show_download(fb_cli: CLI, fb: FossBilling, tmp_path) -> None:
    rows = _json(fb_cli, "invoices", "list")
    assert [(r["id"], r["status"]) for r in rows] == [
        (5, "unpaid"),
        (4, "unpaid"),
        (3, "paid"),
        (2, "paid"),
        (1, "unpaid"),
    ]
    assert [r["id"] for r in _json(fb_cli, "invoices", "list", "--status", "paid")] == [3, 2]
    shown = _json(fb_cli, "invoices", "show", "4")
    assert shown["items"] == [
        {
            "description": "Domain garcia-consulting.es registration",
            "type": "order",
            "related_id": 3,
            "amount": {"amount": "8.50", "currency": "EUR"},
        }
    ]
    target = tmp_path / "inv.pdf"
    saved = fb_cli("invoices", "download", "4", "-O", str(target))
    assert saved.exit_code == 0, saved.stderr
    assert target.read_bytes().startswith(b"%PDF")


def test_bobs_invoice_is_refused_by_id_and_by_hash(fb_cli: CLI, fb: FossBilling, tmp_path) -> None:
    bob_invoice = fb.seed["invoices"]["bob_unpaid"]
    for args in (("invoices", "show", str(bob_invoice)),
                 ("invoices", "download", str(bob_invoice), "-O", str(tmp_path / "x.pdf"))):  # fmt: skip
        result = fb_cli(*args)
        assert (result.exit_code, result.stdout) == (5, ""), args
        assert result.stderr == f"error: invoice {bob_invoice} was not found in this account\n"
    assert not (tmp_path / "x.pdf").exists()
    # The server itself hands bob's invoice to alice by hash (0.5.6); the driver refuses it.
    from clientarea_cli.drivers.fossbilling import FossBillingDriver
    from clientarea_cli.errors import NotFound

    bob_hash = fb.bob("invoice/get", {"hash": _bob_hash(fb)})["hash"]
    assert fb.client("invoice/get", {"hash": bob_hash})["client"]["id"] == fb.other_client_id
    driver = FossBillingDriver(fb.url, fb.key)
    try:
        import pytest

        with pytest.raises(NotFound, match="invoice bob was not found in this account"):
            driver._invoice_by_hash(bob_hash, "invoice", "bob")
    finally:
        driver.close()


def _bob_hash(fb: FossBilling) -> str:
    rows = fb.bob("invoice/get_list")["list"]
    return next(r["hash"] for r in rows if r["id"] == fb.seed["invoices"]["bob_unpaid"])


def test_wallet_show_balance_and_history(fb_cli: CLI) -> None:
    overview = _json(fb_cli, "wallet", "show")
    assert overview["wallet"]["balance"] == {"amount": "60.00", "currency": "EUR"}
    assert [(m["description"], m["amount"]["amount"], m["balance_after"]["amount"])
            for m in overview["movements"]] == [
        ("Goodwill credit (outage 2026-03)", "10.00", "60.00"),
        ("Bank transfer top-up", "50.00", "50.00"),
    ]  # fmt: skip


def test_status_and_billing_outlook_work(fb_cli: CLI) -> None:
    status = fb_cli("status")
    assert status.exit_code == 0, status.stderr
    assert "credit           60.00 EUR\nunpaid invoices  3 (85.50 EUR)\n" in status.stdout
    assert "this provider stores no cards; it spends account credit on renewal invoices" in (
        status.stderr
    )
    outlook = fb_cli("billing", "outlook", "-o", "json")
    assert outlook.exit_code == 0, outlook.stderr
    items = json.loads(outlook.stdout)["items"]
    assert {i["item"] for i in items if i["kind"] == "domain"} >= {
        "garcia-consulting.es",
        "garcia-consulting.com",
    }

"""Changing one domain: settings, recurring payment, early renewal and nameservers."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from clientarea_cli.sandbox.seed.common import (
    BANK_ID,
    BILLING_CONTACT_ID,
    BRUNO_CARD_ID,
    BRUNO_CONTACT_ID,
    MASTERCARD_ID,
    VISA_ID,
)

from .test_sandbox_api import assert_error

GARCIA_HOSTING_ES = 1001  # active, expires today, auto-renew on, recurring on the Visa
ANAGARCIA_COM = 1002  # active, expires in 3 days, lock on, no recurring
BARCELONA_BIKES_EU = 1006  # active, lock on, no ID protection
VIEJO_PROYECTO = 1008  # expired 5 days ago
ANTIGUO_BLOG = 1010  # expired 45 days ago: past redemption
GARCIA_CONSULTING = 1011  # active, expires 2026-12-23, 12.99 EUR a year
API_GARCIA_IO = 1013  # active, expires 2027-01-06, 39.00 EUR a year
KELLER_WEB = 1045  # Bruno's


def sql(db_path: Path, query: str, *args: object) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute(query, args).fetchall()
        conn.commit()
        return rows
    finally:
        conn.close()


def domain(client: httpx.Client, ref: int | str) -> dict[str, Any]:
    answer = client.get(f"/v1/domains/{ref}")
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()
    return result


def details(answer: httpx.Response, status: int = 422, code: str = "validation_failed") -> Any:
    return assert_error(answer, status, code)["details"]


def balance(client: httpx.Client) -> str:
    return str(client.get("/v1/wallet").json()["balance"]["amount"])


def renew(client: httpx.Client, ref: int | str, key: str = "k-1", **body: object) -> httpx.Response:
    return client.post(f"/v1/domains/{ref}/renewal", json=body, headers={"Idempotency-Key": key})


# -- updateDomain ------------------------------------------------------------------------------


def test_switching_settings(client: httpx.Client) -> None:
    answer = client.patch(f"/v1/domains/{GARCIA_HOSTING_ES}", json={"auto_renew": False})
    assert answer.status_code == 200
    assert answer.json()["auto_renew"] is False
    assert answer.json() == domain(client, GARCIA_HOSTING_ES)
    answer = client.patch(
        "/v1/domains/ANAGARCIA.COM", json={"registrar_lock": False, "id_protection": True}
    )
    assert answer.status_code == 200
    after = domain(client, ANAGARCIA_COM)
    assert (after["registrar_lock"], after["id_protection"], after["auto_renew"]) == (
        False, True, True
    )  # fmt: skip


def test_setting_the_current_value_is_a_no_op(client: httpx.Client) -> None:
    before = domain(client, ANAGARCIA_COM)
    answer = client.patch(f"/v1/domains/{ANAGARCIA_COM}", json={"registrar_lock": True})
    assert answer.status_code == 200
    assert answer.json() == before


def test_update_validation(client: httpx.Client) -> None:
    before = domain(client, GARCIA_HOSTING_ES)
    answer = client.patch(
        f"/v1/domains/{GARCIA_HOSTING_ES}", json={"auto_renew": "yes", "colour": "red"}
    )
    assert details(answer) == {
        "auto_renew": "must be true or false",
        "colour": "is not a field of this request",
    }
    answer = client.patch(f"/v1/domains/{GARCIA_HOSTING_ES}", json={})
    assert details(answer) == {
        "body": "give at least one of auto_renew, registrar_lock, id_protection"
    }
    assert_error(client.patch(f"/v1/domains/{GARCIA_HOSTING_ES}", json=[1]), 400, "bad_request")
    assert_error(
        client.patch(f"/v1/domains/{GARCIA_HOSTING_ES}", content=b"{nope"), 400, "bad_request"
    )
    assert domain(client, GARCIA_HOSTING_ES) == before


def test_update_needs_an_active_domain(client: httpx.Client) -> None:
    answer = client.patch(f"/v1/domains/{VIEJO_PROYECTO}", json={"auto_renew": True})
    error = assert_error(answer, 409, "conflict")
    assert error["details"] == {"status": "expired"}
    assert "viejo-proyecto.com is expired" in error["message"]
    assert domain(client, VIEJO_PROYECTO)["auto_renew"] is False


def test_tlds_without_lock_or_privacy(client: httpx.Client) -> None:
    answer = client.patch(f"/v1/domains/{GARCIA_HOSTING_ES}", json={"registrar_lock": True})
    assert details(answer) == {"registrar_lock": "registrar lock is not available for .es domains"}
    answer = client.patch(
        f"/v1/domains/{BARCELONA_BIKES_EU}", json={"id_protection": True, "registrar_lock": False}
    )
    assert details(answer) == {"id_protection": "ID protection is not available for .eu domains"}
    assert domain(client, BARCELONA_BIKES_EU)["registrar_lock"] is True  # nothing applied
    # Switching off, or a feature the TLD has, is fine.
    answer = client.patch(f"/v1/domains/{BARCELONA_BIKES_EU}", json={"id_protection": False})
    assert answer.status_code == 200
    answer = client.patch(f"/v1/domains/{GARCIA_HOSTING_ES}", json={"id_protection": True})
    assert answer.json()["id_protection"] is True


def test_another_clients_domain_is_404(client: httpx.Client, bruno: httpx.Client) -> None:
    for ref in (KELLER_WEB, "keller-web.ch"):
        assert_error(client.patch(f"/v1/domains/{ref}", json={"auto_renew": True}), 404,
                     "not_found")  # fmt: skip
        assert_error(client.get(f"/v1/domains/{ref}/nameservers"), 404, "not_found")
    assert_error(bruno.patch(f"/v1/domains/{GARCIA_HOSTING_ES}", json={"auto_renew": False}),
                 404, "not_found")  # fmt: skip
    assert domain(client, GARCIA_HOSTING_ES)["auto_renew"] is True


# -- setDomainRecurring ------------------------------------------------------------------------


def test_recurring_on_with_the_validated_card_and_a_contact(client: httpx.Client) -> None:
    body = {"enabled": True, "payment_method_id": VISA_ID, "contact_id": BILLING_CONTACT_ID}
    answer = client.put(f"/v1/domains/{ANAGARCIA_COM}/recurring", json=body)
    assert answer.status_code == 200, answer.text
    expected = {"enabled": True, "payment_method_id": VISA_ID, "contact_id": BILLING_CONTACT_ID}
    assert answer.json()["recurring"] == expected
    assert domain(client, ANAGARCIA_COM)["recurring"] == expected


def test_recurring_keeps_the_contact_a_request_leaves_out(client: httpx.Client) -> None:
    url = f"/v1/domains/{ANAGARCIA_COM}/recurring"
    body = {"enabled": True, "payment_method_id": VISA_ID, "contact_id": BILLING_CONTACT_ID}
    assert client.put(url, json=body).status_code == 200
    answer = client.put(url, json={"enabled": True, "payment_method_id": VISA_ID})
    assert answer.status_code == 200, answer.text
    assert answer.json()["recurring"]["contact_id"] == BILLING_CONTACT_ID
    cleared = client.put(url, json={**body, "contact_id": None})
    assert cleared.json()["recurring"]["contact_id"] is None


def test_recurring_off_stores_nulls(client: httpx.Client) -> None:
    body = {"enabled": False, "payment_method_id": BANK_ID, "contact_id": 999}
    answer = client.put(f"/v1/domains/{GARCIA_HOSTING_ES}/recurring", json=body)
    assert answer.status_code == 200
    assert answer.json()["recurring"] == {
        "enabled": False, "payment_method_id": None, "contact_id": None
    }  # fmt: skip


@pytest.mark.parametrize(
    ("method_id", "message"),
    [
        (BANK_ID, "domains renew automatically only with a validated card"),
        (MASTERCARD_ID, "the card is not validated yet; verify it first"),
        (BRUNO_CARD_ID, "no such payment method in this account"),
        (999, "no such payment method in this account"),
    ],
)
def test_recurring_needs_a_validated_card_of_this_client(
    client: httpx.Client, method_id: int, message: str
) -> None:
    before = domain(client, ANAGARCIA_COM)
    body = {"enabled": True, "payment_method_id": method_id}
    answer = client.put(f"/v1/domains/{ANAGARCIA_COM}/recurring", json=body)
    assert details(answer) == {"payment_method_id": message}
    assert domain(client, ANAGARCIA_COM) == before


def test_recurring_refuses_expired_and_removed_cards(client: httpx.Client, db_path: Path) -> None:
    sql(db_path, "UPDATE payment_methods SET exp_month = 10, exp_year = 2026 WHERE id = ?", VISA_ID)
    body = {"enabled": True, "payment_method_id": VISA_ID}
    answer = client.put(f"/v1/domains/{ANAGARCIA_COM}/recurring", json=body)
    assert details(answer) == {"payment_method_id": "the card ending 4242 expired in 2026-10"}
    # A card is valid through the end of its expiry month.
    sql(db_path, "UPDATE payment_methods SET exp_month = 11, exp_year = 2026 WHERE id = ?", VISA_ID)
    assert client.put(f"/v1/domains/{ANAGARCIA_COM}/recurring", json=body).status_code == 200
    sql(db_path, "UPDATE payment_methods SET deleted = 1 WHERE id = ?", VISA_ID)
    answer = client.put(f"/v1/domains/{API_GARCIA_IO}/recurring", json=body)
    assert details(answer) == {"payment_method_id": "no such payment method in this account"}


def test_recurring_contact_must_be_this_clients(client: httpx.Client) -> None:
    body = {"enabled": True, "payment_method_id": BANK_ID, "contact_id": BRUNO_CONTACT_ID}
    answer = client.put(f"/v1/domains/{ANAGARCIA_COM}/recurring", json=body)
    assert details(answer) == {
        "payment_method_id": "domains renew automatically only with a validated card",
        "contact_id": "no such contact in this account",
    }


def test_recurring_body_shape(client: httpx.Client) -> None:
    url = f"/v1/domains/{ANAGARCIA_COM}/recurring"
    assert details(client.put(url, json={"enabled": True})) == {
        "payment_method_id": "is required to switch recurring payment on"
    }
    assert details(client.put(url, json={"payment_method_id": "21", "x": 1})) == {
        "enabled": "is required: true or false",
        "payment_method_id": "must be an id (a whole number) or null",
        "x": "is not a field of this request",
    }


def test_recurring_refused_for_domains_that_cannot_renew(
    client: httpx.Client, db_path: Path
) -> None:
    sql(db_path, "UPDATE domains SET status = 'transferred_away' WHERE id = ?", ANAGARCIA_COM)
    body = {"enabled": True, "payment_method_id": VISA_ID}
    answer = client.put(f"/v1/domains/{ANAGARCIA_COM}/recurring", json=body)
    assert assert_error(answer, 409, "conflict")["details"] == {"status": "transferred_away"}
    # An expired domain may still get recurring payment (to renew it).
    assert client.put(f"/v1/domains/{VIEJO_PROYECTO}/recurring", json=body).status_code == 200


# -- renewDomain -------------------------------------------------------------------------------


def test_renewal_issues_an_unpaid_invoice_and_uses_no_credit(client: httpx.Client) -> None:
    before = domain(client, GARCIA_CONSULTING)
    answer = renew(client, GARCIA_CONSULTING, years=2)
    assert answer.status_code == 201, answer.text
    invoice = answer.json()
    eur = "EUR"
    assert invoice == {
        "id": invoice["id"],
        "number": f"INV-2026-{invoice['id']}",
        "status": "unpaid",
        "date": "2026-11-22",
        "due_date": "2026-11-29",  # in 7 days (the domain is due later)
        "paid_date": None,
        "subtotal": {"amount": "25.98", "currency": eur},
        "tax": {"amount": "5.46", "currency": eur},
        "total": {"amount": "31.44", "currency": eur},
        "credit_applied": {"amount": "0.00", "currency": eur},
        "balance": {"amount": "31.44", "currency": eur},
        "items": [{
            "description": "Domain renewal - garcia-consulting.com - 2 years",
            "type": "domain_renewal",
            "related_id": GARCIA_CONSULTING,
            "amount": {"amount": "25.98", "currency": eur},
        }],
    }  # fmt: skip
    assert client.get(f"/v1/invoices/{invoice['id']}").json() == invoice
    assert balance(client) == "85.50"
    assert domain(client, GARCIA_CONSULTING) == before  # renewed only once paid


def test_renewal_due_date_follows_a_sooner_due_date(client: httpx.Client) -> None:
    invoice = renew(client, ANAGARCIA_COM, years=1).json()
    assert invoice["due_date"] == "2026-11-25"
    invoice = renew(client, VIEJO_PROYECTO, "k-2", years=1).json()
    assert invoice["due_date"] == "2026-11-29"


def test_renewal_with_credit_that_covers_it(client: httpx.Client) -> None:
    answer = renew(client, ANAGARCIA_COM, years=1, use_credit=True)
    invoice = answer.json()
    assert (invoice["status"], invoice["paid_date"]) == ("paid", "2026-11-22")
    assert invoice["total"]["amount"] == invoice["credit_applied"]["amount"] == "15.72"
    assert invoice["balance"]["amount"] == "0.00"
    assert balance(client) == "69.78"
    movement = client.get("/v1/wallet/movements").json()["data"][0]
    assert (movement["kind"], movement["amount"]["amount"], movement["invoice_id"]) == (
        "payment", "-15.72", invoice["id"]
    )  # fmt: skip
    assert movement["reference"] == invoice["number"]
    renewed = domain(client, ANAGARCIA_COM)
    assert (renewed["expiry_date"], renewed["next_due_date"]) == ("2027-11-25", "2027-11-25")


def test_renewal_with_credit_that_falls_short(client: httpx.Client) -> None:
    invoice = renew(client, API_GARCIA_IO, years=3, use_credit=True).json()
    assert invoice["total"]["amount"] == "141.57"  # 117.00 + 21 % VAT
    assert invoice["credit_applied"]["amount"] == "85.50"
    assert (invoice["status"], invoice["balance"]["amount"]) == ("unpaid", "56.07")
    assert balance(client) == "0.00"
    assert domain(client, API_GARCIA_IO)["expiry_date"] == "2027-01-06"
    # The same renewal again answers the open invoice: no second one, no credit left to apply.
    second = renew(client, API_GARCIA_IO, "k-2", years=3, use_credit=True).json()
    assert (second["id"], second["credit_applied"]["amount"]) == (invoice["id"], "85.50")


def test_renewal_reuses_the_open_invoice_and_refuses_other_years(
    client: httpx.Client, db_path: Path
) -> None:
    first = renew(client, GARCIA_CONSULTING, years=1)
    again = renew(client, GARCIA_CONSULTING, "k-2", years=1)
    assert (again.status_code, again.json()["id"]) == (201, first.json()["id"])
    open_ones = sql(db_path, "SELECT count(*) FROM invoice_items WHERE related_id = ?"
                    " AND type = 'domain_renewal'", GARCIA_CONSULTING)  # fmt: skip
    assert open_ones == [(1,)]
    error = assert_error(renew(client, GARCIA_CONSULTING, "k-3", years=2), 409, "conflict")
    number = first.json()["number"]
    assert error["message"] == (
        f"garcia-consulting.com already has an unpaid renewal invoice {number} for 1 year(s): "
        "pay it first"
    )
    assert error["details"] == {"invoice_id": str(first.json()["id"]), "years": "1"}


def test_renewal_revives_an_expired_domain_within_redemption(client: httpx.Client) -> None:
    invoice = renew(client, VIEJO_PROYECTO, years=1, use_credit=True).json()
    assert invoice["status"] == "paid"
    revived = domain(client, VIEJO_PROYECTO)
    assert (revived["status"], revived["expiry_date"]) == ("active", "2027-11-17")


def test_renewal_conflicts(client: httpx.Client) -> None:
    error = assert_error(renew(client, ANTIGUO_BLOG, years=1), 409, "conflict")
    assert error["message"] == "antiguo-blog.net is past redemption and cannot be renewed"
    assert_error(renew(client, "pixel-forge.dev", "k-2", years=1), 409, "conflict")


def test_renewal_stays_within_ten_years(client: httpx.Client) -> None:
    answer = renew(client, GARCIA_CONSULTING, years=10)
    assert details(answer) == {
        "years": "the registration may not run past 2036-11-22 (10 years from today): "
        "at most 9 more year(s)"
    }
    assert renew(client, GARCIA_CONSULTING, "k-2", years=9).status_code == 201


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({}, {"years": "is required: a whole number of years from 1 to 10"}),
        ({"years": 0}, {"years": "is required: a whole number of years from 1 to 10"}),
        ({"years": 11}, {"years": "is required: a whole number of years from 1 to 10"}),
        ({"years": True}, {"years": "is required: a whole number of years from 1 to 10"}),
        ({"years": 1, "use_credit": "yes", "coupon": "X"},
         {"use_credit": "must be true or false", "coupon": "is not a field of this request"}),
    ],
)  # fmt: skip
def test_renewal_validation(
    client: httpx.Client, db_path: Path, body: dict[str, object], expected: dict[str, str]
) -> None:
    assert details(renew(client, GARCIA_CONSULTING, **body)) == expected
    assert sql(db_path, "SELECT count(*) FROM invoices") == [(11,)]


def test_renewal_needs_an_idempotency_key_and_replays(client: httpx.Client, db_path: Path) -> None:
    url = f"/v1/domains/{ANAGARCIA_COM}/renewal"
    assert_error(client.post(url, json={"years": 1}), 400, "idempotency_key_required")
    first = renew(client, ANAGARCIA_COM, "same", years=1, use_credit=True)
    again = renew(client, ANAGARCIA_COM, "same", years=1, use_credit=True)
    assert again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    assert sql(db_path, "SELECT count(*) FROM invoices") == [(12,)]
    assert balance(client) == "69.78"  # charged once
    assert domain(client, ANAGARCIA_COM)["expiry_date"] == "2027-11-25"  # renewed once
    other = renew(client, ANAGARCIA_COM, "same", years=2)
    assert_error(other, 422, "idempotency_key_reused")


def test_renewal_of_another_clients_domain(client: httpx.Client, bruno: httpx.Client) -> None:
    assert_error(renew(client, KELLER_WEB, years=1), 404, "not_found")
    invoice = renew(bruno, KELLER_WEB, years=1).json()
    assert (invoice["total"], invoice["tax"]) == (
        {"amount": "15.13", "currency": "CHF"}, {"amount": "1.13", "currency": "CHF"}
    )  # fmt: skip
    assert_error(client.get(f"/v1/invoices/{invoice['id']}"), 404, "not_found")


def test_renewal_tax_follows_the_seeded_invoices(client: httpx.Client) -> None:
    invoice = renew(client, GARCIA_CONSULTING, years=1).json()
    subtotal = Decimal(invoice["subtotal"]["amount"])
    assert Decimal(invoice["tax"]["amount"]) == (subtotal * Decimal("0.21")).quantize(
        Decimal("0.01")
    )


# -- nameservers -------------------------------------------------------------------------------


def test_get_and_set_nameservers(client: httpx.Client) -> None:
    url = f"/v1/domains/{GARCIA_HOSTING_ES}/nameservers"
    assert client.get(url).json() == {"nameservers": ["ns1.sandbox-dns.net", "ns2.sandbox-dns.net"]}
    answer = client.put(url, json={"nameservers": ["NS1.Example.NET", "ns2.example.net."]})
    assert answer.status_code == 200
    assert answer.json() == {"nameservers": ["ns1.example.net", "ns2.example.net"]}
    assert client.get("/v1/domains/garcia-hosting.es/nameservers").json() == answer.json()
    assert domain(client, GARCIA_HOSTING_ES)["nameservers"] == [
        "ns1.example.net",
        "ns2.example.net",
    ]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["ns1.example.net"], {"nameservers": "must list 2 to 5 host names"}),
        ([f"ns{i}.example.net" for i in range(6)], {"nameservers": "must list 2 to 5 host names"}),
        ("ns1.example.net", {"nameservers": "is required: a list of 2 to 5 host names"}),
        (["ns1.example.net", 7], {"nameservers": "must list host names as strings"}),
        (
            ["ns1.example.net", "localhost", "10.0.0.1", "NS1.example.net", "-bad.example.net"],
            {
                "nameservers.1": "must be a full host name with a dot, such as ns1.example.net",
                "nameservers.2": "must be a host name, not an IP address",
                "nameservers.3": "repeats nameservers.0",
                "nameservers.4": "'-bad' is not a valid label (letters, digits and inner "
                "hyphens, 1 to 63)",
            },
        ),
        (["ns1.example.net", "a" * 63 + "." + "b" * 63 + "." + "c" * 63 + "." + "d" * 63],
         {"nameservers.1": "must be at most 253 characters"}),
    ],
)  # fmt: skip
def test_nameserver_validation(
    client: httpx.Client, names: object, expected: dict[str, str]
) -> None:
    url = f"/v1/domains/{GARCIA_HOSTING_ES}/nameservers"
    before = client.get(url).json()
    assert details(client.put(url, json={"nameservers": names})) == expected
    assert client.get(url).json() == before


def test_nameservers_need_an_active_domain(client: httpx.Client) -> None:
    body = {"nameservers": ["ns1.example.net", "ns2.example.net"]}
    answer = client.put(f"/v1/domains/{VIEJO_PROYECTO}/nameservers", json=body)
    assert_error(answer, 409, "conflict")
    assert client.get(f"/v1/domains/{VIEJO_PROYECTO}/nameservers").status_code == 200

"""Child name servers, EPP code, WHOIS contacts and DNS records: statuses, details, state."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import httpx
import pytest

from .helpers import all_pages
from .test_sandbox_api import assert_error

ES = "/v1/domains/garcia-hosting.es"  # Ana's, .es, unlocked, on the provider's name servers
ORG = "/v1/domains/olivar-verde.org"  # Ana's, unlocked, on the provider's name servers
DEV = "/v1/domains/codigo-abierto.dev"  # Ana's, unlocked, on another provider's name servers
LOCKED = "/v1/domains/anagarcia.com"
EXPIRED = "/v1/domains/viejo-proyecto.com"
BRUNOS = "/v1/domains/keller-web.ch"
RECORD_FIELDS = {"id", "type", "name", "value", "ttl", "priority"}


def state(db_path: Path) -> list[tuple[Any, ...]]:
    """Everything these endpoints may change, to prove a refused request changed nothing."""
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute("SELECT * FROM child_nameservers ORDER BY id").fetchall()
        rows += conn.execute("SELECT * FROM dns_records ORDER BY id").fetchall()
        rows += conn.execute("SELECT id, whois_contacts, epp_code FROM domains").fetchall()
        return rows
    finally:
        conn.close()


def key(n: int) -> dict[str, str]:
    return {"Idempotency-Key": f"test-key-{n}"}


# -- child name servers -------------------------------------------------------------------------


def test_child_nameservers_seeded_and_listed(client: httpx.Client) -> None:
    answer = client.get(f"{ES}/child-nameservers")
    assert answer.json() == {
        "data": [{"host": "ns1.garcia-hosting.es", "ips": ["203.0.113.53"]}],
        "meta": {"page": 1, "per_page": 50, "total": 1, "total_pages": 1},
    }
    assert client.get(f"{ORG}/child-nameservers").json()["data"] == []


def test_child_nameserver_create_update_delete(client: httpx.Client) -> None:
    body = {"host": "NS7.garcia-hosting.es", "ips": ["198.51.100.7", "2001:DB8:0::53"]}
    created = client.post(f"{ES}/child-nameservers", json=body, headers=key(1))
    assert created.status_code == 201, created.text
    assert created.json() == {
        "host": "ns7.garcia-hosting.es",
        "ips": ["198.51.100.7", "2001:db8::53"],
    }
    again = client.post(f"{ES}/child-nameservers", json=body, headers=key(2))
    assert_error(again, 409, "conflict")
    updated = client.put(
        f"{ES}/child-nameservers/ns7.garcia-hosting.es", json={"ips": ["192.0.2.1"]}
    )
    assert updated.json() == {"host": "ns7.garcia-hosting.es", "ips": ["192.0.2.1"]}
    assert client.delete(f"{ES}/child-nameservers/ns7.garcia-hosting.es").status_code == 204
    hosts = [c["host"] for c in all_pages(client, f"{ES}/child-nameservers")]
    assert hosts == ["ns1.garcia-hosting.es"]


def test_child_nameserver_idempotent_replay(client: httpx.Client, db_path: Path) -> None:
    body = {"host": "ns3.garcia-hosting.es", "ips": ["192.0.2.3"]}
    first = client.post(f"{ES}/child-nameservers", json=body, headers=key(3))
    before = state(db_path)
    replay = client.post(f"{ES}/child-nameservers", json=body, headers=key(3))
    assert (replay.status_code, replay.json()) == (201, first.json())
    assert replay.headers["idempotent-replayed"] == "true"
    assert state(db_path) == before
    other = client.post(
        f"{ES}/child-nameservers", json={**body, "ips": ["192.0.2.4"]}, headers=key(3)
    )
    assert_error(other, 422, "idempotency_key_reused")


@pytest.mark.parametrize(
    ("body", "details"),
    [
        ({"host": "ns1.example.com", "ips": ["192.0.2.1"]},
         {"host": "must be a host under garcia-hosting.es, such as ns1.garcia-hosting.es"}),
        ({"host": "garcia-hosting.es", "ips": ["192.0.2.1"]},
         {"host": "must be a host under garcia-hosting.es, such as ns1.garcia-hosting.es"}),
        ({"host": "bad_host.garcia-hosting.es", "ips": ["192.0.2.1"]},
         {"host": "'bad_host' is not a valid label (letters, digits and inner hyphens, 1 to 63)"}),
        ({"host": "ns4.garcia-hosting.es", "ips": []}, {"ips": "must list 1 to 13 IP addresses"}),
        ({"host": "ns4.garcia-hosting.es", "ips": [f"192.0.2.{i}" for i in range(14)]},
         {"ips": "must list 1 to 13 IP addresses"}),
        ({"host": "ns4.garcia-hosting.es", "ips": ["192.0.2.1", "300.1.1.1", "192.0.2.01", "192.0.2.1"]},
         {"ips.1": "'300.1.1.1' is not an IPv4 or IPv6 address",
          "ips.2": "'192.0.2.01' is not an IPv4 or IPv6 address",
          "ips.3": "repeats ips.0"}),
        ({"host": "ns4.garcia-hosting.es", "ips": ["192.0.2.1"], "ttl": 5},
         {"ttl": "is not a field of this request"}),
    ],
)  # fmt: skip
def test_child_nameserver_invalid_input_changes_nothing(
    client: httpx.Client, db_path: Path, body: dict[str, Any], details: dict[str, str]
) -> None:
    before = state(db_path)
    answer = client.post(f"{ES}/child-nameservers", json=body, headers=key(4))
    assert assert_error(answer, 422, "validation_failed")["details"] == details
    assert state(db_path) == before


def test_child_nameserver_needs_a_key_and_an_object(client: httpx.Client, db_path: Path) -> None:
    before = state(db_path)
    body = {"host": "ns5.garcia-hosting.es", "ips": ["192.0.2.5"]}
    assert_error(client.post(f"{ES}/child-nameservers", json=body), 400, "idempotency_key_required")
    answer = client.post(f"{ES}/child-nameservers", json=["x"], headers=key(5))
    assert_error(answer, 400, "bad_request")
    assert state(db_path) == before


def test_child_nameserver_in_use_cannot_be_deleted(client: httpx.Client, db_path: Path) -> None:
    before = state(db_path)
    answer = client.delete(f"{ES}/child-nameservers/ns1.garcia-hosting.es")
    error = assert_error(answer, 409, "conflict")
    assert error["message"] == (
        "ns1.garcia-hosting.es is still used as a name server by 10 of your domains "
        "(castellers.cat, costa-brava.eu, dev-tools.io, …); change their name servers first"
    )
    assert state(db_path) == before


def test_unknown_child_nameserver_is_404(client: httpx.Client) -> None:
    assert_error(client.delete(f"{ES}/child-nameservers/ns9.garcia-hosting.es"), 404, "not_found")
    answer = client.put(
        f"{ES}/child-nameservers/ns9.garcia-hosting.es", json={"ips": ["192.0.2.1"]}
    )
    assert_error(answer, 404, "not_found")


def test_update_child_nameserver_validates_ips(client: httpx.Client, db_path: Path) -> None:
    before = state(db_path)
    answer = client.put(f"{ES}/child-nameservers/ns1.garcia-hosting.es", json={"ips": ["nope"]})
    assert assert_error(answer, 422, "validation_failed")["details"] == {
        "ips.0": "'nope' is not an IPv4 or IPv6 address"
    }
    assert state(db_path) == before


# -- EPP code -----------------------------------------------------------------------------------


def test_epp_code_shown_emailed_or_refused(client: httpx.Client) -> None:
    assert client.get(f"{ORG}/epp-code").json() == {"code": "BS7q5lAT6O4w", "emailed_to": None}
    assert client.get(f"{ES}/epp-code").json() == {"code": None, "emailed_to": "ana@example.com"}
    error = assert_error(client.get(f"{LOCKED}/epp-code"), 409, "conflict")
    assert error["message"] == "anagarcia.com is locked at the registry: unlock it first"


# -- contacts -----------------------------------------------------------------------------------


def test_contacts_seeded_from_the_account(client: httpx.Client, bruno: httpx.Client) -> None:
    contacts = client.get(f"{ES}/contacts").json()
    assert list(contacts) == ["registrant", "admin", "tech", "billing"]
    assert contacts["registrant"] == {
        "first_name": "Ana", "last_name": "García", "company": "Garcia Hosting SL",
        "email": "ana@example.com", "phone": "+34.600123456", "address1": "Calle Mayor 12",
        "address2": "2º B", "city": "Madrid", "state": "Madrid", "postcode": "28013",
        "country": "ES",
    }  # fmt: skip
    assert contacts["admin"] == contacts["registrant"]
    assert (contacts["tech"]["email"], contacts["tech"]["phone"]) == (
        "jordi@garcia-hosting.es", "+34.611222333"
    )  # fmt: skip
    assert contacts["billing"]["email"] == "facturas@garcia-hosting.es"
    theirs = bruno.get(f"{BRUNOS}/contacts").json()
    assert (theirs["registrant"]["email"], theirs["billing"]["email"]) == (
        "bruno@example.org", "lena@example.org"
    )  # fmt: skip


def test_set_contacts(client: httpx.Client) -> None:
    contacts = client.get(f"{ES}/contacts").json()
    contacts["tech"] = {**contacts["tech"], "email": "noc@garcia-hosting.es", "state": None}
    answer = client.put(f"{ES}/contacts", json=contacts)
    assert (answer.status_code, answer.json()) == (200, contacts)
    assert client.get(f"{ES}/contacts").json() == contacts


def test_invalid_contacts_name_each_field(client: httpx.Client, db_path: Path) -> None:
    contacts = client.get(f"{ES}/contacts").json()
    contacts["registrant"] = {**contacts["registrant"], "email": "ana@", "phone": "+34 600",
                              "country": "XX", "first_name": " ", "fax": "1"}  # fmt: skip
    contacts["admin"] = {**contacts["admin"], "city": "x" * 101}
    del contacts["billing"]["postcode"]
    before = state(db_path)
    answer = client.put(f"{ES}/contacts", json={**contacts, "owner": {}})
    assert assert_error(answer, 422, "validation_failed")["details"] == {
        "owner": "is not a contact role",
        "registrant.fax": "is not a contact field",
        "registrant.first_name": "must not be empty",
        "registrant.email": "'ana@' is not an e-mail address",
        "registrant.phone": "'+34 600' is not in the form +CC.NUMBER (such as +34.911234567)",
        "registrant.country": "'XX' is not an ISO 3166-1 alpha-2 country code (such as ES)",
        "admin.city": "must be at most 100 characters",
        "billing.postcode": "is required",
    }
    assert state(db_path) == before


def test_contacts_of_an_expired_domain_cannot_change(client: httpx.Client, db_path: Path) -> None:
    contacts = client.get(f"{EXPIRED}/contacts").json()
    before = state(db_path)
    error = assert_error(client.put(f"{EXPIRED}/contacts", json=contacts), 409, "conflict")
    assert (
        error["message"]
        == "viejo-proyecto.com is expired: only an active domain's contacts can change"
    )
    assert state(db_path) == before


# -- DNS records --------------------------------------------------------------------------------


def test_dns_records_seeded_apex_first(client: httpx.Client) -> None:
    records = all_pages(client, f"{ES}/dns-records")
    assert all(set(r) == RECORD_FIELDS for r in records)
    assert [(r["type"], r["name"], r["priority"]) for r in records] == [
        ("A", "@", None), ("AAAA", "@", None), ("MX", "@", 10), ("TXT", "@", None),
        ("CNAME", "www", None),
    ]  # fmt: skip
    assert records[-1]["value"] == "garcia-hosting.es"


def test_dns_record_create_update_delete(client: httpx.Client) -> None:
    body = {"type": "MX", "name": "@", "value": "MX2.Example.NET.", "priority": 20}
    created = client.post(f"{ES}/dns-records", json=body, headers=key(10))
    assert created.status_code == 201, created.text
    record = created.json()
    assert record == {"id": record["id"], "type": "MX", "name": "@", "value": "mx2.example.net",
                      "ttl": 3600, "priority": 20}  # fmt: skip
    path = f"{ES}/dns-records/{record['id']}"
    replaced = {"type": "TXT", "name": "_dmarc", "value": '"v=DMARC1; p=none"', "ttl": 300}
    updated = client.put(path, json=replaced)
    assert updated.json() == {**replaced, "id": record["id"], "priority": None}
    assert client.delete(path).status_code == 204
    assert_error(client.delete(path), 404, "not_found")
    assert record["id"] not in [r["id"] for r in all_pages(client, f"{ES}/dns-records")]


@pytest.mark.parametrize(
    ("body", "details"),
    [
        ({"type": "A", "name": "@", "value": "2001:db8::1"}, {"value": "'2001:db8::1' is not an IPv4 address"}),
        ({"type": "AAAA", "name": "@", "value": "192.0.2.1"}, {"value": "'192.0.2.1' is not an IPv6 address"}),
        ({"type": "CNAME", "name": "blog", "value": "not a host"},
         {"value": "'not a host' is not a host name such as mail.example.net"}),
        ({"type": "MX", "name": "@", "value": "mx.example.net"},
         {"priority": "is required for MX records: 0 to 65535"}),
        ({"type": "A", "name": "@", "value": "192.0.2.1", "priority": 5},
         {"priority": "must be null for A records"}),
        ({"type": "SRV", "name": "_sip._tcp", "value": "5 sip.example.net", "priority": 1},
         {"value": 'must be "<weight> <port> <target>", such as "5 5060 sip.example.net"'}),
        ({"type": "SRV", "name": "sip", "value": "5 5060 sip.example.net", "priority": 1},
         {"name": "an SRV name starts with _service._proto, such as _sip._tcp"}),
        ({"type": "CAA", "name": "@", "value": "0 issue letsencrypt.org"},
         {"value": 'must be <flags> <tag> "<value>", such as 0 issue "letsencrypt.org"'}),
        ({"type": "CAA", "name": "@", "value": '0 policy "x"'},
         {"value": "the tag must be one of issue, issuewild, iodef"}),
        ({"type": "TXT", "name": "@", "value": "x" * 256},
         {"value": 'is longer than 255 characters: split it into quoted strings "…" "…"'}),
        ({"type": "TXT", "name": "@", "value": '"' + "x" * 256 + '"'},
         {"value": "string 1 is longer than 255 characters"}),
        ({"type": "A", "name": "www.garcia-hosting.es", "value": "192.0.2.1"},
         {"name": "must be relative to the zone: @ for garcia-hosting.es itself, www for www.garcia-hosting.es"}),
        ({"type": "A", "name": "@", "value": "192.0.2.1", "ttl": 30},
         {"ttl": "must be a whole number of seconds from 60 to 86400"}),
        ({"type": "NS", "name": "@", "value": "ns.example.net"},
         {"type": "must be one of A, AAAA, CNAME, MX, TXT, SRV, CAA"}),
        ({"type": "A", "value": "192.0.2.1", "comment": "x"},
         {"comment": "is not a DNS record field",
          "name": "is required: @ for the zone's apex, or a relative name such as www"}),
    ],
)  # fmt: skip
def test_dns_record_invalid_input_changes_nothing(
    client: httpx.Client, db_path: Path, body: dict[str, Any], details: dict[str, str]
) -> None:
    before = state(db_path)
    answer = client.post(f"{ES}/dns-records", json=body, headers=key(11))
    assert assert_error(answer, 422, "validation_failed")["details"] == details
    assert state(db_path) == before


def test_valid_values_of_every_type(client: httpx.Client) -> None:
    bodies = [
        {"type": "AAAA", "name": "v6", "value": "2001:db8::10"},
        {"type": "CNAME", "name": "shop", "value": "shops.example.net"},
        {"type": "SRV", "name": "_sip._tcp", "value": "5 5060 sip.example.net", "priority": 10},
        {"type": "CAA", "name": "@", "value": '0 ISSUE "letsencrypt.org"'},
        {
            "type": "TXT",
            "name": "key._domainkey",
            "value": '"' + "a" * 255 + '" "' + "b" * 40 + '"',
        },
        {"type": "A", "name": "*.dev", "value": "192.0.2.80", "ttl": 86400},
    ]
    for n, body in enumerate(bodies):
        answer = client.post(f"{ES}/dns-records", json=body, headers=key(20 + n))
        assert answer.status_code == 201, answer.text
    assert answer.json()["name"] == "*.dev"
    caa = [r for r in all_pages(client, f"{ES}/dns-records") if r["type"] == "CAA"]
    assert caa[0]["value"] == '0 issue "letsencrypt.org"'


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"type": "CNAME", "name": "@", "value": "other.example.net"},
         "a CNAME record cannot be at the apex (@), beside the SOA and NS records"),
        ({"type": "A", "name": "www", "value": "192.0.2.1"},
         "www has a CNAME record, so no other record can share its name"),
        ({"type": "MX", "name": "@", "value": "mx1.sandbox-dns.net", "priority": 5},
         "the same record already exists (id 4)"),
    ],
)  # fmt: skip
def test_dns_conflicts_change_nothing(
    client: httpx.Client, db_path: Path, body: dict[str, Any], message: str
) -> None:
    before = state(db_path)
    error = assert_error(
        client.post(f"{ES}/dns-records", json=body, headers=key(30)), 409, "conflict"
    )
    assert error["message"] == message
    assert state(db_path) == before


def test_cname_beside_other_records_on_create_and_update(
    client: httpx.Client, db_path: Path
) -> None:
    a = client.post(f"{ES}/dns-records", json={"type": "A", "name": "api", "value": "192.0.2.9"},
                    headers=key(40)).json()  # fmt: skip
    before = state(db_path)
    cname = {"type": "CNAME", "name": "api", "value": "api.example.net"}
    error = assert_error(
        client.post(f"{ES}/dns-records", json=cname, headers=key(41)), 409, "conflict"
    )
    assert error["message"] == "a CNAME record cannot share its name: api already has A"
    # Replacing the only record of that name by a CNAME is fine: it does not sit beside itself.
    assert state(db_path) == before
    answer = client.put(f"{ES}/dns-records/{a['id']}", json=cname)
    assert answer.json() == {**cname, "id": a["id"], "ttl": 3600, "priority": None}


def test_a_zone_the_provider_does_not_host_is_409(client: httpx.Client, db_path: Path) -> None:
    before = state(db_path)
    error = assert_error(client.get(f"{DEV}/dns-records"), 409, "conflict")
    assert error["message"] == (
        "the provider does not host the zone of codigo-abierto.dev: it uses dns1.registrar-servers.com, "
        "dns2.registrar-servers.com, dns3.registrar-servers.com, not ns1.sandbox-dns.net and "
        "ns2.sandbox-dns.net"
    )
    body = {"type": "A", "name": "@", "value": "192.0.2.1"}
    assert_error(client.post(f"{DEV}/dns-records", json=body, headers=key(50)), 409, "conflict")
    assert_error(client.delete(f"{DEV}/dns-records/1"), 409, "conflict")
    assert state(db_path) == before


def test_records_of_another_zone_are_404(client: httpx.Client) -> None:
    theirs = all_pages(client, f"{ORG}/dns-records")[0]["id"]
    assert_error(client.delete(f"{ES}/dns-records/{theirs}"), 404, "not_found")
    assert_error(client.delete(f"{ES}/dns-records/abc"), 404, "not_found")


# -- tenant isolation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("GET", "/child-nameservers", None),
        ("POST", "/child-nameservers", {"host": "ns1.keller-web.ch", "ips": ["192.0.2.1"]}),
        ("PUT", "/child-nameservers/ns1.keller-web.ch", {"ips": ["192.0.2.1"]}),
        ("DELETE", "/child-nameservers/ns1.keller-web.ch", None),
        ("GET", "/epp-code", None),
        ("GET", "/contacts", None),
        ("GET", "/dns-records", None),
        ("POST", "/dns-records", {"type": "A", "name": "@", "value": "192.0.2.1"}),
        ("DELETE", "/dns-records/1", None),
    ],
)
def test_another_clients_domain_is_404(
    client: httpx.Client, bruno: httpx.Client, db_path: Path, method: str, suffix: str, body: Any
) -> None:
    before = state(db_path)
    answer = client.request(method, BRUNOS + suffix, json=body, headers=key(60))
    assert_error(answer, 404, "not_found")
    assert state(db_path) == before
    assert bruno.get(f"{BRUNOS}/dns-records").status_code == 200


def test_put_contacts_of_another_clients_domain_is_404(
    client: httpx.Client, bruno: httpx.Client
) -> None:
    contacts = bruno.get(f"{BRUNOS}/contacts").json()
    assert_error(client.put(f"{BRUNOS}/contacts", json=contacts), 404, "not_found")


def test_operations_are_listed_by_the_provider(client: httpx.Client) -> None:
    operations = client.get("/v1/provider").json()["operations"]
    assert {"listChildNameservers", "getDomainEppCode", "setDomainContacts", "createDnsRecord",
            "deleteDnsRecord"} <= set(operations)  # fmt: skip

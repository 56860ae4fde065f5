"""Name servers, child name servers, EPP code, contacts and DNS against the embedded sandbox:
whole outputs, exit codes, and the provider's state read back (or proven unchanged)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest

from tests.conftest import CLI

ES = "garcia-hosting.es"  # .es, unlocked, on the provider's name servers, one child name server
DNS_TABLE = (
    "ID  TYPE   NAME  VALUE                TTL   PRIORITY\n"
    "1   A      @     203.0.113.162        3600  -\n"
    "2   AAAA   @     2001:db8::a2         3600  -\n"
    "4   MX     @     mx1.sandbox-dns.net  3600  10\n"
    "5   TXT    @     v=spf1 mx -all       3600  -\n"
    "3   CNAME  www   garcia-hosting.es    3600  -\n"
)


def provider_state() -> list[tuple[Any, ...]]:
    """What these commands may change on the provider's side (the sandbox's database)."""
    from clientarea_cli.config.paths import sandbox_database

    conn = sqlite3.connect(sandbox_database())
    try:
        rows = conn.execute("SELECT * FROM child_nameservers ORDER BY id").fetchall()
        rows += conn.execute("SELECT * FROM dns_records ORDER BY id").fetchall()
        rows += conn.execute("SELECT id, whois_contacts FROM domains ORDER BY id").fetchall()
        return rows
    finally:
        conn.close()


@pytest.fixture
def no_requests(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if the command gets as far as opening a connection to the provider."""
    import clientarea_cli.cli.session as session

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("a request was about to be sent")

    monkeypatch.setattr(session, "open_driver", refuse)


# -- name servers and child name servers --------------------------------------------------------


def test_nameservers_show(demo: CLI) -> None:
    result = demo("domains", "nameservers", "show", ES)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "HOST\nns1.sandbox-dns.net\nns2.sandbox-dns.net\n"
    tsv = demo("domains", "nameservers", "show", "codigo-abierto.dev", "-o", "tsv", "--no-headers")
    assert tsv.stdout == (
        "dns1.registrar-servers.com\ndns2.registrar-servers.com\ndns3.registrar-servers.com\n"
    )
    as_json = demo("domains", "nameservers", "show", ES, "-o", "json")
    assert json.loads(as_json.stdout) == [
        {"host": "ns1.sandbox-dns.net"},
        {"host": "ns2.sandbox-dns.net"},
    ]


def test_child_ns_add_update_remove(demo: CLI) -> None:
    listed = demo("domains", "child-ns", "list", ES)
    assert listed.stdout == "HOST                   IPS\nns1.garcia-hosting.es  203.0.113.53\n"
    added = demo(
        "domains", "child-ns", "add", ES, "ns7", "--ip", "192.0.2.7", "--ip", "2001:DB8::7"
    )
    assert (added.exit_code, added.stderr) == (0, "")
    assert added.stdout == "host  ns7.garcia-hosting.es\nips   192.0.2.7, 2001:db8::7\n"
    updated = demo(
        "domains",
        "child-ns",
        "update",
        ES,
        "ns7.garcia-hosting.es",
        "--ip",
        "192.0.2.8",
        "-o",
        "json",
    )
    assert json.loads(updated.stdout) == {"host": "ns7.garcia-hosting.es", "ips": ["192.0.2.8"]}
    removed = demo("domains", "child-ns", "remove", ES, "ns7", "--yes")
    assert (removed.exit_code, removed.stdout) == (0, "")
    assert removed.stderr == "removed the child name server ns7.garcia-hosting.es\n"
    after = demo("domains", "child-ns", "list", ES, "-o", "json")
    assert json.loads(after.stdout) == [{"host": "ns1.garcia-hosting.es", "ips": ["203.0.113.53"]}]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("ns7", "--ip", "192.0.2.300"),
         "error: invalid --ip: '192.0.2.300' is not an IPv4 or IPv6 address"),
        (("ns7",), "error: give at least one IP address with --ip"),
        (("ns7", "--ip", "192.0.2.1", "--ip", "192.0.2.1"),
         "error: invalid --ip: 192.0.2.1 is given twice"),
        (("ns7.example.com", "--ip", "192.0.2.1"),
         "error: invalid HOST: 'ns7.example.com' is not under garcia-hosting.es\n"
         "hint: such as ns1.garcia-hosting.es"),
        (("bad_host", "--ip", "192.0.2.1"),
         "error: invalid HOST: 'bad_host.garcia-hosting.es' is not a host name: 'bad_host' is not "
         "a valid label\nhint: labels are letters, digits and inner hyphens, 1 to 63 characters"),
    ],
)  # fmt: skip
def test_child_ns_bad_input_exits_2_before_any_request(
    demo: CLI, no_requests: None, args: tuple[str, ...], error: str
) -> None:
    before = provider_state()
    result = demo("domains", "child-ns", "add", ES, *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", error + "\n")
    assert provider_state() == before


def test_child_ns_in_use_is_refused_and_kept(demo: CLI) -> None:
    before = provider_state()
    result = demo("domains", "child-ns", "remove", ES, "ns1", "--yes")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "error: the provider refused: ns1.garcia-hosting.es is still used as a name server by 10 "
        "of your domains (castellers.cat, costa-brava.eu, dev-tools.io, …); change their name "
        "servers first\n"
    )
    assert provider_state() == before


def test_child_ns_remove_needs_yes_without_a_terminal(demo: CLI) -> None:
    before = provider_state()
    result = demo("domains", "child-ns", "remove", ES, "ns1")
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr
        == "error: confirmation required: run again with --yes (no terminal to ask on)\n"
    )
    dry = demo("domains", "child-ns", "remove", ES, "ns1", "--dry-run")
    assert (dry.exit_code, dry.stdout) == (0, "")
    assert dry.stderr == (
        "dry run: nothing was sent; ns1.garcia-hosting.es would be removed from garcia-hosting.es\n"
    )
    assert provider_state() == before


def test_child_ns_add_dry_run_changes_nothing(demo: CLI) -> None:
    before = provider_state()
    result = demo("domains", "child-ns", "add", ES, "ns8", "--ip", "192.0.2.8", "--dry-run")
    assert result.exit_code == 0
    assert result.stdout == "host  ns8.garcia-hosting.es\nips   192.0.2.8\n"
    assert (
        result.stderr == "dry run: nothing was sent; this child name server would be registered\n"
    )
    assert provider_state() == before


# -- EPP code -----------------------------------------------------------------------------------


def test_epp_code_shown(demo: CLI) -> None:
    result = demo("domains", "epp", "olivar-verde.org")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "code  BS7q5lAT6O4w\n", "")
    as_json = demo("domains", "epp", "olivar-verde.org", "-o", "json")
    assert json.loads(as_json.stdout) == {"code": "BS7q5lAT6O4w", "emailed_to": None}


def test_epp_code_emailed(demo: CLI) -> None:
    result = demo("domains", "epp", ES)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "The registry does not let the provider show it: it was e-mailed to ana@example.com.\n"
    )
    as_json = demo("domains", "epp", ES, "-o", "json")
    assert json.loads(as_json.stdout) == {"code": None, "emailed_to": "ana@example.com"}


def test_epp_code_of_a_locked_domain_says_how_to_unlock(demo: CLI) -> None:
    result = demo("domains", "epp", "anagarcia.com")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "error: anagarcia.com is locked (registrar lock), so its transfer code cannot be given: "
        "run `clientarea domains lock off anagarcia.com` first\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ("epp", "nope.es"),
        ("contacts", "show", "nope.es"),
        ("dns", "list", "nope.es"),
        ("child-ns", "list", "nope.es"),
        ("nameservers", "show", "nope.es"),
        ("dns", "list", "keller-web.ch"),  # Bruno's: another account's domain does not exist
    ],
)
def test_unknown_domain_exits_5(demo: CLI, args: tuple[str, ...]) -> None:
    result = demo("domains", *args)
    expected = f"error: domain {args[-1]} not found\n"
    assert (result.exit_code, result.stdout, result.stderr) == (5, "", expected)


# -- contacts -----------------------------------------------------------------------------------


def test_contacts_show(demo: CLI) -> None:
    result = demo("domains", "contacts", "show", ES)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "ROLE        FIRST NAME  LAST NAME  COMPANY            EMAIL                       PHONE          COUNTRY\n"
        "registrant  Ana         García     Garcia Hosting SL  ana@example.com             +34.600123456  ES\n"
        "admin       Ana         García     Garcia Hosting SL  ana@example.com             +34.600123456  ES\n"
        "tech        Jordi       Puig       Garcia Hosting SL  jordi@garcia-hosting.es     +34.611222333  ES\n"
        "billing     Marta       Ruiz       Garcia Hosting SL  facturas@garcia-hosting.es  +34.600987654  ES\n"
    )  # fmt: skip
    contacts = json.loads(demo("domains", "contacts", "show", ES, "-o", "json").stdout)
    assert list(contacts) == ["registrant", "admin", "tech", "billing"]
    assert contacts["tech"] == {
        "first_name": "Jordi", "last_name": "Puig", "company": "Garcia Hosting SL",
        "email": "jordi@garcia-hosting.es", "phone": "+34.611222333",
        "address1": "Carrer de Balmes 5", "address2": None, "city": "Barcelona", "state": None,
        "postcode": "08007", "country": "ES",
    }  # fmt: skip


def contacts_json(demo: CLI, domain: str = ES) -> dict[str, Any]:
    result = demo("domains", "contacts", "show", domain, "-o", "json")
    assert result.exit_code == 0, result.stderr
    contacts: dict[str, Any] = json.loads(result.stdout)
    return contacts


def test_contacts_set_from_a_contact_shows_the_changes(demo: CLI) -> None:
    before = contacts_json(demo)
    result = demo("domains", "contacts", "set", ES, "--role", "tech", "--from-contact", "11",
                  "--yes", "--columns", "role,email")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "Changes to the contacts of garcia-hosting.es:\n"
        "  tech.first_name: Jordi -> Marta\n"
        "  tech.last_name: Puig -> Ruiz\n"
        "  tech.email: jordi@garcia-hosting.es -> facturas@garcia-hosting.es\n"
        "  tech.phone: +34.611222333 -> +34.600987654\n"
        "  tech.address1: Carrer de Balmes 5 -> Calle Mayor 12\n"
        "  tech.city: Barcelona -> Madrid\n"
        "  tech.postcode: 08007 -> 28013\n"
    )
    assert result.stdout == (
        "ROLE        EMAIL\n"
        "registrant  ana@example.com\n"
        "admin       ana@example.com\n"
        "tech        facturas@garcia-hosting.es\n"
        "billing     facturas@garcia-hosting.es\n"
    )
    after = contacts_json(demo)
    assert after["tech"] == before["billing"]
    assert {k: v for k, v in after.items() if k != "tech"} == {
        k: v for k, v in before.items() if k != "tech"
    }


def test_contacts_set_fields_on_every_role(demo: CLI) -> None:
    result = demo("domains", "contacts", "set", ES, "--role", "all", "--phone", "+34 91 123 45 67",
                  "--company", "", "--yes", "-o", "json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    saved = json.loads(result.stdout)
    assert {c["phone"] for c in saved.values()} == {"+34.911234567"}
    assert {c["company"] for c in saved.values()} == {None}
    assert contacts_json(demo) == saved


def test_contacts_set_from_a_file_naming_roles(demo: CLI) -> None:
    body = json.dumps({"admin": {"email": "admin@garcia-hosting.es", "state": None}})
    result = demo("domains", "contacts", "set", ES, "--file", "-", "--yes", stdin=body)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "Changes to the contacts of garcia-hosting.es:\n"
        "  admin.email: ana@example.com -> admin@garcia-hosting.es\n"
        "  admin.state: Madrid -> -\n"
    )
    assert contacts_json(demo)["admin"]["email"] == "admin@garcia-hosting.es"


def test_contacts_set_dry_run_changes_nothing(demo: CLI) -> None:
    before = provider_state()
    result = demo("domains", "contacts", "set", ES, "--role", "billing", "--email", "b@example.es",
                  "--dry-run")  # fmt: skip
    assert (result.exit_code, result.stdout) == (
        0, "billing.email: facturas@garcia-hosting.es -> b@example.es\n"
    )  # fmt: skip
    assert result.stderr == (
        "dry run: nothing was sent; the contacts of garcia-hosting.es would change so\n"
    )
    as_json = demo("domains", "contacts", "set", ES, "--role", "billing", "--email", "b@example.es",
                   "--dry-run", "-o", "json")  # fmt: skip
    assert json.loads(as_json.stdout)["billing"]["email"] == "b@example.es"
    assert provider_state() == before


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("--role", "admin", "--email", "ana@"), "error: invalid --email: 'ana@' is not an e-mail address"),
        (("--role", "admin", "--phone", "600 123 456"),
         "error: invalid --phone: '600 123 456' has no country code\n"
         "hint: with its country code, such as +34.911234567 or +34 600 123 456"),
        (("--role", "admin", "--country", "Spain"),
         "error: invalid --country: 'Spain' is not an ISO 3166-1 alpha-2 country code\n"
         "hint: such as ES"),
        (("--role", "admin", "--country", "XX"),
         "error: invalid --country: 'XX' is not an ISO 3166-1 alpha-2 country code\n"
         "hint: such as ES"),
        (("--role", "owner", "--email", "a@example.es"),
         "error: invalid value for --role: 'owner'\n"
         "hint: choose from registrant, admin, tech, billing or all"),
        (("--email", "a@example.es"),
         "error: say which contacts to change with --role (registrant, admin, tech, billing or all)"),
        (("--role", "tech"),
         "error: nothing to change: give --from-contact, --from-account, --file or fields such as "
         "--email"),
        (("--role", "tech", "--from-account", "--from-contact", "11"),
         "error: choose one source: --from-contact or --from-account"),
    ],
)  # fmt: skip
def test_contacts_bad_input_exits_2_before_any_request(
    demo: CLI, no_requests: None, args: tuple[str, ...], error: str
) -> None:
    before = provider_state()
    result = demo("domains", "contacts", "set", ES, *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", error + "\n")
    assert provider_state() == before


def test_contacts_incomplete_source_names_the_field(demo: CLI, tmp_path: Any) -> None:
    before = provider_state()
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"first_name": "Eva", "last_name": "Sanz", "email": "eva@example.es",
                                "phone": "+34.600000000", "address1": "", "city": "Toledo",
                                "postcode": "45001", "country": "ES"}))  # fmt: skip
    result = demo("domains", "contacts", "set", ES, "--role", "registrant", "--file", str(path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: registrant.address1 is required and empty\nhint: set it with --address1\n"
    )
    assert provider_state() == before


def test_contacts_of_an_expired_domain_are_refused(demo: CLI) -> None:
    before = provider_state()
    result = demo("domains", "contacts", "set", "viejo-proyecto.com", "--role", "admin",
                  "--email", "a@example.es", "--yes")  # fmt: skip
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines()[-1] == (
        "error: the provider refused: viejo-proyecto.com is expired: only an active domain's "
        "contacts can change"
    )
    assert provider_state() == before


def test_contacts_set_asks_on_a_terminal(demo: CLI) -> None:
    before = provider_state()
    args = ("domains", "contacts", "set", ES, "--role", "admin", "--email", "a@example.es")
    refused = demo(*args)
    assert refused.exit_code == 2
    assert refused.stderr.endswith(
        "error: confirmation required: run again with --yes (no terminal to ask on)\n"
    )
    declined = demo(*args, stdin="n\n", tty=True)
    assert declined.exit_code == 1
    assert declined.stderr.endswith(
        # (the answer is not echoed here, so no new line before the error)
        "Change 1 field(s) of the contacts of garcia-hosting.es? [y/N]:"
        "error: cancelled; nothing was changed\n"
    )
    assert provider_state() == before
    agreed = demo(*args, stdin="y\n", tty=True)
    assert agreed.exit_code == 0, agreed.stderr
    assert contacts_json(demo)["admin"]["email"] == "a@example.es"


# -- DNS records --------------------------------------------------------------------------------


def test_dns_list(demo: CLI) -> None:
    result = demo("domains", "dns", "list", ES)
    assert (result.exit_code, result.stdout, result.stderr) == (0, DNS_TABLE, "")
    records = json.loads(demo("domains", "dns", "list", ES, "-o", "json").stdout)
    assert records[2] == {
        "id": 4, "type": "MX", "name": "@", "value": "mx1.sandbox-dns.net", "ttl": 3600,
        "priority": 10,
    }  # fmt: skip


def test_dns_add_update_remove(demo: CLI) -> None:
    added = demo("domains", "dns", "add", ES, "mx", "@", "MX2.example.net.", "--priority", "20",
                 "-o", "json")  # fmt: skip
    assert added.exit_code == 0, added.stderr
    record = json.loads(added.stdout)
    assert record == {"id": record["id"], "type": "MX", "name": "@", "value": "mx2.example.net",
                      "ttl": 3600, "priority": 20}  # fmt: skip
    rid = str(record["id"])
    # MX -> A: the priority goes, as A records have none.
    updated = demo("domains", "dns", "update", ES, rid, "--type", "A", "--name", "mail",
                   "--value", "192.0.2.25", "--ttl", "300")  # fmt: skip
    assert updated.exit_code == 0, updated.stderr
    assert updated.stdout == (
        f"id        {rid}\ntype      A\nname      mail\nvalue     192.0.2.25\nttl       300\n"
        "priority  -\n"
    )
    same = demo("domains", "dns", "update", ES, rid, "--ttl", "300")
    assert (same.exit_code, same.stdout) == (0, "")
    assert same.stderr == f"nothing to change: record {rid} already is so\n"
    removed = demo("domains", "dns", "remove", ES, rid, "--yes")
    assert (removed.exit_code, removed.stdout) == (0, "")
    assert removed.stderr == f"removed record {rid} (A mail 192.0.2.25)\n"
    assert demo("domains", "dns", "list", ES).stdout == DNS_TABLE


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("A", "www2", "192.0.2"), "error: invalid VALUE: '192.0.2' is not an IPv4 address (A record)"),
        (("AAAA", "@", "192.0.2.1"),
         "error: invalid VALUE: '192.0.2.1' is not an IPv6 address (AAAA record)"),
        (("CNAME", "blog", "not a host"),
         "error: invalid VALUE (CNAME target): 'not a host' is not a full host name\n"
         "hint: such as ns1.example.net"),
        (("MX", "@", "mx.example.net"), "error: MX records need --priority (0 to 65535)"),
        (("A", "@", "192.0.2.1", "--priority", "5"),
         "error: --priority is only for MX and SRV records, not A"),
        (("SRV", "_sip._tcp", "5 sip.example.net", "--priority", "1"),
         "error: invalid VALUE: '5 sip.example.net' is not an SRV value\n"
         'hint: use "<weight> <port> <target>"'),
        (("SRV", "sip", "5 5060 sip.example.net", "--priority", "1"),
         "error: invalid NAME: 'sip' is not an SRV name\nhint: use _service._proto, e.g. _sip._tcp"),
        (("CAA", "@", "0 issue letsencrypt.org"),
         "error: invalid VALUE: '0 issue letsencrypt.org' is not a CAA value\n"
         "hint: use 0 issue \"letsencrypt.org\""),
        (("TXT", "@", "x" * 256),
         'error: invalid VALUE: a TXT value longer than 255 characters must be split into quoted '
         'strings: "…" "…"'),
        (("A", "www.garcia-hosting.es", "192.0.2.1"),
         "error: invalid NAME: 'www.garcia-hosting.es' is not relative to the zone\nhint: use 'www'"),
        (("CNAME", "@", "other.example.net"),
         "error: a CNAME record cannot be at the apex (@), beside the SOA and NS records"),
        (("NS", "@", "ns.example.net"),
         "error: invalid TYPE: 'NS' is not a record type\nhint: use A, AAAA, CNAME, MX, TXT, SRV, CAA"),
        (("A", "@", "192.0.2.1", "--ttl", "30"),
         "error: invalid --ttl: 30 is out of range (seconds, 60 to 86400)"),
    ],
)  # fmt: skip
def test_dns_bad_values_exit_2_before_any_request(
    demo: CLI, no_requests: None, args: tuple[str, ...], error: str
) -> None:
    before = provider_state()
    result = demo("domains", "dns", "add", ES, *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", error + "\n")
    assert provider_state() == before


def test_dns_cname_conflict_is_refused_and_nothing_changes(demo: CLI) -> None:
    before = provider_state()
    beside = demo("domains", "dns", "add", ES, "A", "www", "192.0.2.1")
    assert (beside.exit_code, beside.stdout) == (1, "")
    assert beside.stderr == (
        "error: the provider refused: www has a CNAME record, so no other record can share its name\n"
    )
    demo("domains", "dns", "add", ES, "A", "api", "192.0.2.2")
    cname = demo("domains", "dns", "add", ES, "CNAME", "api", "api.example.net")
    assert cname.exit_code == 1
    assert cname.stderr == (
        "error: the provider refused: a CNAME record cannot share its name: api already has A\n"
    )
    assert len(provider_state()) == len(before) + 1  # only the A record of api


def test_dns_of_a_zone_hosted_elsewhere_is_refused(demo: CLI) -> None:
    result = demo("domains", "dns", "list", "codigo-abierto.dev")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "error: the provider refused: the provider does not host the zone of codigo-abierto.dev: "
        "it uses dns1.registrar-servers.com, dns2.registrar-servers.com, "
        "dns3.registrar-servers.com, not ns1.sandbox-dns.net and ns2.sandbox-dns.net\n"
    )


def test_dns_dry_runs_change_nothing(demo: CLI) -> None:
    before = provider_state()
    add = demo("domains", "dns", "add", ES, "TXT", "_dmarc", '"v=DMARC1; p=none"', "--dry-run",
               "-o", "json")  # fmt: skip
    assert add.exit_code == 0
    assert json.loads(add.stdout) == {"type": "TXT", "name": "_dmarc", "value": '"v=DMARC1; p=none"',
                                      "ttl": 3600, "priority": None}  # fmt: skip
    assert add.stderr == "dry run: nothing was sent; this record would be added\n"
    update = demo("domains", "dns", "update", ES, "1", "--value", "192.0.2.99", "--dry-run")
    assert update.stdout == (
        "type      A\nname      @\nvalue     192.0.2.99\nttl       3600\npriority  -\n"
    )
    assert update.stderr == "dry run: nothing was sent; record 1 would become this\n"
    remove = demo("domains", "dns", "remove", ES, "1", "--dry-run")
    assert (remove.exit_code, remove.stdout) == (0, "")
    assert remove.stderr == (
        "dry run: nothing was sent; record 1 (A @ 203.0.113.162) would be removed\n"
    )
    assert provider_state() == before


def test_dns_update_checks_the_merged_record(demo: CLI) -> None:
    before = provider_state()
    to_mx = demo("domains", "dns", "update", ES, "1", "--type", "MX")
    assert (to_mx.exit_code, to_mx.stderr) == (
        2,
        "error: MX records need --priority (0 to 65535)\n",
    )
    bad = demo("domains", "dns", "update", ES, "2", "--value", "192.0.2.1")
    assert bad.stderr == "error: invalid VALUE: '192.0.2.1' is not an IPv6 address (AAAA record)\n"
    nothing = demo("domains", "dns", "update", ES, "2")
    assert nothing.stderr == (
        "error: nothing to change: give --type, --name, --value, --ttl or --priority\n"
    )
    assert provider_state() == before


def test_dns_remove_asks_and_unknown_records_exit_5(demo: CLI) -> None:
    before = provider_state()
    refused = demo("domains", "dns", "remove", ES, "1")
    assert (refused.exit_code, refused.stderr) == (
        2, "error: confirmation required: run again with --yes (no terminal to ask on)\n"
    )  # fmt: skip
    missing = demo("domains", "dns", "remove", ES, "999", "--yes")
    assert (missing.exit_code, missing.stderr) == (
        5, "error: DNS record 999 not found in garcia-hosting.es\n"
        "hint: see `clientarea domains dns list garcia-hosting.es`\n"
    )  # fmt: skip
    assert provider_state() == before
    agreed = demo("domains", "dns", "remove", ES, "1", stdin="y\n", tty=True)
    assert agreed.exit_code == 0, agreed.stderr
    assert len(provider_state()) == len(before) - 1


def test_contacts_from_an_unknown_contact_lists_the_known_ones(demo: CLI) -> None:
    before = provider_state()
    result = demo("domains", "contacts", "set", ES, "--role", "tech", "--from-contact", "13")
    assert (result.exit_code, result.stdout) == (5, "")
    assert result.stderr == (
        "error: contact 13 not found\n"
        "hint: the account's contacts: 11 (Marta Ruiz), 12 (Jordi Puig)\n"
    )
    assert provider_state() == before

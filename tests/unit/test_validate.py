"""ops.validate: what users type is checked (and normalised) before anything is sent, with the
same rules as the provider's (the sandbox's validators are the other side of the mirror)."""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clientarea_cli.errors import ExitCode, UsageError
from clientarea_cli.models.domain_records import DnsRecordInput, DomainContact
from clientarea_cli.ops import validate
from clientarea_cli.sandbox import validation as server

LABEL = st.from_regex(r"\A[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?\Z")
HOSTNAME = st.lists(LABEL, min_size=1, max_size=4).map(lambda labels: ".".join([*labels, "net"]))
HOSTISH = st.text(alphabet="abcXYZ019-._ ", min_size=1, max_size=30)


def usage_error(excinfo: pytest.ExceptionInfo[UsageError]) -> str:
    assert excinfo.value.exit_code == ExitCode.USAGE
    return excinfo.value.message


# -- host names and IPs -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("NS1.Example.NET.", "ns1.example.net"),
        (" ns1.example.net ", "ns1.example.net"),
        ("bücher.de", "xn--bcher-kva.de"),
        ("ns1.straße.de", "ns1.xn--strae-oqa.de"),  # IDNA 2008: ß is kept, not "strasse"
        ("NS1.STRAẞE.DE", "ns1.xn--strae-oqa.de"),  # UTS 46 maps the capital sharp s
        ("ns.ελληνικά.gr", "ns.xn--hxargifdar.gr"),  # final sigma kept
        ("a-b.c0.io", "a-b.c0.io"),
    ],
)
def test_hostname_normalises(value: str, expected: str) -> None:
    assert validate.hostname(value, "name server 1") == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("localhost", "invalid name server 1: 'localhost' is not a full host name"),
        ("-ns.example.net", "invalid name server 1: '-ns.example.net' is not a host name: '-ns' is not a valid label"),
        ("ns_1.example.net", "invalid name server 1: 'ns_1.example.net' is not a host name: 'ns_1' is not a valid label"),
        ("a..b.net", "invalid name server 1: 'a..b.net' is not a host name: '' is not a valid label"),
        ("192.0.2.1", "invalid name server 1: '192.0.2.1' is not a host name: its last label is all digits"),
        ("x" * 64 + ".net", f"invalid name server 1: '{'x' * 64}.net' is not a host name: '{'x' * 64}' is not a valid label"),
        ("a." * 127 + "net", f"invalid name server 1: '{'a.' * 127}net' is longer than 253 characters"),
    ],
)  # fmt: skip
def test_hostname_refuses_naming_the_argument(value: str, message: str) -> None:
    with pytest.raises(UsageError) as excinfo:
        validate.hostname(value, "name server 1")
    assert usage_error(excinfo) == message


@given(HOSTNAME)
def test_valid_hostnames_pass_unchanged_and_the_provider_agrees(name: str) -> None:
    assert validate.hostname(name, "HOST") == name
    assert validate.hostname(name.upper() + ".", "HOST") == name
    assert server.hostname_problem(name) is None


@given(HOSTISH)
def test_hostname_mirrors_the_provider(value: str) -> None:
    """The CLI accepts exactly what the provider accepts (for ASCII without outer spaces)."""
    value = value.strip()
    try:
        validate.hostname(value, "HOST")
        accepted = True
    except UsageError:
        accepted = False
    assert accepted == (bool(value) and server.hostname_problem(value) is None)


@given(st.ip_addresses())
def test_ip_addresses_come_back_canonical(
    address: ipaddress.IPv4Address | ipaddress.IPv6Address,
) -> None:
    assert validate.ip_address(address.exploded.upper(), "--ip") == str(address)


@pytest.mark.parametrize("value", ["192.0.2.300", "192.0.2", "192.0.2.01", "::g", "", "host"])
def test_bad_ips(value: str) -> None:
    with pytest.raises(UsageError) as excinfo:
        validate.ip_address(value, "--ip")
    assert usage_error(excinfo) == f"invalid --ip: {value!r} is not an IPv4 or IPv6 address"


def test_ip_lists() -> None:
    assert validate.ip_addresses(["192.0.2.1", "2001:DB8::1"]) == ["192.0.2.1", "2001:db8::1"]
    cases = [
        ([], "give at least one IP address with --ip"),
        ([f"192.0.2.{i}" for i in range(14)], "too many IP addresses: 14 (at most 13)"),
        (["2001:db8::1", "2001:DB8:0::1"], "invalid --ip: 2001:db8::1 is given twice"),
    ]
    for values, message in cases:
        with pytest.raises(UsageError) as excinfo:
            validate.ip_addresses(values)
        assert usage_error(excinfo) == message


# -- DNS records --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("a", "WWW", "192.0.2.1"), ("A", "www", "192.0.2.1", None)),
        (("AAAA", "@", "2001:DB8::0:1"), ("AAAA", "@", "2001:db8::1", None)),
        (("CNAME", "blog", "Blogs.Example.NET."), ("CNAME", "blog", "blogs.example.net", None)),
        (("MX", "@", "mx.example.net", 3600, 10), ("MX", "@", "mx.example.net", 10)),
        (("SRV", "_sip._tcp", "5  5060 SIP.example.net", 3600, 0),
         ("SRV", "_sip._tcp", "5 5060 sip.example.net", 0)),
        (("SRV", "_xmpp._tcp.chat", "0 0 .", 3600, 1), ("SRV", "_xmpp._tcp.chat", "0 0 .", 1)),
        (("CAA", "@", '0 ISSUEWILD "letsencrypt.org"'),
         ("CAA", "@", '0 issuewild "letsencrypt.org"', None)),
        (("TXT", "@", "v=spf1 mx -all"), ("TXT", "@", "v=spf1 mx -all", None)),
        (("TXT", "k._domainkey", '"' + "a" * 255 + '" "b"'),
         ("TXT", "k._domainkey", '"' + "a" * 255 + '" "b"', None)),
        (("A", "*.dev", "192.0.2.9"), ("A", "*.dev", "192.0.2.9", None)),
    ],
)  # fmt: skip
def test_dns_records_valid(args: tuple[object, ...], expected: tuple[object, ...]) -> None:
    record = validate.dns_record(*args)  # type: ignore[arg-type]
    assert isinstance(record, DnsRecordInput)
    assert (record.type, record.name, record.value, record.priority) == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("A", "@", "2001:db8::1"), "invalid VALUE: '2001:db8::1' is not an IPv4 address (A record)"),
        (("AAAA", "@", "192.0.2.1"), "invalid VALUE: '192.0.2.1' is not an IPv6 address (AAAA record)"),
        (("MX", "@", "mx.example.net"), "MX records need --priority (0 to 65535)"),
        (("SRV", "_sip._tcp", "5 5060 sip.example.net"), "SRV records need --priority (0 to 65535)"),
        (("MX", "@", "mx.example.net", 3600, 70000), "invalid --priority: 70000 is out of range (0 to 65535)"),
        (("TXT", "@", "x", 3600, 1), "--priority is only for MX and SRV records, not TXT"),
        (("A", "@", "192.0.2.1", 59), "invalid --ttl: 59 is out of range (seconds, 60 to 86400)"),
        (("A", "@", "192.0.2.1", 86401), "invalid --ttl: 86401 is out of range (seconds, 60 to 86400)"),
        (("SRV", "_sip._tcp", "5 70000 sip.example.net", 3600, 1),
         "invalid VALUE: '5 70000 sip.example.net' has a weight or port above 65535"),
        (("CAA", "@", '256 issue "x"'), "invalid VALUE: '256 issue \"x\"' has bad flags or tag"),
        (("TXT", "@", "a\nb"), "invalid VALUE: 'a\\nb' holds control characters (new lines, tabs)"),
        (("TXT", "@", '"' + "a" * 256 + '"'), "invalid VALUE: TXT string 1 is longer than 255 characters"),
        (("A", "www.", "192.0.2.1"), "invalid NAME: 'www.' is not a relative name"),
        (("A", "we b", "192.0.2.1"), "invalid NAME: 'we b' has an invalid label 'we b'"),
        (("A", "a.*", "192.0.2.1"), "invalid NAME: 'a.*' has an invalid label '*'"),
        (("A", "example.es", "192.0.2.1"), "invalid NAME: 'example.es' is not relative to the zone"),
        (("SPF", "@", "x"), "invalid TYPE: 'SPF' is not a record type"),
    ],
)  # fmt: skip
def test_dns_records_invalid(args: tuple[object, ...], message: str) -> None:
    with pytest.raises(UsageError) as excinfo:
        validate.dns_record(*args, zone="example.es")  # type: ignore[arg-type]
    assert usage_error(excinfo) == message


@given(st.integers(min_value=-100, max_value=200_000))
def test_ttl_bounds(seconds: int) -> None:
    try:
        validate.dns_record("A", "@", "192.0.2.1", seconds)
        accepted = True
    except UsageError:
        accepted = False
    assert accepted == (60 <= seconds <= 86400)


VALUES = {
    "A": st.one_of(st.ip_addresses().map(str), st.text(alphabet="0123456789.:abf", max_size=20)),
    "AAAA": st.one_of(st.ip_addresses().map(str), st.text(alphabet="0123456789.:abf", max_size=20)),
    "CNAME": HOSTISH,
    "MX": HOSTISH,
    "SRV": st.one_of(
        st.tuples(st.integers(0, 70000), st.integers(0, 70000), st.one_of(HOSTNAME, HOSTISH)).map(
            lambda t: f"{t[0]} {t[1]} {t[2]}"
        ),
        st.text(alphabet="0123 ab.", max_size=20),
    ),
    "CAA": st.one_of(
        st.tuples(
            st.integers(0, 300),
            st.sampled_from(["issue", "iodef", "tbs", "Issue"]),
            st.text(alphabet='ab."; ', max_size=10),
        ).map(lambda t: f'{t[0]} {t[1]} "{t[2]}"'),
        st.text(alphabet='0 issue"x', max_size=20),
    ),
    "TXT": st.text(alphabet=st.characters(codec="ascii"), max_size=300),
}


@pytest.mark.parametrize("kind", sorted(VALUES))
@given(data=st.data())
def test_record_values_mirror_the_provider(kind: str, data: st.DataObject) -> None:
    value = data.draw(VALUES[kind]).strip()
    priority = 10 if kind in ("MX", "SRV") else None
    name = {"SRV": "_sip._tcp", "CNAME": "www"}.get(kind, "@")  # (a CNAME at @ is a 409)
    try:
        validate.dns_record(kind, name, value, 3600, priority)
        accepted = True
    except UsageError:
        accepted = False
    body = {"type": kind, "name": name, "value": value, "priority": priority}
    record, problems = server.dns_record_problems(body, "example.es")
    assert accepted == (record is not None), problems


# -- WHOIS contacts -----------------------------------------------------------------------------

CONTACT = {
    "first_name": "Ana", "last_name": "García", "company": None, "email": "ana@example.com",
    "phone": "+34.600123456", "address1": "Calle Mayor 12", "address2": None, "city": "Madrid",
    "state": None, "postcode": "28013", "country": "ES",
}  # fmt: skip


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("+34.911234567", "+34.911234567"),
        ("+34 600 123 456", "+34.600123456"),
        ("+34600123456", "+34.600123456"),
        ("+41 44-123.45.67", "+41.441234567"),
        ("+1 (212) 555-0123", "+1.2125550123"),
        ("+44 20 7946 0958", "+44.2079460958"),
    ],
)
def test_phones_become_epp_form(value: str, expected: str) -> None:
    assert validate.phone(value, "--phone") == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("600123456", "has no country code"),
        ("+34.12", "is not a valid phone number in ES (+34)"),
        ("+34 123 456 789", "is not a valid phone number in ES (+34)"),  # no such Spanish range
        ("+1234.5678901", "is not a phone number"),
        ("+34 abc", "is not a phone number"),
        ("+999 1234 5678", "is not a phone number"),  # no such country code
    ],
)
def test_bad_phones(value: str, reason: str) -> None:
    with pytest.raises(UsageError) as excinfo:
        validate.phone(value, "--phone")
    assert usage_error(excinfo) == f"invalid --phone: {value!r} {reason}"
    assert excinfo.value.hint == "with its country code, such as +34.911234567 or +34 600 123 456"


@given(st.from_regex(r"\A6[0-9]{8}\Z"))
def test_spanish_mobiles_pass_in_epp_form(digits: str) -> None:
    assert validate.phone(f"+34 {digits}", "--phone") == f"+34.{digits}"


def test_countries_and_emails() -> None:
    assert validate.country("es", "--country") == "ES"
    assert len(validate.COUNTRIES) == 249
    assert validate.COUNTRIES == server.COUNTRIES
    for bad in ("XX", "ESP", "E", "UK"):
        with pytest.raises(UsageError):
            validate.country(bad, "--country")
    assert validate.email(" a.b+c@sub.example.es ", "--email") == "a.b+c@sub.example.es"
    for bad in ("a@", "@example.es", "a@b", "a b@example.es", "a@@example.es", "a@-x.es"):
        with pytest.raises(UsageError) as excinfo:
            validate.email(bad, "--email")
        assert usage_error(excinfo) == f"invalid --email: {bad!r} is not an e-mail address"


def test_domain_contact_checks_every_field_naming_role_and_field() -> None:
    contact = validate.domain_contact(
        {**CONTACT, "phone": "+34 600 123 456", "country": "es"}, "tech"
    )
    assert isinstance(contact, DomainContact)
    assert (contact.phone, contact.country) == ("+34.600123456", "ES")
    assert server.contact_problems(contact.model_dump(), "tech") == {}
    cases = [
        ({"email": "nope"}, "invalid tech.email: 'nope' is not an e-mail address"),
        ({"phone": "12345"}, "invalid tech.phone: '12345' has no country code"),
        ({"country": "Spain"}, "invalid tech.country: 'Spain' is not an ISO 3166-1 alpha-2 country code"),
        ({"city": " "}, "tech.city is required and empty"),
        ({"postcode": None}, "tech.postcode is required and empty"),
        ({"first_name": "x" * 101}, f"invalid tech.first_name: {'x' * 101!r} is longer than 100 characters"),
        ({"fax": "1"}, "tech.fax is not a contact field"),
        ({"city": 5}, "invalid tech.city: 5 is not text"),
    ]  # fmt: skip
    for change, message in cases:
        with pytest.raises(UsageError) as excinfo:
            validate.domain_contact({**CONTACT, **change}, "tech")
        assert usage_error(excinfo) == message
    with pytest.raises(UsageError) as excinfo:
        validate.domain_contact(CONTACT, "owner")
    assert usage_error(excinfo) == "invalid role 'owner'"

"""Checking what users type before anything is sent: host names, IPs, DNS records, contacts.

Each function raises `UsageError` (exit 2) with one line naming the field or argument, and
answers the value normalised (lower-case host names, compressed IPv6, `+CC.NUMBER` phones). The
rules mirror the Client Area API's (docs/openapi.yaml) so a refusal comes before the request.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from clientarea_cli.errors import UsageError
from clientarea_cli.i18n import _
from clientarea_cli.models.choices import CONTACT_ROLES, DNS_RECORD_TYPES

if TYPE_CHECKING:
    from clientarea_cli.models.domain_records import DnsRecordInput, DomainContact

_LABEL = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
_RECORD_LABEL = re.compile(r"^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$")
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@([^@\s]+)$")
_SRV = re.compile(r"^(\d{1,5})\s+(\d{1,5})\s+(\S+)$")
_CAA = re.compile(r'^(\d{1,3})\s+([A-Za-z0-9]+)\s+"((?:[^"\\]|\\.)*)"$')
_TXT_STRINGS = re.compile(r'^\s*(?:"((?:[^"\\]|\\.)*)"\s*)+$')
_TXT_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')

PRIORITY_TYPES = ("MX", "SRV")
CAA_TAGS = ("issue", "issuewild", "iodef")
MIN_TTL, MAX_TTL = 60, 86400
MIN_NS, MAX_NS = 2, 5
_EPP_PHONE = re.compile(r"^\+([0-9]+)\.([0-9]+)$")
MAX_IPS = 13
# ISO 3166-1 alpha-2, officially assigned codes.
COUNTRIES = frozenset(
    """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO
    DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU
    GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW
    KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU
    MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW
    PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF
    TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA
    ZM ZW""".split()  # noqa: SIM905 - 249 codes read better as a block
)
# field -> (required, max length), as the contract's DomainContact.
CONTACT_FIELDS: dict[str, tuple[bool, int]] = {
    "first_name": (True, 100),
    "last_name": (True, 100),
    "company": (False, 200),
    "email": (True, 254),
    "phone": (True, 30),
    "address1": (True, 200),
    "address2": (False, 200),
    "city": (True, 100),
    "state": (False, 100),
    "postcode": (True, 20),
    "country": (True, 2),
}


def _invalid(what: str, value: object, reason: str, hint: str | None = None) -> UsageError:
    return UsageError(
        _("invalid {what}: {value!r} {reason}").format(what=what, value=value, reason=reason),
        hint=hint,
    )


# -- host names and addresses -------------------------------------------------------------------


def idna_ascii(name: str, what: str, value: str, kind: str = "name") -> str:
    """An international name in its ASCII (punycode) form under IDNA 2008 with UTS #46 mapping,
    as registries use today: `straße.de` is `xn--strae-oqa.de`, not `strasse.de` (IDNA 2003,
    Python's own `idna` codec)."""
    import idna

    try:
        return str(idna.encode(name, uts46=True, transitional=False).decode("ascii"))
    except (idna.IDNAError, UnicodeError) as exc:
        template = (
            _("is not a valid international host name ({reason})")
            if kind == "host name"
            else _("is not a valid international name ({reason})")
        )
        raise _invalid(what, value, template.format(reason=exc)) from None


def hostname(value: str, what: str) -> str:
    """A host name (RFC 1123, at least two labels), lower-cased, without a trailing dot.

    IDNs may be given in Unicode; they are answered in their ASCII (punycode) form.
    """
    name = value.strip().lower().removesuffix(".")
    if not name.isascii():
        name = idna_ascii(name, what, value, "host name")
    if len(name) > 253:
        raise _invalid(what, value, _("is longer than 253 characters"))
    labels = name.split(".")
    if len(labels) < 2:
        raise _invalid(what, value, _("is not a full host name"), _("such as ns1.example.net"))
    for label in labels:
        if not _LABEL.match(label):
            raise _invalid(
                what, value, _("is not a host name: {label!r} is not a valid label").format(label=label),
                _("labels are letters, digits and inner hyphens, 1 to 63 characters"),
            )  # fmt: skip
    if labels[-1].isdigit():
        raise _invalid(what, value, _("is not a host name: its last label is all digits"))
    return name


def domain_ref(value: str, what: str = "domain") -> str:
    """A domain named by the user (a name or an id), lower-case, without a trailing dot.

    Only emptiness is refused here (`''`, `.`, `..`): the provider says whether the name exists.
    """
    ref = value.strip().lower().rstrip(".")
    if not ref:
        raise _invalid(what, value, _("is not a domain name"), _("such as example.es, or its id"))
    return ref


def nameserver_list(values: list[str], where: str = "") -> list[str]:
    """2 to 5 different name servers, normalised; `where` prefixes errors (a file's line)."""
    try:
        if not MIN_NS <= len(values) <= MAX_NS:
            raise UsageError(
                _("give {low} to {high} name servers (got {count})").format(
                    low=MIN_NS, high=MAX_NS, count=len(values)
                )
            )
        servers = [hostname(ns, f"name server {i}") for i, ns in enumerate(values, 1)]
        if len(set(servers)) != len(servers):
            raise UsageError(_("the same name server is given twice"))
    except UsageError as exc:
        if not where:
            raise
        raise UsageError(f"{where}: {exc.message}", hint=exc.hint) from None
    return servers


def ip_address(value: str, what: str) -> str:
    """An IPv4 or IPv6 address, in its canonical (compressed) form."""
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        raise _invalid(what, value, _("is not an IPv4 or IPv6 address")) from None


def ip_addresses(values: list[str], what: str = "--ip") -> list[str]:
    """1 to 13 different IP addresses (a child name server's glue)."""
    if not values:
        raise UsageError(_("give at least one IP address with {what}").format(what=what))
    if len(values) > MAX_IPS:
        raise UsageError(
            _("too many IP addresses: {count} (at most {MAX_IPS})").format(
                count=len(values), MAX_IPS=MAX_IPS
            )
        )
    ips = [ip_address(value, what) for value in values]
    for index, ip in enumerate(ips):
        if ip in ips[:index]:
            raise UsageError(_("invalid {what}: {ip} is given twice").format(what=what, ip=ip))
    return ips


# -- DNS records --------------------------------------------------------------------------------


def record_type(value: str) -> str:
    upper = value.strip().upper()
    if upper not in DNS_RECORD_TYPES:
        raise _invalid(
            "TYPE",
            value,
            _("is not a record type"),
            _("use {choices}").format(choices=", ".join(DNS_RECORD_TYPES)),
        )
    return upper


def ttl_seconds(value: int) -> int:
    if not MIN_TTL <= value <= MAX_TTL:
        raise _invalid(
            "--ttl",
            value,
            _("is out of range (seconds, {low} to {high})").format(low=MIN_TTL, high=MAX_TTL),
        )
    return value


def record_name(value: str, kind: str, zone: str | None = None) -> str:
    """A name relative to the zone: `@`, `www`, `*.dev`, `_sip._tcp` (SRV: `_service._proto`)."""
    name = value.strip().lower()
    if name == "@":
        return name
    if zone and (name == zone or name.endswith("." + zone)):
        relative = name.removesuffix(zone).removesuffix(".") or "@"
        raise _invalid(
            "NAME", value, _("is not relative to the zone"), _("use {name!r}").format(name=relative)
        )
    if not name or name.endswith(".") or len(name) > 253:
        raise _invalid("NAME", value, _("is not a relative name"), _("use @, www or _sip._tcp"))
    labels = name.split(".")
    for index, label in enumerate(labels):
        if not (label == "*" and index == 0) and not _RECORD_LABEL.match(label):
            raise _invalid("NAME", value, _("has an invalid label {label!r}").format(label=label))
    if kind == "SRV" and not (len(labels) >= 2 and all(x.startswith("_") for x in labels[:2])):
        raise _invalid(
            "NAME", value, _("is not an SRV name"), _("use _service._proto, e.g. _sip._tcp")
        )
    return name


def _txt(value: str) -> str:
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise _invalid("VALUE", value, _("holds control characters (new lines, tabs)"))
    if _TXT_STRINGS.match(value):
        for index, part in enumerate(_TXT_STRING.findall(value), 1):
            if len(part) > 255:
                raise UsageError(
                    _("invalid VALUE: TXT string {index} is longer than 255 characters").format(
                        index=index
                    )
                )
    elif len(value) > 255:
        raise UsageError(
            _(
                'invalid VALUE: a TXT value longer than 255 characters must be split into quoted strings: "…" "…"'
            )
        )
    return value


def record_value(kind: str, value: str) -> str:
    """The value of a record of type `kind`, checked and normalised as the provider will."""
    value = value.strip()
    if not value or len(value) > 4096:
        raise _invalid("VALUE", value, _("must be 1 to 4096 characters"))
    if kind in ("A", "AAAA"):
        version = 4 if kind == "A" else 6
        try:
            address = ipaddress.ip_address(value)
        except ValueError:
            address = None
        if address is None or address.version != version:
            raise _invalid(
                "VALUE",
                value,
                _("is not an IPv{version} address ({kind} record)").format(
                    version=version, kind=kind
                ),
            )
        return str(address)
    if kind in ("CNAME", "MX"):
        return hostname(value, f"VALUE ({kind} target)")
    if kind == "SRV":
        match = _SRV.match(value)
        if match is None:
            raise _invalid(
                "VALUE", value, _("is not an SRV value"), _('use "<weight> <port> <target>"')
            )
        weight, port = int(match.group(1)), int(match.group(2))
        if weight > 65535 or port > 65535:
            raise _invalid("VALUE", value, _("has a weight or port above 65535"))
        target = match.group(3)
        target = "." if target == "." else hostname(target, "VALUE (SRV target)")
        return f"{weight} {port} {target}"
    if kind == "CAA":
        match = _CAA.match(value)
        if match is None:
            raise _invalid(
                "VALUE", value, _("is not a CAA value"), _('use 0 issue "letsencrypt.org"')
            )
        if int(match.group(1)) > 255 or match.group(2).lower() not in CAA_TAGS:
            raise _invalid(
                "VALUE",
                value,
                _("has bad flags or tag"),
                _("flags 0-255; tags {tags}").format(tags=", ".join(CAA_TAGS)),
            )
        return f'{int(match.group(1))} {match.group(2).lower()} "{match.group(3)}"'
    return _txt(value)


def dns_record(
    type: str,  # the record field's name, as in the API
    name: str,
    value: str,
    ttl: int = 3600,
    priority: int | None = None,
    *,
    zone: str | None = None,
) -> DnsRecordInput:
    """A whole record, checked as the provider will (priority only, and always, for MX/SRV)."""
    kind = record_type(type)
    checked_ttl = ttl_seconds(ttl)
    if kind in PRIORITY_TYPES:
        if priority is None:
            raise UsageError(_("{kind} records need --priority (0 to 65535)").format(kind=kind))
        if not 0 <= priority <= 65535:
            raise _invalid("--priority", priority, _("is out of range (0 to 65535)"))
    elif priority is not None:
        raise UsageError(
            _("--priority is only for MX and SRV records, not {kind}").format(kind=kind)
        )
    relative = record_name(name, kind, zone)
    if kind == "CNAME" and relative == "@":
        raise UsageError(
            _("a CNAME record cannot be at the apex (@), beside the SOA and NS records")
        )
    from clientarea_cli.models.domain_records import DnsRecordInput

    return DnsRecordInput(
        type=kind,
        name=relative,
        value=record_value(kind, value),
        ttl=checked_ttl,
        priority=priority,
    )


# -- WHOIS contacts -----------------------------------------------------------------------------


def email(value: str, what: str) -> str:
    address = value.strip()
    match = _EMAIL.match(address)
    if match is None or len(address) > 254:
        raise _invalid(what, value, _("is not an e-mail address"))
    try:
        hostname(match.group(1), what)
    except UsageError:
        raise _invalid(what, value, _("is not an e-mail address")) from None
    return address


def phone(value: str, what: str) -> str:
    """A phone number as registries want it, `+CC.NUMBER`, checked against the numbering plan
    of its country (`phonenumbers`): `+34 600 123 456` becomes `+34.600123456`."""
    import phonenumbers

    text = value.strip()
    hint = _("with its country code, such as +34.911234567 or +34 600 123 456")
    if not text.startswith("+"):
        raise _invalid(what, value, _("has no country code"), hint)
    epp = _EPP_PHONE.match(text)
    if epp is not None:  # +CC.NUMBER: the dot ends the country code
        code = epp.group(1)
        if len(code) > 3 or phonenumbers.region_code_for_country_code(int(code)) == "ZZ":
            raise _invalid(what, value, _("is not a phone number"), hint)
        text = f"+{epp.group(1)} {epp.group(2)}"
    try:
        number = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        raise _invalid(what, value, _("is not a phone number"), hint) from None
    code = number.country_code or 0
    if not phonenumbers.is_valid_number(number):
        region = phonenumbers.region_code_for_country_code(code)
        reason = (
            _("is not a valid phone number in {region} (+{code})").format(region=region, code=code)
            if region != "ZZ"
            else _("is not a valid phone number anywhere")
        )
        raise _invalid(what, value, reason, hint)
    national = phonenumbers.national_significant_number(number)
    return f"+{code}.{national}"


def country(value: str, what: str) -> str:
    code = value.strip().upper()
    if code not in COUNTRIES:
        raise _invalid(what, value, _("is not an ISO 3166-1 alpha-2 country code"), _("such as ES"))
    return code


def contact_field(field: str, value: str | None, what: str) -> str | None:
    """One contact field, checked on its own (format and length; emptiness below)."""
    if field not in CONTACT_FIELDS:
        raise UsageError(
            _("{what} is not a contact field").format(what=what), hint=", ".join(CONTACT_FIELDS)
        )
    if value is None or not value.strip():
        return None
    limit = CONTACT_FIELDS[field][1]
    if field == "email":
        return email(value, what)
    if field == "phone":
        return phone(value, what)
    if field == "country":
        return country(value, what)
    if len(value.strip()) > limit:
        raise _invalid(what, value, _("is longer than {limit} characters").format(limit=limit))
    return value.strip()


def domain_contact(fields: Mapping[str, object], role: str) -> DomainContact:
    """A whole WHOIS contact for `role`; errors name `<role>.<field>`."""
    if role not in CONTACT_ROLES:
        raise UsageError(
            _("invalid role {role!r}").format(role=role),
            hint=_("use {choices}").format(choices=", ".join(CONTACT_ROLES)),
        )
    unknown = [key for key in fields if key not in CONTACT_FIELDS]
    if unknown:
        raise UsageError(
            _("{role}.{unknown} is not a contact field").format(role=role, unknown=unknown[0])
        )
    checked: dict[str, str | None] = {}
    for field, (required, _limit) in CONTACT_FIELDS.items():
        raw = fields.get(field)
        if raw is not None and not isinstance(raw, str):
            raise _invalid(f"{role}.{field}", raw, _("is not text"))
        value = contact_field(field, raw, f"{role}.{field}")
        if required and value is None:
            raise UsageError(
                _("{role}.{field} is required and empty").format(role=role, field=field),
                hint=_("set it with --{opt}").format(opt=_opt(field)),
            )
        checked[field] = value
    from clientarea_cli.models.domain_records import DomainContact

    return DomainContact.model_validate(checked)


def _opt(field: str) -> str:
    return field.replace("_", "-")

"""Validators for request bodies: host names, IP addresses, WHOIS contacts and DNS records.

Every function is self-contained and answers problems as data (a message, or a dict of
``field -> message`` for a 422 ``validation_failed``) instead of raising, so a handler can collect
every problem of a body into one answer. Values that pass come back normalised (lower-case host
names, compressed IPv6 addresses).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from typing import Any

# -- host names and addresses -------------------------------------------------------------------

_LABEL = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")


def hostname_problem(value: object) -> str | None:
    """Why ``value`` is not a host name (RFC 1123, at least two labels), or None if it is one."""
    if not isinstance(value, str) or not value:
        return "must be a host name such as ns1.example.net"
    name = value.lower().removesuffix(".")
    if len(name) > 253:
        return "must be at most 253 characters"
    labels = name.split(".")
    if len(labels) < 2:
        return "must be a full host name with a dot, such as ns1.example.net"
    for label in labels:
        if not _LABEL.match(label):
            return f"{label!r} is not a valid label (letters, digits and inner hyphens, 1 to 63)"
    if labels[-1].isdigit():
        return "must be a host name, not an IP address"
    return None


def normal_hostname(value: str) -> str:
    """The spelling stored and compared: lower case, without a trailing dot."""
    return value.lower().removesuffix(".")


def ip_problem(value: object) -> str | None:
    """Why ``value`` is not an IPv4 or IPv6 address, or None."""
    if not isinstance(value, str):
        return "must be an IPv4 or IPv6 address"
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return f"{value!r} is not an IPv4 or IPv6 address"
    return None


def normal_ip(value: str) -> str:
    return str(ipaddress.ip_address(value))


def ip_list_problems(value: object, field: str = "ips") -> dict[str, str]:
    """1 to 13 unique, valid IP addresses; details keyed ``ips`` or ``ips.<index>``."""
    if not isinstance(value, list) or not 1 <= len(value) <= 13:
        return {field: "must list 1 to 13 IP addresses"}
    problems: dict[str, str] = {}
    seen: dict[str, int] = {}
    for index, item in enumerate(value):
        problem = ip_problem(item)
        if problem is not None:
            problems[f"{field}.{index}"] = problem
            continue
        normal = normal_ip(str(item))
        if normal in seen:
            problems[f"{field}.{index}"] = f"repeats {field}.{seen[normal]}"
        seen.setdefault(normal, index)
    return problems


MIN_NAMESERVERS, MAX_NAMESERVERS = 2, 5


def nameservers_problems(
    value: object, field: str = "nameservers"
) -> tuple[list[str], dict[str, str]]:
    """A domain's delegation: 2 to 5 unique host names.

    Answers (the normalised names, {}) or ([], problems) with the list's problems keyed
    ``nameservers`` (not a list, too few, too many) and each name's keyed ``nameservers.<index>``
    (invalid, or a repeat of an earlier one after normalisation).
    """
    if not isinstance(value, list) or not MIN_NAMESERVERS <= len(value) <= MAX_NAMESERVERS:
        return [], {field: f"must list {MIN_NAMESERVERS} to {MAX_NAMESERVERS} host names"}
    problems: dict[str, str] = {}
    names: list[str] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(value):
        problem = hostname_problem(item)
        if problem is not None:
            problems[f"{field}.{index}"] = problem
            continue
        name = normal_hostname(str(item))
        if name in seen:
            problems[f"{field}.{index}"] = f"repeats {field}.{seen[name]}"
        seen.setdefault(name, index)
        names.append(name)
    return ([], problems) if problems else (names, {})


# -- WHOIS contacts -----------------------------------------------------------------------------

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
CONTACT_ROLES = ("registrant", "admin", "tech", "billing")
# field -> (required, max length); the other checks are per field below.
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
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@([^@\s]+)$")
_PHONE = re.compile(r"^\+[0-9]{1,3}\.[0-9]{4,14}$")


def email_problem(value: str) -> str | None:
    match = _EMAIL.match(value)
    if match is None or len(value.partition("@")[0]) > 64 or hostname_problem(match.group(1)):
        return f"{value!r} is not an e-mail address"
    return None


def contact_problems(value: object, prefix: str) -> dict[str, str]:
    """The problems of one WHOIS contact, keyed ``<prefix>.<field>`` (``registrant.email``)."""
    if not isinstance(value, Mapping):
        return {prefix: "must be an object with the contact's fields"}
    problems = {f"{prefix}.{k}": "is not a contact field" for k in value if k not in CONTACT_FIELDS}
    for name, (required, limit) in CONTACT_FIELDS.items():
        key = f"{prefix}.{name}"
        if name not in value:
            problems[key] = "is required" + ("" if required else " (null when empty)")
            continue
        field: Any = value[name]
        if field is None and not required:
            continue
        if not isinstance(field, str) or (required and not field.strip()):
            problems[key] = "must not be empty" if required else "must be text or null"
        elif len(field) > limit:
            problems[key] = f"must be at most {limit} characters"
        elif name == "email" and (problem := email_problem(field)):
            problems[key] = problem
        elif name == "phone" and not _PHONE.match(field):
            problems[key] = f"{field!r} is not in the form +CC.NUMBER (such as +34.911234567)"
        elif name == "country" and field not in COUNTRIES:
            problems[key] = f"{field!r} is not an ISO 3166-1 alpha-2 country code (such as ES)"
    return problems


def contacts_problems(value: object) -> dict[str, str]:
    """The problems of a whole ``DomainContacts`` body (the four roles, nothing else)."""
    if not isinstance(value, Mapping):
        return {"body": "must be an object with registrant, admin, tech and billing"}
    problems = {k: "is not a contact role" for k in value if k not in CONTACT_ROLES}
    for role in CONTACT_ROLES:
        if role not in value:
            problems[role] = "is required"
        else:
            problems.update(contact_problems(value[role], role))
    return problems


# -- DNS records --------------------------------------------------------------------------------

DNS_TYPES = ("A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA")
PRIORITY_TYPES = ("MX", "SRV")
CAA_TAGS = ("issue", "issuewild", "iodef")
DEFAULT_TTL = 3600
MIN_TTL, MAX_TTL = 60, 86400
_NAME_LABEL = re.compile(r"^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$")
_SRV = re.compile(r"^(\d{1,5})\s+(\d{1,5})\s+(\S+)$")
_CAA = re.compile(r'^(\d{1,3})\s+([A-Za-z0-9]+)\s+"((?:[^"\\]|\\.)*)"$')
_TXT_STRINGS = re.compile(r'^\s*(?:"((?:[^"\\]|\\.)*)"\s*)+$')
_TXT_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def record_name_problem(name: str, zone: str, record_type: str) -> str | None:
    """A name relative to the zone: ``@``, ``www``, ``*.dev``, ``_sip._tcp``."""
    if name == "@":
        return None
    lowered = name.lower()
    if lowered == zone or lowered.endswith("." + zone) or lowered.endswith("."):
        return f"must be relative to the zone: @ for {zone} itself, www for www.{zone}"
    if len(name) > 253:
        return "must be at most 253 characters"
    labels = lowered.split(".")
    for index, label in enumerate(labels):
        if not (label == "*" and index == 0) and not _NAME_LABEL.match(label):
            return f"{label!r} is not a valid label (letters, digits, - and _, 1 to 63)"
    if record_type == "SRV" and not (
        len(labels) >= 2 and labels[0].startswith("_") and labels[1].startswith("_")
    ):
        return "an SRV name starts with _service._proto, such as _sip._tcp"
    return None


def _txt_problem(value: str) -> str | None:
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        return "must not contain control characters (new lines, tabs)"
    if _TXT_STRINGS.match(value):
        for index, part in enumerate(_TXT_STRING.findall(value)):
            if len(part) > 255:
                return f"string {index + 1} is longer than 255 characters"
        return None
    if len(value) > 255:
        return 'is longer than 255 characters: split it into quoted strings "…" "…"'
    return None


def record_value_problem(record_type: str, value: str) -> str | None:
    """Why ``value`` does not suit a record of ``record_type``, or None."""
    if record_type == "A":
        try:
            ipaddress.IPv4Address(value)
        except ValueError:
            return f"{value!r} is not an IPv4 address"
    elif record_type == "AAAA":
        try:
            ipaddress.IPv6Address(value)
        except ValueError:
            return f"{value!r} is not an IPv6 address"
    elif record_type in ("CNAME", "MX"):
        if hostname_problem(value):
            return f"{value!r} is not a host name such as mail.example.net"
    elif record_type == "SRV":
        match = _SRV.match(value)
        if match is None:
            return 'must be "<weight> <port> <target>", such as "5 5060 sip.example.net"'
        if int(match.group(1)) > 65535 or int(match.group(2)) > 65535:
            return "weight and port must be from 0 to 65535"
        if match.group(3) != "." and hostname_problem(match.group(3)):
            return f"{match.group(3)!r} is not a host name"
    elif record_type == "CAA":
        match = _CAA.match(value)
        if match is None:
            return 'must be <flags> <tag> "<value>", such as 0 issue "letsencrypt.org"'
        if int(match.group(1)) > 255:
            return "flags must be from 0 to 255"
        if match.group(2).lower() not in CAA_TAGS:
            return f"the tag must be one of {', '.join(CAA_TAGS)}"
    elif record_type == "TXT":
        return _txt_problem(value)
    return None


def normal_record_value(record_type: str, value: str) -> str:
    if record_type in ("A", "AAAA"):
        return str(ipaddress.ip_address(value))
    if record_type in ("CNAME", "MX"):
        return normal_hostname(value)
    if record_type == "SRV":
        weight, port, target = value.split()
        return f"{int(weight)} {int(port)} {target if target == '.' else normal_hostname(target)}"
    if record_type == "CAA":
        match = _CAA.match(value)
        if match is not None:
            return f'{int(match.group(1))} {match.group(2).lower()} "{match.group(3)}"'
    return value


def _int_in(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def dns_record_problems(body: object, zone: str) -> tuple[dict[str, Any] | None, dict[str, str]]:
    """Check a ``DnsRecordInput`` body; answer (the normalised record, {}) or (None, problems)."""
    if not isinstance(body, Mapping):
        return None, {"body": "must be an object with type, name and value"}
    allowed = ("type", "name", "value", "ttl", "priority")
    problems = {k: "is not a DNS record field" for k in body if k not in allowed}
    record_type = body.get("type")
    if record_type not in DNS_TYPES:
        problems["type"] = "must be one of " + ", ".join(DNS_TYPES)
        record_type = None
    name, value = body.get("name"), body.get("value")
    if not isinstance(name, str) or not name:
        problems["name"] = "is required: @ for the zone's apex, or a relative name such as www"
    elif (problem := record_name_problem(name, zone, record_type or "")) is not None:
        problems["name"] = problem
    if not isinstance(value, str) or not value.strip():
        problems["value"] = "is required"
    elif len(value) > 4096:
        problems["value"] = "must be at most 4096 characters"
    elif record_type and (problem := record_value_problem(record_type, value)) is not None:
        problems["value"] = problem
    ttl = body.get("ttl")
    ttl = DEFAULT_TTL if ttl is None else ttl
    if not _int_in(ttl, MIN_TTL, MAX_TTL):
        problems["ttl"] = f"must be a whole number of seconds from {MIN_TTL} to {MAX_TTL}"
    priority = body.get("priority")
    if record_type in PRIORITY_TYPES:
        if not _int_in(priority, 0, 65535):
            problems["priority"] = f"is required for {record_type} records: 0 to 65535"
    elif priority is not None and record_type:
        problems["priority"] = f"must be null for {record_type} records"
    if problems or record_type is None or not isinstance(name, str) or not isinstance(value, str):
        return None, problems
    record = {
        "type": record_type,
        "name": name.lower(),
        "value": normal_record_value(record_type, value),
        "ttl": ttl,
        "priority": priority,
    }
    return record, {}

"""What hangs off the seeded domains: WHOIS contacts, DNS records and a child name server.

Deterministic without randomness: values derive from the domain's name (``zlib.crc32``), so this
step draws nothing from the seed's ``random.Random`` and the other seeded data stays the same.
"""

from __future__ import annotations

import json
import re
import sqlite3
import zlib

HOSTED_NAMESERVERS = ("ns1.sandbox-dns.net", "ns2.sandbox-dns.net")
CHILD_NAMESERVERS = {"garcia-hosting.es": [("ns1.garcia-hosting.es", ["203.0.113.53"])]}
MAIL_HOST = "mx1.sandbox-dns.net"
_PHONE_SPLIT = re.compile(r"^\+(\d{1,3})[\s.-]*(.*)$")


def epp_phone(phone: str | None) -> str:
    """``+34 600 123 456`` as the registries want it: ``+34.600123456``."""
    match = _PHONE_SPLIT.match((phone or "").strip())
    if match is None:
        return "+1.0000000000"
    digits = re.sub(r"\D", "", match.group(2))
    return f"+{match.group(1)}.{digits}"


def contact_from_row(row: sqlite3.Row) -> dict[str, object]:
    """A WHOIS contact from a ``clients`` or ``contacts`` row (the latter has no address2/state)."""
    columns = row.keys()

    def text(name: str) -> str | None:
        value = row[name] if name in columns else None
        return str(value) if value not in (None, "") else None

    return {
        "first_name": text("first_name"),
        "last_name": text("last_name"),
        "company": text("company"),
        "email": text("email"),
        "phone": epp_phone(text("phone")),
        "address1": text("address1") or "-",
        "address2": text("address2"),
        "city": text("city") or "-",
        "state": text("state"),
        "postcode": text("postcode") or "-",
        "country": text("country") or "ES",
    }


def default_contacts(conn: sqlite3.Connection, client_id: int) -> dict[str, object]:
    """The four roles for a client's domain: the client as registrant and admin, the tech and
    billing sub-contacts where the account has them (else the client again)."""
    client = conn.execute("SELECT * FROM clients WHERE id = ?", (client_id,)).fetchone()
    holder = contact_from_row(client)
    people = conn.execute(
        "SELECT * FROM contacts WHERE client_id = ? ORDER BY id", (client_id,)
    ).fetchall()
    billing = next((p for p in people if p["is_billing"]), None)
    tech = next((p for p in people if not p["is_billing"]), None)
    return {
        "registrant": holder,
        "admin": holder,
        "tech": contact_from_row(tech) if tech is not None else holder,
        "billing": contact_from_row(billing) if billing is not None else holder,
    }


def zone_records(name: str) -> list[tuple[str, str, str, int, int | None]]:
    """A small, plausible zone: (type, name, value, ttl, priority)."""
    n = zlib.crc32(name.encode()) % 250 + 2
    return [
        ("A", "@", f"203.0.113.{n}", 3600, None),
        ("AAAA", "@", f"2001:db8::{n:x}", 3600, None),
        ("CNAME", "www", name, 3600, None),
        ("MX", "@", MAIL_HOST, 3600, 10),
        ("TXT", "@", "v=spf1 mx -all", 3600, None),
    ]


def seed_records(conn: sqlite3.Connection) -> None:
    """Give every seeded domain its WHOIS contacts; zones to the domains on the provider's name
    servers; the child name servers in ``CHILD_NAMESERVERS``. Runs after the domains exist."""
    domains = conn.execute("SELECT id, client_id, name, nameservers FROM domains ORDER BY id")
    contacts: dict[int, str] = {}
    for domain in domains.fetchall():
        client_id = int(domain["client_id"])
        if client_id not in contacts:
            contacts[client_id] = json.dumps(default_contacts(conn, client_id), ensure_ascii=False)
        conn.execute(
            "UPDATE domains SET whois_contacts = ? WHERE id = ?",
            (contacts[client_id], domain["id"]),
        )
        if set(json.loads(domain["nameservers"])) & set(HOSTED_NAMESERVERS):
            conn.executemany(
                "INSERT INTO dns_records (domain_id, type, name, value, ttl, priority)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(domain["id"], *record) for record in zone_records(str(domain["name"]))],
            )
        for host, ips in CHILD_NAMESERVERS.get(str(domain["name"]), []):
            conn.execute(
                "INSERT INTO child_nameservers (domain_id, host, ips) VALUES (?, ?, ?)",
                (domain["id"], host, json.dumps(ips)),
            )

"""What hangs off one domain: child name servers, the EPP code, WHOIS contacts and DNS records.

Sandbox rules beyond the contract's shapes:
- the EPP code of ``.es`` and ``.eu`` domains is e-mailed to the registrant instead of shown;
- the provider hosts a zone when the domain uses one of its name servers
  (``ns1.sandbox-dns.net``, ``ns2.sandbox-dns.net``); any other zone answers 409 for DNS;
- a child name server still named as a name server by any domain cannot be removed (409).
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Callable
from typing import Any

from ..params import Query
from ..router import Context, Router
from ..seed.records import HOSTED_NAMESERVERS, default_contacts
from ..validation import (
    CONTACT_FIELDS,
    CONTACT_ROLES,
    contacts_problems,
    dns_record_problems,
    hostname_problem,
    ip_list_problems,
    normal_hostname,
    normal_ip,
)
from ..web import ApiError, Response, not_found, validation_failed
from .common import flag, json_list, ok, path_id, select_page
from .domains import find_domain

EMAILED_EPP_TLDS = ("es", "eu")


def _body(ctx: Context) -> dict[str, Any]:
    body = ctx.request.json_body()
    if not isinstance(body, dict):
        raise ApiError(400, "bad_request", "the request body must be a JSON object")
    return body


def _conflict(message: str) -> ApiError:
    return ApiError(409, "conflict", message)


def _keyed(ctx: Context, handler: Callable[[], Response]) -> Response:
    """Run a creating POST through the idempotency store (the key is required)."""
    key = ctx.request.header("idempotency-key")
    scope = f"POST {ctx.request.path}"
    return ctx.idempotency.idempotent(ctx.client_id, key, ctx.request.body, handler, scope=scope)


def _unknown_fields(body: dict[str, Any], allowed: tuple[str, ...]) -> dict[str, str]:
    return {key: "is not a field of this request" for key in body if key not in allowed}


# -- child name servers -------------------------------------------------------------------------


def _child_json(row: sqlite3.Row) -> dict[str, object]:
    return {"host": row["host"], "ips": json_list(row["ips"])}


def _find_child(conn: sqlite3.Connection, domain: sqlite3.Row, host: str) -> sqlite3.Row:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM child_nameservers WHERE domain_id = ? AND host = ?",
        (domain["id"], normal_hostname(host)),
    ).fetchone()
    if row is None:
        raise not_found("child name server")
    return row


def list_child_nameservers(ctx: Context) -> Response:
    query = Query(ctx.request.query)
    page = query.page()
    query.check()
    with ctx.db.read() as conn:
        domain = find_domain(conn, ctx)
        rows, total = select_page(
            conn, "child_nameservers", "domain_id = ?", [domain["id"]], "host", page
        )
    return ok(page.envelope([_child_json(row) for row in rows], total))


def create_child_nameserver(ctx: Context) -> Response:
    def handler() -> Response:
        body = _body(ctx)
        with ctx.db.write() as conn:
            domain = find_domain(conn, ctx)
            name = str(domain["name"])
            problems = _unknown_fields(body, ("host", "ips"))
            host = body.get("host")
            if (problem := hostname_problem(host)) is not None:
                problems["host"] = problem
            elif not normal_hostname(str(host)).endswith("." + name):
                problems["host"] = f"must be a host under {name}, such as ns1.{name}"
            problems.update(ip_list_problems(body.get("ips")))
            if problems:
                raise validation_failed(problems)
            host = normal_hostname(str(host))
            ips = [normal_ip(ip) for ip in body["ips"]]
            exists = conn.execute(
                "SELECT 1 FROM child_nameservers WHERE domain_id = ? AND host = ?",
                (domain["id"], host),
            ).fetchone()
            if exists:
                raise _conflict(f"{host} is already registered; change its IPs with a PUT")
            conn.execute(
                "INSERT INTO child_nameservers (domain_id, host, ips) VALUES (?, ?, ?)",
                (domain["id"], host, json.dumps(ips)),
            )
        return ok({"host": host, "ips": ips}, 201)

    return _keyed(ctx, handler)


def update_child_nameserver(ctx: Context) -> Response:
    body = _body(ctx)
    with ctx.db.write() as conn:
        domain = find_domain(conn, ctx)
        row = _find_child(conn, domain, ctx.params["host"])
        problems = _unknown_fields(body, ("ips",))
        problems.update(ip_list_problems(body.get("ips")))
        if problems:
            raise validation_failed(problems)
        ips = [normal_ip(ip) for ip in body["ips"]]
        conn.execute(
            "UPDATE child_nameservers SET ips = ? WHERE id = ?", (json.dumps(ips), row["id"])
        )
    return ok({"host": row["host"], "ips": ips})


def _users_of(conn: sqlite3.Connection, host: str) -> list[sqlite3.Row]:
    """Every domain (of any client) naming ``host`` among its name servers."""
    rows = conn.execute(
        "SELECT client_id, name, nameservers FROM domains WHERE instr(nameservers, ?) > 0"
        " ORDER BY name",
        (json.dumps(host),),
    ).fetchall()
    return [row for row in rows if host in json_list(row["nameservers"])]


def delete_child_nameserver(ctx: Context) -> Response:
    with ctx.db.write() as conn:
        domain = find_domain(conn, ctx)
        row = _find_child(conn, domain, ctx.params["host"])
        host = str(row["host"])
        users = _users_of(conn, host)
        if users:
            own = [str(u["name"]) for u in users if u["client_id"] == ctx.client_id]
            where = (
                f"by {len(own)} of your domains ({', '.join(own[:3])}{', …' if len(own) > 3 else ''})"
                if own
                else "by a domain of another account"
            )
            raise _conflict(
                f"{host} is still used as a name server {where}; change their name servers first"
            )
        conn.execute("DELETE FROM child_nameservers WHERE id = ?", (row["id"],))
    return Response(204, b"")


# -- EPP code and contacts ----------------------------------------------------------------------


def _contacts(conn: sqlite3.Connection, domain: sqlite3.Row) -> dict[str, Any]:
    """The stored contacts; a domain never given any gets its owner's defaults."""
    stored = json.loads(domain["whois_contacts"] or "{}")
    if not isinstance(stored, dict) or not all(role in stored for role in CONTACT_ROLES):
        stored = default_contacts(conn, int(domain["client_id"]))
    return {role: stored[role] for role in CONTACT_ROLES}


def get_epp_code(ctx: Context) -> Response:
    with ctx.db.read() as conn:
        domain = find_domain(conn, ctx)
        name = str(domain["name"])
        if flag(domain["registrar_lock"]):
            raise _conflict(f"{name} is locked at the registry: unlock it first")
        if str(domain["tld"]).rsplit(".", 1)[-1] in EMAILED_EPP_TLDS:
            registrant = _contacts(conn, domain)["registrant"]
            return ok({"code": None, "emailed_to": registrant["email"]})
        code = domain["epp_code"]
    if not code:
        code = secrets.token_urlsafe(9)
        with ctx.db.write() as conn:
            conn.execute("UPDATE domains SET epp_code = ? WHERE id = ?", (code, domain["id"]))
    return ok({"code": code, "emailed_to": None})


def get_domain_contacts(ctx: Context) -> Response:
    with ctx.db.read() as conn:
        return ok(_contacts(conn, find_domain(conn, ctx)))


def set_domain_contacts(ctx: Context) -> Response:
    body = _body(ctx)
    with ctx.db.write() as conn:
        domain = find_domain(conn, ctx)
        if domain["status"] != "active":
            raise _conflict(f"{domain['name']} is {domain['status']}: only an active domain's "
                            "contacts can change")  # fmt: skip
        problems = contacts_problems(body)
        if problems:
            raise validation_failed(problems)
        contacts = {role: {f: body[role][f] for f in CONTACT_FIELDS} for role in CONTACT_ROLES}
        conn.execute(
            "UPDATE domains SET whois_contacts = ? WHERE id = ?",
            (json.dumps(contacts, ensure_ascii=False), domain["id"]),
        )
    return ok(contacts)


# -- DNS records --------------------------------------------------------------------------------


def _zone(conn: sqlite3.Connection, ctx: Context) -> sqlite3.Row:
    """The domain, if the provider hosts its zone (it uses the provider's name servers)."""
    domain = find_domain(conn, ctx)
    nameservers = json_list(domain["nameservers"])
    if not set(nameservers) & set(HOSTED_NAMESERVERS):
        raise _conflict(
            f"the provider does not host the zone of {domain['name']}: it uses "
            f"{', '.join(nameservers) or 'no name servers'}, not "
            f"{' and '.join(HOSTED_NAMESERVERS)}"
        )
    return domain


def _record_json(row: sqlite3.Row | dict[str, Any]) -> dict[str, object]:
    return {k: row[k] for k in ("id", "type", "name", "value", "ttl", "priority")}


def _find_record(conn: sqlite3.Connection, ctx: Context, domain: sqlite3.Row) -> sqlite3.Row:
    record_id = path_id(ctx, "id", "DNS record")
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM dns_records WHERE id = ? AND domain_id = ?", (record_id, domain["id"])
    ).fetchone()
    if row is None:
        raise not_found("DNS record")
    return row


def _checked_record(
    conn: sqlite3.Connection, ctx: Context, domain: sqlite3.Row, exclude: int | None = None
) -> dict[str, Any]:
    """The body as a valid record that fits beside the zone's others; else 422 or 409."""
    record, problems = dns_record_problems(_body(ctx), str(domain["name"]))
    if record is None:
        raise validation_failed(problems)
    name = record["name"]
    if record["type"] == "CNAME" and name == "@":
        raise _conflict("a CNAME record cannot be at the apex (@), beside the SOA and NS records")
    same_name = [
        row
        for row in conn.execute(
            "SELECT * FROM dns_records WHERE domain_id = ? AND name = ? ORDER BY id",
            (domain["id"], name),
        )
        if row["id"] != exclude
    ]
    if any(row["type"] == "CNAME" for row in same_name):
        raise _conflict(f"{name} has a CNAME record, so no other record can share its name")
    if same_name and record["type"] == "CNAME":
        types = ", ".join(sorted({str(row["type"]) for row in same_name}))
        raise _conflict(f"a CNAME record cannot share its name: {name} already has {types}")
    for row in same_name:
        if (row["type"], row["value"]) == (record["type"], record["value"]):
            raise _conflict(f"the same record already exists (id {row['id']})")
    return record


def list_dns_records(ctx: Context) -> Response:
    query = Query(ctx.request.query)
    page = query.page()
    query.check()
    with ctx.db.read() as conn:
        domain = _zone(conn, ctx)
        order = "name != '@', name, type, id"
        rows, total = select_page(conn, "dns_records", "domain_id = ?", [domain["id"]], order, page)
    return ok(page.envelope([_record_json(row) for row in rows], total))


def create_dns_record(ctx: Context) -> Response:
    def handler() -> Response:
        with ctx.db.write() as conn:
            domain = _zone(conn, ctx)
            record = _checked_record(conn, ctx, domain)
            cursor = conn.execute(
                "INSERT INTO dns_records (domain_id, type, name, value, ttl, priority)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (domain["id"], record["type"], record["name"], record["value"], record["ttl"],
                 record["priority"]),
            )  # fmt: skip
        return ok(_record_json({"id": cursor.lastrowid, **record}), 201)

    return _keyed(ctx, handler)


def update_dns_record(ctx: Context) -> Response:
    with ctx.db.write() as conn:
        domain = _zone(conn, ctx)
        row = _find_record(conn, ctx, domain)
        record = _checked_record(conn, ctx, domain, exclude=int(row["id"]))
        conn.execute(
            "UPDATE dns_records SET type = ?, name = ?, value = ?, ttl = ?, priority = ?"
            " WHERE id = ?",
            (record["type"], record["name"], record["value"], record["ttl"], record["priority"],
             row["id"]),
        )  # fmt: skip
    return ok(_record_json({"id": row["id"], **record}))


def delete_dns_record(ctx: Context) -> Response:
    with ctx.db.write() as conn:
        domain = _zone(conn, ctx)
        row = _find_record(conn, ctx, domain)
        conn.execute("DELETE FROM dns_records WHERE id = ?", (row["id"],))
    return Response(204, b"")


def register(router: Router) -> None:
    base = "/v1/domains/{domain}"
    router.add("GET", f"{base}/child-nameservers", "listChildNameservers", list_child_nameservers)
    router.add(
        "POST", f"{base}/child-nameservers", "createChildNameserver", create_child_nameserver
    )
    router.add(
        "PUT", f"{base}/child-nameservers/{{host}}", "updateChildNameserver",
        update_child_nameserver,
    )  # fmt: skip
    router.add(
        "DELETE", f"{base}/child-nameservers/{{host}}", "deleteChildNameserver",
        delete_child_nameserver,
    )  # fmt: skip
    router.add("GET", f"{base}/epp-code", "getDomainEppCode", get_epp_code)
    router.add("GET", f"{base}/contacts", "getDomainContacts", get_domain_contacts)
    router.add("PUT", f"{base}/contacts", "setDomainContacts", set_domain_contacts)
    router.add("GET", f"{base}/dns-records", "listDnsRecords", list_dns_records)
    router.add("POST", f"{base}/dns-records", "createDnsRecord", create_dns_record)
    router.add("PUT", f"{base}/dns-records/{{id}}", "updateDnsRecord", update_dns_record)
    router.add("DELETE", f"{base}/dns-records/{{id}}", "deleteDnsRecord", delete_dns_record)

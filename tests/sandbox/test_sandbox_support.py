"""Tickets, account changes, the password reset and contacts on the sandbox: statuses,
details naming each field, tenant isolation, and the database left unchanged by refusals."""

from __future__ import annotations

import base64
import sqlite3
from pathlib import Path
from typing import Any

import httpx
import pytest

from clientarea_cli.sandbox import DEMO_API_KEY, SandboxApp, open_database
from clientarea_cli.sandbox.schema import MIGRATIONS, SCHEMA_VERSION
from clientarea_cli.sandbox.seed import key_hash

from .helpers import make_client
from .test_sandbox_api import assert_error

PNG = b"\x89PNG\r\n\x1a\n" + bytes(32)
ANA_TICKETS, BRUNO_TICKET = [702, 701, 703], 704
ANA_CONTACTS, BRUNO_CONTACT = [11, 12], 13


def key(n: int) -> dict[str, str]:
    return {"Idempotency-Key": f"support-key-{n}"}


def rows(db_path: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def state(db_path: Path) -> list[tuple[Any, ...]]:
    """Everything these endpoints may change, to prove a refused request changed nothing."""
    tables = ("tickets", "ticket_messages", "ticket_attachments", "contacts", "clients", "emails")
    return [row for table in tables for row in rows(db_path, f"SELECT * FROM {table} ORDER BY 1")]


def upload(name: str, kind: str, content: bytes) -> dict[str, str]:
    return {
        "name": name,
        "content_type": kind,
        "content_base64": base64.b64encode(content).decode(),
    }


# -- tickets ------------------------------------------------------------------------------------


def test_departments_and_limits(client: httpx.Client, anon: httpx.Client) -> None:
    body = client.get("/v1/tickets/departments").json()
    assert [(d["id"], d["name"]) for d in body["data"]] == [
        (1, "Technical Support"), (2, "Billing"), (3, "Sales"), (4, "Domains")
    ]  # fmt: skip
    assert body["data"][1]["description"] == "Invoices, payments, refunds and account credit."
    provider = anon.get("/v1/provider").json()
    assert provider["ticket_attachments"] == {
        "max_files": 5,
        "max_file_size": 2097152,
        "content_types": ["application/pdf", "image/gif", "image/jpeg", "image/png", "text/plain"],
    }
    operations = set(provider["operations"])
    assert {"listTicketDepartments", "listTickets", "createTicket", "getTicket", "replyToTicket",
            "closeTicket", "updateAccount", "changeAccountPassword", "setSecurityQuestion",
            "requestEmailVerification", "requestPasswordReset", "createContact", "updateContact",
            "deleteContact"} <= operations  # fmt: skip


def test_list_tickets_most_recent_first_with_status_filter(client: httpx.Client) -> None:
    listed = client.get("/v1/tickets").json()
    assert [t["id"] for t in listed["data"]] == ANA_TICKETS
    assert "messages" not in listed["data"][0]
    assert listed["data"][1]["department"] == "Technical Support"
    assert listed["data"][1]["department_id"] == 1
    answered = client.get("/v1/tickets", params={"status": "answered"}).json()["data"]
    assert [t["id"] for t in answered] == [701]
    bad = client.get("/v1/tickets", params={"status": "customer-reply"})
    assert assert_error(bad, 422, "validation_failed")["details"] == {
        "status": "must be one of: open, answered, customer_reply, on_hold, closed"
    }


def test_thread_never_shows_staff_only_notes(client: httpx.Client, db_path: Path) -> None:
    ticket = client.get("/v1/tickets/701").json()
    assert [m["author"] for m in ticket["messages"]] == ["Ana García", "Laura (Support)"]
    assert all("Suspended for the overdue" not in m["body"] for m in ticket["messages"])
    assert set(ticket["messages"][0]) == {"id", "author", "from_staff", "body", "created_at",
                                          "attachments"}  # fmt: skip
    notes = rows(db_path, "SELECT count(*) FROM ticket_messages WHERE staff_only_note = 1")
    assert notes == [(1,)]


def test_tickets_of_another_client_do_not_exist(
    client: httpx.Client, bruno: httpx.Client, db_path: Path
) -> None:
    before = state(db_path)
    assert_error(client.get(f"/v1/tickets/{BRUNO_TICKET}"), 404, "not_found")
    reply = client.post(f"/v1/tickets/{BRUNO_TICKET}/replies", json={"message": "hi"},
                        headers=key(1))  # fmt: skip
    assert_error(reply, 404, "not_found")
    assert_error(client.post(f"/v1/tickets/{BRUNO_TICKET}/close"), 404, "not_found")
    assert [t["id"] for t in bruno.get("/v1/tickets").json()["data"]] == [BRUNO_TICKET]
    assert_error(bruno.get("/v1/tickets/701"), 404, "not_found")
    assert state(db_path) == before


def test_open_reply_close(client: httpx.Client, db_path: Path) -> None:
    body = {"department_id": 1, "subject": "Site slow", "message": "Slow since Monday.",
            "priority": "high", "service_id": 101,
            "attachments": [upload("shot.png", "image/png", PNG),
                            upload("log.txt", "text/plain", b"GET / 200 9s\n")]}  # fmt: skip
    opened = client.post("/v1/tickets", json=body, headers=key(2))
    assert opened.status_code == 201, opened.text
    ticket = opened.json()
    assert (ticket["id"], ticket["status"], ticket["priority"]) == (705, "open", "high")
    assert (ticket["service_id"], ticket["domain"]) == (101, "garcia-hosting.es")
    assert ticket["number"].startswith("TKT-")
    assert ticket["created_at"].startswith("2026-11-22T")
    assert ticket["messages"][0]["attachments"] == [
        {"name": "shot.png", "size": 40, "content_type": "image/png"},
        {"name": "log.txt", "size": 13, "content_type": "text/plain"},
    ]
    stored = rows(db_path, "SELECT name, size, content FROM ticket_attachments ORDER BY id")
    assert stored[1] == ("log.txt", 13, b"GET / 200 9s\n")
    replay = client.post("/v1/tickets", json=body, headers=key(2))
    assert (replay.status_code, replay.json()) == (201, ticket)
    assert replay.headers["idempotent-replayed"] == "true"

    reply = client.post("/v1/tickets/705/replies", json={"message": "Still slow."}, headers=key(3))
    assert reply.status_code == 201
    assert set(reply.json()) == {"id", "author", "from_staff", "body", "created_at", "attachments"}
    assert client.get("/v1/tickets/705").json()["status"] == "customer_reply"
    closed = client.post("/v1/tickets/705/close")
    assert (closed.status_code, closed.json()["status"]) == (200, "closed")
    assert client.post("/v1/tickets/705/close").json() == closed.json()
    reopened = client.post("/v1/tickets/705/replies", json={"message": "Again."}, headers=key(4))
    assert reopened.status_code == 201
    thread = client.get("/v1/tickets/705").json()
    assert thread["status"] == "customer_reply"
    assert [m["body"] for m in thread["messages"]] == [
        "Slow since Monday.",
        "Still slow.",
        "Again.",
    ]


@pytest.mark.parametrize(
    ("change", "details"),
    [
        ({"department_id": 9}, {"department_id": "must be the id of a department (GET /v1/tickets/departments)"}),
        ({"subject": "  "}, {"subject": "must not be empty"}),
        ({"subject": "x" * 201}, {"subject": "must be at most 200 characters"}),
        ({"message": ""}, {"message": "must not be empty"}),
        ({"priority": "urgent"}, {"priority": "must be one of low, medium, high"}),
        ({"service_id": 109}, {"service_id": "is not a service of this account"}),
        ({"domain": "keller-web.ch"}, {"domain": "is not a domain of this account"}),
        ({"cc": "x"}, {"cc": "is not a field of this request"}),
        ({"attachments": [upload(f"f{i}.txt", "text/plain", b"x") for i in range(6)]},
         {"attachments": "at most 5 files per message, not 6"}),
        ({"attachments": [upload("big.pdf", "application/pdf", b"%PDF-" + bytes(2 * 1024 * 1024))]},
         {"attachments.0": "big.pdf is 2.0 MB; at most 2.0 MB per file"}),
        ({"attachments": [upload("a.zip", "application/zip", b"PK")]},
         {"attachments.0": "content_type must be one of application/pdf, image/gif, image/jpeg, image/png, text/plain"}),
        ({"attachments": [upload("fake.png", "image/png", b"not a png")]},
         {"attachments.0": "the content of fake.png is not image/png"}),
        ({"attachments": [{"name": "a.txt", "content_type": "text/plain", "content_base64": "@@"}]},
         {"attachments.0": "content_base64 is not valid base64"}),
        ({"attachments": [upload("../etc/passwd", "text/plain", b"x")]},
         {"attachments.0": "name must be a file name, without folders"}),
    ],
)  # fmt: skip
def test_open_invalid_changes_nothing(
    client: httpx.Client, db_path: Path, change: dict[str, Any], details: dict[str, str]
) -> None:
    before = state(db_path)
    body = {"department_id": 2, "subject": "Invoice", "message": "A question.", **change}
    answer = client.post("/v1/tickets", json=body, headers=key(5))
    assert assert_error(answer, 422, "validation_failed")["details"] == details
    assert state(db_path) == before


def test_open_needs_a_key(client: httpx.Client) -> None:
    body = {"department_id": 2, "subject": "Invoice", "message": "A question."}
    assert_error(client.post("/v1/tickets", json=body), 400, "idempotency_key_required")
    assert_error(client.post("/v1/tickets", json=[1], headers=key(6)), 400, "bad_request")


# -- account ------------------------------------------------------------------------------------


def test_update_account_and_email_change(client: httpx.Client, db_path: Path) -> None:
    answer = client.patch("/v1/account", json={"city": " Sevilla ", "phone": "+34.955123456",
                                               "company": "", "tax_id": "ESB87654321"})  # fmt: skip
    assert answer.status_code == 200, answer.text
    account = answer.json()
    assert (account["city"], account["phone"], account["company"]) == (
        "Sevilla",
        "+34.955123456",
        None,
    )
    assert account["email_verified"] is True
    changed = client.patch("/v1/account", json={"email": "ana.garcia@example.net"}).json()
    assert (changed["email"], changed["email_verified"]) == ("ana.garcia@example.net", False)
    sent = rows(
        db_path, "SELECT to_address, subject FROM emails WHERE client_id = 1 ORDER BY id DESC"
    )
    assert sent[0] == ("ana.garcia@example.net", "Please confirm your e-mail address")


@pytest.mark.parametrize(
    ("body", "details"),
    [
        ({}, {"body": "give at least one field to change"}),
        ({"email": "not-an-address"}, {"email": "'not-an-address' is not an e-mail address"}),
        ({"email": "BRUNO@example.org"}, {"email": "is already used by another account"}),
        ({"country": "XX", "phone": "600123456"},
         {"country": "'XX' is not an ISO 3166-1 alpha-2 country code (such as ES)",
          "phone": "'600123456' is not in the form +CC.NUMBER (such as +34.911234567)"}),
        ({"tax_id": "??"}, {"tax_id": "'??' is not a tax id: 4 to 50 letters, digits, spaces, dots, hyphens or slashes, with at least one digit (such as ESB12345678)"}),
        ({"language": "Spanish"}, {"language": "'Spanish' is not a language tag such as es or en-GB"}),
        ({"first_name": ""}, {"first_name": "must not be empty"}),
        ({"city": None}, {"city": "must not be empty"}),
        ({"postcode": "1" * 21}, {"postcode": "must be at most 20 characters"}),
        ({"currency": "USD", "nickname": "x"},
         {"currency": "cannot be changed", "nickname": "is not a field of this request"}),
    ],
)  # fmt: skip
def test_update_account_invalid_changes_nothing(
    client: httpx.Client, db_path: Path, body: dict[str, Any], details: dict[str, str]
) -> None:
    before = state(db_path)
    answer = client.patch("/v1/account", json=body)
    assert assert_error(answer, 422, "validation_failed")["details"] == details
    assert state(db_path) == before


def test_password_change(client: httpx.Client, db_path: Path) -> None:
    before = state(db_path)
    wrong = client.post("/v1/account/password",
                        json={"current_password": "nope", "new_password": "Str0ng-enough!"})  # fmt: skip
    assert assert_error(wrong, 422, "validation_failed")["details"] == {
        "current_password": "is not the current password"
    }
    for weak, why in [
        ("short1A", "must be 8 to 128 characters"),
        ("alllowercase", "is too weak: mix three of lower case, upper case, digits and symbols, or use 16 characters or more"),
        ("Ana-Garcia-2026", "must not contain your name or e-mail address"),
        ("sandbox-demo", "is too weak: mix three of lower case, upper case, digits and symbols, or use 16 characters or more"),
    ]:  # fmt: skip
        answer = client.post("/v1/account/password",
                             json={"current_password": "sandbox-demo", "new_password": weak})  # fmt: skip
        assert assert_error(answer, 422, "validation_failed")["details"] == {"new_password": why}
    assert state(db_path) == before
    done = client.post("/v1/account/password",
                       json={"current_password": "sandbox-demo", "new_password": "Str0ng-enough!"})  # fmt: skip
    assert (done.status_code, done.content) == (204, b"")
    again = client.post("/v1/account/password",
                        json={"current_password": "sandbox-demo", "new_password": "An0ther-one!"})  # fmt: skip
    assert assert_error(again, 422, "validation_failed")["details"] == {
        "current_password": "is not the current password"
    }


def test_security_question(client: httpx.Client, db_path: Path) -> None:
    bad = client.put("/v1/account/security-question", json={"question": "", "answer": "x" * 201})
    assert assert_error(bad, 422, "validation_failed")["details"] == {
        "question": "must not be empty", "answer": "must be at most 200 characters"
    }  # fmt: skip
    done = client.put("/v1/account/security-question",
                      json={"question": "Favourite city?", "answer": "Cádiz"})  # fmt: skip
    assert done.status_code == 204
    assert client.get("/v1/account").json()["security_question"] == "Favourite city?"
    stored = rows(db_path, "SELECT security_answer_hash FROM clients WHERE id = 1")[0][0]
    assert "Cádiz" not in stored
    assert "cádiz" not in stored


def test_email_verification(client: httpx.Client, bruno: httpx.Client, db_path: Path) -> None:
    assert_error(client.post("/v1/account/email-verification"), 409, "conflict")
    answer = bruno.post("/v1/account/email-verification")
    assert (answer.status_code, answer.content) == (202, b"")
    sent = rows(
        db_path, "SELECT to_address, subject FROM emails WHERE client_id = 2 ORDER BY id DESC"
    )
    assert sent[0] == ("bruno@example.org", "Please confirm your e-mail address")


def test_password_reset_reveals_nothing(anon: httpx.Client, db_path: Path) -> None:
    before = rows(db_path, "SELECT * FROM emails ORDER BY id")
    known = anon.post("/v1/password-reset", json={"email": "Ana@Example.com"})
    unknown = anon.post("/v1/password-reset", json={"email": "nobody@example.com"})
    assert (
        (known.status_code, known.content) == (unknown.status_code, unknown.content) == (202, b"")
    )
    after = rows(db_path, "SELECT client_id, to_address, subject FROM emails ORDER BY id")
    assert after[len(before) :] == [(1, "ana@example.com", "Password reset request")]
    bad = anon.post("/v1/password-reset", json={"email": "nope"})
    assert assert_error(bad, 422, "validation_failed")["details"] == {
        "email": "is not an e-mail address"
    }
    assert_error(anon.post("/v1/password-reset", content=b"[]"), 400, "bad_request")


def test_password_reset_is_rate_limited_per_address(anon: httpx.Client) -> None:
    for _ in range(3):
        assert anon.post("/v1/password-reset", json={"email": "x@example.com"}).status_code == 202
    limited = anon.post("/v1/password-reset", json={"email": "X@example.com"})
    assert_error(limited, 429, "rate_limited")
    assert 3500 <= int(limited.headers["retry-after"]) <= 3601
    assert anon.post("/v1/password-reset", json={"email": "y@example.com"}).status_code == 202


# -- contacts -----------------------------------------------------------------------------------


def test_create_update_delete_contact(client: httpx.Client) -> None:
    body = {"first_name": "Eva", "last_name": "Soler", "email": "eva@example.com",
            "email_kinds": ["support", "general"], "is_billing": True, "country": "ES",
            "phone": "+34.611000111"}  # fmt: skip
    created = client.post("/v1/contacts", json=body, headers=key(7))
    assert created.status_code == 201, created.text
    contact = created.json()
    assert contact == {"id": 14, "first_name": "Eva", "last_name": "Soler", "company": None,
                       "email": "eva@example.com", "phone": "+34.611000111", "address1": None,
                       "city": None, "postcode": None, "country": "ES",
                       "email_kinds": ["general", "support"], "is_billing": True}  # fmt: skip
    updated = client.patch("/v1/contacts/14", json={"email_kinds": [], "city": "Vigo"}).json()
    assert (updated["email_kinds"], updated["city"]) == ([], "Vigo")
    assert client.delete("/v1/contacts/14").status_code == 204
    assert_error(client.get("/v1/contacts/14"), 404, "not_found")


@pytest.mark.parametrize(
    ("body", "details"),
    [
        ({}, {"first_name": "is required", "last_name": "is required", "email": "is required"}),
        ({"first_name": "A", "last_name": "B", "email": "x@", "email_kinds": ["spam"]},
         {"email": "'x@' is not an e-mail address",
          "email_kinds": "'spam' is not a kind of e-mail (use general, invoice, support, product, domain, affiliate)"}),
        ({"first_name": "A", "last_name": "B", "email": "a@b.es", "email_kinds": ["invoice", "invoice"],
          "is_billing": "yes", "country": "Spain"},
         {"email_kinds": "must not repeat a kind", "is_billing": "must be true or false",
          "country": "'Spain' is not an ISO 3166-1 alpha-2 country code (such as ES)"}),
    ],
)  # fmt: skip
def test_create_contact_invalid_changes_nothing(
    client: httpx.Client, db_path: Path, body: dict[str, Any], details: dict[str, str]
) -> None:
    before = state(db_path)
    answer = client.post("/v1/contacts", json=body, headers=key(8))
    assert assert_error(answer, 422, "validation_failed")["details"] == details
    assert state(db_path) == before


def test_contact_conflicts(client: httpx.Client, db_path: Path) -> None:
    before = state(db_path)
    same = {"first_name": "A", "last_name": "B", "email": "JORDI@garcia-hosting.es"}
    assert_error(client.post("/v1/contacts", json=same, headers=key(9)), 409, "conflict")
    in_use = assert_error(client.delete("/v1/contacts/11"), 409, "conflict")
    assert in_use["details"]["domains"][:2] == ["costa-brava.eu", "fundacion-luz.org"]
    assert in_use["message"].startswith("contact 11 cannot be removed: it is the billing contact")
    assert state(db_path) == before


def test_contacts_of_another_client_do_not_exist(
    client: httpx.Client, bruno: httpx.Client, db_path: Path
) -> None:
    before = state(db_path)
    assert_error(client.patch(f"/v1/contacts/{BRUNO_CONTACT}", json={"city": "Bern"}), 404,
                 "not_found")  # fmt: skip
    assert_error(client.delete(f"/v1/contacts/{BRUNO_CONTACT}"), 404, "not_found")
    assert_error(bruno.delete("/v1/contacts/12"), 404, "not_found")
    assert [c["id"] for c in client.get("/v1/contacts").json()["data"]] == ANA_CONTACTS
    assert state(db_path) == before


# -- migration ----------------------------------------------------------------------------------


def test_a_version_1_database_migrates_to_the_support_tables(tmp_path: Path) -> None:
    """A database of schema 1 gets every later version's tables; tickets and content work."""
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    for statement in MIGRATIONS[1]:
        conn.execute(statement)
    conn.execute("INSERT INTO meta VALUES ('today', '2026-11-22'), ('schema_version', '1')")
    conn.execute("INSERT INTO departments (slug, name) VALUES ('support', 'Technical Support')")
    conn.execute(
        "INSERT INTO clients (email, first_name, last_name, country, currency, api_key_hash,"
        " created_at) VALUES ('old@example.com', 'Olga', 'Old', 'ES', 'EUR', ?, ?)",
        (key_hash(DEMO_API_KEY), "2020-01-01T00:00:00Z"),
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    assert open_database(path).meta("schema_version") == str(SCHEMA_VERSION)
    with make_client(SandboxApp(path), DEMO_API_KEY) as old:
        departments = old.get("/v1/tickets/departments").json()["data"]
        assert departments == [{"id": 1, "name": "Technical Support",
                                "description": "Hosting, e-mail, DNS and server problems."}]  # fmt: skip
        body = {"department_id": 1, "subject": "Hello", "message": "Migrated."}
        opened = old.post("/v1/tickets", json=body, headers=key(10))
        assert (opened.status_code, opened.json()["messages"][0]["author"]) == (201, "Olga Old")
        for path_ in ("/v1/emails", "/v1/announcements", "/v1/kb/articles", "/v1/downloads"):
            assert old.get(path_).json()["data"] == []
        assert old.get("/v1/affiliate").json()["active"] is False

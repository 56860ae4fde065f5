"""E-mail history, announcements, knowledgebase, downloads and the affiliate account on the
sandbox: seeded content, search, product ownership, one activation, tenant isolation."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx

from clientarea_cli.sandbox import advance_clock, open_database

from .test_sandbox_api import assert_error

ANA_EMAILS, BRUNO_EMAILS = [807, 805, 804, 803, 801], [806, 802]


def test_email_history_is_per_account(client: httpx.Client, bruno: httpx.Client) -> None:
    listed = client.get("/v1/emails").json()
    assert [e["id"] for e in listed["data"]] == ANA_EMAILS
    assert set(listed["data"][0]) == {"id", "date", "subject", "to"}
    assert listed["data"][2]["subject"] == "Service suspended: Email Business - tapas-madrid.es"
    email = client.get("/v1/emails/804").json()
    assert email["to"] == "ana@example.com"
    assert email["body"].startswith("Hello Ana,\n\nEmail Business (tapas-madrid.es) is suspended")
    assert [e["id"] for e in bruno.get("/v1/emails").json()["data"]] == BRUNO_EMAILS
    assert_error(client.get("/v1/emails/806"), 404, "not_found")
    assert_error(bruno.get("/v1/emails/801"), 404, "not_found")
    assert_error(client.get("/v1/emails/abc"), 404, "not_found")


def test_announcements_are_published_on_their_date(client: httpx.Client, db_path: Path) -> None:
    listed = client.get("/v1/announcements").json()["data"]
    assert [(a["id"], a["title"]) for a in listed] == [
        (3, "Price changes for .es domains"),
        (2, "Scheduled maintenance of srv3"),
        (1, "New data centre in Madrid"),
    ]
    assert client.get("/v1/announcements/1").json()["date"] == "2026-09-23T09:00:00Z"
    assert_error(client.get("/v1/announcements/4"), 404, "not_found")
    advance_clock(open_database(db_path), 10)
    assert client.get("/v1/announcements").json()["data"][0]["title"] == "Holiday support hours"
    assert client.get("/v1/announcements/4").status_code == 200


def test_knowledgebase(client: httpx.Client) -> None:
    categories = client.get("/v1/kb/categories").json()["data"]
    assert [(c["id"], c["name"], c["parent_id"], c["article_count"]) for c in categories] == [
        (1, "Getting started", None, 2), (2, "Domains", None, 2), (3, "DNS", 2, 2),
        (4, "E-mail", None, 1), (5, "Billing", None, 2),
    ]  # fmt: skip
    found = client.get("/v1/kb/articles", params={"q": "DNS"}).json()["data"]
    assert [a["id"] for a in found] == [6, 5]
    assert set(found[0]) == {"id", "category_id", "title", "updated_at"}
    assert [
        a["id"] for a in client.get("/v1/kb/articles", params={"q": "card renew"}).json()["data"]
    ] == [9, 8]
    assert client.get("/v1/kb/articles", params={"q": "CRÉDIT"}).json()["data"][0]["id"] == 8
    assert client.get("/v1/kb/articles", params={"q": "zebra"}).json()["data"] == []
    in_domains = client.get("/v1/kb/articles", params={"category_id": 2}).json()["data"]
    assert [a["id"] for a in in_domains] == [3, 4]
    article = client.get("/v1/kb/articles/3").json()
    assert article["title"] == "Transferring a domain to another registrar"
    assert "EPP" in article["body"]
    assert_error(client.get("/v1/kb/articles/99"), 404, "not_found")


def test_knowledgebase_bad_queries(client: httpx.Client) -> None:
    answer = client.get("/v1/kb/articles", params={"q": "  ", "category_id": 99})
    assert assert_error(answer, 422, "validation_failed")["details"] == {
        "q": "must not be empty", "category_id": "is not a knowledgebase category"
    }  # fmt: skip
    answer = client.get("/v1/kb/articles", params={"q": "x" * 201})
    assert assert_error(answer, 422, "validation_failed")["details"] == {
        "q": "must be at most 200 characters"
    }


def test_downloads_only_for_owners_of_the_product(
    client: httpx.Client, bruno: httpx.Client
) -> None:
    # Ana has active Hosting Pro and VPS M; her WordPress Managed is cancelled and her Email
    # Business suspended. Bruno has only Hosting Pro.
    assert [d["id"] for d in client.get("/v1/downloads").json()["data"]] == [1, 2, 3]
    assert [d["id"] for d in bruno.get("/v1/downloads").json()["data"]] == [1, 2]
    file = client.get("/v1/downloads/3/file")
    assert file.status_code == 200
    assert file.headers["content-type"] == "text/plain"
    assert file.headers["content-disposition"] == 'attachment; filename="vps-rescue-SHA256SUMS.txt"'
    assert file.content.endswith(b"  rescue-2026.iso\n")
    assert client.get("/v1/downloads/1/file").content.startswith(b"%PDF-")
    assert_error(bruno.get("/v1/downloads/3/file"), 404, "not_found")
    for download_id in (4, 5, 99):
        assert_error(client.get(f"/v1/downloads/{download_id}/file"), 404, "not_found")


def test_affiliate_activates_once(client: httpx.Client, bruno: httpx.Client, db_path: Path) -> None:
    assert client.get("/v1/affiliate").json() == {
        "active": False, "referral_url": None, "activated_at": None, "visitors": None,
        "signups": None, "commission_pending": None, "commission_balance": None,
        "commission_withdrawn": None,
    }  # fmt: skip
    headers = {"Idempotency-Key": "aff-1"}
    activated = client.post("/v1/affiliate/activation", headers=headers)
    assert activated.status_code == 201, activated.text
    body = activated.json()
    assert (body["active"], body["referral_url"]) == (
        True,
        "https://www.sandbox-hosting.net/?aff=1037",
    )
    assert body["commission_balance"] == {"amount": "0.00", "currency": "EUR"}
    replay = client.post("/v1/affiliate/activation", headers=headers)
    assert (replay.status_code, replay.json()) == (201, body)
    again = client.post("/v1/affiliate/activation", headers={"Idempotency-Key": "aff-2"})
    assert_error(again, 409, "conflict")
    assert_error(client.post("/v1/affiliate/activation"), 400, "idempotency_key_required")
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM affiliates WHERE client_id = 1").fetchone() == (1,)
    conn.close()
    assert client.get("/v1/affiliate").json() == body
    assert (
        client.get("/v1/emails").json()["data"][0]["subject"] == "Your affiliate account is active"
    )
    brunos = bruno.get("/v1/affiliate").json()
    assert (brunos["visitors"], brunos["commission_pending"]) == (
        312,
        {"amount": "45.00", "currency": "CHF"},
    )
    assert_error(
        bruno.post("/v1/affiliate/activation", headers={"Idempotency-Key": "b"}), 409, "conflict"
    )


def test_content_needs_a_key(anon: httpx.Client) -> None:
    for path in ("/v1/emails", "/v1/announcements", "/v1/kb/categories", "/v1/downloads",
                 "/v1/affiliate", "/v1/tickets"):  # fmt: skip
        assert_error(anon.get(path), 401, "unauthorized")

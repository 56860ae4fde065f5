"""The e-mail history, announcements (news), the knowledgebase, downloads (orders of a
downloadable product) and the affiliate account on a real FOSSBilling server: whole outputs,
another client's e-mails and files refused (exit 5), and what it lacks (exit 6)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from tests.conftest import CLI
from tests.fossbilling.conftest import FossBilling
from tests.fossbilling.test_tickets import dated, fb_changed  # noqa: F401 - a fixture

MANUAL = b"%PDF-1.4\n% the user manual\n"


def send_email(fb: FossBilling, client_id: int, to: str, subject: str, html: str) -> None:
    fb.admin("email/send", {
        "to": to, "to_name": "Customer", "from": "billing@loopback-hosting.test",
        "from_name": "Loopback Hosting", "subject": subject, "content": html,
        "client_id": client_id,
    })  # fmt: skip


def email_ids(fb: FossBilling, role: str) -> list[int]:
    return [int(e["id"]) for e in fb.api(role, "email/get_list")["list"]]


@pytest.mark.usefixtures("fb_changed")
def test_email_history(fb_cli_reset: CLI, fb_reset: FossBilling) -> None:
    empty = fb_cli_reset("emails", "list")
    assert (empty.exit_code, empty.stdout, empty.stderr) == (0, "", "no e-mails\n")
    send_email(fb_reset, fb_reset.client_id, "alice@example.test", "Your invoice",
               "<html><head><style>p {color: red}</style></head><body><h1>Invoice 5</h1>"
               "<p>Hello Alice,</p><p>it is <a href=\"https://x.test/i/5\">here</a>.</p>"
               "</body></html>")  # fmt: skip
    send_email(fb_reset, fb_reset.other_client_id, "bob@example.test", "Bob's invoice",
               "<p>Only for Bob.</p>")  # fmt: skip
    (mine,) = email_ids(fb_reset, "client")
    (bobs,) = email_ids(fb_reset, fb_reset.other_key)
    listed = fb_cli_reset("emails", "list")
    assert (listed.exit_code, listed.stderr) == (0, "")
    assert dated(listed.stdout) == (
        f"ID  DATE              SUBJECT       TO\n{mine}   DATE  Your invoice  alice@example.test\n"
    )
    shown = fb_cli_reset("emails", "show", str(mine), "-o", "json")
    assert json.loads(shown.stdout)["body"] == (
        "Invoice 5\n\nHello Alice,\n\nit is here <https://x.test/i/5>."
    )
    refused = fb_cli_reset("emails", "show", str(bobs))
    assert (refused.exit_code, refused.stdout, refused.stderr) == (
        5, "", f"error: e-mail {bobs} was not found in this account\n"
    )  # fmt: skip


def test_announcements(fb_cli: CLI) -> None:
    listed = fb_cli("announcements", "list", "-o", "json")
    assert listed.exit_code == 0, listed.stderr
    assert [(a["id"], a["title"]) for a in json.loads(listed.stdout)] == [
        (1, "FOSSBilling needs your donations"),
        (2, "Check out great features of FOSSBilling"),
        (3, "FOSSBilling is customizable"),
    ]
    one = fb_cli("announcements", "list", "--limit", "1", "-o", "json")
    assert len(json.loads(one.stdout)) == 1
    assert one.stderr == "showing 1 of 3 announcements (use --all or --limit)\n"
    shown = fb_cli("announcements", "show", "2")
    assert shown.exit_code == 0, shown.stderr
    assert "* Integrated helpdesk, knowledgebase, news and announcements system." in shown.stdout
    missing = fb_cli("announcements", "show", "99")
    assert (missing.exit_code, missing.stdout, missing.stderr) == (
        5, "", "error: announcement 99 was not found\n"
    )  # fmt: skip


def test_knowledgebase(fb_cli: CLI) -> None:
    categories = fb_cli("kb", "categories")
    assert (categories.exit_code, categories.stderr) == (0, "")
    assert categories.stdout == (
        "ID  NAME      PARENT ID  ARTICLE COUNT\n2   How to's  -          3\n"
    )
    found = fb_cli("kb", "search", "new order")
    assert (found.exit_code, found.stderr) == (0, "")
    assert found.stdout == (
        "ID  TITLE                   CATEGORY ID  UPDATED AT\n"
        "2   How to place new order  2            2022-12-01 12:00\n"
    )
    none = fb_cli("kb", "search", "order", "--category", "7")
    assert (none.exit_code, none.stdout) == (0, "")
    article = fb_cli("kb", "show", "1")
    assert article.exit_code == 0, article.stderr
    assert article.stdout.startswith(
        "title     How to contact support\ncategory  2\nupdated   2022-12-01 12:00\n\n"
        "Registered clients can contact our support team:\n"
    )
    missing = fb_cli("kb", "show", "99")
    assert (missing.exit_code, missing.stderr) == (
        5, "error: knowledgebase article 99 was not found\n"
    )  # fmt: skip


@pytest.mark.usefixtures("fb_changed")
def test_knowledgebase_search_leaves_out_drafts(fb_cli_reset: CLI, fb_reset: FossBilling) -> None:
    """FOSSBilling's search ORs the phrase with the other filters: a draft matched it too."""
    draft = fb_reset.admin("kb/article_create", {
        "kb_article_category_id": 2, "title": "Ordering secrets (draft)", "status": "draft",
    })  # fmt: skip
    assert draft
    result = fb_cli_reset("kb", "search", "order", "-o", "json")
    assert [a["id"] for a in json.loads(result.stdout)] == [2]


@pytest.fixture
def downloads(fb_reset: FossBilling, tmp_path: Path) -> dict[str, int]:
    """A downloadable product with a file, ordered by alice and by bob (admin API)."""
    product = fb_reset.admin("product/prepare", {
        "title": "User manual", "type": "downloadable", "product_category_id": 1,
    })  # fmt: skip
    source = tmp_path / "manual.pdf"
    source.write_bytes(MANUAL)
    with source.open("rb") as handle:
        answer = httpx.post(
            f"{fb_reset.url}/api/admin/servicedownloadable/upload",
            data={"id": str(product)}, files={"file_data": ("manual.pdf", handle)},
            auth=("admin", fb_reset.admin_key), timeout=60,
        ).json()  # fmt: skip
    assert answer["error"] is None, answer
    fb_reset.admin(
        "product/update", {"id": product, "status": "enabled", "pricing": {"type": "free"}}
    )
    orders = {}
    for who, client in (("alice", fb_reset.client_id), ("bob", fb_reset.other_client_id)):
        orders[who] = fb_reset.admin("order/create", {
            "client_id": client, "product_id": product, "activate": True,
            "invoice_option": "no-invoice", "config": {},
        })  # fmt: skip
    return orders


@pytest.mark.usefixtures("fb_changed")
def test_downloads(
    fb_cli_reset: CLI, downloads: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine, bobs = downloads["alice"], downloads["bob"]
    listed = fb_cli_reset("downloads", "list")
    assert (listed.exit_code, listed.stderr) == (0, "")
    assert listed.stdout == (
        "ID  TITLE        CATEGORY  FILE NAME   SIZE\n"
        f"{mine}  User manual  -         manual.pdf  -\n"
    )
    monkeypatch.chdir(tmp_path)
    got = fb_cli_reset("downloads", "get", str(mine), "-O", "saved.pdf")
    assert got.exit_code == 0, got.stderr
    assert (tmp_path / "saved.pdf").read_bytes() == MANUAL
    for ref in (str(bobs), "1"):  # bob's download; alice's hosting order is no download
        refused = fb_cli_reset("downloads", "get", ref, "-O", f"x{ref}.pdf")
        assert (refused.exit_code, refused.stdout, refused.stderr) == (
            5, "", f"error: download {ref} was not found in this account\n"
        )  # fmt: skip
        assert not (tmp_path / f"x{ref}.pdf").exists()


def test_no_downloads_and_no_affiliate_account(fb_cli: CLI) -> None:
    empty = fb_cli("downloads", "list")
    assert (empty.exit_code, empty.stdout, empty.stderr) == (0, "", "no downloads\n")
    for args in (("affiliate", "show"), ("affiliate", "activate")):
        lacking = fb_cli(*args)
        assert (lacking.exit_code, lacking.stdout, lacking.stderr) == (
            6, "", "error: the fossbilling provider does not support the affiliate account\n"
            "hint: FOSSBilling's client API has no affiliate programme; ask the provider by "
            "ticket\n",
        ), args  # fmt: skip

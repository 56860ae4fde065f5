"""`clientarea emails|announcements|kb|downloads|affiliate` against the embedded sandbox:
whole outputs, unknown ids (exit 5), downloads only for product owners, one activation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clientarea_cli.sandbox import TENANT_B_API_KEY
from tests.conftest import CLI
from tests.support import sandbox_db


def test_emails(demo: CLI) -> None:
    listed = demo("emails", "list", "--limit", "2")
    assert listed.exit_code == 0
    assert listed.stdout == (
        "ID   DATE              SUBJECT                                                    TO\n"
        "807  2026-11-21 17:00  [TKT-694285] Transfer barcelona-bikes.eu to a new owner    ana@example.com\n"
        "805  2026-11-18 10:00  [TKT-803420] info@tapas-madrid.es is not receiving e-mail  ana@example.com\n"
    )
    assert listed.stderr == "showing 2 of 5 e-mails (use --all or --limit)\n"
    shown = demo("emails", "show", "804")
    assert (shown.exit_code, shown.stderr) == (0, "")
    assert shown.stdout == (
        "date     2026-11-17 06:00\n"
        "to       ana@example.com\n"
        "subject  Service suspended: Email Business - tapas-madrid.es\n"
        "\n"
        "Hello Ana,\n"
        "\n"
        "Email Business (tapas-madrid.es) is suspended because its invoice is overdue. It is "
        "reactivated as soon as the invoice is paid.\n"
        "\n"
        "Sandbox Hosting\n"
    )
    assert json.loads(demo("emails", "show", "804", "-o", "json").stdout)["id"] == 804


def test_announcements(demo: CLI) -> None:
    listed = demo("announcements", "list")
    assert listed.stdout == (
        "ID  DATE              TITLE\n"
        "3   2026-11-19 11:00  Price changes for .es domains\n"
        "2   2026-11-02 16:00  Scheduled maintenance of srv3\n"
        "1   2026-09-23 09:00  New data centre in Madrid\n"
    )
    shown = demo("announcements", "show", "3")
    assert shown.stdout.startswith(
        "date   2026-11-19 11:00\ntitle  Price changes for .es domains\n\n"
    )


def test_knowledgebase(demo: CLI) -> None:
    categories = demo("kb", "categories")
    assert categories.stdout == (
        "ID  NAME             PARENT ID  ARTICLE COUNT\n"
        "1   Getting started  -          2\n"
        "2   Domains          -          2\n"
        "3   DNS              2          2\n"
        "4   E-mail           -          1\n"
        "5   Billing          -          2\n"
    )
    found = demo("kb", "search", "dns")
    assert found.stdout == (
        "ID  TITLE                                CATEGORY ID  UPDATED AT\n"
        "6   How long does DNS propagation take?  3            2026-01-26 12:00\n"
        "5   Adding an MX record for your e-mail  3            2026-10-08 12:00\n"
    )
    in_category = demo("kb", "search", "domain", "--category", "2", "-o", "tsv", "--no-headers",
                       "--columns", "id")  # fmt: skip
    assert in_category.stdout == "3\n4\n"
    nothing = demo("kb", "search", "zebra")
    assert (nothing.exit_code, nothing.stdout, nothing.stderr) == (0, "", "no articles\n")
    article = demo("kb", "show", "6")
    assert article.stdout == (
        "title     How long does DNS propagation take?\n"
        "category  3\n"
        "updated   2026-01-26 12:00\n"
        "\n"
        "A change to a DNS record is seen everywhere once the old record's TTL has passed, "
        "usually within an hour. A change of name servers can take up to 48 hours.\n"
    )
    empty = demo("kb", "search", "  ")
    assert (empty.exit_code, empty.stderr) == (2, "error: invalid QUERY: it is empty\n")
    bad_category = demo("kb", "search", "dns", "--category", "99")
    assert (bad_category.exit_code, bad_category.stderr) == (
        2, "error: the provider refused the request: invalid request parameters\n"
        "  category_id: is not a knowledgebase category\n",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (("emails", "show", "806"), "e-mail"),  # Bruno's
        (("emails", "show", "9999"), "e-mail"),
        (("announcements", "show", "4"), "announcement"),  # not published yet
        (("kb", "show", "99"), "knowledgebase article"),
        (("downloads", "get", "4"), "download"),  # WordPress Managed: Ana's is cancelled
        (("downloads", "get", "5"), "download"),  # Email Business: Ana's is suspended
        (("downloads", "get", "99"), "download"),
    ],
)
def test_unknown_ids_exit_5(demo: CLI, args: tuple[str, ...], what: str, tmp_path: Path) -> None:
    result = demo(*args)
    expected = f"error: {what} {args[-1]} not found\n"
    assert (result.exit_code, result.stdout, result.stderr) == (5, "", expected)


def test_downloads(demo: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    listed = demo("downloads", "list")
    assert listed.stdout == (
        "ID  TITLE                       CATEGORY  FILE NAME                  SIZE\n"
        "1   Client area quick start     Guides    quick-start.pdf            81\n"
        "2   Backup restore tool         Hosting   backup-restore.sh          68\n"
        "3   VPS rescue image checksums  VPS       vps-rescue-SHA256SUMS.txt  82\n"
    )
    got = demo("downloads", "get", "3")
    assert (got.exit_code, got.stdout) == (0, "")
    assert got.stderr == "saved vps-rescue-SHA256SUMS.txt (82 bytes)\n"
    assert (tmp_path / "vps-rescue-SHA256SUMS.txt").read_bytes().endswith(b"  rescue-2026.iso\n")
    again = demo("downloads", "get", "3")
    assert (again.exit_code, again.stderr) == (
        2, "error: vps-rescue-SHA256SUMS.txt already exists\nhint: use --force to overwrite it\n"
    )  # fmt: skip
    assert demo("downloads", "get", "3", "--force").exit_code == 0
    named = demo("downloads", "get", "1", "-O", str(tmp_path / "guide.pdf"))
    assert named.exit_code == 0
    assert (tmp_path / "guide.pdf").read_bytes().startswith(b"%PDF-")
    piped = demo("downloads", "get", "2", "-O", "-")
    assert piped.stdout.startswith("#!/bin/sh\n")


def test_an_interrupted_download_leaves_no_partial_file(
    demo: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while the file is written: nothing under its name (an existing one is kept whole),
    no temp file left behind. A finished download has the mode the umask gives."""
    import os
    import stat

    monkeypatch.chdir(tmp_path)
    (tmp_path / "guide.pdf").write_bytes(b"the old guide")
    fsync = os.fsync

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    for args in (
        ("downloads", "get", "3"),
        ("downloads", "get", "1", "-O", "guide.pdf", "--force"),
    ):
        result = demo(*args)
        assert result.exit_code == 130, (args, result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["guide.pdf", "home"]
    assert (tmp_path / "guide.pdf").read_bytes() == b"the old guide"
    monkeypatch.setattr(os, "fsync", fsync)
    assert demo("downloads", "get", "3").exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    mode = stat.S_IMODE((tmp_path / "vps-rescue-SHA256SUMS.txt").stat().st_mode)
    assert mode == 0o666 & ~umask


def test_downloads_of_another_product_owner(demo: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    """Bruno (Hosting Pro only) does not get Ana's VPS download; the listing shows why."""
    monkeypatch.setenv("CLIENTAREA_TOKEN", TENANT_B_API_KEY)
    listed = demo("downloads", "list", "-o", "tsv", "--no-headers", "--columns", "id")
    assert listed.stdout == "1\n2\n"
    result = demo("downloads", "get", "3")
    assert (result.exit_code, result.stderr) == (5, "error: download 3 not found\n")
    ticket = demo("tickets", "show", "701")
    assert (ticket.exit_code, ticket.stderr) == (5, "error: ticket 701 not found\n")


def test_affiliate_show_and_activate_once(demo: CLI) -> None:
    inactive = demo("affiliate", "show")
    assert inactive.stdout.startswith("active                no\nreferral url          -\n")
    assert inactive.stderr == "hint: activate it with `clientarea affiliate activate`\n"
    dry = demo("affiliate", "activate", "--dry-run")
    assert dry.stderr == "dry run: nothing was sent; the affiliate account would be activated\n"
    assert sandbox_db.rows("SELECT client_id FROM affiliates") == [{"client_id": 2}]
    activated = demo("affiliate", "activate", "-o", "json")
    assert activated.exit_code == 0, activated.stderr
    body = json.loads(activated.stdout)
    assert (body["active"], body["referral_url"], body["visitors"]) == (
        True, "https://www.sandbox-hosting.net/?aff=1037", 0
    )  # fmt: skip
    again = demo("affiliate", "activate")
    assert (again.exit_code, again.stdout) == (1, "")
    assert again.stderr == "error: the provider refused: the affiliate account is already active\n"
    assert len(sandbox_db.rows("SELECT * FROM affiliates WHERE client_id = 1")) == 1

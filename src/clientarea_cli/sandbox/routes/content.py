"""What the provider publishes or sent: the account's e-mail history, announcements, the
knowledgebase, downloads, and the account's affiliate account.

Sandbox rules beyond the contract's shapes:
- announcements dated after the business date are not published yet (they appear once the clock
  is advanced past them);
- knowledgebase search (``q``) matches articles holding every word (case- and accent-insensitive)
  in the title or the body; a word in the title counts 10, each one in the body 1; best first,
  then by id;
- a download tied to products (``downloads.products``) is listed and served only to an account
  with an ``active`` service of one of them; to any other it does not exist (404);
- the affiliate account is activated once per account: a second activation is 409 ``conflict``.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata

from ..money import money
from ..params import Query
from ..router import Context, Router
from ..web import ApiError, Response, not_found
from .common import json_list, ok, path_id, select_page
from .requests import keyed, now_instant, record_email

TITLE_WEIGHT = 10
AFFILIATE_URL = "https://www.sandbox-hosting.net/?aff="


# -- e-mail history -----------------------------------------------------------------------------


def _email(row: sqlite3.Row, *, body: bool) -> dict[str, object]:
    email = {
        "id": row["id"],
        "date": row["date"],
        "subject": row["subject"],
        "to": row["to_address"],
    }
    if body:
        email["body"] = row["body"]
    return email


def list_emails(ctx: Context) -> Response:
    query = Query(ctx.request.query)
    page = query.page()
    query.check()
    with ctx.db.read() as conn:
        rows, total = select_page(
            conn, "emails", "client_id = ?", [ctx.client_id], "date DESC, id DESC", page
        )
    return ok(page.envelope([_email(row, body=False) for row in rows], total))


def get_email(ctx: Context) -> Response:
    email_id = path_id(ctx, "id", "e-mail")
    with ctx.db.read() as conn:
        row = conn.execute(
            "SELECT * FROM emails WHERE id = ? AND client_id = ?", (email_id, ctx.client_id)
        ).fetchone()
    if row is None:
        raise not_found("e-mail")
    return ok(_email(row, body=True))


# -- announcements ------------------------------------------------------------------------------


def _announcement(row: sqlite3.Row) -> dict[str, object]:
    return {"id": row["id"], "title": row["title"], "date": row["date"], "body": row["body"]}


def _published(ctx: Context) -> str:
    """Announcements dated up to the end of the business date are published."""
    return f"{ctx.today.isoformat()}T23:59:59Z"


def list_announcements(ctx: Context) -> Response:
    query = Query(ctx.request.query)
    page = query.page()
    query.check()
    with ctx.db.read() as conn:
        rows, total = select_page(
            conn, "announcements", "date <= ?", [_published(ctx)], "date DESC, id DESC", page
        )
    return ok(page.envelope([_announcement(row) for row in rows], total))


def get_announcement(ctx: Context) -> Response:
    announcement_id = path_id(ctx, "id", "announcement")
    with ctx.db.read() as conn:
        row = conn.execute(
            "SELECT * FROM announcements WHERE id = ? AND date <= ?",
            (announcement_id, _published(ctx)),
        ).fetchone()
    if row is None:
        raise not_found("announcement")
    return ok(_announcement(row))


# -- knowledgebase ------------------------------------------------------------------------------


def list_kb_categories(ctx: Context) -> Response:
    query = Query(ctx.request.query)
    page = query.page()
    query.check()
    with ctx.db.read() as conn:
        rows = conn.execute(
            "SELECT c.*, (SELECT count(*) FROM kb_articles a WHERE a.category_id = c.id) AS n"
            " FROM kb_categories c ORDER BY c.id"
        ).fetchall()
    items = [{"id": r["id"], "name": r["name"], "description": r["description"],
              "parent_id": r["parent_id"], "article_count": r["n"]} for r in rows]  # fmt: skip
    return ok(page.slice(items))


def _folded(text: str) -> str:
    """Lower case without accents, for matching."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _score(words: list[str], row: sqlite3.Row) -> int:
    title, body = _folded(str(row["title"])), _folded(str(row["body"]))
    score = 0
    for word in words:
        in_title, in_body = title.count(word), body.count(word)
        if not in_title and not in_body:
            return 0
        score += TITLE_WEIGHT * in_title + in_body
    return score


def _article(row: sqlite3.Row, *, body: bool) -> dict[str, object]:
    article = {"id": row["id"], "category_id": row["category_id"], "title": row["title"],
               "updated_at": row["updated_at"]}  # fmt: skip
    if body:
        article["body"] = row["body"]
    return article


def list_kb_articles(ctx: Context) -> Response:
    query = Query(ctx.request.query)
    text = query.text("q", max_length=200)
    category_id = query.integer("category_id", minimum=1)
    page = query.page()
    words = re.findall(r"\w+", _folded(text)) if text else []
    if text is not None and not words:
        query.errors["q"] = "must hold at least one word"
    with ctx.db.read() as conn:
        if (
            category_id is not None
            and not conn.execute(
                "SELECT 1 FROM kb_categories WHERE id = ?", (category_id,)
            ).fetchone()
        ):
            query.errors["category_id"] = "is not a knowledgebase category"
        query.check()
        where, args = ("category_id = ?", [category_id]) if category_id else ("1 = 1", [])
        sql = f"SELECT * FROM kb_articles WHERE {where} ORDER BY id"  # noqa: S608
        rows = conn.execute(sql, args).fetchall()
    if words:
        scored = [(score, row) for row in rows if (score := _score(words, row)) > 0]
        rows = [row for _, row in sorted(scored, key=lambda pair: (-pair[0], pair[1]["id"]))]
    return ok(page.slice([_article(row, body=False) for row in rows]))


def get_kb_article(ctx: Context) -> Response:
    article_id = path_id(ctx, "id", "article")
    with ctx.db.read() as conn:
        row = conn.execute("SELECT * FROM kb_articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise not_found("knowledgebase article")
    return ok(_article(row, body=True))


# -- downloads ----------------------------------------------------------------------------------


def _owned_products(conn: sqlite3.Connection, client_id: int) -> set[str]:
    rows = conn.execute(
        "SELECT DISTINCT product FROM services WHERE client_id = ? AND status = 'active'",
        (client_id,),
    ).fetchall()
    return {str(row["product"]) for row in rows}


def _available(conn: sqlite3.Connection, client_id: int) -> list[sqlite3.Row]:
    """The downloads this account may see: open to all, or tied to a product it has active."""
    owned = _owned_products(conn, client_id)
    rows = conn.execute("SELECT * FROM downloads ORDER BY id").fetchall()
    return [row for row in rows
            if not json_list(row["products"]) or owned & set(json_list(row["products"]))]  # fmt: skip


def _download(row: sqlite3.Row) -> dict[str, object]:
    return {"id": row["id"], "title": row["title"], "description": row["description"],
            "category": row["category"], "file_name": row["file_name"], "size": row["size"]}  # fmt: skip


def list_downloads(ctx: Context) -> Response:
    query = Query(ctx.request.query)
    page = query.page()
    query.check()
    with ctx.db.read() as conn:
        rows = _available(conn, ctx.client_id)
    return ok(page.slice([_download(row) for row in rows]))


def get_download_file(ctx: Context) -> Response:
    download_id = path_id(ctx, "id", "download")
    with ctx.db.read() as conn:
        found = [row for row in _available(conn, ctx.client_id) if row["id"] == download_id]
    if not found:
        raise not_found("download")
    row = found[0]
    name = str(row["file_name"]).replace('"', "")
    return Response(200, bytes(row["content"]), {
        "Content-Type": str(row["content_type"] or "application/octet-stream"),
        "Content-Disposition": f'attachment; filename="{name}"',
    })  # fmt: skip


# -- affiliate ----------------------------------------------------------------------------------


def _affiliate(row: sqlite3.Row | None) -> dict[str, object]:
    if row is None:
        return {"active": False, "referral_url": None, "activated_at": None, "visitors": None,
                "signups": None, "commission_pending": None, "commission_balance": None,
                "commission_withdrawn": None}  # fmt: skip
    currency = str(row["currency"])
    return {
        "active": True,
        "referral_url": AFFILIATE_URL + str(row["code"]),
        "activated_at": row["activated_at"],
        "visitors": row["visitors"],
        "signups": row["signups"],
        "commission_pending": money(str(row["commission_pending"]), currency),
        "commission_balance": money(str(row["commission_balance"]), currency),
        "commission_withdrawn": money(str(row["commission_withdrawn"]), currency),
    }


def get_affiliate(ctx: Context) -> Response:
    with ctx.db.read() as conn:
        row = conn.execute(
            "SELECT * FROM affiliates WHERE client_id = ?", (ctx.client_id,)
        ).fetchone()
    return ok(_affiliate(row))


def activate_affiliate(ctx: Context) -> Response:
    def handler() -> Response:
        with ctx.db.write() as conn:
            if conn.execute(
                "SELECT 1 FROM affiliates WHERE client_id = ?", (ctx.client_id,)
            ).fetchone():
                raise ApiError(409, "conflict", "the affiliate account is already active")
            client = conn.execute(
                "SELECT email, first_name, currency FROM clients WHERE id = ?", (ctx.client_id,)
            ).fetchone()
            code = str(1000 + 37 * ctx.client_id)
            when = now_instant(ctx)
            conn.execute(
                "INSERT INTO affiliates (client_id, code, activated_at, visitors, signups,"
                " currency, commission_pending, commission_balance, commission_withdrawn)"
                " VALUES (?, ?, ?, 0, 0, ?, '0.00', '0.00', '0.00')",
                (ctx.client_id, code, when, client["currency"]),
            )
            record_email(
                conn, ctx.client_id, str(client["email"]), "Your affiliate account is active",
                f"Hello {client['first_name']},\n\nyour affiliate account is active. Share this "
                f"link to earn commissions:\n{AFFILIATE_URL}{code}\n\nSandbox Hosting",
                when,
            )  # fmt: skip
            row = conn.execute(
                "SELECT * FROM affiliates WHERE client_id = ?", (ctx.client_id,)
            ).fetchone()
            return ok(_affiliate(row), 201)

    return keyed(ctx, handler)


def register(router: Router) -> None:
    router.add("GET", "/v1/emails", "listEmails", list_emails)
    router.add("GET", "/v1/emails/{id}", "getEmail", get_email)
    router.add("GET", "/v1/announcements", "listAnnouncements", list_announcements)
    router.add("GET", "/v1/announcements/{id}", "getAnnouncement", get_announcement)
    router.add("GET", "/v1/kb/categories", "listKbCategories", list_kb_categories)
    router.add("GET", "/v1/kb/articles", "listKbArticles", list_kb_articles)
    router.add("GET", "/v1/kb/articles/{id}", "getKbArticle", get_kb_article)
    router.add("GET", "/v1/downloads", "listDownloads", list_downloads)
    router.add("GET", "/v1/downloads/{id}/file", "getDownloadFile", get_download_file)
    router.add("GET", "/v1/affiliate", "getAffiliate", get_affiliate)
    router.add("POST", "/v1/affiliate/activation", "activateAffiliate", activate_affiliate)

"""Support tickets: departments, the account's tickets, opening, replying, closing.

The sandbox's ticket states (the contract's ``TicketStatus``):

- ``open``: opened by the customer, no staff answer yet;
- ``answered``: the staff answered (seeded tickets; the sandbox has no staff side);
- ``customer_reply``: the customer replied; any customer reply sets it, and a reply to a
  ``closed`` ticket reopens it so;
- ``on_hold``: parked by the staff (never set by a customer);
- ``closed``: closed by the customer (or the staff); closing a closed ticket changes nothing.

Staff-only notes (``ticket_messages.staff_only_note``) are never answered to the customer.
Attachments travel base64-encoded in the JSON body and must respect ``ATTACHMENT_LIMITS`` (also
published as ``Provider.ticket_attachments``); their bytes are kept in ``ticket_attachments``.
"""

from __future__ import annotations

import base64
import binascii
import json
import sqlite3
from typing import Any

from ..params import Query
from ..router import Context, Router
from ..web import Response, not_found, validation_failed
from .common import json_list, ok, path_id
from .requests import body_object, keyed, now_instant, text_problem, unknown_fields

STATUSES = ("open", "answered", "customer_reply", "on_hold", "closed")
PRIORITIES = ("low", "medium", "high")
MAX_SUBJECT, MAX_MESSAGE = 200, 65535
ATTACHMENT_LIMITS: dict[str, Any] = {
    "max_files": 5,
    "max_file_size": 2 * 1024 * 1024,
    "content_types": ["application/pdf", "image/gif", "image/jpeg", "image/png", "text/plain"],
}
# What the first bytes of each binary type look like (text/plain must be UTF-8 without NULs).
_MAGIC = {
    "application/pdf": (b"%PDF-",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
}
_SUMMARY_SQL = (
    "SELECT t.*, d.id AS department_id, d.name AS department_name FROM tickets t"
    " JOIN departments d ON d.slug = t.department"
)


# -- answers ------------------------------------------------------------------------------------


def _summary(row: sqlite3.Row) -> dict[str, object]:
    return {
        "id": row["id"],
        "number": row["number"],
        "subject": row["subject"],
        "department": row["department_name"],
        "department_id": row["department_id"],
        "status": row["status"],
        "priority": row["priority"],
        "service_id": row["service_id"],
        "domain": row["domain"],
        "created_at": row["created_at"],
        "last_reply_at": row["last_reply_at"],
    }


def _message(row: sqlite3.Row) -> dict[str, object]:
    return {
        "id": row["id"],
        "author": row["author"],
        "from_staff": bool(row["from_staff"]),
        "body": row["body"],
        "created_at": row["created_at"],
        "attachments": json_list(row["attachments"]),
    }


def _ticket(conn: sqlite3.Connection, ticket_id: int) -> dict[str, object]:
    row = conn.execute(f"{_SUMMARY_SQL} WHERE t.id = ?", (ticket_id,)).fetchone()
    messages = conn.execute(
        "SELECT * FROM ticket_messages WHERE ticket_id = ? AND staff_only_note = 0"
        " ORDER BY created_at, id",
        (ticket_id,),
    ).fetchall()
    return {**_summary(row), "messages": [_message(m) for m in messages]}


def _find(conn: sqlite3.Connection, ctx: Context) -> sqlite3.Row:
    """The account's ticket named in the path; another client's is not found (404)."""
    ticket_id = path_id(ctx, "id", "ticket")
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM tickets WHERE id = ? AND client_id = ?", (ticket_id, ctx.client_id)
    ).fetchone()
    if row is None:
        raise not_found("ticket")
    return row


# -- attachments --------------------------------------------------------------------------------


def _size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def _looks_like(kind: str, content: bytes) -> bool:
    if kind != "text/plain":
        return content.startswith(_MAGIC[kind])
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in content


def _attachment_problem(item: object) -> tuple[dict[str, Any] | None, str | None]:
    """One ``AttachmentUpload``: (the decoded file, None) or (None, why not)."""
    if not isinstance(item, dict):
        return None, "must be an object with name, content_type and content_base64"
    extra = [k for k in item if k not in ("name", "content_type", "content_base64")]
    if extra:
        return None, f"{extra[0]} is not a field of an attachment"
    name, kind, encoded = item.get("name"), item.get("content_type"), item.get("content_base64")
    if not isinstance(name, str) or not 1 <= len(name.strip()) <= 255:
        return None, "name must be 1 to 255 characters"
    if "/" in name or "\\" in name:
        return None, "name must be a file name, without folders"
    types: list[str] = ATTACHMENT_LIMITS["content_types"]
    if kind not in types:
        return None, f"content_type must be one of {', '.join(types)}"
    if not isinstance(encoded, str):
        return None, "content_base64 must be the file's bytes, base64-encoded"
    try:
        content = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        return None, "content_base64 is not valid base64"
    limit: int = ATTACHMENT_LIMITS["max_file_size"]
    if not content:
        return None, f"{name} is empty"
    if len(content) > limit:
        return None, f"{name} is {_size_text(len(content))}; at most {_size_text(limit)} per file"
    if not _looks_like(str(kind), content):
        return None, f"the content of {name} is not {kind}"
    return {"name": name.strip(), "content_type": kind, "content": content}, None


_ABSENT = object()


def attachment_problems(value: object) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The body's ``attachments`` (absent = none; null is not a list), decoded, or the problems
    keyed ``attachments`` (the list) and ``attachments.<index>`` (one file)."""
    if value is _ABSENT:
        return [], {}
    if not isinstance(value, list):
        return [], {"attachments": "must be a list of files ([] for none)"}
    most: int = ATTACHMENT_LIMITS["max_files"]
    if len(value) > most:
        return [], {"attachments": f"at most {most} files per message, not {len(value)}"}
    files: list[dict[str, Any]] = []
    problems: dict[str, str] = {}
    for index, item in enumerate(value):
        file, problem = _attachment_problem(item)
        if problem is not None:
            problems[f"attachments.{index}"] = problem
        elif file is not None:
            files.append(file)
    return files, problems


def _add_message(
    conn: sqlite3.Connection, ticket_id: int, author: str, body: str, files: list[dict[str, Any]],
    when: str,
) -> sqlite3.Row:  # fmt: skip
    listed = [{"name": f["name"], "size": len(f["content"]), "content_type": f["content_type"]}
              for f in files]  # fmt: skip
    cursor = conn.execute(
        "INSERT INTO ticket_messages (ticket_id, author, from_staff, staff_only_note, body,"
        " attachments, created_at) VALUES (?, ?, 0, 0, ?, ?, ?)",
        (ticket_id, author, body, json.dumps(listed, ensure_ascii=False), when),
    )
    message_id = cursor.lastrowid
    conn.executemany(
        "INSERT INTO ticket_attachments (message_id, name, content_type, size, content)"
        " VALUES (?, ?, ?, ?, ?)",
        [(message_id, f["name"], f["content_type"], len(f["content"]), f["content"])
         for f in files],
    )  # fmt: skip
    row: sqlite3.Row = conn.execute(
        "SELECT * FROM ticket_messages WHERE id = ?", (message_id,)
    ).fetchone()
    return row


def _author(conn: sqlite3.Connection, client_id: int) -> str:
    row = conn.execute(
        "SELECT first_name, last_name FROM clients WHERE id = ?", (client_id,)
    ).fetchone()
    return f"{row['first_name']} {row['last_name']}".strip()


# -- handlers -----------------------------------------------------------------------------------


def list_departments(ctx: Context) -> Response:
    query = Query(ctx.request.query)
    page = query.page()
    query.check()
    with ctx.db.read() as conn:
        rows = conn.execute("SELECT * FROM departments ORDER BY id").fetchall()
    items = [{"id": r["id"], "name": r["name"], "description": r["description"]} for r in rows]
    return ok(page.slice(items))


def list_tickets(ctx: Context) -> Response:
    query = Query(ctx.request.query)
    status = query.choice("status", STATUSES)
    page = query.page()
    query.check()
    where = "t.client_id = ?"
    args: list[object] = [ctx.client_id]
    if status:
        where += " AND t.status = ?"
        args.append(status)
    with ctx.db.read() as conn:
        total = conn.execute(f"SELECT count(*) FROM tickets t WHERE {where}", args).fetchone()[0]  # noqa: S608
        rows = conn.execute(
            f"{_SUMMARY_SQL} WHERE {where} ORDER BY t.last_reply_at DESC, t.id DESC"
            " LIMIT ? OFFSET ?",
            [*args, page.per_page, page.offset],
        ).fetchall()
    return ok(page.envelope([_summary(row) for row in rows], int(total)))


def get_ticket(ctx: Context) -> Response:
    with ctx.db.read() as conn:
        return ok(_ticket(conn, int(_find(conn, ctx)["id"])))


def _ticket_number(conn: sqlite3.Connection, ticket_id: int) -> str:
    """A public number derived from the id (deterministic), skipping any number in use."""
    n = ticket_id * 7919 % 900000 + 100000
    while conn.execute("SELECT 1 FROM tickets WHERE number = ?", (f"TKT-{n}",)).fetchone():
        n = n + 1 if n < 999999 else 100000
    return f"TKT-{n}"


def _subject_of(
    conn: sqlite3.Connection, ctx: Context, body: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, str]]:
    """The ticket's head fields from the body: department, subject, priority, service, domain."""
    problems = unknown_fields(body, ("department_id", "subject", "message", "priority",
                                     "service_id", "domain", "attachments"))  # fmt: skip
    head: dict[str, Any] = {}
    department_id = body.get("department_id")
    department = None
    if isinstance(department_id, int) and not isinstance(department_id, bool):
        department = conn.execute(
            "SELECT slug FROM departments WHERE id = ?", (department_id,)
        ).fetchone()
    if department is None:
        problems["department_id"] = "must be the id of a department (GET /v1/tickets/departments)"
    else:
        head["department"] = department["slug"]
    if (problem := text_problem(body.get("subject"), MAX_SUBJECT)) is not None:
        problems["subject"] = problem
    else:
        head["subject"] = str(body["subject"]).strip()
    priority = body.get("priority", "medium")
    if priority not in PRIORITIES:
        problems["priority"] = "must be one of " + ", ".join(PRIORITIES)
    head["priority"] = priority
    service_id, domain = body.get("service_id"), body.get("domain")
    head["service_id"], head["domain"] = None, None
    if service_id is not None:
        service = None
        if isinstance(service_id, int) and not isinstance(service_id, bool):
            service = conn.execute(
                "SELECT id, domain FROM services WHERE id = ? AND client_id = ?",
                (service_id, ctx.client_id),
            ).fetchone()
        if service is None:
            problems["service_id"] = "is not a service of this account"
        else:
            head["service_id"], head["domain"] = service["id"], service["domain"]
    if domain is not None:
        row = None
        if isinstance(domain, str):
            row = conn.execute(
                "SELECT name FROM domains WHERE name = ? AND client_id = ?",
                (domain.strip().lower().removesuffix("."), ctx.client_id),
            ).fetchone()
        if row is None:
            problems["domain"] = "is not a domain of this account"
        else:
            head["domain"] = row["name"]
    return head, problems


def create_ticket(ctx: Context) -> Response:
    def handler() -> Response:
        body = body_object(ctx)
        with ctx.db.write() as conn:
            head, problems = _subject_of(conn, ctx, body)
            if (problem := text_problem(body.get("message"), MAX_MESSAGE)) is not None:
                problems["message"] = problem
            files, file_problems = attachment_problems(body.get("attachments", _ABSENT))
            problems.update(file_problems)
            if problems:
                raise validation_failed(problems)
            when = now_instant(ctx)
            row = conn.execute("SELECT max(id) FROM tickets").fetchone()
            ticket_id = int(row[0] or 0) + 1
            conn.execute(
                "INSERT INTO tickets (id, client_id, number, subject, department, status, priority,"
                " service_id, domain, created_at, last_reply_at)"
                " VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)",
                (ticket_id, ctx.client_id, _ticket_number(conn, ticket_id), head["subject"],
                 head["department"], head["priority"], head["service_id"], head["domain"], when,
                 when),
            )  # fmt: skip
            author = _author(conn, ctx.client_id)
            _add_message(conn, ticket_id, author, str(body["message"]), files, when)
            return ok(_ticket(conn, ticket_id), 201)

    return keyed(ctx, handler)


def reply_to_ticket(ctx: Context) -> Response:
    def handler() -> Response:
        body = body_object(ctx)
        with ctx.db.write() as conn:
            ticket = _find(conn, ctx)
            problems = unknown_fields(body, ("message", "attachments"))
            if (problem := text_problem(body.get("message"), MAX_MESSAGE)) is not None:
                problems["message"] = problem
            files, file_problems = attachment_problems(body.get("attachments", _ABSENT))
            problems.update(file_problems)
            if problems:
                raise validation_failed(problems)
            when = now_instant(ctx)
            author = _author(conn, ctx.client_id)
            message = _add_message(conn, int(ticket["id"]), author, str(body["message"]), files,
                                   when)  # fmt: skip
            conn.execute(
                "UPDATE tickets SET status = 'customer_reply', last_reply_at = ? WHERE id = ?",
                (when, ticket["id"]),
            )
            return ok(_message(message), 201)

    return keyed(ctx, handler)


def close_ticket(ctx: Context) -> Response:
    with ctx.db.write() as conn:
        ticket = _find(conn, ctx)
        if ticket["status"] != "closed":
            conn.execute("UPDATE tickets SET status = 'closed' WHERE id = ?", (ticket["id"],))
        return ok(_ticket(conn, int(ticket["id"])))


def register(router: Router) -> None:
    router.add("GET", "/v1/tickets/departments", "listTicketDepartments", list_departments)
    router.add("GET", "/v1/tickets", "listTickets", list_tickets)
    router.add("POST", "/v1/tickets", "createTicket", create_ticket)
    router.add("GET", "/v1/tickets/{id}", "getTicket", get_ticket)
    router.add("POST", "/v1/tickets/{id}/replies", "replyToTicket", reply_to_ticket)
    router.add("POST", "/v1/tickets/{id}/close", "closeTicket", close_ticket)

"""Changing the account: details, password, security question, e-mail verification, and the
password-reset request that needs no login.

Sandbox rules beyond the contract's shapes:
- fields are checked as in ``people_rules``: ISO country, ``+CC.NUMBER`` phone, tax id of 4 to 50
  letters, digits, spaces, dots, hyphens or slashes (with a digit), BCP 47 language tag;
- an e-mail address already used by another account is refused (422 ``email``); changing the
  address unverifies it and e-mails a verification link to the new one;
- every e-mail the provider "sends" (verification links, reset links) is kept in the account's
  e-mail history (``GET /v1/emails``), which is how tests see them;
- ``POST /v1/password-reset`` answers 202 to any well-formed address, known or not, and allows
  ``RESET_LIMIT`` requests per address per hour (real time): then 429 with ``Retry-After``.
"""

from __future__ import annotations

import hmac
import secrets
import sqlite3
from datetime import UTC, datetime, timedelta

from ..people_rules import ACCOUNT_FIELDS, READ_ONLY_ACCOUNT, field_problems, password_problem
from ..router import Context, Router
from ..seed.common import key_hash, password_hash
from ..validation import email_problem
from ..web import ApiError, Response, validation_failed
from .account import _account
from .common import ok
from .requests import body_object, no_content, now_instant, record_email, text_problem

RESET_LIMIT = 3
RESET_WINDOW = timedelta(hours=1)
_INSTANT = "%Y-%m-%dT%H:%M:%SZ"
VERIFY_URL = "https://clients.sandbox-hosting.net/verify-email?token="
RESET_URL = "https://clients.sandbox-hosting.net/password-reset?token="


def _client(conn: sqlite3.Connection, client_id: int) -> sqlite3.Row:
    row: sqlite3.Row = conn.execute("SELECT * FROM clients WHERE id = ?", (client_id,)).fetchone()
    return row


def _send_verification(conn: sqlite3.Connection, ctx: Context, email: str, name: str) -> None:
    link = VERIFY_URL + secrets.token_urlsafe(16)
    record_email(
        conn, ctx.client_id, email, "Please confirm your e-mail address",
        f"Hello {name},\n\nplease confirm that {email} is your address by opening this link "
        f"within 7 days:\n{link}\n\nSandbox Hosting",
        now_instant(ctx),
    )  # fmt: skip


def update_account(ctx: Context) -> Response:
    body = body_object(ctx)
    with ctx.db.write() as conn:
        problems = {
            key: "cannot be changed"
            if key in READ_ONLY_ACCOUNT
            else "is not a field of this request"
            for key in body
            if key not in ACCOUNT_FIELDS
        }
        values, field_issues = field_problems(body, ACCOUNT_FIELDS)
        problems.update(field_issues)
        if not body:
            problems["body"] = "give at least one field to change"
        current = _client(conn, ctx.client_id)
        email = values.get("email")
        if email is not None and email.lower() != str(current["email"]).lower():
            taken = conn.execute(
                "SELECT 1 FROM clients WHERE lower(email) = lower(?) AND id != ?",
                (email, ctx.client_id),
            ).fetchone()
            if taken:
                problems["email"] = "is already used by another account"
        if problems:
            raise validation_failed(problems)
        changes = {k: v for k, v in values.items() if v != current[k]}
        if changes:
            columns = ", ".join(f"{name} = ?" for name in changes)
            conn.execute(
                f"UPDATE clients SET {columns} WHERE id = ?",  # noqa: S608 - names are ours
                (*changes.values(), ctx.client_id),
            )
        if "email" in changes:
            conn.execute("UPDATE clients SET email_verified = 0 WHERE id = ?", (ctx.client_id,))
            updated = _client(conn, ctx.client_id)
            _send_verification(conn, ctx, str(updated["email"]), str(updated["first_name"]))
        return ok(_account(_client(conn, ctx.client_id)))


def _password_matches(password: str, stored: str | None) -> bool:
    if not stored or stored.count("$") != 3:
        return False
    _scheme, _rounds, salt, _digest = stored.split("$")
    return hmac.compare_digest(password_hash(password, bytes.fromhex(salt)), stored)


def change_password(ctx: Context) -> Response:
    body = body_object(ctx)
    with ctx.db.write() as conn:
        client = _client(conn, ctx.client_id)
        problems = {k: "is not a field of this request" for k in body
                    if k not in ("current_password", "new_password")}  # fmt: skip
        current, new = body.get("current_password"), body.get("new_password")
        if not isinstance(current, str) or not current:
            problems["current_password"] = "is required"
        elif not _password_matches(current, client["password_hash"]):
            problems["current_password"] = "is not the current password"
        if (problem := password_problem(new, client)) is not None:
            problems["new_password"] = problem
        elif new == current:
            problems["new_password"] = "must differ from the current password"
        if problems:
            raise validation_failed(problems)
        stored = password_hash(str(new), secrets.token_bytes(16))
        conn.execute("UPDATE clients SET password_hash = ? WHERE id = ?", (stored, ctx.client_id))
    return no_content()


def set_security_question(ctx: Context) -> Response:
    body = body_object(ctx)
    problems = {k: "is not a field of this request" for k in body
                if k not in ("question", "answer")}  # fmt: skip
    for field in ("question", "answer"):
        if (problem := text_problem(body.get(field), 200)) is not None:
            problems[field] = problem
    if problems:
        raise validation_failed(problems)
    question = str(body["question"]).strip()
    answer = key_hash(f"{ctx.client_id}:{str(body['answer']).strip().lower()}")
    with ctx.db.write() as conn:
        conn.execute(
            "UPDATE clients SET security_question = ?, security_answer_hash = ? WHERE id = ?",
            (question, answer, ctx.client_id),
        )
    return no_content()


def request_email_verification(ctx: Context) -> Response:
    with ctx.db.write() as conn:
        client = _client(conn, ctx.client_id)
        if client["email_verified"]:
            raise ApiError(409, "conflict", f"{client['email']} is already verified")
        _send_verification(conn, ctx, str(client["email"]), str(client["first_name"]))
    return no_content(202)


def request_password_reset(ctx: Context) -> Response:
    body = body_object(ctx)
    problems = {k: "is not a field of this request" for k in body if k != "email"}
    email = body.get("email")
    if not isinstance(email, str) or not email.strip():
        problems["email"] = "is required"
    elif len(email.strip()) > 254 or email_problem(email.strip()) is not None:
        problems["email"] = "is not an e-mail address"
    if problems:
        raise validation_failed(problems)
    address = str(email).strip().lower()
    now = datetime.now(UTC)
    with ctx.db.write() as conn:
        recent = conn.execute(
            "SELECT requested_at FROM password_resets WHERE email = ? AND requested_at >= ?"
            " ORDER BY requested_at",
            (address, (now - RESET_WINDOW).strftime(_INSTANT)),
        ).fetchall()
        if len(recent) >= RESET_LIMIT:
            oldest = datetime.strptime(str(recent[0][0]), _INSTANT).replace(tzinfo=UTC)
            wait = max(1, int((oldest + RESET_WINDOW - now).total_seconds()) + 1)
            raise ApiError(
                429, "rate_limited", "too many password-reset requests for this address; retry later",
                headers={"Retry-After": str(wait)},
            )  # fmt: skip
        conn.execute(
            "INSERT INTO password_resets (email, requested_at) VALUES (?, ?)",
            (address, now.strftime(_INSTANT)),
        )
        client = conn.execute(
            "SELECT id, email, first_name FROM clients WHERE lower(email) = ?", (address,)
        ).fetchone()
        if client is not None:
            record_email(
                conn, int(client["id"]), str(client["email"]), "Password reset request",
                f"Hello {client['first_name']},\n\nsomeone asked to reset the password of your "
                f"client area. If it was you, open this link within one hour:\n"
                f"{RESET_URL}{secrets.token_urlsafe(16)}\n\nIf it was not, ignore this e-mail: "
                "your password stays as it is.\n\nSandbox Hosting",
                now_instant(ctx),
            )  # fmt: skip
    return no_content(202)


def register(router: Router) -> None:
    router.add("PATCH", "/v1/account", "updateAccount", update_account)
    router.add("POST", "/v1/account/password", "changeAccountPassword", change_password)
    router.add("PUT", "/v1/account/security-question", "setSecurityQuestion",
               set_security_question)  # fmt: skip
    router.add("POST", "/v1/account/email-verification", "requestEmailVerification",
               request_email_verification)  # fmt: skip
    router.add("POST", "/v1/password-reset", "requestPasswordReset", request_password_reset,
               auth=False)  # fmt: skip

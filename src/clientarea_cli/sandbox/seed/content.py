"""Seeded content: department descriptions, the e-mails sent to each account, announcements,
the knowledgebase, downloads (some only for owners of a product) and Bruno's affiliate account.

Nothing here draws from the seed's random generator, so the rest of the seed stays as it was.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

from ..schema_support import DEPARTMENT_DESCRIPTIONS
from .common import ANA_ID, BRUNO_ID, insert, instant

FIRST_EMAIL_ID = 801
# title, days from today (negative: in the past), hour, body
_ANNOUNCEMENTS = [
    ("New data centre in Madrid", -60, 9,
     "Our second data centre, in Madrid, is open. New VPS can be ordered there from today; "
     "existing ones can move at no cost: open a ticket to Technical Support."),
    ("Scheduled maintenance of srv3", -20, 16,
     "On the night of the maintenance window srv3.sandbox-hosting.net restarts for a kernel "
     "update. Expect up to 15 minutes without service between 02:00 and 04:00 CET."),
    ("Price changes for .es domains", -3, 11,
     "Red.es raises its registry fee next year. Renewals of .es domains invoiced from January "
     "cost 0.50 EUR more per year; renew early to keep the current price."),
    ("Holiday support hours", 10, 8,
     "Over the holidays the support desk answers from 10:00 to 18:00 CET. Emergencies about "
     "servers that are down are handled around the clock."),
]  # fmt: skip

# id, name, description, parent id
_KB_CATEGORIES = [
    (1, "Getting started", "Your client area, tickets and first steps.", None),
    (2, "Domains", "Registering, transferring and renewing domains.", None),
    (3, "DNS", "Records, zones and propagation.", 2),
    (4, "E-mail", "Mailboxes and e-mail clients.", None),
    (5, "Billing", "Invoices, credit and automatic renewals.", None),
]
# id, category id, title, days since the last update, body
_KB_ARTICLES = [
    (1, 1, "How to open an effective support ticket", 120,
     "Open the ticket to the right department and name the service or domain it is about. "
     "Describe what you expected and what happened, with the exact error message, and attach a "
     "screenshot or a log (PDF, PNG, JPEG, GIF or plain text, up to 2 MB each)."),
    (2, 1, "Using the client area from the command line", 15,
     "The clientarea command does everything the web client area does: list services and "
     "domains, pay invoices, open tickets. Log in once with an API key from your profile page."),
    (3, 2, "Transferring a domain to another registrar", 200,
     "Unlock the domain, then ask for its transfer (EPP) code. Give the code to the new "
     "registrar; the transfer completes within five days. Domains registered or transferred in "
     "the last 60 days cannot be transferred."),
    (4, 2, "Changing the registrant of a .es or .eu domain", 90,
     "A change of registrant (the owner) is a trade: the new owner must accept it by e-mail. "
     "Update the registrant contact of the domain, then follow the link the registry sends."),
    (5, 3, "Adding an MX record for your e-mail", 45,
     "An MX record tells the world which server receives e-mail for your domain. Add one at the "
     "apex (@) with the mail server's host name and a priority; lower numbers are tried first. "
     "DNS changes take effect within the record's TTL."),
    (6, 3, "How long does DNS propagation take?", 300,
     "A change to a DNS record is seen everywhere once the old record's TTL has passed, usually "
     "within an hour. A change of name servers can take up to 48 hours."),
    (7, 4, "Configuring your e-mail client (IMAP and SMTP)", 60,
     "Incoming: IMAP on mail.your-domain, port 993 with SSL. Outgoing: SMTP on the same host, "
     "port 465 with SSL or 587 with STARTTLS. The user name is the whole e-mail address."),
    (8, 5, "Paying with account credit", 30,
     "Account credit pays invoices only when you apply it by hand when paying. Credit is never "
     "used for automatic renewals: those are charged to the card or direct debit of each service."),
    (9, 5, "Automatic renewal with a card or direct debit", 10,
     "Add a card or a bank account under payment methods and validate it. Then choose it as the "
     "recurring payment method of each service or domain; domains renew automatically only with "
     "a validated card. A card that expires before the renewal makes the charge fail."),
]  # fmt: skip

_PDF = b"%PDF-1.4\n% Sandbox Hosting quick start\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
# id, title, description, category, file name, content type, content, products (none: everyone)
_DOWNLOADS: list[tuple[int, str, str | None, str | None, str, str, bytes, list[str]]] = [
    (1, "Client area quick start", "Log in, pay an invoice, open a ticket.", "Guides",
     "quick-start.pdf", "application/pdf", _PDF, []),
    (2, "Backup restore tool", "Restores a full cPanel backup into your hosting account.",
     "Hosting", "backup-restore.sh", "text/x-shellscript",
     b"#!/bin/sh\n# Sandbox Hosting backup restore tool\necho restoring \"$1\"\n",
     ["Hosting Pro", "Hosting Start", "WordPress Managed"]),
    (3, "VPS rescue image checksums", "SHA-256 sums of the current rescue images.", "VPS",
     "vps-rescue-SHA256SUMS.txt", "text/plain",
     b"3f2c9a1e0b7d4c5a6e8f9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e  rescue-2026.iso\n",
     ["VPS M"]),
    (4, "WordPress migration plugin", "Moves a WordPress site into WordPress Managed.",
     "WordPress", "wp-migrate.zip", "application/zip", b"PK\x05\x06" + bytes(18),
     ["WordPress Managed"]),
    (5, "Outlook profile for Email Business", None, "E-mail", "email-business.prf",
     "application/octet-stream", b"[General]\nProfileName=Email Business\n", ["Email Business"]),
]  # fmt: skip


def _ticket_number(conn: sqlite3.Connection, client_id: int, subject_start: str) -> str:
    row = conn.execute(
        "SELECT number FROM tickets WHERE client_id = ? AND subject LIKE ? ORDER BY id",
        (client_id, subject_start + "%"),
    ).fetchone()
    return str(row[0]) if row else "TKT-000000"


def _emails(conn: sqlite3.Connection, today: date) -> list[tuple[int, str, int, int, str, str]]:
    """(client, address, days ago, hour, subject, body), oldest first."""
    mail_ticket = _ticket_number(conn, ANA_ID, "info@tapas-madrid.es")
    transfer_ticket = _ticket_number(conn, ANA_ID, "Transfer barcelona-bikes.eu")
    ssl_ticket = _ticket_number(conn, BRUNO_ID, "SSL certificate")
    ana, bruno = "ana@example.com", "bruno@example.org"
    return [
        (ANA_ID, ana, 900, 9, "Welcome to Sandbox Hosting",
         "Hello Ana,\n\nwelcome! Your client area is ready: log in with this address.\n\n"
         "Sandbox Hosting"),
        (BRUNO_ID, bruno, 500, 9, "Willkommen bei Sandbox Hosting",
         "Hallo Bruno,\n\nIhr Kundenbereich ist bereit.\n\nSandbox Hosting"),
        (ANA_ID, ana, 14, 7, "Domains expiring within 30 days",
         "Hello Ana,\n\nsome of your domains expire within 30 days. Those with recurring payment "
         "renew by themselves; renew the others from your client area.\n\nSandbox Hosting"),
        (ANA_ID, ana, 5, 6, "Service suspended: Email Business - tapas-madrid.es",
         "Hello Ana,\n\nEmail Business (tapas-madrid.es) is suspended because its invoice is "
         "overdue. It is reactivated as soon as the invoice is paid.\n\nSandbox Hosting"),
        (ANA_ID, ana, 4, 10, f"[{mail_ticket}] info@tapas-madrid.es is not receiving e-mail",
         "Hello Ana,\n\nyour ticket has a new answer from Technical Support. Read it in your "
         "client area.\n\nSandbox Hosting"),
        (BRUNO_ID, bruno, 2, 8, f"[{ssl_ticket}] SSL certificate for keller-web.ch",
         "Hallo Bruno,\n\nwir haben Ihr Ticket erhalten und antworten bald.\n\nSandbox Hosting"),
        (ANA_ID, ana, 1, 17, f"[{transfer_ticket}] Transfer barcelona-bikes.eu to a new owner",
         "Hello Ana,\n\nwe received your ticket and will answer soon.\n\nSandbox Hosting"),
    ]  # fmt: skip


def seed_content(conn: sqlite3.Connection, today: date) -> None:
    conn.executemany(
        "UPDATE departments SET description = ? WHERE slug = ?",
        [(text, slug) for slug, text in DEPARTMENT_DESCRIPTIONS.items()],
    )
    for offset, (client_id, to, days_ago, hour, subject, body) in enumerate(_emails(conn, today)):
        insert(conn, "emails", {
            "id": FIRST_EMAIL_ID + offset, "client_id": client_id,
            "date": instant(today - timedelta(days=days_ago), hour), "subject": subject,
            "to_address": to, "body": body,
        })  # fmt: skip
    for number, (title, days, hour, body) in enumerate(_ANNOUNCEMENTS, 1):
        when = instant(today + timedelta(days=days), hour)
        insert(conn, "announcements", {"id": number, "title": title, "date": when, "body": body})
    for category_id, name, description, parent in _KB_CATEGORIES:
        insert(conn, "kb_categories", {"id": category_id, "name": name,
                                       "description": description, "parent_id": parent})  # fmt: skip
    for article_id, category_id, title, days_ago, body in _KB_ARTICLES:
        insert(conn, "kb_articles", {
            "id": article_id, "category_id": category_id, "title": title, "body": body,
            "updated_at": instant(today - timedelta(days=days_ago), 12),
        })  # fmt: skip
    for download_id, title, about, category, name, kind, content, products in _DOWNLOADS:
        insert(conn, "downloads", {
            "id": download_id, "title": title, "description": about, "category": category,
            "file_name": name, "content_type": kind, "size": len(content), "content": content,
            "products": json.dumps(products),
        })  # fmt: skip
    insert(conn, "affiliates", {
        "client_id": BRUNO_ID, "code": str(1000 + 37 * BRUNO_ID),
        "activated_at": instant(today - timedelta(days=200), 15), "visitors": 312, "signups": 4,
        "currency": "CHF", "commission_pending": "45.00", "commission_balance": "120.50",
        "commission_withdrawn": "200.00",
    })  # fmt: skip

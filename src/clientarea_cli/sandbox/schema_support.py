"""Migration 5 of the sandbox schema: support, account and content."""

from __future__ import annotations

DEPARTMENT_DESCRIPTIONS = {
    "support": "Hosting, e-mail, DNS and server problems.",
    "billing": "Invoices, payments, refunds and account credit.",
    "sales": "Questions before you order: plans, upgrades and offers.",
    "domains": "Registrations, transfers, renewals and registrant changes.",
}

# Version 5: support, account and content. Ticket attachments' bytes, the account's e-mail
# history, announcements, the knowledgebase, downloads (``products``: a JSON list of product names
# whose active owners may get it; empty for everyone), affiliate accounts, password-reset requests
# (rate limits), and department descriptions.
V5 = [
    "ALTER TABLE departments ADD COLUMN description TEXT",
    "CREATE INDEX tickets_by_client ON tickets (client_id, last_reply_at)",
    "CREATE INDEX ticket_messages_by_ticket ON ticket_messages (ticket_id)",
    """CREATE TABLE ticket_attachments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        message_id INTEGER NOT NULL REFERENCES ticket_messages(id),
        name TEXT NOT NULL,
        content_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        content BLOB NOT NULL
    )""",
    """CREATE TABLE emails (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        date TEXT NOT NULL,
        subject TEXT NOT NULL,
        to_address TEXT NOT NULL,
        body TEXT NOT NULL
    )""",
    "CREATE INDEX emails_by_client ON emails (client_id, date)",
    """CREATE TABLE announcements (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        date TEXT NOT NULL,
        body TEXT NOT NULL
    )""",
    """CREATE TABLE kb_categories (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        description TEXT,
        parent_id INTEGER REFERENCES kb_categories(id)
    )""",
    """CREATE TABLE kb_articles (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        category_id INTEGER NOT NULL REFERENCES kb_categories(id),
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE downloads (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        description TEXT,
        category TEXT,
        file_name TEXT NOT NULL,
        content_type TEXT,
        size INTEGER NOT NULL,
        content BLOB NOT NULL,
        products TEXT NOT NULL DEFAULT '[]'
    )""",
    """CREATE TABLE affiliates (
        client_id INTEGER PRIMARY KEY REFERENCES clients(id),
        code TEXT NOT NULL UNIQUE,
        activated_at TEXT NOT NULL,
        visitors INTEGER NOT NULL DEFAULT 0,
        signups INTEGER NOT NULL DEFAULT 0,
        currency TEXT NOT NULL,
        commission_pending TEXT NOT NULL DEFAULT '0.00',
        commission_balance TEXT NOT NULL DEFAULT '0.00',
        commission_withdrawn TEXT NOT NULL DEFAULT '0.00'
    )""",
    """CREATE TABLE password_resets (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        email TEXT NOT NULL,
        requested_at TEXT NOT NULL
    )""",
    "CREATE INDEX password_resets_by_email ON password_resets (email, requested_at)",
    *(
        f"UPDATE departments SET description = '{text}' WHERE slug = '{slug}'"  # noqa: S608
        for slug, text in DEPARTMENT_DESCRIPTIONS.items()
    ),
]

# version -> the statements that bring a database from version - 1 to it.

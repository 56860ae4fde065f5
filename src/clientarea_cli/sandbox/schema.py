"""The sandbox's SQLite schema, as numbered migrations.

Designed for the whole product, not only the operations served today. Money columns are TEXT
holding a Decimal string ("12.50"); dates are ISO text ("2026-11-22"), instants ISO UTC
("2026-11-22T10:00:00Z"); booleans are 0/1; lists are JSON text. Every row that belongs to a
customer carries ``client_id`` (directly or through its parent) for tenant isolation.
"""

from __future__ import annotations

from .schema_catalog import V4
from .schema_support import V5

_V1 = [
    """CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE clients (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        email TEXT NOT NULL UNIQUE,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        company TEXT,
        address1 TEXT,
        address2 TEXT,
        city TEXT,
        state TEXT,
        postcode TEXT,
        country TEXT NOT NULL,
        phone TEXT,
        tax_id TEXT,
        currency TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT 'en',
        email_verified INTEGER NOT NULL DEFAULT 0,
        security_question TEXT,
        security_answer_hash TEXT,
        password_hash TEXT,
        api_key_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE contacts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        company TEXT,
        email TEXT NOT NULL,
        phone TEXT,
        address1 TEXT,
        city TEXT,
        postcode TEXT,
        country TEXT,
        email_kinds TEXT NOT NULL DEFAULT '[]',
        is_billing INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE payment_methods (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        type TEXT NOT NULL CHECK (type IN ('card', 'bank_account')),
        brand TEXT,
        last4 TEXT NOT NULL,
        holder TEXT NOT NULL,
        exp_month INTEGER,
        exp_year INTEGER,
        bank_name TEXT,
        validated INTEGER NOT NULL DEFAULT 0,
        is_default INTEGER NOT NULL DEFAULT 0,
        deleted INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE services (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        product TEXT NOT NULL,
        group_name TEXT NOT NULL,
        domain TEXT,
        status TEXT NOT NULL,
        billing_cycle TEXT NOT NULL,
        currency TEXT NOT NULL,
        first_payment TEXT NOT NULL,
        recurring_amount TEXT NOT NULL,
        registration_date TEXT NOT NULL,
        next_due_date TEXT,
        payment_method_id INTEGER REFERENCES payment_methods(id),
        username TEXT,
        server_host TEXT,
        options TEXT NOT NULL DEFAULT '{}',
        cancel_when TEXT,
        cancel_reason TEXT,
        cancel_requested_at TEXT
    )""",
    """CREATE TABLE addons (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        service_id INTEGER NOT NULL REFERENCES services(id),
        name TEXT NOT NULL,
        status TEXT NOT NULL,
        billing_cycle TEXT NOT NULL,
        recurring_amount TEXT NOT NULL,
        next_due_date TEXT
    )""",
    """CREATE TABLE domains (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        name TEXT NOT NULL UNIQUE,
        tld TEXT NOT NULL,
        status TEXT NOT NULL,
        registration_date TEXT NOT NULL,
        expiry_date TEXT NOT NULL,
        next_due_date TEXT NOT NULL,
        registration_period INTEGER NOT NULL DEFAULT 1,
        currency TEXT NOT NULL,
        recurring_amount TEXT NOT NULL,
        auto_renew INTEGER NOT NULL DEFAULT 0,
        registrar_lock INTEGER NOT NULL DEFAULT 0,
        id_protection INTEGER NOT NULL DEFAULT 0,
        recurring_enabled INTEGER NOT NULL DEFAULT 0,
        recurring_payment_method_id INTEGER REFERENCES payment_methods(id),
        recurring_contact_id INTEGER REFERENCES contacts(id),
        nameservers TEXT NOT NULL DEFAULT '[]',
        whois_contacts TEXT NOT NULL DEFAULT '{}',
        epp_code TEXT
    )""",
    "CREATE INDEX domains_by_client ON domains (client_id, expiry_date, name)",
    """CREATE TABLE child_nameservers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        domain_id INTEGER NOT NULL REFERENCES domains(id),
        host TEXT NOT NULL,
        ips TEXT NOT NULL DEFAULT '[]',
        UNIQUE (domain_id, host)
    )""",
    """CREATE TABLE dns_records (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        domain_id INTEGER NOT NULL REFERENCES domains(id),
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        ttl INTEGER NOT NULL DEFAULT 3600,
        priority INTEGER
    )""",
    """CREATE TABLE invoices (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        number TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('unpaid', 'paid', 'cancelled', 'refunded')),
        date TEXT NOT NULL,
        due_date TEXT NOT NULL,
        paid_date TEXT,
        currency TEXT NOT NULL,
        subtotal TEXT NOT NULL,
        tax TEXT NOT NULL,
        total TEXT NOT NULL,
        credit_applied TEXT NOT NULL DEFAULT '0.00',
        amount_paid TEXT NOT NULL DEFAULT '0.00'
    )""",
    "CREATE INDEX invoices_by_client ON invoices (client_id, date)",
    """CREATE TABLE invoice_items (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        invoice_id INTEGER NOT NULL REFERENCES invoices(id),
        description TEXT NOT NULL,
        type TEXT NOT NULL,
        related_id INTEGER,
        amount TEXT NOT NULL
    )""",
    """CREATE TABLE wallet_movements (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        created_at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('top_up', 'payment', 'refund', 'adjustment')),
        description TEXT NOT NULL,
        currency TEXT NOT NULL,
        amount TEXT NOT NULL,
        reference TEXT,
        invoice_id INTEGER REFERENCES invoices(id)
    )""",
    """CREATE TABLE top_ups (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        reference TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('pending', 'completed', 'failed')),
        method TEXT NOT NULL CHECK (method IN ('card', 'transfer')),
        payment_method_id INTEGER REFERENCES payment_methods(id),
        currency TEXT NOT NULL,
        amount TEXT NOT NULL,
        proof_name TEXT,
        proof_size INTEGER,
        created_at TEXT NOT NULL,
        completed_at TEXT
    )""",
    """CREATE TABLE departments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        slug TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL
    )""",
    """CREATE TABLE tickets (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        number TEXT NOT NULL UNIQUE,
        subject TEXT NOT NULL,
        department TEXT NOT NULL,
        status TEXT NOT NULL,
        priority TEXT NOT NULL,
        service_id INTEGER REFERENCES services(id),
        domain TEXT,
        created_at TEXT NOT NULL,
        last_reply_at TEXT NOT NULL
    )""",
    """CREATE TABLE ticket_messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_id INTEGER NOT NULL REFERENCES tickets(id),
        author TEXT NOT NULL,
        from_staff INTEGER NOT NULL DEFAULT 0,
        staff_only_note INTEGER NOT NULL DEFAULT 0,
        body TEXT NOT NULL,
        attachments TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE idempotency (
        client_id INTEGER NOT NULL REFERENCES clients(id),
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('in_progress', 'completed')),
        http_status INTEGER,
        response_body TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (client_id, key)
    )""",
]

# Version 2: what the renewal cycle (``renewals.py``) needs to stay set-based and fast over tens of
# thousands of domains, and a record of every automatic card charge (``charge_attempts``), so a
# failed charge stays visible after the clock has moved on.
_V2 = [
    "CREATE INDEX domains_by_status_due ON domains (status, next_due_date)",
    "CREATE INDEX domains_by_status_expiry ON domains (status, expiry_date)",
    "CREATE INDEX invoice_items_by_invoice ON invoice_items (invoice_id)",
    "CREATE INDEX invoice_items_by_related ON invoice_items (related_id, type)",
    "CREATE INDEX wallet_movements_by_client ON wallet_movements (client_id, created_at)",
    """CREATE TABLE charge_attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        invoice_id INTEGER NOT NULL REFERENCES invoices(id),
        domain_id INTEGER REFERENCES domains(id),
        payment_method_id INTEGER REFERENCES payment_methods(id),
        date TEXT NOT NULL,
        currency TEXT NOT NULL,
        amount TEXT NOT NULL,
        ok INTEGER NOT NULL,
        reason TEXT
    )""",
    "CREATE INDEX charge_attempts_by_invoice ON charge_attempts (invoice_id)",
]

# Version 3: the money side. A top-up's proof of payment is kept as its type, size and SHA-256
# (the sandbox never keeps the file itself); a bank account keeps its BIC and when its direct-debit
# mandate was accepted (never the full IBAN: the sandbox debits nothing for real); verification
# challenges of payment methods; payments of invoices by hand (``invoice_payments``); automatic
# charges of services in ``charge_attempts`` (``service_id``); and the index the service renewal
# cycle reads.
_V3 = [
    "ALTER TABLE top_ups ADD COLUMN proof_content_type TEXT",
    "ALTER TABLE top_ups ADD COLUMN proof_sha256 TEXT",
    "ALTER TABLE top_ups ADD COLUMN proof_uploaded_at TEXT",
    # Proofs of databases made before version 3 were all PDF receipts (``transfer-receipt.pdf``).
    "UPDATE top_ups SET proof_content_type = 'application/pdf', proof_uploaded_at = created_at"
    " WHERE proof_size IS NOT NULL",
    "CREATE INDEX top_ups_by_client ON top_ups (client_id, created_at)",
    "ALTER TABLE payment_methods ADD COLUMN bic TEXT",
    "ALTER TABLE payment_methods ADD COLUMN mandate_accepted_at TEXT",
    """CREATE TABLE verifications (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        payment_method_id INTEGER NOT NULL REFERENCES payment_methods(id),
        kind TEXT NOT NULL CHECK (kind IN ('micro_charge', 'code')),
        answer TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'verified', 'failed')),
        attempts_left INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
    )""",
    "CREATE INDEX verifications_by_method ON verifications (payment_method_id, id)",
    """CREATE TABLE invoice_payments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        invoice_id INTEGER NOT NULL REFERENCES invoices(id),
        status TEXT NOT NULL CHECK (status IN ('completed', 'pending')),
        method TEXT CHECK (method IN ('card', 'transfer')),
        payment_method_id INTEGER REFERENCES payment_methods(id),
        currency TEXT NOT NULL,
        credit_applied TEXT NOT NULL,
        charged TEXT NOT NULL,
        reference TEXT,
        created_at TEXT NOT NULL,
        completed_at TEXT
    )""",
    "CREATE INDEX invoice_payments_by_invoice ON invoice_payments (invoice_id)",
    "ALTER TABLE charge_attempts ADD COLUMN service_id INTEGER REFERENCES services(id)",
    "CREATE INDEX services_by_status_due ON services (status, next_due_date)",
]

MIGRATIONS: dict[int, list[str]] = {1: _V1, 2: _V2, 3: _V3, 4: V4, 5: V5}
SCHEMA_VERSION = max(MIGRATIONS)

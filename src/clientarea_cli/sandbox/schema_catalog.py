"""Migration 4 of the sandbox schema: the catalog, services' lifecycle and orders."""

from __future__ import annotations

from .catalog import statements as catalog_statements

# Version 4: the catalog (products, their prices per currency and cycle, add-ons, configurable
# options per product family, promotion codes), filled from ``catalog.py`` so a migrated database
# sells what a new one does; what a service's lifecycle keeps (cancellation requests, upgrades
# waiting for their invoice, mailboxes, one-time panel login links, the panel password's hash and
# the invoice of the last options change) and orders with their items. Services and add-ons point
# at their catalog product and add-on (matched by name; the add-on also at its first invoice).
V4 = [
    """CREATE TABLE products (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        group_name TEXT NOT NULL,
        type TEXT NOT NULL,
        family TEXT,
        tier INTEGER NOT NULL DEFAULT 1,
        description TEXT,
        requires_domain INTEGER NOT NULL DEFAULT 0,
        panel INTEGER NOT NULL DEFAULT 0,
        disk_mb INTEGER,
        bandwidth_mb INTEGER,
        mailbox_limit INTEGER NOT NULL DEFAULT 0,
        mailbox_quota_mb INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE product_prices (
        product_id INTEGER NOT NULL REFERENCES products(id),
        currency TEXT NOT NULL,
        billing_cycle TEXT NOT NULL,
        price TEXT NOT NULL,
        setup_fee TEXT NOT NULL,
        PRIMARY KEY (product_id, currency, billing_cycle)
    )""",
    """CREATE TABLE catalog_addons (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        description TEXT
    )""",
    """CREATE TABLE catalog_addon_prices (
        addon_id INTEGER NOT NULL REFERENCES catalog_addons(id),
        currency TEXT NOT NULL,
        billing_cycle TEXT NOT NULL,
        price TEXT NOT NULL,
        setup_fee TEXT NOT NULL,
        PRIMARY KEY (addon_id, currency, billing_cycle)
    )""",
    """CREATE TABLE product_addons (
        product_id INTEGER NOT NULL REFERENCES products(id),
        addon_id INTEGER NOT NULL REFERENCES catalog_addons(id),
        PRIMARY KEY (product_id, addon_id)
    )""",
    """CREATE TABLE product_options (
        family TEXT NOT NULL,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('select', 'quantity', 'toggle', 'text')),
        default_value TEXT,
        choices TEXT NOT NULL DEFAULT '[]',
        min_value INTEGER,
        max_value INTEGER,
        position INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (family, key)
    )""",
    """CREATE TABLE promo_codes (
        code TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('percent', 'fixed')),
        value TEXT NOT NULL,
        description TEXT NOT NULL,
        requires_product INTEGER NOT NULL DEFAULT 0
    )""",
    *catalog_statements(),
    "ALTER TABLE services ADD COLUMN product_id INTEGER REFERENCES products(id)",
    "ALTER TABLE services ADD COLUMN panel_password_hash TEXT",
    "ALTER TABLE services ADD COLUMN options_invoice_id INTEGER REFERENCES invoices(id)",
    "UPDATE services SET product_id = (SELECT id FROM products WHERE name = services.product)",
    "ALTER TABLE addons ADD COLUMN catalog_addon_id INTEGER REFERENCES catalog_addons(id)",
    "ALTER TABLE addons ADD COLUMN invoice_id INTEGER REFERENCES invoices(id)",
    "UPDATE addons SET catalog_addon_id = (SELECT id FROM catalog_addons WHERE name = addons.name)",
    """CREATE TABLE cancellation_requests (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        service_id INTEGER NOT NULL REFERENCES services(id),
        timing TEXT NOT NULL CHECK (timing IN ('immediate', 'end_of_period')),
        reason TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'completed', 'withdrawn')),
        effective_date TEXT NOT NULL,
        created_at TEXT NOT NULL,
        completed_at TEXT
    )""",
    "CREATE INDEX cancellation_requests_by_service ON cancellation_requests (service_id, status)",
    "CREATE INDEX cancellation_requests_due ON cancellation_requests (status, effective_date)",
    """CREATE TABLE service_upgrades (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        service_id INTEGER NOT NULL REFERENCES services(id),
        from_product_id INTEGER REFERENCES products(id),
        to_product_id INTEGER NOT NULL REFERENCES products(id),
        from_cycle TEXT NOT NULL,
        billing_cycle TEXT NOT NULL,
        new_recurring_amount TEXT NOT NULL,
        next_due_date TEXT NOT NULL,
        amount_due TEXT NOT NULL,
        amount_credited TEXT NOT NULL,
        invoice_id INTEGER REFERENCES invoices(id),
        status TEXT NOT NULL CHECK (status IN ('pending', 'completed', 'cancelled')),
        created_at TEXT NOT NULL,
        completed_at TEXT
    )""",
    "CREATE INDEX service_upgrades_by_service ON service_upgrades (service_id, status)",
    """CREATE TABLE mailboxes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        service_id INTEGER NOT NULL REFERENCES services(id),
        address TEXT NOT NULL,
        quota_mb INTEGER,
        used_mb INTEGER NOT NULL DEFAULT 0,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (service_id, address)
    )""",
    """CREATE TABLE login_tokens (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        service_id INTEGER NOT NULL REFERENCES services(id),
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
    )""",
    "CREATE INDEX login_tokens_by_service ON login_tokens (service_id, expires_at)",
    """CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        number TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'cancelled')),
        created_at TEXT NOT NULL,
        currency TEXT NOT NULL,
        total TEXT NOT NULL,
        invoice_id INTEGER REFERENCES invoices(id),
        promo_code TEXT REFERENCES promo_codes(code)
    )""",
    "CREATE INDEX orders_by_client ON orders (client_id, status)",
    """CREATE TABLE order_items (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        order_id INTEGER NOT NULL REFERENCES orders(id),
        description TEXT NOT NULL,
        product_id INTEGER REFERENCES products(id),
        service_id INTEGER REFERENCES services(id),
        domain TEXT,
        amount TEXT NOT NULL
    )""",
    "CREATE INDEX order_items_by_order ON order_items (order_id)",
]

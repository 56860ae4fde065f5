"""Which fields a table shows by default, per model, and how statuses are styled.

Column names are the models' own field names, so `--columns` means the same thing in every
format (JSON included) and the list of valid names is the model's field list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import BaseModel

# Keyed by class name, not class: importing every model here would cost every command the
# start-up of all of them (issue 12); a command imports only the models it renders.
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "Domain": ("name", "status", "expiry_date", "auto_renew", "recurring", "recurring_amount"),
    "Service": (
        "id",
        "product",
        "domain",
        "status",
        "billing_cycle",
        "recurring_amount",
        "next_due_date",
    ),
    "Invoice": ("id", "number", "status", "date", "due_date", "total", "balance"),
    "WalletMovement": ("date", "kind", "description", "amount", "balance_after", "reference"),
    "PaymentMethod": (
        "id",
        "type",
        "brand",
        "last4",
        "holder",
        "expiry",
        "validated",
        "is_default",
    ),
    "Contact": ("id", "first_name", "last_name", "email", "email_kinds", "is_billing"),
    "Account": ("id", "email", "first_name", "last_name", "company", "country", "currency"),
    "InvoiceItem": ("description", "type", "related_id", "amount"),
    "PlanItem": ("domain", "current", "desired", "cost", "skip"),
    "Outcome": ("domain", "ok", "result", "error"),
    "RunSummary": ("id", "created_at", "action", "status", "total", "done", "failed", "pending"),
    "JournalEntry": ("domain", "state", "result", "error"),
    "OutlookItem": ("date", "kind", "item", "amount", "paid_by", "warnings"),
    "MonthTotal": ("month", "currency", "automatic", "manual", "total"),
    "MoneyOperation": ("created_at", "kind", "summary", "status", "result"),
    "Nameserver": ("host",),
    "ChildNameserver": ("host", "ips"),
    "DnsRecord": ("id", "type", "name", "value", "ttl", "priority"),
    "RoleContact": ("role", "first_name", "last_name", "company", "email", "phone", "country"),
    "TicketSummary": (
        "id",
        "number",
        "status",
        "priority",
        "department",
        "subject",
        "last_reply_at",
    ),
    "Department": ("id", "name", "description"),
    "FieldChange": ("field", "before", "after"),
    "EmailSummary": ("id", "date", "subject", "to"),
    "Announcement": ("id", "date", "title"),
    "KbCategory": ("id", "name", "parent_id", "article_count"),
    "KbArticleSummary": ("id", "title", "category_id", "updated_at"),
    "Download": ("id", "title", "category", "file_name", "size"),
    "Product": ("id", "name", "group", "type", "pricing"),
    "ProductAddon": ("id", "name", "pricing"),
    "UpgradeTarget": ("product_id", "name", "direction", "billing_cycle", "price", "setup_fee"),
    "ServiceOption": ("key", "name", "type", "value", "choices"),
    "Mailbox": ("address", "quota_mb", "used_mb", "created_at"),
    "DomainAvailability": ("name", "available", "reason", "registration_price", "renewal_price"),
    "OrderItem": ("description", "service_id", "domain", "amount"),
}

RIGHT_ALIGNED = frozenset(
    {
        "automatic",
        "manual",
        "cost",
        "recurring_amount",
        "total",
        "balance",
        "amount",
        "balance_after",
        "first_payment",
        "price",
        "setup_fee",
        "registration_price",
        "transfer_price",
        "renewal_price",
        "quota_mb",
        "used_mb",
    }
)

# What a narrow terminal never cuts nor leaves out: what the next command needs (ids, numbers,
# last four digits, dates, amounts, statuses). Amounts are the right-aligned fields.
KEEP = RIGHT_ALIGNED | frozenset(
    {
        "id",
        "number",
        "name",
        "domain",
        "host",
        "address",
        "last4",
        "paid_by",
        "status",
        "date",
        "due_date",
        "expiry_date",
        "next_due_date",
        "expiry",
        "created_at",
        "last_reply_at",
        "updated_at",
        "month",
        "reference",
        "related_id",
        "service_id",
        "product_id",
        "key",
        "role",
        "field",
        "state",
    }
)

# Long free text: shortened with "…" to fit before any column is left out.
SHRINK = frozenset(
    {
        "description",
        "subject",
        "product",
        "item",
        "holder",
        "warnings",
        "domains",
        "services",
        "title",
        "summary",
        "email",
        "reason",
        "result",
        "error",
        "value",
        "company",
        "department",
        "pricing",
        "choices",
        "url",
        "account",
        "ips",
        "before",
        "after",
        "file_name",
        "to",
    }
)

# The first columns to go on a narrow terminal, in this order; then the rightmost plain ones.
DROP_FIRST = (
    "is_default",
    "validated",
    "type",
    "email_kinds",
    "priority",
    "auto_renew",
    "billing_cycle",
    "kind",
    "currency",
    "tld",
)

# The field a `--quiet` list prints, one per line, for `xargs` (default: id); by class name.
KEY_FIELDS: dict[str, str] = {
    "Domain": "name",
    "Nameserver": "host",
    "ChildNameserver": "host",
    "Mailbox": "address",
    "DomainAvailability": "name",
    "ServiceOption": "key",
    "RoleContact": "role",
    "FieldChange": "field",
    "MonthTotal": "month",
    "UpgradeTarget": "product_id",
    "PlanItem": "domain",
    "Outcome": "domain",
    "JournalEntry": "domain",
}

# The data words a table or a detail view shows in the reader's language, by class name: field →
# the msgctxt its values are looked up in. A status agrees with its noun (msgctxt "invoice status":
# factura pagada, dominio caducado); other words have their own context ("ticket priority": alta).
# JSON, CSV and TSV keep the machine value; a value the catalogue lacks shows as is (a card's label
# in PAID BY). A field not named here shows its value as is.
WORDS: dict[str, dict[str, str]] = {
    "Invoice": {"status": "invoice status"},
    "Domain": {"status": "domain status"},
    "Service": {"status": "service status", "billing_cycle": "billing cycle"},
    "ServiceAddon": {"status": "service status", "billing_cycle": "billing cycle"},
    "UpgradeTarget": {"billing_cycle": "billing cycle"},
    "UpgradeQuote": {"billing_cycle": "billing cycle"},
    "ProductPrice": {"billing_cycle": "billing cycle"},
    "TicketSummary": {"status": "ticket status", "priority": "ticket priority"},
    "Ticket": {"status": "ticket status", "priority": "ticket priority"},
    "TopUp": {"status": "top-up status"},
    "TopUpRow": {"status": "top-up status"},
    "Order": {"status": "order status"},
    "RunSummary": {"status": "run status"},
    "JournalEntry": {"state": "run item state"},
    "MoneyOperation": {"status": "money request status", "kind": "money request kind"},
    "OutlookItem": {"kind": "renewal kind", "paid_by": "paid by"},
}

# Fields whose text is English data made by i18n.carried (or a marked constant), shown in the
# reader's language in tables like every model's `warnings`: a bulk plan's states.
CARRIED: dict[str, tuple[str, ...]] = {"PlanItem": ("current", "desired")}

STATUS_STYLES = {
    "active": "green",
    "paid": "green",
    "completed": "green",
    "pending": "yellow",
    "unpaid": "yellow",
    "grace": "yellow",
    "suspended": "red",
    "overdue": "bold red",
    "expired": "red",
    "redemption": "red",
    "cancelled": "dim",
    "refunded": "dim",
    "transferred_away": "dim",
    "answered": "green",
    "customer_reply": "yellow",
    "on_hold": "yellow",
    "closed": "dim",
}


def field_names(model: type[BaseModel]) -> list[str]:
    return list(model.model_fields)


def default_columns(model: type[BaseModel]) -> list[str]:
    return list(DEFAULT_COLUMNS.get(model.__name__, tuple(field_names(model))))

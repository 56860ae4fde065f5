"""The fixed sets of values the API and the options share: statuses, cycles, roles, record types.

Standard library only (nothing at all is imported): Tab completion offers these values without
importing pydantic or any model (cli/values.py). The model modules re-export what they use.
Values are as the API spells them (`end_of_period`); the CLI also accepts and offers them with
hyphens (`end-of-period`).
"""

DOMAIN_STATUSES = (
    "active",
    "pending",
    "expired",
    "grace",
    "redemption",
    "suspended",
    "cancelled",
    "transferred_away",
)
SERVICE_STATUSES = ("active", "pending", "suspended", "cancelled", "expired")
BILLING_CYCLES = (
    "monthly",
    "quarterly",
    "semiannually",
    "annually",
    "biennially",
    "triennially",
    "one_time",
    "free",
)
INVOICE_STATUSES = ("unpaid", "overdue", "paid", "cancelled", "refunded")
DRIVERS = ("clientarea", "fossbilling")
"""The built-in drivers (drivers/registry.py); a plugin's driver is accepted but not offered."""
TICKET_STATUSES = ("open", "answered", "customer_reply", "on_hold", "closed")
TICKET_PRIORITIES = ("low", "medium", "high")
ORDER_STATUSES = ("pending", "active", "cancelled")
CANCELLATION_TIMES = ("immediate", "end_of_period")
DNS_RECORD_TYPES = ("A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA")
CONTACT_ROLES = ("registrant", "admin", "tech", "billing")
EMAIL_KINDS = ("general", "invoice", "support", "product", "domain", "affiliate")

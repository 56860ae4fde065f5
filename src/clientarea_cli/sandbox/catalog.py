"""The sandbox provider's catalog as data: products, prices, add-ons, configurable options, promotions.

Schema version 4 creates the catalog tables and fills them from this module (``statements``), so a
database migrated from an older version gets the same catalog as a new one. Prices are per
currency (the sandbox bills EUR and CHF clients) and per billing cycle. Configurable options belong
to a product *family* (every web hosting plan has the same options), so they survive an upgrade.

Seeded services match it: each seeded product's price for the seeded cycle is the service's
recurring amount (Hosting Pro monthly 12.95 EUR, VPS M annually 239.40 EUR…).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import NamedTuple

from .invoicing import CYCLE_MONTHS

Prices = dict[str, dict[str, tuple[str, str]]]  # currency -> cycle -> (price, setup fee)

CYCLES = (*CYCLE_MONTHS, "one_time", "free")  # the billing cycles; the last two have no period
PRODUCT_TYPES = ("hosting", "reseller", "server", "email", "ssl", "other")


class Product(NamedTuple):
    id: int
    name: str
    group: str
    type: str
    family: str | None  # upgrade and downgrade targets: the same family; options: per family
    tier: int  # a higher tier of the family is an upgrade, a lower one a downgrade
    description: str
    requires_domain: bool
    panel: bool  # has a control panel: credentials, password, login link
    disk_mb: int | None  # None: unlimited
    bandwidth_mb: int | None
    mailbox_limit: int  # mailboxes a hosting plan allows (0: none)
    mailbox_quota_mb: int  # the largest quota of one mailbox
    prices: Prices
    addons: tuple[int, ...]


def _cycles(values: str, cycles: str = "monthly quarterly semiannually annually biennially") -> dict[str, tuple[str, str]]:  # fmt: skip
    """``"5.95 17.85 …"`` over the cycles, without setup fees."""
    return {c: (p, "0.00") for c, p in zip(cycles.split(), values.split(), strict=True)}


WEB_HOSTING, VPS = "Web Hosting", "VPS"
PRODUCTS: tuple[Product, ...] = (
    Product(1, "Hosting Start", WEB_HOSTING, "hosting", "hosting", 1,
            "One site, 10 GB SSD, 5 mailboxes, free SSL.", True, True, 10240, 102400, 5, 1024,
            {"EUR": _cycles("5.95 17.85 35.70 65.40 119.76"),
             "CHF": _cycles("6.50 19.50 39.00 71.40 131.76")}, (301, 302, 303)),
    Product(2, "Hosting Pro", WEB_HOSTING, "hosting", "hosting", 2,
            "Ten sites, 50 GB SSD, 25 mailboxes, daily malware scan.", True, True, 51200, 512000,
            25, 5120,
            {"EUR": _cycles("12.95 38.85 74.70 143.40 263.76"),
             "CHF": _cycles("14.00 42.00 81.00 155.40 287.76")}, (301, 302, 303)),
    Product(3, "Hosting Business", WEB_HOSTING, "hosting", "hosting", 3,
            "Unlimited sites and transfer, 150 GB SSD, 100 mailboxes.", True, True, 153600, None,
            100, 10240,
            {"EUR": _cycles("24.95 74.85 143.70 275.40 503.76"),
             "CHF": _cycles("26.95 80.85 155.70 299.40 551.76")}, (301, 302, 303)),
    Product(4, "WordPress Managed", WEB_HOSTING, "hosting", "wordpress", 1,
            "WordPress kept updated for you, staging site, 20 GB SSD.", True, True, 20480, 256000,
            10, 2048,
            {"EUR": _cycles("14.95 155.40 287.76", "monthly annually biennially"),
             "CHF": _cycles("16.00 168.00 311.76", "monthly annually biennially")},
            (301, 302)),
    Product(11, "VPS S", VPS, "server", "vps", 1, "1 vCPU, 2 GB RAM, 40 GB NVMe.", False, True,
            40960, 2048000, 0, 0,
            {"EUR": {**_cycles("9.95 29.85 119.40 227.76", "monthly quarterly annually biennially"),
                     "monthly": ("9.95", "10.00")},
             "CHF": {**_cycles("10.95 32.85 131.40 251.76", "monthly quarterly annually biennially"),
                     "monthly": ("10.95", "11.00")}}, (302, 311)),
    Product(12, "VPS M", VPS, "server", "vps", 2, "2 vCPU, 4 GB RAM, 80 GB NVMe.", False, True,
            81920, 4096000, 0, 0,
            {"EUR": {**_cycles("19.95 59.85 239.40 455.76", "monthly quarterly annually biennially"),
                     "monthly": ("19.95", "10.00")},
             "CHF": {**_cycles("21.95 65.85 263.40 503.76", "monthly quarterly annually biennially"),
                     "monthly": ("21.95", "11.00")}}, (302, 311)),
    Product(13, "VPS L", VPS, "server", "vps", 3, "4 vCPU, 8 GB RAM, 160 GB NVMe.", False, True,
            163840, None, 0, 0,
            {"EUR": {**_cycles("39.95 119.85 479.40 911.76", "monthly quarterly annually biennially"),
                     "monthly": ("39.95", "10.00")},
             "CHF": {**_cycles("43.95 131.85 527.40 1007.76", "monthly quarterly annually biennially"),
                     "monthly": ("43.95", "11.00")}}, (302, 311)),
    Product(21, "Email Business", "Email", "email", "email", 1,
            "Hosted e-mail for your domain: 10 mailboxes of 10 GB, webmail.", True, True, None,
            None, 0, 0,
            {"EUR": _cycles("9.95 29.85 107.40", "monthly quarterly annually"),
             "CHF": _cycles("10.95 32.85 118.20", "monthly quarterly annually")}, ()),
    Product(31, "SSL Basic", "SSL Certificates", "ssl", "ssl", 1,
            "Domain-validated certificate for one name and its www.", True, False, None, None, 0,
            0,
            {"EUR": _cycles("9.00 16.00", "annually biennially"),
             "CHF": _cycles("10.00 18.00", "annually biennially")}, ()),
    Product(32, "SSL Wildcard", "SSL Certificates", "ssl", "ssl", 2,
            "Domain-validated certificate for a name and all its subdomains.", True, False, None,
            None, 0, 0,
            {"EUR": _cycles("89.00 169.00", "annually biennially"),
             "CHF": _cycles("98.00 186.00", "annually biennially")}, ()),
    Product(41, "DNS Basic", "DNS", "other", None, 1, "DNS hosting on the provider's name servers.",
            False, False, None, None, 0, 0,
            {"EUR": {"free": ("0.00", "0.00")}, "CHF": {"free": ("0.00", "0.00")}}, ()),
    Product(51, "Website Migration", "Professional Services", "other", None, 1,
            "We move one site and its mail to your new hosting.", True, False, None, None, 0, 0,
            {"EUR": {"one_time": ("49.00", "0.00")}, "CHF": {"one_time": ("54.00", "0.00")}}, ()),
)  # fmt: skip


class Addon(NamedTuple):
    id: int
    name: str
    description: str
    prices: Prices


ADDONS: tuple[Addon, ...] = (
    Addon(301, "Daily Backups", "Thirty days of daily backups, restored from the panel.",
          {"EUR": _cycles("3.00 9.00 30.00", "monthly quarterly annually"),
           "CHF": _cycles("3.30 9.90 33.00", "monthly quarterly annually")}),
    Addon(302, "Dedicated IP", "An IPv4 address of your own.",
          {"EUR": {"monthly": ("2.50", "5.00"), "annually": ("27.00", "5.00")},
           "CHF": {"monthly": ("2.75", "5.50"), "annually": ("30.00", "5.50")}}),
    Addon(303, "Site Builder", "A drag-and-drop site builder in the panel.",
          {"EUR": {"free": ("0.00", "0.00")}, "CHF": {"free": ("0.00", "0.00")}}),
    Addon(311, "Snapshot Pack", "Five snapshots of the server's disk.",
          {"EUR": _cycles("2.00 24.00", "monthly annually"),
           "CHF": _cycles("2.20 26.40", "monthly annually")}),
)  # fmt: skip


class Option(NamedTuple):
    """A configurable option: a select's choices carry a monthly price per currency."""

    key: str
    name: str
    type: str  # select, quantity, toggle, text
    default: str | int | bool | None
    choices: tuple[tuple[str, str, dict[str, str]], ...] = ()  # value, label, {currency: monthly}
    minimum: int | None = None
    maximum: int | None = None


_FREE = {"EUR": "0.00", "CHF": "0.00"}
OPTIONS: dict[str, tuple[Option, ...]] = {
    "hosting": (
        Option("php_version", "PHP version", "select", "8.3",
               (("8.1", "PHP 8.1", _FREE), ("8.2", "PHP 8.2", _FREE), ("8.3", "PHP 8.3", _FREE))),
        Option("extra_disk_gb", "Extra disk space", "select", "0",
               (("0", "None", _FREE), ("10", "+10 GB", {"EUR": "2.00", "CHF": "2.20"}),
                ("50", "+50 GB", {"EUR": "8.00", "CHF": "8.80"}))),
        Option("ssh_access", "SSH access", "toggle", False),
        Option("cron_jobs", "Cron jobs", "quantity", 5, minimum=0, maximum=50),
    ),
    "vps": (
        Option("os", "Operating system", "select", "debian-12",
               (("debian-12", "Debian 12", _FREE), ("ubuntu-24.04", "Ubuntu 24.04", _FREE),
                ("almalinux-9", "AlmaLinux 9", _FREE))),
        Option("extra_ram_gb", "Extra memory", "select", "0",
               (("0", "None", _FREE), ("4", "+4 GB", {"EUR": "6.00", "CHF": "6.60"}),
                ("8", "+8 GB", {"EUR": "12.00", "CHF": "13.20"}))),
        Option("ipv6", "IPv6 address", "toggle", True),
        Option("reverse_dns", "Reverse DNS name", "text", None),
    ),
}  # fmt: skip
OPTIONS["wordpress"] = OPTIONS["hosting"]


class Promotion(NamedTuple):
    code: str
    kind: str  # percent | fixed
    value: str  # percent, or an amount in the order's currency
    description: str
    requires_product: bool


PROMOTIONS: tuple[Promotion, ...] = (
    Promotion("WELCOME10", "percent", "10", "10 % off the whole order", False),
    Promotion("HOSTING5", "fixed", "5.00", "5.00 off the product's first period", True),
)


def _sql(value: object) -> str:
    """A literal for the migration's INSERT statements (our constants, never user input)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def _insert(table: str, rows: Sequence[Sequence[object]]) -> str:
    values = ",\n".join("(" + ", ".join(_sql(v) for v in row) + ")" for row in rows)
    return f"INSERT INTO {table} VALUES\n{values}"


def _options_json(option: Option) -> str:
    choices = [
        {"value": v, "label": label, "monthly": prices} for v, label, prices in option.choices
    ]
    return json.dumps(choices)


def statements() -> list[str]:
    """INSERT statements that fill the catalog tables (schema version 4)."""
    products, prices, links, addons, addon_prices, options = [], [], [], [], [], []
    for position, p in enumerate(PRODUCTS):
        products.append((p.id, p.name, p.group, p.type, p.family, p.tier, p.description,
                         p.requires_domain, p.panel, p.disk_mb, p.bandwidth_mb, p.mailbox_limit,
                         p.mailbox_quota_mb, position))  # fmt: skip
        for currency, cycles in p.prices.items():
            prices += [(p.id, currency, c, price, setup) for c, (price, setup) in cycles.items()]
        links += [(p.id, addon_id) for addon_id in p.addons]
    for a in ADDONS:
        addons.append((a.id, a.name, a.description))
        for currency, cycles in a.prices.items():
            addon_prices += [
                (a.id, currency, c, price, setup) for c, (price, setup) in cycles.items()
            ]
    for family, family_options in OPTIONS.items():
        for position, o in enumerate(family_options):
            default = None if o.default is None else json.dumps(o.default)
            options.append((family, o.key, o.name, o.type, default, _options_json(o), o.minimum,
                            o.maximum, position))  # fmt: skip
    promotions = [(p.code, p.kind, p.value, p.description, p.requires_product) for p in PROMOTIONS]
    return [
        _insert("products", products),
        _insert("product_prices", prices),
        _insert("catalog_addons", addons),
        _insert("catalog_addon_prices", addon_prices),
        _insert("product_addons", links),
        _insert("product_options", options),
        _insert("promo_codes", promotions),
    ]

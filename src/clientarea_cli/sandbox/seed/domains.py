"""The seeded domain portfolios. Expiry dates are offsets in days from the business date.

Ana's portfolio is shaped for the tests and the demo tour: exactly seven domains expire within
30 days (one today, one on day 30), one on day 31, three have already expired, and the rest are
spread up to two years out.
"""

from __future__ import annotations

import json
import random
import sqlite3
import string
from dataclasses import dataclass
from datetime import date, timedelta

from ..dates import add_years
from .common import FIRST_DOMAIN_ID, next_id

EXPIRING_WITHIN_30 = [
    ("garcia-hosting.es", 0),
    ("anagarcia.com", 3),
    ("tapas-madrid.es", 9),
    ("flamenco-studio.net", 14),
    ("olivar-verde.org", 21),
    ("barcelona-bikes.eu", 27),
    ("codigo-abierto.dev", 30),
]
EXPIRED = [("viejo-proyecto.com", -5), ("promo-verano.es", -20), ("antiguo-blog.net", -45)]
EXPIRING_31_TO_90 = [
    ("garcia-consulting.com", 31),
    ("castellers.cat", 38),
    ("api-garcia.io", 45),
    ("mercado-local.es", 52),
    ("libreria-azul.org", 60),
    ("costa-brava.eu", 67),
    ("status-page.dev", 75),
    ("sol-y-mar.net", 89),
]
LATER = [
    "vinos-rioja.es", "mi-tienda.es", "paella-club.com", "serra-nevada.cat", "jamon-iberico.es",
    "dev-tools.io", "gh-cloud.io", "ana.dev", "fotografia-ana.com", "bodega-norte.es",
    "cafe-sevilla.es", "fundacion-luz.org", "escuela-coding.dev", "ruta-camino.net",
    "blog-ana.net", "hosting-garcia.eu", "garcia-hosting.com", "garcia-hosting.eu", "la-masia.cat",
    "mallorca-sailing.com", "valencia-fallas.org", "startup-lab.io", "green-energy.eu",
    "huerta-bio.es", "pixel-forge.dev", "nube-segura.net",
]  # fmt: skip
PENDING = "pixel-forge.dev"

BRUNO = [("keller-web.ch", 12), ("bruno-keller.com", 200), ("alpen-code.io", -10), ("zurich-apps.dev", 400)]  # fmt: skip

PRICES = {
    "EUR": {"es": "9.95", "com": "12.99", "net": "14.99", "org": "13.49", "eu": "8.99",
            "io": "39.00", "dev": "15.00", "cat": "19.50"},
    "CHF": {"ch": "14.00", "com": "16.00", "io": "45.00", "dev": "18.00"},
}  # fmt: skip

NAMESERVER_SETS = [
    ["ns1.sandbox-dns.net", "ns2.sandbox-dns.net"],
    ["ns1.garcia-hosting.es", "ns2.garcia-hosting.es"],
    ["ana.ns.cloudflare.com", "bob.ns.cloudflare.com"],
    ["dns1.registrar-servers.com", "dns2.registrar-servers.com", "dns3.registrar-servers.com"],
]


@dataclass(frozen=True)
class Owner:
    client_id: int
    currency: str
    recurring_methods: tuple[int, ...]  # payment method ids usable for recurring charges
    billing_contact_id: int | None


def ana_portfolio(rng: random.Random) -> list[tuple[str, int]]:
    later = [(name, rng.randint(91, 730)) for name in LATER]
    return EXPIRING_WITHIN_30 + EXPIRED + EXPIRING_31_TO_90 + later


def insert_domains(
    conn: sqlite3.Connection,
    owner: Owner,
    portfolio: list[tuple[str, int]],
    today: date,
    rng: random.Random,
) -> dict[str, int]:
    """Insert the portfolio; answer name -> id."""
    ids: dict[str, int] = {}
    domain_id = next_id(conn, "domains", FIRST_DOMAIN_ID)
    for name, offset in portfolio:
        tld = name.split(".", 1)[1]
        expiry = today + timedelta(days=offset)
        status = "expired" if offset < 0 else "active"
        if name == PENDING:
            status, expiry = "pending", add_years(today, 1)
        period = 1 if (expiry - today).days <= 365 else 2
        registered = add_years(expiry, -period - rng.randint(0, 5))
        if status == "pending":
            registered = today - timedelta(days=1)
        auto_renew = status == "active" and (name == "garcia-hosting.es" or rng.random() < 0.6)
        recurring = auto_renew and rng.random() < 0.6
        method = rng.choice(owner.recurring_methods) if recurring else None
        contact = owner.billing_contact_id if recurring and rng.random() < 0.5 else None
        conn.execute(
            """INSERT INTO domains (id, client_id, name, tld, status, registration_date,
                 expiry_date, next_due_date, registration_period, currency, recurring_amount,
                 auto_renew, registrar_lock, id_protection, recurring_enabled,
                 recurring_payment_method_id, recurring_contact_id, nameservers, epp_code)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                domain_id,
                owner.client_id,
                name,
                tld,
                status,
                registered.isoformat(),
                expiry.isoformat(),
                expiry.isoformat(),
                period,
                owner.currency,
                PRICES[owner.currency][tld],
                int(auto_renew),
                int(status != "expired" and rng.random() < 0.7),
                int(rng.random() < 0.3),
                int(recurring),
                method,
                contact,
                json.dumps(rng.choice(NAMESERVER_SETS)),
                "".join(rng.choices(string.ascii_letters + string.digits, k=12)),
            ),
        )
        ids[name] = domain_id
        domain_id += 1
    return ids

"""Seeded support tickets, including a staff-only note the customer must never see."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta

from .common import ANA_ID, BRUNO_ID, FIRST_TICKET_ID, insert, instant, next_id

# author, from staff, staff-only note, body, days ago, hour, minute
Message = tuple[str, bool, bool, str, int, int, int]


def _ticket(
    conn: sqlite3.Connection,
    rng: random.Random,
    today: date,
    client_id: int,
    head: dict[str, object],
    messages: list[Message],
) -> int:
    ticket_id = next_id(conn, "tickets", FIRST_TICKET_ID)

    def when(message: Message) -> str:
        return instant(today - timedelta(days=message[4]), message[5], message[6])

    public = [m for m in messages if not m[2]]
    insert(conn, "tickets", {
        "id": ticket_id, "client_id": client_id, "number": f"TKT-{rng.randint(100000, 999999)}",
        "created_at": when(messages[0]), "last_reply_at": when(public[-1]), **head,
    })  # fmt: skip
    for message in messages:
        author, staff, note, body = message[:4]
        insert(conn, "ticket_messages", {
            "ticket_id": ticket_id, "author": author, "from_staff": int(staff),
            "staff_only_note": int(note), "body": body, "created_at": when(message),
        })  # fmt: skip
    return ticket_id


def seed_ana_tickets(
    conn: sqlite3.Connection, today: date, rng: random.Random, services: dict[str, int]
) -> None:
    _ticket(conn, rng, today, ANA_ID, {
        "subject": "info@tapas-madrid.es is not receiving e-mail", "department": "support",
        "status": "answered", "priority": "high", "service_id": services["email"],
        "domain": "tapas-madrid.es",
    }, [
        ("Ana García", False, False,
         "Since yesterday info@tapas-madrid.es receives nothing. Can you check?", 4, 9, 12),
        ("Laura (Support)", True, True,
         "Suspended for the overdue quarterly invoice. Explain and offer to reactivate on payment.",
         4, 10, 40),
        ("Laura (Support)", True, False,
         "Hello Ana, the e-mail service is suspended because its invoice is overdue. "
         "It is reactivated automatically as soon as the invoice is paid.", 4, 10, 55),
    ])  # fmt: skip
    _ticket(conn, rng, today, ANA_ID, {
        "subject": "Transfer barcelona-bikes.eu to a new owner", "department": "domains",
        "status": "open", "priority": "medium", "service_id": None,
        "domain": "barcelona-bikes.eu",
    }, [
        ("Ana García", False, False,
         "We sold the shop. How do I change the registrant of barcelona-bikes.eu?", 1, 17, 3),
    ])  # fmt: skip
    _ticket(conn, rng, today, ANA_ID, {
        "subject": "Copy of an invoice with our tax id", "department": "billing",
        "status": "closed", "priority": "low", "service_id": services["vps"], "domain": None,
    }, [
        ("Ana García", False, False, "Could you resend the VPS invoice with our tax id?", 60, 8, 20),
        ("Pablo (Billing)", True, False,
         "Done: the invoice now shows ESB12345678. You can download it again.", 59, 12, 0),
        ("Ana García", False, False, "Received, thank you!", 59, 13, 30),
    ])  # fmt: skip


def seed_bruno_ticket(
    conn: sqlite3.Connection, today: date, rng: random.Random, service_id: int
) -> None:
    _ticket(conn, rng, today, BRUNO_ID, {
        "subject": "SSL certificate for keller-web.ch", "department": "sales", "status": "open",
        "priority": "low", "service_id": service_id, "domain": "keller-web.ch",
    }, [
        ("Bruno Keller", False, False, "Which certificate do you recommend for a shop?", 2, 8, 45),
    ])  # fmt: skip

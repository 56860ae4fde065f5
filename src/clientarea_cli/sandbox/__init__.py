"""The reference provider ("sandbox") of the Client Area API v1.

A WSGI app over a SQLite database with seeded demo data, served in-process
(``embedded.EmbeddedTransport``) or over loopback sockets (``server.serve``). It is the
independent other side of the contract: it imports nothing of the client (drivers, models, CLI).
"""

from __future__ import annotations

from .app import SandboxApp, create_app
from .clock import advance_clock, business_date
from .keys import DEMO_API_KEY, TENANT_B_API_KEY
from .renewals import AdvanceSummary
from .store import (
    Database,
    SandboxDatabaseError,
    SchemaVersionError,
    open_database,
    reset_database,
)
from .web import ConnectionDropped

__all__ = [
    "DEMO_API_KEY",
    "TENANT_B_API_KEY",
    "AdvanceSummary",
    "ConnectionDropped",
    "Database",
    "SandboxApp",
    "SandboxDatabaseError",
    "SchemaVersionError",
    "advance_clock",
    "business_date",
    "create_app",
    "open_database",
    "reset_database",
]

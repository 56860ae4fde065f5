"""Fixtures for the sandbox provider: a freshly seeded database per test, in-process clients."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from clientarea_cli.sandbox import DEMO_API_KEY, TENANT_B_API_KEY, SandboxApp, reset_database

from .helpers import TODAY, make_client


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "s.db"
    reset_database(path, today=TODAY)
    return path


@pytest.fixture
def app(db_path: Path) -> SandboxApp:
    return SandboxApp(db_path)


@pytest.fixture
def client(app: SandboxApp) -> Iterator[httpx.Client]:
    """Ana García, the demo client."""
    with make_client(app, DEMO_API_KEY) as c:
        yield c


@pytest.fixture
def bruno(app: SandboxApp) -> Iterator[httpx.Client]:
    """Bruno Keller, the second tenant."""
    with make_client(app, TENANT_B_API_KEY) as c:
        yield c


@pytest.fixture
def anon(app: SandboxApp) -> Iterator[httpx.Client]:
    with make_client(app, None) as c:
        yield c

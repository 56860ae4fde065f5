"""Helpers shared by the sandbox tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx

from clientarea_cli.sandbox import SandboxApp

TODAY = date(2026, 11, 22)
BASE_URL = "http://sandbox.invalid"


def make_client(app: SandboxApp, api_key: str | None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    transport = httpx.WSGITransport(app=app)
    return httpx.Client(transport=transport, base_url=BASE_URL, headers=headers)


def all_pages(client: httpx.Client, path: str, **params: str | int) -> list[dict[str, Any]]:
    """Every item of a paginated list."""
    items: list[dict[str, Any]] = []
    page = 1
    while True:
        answer = client.get(path, params={**params, "page": page, "per_page": 500})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        items += body["data"]
        if page >= body["meta"]["total_pages"]:
            return items
        page += 1

"""Schemathesis hooks for the contract run (loaded through SCHEMATHESIS_HOOKS).

Generated Idempotency-Key values repeat ("0", "a"…), so most money and create requests would be
answered from the idempotency store (or refused as a reused key) instead of being processed.
Each valid key is replaced by a fresh UUID; a missing or invalid one (empty, too long) is left
as generated, so the checks that it is refused still run.
"""

from __future__ import annotations

import uuid
from typing import Any

import schemathesis

MAX_KEY_LENGTH = 255


@schemathesis.hook
def before_call(ctx: Any, case: Any, **kwargs: Any) -> None:
    headers = case.headers
    if not headers:
        return
    for name in list(headers):
        if name.lower() != "idempotency-key":
            continue
        key = headers[name]
        if isinstance(key, str) and 1 <= len(key) <= MAX_KEY_LENGTH:
            headers[name] = str(uuid.uuid4())

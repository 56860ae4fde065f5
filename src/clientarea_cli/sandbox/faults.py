"""Switchable fault modes, for tests of the client's retries and of money safety.

A ``FaultPlan`` holds rules; each matching request consumes one firing of the first matching
rule, and a rule disappears after firing ``times`` times. Kinds:

- ``"429"``, ``"503"``: answer 429 ``rate_limited`` / 503 ``unavailable`` with ``Retry-After``;
- ``"500"``: answer 500 ``internal_error``;
- ``"slow"``: sleep ``delay`` seconds, then answer normally;
- ``"drop"``: close the connection without answering (the request is not handled);
- ``"drop_after_commit"``: handle the request (committing its effects), then drop;
- ``"malformed"``: handle the request, then send its body cut in half (invalid JSON).
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass

KINDS = ("429", "503", "500", "slow", "drop", "drop_after_commit", "malformed")
# Kinds applied after the request has been handled.
AFTER_HANDLING = ("drop_after_commit", "malformed")


@dataclass
class FaultRule:
    kind: str
    method: str | None = None
    path_prefix: str | None = None
    times: int = 1
    retry_after: int = 1
    delay: float = 0.0

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method.upper() != method.upper():
            return False
        return self.path_prefix is None or path.startswith(self.path_prefix)

    def to_json(self) -> dict[str, object]:
        return asdict(self)


class FaultPlan:
    """The thread-safe list of fault rules of one app."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[FaultRule] = []

    def add(
        self,
        kind: str,
        *,
        method: str | None = None,
        path_prefix: str | None = None,
        times: int = 1,
        retry_after: int = 1,
        delay: float = 0.0,
    ) -> FaultRule:
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; expected one of {', '.join(KINDS)}")
        if times < 1:
            raise ValueError("times must be at least 1")
        if retry_after < 0 or delay < 0:
            raise ValueError("retry_after and delay must not be negative")
        rule = FaultRule(kind, method, path_prefix, times, retry_after, delay)
        with self._lock:
            self._rules.append(rule)
        return rule

    def clear(self) -> int:
        """Remove every rule; answer how many there were."""
        with self._lock:
            count = len(self._rules)
            self._rules.clear()
        return count

    def take(self, method: str, path: str) -> FaultRule | None:
        """Consume one firing of the first rule matching the request, if any."""
        with self._lock:
            for rule in self._rules:
                if rule.matches(method, path):
                    rule.times -= 1
                    if rule.times <= 0:
                        self._rules.remove(rule)
                    return rule
        return None

    def rules(self) -> list[FaultRule]:
        with self._lock:
            return [FaultRule(**asdict(rule)) for rule in self._rules]

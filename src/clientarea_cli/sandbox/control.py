"""The test-only control endpoints (``/_sandbox/…``) and the request log they expose.

Mounted only when the app is built with ``control=True``; never reachable otherwise.

- ``POST /_sandbox/faults`` ``{kind, method, path_prefix, times, retry_after, delay}``: add a rule;
- ``GET /_sandbox/faults``: the active rules; ``DELETE /_sandbox/faults``: remove them all;
- ``GET /_sandbox/requests``: requests by ``"METHOD /path"`` since start, and the last 1000
  as ``[method, path, status]`` (status ``null`` when the connection was dropped);
- ``POST /_sandbox/clock`` ``{"days": N}``: advance the simulated clock, running the renewal
  cycle for every day passed; answers the summary (``renewals.AdvanceSummary``);
- the money side's back office (approve a bank transfer, show a verification challenge):
  ``control_money.py``.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import Counter, deque

from .clock import MAX_ADVANCE_DAYS, advance_clock
from .control_money import handle_money_control
from .faults import FaultPlan
from .store import Database
from .web import ApiError, Request, Response, json_response, not_found, validation_failed

RECENT = 1000


class RequestLog:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()
        self._recent: deque[tuple[str, str, int | None]] = deque(maxlen=RECENT)

    def record(self, method: str, path: str, status: int | None) -> None:
        with self._lock:
            self._counts[f"{method} {path}"] += 1
            self._recent.append((method, path, status))

    def snapshot(self) -> dict[str, object]:
        with self._lock:
            return {
                "total": sum(self._counts.values()),
                "counts": dict(self._counts),
                "recent": [list(entry) for entry in self._recent],
            }

    def count(self, method: str, path: str) -> int:
        with self._lock:
            return self._counts[f"{method} {path}"]


def _add_fault(faults: FaultPlan, request: Request) -> Response:
    body = request.json_body()
    if not isinstance(body, dict):
        raise validation_failed({"body": "must be a JSON object with at least 'kind'"})
    method, prefix = body.get("method"), body.get("path_prefix")
    if not isinstance(method, str | None) or not isinstance(prefix, str | None):
        raise validation_failed({"fault": "method and path_prefix must be strings or null"})
    try:
        rule = faults.add(
            str(body.get("kind")),
            method=method,
            path_prefix=prefix,
            times=int(body.get("times", 1)),
            retry_after=int(body.get("retry_after", 1)),
            delay=float(body.get("delay", 0.0)),
        )
    except (TypeError, ValueError) as exc:
        raise validation_failed({"fault": str(exc)}) from exc
    return json_response({"rule": rule.to_json()}, 201)


def _advance(db: Database, request: Request) -> Response:
    body = request.json_body()
    days = body.get("days") if isinstance(body, dict) else None
    if not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= MAX_ADVANCE_DAYS:
        raise validation_failed({"days": f"must be a whole number from 0 to {MAX_ADVANCE_DAYS}"})
    summary = advance_clock(db, days)
    answer = dataclasses.asdict(summary)
    answer["today"] = summary.today.isoformat()
    answer["summary"] = summary.line()
    return json_response(answer)


def handle_control(
    faults: FaultPlan, log: RequestLog, request: Request, db: Database | None = None
) -> Response:
    try:
        if request.path == "/_sandbox/clock" and db is not None:
            if request.method != "POST":
                raise ApiError(405, "method_not_allowed", f"{request.method} is not allowed here")
            return _advance(db, request)
        money = None if db is None else handle_money_control(request, db)
        if money is not None:
            return money
        if request.path == "/_sandbox/faults":
            if request.method == "POST":
                return _add_fault(faults, request)
            if request.method == "GET":
                return json_response({"rules": [rule.to_json() for rule in faults.rules()]})
            if request.method == "DELETE":
                return json_response({"cleared": faults.clear()})
            raise ApiError(405, "method_not_allowed", f"{request.method} is not allowed here")
        if request.path == "/_sandbox/requests" and request.method == "GET":
            return json_response(log.snapshot())
        raise not_found("control endpoint")
    except ApiError as exc:
        return exc.to_response()

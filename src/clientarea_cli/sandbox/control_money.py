"""Test-only control endpoints of the money side (mounted with ``control.py``'s, ``--control``).

The provider's back office, for tests and demos over a served sandbox:

- ``POST /_sandbox/transfers/{reference}/approve`` (also ``/_sandbox/top-ups/{reference}/approve``):
  confirm a bank transfer (``transfers.approve_transfer``): ``200`` with what it did, ``404`` for an
  unknown reference, ``409`` when nothing waits for that transfer;
- ``GET /_sandbox/payment-methods/{id}/challenge``: the pending verification challenge of a method
  with its expected answer (``verification.pending_challenge``), ``404`` when there is none.
"""

from __future__ import annotations

import dataclasses
import re

from .store import Database
from .transfers import TransferConflict, TransferNotFound, approve_transfer
from .verification import pending_challenge
from .web import ApiError, Request, Response, json_response

_APPROVE = re.compile(r"^/_sandbox/(?:transfers|top-ups)/(?P<reference>[^/]{1,64})/approve$")
_CHALLENGE = re.compile(r"^/_sandbox/payment-methods/(?P<id>\d{1,18})/challenge$")


def _only(request: Request, method: str) -> None:
    if request.method != method:
        raise ApiError(405, "method_not_allowed", f"{request.method} is not allowed here",
                       {"allowed": [method]}, headers={"Allow": method})  # fmt: skip


def handle_money_control(request: Request, db: Database) -> Response | None:
    """The answer of a money control endpoint, or None when the path is not one of them."""
    found = _APPROVE.match(request.path)
    if found:
        _only(request, "POST")
        try:
            approval = approve_transfer(db, found.group("reference"))
        except TransferNotFound as exc:
            raise ApiError(404, "not_found", str(exc)) from None
        except TransferConflict as exc:
            raise ApiError(409, "conflict", str(exc)) from None
        return json_response(approval.to_json())
    found = _CHALLENGE.match(request.path)
    if found:
        _only(request, "GET")
        challenge = pending_challenge(db, int(found.group("id")))
        if challenge is None:
            raise ApiError(404, "not_found", "no pending verification challenge for this method")
        return json_response(dataclasses.asdict(challenge))
    return None

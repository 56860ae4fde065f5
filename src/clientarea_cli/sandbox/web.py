"""Plain HTTP values for the sandbox: the request, the response, and the contract's errors."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs

JSON_TYPE = "application/json"


class ConnectionDropped(Exception):
    """Raised by the app to make the server close the socket without answering."""


class ApiError(Exception):
    """An error answer in the contract's shape: ``{"error": {"code", "message", "details"}}``."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: object = None,
        *,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = dict(headers or {})

    def to_response(self) -> Response:
        body = {"error": {"code": self.code, "message": self.message, "details": self.details}}
        return json_response(body, self.status, self.headers)


def not_found(what: str = "resource") -> ApiError:
    return ApiError(404, "not_found", f"{what} not found")


def validation_failed(details: Mapping[str, str]) -> ApiError:
    return ApiError(422, "validation_failed", "invalid request parameters", dict(details))


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def status_line(self) -> str:
        try:
            phrase = HTTPStatus(self.status).phrase
        except ValueError:
            phrase = "Unknown"
        return f"{self.status} {phrase}"

    def json(self) -> Any:
        return json.loads(self.body)


def dump_json(payload: object) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def json_response(
    payload: object, status: int = 200, headers: Mapping[str, str] | None = None
) -> Response:
    return Response(status, dump_json(payload), dict(headers or {}))


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    body: bytes = b""
    complete: bool = True
    """False when the body ended before its Content-Length (the client died mid-body)."""

    @classmethod
    def from_environ(cls, environ: Mapping[str, Any]) -> Request:
        headers = {
            key[5:].replace("_", "-").lower(): str(value)
            for key, value in environ.items()
            if key.startswith("HTTP_")
        }
        if environ.get("CONTENT_TYPE"):
            headers["content-type"] = str(environ["CONTENT_TYPE"])
        body = b""
        length = str(environ.get("CONTENT_LENGTH") or "0")
        complete = True
        if length.isdigit() and int(length) > 0:
            # Always read the whole body so a keep-alive connection stays in sync.
            body = environ["wsgi.input"].read(int(length))
            complete = len(body) == int(length)
        path = str(environ.get("PATH_INFO") or "/")
        # PEP 3333 hands PATH_INFO over as latin-1 decoded bytes; names are UTF-8.
        with contextlib.suppress(UnicodeError):
            path = path.encode("latin-1").decode("utf-8")
        query = parse_qs(str(environ.get("QUERY_STRING") or ""), keep_blank_values=True)
        method = str(environ.get("REQUEST_METHOD") or "GET").upper()
        return cls(
            method=method, path=path, query=query, headers=headers, body=body, complete=complete
        )

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def json_body(self) -> Any:
        """The body parsed as JSON; 400 bad_request when it is not JSON."""
        if not self.body:
            return None
        from .json_bodies import parse_json

        return parse_json(self.body)

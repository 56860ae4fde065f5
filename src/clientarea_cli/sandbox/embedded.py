"""The embedded sandbox: an httpx transport that runs the app in-process (no sockets).

A profile whose URL is ``sandbox:`` talks to this transport; the client's base URL is then
``http://sandbox.invalid`` (the app ignores the host). The only sandbox module importing httpx.
"""

from __future__ import annotations

from pathlib import Path

import httpx

from .app import SandboxApp
from .web import ConnectionDropped

BASE_URL = "http://sandbox.invalid"


class EmbeddedTransport(httpx.BaseTransport):
    """Serve requests from a ``SandboxApp`` over the database at ``db_path``.

    The database is created and seeded when it does not exist, and persists between runs.
    A dropped connection (fault mode) surfaces as ``httpx.RemoteProtocolError``, as it would
    over a socket.
    """

    def __init__(self, db_path: str | Path) -> None:
        self.app = SandboxApp(db_path)  # ``.app.faults`` drives fault modes in tests
        self._wsgi = httpx.WSGITransport(app=self.app)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        try:
            return self._wsgi.handle_request(request)
        except ConnectionDropped as exc:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            ) from exc

    def close(self) -> None:
        self._wsgi.close()
        self.app.db.release()

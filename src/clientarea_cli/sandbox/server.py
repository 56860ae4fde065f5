"""Serving the sandbox over real sockets: a threaded wsgiref server, quiet, with keep-alive.

wsgiref alone speaks HTTP/1.0 and closes after every request; here each connection is served
by its own daemon thread that answers requests in a loop (HTTP/1.1 keep-alive), since every
response of the app carries a Content-Length. A ``ConnectionDropped`` raised by the app makes
the handler close the socket without writing anything.
"""

from __future__ import annotations

import contextlib
import ipaddress
import select
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Callable
from typing import IO, Any, cast
from wsgiref.simple_server import ServerHandler, WSGIRequestHandler, WSGIServer

from .web import ConnectionDropped

IDLE_TIMEOUT_S = 30.0


class _Handler(ServerHandler):
    http_version = "1.1"
    request_handler: WSGIRequestHandler

    def handle_error(self) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionDropped):
            raise error  # out of run(), to the request handler, which drops the connection
        super().handle_error()


class _RequestHandler(WSGIRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = IDLE_TIMEOUT_S  # an idle keep-alive connection is closed after this
    # Buffer the status line, headers and body into one send, and send it at once: small
    # separate writes meet Nagle's algorithm and delayed ACKs (40 ms per request).
    wbufsize = 64 * 1024
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: no line on stderr per request."""

    def handle(self) -> None:
        self.close_connection = True
        self._handle_one()
        while not self.close_connection:
            self._handle_one()

    def _handle_one(self) -> None:
        try:
            self._read_and_answer()
        finally:
            with contextlib.suppress(OSError):
                self.wfile.flush()

    def _read_and_answer(self) -> None:
        self.close_connection = True
        try:
            self.raw_requestline = self.rfile.readline(65537)
        except (TimeoutError, ConnectionError):
            return
        if not self.raw_requestline:
            return
        if len(self.raw_requestline) > 65536:
            self.send_error(414)
            return
        if not self.parse_request():
            return
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.send_error(411, "send a Content-Length")
            return
        wfile = cast(IO[bytes], self.wfile)
        handler = _Handler(
            self.rfile, wfile, self.get_stderr(), self.get_environ(), multithread=True
        )
        handler.request_handler = self
        try:
            handler.run(self.server.get_app())  # type: ignore[attr-defined]
        except ConnectionDropped:
            self.close_connection = True
            self._drop()

    def _drop(self) -> None:
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)


class _Server(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def server_activate(self) -> None:
        super().server_activate()
        self._connections = 0
        self._changed = threading.Condition()

    def get_request(self) -> tuple[socket.socket, Any]:
        # Accepted and counted under one lock: `wait_idle` sees a connection either waiting to
        # be accepted or counted, never in between.
        with self._changed:
            request = super().get_request()
            self._connections += 1
        return request

    def shutdown_request(self, request: Any) -> None:
        """Called once for every accepted connection, when its handler is done with it."""
        super().shutdown_request(request)
        with self._changed:
            self._connections -= 1
            self._changed.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        waiting = select.poll()  # not select.select: a busy process may have fds past 1023
        waiting.register(self.socket, select.POLLIN)
        with self._changed:
            while self._connections or waiting.poll(0):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(min(left, 0.05))
        return True

    def server_bind(self) -> None:
        # HTTPServer.server_bind calls socket.getfqdn(), a reverse DNS lookup that can stall.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)
        self.setup_environ()


class _Server6(_Server):
    address_family = socket.AF_INET6


class RunningServer:
    """A sandbox served on a background thread; ``shutdown()`` stops it."""

    def __init__(self, server: _Server, thread: threading.Thread) -> None:
        self._server = server
        self._thread = thread
        self.host = server.server_name
        self.port = server.server_port

    @property
    def url(self) -> str:
        return _url(self._server)

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Wait until no connection is open or waiting to be accepted (False after `timeout`).

        Then every request a client sent before it went away (a process killed with requests
        in flight) has been handled: its changes are in the database, its answer written or
        dropped. A client that comes after sees all of them.
        """
        return self._server.wait_idle(timeout)

    def shutdown(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.shutdown()


def check_bind_host(host: str, public: bool) -> None:
    """Refuse a non-loopback listening address unless ``public`` is set."""
    if public or host == "localhost":
        return
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(
            f"refusing to listen on {host}: it is not a loopback address "
            "(the sandbox is for local use; pass --public to expose it)"
        )


def _url(server: _Server) -> str:
    host = server.server_name
    return (
        f"http://[{host}]:{server.server_port}"
        if ":" in host
        else f"http://{host}:{server.server_port}"
    )


def _make_server(app: Callable[..., Any], host: str, port: int) -> _Server:
    server_class = _Server6 if ":" in host else _Server
    server = server_class((host, port), _RequestHandler)
    server.set_app(app)
    return server


def serve(app: Callable[..., Any], host: str = "127.0.0.1", port: int = 0) -> RunningServer:
    """Serve ``app`` on a background thread; port 0 picks a free port."""
    server = _make_server(app, host, port)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    return RunningServer(server, thread)


def serve_forever(
    app: Callable[..., Any], host: str, port: int, on_ready: Callable[[str], None]
) -> None:
    """Serve ``app`` in the foreground until interrupted; ``on_ready`` gets the URL first."""
    server = _make_server(app, host, port)
    try:
        on_ready(_url(server))
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()

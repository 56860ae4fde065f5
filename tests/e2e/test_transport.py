"""Over real sockets: proxies, TLS failures, bad URLs and a busy port, each with its own cause."""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import Served, Subprocess

DEMO_KEY = "sk_sandbox_demo_0000000000000000"


class Listener:
    """A TCP listener on 127.0.0.1 that records every byte it receives and answers 502."""

    def __init__(self, wrap: ssl.SSLContext | None = None) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        self._wrap = wrap
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        try:
            if self._wrap is not None:
                conn = self._wrap.wrap_socket(conn, server_side=True)
            conn.settimeout(5)
            data = conn.recv(65536)
            self.received.append(data)
            conn.sendall(
                b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            )
        except (OSError, ssl.SSLError):
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def proxy() -> Iterator[Listener]:
    listener = Listener()
    yield listener
    listener.close()


def _proxy_env(port: int) -> dict[str, str]:
    url = f"http://127.0.0.1:{port}"
    return dict.fromkeys(("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"), url)  # fmt: skip


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_a_loopback_provider_is_never_reached_through_a_proxy(
    proc: Subprocess, served: Served, proxy: Listener, host: str
) -> None:
    url = served.url.replace("127.0.0.1", host)
    env = _proxy_env(proxy.port)
    login = proc("auth", "login", "--url", url, "--with-token", stdin=DEMO_KEY + "\n", env=env)
    assert login.exit_code == 0, login.stderr
    listing = proc("services", "list", "-o", "json", env=env)
    assert listing.exit_code == 0, listing.stderr
    assert listing.stdout.startswith("[")
    assert proxy.received == []


def test_the_proxy_listener_sees_what_is_sent_through_it(proxy: Listener) -> None:
    """The control: the listener does record a request that is sent to it."""
    import httpx

    with httpx.Client(proxy=f"http://127.0.0.1:{proxy.port}") as client:
        answer = client.get("http://provider.test/v1/account", headers={"X-Canary": "yes"})
    assert answer.status_code == 502
    assert b"x-canary: yes" in b"".join(proxy.received).lower()


def _self_signed(tmp_path: Path) -> ssl.SSLContext:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    import ipaddress

    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    return context


def test_a_rejected_certificate_is_not_called_a_refused_connection(
    proc: Subprocess, tmp_path: Path
) -> None:
    tls = Listener(wrap=_self_signed(tmp_path))
    try:
        url = f"https://127.0.0.1:{tls.port}/api"
        result = proc("auth", "login", "--url", url, "--with-token", stdin=DEMO_KEY + "\n")
    finally:
        tls.close()
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "error: cannot reach the provider at 127.0.0.1: its TLS certificate was not accepted "
        "(self-signed certificate)",
        "hint: the provider must present a valid certificate for this host name",
    ]
    assert tls.received == []  # the key was never sent


def test_a_closed_port_reads_connection_refused(proc: Subprocess) -> None:
    closed = socket.create_server(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    result = proc("auth", "login", "--url", f"http://127.0.0.1:{port}", "--with-token", stdin="k\n")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "error: cannot reach the provider at 127.0.0.1: connection refused"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://999.1.1.1/api",
        "https://a..b/api",
        "https://exa mple.com/api",
        "https://billing.example.com:99999/api",
        "https://billing.example.com:port/api",
        "https://" + "a" * 64 + ".example/api",
    ],
)
def test_a_url_with_an_impossible_host_or_port_is_a_usage_error(
    proc: Subprocess, url: str, isolated: Path
) -> None:
    result = proc("auth", "login", "--url", url, "--with-token", stdin=DEMO_KEY + "\n")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"error: not a provider URL: {url!r}"), result.stderr
    assert "internal error" not in result.stderr
    assert not (isolated / ".config/clientarea/config.toml").exists()


def test_sandbox_serve_on_a_busy_port_says_so(proc: Subprocess) -> None:
    busy = socket.create_server(("127.0.0.1", 0))
    port = busy.getsockname()[1]
    try:
        result = proc("sandbox", "serve", "--port", str(port))
    finally:
        busy.close()
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: cannot listen on 127.0.0.1:{port}: address already in use",
        "hint: choose another --port (0 picks a free one)",
    ]


def test_a_host_that_does_not_exist_is_named_as_such(proc: Subprocess) -> None:
    url = "https://no-such-host.invalid/api"  # .invalid never resolves (RFC 2606)
    result = proc("auth", "login", "--url", url, "--with-token", stdin=DEMO_KEY + "\n")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "error: cannot reach the provider at no-such-host.invalid: host not found"
    )

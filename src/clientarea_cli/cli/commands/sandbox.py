"""`clientarea sandbox …`: run the reference provider on 127.0.0.1, reset its database, move its
simulated clock forward, or act as its back office (confirm a bank transfer, show a verification
challenge's answer)."""

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from clientarea_cli.i18n import _

app = typer.Typer(
    help="Run, reset or advance the sandbox provider, or act as its back office (local, for trying).",
    no_args_is_help=True,
)

MAX_ADVANCE_DAYS = 3660  # the sandbox's own limit (clock.MAX_ADVANCE_DAYS), kept import-free
MAX_EXTRA_DOMAINS = 1_000_000  # likewise seed.extra.MAX_EXTRA_DOMAINS

DbOpt = Annotated[
    Path | None,
    typer.Option("--db", help="SQLite file (default: the embedded sandbox's).", metavar="PATH"),
]


def _db(path: Path | None) -> Path:
    from clientarea_cli.config.paths import sandbox_database

    return path or sandbox_database()


def _today(value: str | None) -> date | None:
    from clientarea_cli.errors import UsageError

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            _("invalid value for --today: {value!r} (use YYYY-MM-DD)").format(value=value)
        ) from None


@app.command("serve")
def serve(
    port: Annotated[int, typer.Option(help="Port (0 picks a free one).")] = 8080,
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    db: DbOpt = None,
    public: Annotated[
        bool, typer.Option("--public", help="Allow binding a non-loopback address.")
    ] = False,
    delay_ms: Annotated[
        int, typer.Option("--delay-ms", help="Add this delay to every request (benchmarks).")
    ] = 0,
    control: Annotated[
        bool,
        typer.Option("--control", help="Mount the /_sandbox fault-injection endpoints (tests)."),
    ] = False,
) -> None:
    """Serve the sandbox provider over HTTP until Ctrl-C.

    Example: clientarea sandbox serve --port 8080
    """
    from clientarea_cli import collector
    from clientarea_cli.errors import ClientAreaError, UsageError
    from clientarea_cli.sandbox import DEMO_API_KEY, SandboxApp
    from clientarea_cli.sandbox.server import check_bind_host, serve_forever

    try:
        check_bind_host(host, public)
    except ValueError as exc:
        raise UsageError(
            str(exc), hint=_("pass --public to expose the sandbox on purpose")
        ) from None
    if not 0 <= port <= 65535:
        raise UsageError(_("invalid value for --port: {port}").format(port=port))
    path = _db(db)
    sandbox_app = SandboxApp(str(path), control=control, delay_ms=delay_ms)

    def ready(url: str) -> None:
        sys.stdout.write(_("Sandbox provider listening on {url}\n").format(url=url))
        sys.stdout.write(_("Database: {path}\n").format(path=path))
        sys.stdout.write(
            _("Demo API key (not a secret): {DEMO_API_KEY}\n").format(DEMO_API_KEY=DEMO_API_KEY)
        )
        sys.stdout.write(_("Log in with: clientarea auth login --url {url}\n").format(url=url))
        sys.stdout.flush()

    try:
        with collector.running():  # a server outlives its requests' garbage
            serve_forever(sandbox_app, host, port, on_ready=ready)
    except KeyboardInterrupt:
        sys.stderr.write(_("sandbox stopped\n"))
    except OSError as exc:  # the port is taken, the address is not this machine's, …
        reason = exc.strerror or str(exc)
        raise ClientAreaError(
            _("cannot listen on {host}:{port}: {value}{reason}").format(
                host=host, port=port, value=reason[:1].lower(), reason=reason[1:]
            ),
            hint=_("choose another --port (0 picks a free one)") if port else None,
        ) from None


@app.command("reset")
def reset(
    db: DbOpt = None,
    today: Annotated[
        str | None, typer.Option(help="The sandbox's business date (default: today).")
    ] = None,
    extra_domains: Annotated[
        int,
        typer.Option(
            "--extra-domains",
            help="Add N generated domains to the demo client (benchmarks).",
            metavar="N",
        ),
    ] = 0,
) -> None:
    """Recreate the sandbox database with fresh demo data.

    Example: clientarea sandbox reset --today 2026-11-22
    """
    from clientarea_cli.errors import UsageError
    from clientarea_cli.sandbox import reset_database

    if not 0 <= extra_domains <= MAX_EXTRA_DOMAINS:
        raise UsageError(
            _(
                "invalid value for --extra-domains: {extra_domains} (0 to {MAX_EXTRA_DOMAINS})"
            ).format(extra_domains=extra_domains, MAX_EXTRA_DOMAINS=MAX_EXTRA_DOMAINS)
        )
    path = _db(db)
    reset_database(path, _today(today), extra_domains=extra_domains)
    extra = _(" with {count} extra domains").format(count=extra_domains) if extra_domains else ""
    sys.stderr.write(_("Sandbox database reset{extra}: {path}\n").format(extra=extra, path=path))


@app.command("advance")
def advance(
    days: Annotated[
        int, typer.Option("--days", help="How many days to move the clock forward.", metavar="N")
    ],
    db: DbOpt = None,
) -> None:
    """Move the sandbox's clock forward, running each day's renewals, charges and expiries.

    Example: clientarea sandbox advance --days 30
    """
    from clientarea_cli.errors import UsageError
    from clientarea_cli.sandbox import advance_clock, open_database

    if not 1 <= days <= MAX_ADVANCE_DAYS:
        raise UsageError(
            _("invalid value for --days: {days} (1 to {MAX_ADVANCE_DAYS})").format(
                days=days, MAX_ADVANCE_DAYS=MAX_ADVANCE_DAYS
            )
        )
    path = _db(db)
    if not path.exists():
        raise UsageError(
            _("no sandbox database at {path}").format(path=path),
            hint=_("create one with: clientarea sandbox reset"),
        )
    summary = advance_clock(open_database(path), days)
    sys.stdout.write(summary.line() + "\n")


def _existing(db: Path | None) -> Path:
    from clientarea_cli.errors import UsageError

    path = _db(db)
    if not path.exists():
        raise UsageError(
            _("no sandbox database at {path}").format(path=path),
            hint=_("create one with: clientarea sandbox reset"),
        )
    return path


@app.command("approve-transfer")
def approve_transfer(
    reference: Annotated[
        str,
        typer.Argument(
            help="The transfer's reference: a top-up's code (TU-…) or an invoice's number.",
            metavar="REFERENCE",
            show_default=False,
        ),
    ],
    db: DbOpt = None,
) -> None:
    """Confirm, as the provider, that a bank transfer arrived: credit the pending top-up with this
    reference, or pay the invoice with this number.

    Example: clientarea sandbox approve-transfer TU-7Q4K2M
    """
    from clientarea_cli.errors import ClientAreaError, NotFound
    from clientarea_cli.sandbox import open_database
    from clientarea_cli.sandbox.transfers import (
        TransferConflict,
        TransferNotFound,
        approve_transfer,
    )

    path = _existing(db)
    try:
        approval = approve_transfer(open_database(path), reference)
    except TransferNotFound as exc:
        raise NotFound(
            str(exc), hint=_("list pending top-ups with: clientarea wallet pending")
        ) from None
    except TransferConflict as exc:
        raise ClientAreaError(str(exc)) from None
    sys.stdout.write(approval.line() + "\n")


@app.command("show-challenge")
def show_challenge(
    payment_method_id: Annotated[
        int,
        typer.Argument(help="The payment method's id.", metavar="ID", show_default=False),
    ],
    db: DbOpt = None,
) -> None:
    """Print the answer of a payment method's pending verification challenge (the small amount
    the sandbox "charged"), which a real provider shows only on the bank statement.

    Example: clientarea sandbox show-challenge 25
    """
    from clientarea_cli.errors import NotFound
    from clientarea_cli.sandbox import open_database
    from clientarea_cli.sandbox.verification import pending_challenge

    path = _existing(db)
    challenge = pending_challenge(open_database(path), payment_method_id)
    if challenge is None:
        raise NotFound(
            _("payment method {payment_method_id} has no pending verification challenge").format(
                payment_method_id=payment_method_id
            ),
            hint=_("start one with: clientarea payment-methods verify {payment_method_id}").format(
                payment_method_id=payment_method_id
            ),
        )
    sys.stderr.write(
        _(
            "Payment method {payment_method_id} ({method}): {attempts_left} attempts left, expires {expires_at}\n"
        ).format(
            payment_method_id=challenge.payment_method_id,
            method=challenge.method,
            attempts_left=challenge.attempts_left,
            expires_at=challenge.expires_at,
        )
    )
    sys.stdout.write(challenge.answer + "\n")

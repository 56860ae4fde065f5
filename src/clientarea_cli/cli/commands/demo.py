"""`clientarea demo`: a fresh sandbox account and a profile pointing at it, then a short tour."""

import sys

import typer

from clientarea_cli.cli.context import AppContext
from clientarea_cli.i18n import N_, _

app = typer.Typer(help="Try clientarea on the embedded sandbox provider.")

TOUR = N_("""\
The demo profile is ready: {name} ({email}) at the embedded sandbox provider.
Everything runs in-process against a real SQLite database in {db};
nothing leaves this machine and no keyring is needed.

Try:
  clientarea status                                  the account on one screen
  clientarea billing outlook                         every renewal in 90 days and how it is paid
  clientarea domains list --expiring-within 30d      what expires this month
  clientarea domains list --auto-renew off -o json   machine-readable, for jq
  clientarea services list                           hosting services and their cycles
  clientarea invoices list --status unpaid           what is still due
  clientarea wallet show                             account credit and movements
  clientarea payment-methods list                    cards and direct debits
  clientarea domains recur --tld es --method 4242 --dry-run   bulk changes: plan first
  clientarea sandbox advance --days 40               move the sandbox's clock: renewals happen
  clientarea help exit-codes

`clientarea demo` again starts over from a fresh account.
""")


@app.command()
def demo(ctx: typer.Context) -> None:
    """Create (or reset) the `demo` profile on the embedded sandbox and print a short tour.

    Example: clientarea demo && clientarea domains list --expiring-within 30d
    """
    from clientarea_cli.config.paths import sandbox_database
    from clientarea_cli.config.store import SANDBOX_URL, Profile
    from clientarea_cli.sandbox import reset_database

    app_ctx = AppContext.of(ctx)
    db = sandbox_database()
    reset_database(db)
    app_ctx.config().put("demo", Profile(url=SANDBOX_URL, token_store="demo"))
    app_ctx.options.profile = "demo"
    account = app_ctx.driver().get_account()
    app_ctx.config().put(
        "demo", Profile(url=SANDBOX_URL, token_store="demo", account=account.email)
    )
    sys.stdout.write(_(TOUR).format(name=account.full_name, email=account.email, db=db))

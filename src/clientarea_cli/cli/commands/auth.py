"""`clientarea auth …`: log in (key checked before it is stored), status, log out, print the token.

The API key never comes from argv: a hidden prompt, stdin (`--with-token`), or CLIENTAREA_TOKEN.
"""

import sys
from typing import Annotated

import typer

from clientarea_cli.cli import values
from clientarea_cli.cli.context import AppContext
from clientarea_cli.cli.options import OutputOpt
from clientarea_cli.i18n import _
from clientarea_cli.models.choices import DRIVERS

app = typer.Typer(
    help="Log in, log out, and see where the API key comes from.", no_args_is_help=True
)


def _say(text: str) -> None:
    sys.stderr.write(_("{text}\n").format(text=text))


@app.command("login")
def login(
    ctx: typer.Context,
    url: Annotated[
        str | None,
        typer.Option(help="The provider's API root, e.g. https://billing.example.com/api."),
    ] = None,
    driver: Annotated[
        str,
        typer.Option(
            "--provider",
            "--driver",
            help="Provider: clientarea (the open Client Area API) or fossbilling (more with plugins).",
            autocompletion=values.choices(DRIVERS),
        ),
    ] = "clientarea",
    profile: Annotated[
        str | None, typer.Option("--profile", "-p", help="Profile name to save (default: default).")
    ] = None,
    with_token: Annotated[
        bool, typer.Option("--with-token", help="Read the API key from standard input.")
    ] = False,
    insecure_storage: Annotated[
        bool,
        typer.Option(
            "--insecure-storage",
            help="Without a usable keyring, store the key in a plain 0600 file.",
        ),
    ] = False,
) -> None:
    """Log in to a provider: the key is checked against it, then kept in the OS keyring.

    Example: echo "$KEY" | clientarea auth login --url https://billing.example.com/api --with-token
    """
    from clientarea_cli.cli.session import open_driver
    from clientarea_cli.config.secrets import InsecureFileStore, KeyringStore
    from clientarea_cli.config.store import SANDBOX_URL, Profile
    from clientarea_cli.drivers import registry
    from clientarea_cli.drivers.connection import check_base_url
    from clientarea_cli.errors import ConfirmationRequired, UsageError

    app_ctx = AppContext.of(ctx)
    name = profile or app_ctx.options.profile or "default"
    if url is None:
        if not app_ctx.can_prompt():
            raise UsageError(_("the provider URL is missing: pass --url"))
        url = typer.prompt(_("Provider API URL")).strip()
    url = url.strip().rstrip("/")
    if url != SANDBOX_URL:
        check_base_url(url)
    registry.load(driver)

    # Refuse early, before asking for the key, when it could not be stored safely.
    keyring_store = KeyringStore()
    backend = None if insecure_storage else keyring_store.check_usable()

    if with_token:
        token = sys.stdin.readline().strip()
    elif app_ctx.can_prompt():
        token = typer.prompt(_("API key"), hide_input=True).strip()
    else:
        raise ConfirmationRequired(_("--with-token (and the API key on standard input)"))
    if not token:
        raise UsageError(_("the API key is empty"))

    new_profile = Profile(
        url=url, driver=driver, token_store="file" if insecure_storage else "keyring"
    )
    debug = app_ctx.debug_line if app_ctx.options.debug else None
    checker = open_driver(new_profile, token, debug=debug)
    try:
        account = checker.get_account()
    finally:
        checker.close()

    if insecure_storage:
        store = InsecureFileStore()
        _say(f"warning: storing the API key in plain text in {store.path} (mode 0600)")
        store.set(name, token)
        where = f"file {store.path}"
    else:
        keyring_store.set(name, token)
        where = f"keyring ({backend})"
    app_ctx.config().put(name, new_profile.model_copy(update={"account": account.email}))
    _say(f"Logged in to {url} as {account.email} (profile {name}); API key stored in {where}.")


@app.command("status")
def status(ctx: typer.Context, output: OutputOpt = None) -> None:
    """Show the profile, the account, and where the API key comes from.

    Example: clientarea auth status
    """
    from clientarea_cli.cli.session import resolve_token
    from clientarea_cli.config.secrets import KeyringStore, env_token
    from clientarea_cli.models import AuthStatus

    app_ctx = AppContext.of(ctx)
    name, profile = app_ctx.profile()
    token = resolve_token(name, profile)
    note = None
    if env_token() is not None and profile.token_store != "demo":
        note = "CLIENTAREA_TOKEN is set: it is used instead of the stored key"
    backend = KeyringStore().backend_name() if profile.token_store == "keyring" else None
    account = app_ctx.driver().get_account()
    app_ctx.renderer(output).one(
        AuthStatus(
            profile=name,
            url=profile.url,
            driver=profile.driver,
            account=account.email,
            name=account.full_name,
            token_source=token.source,
            keyring_backend=backend,
            note=note,
        )
    )


@app.command("logout")
def logout(ctx: typer.Context) -> None:
    """Forget the profile's API key (it is not revoked at the provider).

    Example: clientarea auth logout --profile reseller
    """
    from clientarea_cli.config.secrets import InsecureFileStore, KeyringStore, env_token

    app_ctx = AppContext.of(ctx)
    name, profile = app_ctx.profile()
    if profile.token_store == "demo":
        _say(f"profile {name} uses the sandbox's public demo key; nothing to forget")
        return
    store = InsecureFileStore() if profile.token_store == "file" else KeyringStore()
    removed = store.delete(name)
    if removed:
        _say(
            f"Logged out of profile {name}: the API key was removed (not revoked at the provider)."
        )
    else:
        _say(f"profile {name} had no stored API key")
    if env_token() is not None:
        _say("note: CLIENTAREA_TOKEN is still set in this environment")


@app.command("token")
def token(ctx: typer.Context) -> None:
    """Print the active API key, for piping into other tools.

    Example: clientarea auth token | xclip
    """
    from clientarea_cli.cli.session import resolve_token

    app_ctx = AppContext.of(ctx)
    name, profile = app_ctx.profile()
    sys.stdout.write(resolve_token(name, profile).value + "\n")

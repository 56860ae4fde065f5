"""`clientarea profiles …`: the providers and accounts this machine knows."""

import sys
from typing import Annotated

import typer
from typer import Argument

from clientarea_cli.cli import values
from clientarea_cli.cli.context import AppContext
from clientarea_cli.cli.options import NoHeadersOpt, OutputOpt, columns_of
from clientarea_cli.i18n import _

app = typer.Typer(help="List, switch and remove provider profiles.", no_args_is_help=True)
ProfileArg = Annotated[str, Argument(help="Profile name.", autocompletion=values.profiles)]


@app.command("list")
def list_(
    ctx: typer.Context,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("ProfileRow")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List profiles; the current one is marked.

    Example: clientarea profiles list
    """
    from clientarea_cli.models.account import ProfileRow

    app_ctx = AppContext.of(ctx)
    config = app_ctx.config().load()
    rows = [
        ProfileRow(
            current=name == config.current_profile,
            name=name,
            url=p.url,
            driver=p.driver,
            account=p.account,
            token_store=p.token_store,
        )
        for name, p in sorted(config.profiles.items())
    ]
    app_ctx.renderer(output, columns, no_headers).listing(rows, ProfileRow, what="profiles")


@app.command("use")
def use(ctx: typer.Context, name: ProfileArg) -> None:
    """Make a profile the current one.

    Example: clientarea profiles use reseller
    """
    AppContext.of(ctx).config().use(name)
    sys.stderr.write(_("Current profile: {name}\n").format(name=name))


@app.command("remove")
def remove(ctx: typer.Context, name: ProfileArg) -> None:
    """Remove a profile and forget its stored API key.

    Example: clientarea profiles remove old-provider
    """
    from clientarea_cli.config.secrets import InsecureFileStore, KeyringStore
    from clientarea_cli.errors import SecretStoreError

    app_ctx = AppContext.of(ctx)
    removed = app_ctx.config().remove(name)
    try:
        if removed.token_store == "keyring":
            KeyringStore().delete(name)
        elif removed.token_store == "file":
            InsecureFileStore().delete(name)
    except SecretStoreError as exc:
        sys.stderr.write(
            _("warning: the profile is gone but its key could not be deleted: {exc}\n").format(
                exc=exc
            )
        )
    from clientarea_cli.cli import id_cache

    id_cache.forget_all(name)  # the ids Tab offered for it
    sys.stderr.write(_("Removed profile {name}.\n").format(name=name))

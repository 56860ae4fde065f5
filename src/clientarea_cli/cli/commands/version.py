"""`clientarea version`: versions and paths, for bug reports."""

import platform

import typer

from clientarea_cli.cli.context import AppContext
from clientarea_cli.cli.options import OutputOpt

app = typer.Typer(help="Show the version of clientarea and its environment.")


@app.command()
def version(ctx: typer.Context, output: OutputOpt = None) -> None:
    """Show clientarea's version, Python's, the config path and the drivers available.

    Example: clientarea version -o json
    """
    from pydantic import BaseModel

    from clientarea_cli import __version__
    from clientarea_cli.config.paths import config_file
    from clientarea_cli.drivers import registry

    class VersionInfo(BaseModel):
        clientarea: str
        python: str
        platform: str
        config_file: str
        drivers: list[str]

    info = VersionInfo(
        clientarea=__version__,
        python=platform.python_version(),
        platform=platform.platform(terse=True),
        config_file=str(config_file()),
        drivers=registry.available(),
    )
    AppContext.of(ctx).renderer(output).one(info)

"""The console script. `clientarea --help` and `--version` are answered from text made ahead of
time (cli/help_text.py), without importing Typer: one Python start-up. Everything else goes to
the real app (cli/app.py), in a process that ends with the command (collector.py).
"""

from __future__ import annotations

import sys


def main() -> None:
    args = sys.argv[1:]
    if args in (["--help"], ["-h"]):
        from clientarea_cli.cli.help_text import ROOT_HELP, ROOT_HELP_ES
        from clientarea_cli.cli.language import choose

        sys.stdout.write(ROOT_HELP_ES if choose(args) == "es" else ROOT_HELP)
        return
    if args == ["--version"]:
        from clientarea_cli import __version__

        sys.stdout.write(f"clientarea {__version__}\n")
        return
    import os

    from clientarea_cli import collector

    collector.one_shot()
    # Pydantic plugins would see every payload the models validate (account data, money); the
    # program uses none, and looking for them reads every installed package's metadata.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from clientarea_cli.cli.app import main as app_main

    try:
        app_main()
    finally:
        collector.ending()

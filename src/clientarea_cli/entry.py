"""The console script. `clientarea --help` and `--version` are answered from text made ahead of
time (cli/help_text.py), without importing Typer: one Python start-up. Everything else goes to
the real app (cli/app.py).
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
    from clientarea_cli.cli.app import main as app_main

    app_main()

"""One module per noun; each exposes `app`, loaded lazily by cli.app.SUBCOMMANDS.

No `from __future__ import annotations` in these modules (a test checks): Typer builds a command
from its annotations on every run and every Tab press, and string annotations would be compiled
and evaluated each time (about a tenth of a Tab press). Names imported only for type checking are
quoted where used.
"""

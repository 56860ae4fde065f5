"""Numbers on the command line are typed in ASCII digits, as periods and amounts are.

Python's int() and float(), and so click's INT and FLOAT, take any script's digits (`--limit ١٠`
was 10). When a command group is loaded (cli/lazy.py), every int and float parameter of every
command in it gets the types below: the same conversion, after the check that the text is ASCII
digits (ops/filters.whole_number); anything else is a usage error, exit 2, nothing sent.
"""

from __future__ import annotations

from typing import Any

from typer import _click
from typer._click import types

from clientarea_cli.i18n import _


class AsciiInt(types.IntParamType):
    def convert(
        self, value: Any, param: _click.Parameter | None, ctx: _click.Context | None
    ) -> Any:
        if isinstance(value, str):
            from clientarea_cli.ops.filters import whole_number

            if whole_number(value) is None:
                self.fail(
                    _("{value!r} is not a whole number in the digits 0-9").format(value=value),
                    param,
                    ctx,
                )
        return super().convert(value, param, ctx)


class AsciiFloat(types.FloatParamType):
    def convert(
        self, value: Any, param: _click.Parameter | None, ctx: _click.Context | None
    ) -> Any:
        if isinstance(value, str) and not value.isascii():
            self.fail(
                _("{value!r} is not a number in the digits 0-9").format(value=value), param, ctx
            )
        return super().convert(value, param, ctx)


ASCII_INT = AsciiInt()
ASCII_FLOAT = AsciiFloat()


def ascii_numbers(command: _click.Command) -> None:
    """Give every int and float parameter of `command`, and of the commands under it, the
    ASCII-digit types (click's own INT and FLOAT are what Typer gives `int` and `float`)."""
    # A lazy group (cli/lazy.py) gives the commands it builds later their types itself.
    loaded = getattr(command, "loaded", None)
    for sub in (loaded() if loaded else getattr(command, "commands", {})).values():
        ascii_numbers(sub)
    for param in command.params:
        if type(param.type) is types.IntParamType:
            param.type = ASCII_INT
        elif type(param.type) is types.FloatParamType:
            param.type = ASCII_FLOAT

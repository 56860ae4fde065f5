"""Every int and float parameter of every command takes ASCII digits only (cli/numbers.py): none
is left with click's own INT or FLOAT, which take any script's digits."""

from __future__ import annotations

from collections.abc import Iterator

from typer import _click
from typer._click import types

from clientarea_cli.cli.app import app
from clientarea_cli.cli.numbers import ASCII_FLOAT, ASCII_INT


def _commands(command: _click.Command, path: str) -> Iterator[tuple[str, _click.Command]]:
    yield path, command
    lazy = getattr(command, "lazy_subcommands", {})
    list_commands = getattr(command, "list_commands", None)
    if list_commands is None:
        return
    ctx = _click.Context(command)
    for name in list_commands(ctx):
        sub = command._load(name) if name in lazy else command.get_command(ctx, name)  # type: ignore[attr-defined]
        if sub is not None:
            yield from _commands(sub, f"{path} {name}")


def test_no_parameter_takes_unicode_digits() -> None:
    import typer

    numbers: list[str] = []
    for path, command in _commands(typer.main.get_command(app), "clientarea"):
        for param in command.params:
            assert type(param.type) not in (types.IntParamType, types.FloatParamType), (
                f"{path} {param.name}"
            )
            if param.type in (ASCII_INT, ASCII_FLOAT):
                numbers.append(f"{path} {param.name}")
    assert "clientarea domains list limit" in numbers
    assert "clientarea services show service_id" in numbers
    assert len(numbers) > 20

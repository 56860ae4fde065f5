"""Click's own usage errors in the chosen language, rebuilt from what each exception carries.

Typer's click writes these messages as English f-strings (it never calls gettext), so no
translations object can reach them and nothing here patches click. The error boundary
(cli/errors.py) is the one place they reach the user: there `message(exc)` rebuilds each kind from
its fields (the option's name, the parameter, the extra arguments) with a marked template. Texts
that click builds only as strings ("Got unexpected extra argument(s) (…)", Typer's "No such
command …") are matched whole; a message this module does not know stays as click wrote it.
English runs never call this.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from typer import _click
from typer._click import exceptions as click_errors

from clientarea_cli.i18n import _

# Messages click and Typer build as plain strings: pattern → marked template.
_WHOLE: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"Got unexpected extra argument\(s\) \((?P<args>.*)\)", re.S),
        lambda m: _("Got unexpected extra argument(s) ({args})").format(args=m["args"]),
    ),
    (re.compile(r"Missing command\."), lambda m: _("Missing command.")),
    (
        re.compile(r"No such command (?P<name>'.*')\. Did you mean (?P<matches>.*)\?", re.S),
        lambda m: _("No such command {name}. Did you mean {matches}?").format(
            name=m["name"], matches=m["matches"]
        ),
    ),
    (
        re.compile(r"No such command (?P<name>'.*')\.", re.S),
        lambda m: _("No such command {name}.").format(name=m["name"]),
    ),
    (
        re.compile(r"Option (?P<name>'.*') does not take a value\.", re.S),
        lambda m: _("Option {name} does not take a value.").format(name=m["name"]),
    ),
    (
        re.compile(r"Option (?P<name>'.*') requires an argument\.", re.S),
        lambda m: _("Option {name} requires an argument.").format(name=m["name"]),
    ),
    (
        re.compile(r"Option (?P<name>'.*') requires (?P<count>\d+) arguments\.", re.S),
        lambda m: _("Option {name} requires {count} arguments.").format(
            name=m["name"], count=m["count"]
        ),
    ),
    # What click's own parameter types say inside "Invalid value for …: <reason>".
    (
        re.compile(r"(?P<value>'.*') is not a valid integer\.", re.S),
        lambda m: _("{value} is not a valid integer.").format(value=m["value"]),
    ),
    (
        re.compile(r"(?P<value>'.*') is not a valid float\.", re.S),
        lambda m: _("{value} is not a valid number.").format(value=m["value"]),
    ),
    (
        re.compile(r"(?P<value>.*) is not in the range (?P<range>.*)\.", re.S),
        lambda m: _("{value} is not in the range {range}.").format(
            value=m["value"], range=m["range"]
        ),
    ),
]


def _known(text: str) -> str:
    for pattern, build in _WHOLE:
        match = pattern.fullmatch(text)
        if match:
            return build(match)
    return _(text)  # our own BadParameter reasons are marked where raised (a no-op then)


def _param_hint(exc: click_errors.BadParameter) -> str | None:
    hint = exc.param_hint
    if hint is None and exc.param is not None:
        hint = exc.param.get_error_hint(exc.ctx)  # type: ignore[arg-type]
    if hint is not None and not isinstance(hint, str):
        return " / ".join(repr(x) for x in hint)
    return hint


def message(exc: _click.ClickException) -> str:
    """`exc.format_message()` in the chosen language."""
    if isinstance(exc, click_errors.NoSuchOption):
        text = (
            _("No such option: {name}").format(name=exc.option_name)
            if exc.message.startswith("No such option: ")
            else _known(exc.message)
        )
        if exc.possibilities:
            choices = ", ".join(sorted(exc.possibilities))
            text += " " + _("(Possible options: {choices})").format(choices=choices)
        return text
    if isinstance(exc, click_errors.MissingParameter):
        return _missing(exc)
    if isinstance(exc, click_errors.BadParameter):
        hint = _param_hint(exc)
        reason = _known(exc.message)
        if hint is None:
            return _("Invalid value: {reason}").format(reason=reason)
        return _("Invalid value for {name}: {reason}").format(name=hint, reason=reason)
    return _known(exc.format_message())


def _missing(exc: click_errors.MissingParameter) -> str:
    hint = _param_hint(exc)
    kind = exc.param_type
    if kind is None and exc.param is not None:
        kind = exc.param.param_type_name
    templates = {
        "argument": _("Missing argument {name}."),
        "option": _("Missing option {name}."),
    }
    template = templates.get(kind or "", _("Missing parameter {name}."))
    text = template.format(name=hint or "").replace(" .", ".")
    return f"{text} {_known(exc.message)}" if exc.message else text

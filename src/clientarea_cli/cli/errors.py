"""The single boundary: exception → one line on stderr (+ an optional hint) → exit code.

Nothing below `cli/` prints or exits; everything it raises ends here, and so do click's usage
errors, in the same style: `error: …` then `hint: …`. With `-o json`/`-o jsonl` the error is one
JSON object on stderr instead: {"error": {"code", "exit", "message", "hint"}}. Tracebacks are
shown only with --debug, and never with local variables (they could hold secrets).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import typer
from typer import _click

from clientarea_cli.errors import ClientAreaError, ExitCode
from clientarea_cli.i18n import _, language


def _debug_enabled(args: Sequence[str]) -> bool:
    return "--debug" in args or os.environ.get("CLIENTAREA_DEBUG", "") not in ("", "0")


def _json_errors(args: Sequence[str]) -> bool:
    """Whether the user asked for JSON (-o json/jsonl or --query, before or after the command)."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg in ("-o", "--output") and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith(("--output=", "-o")) and arg not in ("-o", "--output"):
            value = arg.split("=", 1)[1] if arg.startswith("--output=") else arg[2:]
        elif arg == "--query" or arg.startswith("--query="):
            return True
        else:
            continue
        if value in ("json", "jsonl"):
            return True
    return False


def emit(
    code: ExitCode,
    message: str,
    *,
    hint: str | None = None,
    details: Any = None,
    as_json: bool = False,
) -> int:
    """Write one error, in the one style: text lines, or a JSON object with `-o json`."""
    if as_json:
        body: dict[str, Any] = {
            "code": code.name.lower(),
            "exit": int(code),
            "message": message,
            "hint": hint,
        }
        if details:
            body["details"] = details
        sys.stderr.write(json.dumps({"error": body}, ensure_ascii=False, default=str) + "\n")
        return int(code)
    sys.stderr.write(_("error: {message}").format(message=message) + "\n")
    if isinstance(details, dict) and details:
        for key, value in details.items():
            sys.stderr.write(_("  {key}: {value}\n").format(key=key, value=value))
    if hint:
        sys.stderr.write(_("hint: {hint}").format(hint=hint) + "\n")
    return int(code)


def report(exc: ClientAreaError, *, as_json: bool = False) -> int:
    # `_()` again here: a message raised without values is translated even if not marked at source.
    return emit(
        exc.exit_code,
        _(exc.message),
        hint=_(exc.hint) if exc.hint else None,
        details=exc.details,
        as_json=as_json,
    )


def _click_error(exc: _click.exceptions.ClickException, *, as_json: bool) -> int:
    """Click's usage errors ("No such option", a bad value) in our style, with where to look."""
    if isinstance(exc, _click.exceptions.NoArgsIsHelpError):
        exc.show()  # a bare group: its help, as before
        return exc.exit_code
    if language() == "en":
        message = exc.format_message()
    else:
        from clientarea_cli.cli import usage_i18n

        message = usage_i18n.message(exc)
    hint = None
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        hint = _("see `{command} --help`").format(command=ctx.command_path)
    known = {int(c) for c in ExitCode}
    code = ExitCode(exc.exit_code) if exc.exit_code in known else ExitCode.USAGE
    return emit(code, message, hint=hint, as_json=as_json)


def run(app: Any, args: Sequence[str] | None = None) -> NoReturn:
    argv = list(sys.argv[1:] if args is None else args)
    as_json = _json_errors(argv)
    from clientarea_cli.cli.language import apply

    apply(argv)
    try:
        result = app(args=argv, prog_name="clientarea", standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except ClientAreaError as exc:
        code = report(exc, as_json=as_json)
    except typer.Exit as exc:
        code = exc.exit_code
    except _click.exceptions.ClickException as exc:
        code = _click_error(exc, as_json=as_json)
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("\n" + _("interrupted") + "\n")
        code = int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (`| head`): not an error; silence the flush at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 0
    except Exception as exc:
        if _debug_enabled(argv):
            import traceback

            traceback.print_exc()
        message = _(
            "internal error ({name}); run again with --debug for the traceback and report it"
        ).format(name=type(exc).__name__)
        code = emit(ExitCode.ERROR, message, as_json=as_json)
    sys.exit(code)

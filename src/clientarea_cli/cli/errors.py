"""The single boundary: exception → one line on stderr (+ an optional hint) → exit code.

Nothing below `cli/` prints or exits; everything it raises ends here. Tracebacks are shown only
with --debug, and never with local variables (they could hold secrets).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import typer
from typer import _click

from clientarea_cli.errors import ClientAreaError, ExitCode
from clientarea_cli.i18n import _


def _debug_enabled(args: Sequence[str]) -> bool:
    return "--debug" in args or os.environ.get("CLIENTAREA_DEBUG", "") not in ("", "0")


def report(exc: ClientAreaError) -> int:
    # `_()` again here: a message raised without values is translated even if not marked at source.
    sys.stderr.write(_("error: {message}").format(message=_(exc.message)) + "\n")
    details = exc.details
    if isinstance(details, dict) and details:
        for key, value in details.items():
            sys.stderr.write(_("  {key}: {value}\n").format(key=key, value=value))
    if exc.hint:
        sys.stderr.write(_("hint: {hint}").format(hint=_(exc.hint)) + "\n")
    return int(exc.exit_code)


def run(app: Any, args: Sequence[str] | None = None) -> NoReturn:
    argv = list(sys.argv[1:] if args is None else args)
    from clientarea_cli.cli.language import apply

    apply(argv)
    try:
        result = app(args=argv, prog_name="clientarea", standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except ClientAreaError as exc:
        code = report(exc)
    except typer.Exit as exc:
        code = exc.exit_code
    except _click.exceptions.ClickException as exc:
        exc.show()
        code = exc.exit_code
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
        sys.stderr.write(_("error: {message}").format(message=message) + "\n")
        code = int(ExitCode.ERROR)
    sys.exit(code)

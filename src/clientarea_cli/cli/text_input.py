"""Long text and secrets from the user: a message from an option, a file, standard input or
$EDITOR (only on a terminal); passwords from hidden prompts or standard input, never argv."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from clientarea_cli.cli.context import AppContext
from clientarea_cli.i18n import _

EDITOR_HINT = (
    "# Write the message above. Lines starting with # are ignored; an empty message cancels."
)


def _strip_comments(text: str) -> str:
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return "\n".join(lines).strip("\n") + "\n"


def edit(template: str) -> str:
    """Open $VISUAL or $EDITOR (else vi) on a temporary file holding `template`; its text after."""
    import os
    import shlex
    import subprocess
    import tempfile

    from clientarea_cli.errors import UsageError

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    with tempfile.TemporaryDirectory(prefix="clientarea-") as folder:
        path = Path(folder) / "message.txt"
        path.write_text(template, encoding="utf-8")
        try:
            done = subprocess.run([*shlex.split(editor), str(path)], check=False)  # noqa: S603
        except OSError as exc:
            raise UsageError(
                _("cannot run the editor {editor!r}: {exc}").format(editor=editor, exc=exc)
            ) from None
        if done.returncode != 0:
            raise UsageError(
                _("the editor {editor!r} failed (exit {returncode}); nothing was sent").format(
                    editor=editor, returncode=done.returncode
                )
            )
        return path.read_text(encoding="utf-8")


def read_message(
    app_ctx: AppContext, message: str | None, message_file: Path | None, *, about: str
) -> tuple[str, str]:
    """The message and where it came from: `--message`, `--message-file` (`-` for stdin),
    standard input when it is not a terminal, else $EDITOR on a terminal."""
    from clientarea_cli.errors import Declined, UsageError

    if message is not None and message_file is not None:
        raise UsageError(_("give the message once: --message or --message-file, not both"))
    if message is not None:
        return message, "--message"
    if message_file is not None:
        if str(message_file) == "-":
            return sys.stdin.read(), "standard input"
        try:
            return message_file.read_text(encoding="utf-8"), str(message_file)
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(
                _("invalid --message-file: cannot read {message_file}: {exc}").format(
                    message_file=message_file, exc=exc
                )
            ) from None
    if not sys.stdin.isatty():
        return sys.stdin.read(), "standard input"
    if not app_ctx.can_prompt():
        raise UsageError(_("give the message with --message, --message-file or on standard input"))
    edited = edit(f"\n{EDITOR_HINT}\n# {about}\n")
    if not _strip_comments(edited).strip():
        raise Declined(_("cancelled: the message is empty; nothing was sent"))
    return _strip_comments(edited), "the editor"


def read_secrets(app_ctx: AppContext, prompts: list[tuple[str, bool]]) -> list[str]:
    """Each value from a prompt on a terminal (hidden, and asked twice, when the flag says so),
    else one per line on standard input."""
    from clientarea_cli.errors import UsageError

    if app_ctx.can_prompt():
        return [
            typer.prompt(text, hide_input=True, confirmation_prompt=twice, err=True)
            for text, twice in prompts
        ]
    if sys.stdin.isatty():
        raise UsageError(_("no terminal to ask on (--no-input): give the values on standard input"))
    lines = sys.stdin.read().splitlines()
    if len(lines) < len(prompts):
        names = ", ".join(text.lower() for text, _ in prompts)
        raise UsageError(
            _("standard input must hold {count} lines: {names}").format(
                count=len(prompts), names=names
            )
        )
    return [line.rstrip("\r") for line in lines[: len(prompts)]]

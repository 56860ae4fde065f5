"""`clientarea completion SHELL`: print the completion script (packagers redirect it to a file)."""

from typing import Annotated

import typer

from clientarea_cli.cli import values
from clientarea_cli.i18n import _

app = typer.Typer(help="Print the shell completion script.")

SHELLS = ("bash", "zsh", "fish", "powershell")
COMPLETE_VAR = "_CLIENTAREA_COMPLETE"


def script(shell: str) -> str:
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name="clientarea", complete_var=COMPLETE_VAR, shell=shell)


@app.command()
def completion(
    shell: Annotated[
        str,
        typer.Argument(
            help="bash, zsh, fish or powershell.",
            metavar="SHELL",
            autocompletion=values.choices(SHELLS),
        ),
    ],
) -> None:
    """Print the completion script for SHELL.

    Example: clientarea completion bash > ~/.local/share/bash-completion/completions/clientarea
    """
    from clientarea_cli.errors import UsageError

    if shell not in SHELLS:
        raise UsageError(
            _("unsupported shell {shell!r} (choose from {names})").format(
                shell=shell, names=", ".join(SHELLS)
            )
        )
    typer.echo(script(shell))

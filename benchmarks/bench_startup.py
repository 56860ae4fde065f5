"""Start-up: help, Tab completion at every level, and one API command, against floors.

Floors, run by the same Python in the same environment, paired with each case:
- a minimal Typer app (one group, two commands, one option with values), for `--help` and for
  completion at the first word, the second word, the option level, an option's value and an id
  read from the completion cache (issue 12 item 3: ≤ 1.1×);
- a one-request httpx script (GET /v1/domains, JSON printed), for `domains list -o json`
  (issue 12 item 2: ≤ 2× the script and ≤ 1.6× `clientarea domains --help`).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

from harness import Bench, Case, Check, Run

FLOOR_APP = '''
import typer

app = typer.Typer()
greet = typer.Typer(help="Greetings.")
app.add_typer(greet, name="greet")


@greet.command()
def hello(
    name: str = typer.Option("world", autocompletion=lambda: ["moon", "world"]),
    excited: bool = False,
) -> None:
    """Say hello."""
    typer.echo(f"hello {name}")


@greet.command()
def bye() -> None:
    """Say goodbye."""


if __name__ == "__main__":
    app(prog_name="floor")
'''

ONE_REQUEST = """
import json, os, sys
import httpx

with httpx.Client(base_url=sys.argv[1],
                  headers={"Authorization": "Bearer " + os.environ["CLIENTAREA_TOKEN"]}) as client:
    response = client.get("/v1/domains")
    response.raise_for_status()
    print(json.dumps(response.json()["data"], indent=2))
"""


def completion(argv: list[str], var: str, words: str) -> Run:
    """A Tab press after `words` (a trailing space: completing a new, empty word)."""
    cword = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    return Run(argv, env={var: "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword})


def cases(bench: Bench) -> Iterator[Case | Check]:
    floor = bench.work / "floor.py"
    floor.write_text(FLOOR_APP)
    script = bench.work / "one_request.py"
    script.write_text(ONE_REQUEST)
    floor_argv = [bench.python, str(floor)]
    ours = [bench.clientarea]
    runs = 20

    yield Case(
        "--help vs minimal Typer app --help",
        Run([*ours, "--help"]),
        Run([*floor_argv, "--help"]),
        goal=1.25,
        runs=runs,
    )
    levels = (
        ("first word", "clientarea dom", "floor gr"),
        ("second word", "clientarea domains l", "floor greet h"),
        ("option", "clientarea domains list --ex", "floor greet hello --ex"),
        ("option value", "clientarea domains list --status ", "floor greet hello --name "),
        ("column names", "clientarea domains list --columns name,", "floor greet hello --name "),
    )
    for level, words_ours, words_floor in levels:
        yield Case(
            f"completion, {level}, vs minimal Typer app",
            completion(ours, "_CLIENTAREA_COMPLETE", words_ours),
            completion(floor_argv, "_FLOOR_COMPLETE", words_floor),
            goal=1.1,
            runs=runs,
        )
    with bench.sandbox() as sandbox:
        # Ids come from the cache a list command writes (docs/completion.md): list once, then Tab.
        subprocess.run(
            [*ours, "domains", "list", "--all", "-q"],
            env={**bench.env, **sandbox.env},
            check=True,
            capture_output=True,
        )
        yield Case(
            "completion, an id from the cache, vs minimal Typer app",
            completion(ours, "_CLIENTAREA_COMPLETE", "clientarea domains show "),
            completion(floor_argv, "_FLOOR_COMPLETE", "floor greet hello --name "),
            goal=1.1,
            runs=runs,
            env=sandbox.env,
        )
        api = Run([*ours, "domains", "list", "-o", "json"])
        yield Case(
            "domains list -o json vs domains --help",
            api,
            Run([*ours, "domains", "--help"]),
            goal=1.6,
            runs=runs,
            env=sandbox.env,
        )
        yield Case(
            "domains list -o json vs one-request httpx script",
            api,
            Run([bench.python, str(script), sandbox.url]),
            goal=2.0,
            runs=runs,
            env=sandbox.env,
        )

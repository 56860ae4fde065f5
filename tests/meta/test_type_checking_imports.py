"""Names imported only under `if TYPE_CHECKING:` do not exist at run time: they may appear only in
annotations that nothing evaluates. Two checks, over every module of the CLI:

- outside annotations (an `isinstance`, a default value, a call) such a name is used only where
  the function imports it again for itself;
- Typer evaluates the annotations of every command function (typing.get_type_hints) when the
  command is loaded: none of them may name such an import.
"""

from __future__ import annotations

import ast
import importlib
import typing
from pathlib import Path

import typer

CLI = Path(__file__).resolve().parents[2] / "src" / "clientarea_cli" / "cli"


def _type_checking_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in node.body:
                if isinstance(statement, ast.Import | ast.ImportFrom):
                    names |= {a.asname or a.name.split(".")[0] for a in statement.names}
    return names


def _annotation_nodes(tree: ast.Module) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        annotations: list[ast.expr | None] = []
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            args = node.args
            every = [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]
            annotations += [a.annotation for a in every if a is not None]
            annotations.append(node.returns)
        elif isinstance(node, ast.AnnAssign):
            annotations.append(node.annotation)
        for annotation in annotations:
            if annotation is not None:
                found |= {id(sub) for sub in ast.walk(annotation)}
    return found


def _runtime_uses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    hidden = _type_checking_names(tree)
    in_annotations = _annotation_nodes(tree)
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    uses = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Name) or node.id not in hidden or id(node) in in_annotations:
            continue
        enclosing = [f for f in functions if f.lineno <= node.lineno <= (f.end_lineno or 0)]
        imported_locally = any(
            alias.asname == node.id or alias.name.split(".")[0] == node.id
            for f in enclosing
            for statement in ast.walk(f)
            if isinstance(statement, ast.Import | ast.ImportFrom)
            for alias in statement.names
        )
        if not imported_locally:
            uses.append(f"{path.relative_to(CLI.parent)}:{node.lineno}: {node.id}")
    return uses


def test_type_checking_imports_are_used_only_in_annotations() -> None:
    uses = [use for path in sorted(CLI.rglob("*.py")) for use in _runtime_uses(path)]
    assert uses == []


def test_every_command_annotation_resolves_at_run_time() -> None:
    unresolved = []
    for path in sorted((CLI / "commands").glob("*.py")):
        module = importlib.import_module(f"clientarea_cli.cli.commands.{path.stem}")
        apps = [v for v in vars(module).values() if isinstance(v, typer.Typer)]
        for app in apps:
            callbacks = [command.callback for command in app.registered_commands]
            # Commands a lazy group (cli/lazy.py) builds when named: "module:function".
            for target, _help in getattr(app.info.cls, "lazy_commands", {}).values():
                name, _, attribute = target.partition(":")
                found = getattr(importlib.import_module(name), attribute)
                callbacks += [] if isinstance(found, typer.Typer) else [found]
            for callback in callbacks:
                try:
                    typing.get_type_hints(callback, include_extras=True)
                except NameError as exc:
                    unresolved.append(f"{path.stem}.{callback.__name__}: {exc}")
    assert unresolved == []

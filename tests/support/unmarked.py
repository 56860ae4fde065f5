"""Find user-facing messages that skip the catalogue: a literal or f-string handed to a sink.

A *sink* is where text reaches the user: `typer.echo`, the renderer's `notice`/`warn`, a write to
stderr/stdout, a question (`yes_no`, `typed`, a command's `confirm`), the error boundary's `emit`,
`ctx.fail`, a `hint=` argument, a warning put in a model (`warnings.append(…)`, `warnings=[…]`,
`warnings = […]`), and the message of an error the CLI reports (any `ClientAreaError` subclass,
click's `BadParameter`, a driver's `_unsupported(...)`/`require(...)`). Its text is *marked* when
it goes through `_()`, `ngettext()` or, for a warning carried in data, `carried()` (with
`.format()` after), so the catalogue completeness test (tests/unit/test_language.py) sees it.

The rules are precise, not per file:
- text without a letter is not a message (`"\\n"`, `f"{a}: {b}"`, `", ".join(...)`), nor is an
  option's or argument's name alone (`ConfirmationRequired("--yes")`, `"TYPE"`);
- a variable, attribute or call result is the caller's business (it was marked where it was built),
  except a module-level text constant (`HINT = "…"`, `HINT = N_("…")`): it must be used as `_(HINT)`;
- `renderer.heading("Items")` and `what="domains"` are translated by the renderer itself, so a
  plain literal is fine there, but an f-string is not (its text is never the same key twice).

`python -m tests.support.unmarked` prints what it finds.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "clientarea_cli"
SCANNED = ("cli", "ops", "drivers", "config", "output", "errors.py")

MARKERS = frozenset({"_", "ngettext", "carried"})
# Calls whose positional text arguments and message keywords reach the user.
SINK_FUNCTIONS = frozenset(
    {
        "echo",
        "secho",
        "notice",
        "warn",
        "emit",
        "fail",
        "yes_no",
        "typed",
        "confirm",
        "prompt",
        "_unsupported",
        "_unsupported_because",
        "require",
        "BadParameter",
        "_invalid",  # ops/validate.py: an input's reason and hint
    }
)
WRITE_STREAMS = frozenset({"stderr", "stdout"})
MESSAGE_KEYWORDS = frozenset({"hint", "message", "text", "question"})
# The renderer translates these itself: a literal is a key the extractor finds, an f-string is not.
SELF_TRANSLATED_CALLS = frozenset({"heading"})
SELF_TRANSLATED_KEYWORDS = frozenset({"what"})
ERROR_ROOT = "ClientAreaError"


@dataclass(frozen=True)
class Finding:
    where: str
    sink: str
    text: str

    def __str__(self) -> str:
        return f"{self.where}: {self.sink}({self.text})"


def error_classes(trees: list[ast.Module]) -> set[str]:
    """ClientAreaError and every class deriving from it, by name, across the scanned sources."""
    names = {ERROR_ROOT}
    changed = True
    while changed:
        changed = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {_name(b) for b in node.bases}
                    if bases & names:
                        names.add(node.name)
                        changed = True
    return names


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


OPTION_NAME = re.compile(r"--?[a-z][a-z0-9-]*|[A-Z][A-Z0-9_]*")  # --ttl, -p; TYPE, NAME


def _has_letters(text: str) -> bool:
    """Whether a literal can be a message: it has a letter and is not an option's or argument's
    name alone (`--ttl`, `TYPE`)."""
    return any(c.isalpha() for c in text) and not OPTION_NAME.fullmatch(text)


def module_texts(tree: ast.Module) -> dict[str, ast.expr]:
    """Module-level `NAME = "text"` (or `N_("text")`): a sink given NAME is given the text."""
    found: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            value = node.value
            if isinstance(value, ast.Call) and _name(value.func) == "N_" and value.args:
                value = value.args[0]  # marked where defined, still to translate where used
            if isinstance(target, ast.Name) and isinstance(value, ast.Constant | ast.JoinedStr):
                found[target.id] = value
    return found


def unmarked(
    node: ast.expr, *, literal_ok: bool = False, constants: dict[str, ast.expr] | None = None
) -> bool:
    """Whether `node` is user text that does not go through the catalogue."""
    if isinstance(node, ast.Name) and constants and node.id in constants:
        return unmarked(constants[node.id], literal_ok=literal_ok)
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and _has_letters(node.value) and not literal_ok
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(v, ast.Constant) and _has_letters(str(v.value)) for v in node.values
        ) or any(isinstance(v, ast.FormattedValue) and unmarked(v.value) for v in node.values)
    if isinstance(node, ast.BinOp):
        if isinstance(node.op, ast.Add):
            return unmarked(node.left) or unmarked(node.right)
        if isinstance(node.op, ast.Mod):
            return unmarked(node.left)
        return False
    if isinstance(node, ast.IfExp):
        return unmarked(node.body, literal_ok=literal_ok, constants=constants) or unmarked(
            node.orelse, literal_ok=literal_ok, constants=constants
        )
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id in MARKERS:
            return False
        if isinstance(func, ast.Attribute) and func.attr in ("format", "join", "strip", "rstrip"):
            # "text {x}".format(...) is unmarked; _("text {x}").format(...) is marked.
            return unmarked(func.value)
        return False
    return False


def _sink(call: ast.Call, errors: set[str]) -> str | None:
    name = _name(call.func)
    if name in SINK_FUNCTIONS or name in errors:
        return name
    if (
        name == "append"
        and isinstance(call.func, ast.Attribute)
        and _name(call.func.value).endswith("warnings")
    ):
        return "warnings.append"  # a model's warnings: carried() keeps JSON English
    if (
        name == "write"
        and isinstance(call.func, ast.Attribute)
        and _name(call.func.value) in WRITE_STREAMS
    ):
        return f"{_name(call.func.value)}.write"
    return None


def scan_tree(tree: ast.Module, where: str, errors: set[str]) -> Iterator[Finding]:
    constants = module_texts(tree)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.List)
            and any(_name(t).endswith("warnings") for t in node.targets)
        ):
            for element in node.value.elts:
                if unmarked(element, constants=constants):
                    yield Finding(f"{where}:{element.lineno}", "warnings =", ast.unparse(element))
        if not isinstance(node, ast.Call):
            continue
        sink = _sink(node, errors)
        texts: list[tuple[str, ast.expr, bool]] = []
        if sink is not None:
            # An error's message is its first argument (NotSupported's: the operation); the rest
            # are values (the driver's name). A function sink's text may stand anywhere.
            args = node.args[:1] if sink in errors else node.args
            texts += [(sink, arg, False) for arg in args]
            texts += [
                (f"{sink} {k.arg}=", k.value, False)
                for k in node.keywords
                if k.arg in MESSAGE_KEYWORDS
            ]
        else:
            texts += [(f"{k.arg}=", k.value, False) for k in node.keywords if k.arg == "hint"]
        texts += [
            ("warnings=", element, False)
            for k in node.keywords
            if k.arg == "warnings" and isinstance(k.value, ast.List)
            for element in k.value.elts
        ]
        if _name(node.func) in SELF_TRANSLATED_CALLS:
            texts += [(_name(node.func), arg, True) for arg in node.args[:1]]
        texts += [
            (f"{k.arg}=", k.value, True) for k in node.keywords if k.arg in SELF_TRANSLATED_KEYWORDS
        ]
        for label, expr, literal_ok in texts:
            if unmarked(expr, literal_ok=literal_ok, constants=constants):
                yield Finding(f"{where}:{expr.lineno}", label, ast.unparse(expr))


def scan_sources(sources: dict[str, str]) -> list[Finding]:
    """Findings in `{where: python source}`; error classes are learnt from all of them."""
    trees = {where: ast.parse(text) for where, text in sources.items()}
    errors = error_classes(list(trees.values()))
    return [f for where, tree in trees.items() for f in scan_tree(tree, where, errors)]


def project_sources(root: Path = SRC) -> dict[str, str]:
    paths: list[Path] = []
    for part in SCANNED:
        target = root / part
        paths += sorted(target.rglob("*.py")) if target.is_dir() else [target]
    return {str(p.relative_to(root.parent)): p.read_text(encoding="utf-8") for p in paths}


def findings(root: Path = SRC) -> list[Finding]:
    return scan_sources(project_sources(root))


if __name__ == "__main__":
    for finding in findings():
        sys.stdout.write(f"{finding}\n")

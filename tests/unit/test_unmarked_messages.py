"""Every user-facing message goes through the catalogue (docs/language.md).

With the completeness test in test_language.py (every marked message has Spanish), this proves
every message the CLI, its operations, drivers and config store can print has Spanish. The scanner
itself is tested on small sources, so the project-wide test is known to be able to fail.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from tests.support.unmarked import SRC, findings, scan_sources


def scan(source: str) -> list[str]:
    errors = "class ClientAreaError(Exception): ...\nclass UsageError(ClientAreaError): ...\n"
    found = scan_sources({"errors.py": errors, "x.py": textwrap.dedent(source)})
    return [f"{f.sink}: {f.text}" for f in found]


def test_no_user_facing_message_skips_the_catalogue() -> None:
    found = findings()
    assert found == [], "mark these with _() / ngettext() (docs/language.md):\n" + "\n".join(
        str(f) for f in found
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('raise UsageError("no such domain")', ["UsageError: 'no such domain'"]),
        ('raise UsageError(f"no domain {name}")', ["UsageError: f'no domain {name}'"]),
        ('raise UsageError("no {x}".format(x=1))', ["UsageError: 'no {x}'.format(x=1)"]),
        ('raise UsageError("bad: " + reason)', ["UsageError: 'bad: ' + reason"]),
        ('raise ProviderError("x failed")', []),  # not a known error class here
        ('typer.echo(f"Removed {label}.")', ["echo: f'Removed {label}.'"]),
        ('renderer.warn("card expires")', ["warn: 'card expires'"]),
        ('renderer.notice("a" if x else _("b"))', ["notice: 'a' if x else _('b')"]),
        ('sys.stderr.write("interrupted\\n")', ["stderr.write: 'interrupted\\n'"]),
        ('confirm(app_ctx, yes, f"Remove {name}?")', ["confirm: f'Remove {name}?'"]),
        ('driver.require(Capability.X, "listing domains")', ["require: 'listing domains'"]),
        ('raise Whatever("x", hint="see the list")', ["hint=: 'see the list'"]),
        ('renderer.heading(f"Due within {n} days")', ["heading: f'Due within {n} days'"]),
        ('renderer.listing(items, M, what=f"{n} days")', ["what=: f'{n} days'"]),
        ('HINT = "do this"\nraise UsageError(_("x"), hint=HINT)', ["UsageError hint=: HINT"]),
        ('HINT = N_("do this")\nraise UsageError(_("x"), hint=HINT)', ["UsageError hint=: HINT"]),
        ('warnings.append(f"card {x} expires")', ["warnings.append: f'card {x} expires'"]),
        ('PlanItem(domain=d, warnings=["no card"])', ["warnings=: 'no card'"]),
        ('warnings = ["no card"]', ["warnings =: 'no card'"]),
        ('warnings.append(carried("card {x} expires", x=x))', []),
        # Marked, or not a message: nothing to report.
        ('raise UsageError(_("no domain {name}").format(name=name))', []),
        ('raise UsageError(ngettext("a {n}", "b {n}", n).format(n=n))', []),
        ('HINT = N_("do this")\nraise UsageError(_("x"), hint=_(HINT))', []),
        ('typer.echo(f"{a}: {b}")', []),
        ('sys.stderr.write("\\n")', []),
        ("renderer.notice(message)", []),
        ('raise ConfirmationRequired("--yes")', []),
        ('renderer.heading("\\nItems")', []),
        ('renderer.listing(items, M, what="domains")', []),
        ('f(help="Shown by --help, translated at render time")', []),
    ],
)
def test_the_scanner_flags_unmarked_text_at_every_kind_of_sink(
    source: str, expected: list[str]
) -> None:
    source = source.replace("ConfirmationRequired", "UsageError")
    assert scan(source) == expected


def test_an_unmarked_message_in_a_copy_of_the_project_fails_the_scan(tmp_path: Path) -> None:
    copy = tmp_path / "clientarea_cli"
    shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("__pycache__", "sandbox"))
    ops = copy / "ops" / "domains.py"
    ops.write_text(ops.read_text() + '\n\ndef f():\n    raise NotFound(f"no domain {1}")\n')
    assert [str(f) for f in findings(copy)] == [
        f"clientarea_cli/ops/domains.py:{len(ops.read_text().splitlines())}: "
        "NotFound(f'no domain {1}')"
    ]

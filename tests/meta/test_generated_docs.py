"""Man pages (docs/man/man1) and the command reference (docs/reference) are generated from the
command tree, are current, have a page for every command, and render without warnings."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
import typer

from clientarea_cli.docs_gen import man, reference
from clientarea_cli.docs_gen.tree import CommandDoc, walk
from clientarea_cli.errors import EXIT_CODE_MEANINGS

ROOT = Path(__file__).resolve().parents[2]
MAN1 = ROOT / "docs" / "man" / "man1"
REFERENCE = ROOT / "docs" / "reference"
SECTIONS = ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "SEE ALSO")


@pytest.fixture(scope="module")
def docs() -> list[CommandDoc]:
    return walk()


def differences(generated: Path, committed: Path, pattern: str) -> list[str]:
    """Files missing, extra or different in `committed` compared with `generated`."""
    new = {p.name: p.read_bytes() for p in generated.glob(pattern)}
    old = {p.name: p.read_bytes() for p in committed.glob(pattern)}
    return sorted(
        [f"missing {n}" for n in new.keys() - old.keys()]
        + [f"not generated any more: {n}" for n in old.keys() - new.keys()]
        + [f"stale {n}" for n in new.keys() & old.keys() if new[n] != old[n]]
    )


def test_man_pages_are_current(tmp_path: Path, docs: list[CommandDoc]) -> None:
    man.write(tmp_path, docs, previous=MAN1)
    assert differences(tmp_path, MAN1, "*.1") == [], "run `make man` to regenerate docs/man/man1"


def test_reference_and_the_formats_topic_in_output_md_are_current(
    tmp_path: Path, docs: list[CommandDoc]
) -> None:
    reference.write(tmp_path, docs)
    assert differences(tmp_path, REFERENCE, "*.md") == [], "run `make reference`"
    output_md = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    assert reference.with_formats_topic(output_md) == output_md, "run `make reference`"


def test_every_command_has_a_page_with_every_option_and_exit_code(docs: list[CommandDoc]) -> None:
    names = {doc.name for doc in docs}
    assert {"clientarea", "clientarea-domains", "clientarea-domains-list"} <= names
    assert "clientarea-domains-dns-add" in names  # a group inside a lazily loaded group
    assert "clientarea-help-formats" in names
    assert len(docs) > 100
    for doc in docs:
        page = (MAN1 / f"{doc.name}.1").read_text(encoding="ascii")
        headings = re.findall(r"^\.SH (.+)$", page, re.MULTILINE)
        assert [h for h in headings if h in SECTIONS] == list(SECTIONS), doc.name
        assert page.startswith('.\\" Generated')
        assert f"\n.TH {doc.name.upper()} 1 " in page
        for option in [*doc.options, *doc.arguments]:
            assert man._names(option.names) in page, (doc.name, option.names)
        for code in EXIT_CODE_MEANINGS:
            assert f".TP\n\\fB{int(code)}\\fR\n" in page, (doc.name, code)


def test_a_page_shows_options_with_defaults_panels_and_see_also(docs: list[CommandDoc]) -> None:
    page = (MAN1 / "clientarea-domains-renew.1").read_text(encoding="ascii")
    assert ".SH SYNOPSIS\n\\fBclientarea domains renew\\fR [OPTIONS] [DOMAIN]...\n" in page
    assert (
        ".TP\n\\fB\\-\\-years\\fR \\fIN\\fR\nYears to renew for (1\\[u2013]10). [default: 1]\n"
        in (page)
    )
    assert ".SS Targets\n.TP\n\\fB\\-\\-all\\fR\n" in page
    assert (
        "\\fB\\-\\-profile\\fR" not in page
    )  # global options: one sentence pointing to clientarea(1)
    assert ".SH SEE ALSO\n.BR clientarea (1),\n.BR clientarea\\-domains (1),\n" in page
    root = (MAN1 / "clientarea.1").read_text(encoding="ascii")
    assert ".TP\n\\fB\\-p\\fR, \\fB\\-\\-profile\\fR \\fINAME\\fR\nProfile to use." in root
    assert ".SH ENVIRONMENT\n.TP\n\\fBCLIENTAREA_PROFILE\\fR\n" in root


def test_the_help_topics_pages_carry_the_topics() -> None:
    formats = (MAN1 / "clientarea-help-formats.1").read_text(encoding="ascii")
    assert ".SH OUTPUT FORMATS\n.nf\nOutput formats: \\-o, \\-\\-output FORMAT\n" in formats
    assert "\n  jsonl  one JSON object per line, one per item of a list\n" in formats
    environment = (MAN1 / "clientarea-help-environment.1").read_text(encoding="ascii")
    assert ".SH ENVIRONMENT\n.TP\n\\fBCLIENTAREA_PROFILE\\fR\n" in environment


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
def test_pages_render_with_groff_without_warnings() -> None:
    pages = sorted(MAN1.glob("*.1"))
    for page in pages:
        done = subprocess.run(
            ["groff", "-ww", "-man", "-Tutf8", "-z", str(page)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (done.returncode, done.stderr) == (0, ""), page.name


@pytest.mark.skipif(
    shutil.which("mandoc") is None, reason="mandoc is not installed (.ci/run installs it)"
)
def test_pages_pass_mandoc_lint() -> None:
    pages = [str(p) for p in sorted(MAN1.glob("*.1"))]
    done = subprocess.run(
        ["mandoc", "-T", "lint", "-W", "all", *pages], capture_output=True, text=True, check=False
    )
    assert done.stdout + done.stderr == ""


def test_hidden_commands_and_options_stay_hidden(tmp_path: Path) -> None:
    app = typer.Typer(help="A tool.")
    sub = typer.Typer(help="Things.")
    app.add_typer(sub, name="things")

    @sub.command("list")
    def list_things(
        shown: bool = typer.Option(False, "--shown", help="Shown."),
        secret: bool = typer.Option(False, "--secret-flag", hidden=True, help="Hidden."),
    ) -> None:
        """List things."""

    @sub.command("purge", hidden=True)
    def purge() -> None:
        """Hidden command."""

    docs = walk(typer.main.get_command(app), "tool")
    assert [d.command for d in docs] == ["tool", "tool things", "tool things list"]
    man.write(tmp_path / "man1", docs, today=date(2026, 12, 4))
    reference.write(tmp_path / "reference", docs)
    written = "".join(p.read_text() for p in tmp_path.rglob("*.*"))
    assert "\\-\\-shown" in written
    assert "`--shown`" in written
    for hidden in ("secret\\-flag", "secret-flag", "purge", "Hidden"):
        assert hidden not in written


def tool(go_help: str, *, with_stay: bool) -> typer.Typer:
    app = typer.Typer(help="A tool.")
    app.callback()(lambda: None)  # a group even with one command
    app.command("go", help=go_help)(lambda: None)
    if with_stay:
        app.command("stay", help="Stay here.")(lambda: None)
    return app


def test_a_page_keeps_its_date_until_its_text_changes(tmp_path: Path) -> None:
    def generate(app: typer.Typer, when: date) -> list[str]:
        return man.write(tmp_path, walk(typer.main.get_command(app), "tool"), today=when)

    first = tool("Go somewhere.", with_stay=True)
    assert generate(first, date(2026, 1, 2)) == ["tool.1", "tool-go.1", "tool-stay.1"]
    assert generate(first, date(2026, 5, 6)) == []  # nothing changed: nothing rewritten
    assert '.TH TOOL-GO 1 "2026-01-02"' in (tmp_path / "tool-go.1").read_text()

    second = tool("Go somewhere else.", with_stay=False)
    assert generate(second, date(2026, 5, 6)) == ["tool-stay.1", "tool.1", "tool-go.1"]
    assert '.TH TOOL-GO 1 "2026-05-06"' in (tmp_path / "tool-go.1").read_text()
    assert not (tmp_path / "tool-stay.1").exists()

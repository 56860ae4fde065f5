"""`python -m clientarea_cli.docs_gen man|reference [DOCS]`: what `make man`/`make reference` run.

`python -m clientarea_cli.docs_gen columns` writes cli/column_paths.py (`make completions`).

DOCS is the docs folder (default: ./docs). `man` writes DOCS/man/man1/*.1; `reference` writes
DOCS/reference/*.md and the `help formats` block of DOCS/output.md. Prints what changed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from clientarea_cli.docs_gen import columns, man, reference
from clientarea_cli.docs_gen.tree import walk


def main(argv: list[str]) -> int:
    if argv == ["columns"]:
        sys.stdout.write("".join(f"wrote {name}\n" for name in columns.write()) or "up to date\n")
        return 0
    if not argv or argv[0] not in ("man", "reference") or len(argv) > 2:
        sys.stderr.write("usage: python -m clientarea_cli.docs_gen man|reference [DOCS]\n")
        return 2
    docs_dir = Path(argv[1] if len(argv) > 1 else "docs")
    if argv[0] == "man":
        changed = man.write(docs_dir / "man" / "man1", walk())
    else:
        changed = reference.write(docs_dir / "reference", walk())
        output_md = docs_dir / "output.md"
        text = output_md.read_text(encoding="utf-8")
        updated = reference.with_formats_topic(text)
        if updated != text:
            output_md.write_text(updated, encoding="utf-8")
            changed.append(output_md.name)
    sys.stdout.write("".join(f"wrote {name}\n" for name in changed) or "up to date\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Man pages and the command reference, generated from the real command tree (dev only).

`make man` writes docs/man/man1/*.1 and `make reference` writes docs/reference/ (and the
`help formats` block of docs/output.md); tests/meta/test_generated_docs.py fails when they are
stale. The CLI never imports this package (an import-linter contract keeps it so): walking the
tree loads every command group, which `--help` and Tab must never do.
"""

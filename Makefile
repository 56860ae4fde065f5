# The two entry points README starts with. Each creates .venv on first use (only Python 3.11+ needed).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test lint types layers unit bench completions man reference clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Install, then try clientarea on the embedded sandbox provider.
demo: $(STAMP)
	$(BIN)/clientarea demo
	$(BIN)/clientarea domains list --expiring-within 30d

## Install, then run lint, format check, types, the layering contract and every test.
test: $(STAMP) lint types layers unit

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

types: $(STAMP)
	$(BIN)/mypy

layers: $(STAMP)
	$(BIN)/lint-imports

unit: $(STAMP)
	$(BIN)/pytest

## Every benchmark, paired runs, one ratio per case against its goal (benchmarks/harness.py).
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

## Regenerate completions/, the pre-rendered --help and the --columns table from the app (tests fail when they are stale).
completions: $(STAMP)
	for shell in bash zsh fish; do $(BIN)/clientarea completion $$shell > completions/clientarea.$$shell; done
	$(BIN)/python -m clientarea_cli.cli.help_render
	$(BIN)/python -m clientarea_cli.docs_gen columns

## Regenerate the man pages docs/man/man1/*.1 from the command tree (a test fails when stale).
man: $(STAMP)
	$(BIN)/python -m clientarea_cli.docs_gen man

## Regenerate docs/reference/ and the `help formats` copy in docs/output.md (same test).
reference: $(STAMP)
	$(BIN)/python -m clientarea_cli.docs_gen reference

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache

"""The Typer layer: parse, prompt, confirm, call one operation, render. The only place that exits."""

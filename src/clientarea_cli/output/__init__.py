"""Rendering: every model reaches the user through here, in table, json, jsonl, csv or tsv."""

# What -o/--output and --color accept: here, not in render.py or color.py, so that Tab offers
# them without importing either.
FORMATS = ("table", "json", "jsonl", "csv", "tsv")
COLOR_CHOICES = ("auto", "always", "never")

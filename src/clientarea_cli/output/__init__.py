"""Rendering: every model reaches the user through here, in table, json, jsonl, csv or tsv."""

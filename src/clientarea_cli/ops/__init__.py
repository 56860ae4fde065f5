"""Use-cases, provider-neutral: they take a Driver and plain values, return models, raise errors.

No Typer, rich, httpx or config here; the CLI parses and renders, the drivers talk HTTP.
"""

"""`clientarea kb …` (the commands live in `content`)."""

from clientarea_cli.cli.commands.content import kb_app as app

__all__ = ["app"]

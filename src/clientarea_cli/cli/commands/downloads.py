"""`clientarea downloads …` (the commands live in `content`)."""

from clientarea_cli.cli.commands.content import downloads_app as app

__all__ = ["app"]

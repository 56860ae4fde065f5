"""`clientarea emails …` (the commands live in `content`)."""

from clientarea_cli.cli.commands.content import emails_app as app

__all__ = ["app"]

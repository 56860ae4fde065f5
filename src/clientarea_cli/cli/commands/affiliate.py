"""`clientarea affiliate …` (the commands live in `content`)."""

from clientarea_cli.cli.commands.content import affiliate_app as app

__all__ = ["app"]

"""`clientarea announcements …` (the commands live in `content`)."""

from clientarea_cli.cli.commands.content import announcements_app as app

__all__ = ["app"]

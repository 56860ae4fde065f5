"""One module per noun; each exposes `app`, loaded lazily by cli.app.SUBCOMMANDS."""

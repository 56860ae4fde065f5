"""Where clientarea keeps its files: config (CLIENTAREA_CONFIG overrides), data, state, cache."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "clientarea"


def config_file() -> Path:
    override = os.environ.get("CLIENTAREA_CONFIG")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME) / "config.toml"


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME)


def state_dir() -> Path:
    from platformdirs import user_state_path

    return user_state_path(APP_NAME)


def cache_dir() -> Path:
    """What may be lost without harm: the ids Tab completes (cli/id_cache.py)."""
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME)


def sandbox_database() -> Path:
    """The embedded sandbox's SQLite file: state persists between commands."""
    return data_dir() / "sandbox.db"


def journal_file() -> Path:
    """The bulk journal (SQLite): every bulk item before and after it is sent."""
    return state_dir() / "journal.db"


def insecure_credentials_file() -> Path:
    """The 0600 file used only with --insecure-storage, beside the config file."""
    return config_file().with_name("credentials.toml")

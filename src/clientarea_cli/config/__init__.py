"""Profiles (TOML) and secrets (OS keyring). Read only by the CLI layer."""

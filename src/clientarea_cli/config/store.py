"""Profiles in a TOML file (tomllib to read, tomli-w to write, atomically, mode 0600).

The file never holds a secret: a profile names where its key lives (`keyring`, `file` for
--insecure-storage, or `demo` for the embedded sandbox's public demo key).

    current_profile = "demo"

    [profiles.demo]
    url = "sandbox:"
    driver = "clientarea"
    account = "ana@example.com"
    token_store = "demo"
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from clientarea_cli.config.atomic import write_private
from clientarea_cli.config.paths import config_file
from clientarea_cli.errors import ClientAreaError, UsageError
from clientarea_cli.i18n import _

SANDBOX_URL = "sandbox:"
TokenStore = Literal["keyring", "file", "demo"]
Language = Literal["en", "es"]  # cli/language.py reads `lang` without this module


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str
    driver: str = "clientarea"
    account: str | None = None
    token_store: TokenStore = "keyring"
    lang: Language | None = None

    @property
    def is_embedded_sandbox(self) -> bool:
        return self.url == SANDBOX_URL


class ConfigFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    current_profile: str | None = None
    lang: Language | None = None
    profiles: dict[str, Profile] = {}


class ConfigStore:
    """Loads and saves the config file; every change is written atomically."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_file()

    def load(self) -> ConfigFile:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return ConfigFile()
        except OSError as exc:
            raise ClientAreaError(
                _("cannot read {path}: {strerror}").format(path=self.path, strerror=exc.strerror)
            ) from None
        try:
            return ConfigFile.model_validate(tomllib.loads(raw.decode("utf-8")))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ClientAreaError(
                _("{path} is not valid TOML: {exc}").format(path=self.path, exc=exc)
            ) from None
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise ClientAreaError(
                _("{path}: {where}: {first}").format(
                    path=self.path, where=where, first=first["msg"]
                )
            ) from None

    def save(self, config: ConfigFile) -> None:
        import tomli_w

        data = config.model_dump(exclude_none=True)
        write_private(self.path, tomli_w.dumps(data).encode("utf-8"))

    def profile(self, name: str | None) -> tuple[str, Profile]:
        """The named profile, or the current one; a clear error when there is none."""
        config = self.load()
        chosen = name or config.current_profile
        if not chosen:
            raise UsageError(
                _("no profile selected"),
                hint=_("run `clientarea demo` to try the sandbox, or `clientarea auth login`"),
            )
        if chosen not in config.profiles:
            known = ", ".join(sorted(config.profiles)) or "none"
            raise UsageError(
                _("unknown profile {chosen!r} (profiles: {known})").format(
                    chosen=chosen, known=known
                )
            )
        return chosen, config.profiles[chosen]

    def put(self, name: str, profile: Profile, *, make_current: bool = True) -> None:
        config = self.load()
        profiles = {**config.profiles, name: profile}
        current = name if make_current or not config.current_profile else config.current_profile
        self.save(ConfigFile(current_profile=current, profiles=profiles))

    def remove(self, name: str) -> Profile:
        config = self.load()
        if name not in config.profiles:
            raise UsageError(_("unknown profile {name!r}").format(name=name))
        removed = config.profiles[name]
        profiles = {k: v for k, v in config.profiles.items() if k != name}
        current = config.current_profile if config.current_profile != name else None
        self.save(ConfigFile(current_profile=current, profiles=profiles))
        return removed

    def use(self, name: str) -> None:
        config = self.load()
        if name not in config.profiles:
            raise UsageError(_("unknown profile {name!r}").format(name=name))
        self.save(config.model_copy(update={"current_profile": name}))

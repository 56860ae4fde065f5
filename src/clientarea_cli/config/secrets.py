"""API keys in the OS keyring, with a timeout on every call, and the explicit insecure fallback.

Lookup order: CLIENTAREA_TOKEN (CI; never persisted) → the profile's store (keyring, or the
0600 file written only with --insecure-storage). A keyring backend that would not really protect
the key — keyring's `fail` and `null` backends, plaintext file backends (keyrings.alt), or a
chainer with nothing behind it — counts as no keyring at all (reference/reliability.md §1).
"""

from __future__ import annotations

import os
import threading
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from clientarea_cli.config.atomic import write_private
from clientarea_cli.config.paths import insecure_credentials_file
from clientarea_cli.errors import SecretStoreError
from clientarea_cli.i18n import _

T = TypeVar("T")

SERVICE = "clientarea"
TOKEN_ENV = "CLIENTAREA_TOKEN"
DEFAULT_TIMEOUT = 5.0


def keyring_username(profile: str) -> str:
    return f"{profile}:api-key"


@dataclass(frozen=True)
class Token:
    value: str
    source: str  # human description, for `auth status`

    def __repr__(self) -> str:  # never show the value
        return f"Token(source={self.source!r})"


def env_token() -> Token | None:
    value = os.environ.get(TOKEN_ENV, "").strip()
    return Token(value, f"environment variable {TOKEN_ENV}") if value else None


def _call_with_timeout(func: Callable[[], T], timeout: float, what: str) -> T:
    """Run a keyring call on a daemon thread; a hung D-Bus or a locked store must not hang us."""
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = func()
        except BaseException as exc:  # re-raised on the caller's thread
            result["error"] = exc

    thread = threading.Thread(target=run, name="keyring", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise SecretStoreError(
            _("the keyring did not answer within {timeout:g} s while {what}").format(
                timeout=timeout, what=what
            ),
            hint=_("unlock your keyring, or set {TOKEN_ENV} for this shell").format(
                TOKEN_ENV=TOKEN_ENV
            ),
        )
    if "error" in result:
        error = result["error"]
        name = type(error).__name__
        if name == "KeyringLocked":
            raise SecretStoreError(
                _("the keyring is locked ({what})").format(what=what),
                hint=_("unlock it, or set {TOKEN_ENV} for this shell").format(TOKEN_ENV=TOKEN_ENV),
            ) from None
        if name == "NoKeyringError":
            raise SecretStoreError(
                _("no keyring is available ({what})").format(what=what)
            ) from None
        raise SecretStoreError(
            _("the keyring failed while {what}: {name}").format(what=what, name=name)
        ) from None
    value: T = result["value"]
    return value


def describe_backend(backend: Any) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def backend_is_secure(backend: Any) -> bool:
    """Poetry's test, tightened: refuse backends that lose or expose the key."""
    name = describe_backend(backend).lower()
    if any(bad in name for bad in ("fail", "null", "plaintext", "keyrings.alt")):
        return False
    if name.endswith("chainerbackend"):
        return any(backend_is_secure(b) for b in getattr(backend, "backends", []))
    priority = getattr(backend, "priority", 0)
    try:
        return float(priority) >= 1
    except (TypeError, ValueError):
        return False


class KeyringStore:
    """The OS keyring through the `keyring` library, every call bounded by a timeout."""

    def __init__(self, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.timeout = timeout

    def _backend(self) -> Any:
        import keyring

        return _call_with_timeout(keyring.get_keyring, self.timeout, "finding the keyring")

    def backend_name(self) -> str:
        return describe_backend(self._backend())

    def check_usable(self) -> str:
        """The backend's name if it really protects secrets; SecretStoreError otherwise."""
        backend = self._backend()
        name = describe_backend(backend)
        if not backend_is_secure(backend):
            raise SecretStoreError(
                _("no secure keyring is available (backend: {name})").format(name=name),
                hint=(
                    _(
                        "start a Secret Service (e.g. gnome-keyring), set {TOKEN_ENV} instead, or accept a plain 0600 file with --insecure-storage"
                    ).format(TOKEN_ENV=TOKEN_ENV)
                ),
            )
        return name

    def get(self, profile: str) -> str | None:
        import keyring

        value: str | None = _call_with_timeout(
            lambda: keyring.get_password(SERVICE, keyring_username(profile)),
            self.timeout,
            "reading the API key",
        )
        return value

    def set(self, profile: str, token: str) -> None:
        import keyring

        _call_with_timeout(
            lambda: keyring.set_password(SERVICE, keyring_username(profile), token),
            self.timeout,
            "storing the API key",
        )
        if self.get(profile) != token:
            raise SecretStoreError(_("the keyring accepted the API key but did not keep it"))

    def delete(self, profile: str) -> bool:
        import keyring
        from keyring.errors import PasswordDeleteError

        def delete() -> bool:
            try:
                keyring.delete_password(SERVICE, keyring_username(profile))
            except PasswordDeleteError:
                return False
            return True

        return _call_with_timeout(delete, self.timeout, "deleting the API key")


class InsecureFileStore:
    """A 0600 TOML file of API keys, used only when the user passed --insecure-storage."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or insecure_credentials_file()

    def _load(self) -> dict[str, dict[str, str]]:
        try:
            data = tomllib.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            raise SecretStoreError(_("cannot read {path}").format(path=self.path)) from None
        profiles = data.get("profiles", {})
        return profiles if isinstance(profiles, dict) else {}

    def _save(self, profiles: dict[str, dict[str, str]]) -> None:
        import tomli_w

        write_private(self.path, tomli_w.dumps({"profiles": profiles}).encode("utf-8"))

    def get(self, profile: str) -> str | None:
        return self._load().get(profile, {}).get("api_key")

    def set(self, profile: str, token: str) -> None:
        profiles = self._load()
        profiles[profile] = {"api_key": token}
        self._save(profiles)

    def delete(self, profile: str) -> bool:
        profiles = self._load()
        if profile not in profiles:
            return False
        del profiles[profile]
        self._save(profiles)
        return True

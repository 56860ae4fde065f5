"""Turning a profile into a working driver: the API key's source, and the embedded sandbox."""

from __future__ import annotations

from collections.abc import Callable

from clientarea_cli.config.secrets import InsecureFileStore, KeyringStore, Token, env_token
from clientarea_cli.config.store import Profile
from clientarea_cli.drivers import registry
from clientarea_cli.drivers.base import Driver
from clientarea_cli.errors import AuthError
from clientarea_cli.i18n import _

EMBEDDED_BASE_URL = "http://sandbox.invalid"


def demo_token() -> Token:
    from clientarea_cli.sandbox import DEMO_API_KEY

    return Token(DEMO_API_KEY, "the embedded sandbox's public demo key")


def resolve_token(name: str, profile: Profile) -> Token:
    """CLIENTAREA_TOKEN first (CI), then the profile's own store."""
    from_env = env_token()
    if from_env is not None:
        return from_env
    if profile.token_store == "demo":
        return demo_token()
    if profile.token_store == "file":
        store = InsecureFileStore()
        value = store.get(name)
        source = f"file {store.path} (insecure storage)"
    else:
        keyring_store = KeyringStore()
        value = keyring_store.get(name)
        source = f"keyring ({keyring_store.backend_name()})"
    if not value:
        raise AuthError(
            _("no API key stored for profile {name!r}").format(name=name),
            hint=_("run `clientarea auth login --profile {name}` or set CLIENTAREA_TOKEN").format(
                name=name
            ),
        )
    return Token(value, source)


def open_driver(
    profile: Profile,
    api_key: str,
    *,
    debug: Callable[[str], None] | None = None,
) -> Driver:
    driver_class = registry.load(profile.driver)
    if profile.is_embedded_sandbox:
        from clientarea_cli.config.paths import sandbox_database
        from clientarea_cli.sandbox.embedded import EmbeddedTransport

        transport = EmbeddedTransport(sandbox_database())
        return driver_class(EMBEDDED_BASE_URL, api_key, transport=transport, debug=debug)
    return driver_class(profile.url, api_key, debug=debug)

"""The `clientarea` driver: our open Client Area API (docs/openapi.yaml), the full feature set."""

from clientarea_cli.drivers.clientarea.driver import ClientAreaDriver

__all__ = ["ClientAreaDriver"]

"""The `fossbilling` driver: a FOSSBilling server's client API (docs/providers/fossbilling.md)."""

from clientarea_cli.drivers.fossbilling.driver import FossBillingDriver

__all__ = ["FossBillingDriver"]

"""FossBillingDriver: a FOSSBilling server's client API, assembled from its parts (by noun)."""

from __future__ import annotations

from clientarea_cli.drivers.fossbilling.base import FossBillingBase
from clientarea_cli.drivers.fossbilling.content import ContentMixin
from clientarea_cli.drivers.fossbilling.records import DomainRecordsMixin
from clientarea_cli.drivers.fossbilling.service_requests import ServiceRequestsMixin
from clientarea_cli.drivers.fossbilling.services import ServicesMixin
from clientarea_cli.drivers.fossbilling.support import SupportMixin


class FossBillingDriver(
    DomainRecordsMixin, ServicesMixin, SupportMixin, ServiceRequestsMixin, ContentMixin,
    FossBillingBase,
):  # fmt: skip
    """Tickets and helpdesks (support.py) and content (content.py) are mixed in here too."""

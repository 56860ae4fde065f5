"""Domain settings, recurring payment, renewal, name servers and the bulk endpoint."""

from __future__ import annotations

from clientarea_cli.drivers.clientarea.base import ClientAreaBase


class DomainActionsMixin(ClientAreaBase):
    pass

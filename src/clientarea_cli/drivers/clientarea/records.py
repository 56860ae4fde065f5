"""Child name servers, EPP code, WHOIS contacts and DNS records of the Client Area API."""

from __future__ import annotations

from clientarea_cli.drivers.clientarea.base import ClientAreaBase


class DomainRecordsMixin(ClientAreaBase):
    pass

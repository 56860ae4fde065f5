"""The logged-in customer, the provider, and the account's contacts."""

from __future__ import annotations

from datetime import date, datetime

from clientarea_cli.models.common import Model, Money


class Account(Model):
    id: int
    email: str
    first_name: str
    last_name: str
    company: str | None = None
    address1: str | None = None
    address2: str | None = None
    city: str | None = None
    state: str | None = None
    postcode: str | None = None
    country: str | None = None
    phone: str | None = None
    tax_id: str | None = None
    currency: str
    language: str | None = None
    email_verified: bool = False
    security_question: str | None = None
    created_at: datetime | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Contact(Model):
    id: int
    first_name: str
    last_name: str
    company: str | None = None
    email: str
    phone: str | None = None
    address1: str | None = None
    city: str | None = None
    postcode: str | None = None
    country: str | None = None
    email_kinds: list[str] = []
    is_billing: bool = False


class ProviderInfo(Model):
    name: str
    api_version: str
    today: date
    currency: str
    top_up_presets: list[Money] = []
    operations: list[str] = []


class AuthStatus(Model):
    """What `auth status` reports: who, where, and where the API key comes from."""

    profile: str
    url: str
    driver: str
    account: str | None = None
    name: str | None = None
    token_source: str
    keyring_backend: str | None = None
    note: str | None = None


class ProfileRow(Model):
    """A row of `profiles list`: a profile of the config file, and whether it is the current one."""

    current: bool
    name: str
    url: str
    driver: str
    account: str | None
    token_store: str

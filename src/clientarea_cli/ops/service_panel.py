"""A service's control panel: its password and access, mailboxes and usage (split from
lifecycle.py; what a user types is checked before anything is sent, as there)."""

from __future__ import annotations

import re
import uuid

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.errors import UsageError
from clientarea_cli.i18n import _
from clientarea_cli.models import Service
from clientarea_cli.models.lifecycle import LoginUrl, Mailbox, ServiceCredentials, ServiceUsage
from clientarea_cli.ops import validate
from clientarea_cli.ops.lifecycle import get_service, label

__all__ = ["get_service"]  # the CLI's panel commands find the service through this module too

PASSWORD_LENGTH = (10, 128)
_CHARACTER_CLASSES = ("[a-z]", "[A-Z]", "[0-9]", "[^A-Za-z0-9]")


def password_problem(password: str, user: str | None) -> str | None:
    """Why a new password is too weak for the provider's rule (see docs/services.md)."""
    low, high = PASSWORD_LENGTH
    if not low <= len(password) <= high:
        return f"it must have {low} to {high} characters"
    if password != password.strip() or any(ord(c) < 32 for c in password):
        return "it must not start or end with a space, nor hold control characters"
    kinds = sum(1 for pattern in _CHARACTER_CLASSES if re.search(pattern, password))
    if kinds < 3:
        return "mix at least three of: lower-case letters, upper-case letters, digits, symbols"
    if user and len(user) >= 3 and user.lower() in password.lower():
        return f"it must not contain the user name ({user})"
    return None


def check_password(password: str, user: str | None) -> str:
    problem = password_problem(password, user)
    if problem is not None:
        raise UsageError(_("invalid password: {problem}").format(problem=problem))
    return password


def credentials(driver: Driver, service_id: int) -> ServiceCredentials:
    driver.require(Capability.SERVICES, _("panel credentials"))
    return driver.get_service_credentials(service_id)


def change_password(driver: Driver, service_id: int, password: str) -> None:
    driver.require(Capability.SERVICES, _("changing a panel password"))
    driver.change_service_password(service_id, password)


def login_url(driver: Driver, service_id: int) -> LoginUrl:
    driver.require(Capability.SERVICES, _("panel login links"))
    return driver.create_service_login_url(service_id)


def mailbox_address(service: Service, value: str) -> str:
    """A full address at the service's domain; a bare local part (`info`) is taken as there."""
    address = value.strip().lower()
    if "@" not in address:
        if not service.domain:
            raise UsageError(
                _("invalid ADDRESS: give the full address ({label} has no domain)").format(
                    label=label(service)
                )
            )
        address = f"{address}@{service.domain.lower()}"
    return validate.email(address, "ADDRESS").lower()


def list_mailboxes(driver: Driver, service_id: int) -> list[Mailbox]:
    driver.require(Capability.SERVICES, _("mailboxes"))
    return driver.list_mailboxes(service_id)


def create_mailbox(
    driver: Driver, service_id: int, address: str, password: str, quota_mb: int | None
) -> Mailbox:
    driver.require(Capability.SERVICES, _("mailboxes"))
    return driver.create_mailbox(
        service_id, address, password, quota_mb, idempotency_key=str(uuid.uuid4())
    )


def delete_mailbox(driver: Driver, service_id: int, address: str) -> None:
    driver.require(Capability.SERVICES, _("mailboxes"))
    driver.delete_mailbox(service_id, address)


def usage(driver: Driver, service_id: int) -> ServiceUsage:
    driver.require(Capability.SERVICES, _("usage"))
    return driver.get_service_usage(service_id)

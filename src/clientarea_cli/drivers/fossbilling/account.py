"""Account and provider: profile/get, profile/update, the server's version and currency."""

from __future__ import annotations

from datetime import date
from typing import Any

from clientarea_cli.drivers.fossbilling.base import FossBillingBase
from clientarea_cli.models import Account, ProviderInfo


def _phone(row: dict[str, Any]) -> str | None:
    number = row.get("phone")
    if not number:
        return None
    cc = row.get("phone_cc")
    return f"+{cc} {number}" if cc else str(number)


def account_from(row: dict[str, Any]) -> Account:
    return Account(
        id=row["id"],
        email=row["email"],
        first_name=row.get("first_name") or "",
        last_name=row.get("last_name") or "",
        company=row.get("company") or None,
        address1=row.get("address_1") or None,
        address2=row.get("address_2") or None,
        city=row.get("city") or None,
        state=row.get("state") or None,
        postcode=row.get("postcode") or None,
        country=row.get("country") or None,
        phone=_phone(row),
        tax_id=row.get("company_vat") or None,
        currency=row.get("currency") or "",
        language=row.get("lang") or None,
        email_verified=bool(row.get("email_approved")),
        created_at=row.get("created_at") or None,
    )


class AccountMixin(FossBillingBase):
    def get_account(self) -> Account:
        row = self._call("profile/get")
        account = account_from(row)
        self._client_id = account.id
        return account

    def provider_info(self) -> ProviderInfo:
        account = self.get_account()
        return ProviderInfo(
            name="FOSSBilling",
            api_version="fossbilling-client",
            today=date.today(),
            currency=account.currency,
        )

"""Account and provider: profile/get, profile/update, the server's version and currency."""

from __future__ import annotations

from datetime import date
from typing import Any

from clientarea_cli.drivers.fossbilling.base import FossBillingBase
from clientarea_cli.errors import NotSupported, UsageError
from clientarea_cli.i18n import _
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


FIELDS = {
    "email": "email",
    "first_name": "first_name",
    "last_name": "last_name",
    "company": "company",
    "address1": "address_1",
    "address2": "address_2",
    "city": "city",
    "state": "state",
    "postcode": "postcode",
    "country": "country",
    "tax_id": "company_vat",
    "language": "lang",
}


def profile_params(changes: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    """Our field names to FOSSBilling's; a cleared field is sent empty (null keeps it there).

    The e-mail and birthday are always sent back: profile/update clears a birthday it is not
    given, and reads the e-mail unconditionally."""
    params: dict[str, Any] = {"email": current["email"], "birthday": current.get("birthday")}
    for name, value in changes.items():
        if name == "phone":
            number = (value or "").strip()
            cc, _sep, rest = number.lstrip("+").replace(" ", ".", 1).partition(".")
            if number and not (number.startswith("+") and rest):
                raise UsageError(
                    _(
                        "the phone needs its country code, like +34.600000001 (not {number!r})"
                    ).format(number=number)
                )
            params["phone_cc"], params["phone"] = (
                (cc, rest.replace(" ", "")) if number else ("", "")
            )
        elif name in FIELDS:
            params[FIELDS[name]] = "" if value is None else value
        else:
            raise NotSupported(
                _("changing the account's {field}").format(field=name.replace("_", " ")),
                "fossbilling",
            )
    return params


class AccountMixin(FossBillingBase):
    def update_account(self, changes: dict[str, Any]) -> Account:
        self._call("profile/update", profile_params(changes, self._call("profile/get")))
        return self.get_account()

    def change_password(self, current: str, new: str) -> None:
        self._call(
            "profile/change_password",
            {"current_password": current, "new_password": new, "confirm_password": new},
        )

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

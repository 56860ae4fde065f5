"""A domain's EPP code, its contact, and renewal invoices (invoice/renewal_invoice)."""

from __future__ import annotations

from datetime import date
from typing import Any

from clientarea_cli.drivers.fossbilling.billing import BillingMixin, invoice_from
from clientarea_cli.drivers.fossbilling.domains import DomainsMixin
from clientarea_cli.errors import NotSupported, UsageError
from clientarea_cli.i18n import _
from clientarea_cli.models import DomainContact, DomainContacts, EppCode, Invoice

ROLES = ("registrant", "admin", "tech", "billing")


def contact_from(row: dict[str, Any]) -> DomainContact:
    cc, phone = row.get("phone_cc"), row.get("phone") or ""
    return DomainContact(
        first_name=row.get("first_name") or "",
        last_name=row.get("last_name") or "",
        company=row.get("company") or None,
        email=row.get("email") or "",
        phone=f"+{cc}.{phone}" if cc else str(phone),
        address1=row.get("address1") or "",
        address2=row.get("address2") or None,
        city=row.get("city") or "",
        state=row.get("state") or None,
        postcode=row.get("postcode") or "",
        country=row.get("country") or "",
    )


def contact_params(contact: DomainContact) -> dict[str, Any]:
    phone = contact.phone.strip()
    cc, number = "", phone
    if phone.startswith("+"):
        cc, _sep, number = phone[1:].replace(" ", ".", 1).partition(".")
    if not cc or not number:
        raise UsageError(
            _(
                "FOSSBilling needs the phone with its country code, like +34.600000001 (not {phone!r})"
            ).format(phone=phone)
        )
    return {
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "email": contact.email,
        "company": contact.company or "",
        "address1": contact.address1,
        "address2": contact.address2 or "",
        "country": contact.country,
        "city": contact.city,
        "state": contact.state or contact.city,
        "postcode": contact.postcode,
        "phone_cc": cc,
        "phone": number.replace(".", "").replace(" ", ""),
    }


class DomainRecordsMixin(DomainsMixin, BillingMixin):
    def get_epp_code(self, ref: str) -> EppCode:
        answer = self._call(
            "servicedomain/get_transfer_code", {"order_id": self._domain_order(ref)["id"]}
        )
        if isinstance(answer, str) and answer and answer not in ("1", "true"):
            return EppCode(code=answer)
        raise NotSupported(
            _("showing the EPP code"),
            self.name,
            hint=_(
                "this FOSSBilling registrar answered `true` instead of a code (its Custom "
                "registrar has none): ask your provider with `clientarea tickets open`"
            ),
        )

    def get_domain_contacts(self, ref: str) -> DomainContacts:
        details = self._details(self._domain_order(ref)) or {}
        contact = contact_from(details.get("contact") or {})
        return DomainContacts(registrant=contact, admin=contact, tech=contact, billing=contact)

    def set_domain_contacts(self, ref: str, contacts: DomainContacts) -> DomainContacts:
        chosen = {getattr(contacts, role) for role in ROLES}
        if len(chosen) != 1:
            raise NotSupported(
                _("a different contact for each role"),
                self.name,
                hint=_(
                    "FOSSBilling keeps one contact per domain for every role: set them all to "
                    "the same contact"
                ),
            )
        params = {"contact": contact_params(contacts.registrant)}
        order_id = self._domain_call(ref, "servicedomain/update_contacts", params)
        return self.get_domain_contacts(str(order_id))

    def check_renewal(self, years: int) -> None:
        if years != 1:
            raise NotSupported(
                _("renewing for {years} years").format(years=years),
                self.name,
                hint=_("FOSSBilling renews one period of the order per invoice: renew 1 year"),
            )

    def renew_domain(
        self, ref: str, *, years: int, use_credit: bool, idempotency_key: str
    ) -> Invoice:
        """An open renewal invoice of the domain's order, reused; else invoice/renewal_invoice.

        renewal_invoice reuses only the invoice the order points at (`unpaid_invoice_id`, which
        FOSSBilling sets on the invoices it generates, answering it again and paying it from
        credit the balance covers); for any other open one (a renewal invoice staff issued by
        hand, a pointer cleared by another payment) it would issue a second invoice. So the
        open ones are looked for first, as the sandbox does, and answered without sending."""
        self.check_renewal(years)
        order = self._domain_order(ref)
        open_invoices = self._open_renewals(int(order["id"]))
        pointed = order.get("unpaid_invoice_id")
        if open_invoices and all(str(i.id) != str(pointed) for i in open_invoices):
            return open_invoices[0]
        invoice_hash = self._call("invoice/renewal_invoice", {"order_id": order["id"]})
        return self._invoice_by_hash(str(invoice_hash), _("invoice"), _("renewal"))

    def _open_renewals(self, order_id: int) -> list[Invoice]:
        """The unpaid invoices with a line renewing order `order_id`, oldest first."""
        today = date.today()
        return [
            invoice_from(row, today)
            for row in sorted(
                self._invoice_rows("unpaid", order_id=order_id), key=lambda r: int(r["id"])
            )
            if row.get("status") == "unpaid"
            and any(
                isinstance(line, dict)
                and line.get("type") == "order"
                and line.get("task") == "renew"
                and str(line.get("rel_id")) == str(order_id)
                for line in row.get("lines") or []
            )
        ]

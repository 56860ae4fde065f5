"""Domains: FOSSBilling orders of type `domain`, with their details from order/service.

FOSSBilling has no domain list call: the orders of type domain are listed and each one's
registry details (name servers, lock, privacy, expiry) read through order/service. The filters
(--tld, --status, --auto-renew, --expiring-within) are applied here, on those rows.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from clientarea_cli.drivers.fossbilling.orders import OrdersMixin, money, status_of
from clientarea_cli.errors import ClientAreaError, NotFound, NotSupported, UsageError
from clientarea_cli.i18n import N_, _
from clientarea_cli.models import Domain, DomainFilter, Listing

AUTO_RENEW_HINT = N_(
    "FOSSBilling issues a renewal invoice 14 days before expiry for every order set to "
    "`issue-invoice` (shown as auto-renew yes); clients cannot change that setting: ask your "
    "provider with `clientarea tickets open`"
)


def domain_name(order: dict[str, Any]) -> str:
    config = order.get("config") or {}
    if isinstance(config, dict):
        for action in ("register", "transfer", "owndomain"):
            sld, tld = config.get(f"{action}_sld"), config.get(f"{action}_tld")
            if sld and tld:
                return f"{sld}{tld}".lower()
    title = str(order.get("title") or "")
    return title.removeprefix("Domain ").split(" ")[0].lower()


def _day(value: Any) -> str | None:
    return str(value)[:10] if value else None


def domain_from(order: dict[str, Any], details: dict[str, Any] | None) -> Domain:
    details = details or {}
    name = str(details.get("domain") or domain_name(order)).lower()
    currency = str(order.get("currency") or "")
    registered = (
        _day(details.get("registered_at"))
        or _day(order.get("activated_at"))
        or _day(order.get("created_at"))
    )
    expires = _day(details.get("expires_at")) or _day(order.get("expires_at")) or registered
    nameservers = [str(details[f"ns{i}"]).lower() for i in range(1, 5) if details.get(f"ns{i}")]
    return Domain(
        id=order["id"],
        name=name,
        tld=name.split(".", 1)[-1] if "." in name else "",
        status=status_of(order),
        registration_date=registered,
        expiry_date=expires,
        next_due_date=_day(order.get("expires_at")),
        registration_period=int(details.get("period") or 1),
        recurring_amount=money(order.get("price"), currency),
        auto_renew=order.get("invoice_option") == "issue-invoice",
        registrar_lock=bool(int(details.get("locked") or 0)),
        id_protection=bool(int(details.get("privacy") or 0)),
        nameservers=nameservers,
    )


def matches(domain: Domain, filters: DomainFilter, today: date) -> bool:
    if filters.tld and domain.tld != filters.tld.lower().lstrip("."):
        return False
    if filters.status and domain.status != filters.status:
        return False
    if filters.auto_renew is not None and domain.auto_renew != filters.auto_renew:
        return False
    if filters.expiring_within_days is not None:
        limit = today + timedelta(days=filters.expiring_within_days)
        if not today <= domain.expiry_date <= limit:
            return False
    return True


class DomainsMixin(OrdersMixin):
    def _details(self, order: dict[str, Any]) -> dict[str, Any] | None:
        """order/service for an activated domain order (a pending one has none yet)."""
        if not order.get("service_id"):
            return None
        try:
            details = self._call("order/service", {"id": order["id"]})
        except ClientAreaError:
            return None
        return dict(details) if isinstance(details, dict) else None

    def _domain_order(self, ref: str) -> dict[str, Any]:
        """The client's domain order named by id or by domain name (NotFound otherwise)."""
        text = ref.strip().lower()
        if text.isdigit():
            order = self._order(int(text), _("domain"), ref)
            if order.get("service_type") == "domain":
                return order
        else:
            for order in self._orders(service_type="domain"):
                if domain_name(order) == text:
                    return order
        raise NotFound(
            _("{what} {ref} was not found in this account").format(what=_("domain"), ref=ref)
        )

    def list_domains(self, filters: DomainFilter, *, limit: int | None) -> Listing[Domain]:
        today = date.today()
        domains = [
            domain_from(order, self._details(order))
            for order in self._orders(service_type="domain")
        ]
        chosen = [d for d in domains if matches(d, filters, today)]
        shown = chosen if limit is None else chosen[:limit]
        return Listing[Domain](items=shown, total=len(chosen))

    def get_domain(self, ref: str) -> Domain:
        order = self._domain_order(ref)
        return domain_from(order, self._details(order))

    def _domain_call(self, ref: str, method: str, params: dict[str, Any] | None = None) -> int:
        order = self._domain_order(ref)
        self._call(method, {"order_id": order["id"], **(params or {})})
        return int(order["id"])

    def check_domain_setting(self, setting: str) -> None:
        if setting == "auto_renew":
            raise NotSupported(_("switching auto-renew"), self.name, hint=_(AUTO_RENEW_HINT))

    def update_domain(
        self,
        ref: str,
        *,
        auto_renew: bool | None = None,
        registrar_lock: bool | None = None,
        id_protection: bool | None = None,
    ) -> Domain:
        if auto_renew is not None:
            self.check_domain_setting("auto_renew")
        order_id = str(self._domain_order(ref)["id"])
        if registrar_lock is not None:
            method = "lock" if registrar_lock else "unlock"
            self._domain_call(order_id, f"servicedomain/{method}")
        if id_protection is not None:
            method = "enable" if id_protection else "disable"
            self._domain_call(order_id, f"servicedomain/{method}_privacy_protection")
        return self.get_domain(order_id)

    def set_domain_recurring(
        self,
        ref: str,
        *,
        enabled: bool,
        payment_method_id: int | None,
        contact_id: int | None,
        change_contact: bool = True,
    ) -> Domain:
        raise NotSupported(
            _("recurring payment for domains"),
            self.name,
            hint=_(
                "FOSSBilling stores no cards: pay its renewal invoices (or keep account credit, "
                "which it spends on them by itself)"
            ),
        )

    def get_nameservers(self, ref: str) -> list[str]:
        return self.get_domain(ref).nameservers

    def check_nameservers(self, nameservers: list[str]) -> None:
        if not 2 <= len(nameservers) <= 4:
            raise UsageError(
                _("FOSSBilling takes 2 to 4 name servers per domain (not {count})").format(
                    count=len(nameservers)
                )
            )

    def set_nameservers(self, ref: str, nameservers: list[str]) -> list[str]:
        self.check_nameservers(nameservers)
        params = {f"ns{i}": ns for i, ns in enumerate(nameservers, start=1)}
        order_id = self._domain_call(ref, "servicedomain/update_nameservers", params)
        return self.get_nameservers(str(order_id))

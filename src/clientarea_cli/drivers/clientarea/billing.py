"""Wallet top-ups and their terms, stored payment methods, and each service's renewal method.

A card's number and CVC are registered with the redactor before the request that carries them
is built: they then never appear in the `--debug` trace (which prints no bodies anyway) nor in
an error message, even if the provider echoed them back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from clientarea_cli import models
from clientarea_cli.drivers.clientarea.base import ClientAreaBase, _adapter
from clientarea_cli.drivers.http import decode

if TYPE_CHECKING:
    from clientarea_cli.models import (
        Listing,
        Money,
        PaymentMethod,
        PaymentMethodRemoval,
        PaymentMethodVerification,
        Service,
        TopUp,
        WalletTerms,
    )


def _top_up_path(reference: str, suffix: str = "") -> str:
    return f"/wallet/top-ups/{quote(reference, safe='')}{suffix}"


class BillingMixin(ClientAreaBase):
    # -- wallet top-ups ---------------------------------------------------------------------
    def get_wallet_terms(self) -> WalletTerms:
        return self._get("/wallet/terms", models.WalletTerms)

    def create_top_up(
        self,
        amount: Money,
        *,
        method: str,
        payment_method_id: int | None,
        accept_terms: bool,
        idempotency_key: str,
    ) -> TopUp:
        body = {
            "amount": amount.model_dump(mode="json"),
            "method": method,
            "payment_method_id": payment_method_id,
            "accept_terms": accept_terms,
        }
        return self._send(
            "POST", "/wallet/top-ups", models.TopUp, body, idempotency_key=idempotency_key
        )

    def list_top_ups(self, *, status: str | None, limit: int | None) -> Listing[TopUp]:
        return self._list("/wallet/top-ups", models.TopUp, {"status": status}, limit)

    def get_top_up(self, reference: str) -> TopUp:
        return self._get(_top_up_path(reference), models.TopUp)

    def upload_top_up_proof(
        self, reference: str, content: bytes, content_type: str, *, idempotency_key: str
    ) -> TopUp:
        response = self.http.request(
            "POST",
            _top_up_path(reference, "/proof"),
            content=content,
            content_type=content_type,
            idempotency_key=idempotency_key,
        )
        return decode(response, _adapter(models.TopUp))

    # -- payment methods --------------------------------------------------------------------
    def add_card(
        self,
        *,
        number: str,
        expiry: str,
        cvc: str,
        holder: str,
        make_default: bool,
        idempotency_key: str,
    ) -> PaymentMethod:
        self.http.redact.add(number)
        self.http.redact.add(cvc)
        body = {
            "number": number,
            "expiry": expiry,
            "cvc": cvc,
            "holder": holder,
            "make_default": make_default,
        }
        return self._send(
            "POST",
            "/payment-methods/cards",
            models.PaymentMethod,
            body,
            idempotency_key=idempotency_key,
        )

    def add_bank_account(
        self,
        *,
        iban: str,
        bic: str | None,
        holder: str,
        accept_mandate: bool,
        make_default: bool,
        idempotency_key: str,
    ) -> PaymentMethod:
        body = {
            "iban": iban,
            "bic": bic,
            "holder": holder,
            "accept_mandate": accept_mandate,
            "make_default": make_default,
        }
        return self._send(
            "POST",
            "/payment-methods/bank-accounts",
            models.PaymentMethod,
            body,
            idempotency_key=idempotency_key,
        )

    def verify_payment_method(
        self, method_id: int, *, answer: str | None, idempotency_key: str
    ) -> PaymentMethodVerification:
        body: dict[str, Any] = {} if answer is None else {"answer": answer}
        return self._send(
            "POST",
            f"/payment-methods/{method_id}/verification",
            models.PaymentMethodVerification,
            body,
            idempotency_key=idempotency_key,
        )

    def delete_payment_method(self, method_id: int, *, force: bool) -> PaymentMethodRemoval | None:
        params = {"force": "true"} if force else None
        response = self.http.request("DELETE", f"/payment-methods/{method_id}", params=params)
        if not response.content:  # a `204` from a provider on an older contract
            return None
        return decode(response, _adapter(models.PaymentMethodRemoval))

    def set_default_payment_method(self, method_id: int) -> PaymentMethod:
        return self._send("POST", f"/payment-methods/{method_id}/default", models.PaymentMethod)

    def set_service_payment_method(self, service_id: int, payment_method_id: int | None) -> Service:
        body = {"payment_method_id": payment_method_id}
        return self._send("PUT", f"/services/{service_id}/payment-method", models.Service, body)

"""Wallet top-ups and payment methods: the Driver's default operations, each raising NotSupported (see base.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clientarea_cli.drivers.stub import Stub
from clientarea_cli.i18n import _

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


class PaymentOperations(Stub):
    def get_wallet_terms(self) -> WalletTerms:
        raise self._unsupported(_("reading the top-up terms"))

    def create_top_up(
        self,
        amount: Money,
        *,
        method: str,
        payment_method_id: int | None,
        accept_terms: bool,
        idempotency_key: str,
    ) -> TopUp:
        """Add credit by `card` (a stored, validated card) or by bank `transfer`."""
        raise self._unsupported(_("adding credit"))

    def list_top_ups(self, *, status: str | None, limit: int | None) -> Listing[TopUp]:
        raise self._unsupported(_("listing top-ups"))

    def get_top_up(self, reference: str) -> TopUp:
        raise self._unsupported(_("showing a top-up"))

    def upload_top_up_proof(
        self, reference: str, content: bytes, content_type: str, *, idempotency_key: str
    ) -> TopUp:
        raise self._unsupported(_("uploading a proof of payment"))

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
        """Store a card; the number and CVC go only into the request body, never into a log."""
        raise self._unsupported(_("adding a card"))

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
        raise self._unsupported(_("adding a bank account"))

    def verify_payment_method(
        self, method_id: int, *, answer: str | None, idempotency_key: str
    ) -> PaymentMethodVerification:
        """Start the verification challenge (`answer` None) or answer it."""
        raise self._unsupported(_("verifying payment methods"))

    def delete_payment_method(self, method_id: int, *, force: bool) -> PaymentMethodRemoval | None:
        """Remove it (`force`: even if services or domains renew with it; they lose it). What
        lost its recurring payment, or None from a provider that does not say."""
        raise self._unsupported(_("removing payment methods"))

    def set_default_payment_method(self, method_id: int) -> PaymentMethod:
        raise self._unsupported(_("choosing the default payment method"))

    def set_service_payment_method(self, service_id: int, payment_method_id: int | None) -> Service:
        raise self._unsupported(_("choosing a service's payment method"))

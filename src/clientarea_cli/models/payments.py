"""Wallet top-ups, their terms, and payment methods' verification and use.

No model here holds a card number or a CVC: those travel only in the body of the request that
stores a card (see ops/cards.py), and what comes back is a `PaymentMethod` with the last four.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from clientarea_cli.models.billing import BankAccountDetails, PaymentMethod
from clientarea_cli.models.common import Model, Money

TOP_UP_STATUSES = ("pending", "completed", "failed")


class WalletTerms(Model):
    """The terms a top-up must accept (`GET /v1/wallet/terms`)."""

    version: str
    url: str
    text: str


class TopUpProof(Model):
    content_type: str
    size: int
    uploaded_at: dt.datetime


class TopUp(Model):
    """Credit added by card (completed at once) or by bank transfer (pending until confirmed)."""

    id: int
    reference: str
    status: str
    amount: Money
    method: str
    payment_method_id: int | None = None
    bank_accounts: list[BankAccountDetails] = []
    """For a transfer: the provider's accounts to send the money to."""
    proof: TopUpProof | None = None
    created_at: dt.datetime | None = None
    completed_at: dt.datetime | None = None


class TopUpRow(Model):
    """One top-up as a table row shows it (JSON shows the whole `TopUp`)."""

    reference: str
    status: str
    amount: Money
    method: str
    created_at: dt.datetime | None = None
    proof: str

    @classmethod
    def of(cls, top_up: TopUp) -> TopUpRow:
        proof = top_up.proof
        kind = proof.content_type.rsplit("/", 1)[-1].upper() if proof else ""
        return cls(
            reference=top_up.reference,
            status=top_up.status,
            amount=top_up.amount,
            method=top_up.method,
            created_at=top_up.created_at,
            proof=f"{kind}, {proof.size:,} bytes" if proof else "not uploaded",
        )


class PaymentMethodVerification(Model):
    """The state of a method's verification challenge (`micro_charge` or `code`)."""

    payment_method_id: int
    status: str
    kind: str
    instructions: str
    attempts_left: int
    expires_at: dt.datetime | None = None
    payment_method: PaymentMethod


class RecurringRemoved(Model):
    services: list[int] = []
    domains: list[str] = []


class PaymentMethodRemoval(Model):
    """What removing a method did: the services and domains that now renew by hand."""

    id: int
    recurring_removed: RecurringRemoved = Field(default_factory=RecurringRemoved)

    @property
    def count(self) -> int:
        return len(self.recurring_removed.services) + len(self.recurring_removed.domains)


class PaymentMethodUsage(PaymentMethod):
    """A payment method and what renews with it: services by id, domains by name."""

    services: list[int] = []
    domains: list[str] = []

"""Invoices, the wallet (account credit) and payment methods."""

from __future__ import annotations

import datetime as dt

from clientarea_cli.models.common import Model, Money


class InvoiceItem(Model):
    description: str
    type: str = "other"
    related_id: int | None = None
    amount: Money


class Invoice(Model):
    id: int
    number: str
    status: str
    date: dt.date
    due_date: dt.date
    paid_date: dt.date | None = None
    subtotal: Money
    tax: Money
    total: Money
    credit_applied: Money
    balance: Money
    items: list[InvoiceItem] = []


class Wallet(Model):
    balance: Money
    pending_top_ups: Money
    top_up_presets: list[Money] = []
    terms_url: str | None = None


class WalletMovement(Model):
    id: int
    date: dt.datetime
    kind: str
    description: str
    amount: Money
    balance_after: Money
    reference: str | None = None
    invoice_id: int | None = None


class WalletOverview(Model):
    """What `wallet show` prints: the balance and the latest movements."""

    wallet: Wallet
    movements: list[WalletMovement]
    total_movements: int


class PaymentMethod(Model):
    id: int
    type: str
    brand: str | None = None
    last4: str
    holder: str
    expiry: str | None = None
    validated: bool
    is_default: bool = False


class BankAccountDetails(Model):
    """One of the provider's bank accounts, for paying by transfer."""

    bank: str
    iban: str
    bic: str
    holder: str


class TransferDetails(Model):
    """Where to send a bank transfer, how much, and the reference to quote."""

    reference: str
    amount: Money
    bank_accounts: list[BankAccountDetails]


class InvoicePayment(Model):
    id: int
    invoice_id: int
    status: str
    credit_applied: Money
    charged: Money
    method: str | None = None
    payment_method_id: int | None = None
    transfer: TransferDetails | None = None
    invoice: Invoice
    created_at: dt.datetime

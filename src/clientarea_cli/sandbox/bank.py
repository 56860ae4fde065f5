"""The provider's own bank accounts: where customers send bank transfers (top-ups, invoices).

Three Spanish banks for euro clients (the seed article speaks of "the 3 banks we gave you") and a
Swiss one for franc clients. Fictional banks; the IBANs carry valid check digits.
"""

from __future__ import annotations

from decimal import Decimal

from .money import money

HOLDER = "Sandbox Hosting SL"
# currency -> (bank, IBAN without spaces, BIC)
_ACCOUNTS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "EUR": (
        ("Banco Sandbox", "ES6890000001200123456789", "SBOXESMMXXX"),
        ("Caja Demo", "ES8790010002300234567890", "CDEMESMMXXX"),
        ("Banco Ejemplo", "ES1490020003400345678901", "BEJMESMMXXX"),
    ),
    "CHF": (("Sandbox Bank AG", "CH160900000123456789012", "SBOXCHZZXXX"),),
}


def bank_accounts(currency: str) -> list[dict[str, str]]:
    """The ``BankAccountDetails`` of the accounts that take transfers in ``currency``."""
    accounts = _ACCOUNTS.get(currency, _ACCOUNTS["EUR"])
    return [{"bank": bank, "iban": iban, "bic": bic, "holder": HOLDER}
            for bank, iban, bic in accounts]  # fmt: skip


def transfer_details(reference: str, amount: Decimal, currency: str) -> dict[str, object]:
    """The contract's ``TransferDetails``: what to send, where, quoting which reference."""
    return {
        "reference": reference,
        "amount": money(amount, currency),
        "bank_accounts": bank_accounts(currency),
    }

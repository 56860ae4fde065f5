"""Printing where to send a bank transfer: the provider's accounts, the amount, the reference."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from clientarea_cli.i18n import _

if TYPE_CHECKING:
    from clientarea_cli.models import BankAccountDetails, Money


def print_bank_accounts(
    amount: Money, reference: str, accounts: list[BankAccountDetails], indent: str = ""
) -> None:
    """`Transfer AMOUNT quoting the reference REF to one of:` then one line per account."""
    typer.echo(
        _("{indent}Transfer {amount} quoting the reference {reference} to one of:").format(
            indent=indent, amount=amount, reference=reference
        )
    )
    width = max((len(a.bank) for a in accounts), default=0)
    for account in accounts:
        iban = " ".join(account.iban[i : i + 4] for i in range(0, len(account.iban), 4))
        typer.echo(
            _("{indent}  {bank}  IBAN {iban}  BIC {bic}  ({holder})").format(
                indent=indent,
                bank=account.bank.ljust(width),
                iban=iban,
                bic=account.bic,
                holder=account.holder,
            )
        )

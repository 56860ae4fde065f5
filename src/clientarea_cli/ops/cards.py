"""Card and IBAN input, checked before anything is sent (pure functions, no I/O).

A card number is digits only (spaces and dashes are ignored), of a length its brand allows, with
a valid Luhn check digit. The brand comes from the number's first digits (IIN): Visa `4`,
Mastercard `51`–`55` and `2221`–`2720`. American Express (`34`, `37`) is refused by the
provider's policy (seed 000), and so is any other brand. The expiry is MM/YY or MM/YYYY and the
card is valid through the last day of that month; the CVC is three digits.

Every error is a UsageError (exit 2) of one line that never repeats the number or the CVC, and
`CheckedCard` never shows them in its repr: they travel only in the request body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from clientarea_cli.errors import UsageError
from clientarea_cli.i18n import N_, _

MAX_HOLDER = 200
MAX_YEARS_AHEAD = 20
AMEX_REFUSED = N_("American Express is not accepted by this provider")
BRAND_NAMES = {"visa": "Visa", "mastercard": "Mastercard", "amex": "American Express"}
LENGTHS = {"visa": (13, 16, 19), "mastercard": (16,)}
CVC_LENGTH = 3

_SEPARATORS = re.compile(r"[\s-]+")
_EXPIRY = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{2}|\d{4})\s*$", re.ASCII)
_BIC = re.compile(r"^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$")

# The IBAN length of each country (SWIFT IBAN registry).
IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27,
    "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
    "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32,
    "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
    "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24,
    "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31,
    "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28, "TL": 23,
    "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}  # fmt: skip
# Direct debit is a SEPA scheme: the contract takes IBANs of these countries only.
SEPA_COUNTRIES = frozenset({
    "AD", "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GI",
    "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MT", "NL", "NO", "PL",
    "PT", "RO", "SE", "SI", "SK", "SM", "VA",
})  # fmt: skip


@dataclass(frozen=True, repr=False)
class CheckedCard:
    """A card that passed every check. Its repr and str show the brand and last four only."""

    number: str
    expiry: str
    """`YYYY-MM`, as the contract wants it."""
    cvc: str
    holder: str
    brand: str

    @property
    def last4(self) -> str:
        return self.number[-4:]

    def __repr__(self) -> str:
        return f"CheckedCard({self})"

    def __str__(self) -> str:
        return f"{BRAND_NAMES[self.brand]} ···{self.last4}, expires {self.expiry}"


@dataclass(frozen=True)
class CheckedBankAccount:
    iban: str
    holder: str
    bic: str | None = None

    @property
    def last4(self) -> str:
        return self.iban[-4:]


def card_brand(digits: str) -> str | None:
    """`visa`, `mastercard` or `amex` by the number's first digits; None for any other brand."""
    if digits.startswith("4"):
        return "visa"
    if digits[:2] in ("34", "37"):
        return "amex"
    if len(digits) >= 2 and 51 <= int(digits[:2]) <= 55:
        return "mastercard"
    if len(digits) >= 4 and 2221 <= int(digits[:4]) <= 2720:
        return "mastercard"
    return None


def luhn_valid(digits: str) -> bool:
    """The ISO/IEC 7812-1 check digit: it catches every single wrong digit."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def check_number(raw: str) -> tuple[str, str]:
    """The number's digits and its brand, or a UsageError that does not repeat the number."""
    digits = _SEPARATORS.sub("", raw)
    if not digits:
        raise UsageError(_("the card number is empty"))
    if not digits.isascii() or not digits.isdigit():
        raise UsageError(
            _("the card number must contain only digits (spaces and dashes are ignored)")
        )
    brand = card_brand(digits)
    if brand == "amex":
        raise UsageError(_(AMEX_REFUSED), hint=_("use a Visa or Mastercard card"))
    if brand is None:
        raise UsageError(_("only Visa and Mastercard cards are accepted by this provider"))
    if len(digits) not in LENGTHS[brand]:
        allowed = " or ".join(str(n) for n in LENGTHS[brand])
        raise UsageError(
            _("a {BRAND_NAMES} number has {allowed} digits, not {count}: check it").format(
                BRAND_NAMES=BRAND_NAMES[brand], allowed=allowed, count=len(digits)
            )
        )
    if not luhn_valid(digits):
        raise UsageError(
            _("the card number is not valid (its check digit is wrong): check for a typo")
        )
    return digits, brand


def check_expiry(raw: str, today: date) -> str:
    """MM/YY or MM/YYYY, not before this month (a card is valid through its last day): `YYYY-MM`."""
    match = _EXPIRY.match(raw)
    if not match:
        raise UsageError(_("the expiry must be MM/YY or MM/YYYY, such as 05/28"))
    month, year = int(match.group(1)), int(match.group(2))
    if len(match.group(2)) == 2:
        year += 2000
    if not 1 <= month <= 12:
        raise UsageError(
            _("the expiry month must be 01 to 12, not {value}").format(value=match.group(1))
        )
    if (year, month) < (today.year, today.month):
        raise UsageError(
            _("the card expired at the end of {month:02d}/{year}").format(month=month, year=year)
        )
    if year > today.year + MAX_YEARS_AHEAD:
        raise UsageError(_("the expiry year {year} is too far ahead: check it").format(year=year))
    return f"{year:04d}-{month:02d}"


def check_cvc(raw: str) -> str:
    cvc = raw.strip()
    if len(cvc) != CVC_LENGTH or not cvc.isascii() or not cvc.isdigit():
        raise UsageError(_("the CVC must be the 3 digits on the back of the card"))
    return cvc


def check_holder(raw: str | None) -> str:
    holder = " ".join((raw or "").split())
    if not holder:
        raise UsageError(_("the holder's name is required (as it appears on the card or account)"))
    if len(holder) > MAX_HOLDER:
        raise UsageError(
            _("the holder's name is longer than {MAX_HOLDER} characters").format(
                MAX_HOLDER=MAX_HOLDER
            )
        )
    return holder


def check_card(number: str, expiry: str, cvc: str, holder: str | None, today: date) -> CheckedCard:
    """Every check of a new card, in the order a person would fix them."""
    digits, brand = check_number(number)
    return CheckedCard(
        number=digits,
        expiry=check_expiry(expiry, today),
        cvc=check_cvc(cvc),
        holder=check_holder(holder),
        brand=brand,
    )


def iban_valid(iban: str) -> bool:
    """ISO 13616 check digits: the rearranged IBAN, read as a number, is 1 modulo 97."""
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def check_iban(raw: str) -> str:
    """Normalised (no spaces, upper case) and checked: country, length and check digits."""
    iban = "".join(raw.split()).replace("-", "").upper()
    if not iban:
        raise UsageError(_("the IBAN is empty"))
    if not iban.isascii() or not iban.isalnum():
        raise UsageError(_("an IBAN has only letters and digits (spaces are ignored)"))
    country = iban[:2]
    length = IBAN_LENGTHS.get(country)
    if length is None or not country.isalpha():
        raise UsageError(
            _("the IBAN must start with a known country code, not {country!r}").format(
                country=country
            )
        )
    if len(iban) != length:
        raise UsageError(
            _("an IBAN from {country} has {length} characters, not {count}").format(
                country=country, length=length, count=len(iban)
            )
        )
    if not iban[2:4].isdigit() or not iban_valid(iban):
        raise UsageError(_("the IBAN is not valid (its check digits are wrong): check for a typo"))
    if country not in SEPA_COUNTRIES:
        raise UsageError(
            _(
                "an IBAN from {country} cannot be used for direct debit (SEPA countries only)"
            ).format(country=country)
        )
    return iban


def check_bic(raw: str | None) -> str | None:
    if raw is None or not raw.strip():
        return None
    bic = raw.strip().upper()
    if not _BIC.match(bic):
        raise UsageError(
            _("invalid BIC {value!r}: 8 or 11 letters and digits, such as CAIXESBBXXX").format(
                value=raw.strip()
            )
        )
    return bic


def check_bank_account(iban: str, holder: str | None, bic: str | None = None) -> CheckedBankAccount:
    return CheckedBankAccount(
        iban=check_iban(iban), holder=check_holder(holder), bic=check_bic(bic)
    )

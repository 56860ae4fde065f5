"""Card and IBAN checks (ops/cards.py): brand by IIN, length, Luhn, expiry, CVC, IBAN mod 97.

Every error is one line, exit 2, and never repeats the number or the CVC.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clientarea_cli.errors import ExitCode, UsageError
from clientarea_cli.ops import cards

TODAY = date(2026, 11, 22)


def check_digit(payload: str) -> str:
    """The digit that makes `payload + digit` pass Luhn."""
    for digit in "0123456789":
        if cards.luhn_valid(payload + digit):
            return digit
    raise AssertionError("unreachable")  # pragma: no cover


@st.composite
def luhn_numbers(draw: st.DrawFn, prefix: str, length: int) -> str:
    body = draw(
        st.text("0123456789", min_size=length - len(prefix) - 1, max_size=length - len(prefix) - 1)
    )
    payload = prefix + body
    return payload + check_digit(payload)


visa = st.sampled_from([13, 16, 19]).flatmap(lambda n: luhn_numbers("4", n))
mastercard = st.one_of(
    st.integers(51, 55).flatmap(lambda p: luhn_numbers(str(p), 16)),
    st.integers(2221, 2720).flatmap(lambda p: luhn_numbers(str(p), 16)),
)
amex = st.sampled_from(["34", "37"]).flatmap(lambda p: luhn_numbers(p, 15))


def refused(call: object, *args: object) -> str:
    with pytest.raises(UsageError) as info:
        call(*args)  # type: ignore[operator]
    assert info.value.exit_code == ExitCode.USAGE
    assert "\n" not in info.value.message
    return info.value.message


# -- numbers ---------------------------------------------------------------------------------------


@given(visa)
def test_luhn_valid_visa_numbers_pass_with_their_brand(number: str) -> None:
    assert cards.check_number(number) == (number, "visa")


@given(mastercard)
def test_luhn_valid_mastercard_numbers_pass_both_ranges(number: str) -> None:
    assert cards.check_number(number) == (number, "mastercard")


@given(st.one_of(visa, mastercard), st.data())
def test_spaces_and_dashes_are_ignored(number: str, data: st.DataObject) -> None:
    separators = data.draw(
        st.lists(st.sampled_from([" ", "-", ""]), min_size=len(number), max_size=len(number))
    )
    typed = "".join(d + s for d, s in zip(number, separators, strict=True))
    assert cards.check_number(f"  {typed}  ")[0] == number


@given(st.one_of(visa, mastercard), st.data())
def test_any_single_wrong_digit_is_caught(number: str, data: st.DataObject) -> None:
    # Keep the IIN (first four) so the brand and length checks pass and Luhn must catch it.
    index = data.draw(st.integers(4, len(number) - 1))
    wrong = data.draw(st.sampled_from([d for d in "0123456789" if d != number[index]]))
    typo = number[:index] + wrong + number[index + 1 :]
    message = refused(cards.check_number, typo)
    assert message == "the card number is not valid (its check digit is wrong): check for a typo"
    assert typo not in message


@given(amex)
def test_american_express_is_refused_by_policy(number: str) -> None:
    with pytest.raises(UsageError) as info:
        cards.check_number(number)
    assert info.value.message == "American Express is not accepted by this provider"
    assert info.value.hint == "use a Visa or Mastercard card"


@pytest.mark.parametrize(
    "number",
    [
        "6011111111111117",  # Discover
        "3530111333300000",  # JCB
        "30569309025904",  # Diners
        "2220999999999990",  # just below the Mastercard 2-series
        "2721000000000004",  # just above it
        "5600000000000001",  # 56: not Mastercard
    ],
)
def test_other_brands_are_refused(number: str) -> None:
    assert refused(cards.check_number, number) == (
        "only Visa and Mastercard cards are accepted by this provider"
    )


@given(
    st.text(min_size=1).filter(
        lambda s: any(not (c.isdigit() or c.isspace() or c == "-") for c in s)
    )
)
def test_anything_but_digits_is_refused_without_echoing_it(text: str) -> None:
    message = refused(cards.check_number, text)
    assert message in (
        "the card number must contain only digits (spaces and dashes are ignored)",
        "the card number is empty",
    )


def test_wrong_lengths_name_the_brand() -> None:
    assert refused(cards.check_number, "4242 4242 4242 42") == (
        "a Visa number has 13 or 16 or 19 digits, not 14: check it"
    )
    assert refused(cards.check_number, "5555 5555 5555 44") == (
        "a Mastercard number has 16 digits, not 14: check it"
    )


def test_non_ascii_digits_are_refused() -> None:
    assert refused(cards.check_number, "４２４２４２４２４２４２４２４２") == (
        "the card number must contain only digits (spaces and dashes are ignored)"
    )


# -- expiry, CVC, holder ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("11/26", "2026-11"), ("05/2029", "2029-05"), (" 1 / 27 ", "2027-01"), ("12/46", "2046-12")],
)
def test_expiry_is_valid_through_the_end_of_its_month(typed: str, stored: str) -> None:
    assert cards.check_expiry(typed, TODAY) == stored


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("10/26", "the card expired at the end of 10/2026"),
        ("12/2025", "the card expired at the end of 12/2025"),
        ("13/27", "the expiry month must be 01 to 12, not 13"),
        ("00/27", "the expiry month must be 01 to 12, not 00"),
        ("2027-05", "the expiry must be MM/YY or MM/YYYY, such as 05/28"),
        ("0527", "the expiry must be MM/YY or MM/YYYY, such as 05/28"),
        ("05/2", "the expiry must be MM/YY or MM/YYYY, such as 05/28"),
        ("01/2047", "the expiry year 2047 is too far ahead: check it"),
    ],
)
def test_bad_expiries(typed: str, message: str) -> None:
    assert refused(cards.check_expiry, typed, TODAY) == message


@pytest.mark.parametrize("cvc", ["12", "1234", "12a", "", "１２３"])
def test_cvc_is_three_digits(cvc: str) -> None:
    assert refused(cards.check_cvc, cvc) == "the CVC must be the 3 digits on the back of the card"


def test_holder_is_required_and_tidied() -> None:
    assert cards.check_holder("  Ana   García ") == "Ana García"
    assert refused(cards.check_holder, "   ") == (
        "the holder's name is required (as it appears on the card or account)"
    )
    assert refused(cards.check_holder, None).startswith("the holder's name is required")
    assert (
        refused(cards.check_holder, "x" * 201) == "the holder's name is longer than 200 characters"
    )


@given(st.one_of(visa, mastercard), st.text("0123456789", min_size=3, max_size=3))
def test_a_checked_card_never_shows_its_number_or_cvc(number: str, cvc: str) -> None:
    card = cards.check_card(number, "05/29", cvc, "Ana García", TODAY)
    assert (card.number, card.expiry, card.cvc, card.last4) == (number, "2029-05", cvc, number[-4:])
    for text in (repr(card), str(card), f"{card!r} {card}"):
        assert number not in text
        assert number[:-4] not in text
        assert "cvc" not in text.lower()
        assert text.replace(number[-4:], "").replace("2029-05", "").count(cvc) == 0
    assert str(card) == f"{cards.BRAND_NAMES[card.brand]} ···{number[-4:]}, expires 2029-05"


def test_check_card_reports_the_number_first() -> None:
    assert refused(cards.check_card, "371449635398431", "01/20", "1", "", TODAY) == (
        "American Express is not accepted by this provider"
    )


# -- IBAN ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("ES91 2100 0418 4502 0005 1332", "ES9121000418450200051332"),
        ("de89370400440532013000", "DE89370400440532013000"),
        ("GB82-WEST-1234-5698-7654-32", "GB82WEST12345698765432"),
        ("NO93 8601 1117 947", "NO9386011117947"),
        ("MT84 MALT 0110 0001 2345 MTLC AST0 01S", "MT84MALT011000012345MTLCAST001S"),
    ],
)
def test_valid_ibans_are_normalised(typed: str, normal: str) -> None:
    assert cards.check_iban(typed) == normal


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "ES92 2100 0418 4502 0005 1332",
            "the IBAN is not valid (its check digits are wrong): check for a typo",
        ),
        (
            "ES91 2100 0418 4502 0005 1333",
            "the IBAN is not valid (its check digits are wrong): check for a typo",
        ),
        ("ES91 2100 0418 4502 0005 133", "an IBAN from ES has 24 characters, not 23"),
        (
            "ZZ91 2100 0418 4502 0005 1332",
            "the IBAN must start with a known country code, not 'ZZ'",
        ),
        (
            "ES91 2100 0418 4502 0005 13.2",
            "an IBAN has only letters and digits (spaces are ignored)",
        ),
        ("   ", "the IBAN is empty"),
        (
            "SA03 8000 0000 6080 1016 7519",
            "an IBAN from SA cannot be used for direct debit (SEPA countries only)",
        ),
    ],
)
def test_bad_ibans(typed: str, message: str) -> None:
    assert refused(cards.check_iban, typed) == message


@given(st.sampled_from(sorted(cards.SEPA_COUNTRIES)), st.data())
def test_generated_ibans_pass_and_a_changed_digit_fails(country: str, data: st.DataObject) -> None:
    length = cards.IBAN_LENGTHS[country]
    bban = data.draw(st.text("0123456789", min_size=length - 4, max_size=length - 4))
    # ISO 13616: check digits = 98 - (BBAN + country + "00") mod 97.
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    iban = f"{country}{98 - int(numeric) % 97:02d}{bban}"
    assert cards.check_iban(iban) == iban
    index = data.draw(st.integers(4, length - 1))
    changed = iban[:index] + str((int(iban[index]) + 1) % 10) + iban[index + 1 :]
    assert refused(cards.check_iban, changed).startswith("the IBAN is not valid")


def test_bank_account_checks_holder_and_bic() -> None:
    account = cards.check_bank_account(
        "ES9121000418450200051332", "Garcia Hosting SL", " caixesbbxxx "
    )
    assert (account.iban, account.holder, account.bic, account.last4) == (
        "ES9121000418450200051332",
        "Garcia Hosting SL",
        "CAIXESBBXXX",
        "1332",
    )
    assert cards.check_bank_account("ES9121000418450200051332", "Ana", None).bic is None
    assert refused(cards.check_bank_account, "ES9121000418450200051332", "Ana", "CAIX") == (
        "invalid BIC 'CAIX': 8 or 11 letters and digits, such as CAIXESBBXXX"
    )

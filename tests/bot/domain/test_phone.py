"""Tests for phone-number normalisation and masking (DOMAIN.md §5)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.phone import (
    REASON_EMPTY,
    REASON_FORMAT,
    REASON_LENGTH,
    REASON_NOT_MOBILE,
    PhoneError,
    mask_phone,
    normalise_phone,
)

E164 = "+6281234567890"


@pytest.mark.parametrize(
    "typed",
    [
        "0812-3456-7890",
        "081234567890",
        "+62 812 3456 7890",
        "+62-812-3456-7890",
        "+6281234567890",
        "6281234567890",
        "62 812 3456 7890",
        "(0812) 3456 7890",
        "0812.3456.7890",
        "81234567890",
        "812 3456 7890",
        "+62 (0)812 3456 7890",
        "+62 0812 3456 7890",
        "006281234567890",
        "  0812 3456 7890 \n",
    ],
)
def test_indonesian_spellings(typed: str) -> None:
    assert normalise_phone(typed) == E164


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("0812-345-678", "+62812345678"),  # 9 digits after +62, older numbers
        ("0812-3456-78901", "+62812345678901"),  # 12 digits after +62
        ("+60 12-345 6789", "+60123456789"),  # Malaysia
        ("+65 9123 4567", "+6591234567"),  # Singapore
        ("+1 (415) 555-2671", "+14155552671"),
    ],
)
def test_lengths_and_other_countries(typed: str, e164: str) -> None:
    assert normalise_phone(typed) == e164


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", REASON_EMPTY),
        ("  ", REASON_EMPTY),
        ("nomor saya 0812", REASON_FORMAT),
        ("0812-3456-789O", REASON_FORMAT),
        ("📞 081234567890", REASON_FORMAT),
        ("0812+3456", REASON_FORMAT),
        ("()", REASON_FORMAT),
        ("1234567890", REASON_FORMAT),  # no country code and not Indonesian
        ("+0812345678", REASON_FORMAT),
        ("0812-3456", REASON_LENGTH),
        ("0812-3456-7890-123", REASON_LENGTH),
        ("+62 812 34", REASON_LENGTH),
        ("+1 234", REASON_LENGTH),
        ("+1234567890123456", REASON_LENGTH),
        ("0741-123456", REASON_NOT_MOBILE),  # Jambi landline
        ("+62 741 123456", REASON_NOT_MOBILE),
    ],
)
def test_rejected_numbers(typed: str, reason: str) -> None:
    with pytest.raises(PhoneError) as caught:
        normalise_phone(typed)
    assert caught.value.reason == reason
    assert isinstance(caught.value, ValueError)


def test_masking() -> None:
    assert mask_phone(E164) == "+62812****7890"
    assert mask_phone("+62812345678") == "+6281****5678"
    assert mask_phone("+6591234567") == "+659****4567"
    with pytest.raises(PhoneError):
        mask_phone("081234567890")


@given(st.from_regex(r"8[0-9]{8,11}", fullmatch=True), st.sampled_from(["0", "62", "+62 ", ""]))
def test_any_mobile_normalises_and_masks(national: str, prefix: str) -> None:
    e164 = normalise_phone(prefix + national)
    assert e164 == "+62" + national
    assert normalise_phone(e164) == e164
    masked = mask_phone(e164)
    assert masked.startswith("+") and "****" in masked and masked.endswith(national[-4:])
    assert national[-8:] not in masked


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("0741-123456", "+62741123456"),  # Jambi
        ("(0741) 7551234", "+627417551234"),
        ("+62 741 123456", "+62741123456"),
        ("62741123456", "+62741123456"),
        ("021-555-1234", "+62215551234"),  # Jakarta, two-digit area code
        ("(021) 5551 2345", "+622155512345"),
        ("0812-3456-7890", E164),  # a mobile is still a mobile
    ],
)
def test_landlines_where_allowed(typed: str, e164: str) -> None:
    assert normalise_phone(typed, landline_ok=True) == e164


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("0741-123", REASON_LENGTH),  # too short for area code and subscriber
        ("0741-1234-5678-9", REASON_LENGTH),
        ("0141-123456", REASON_NOT_MOBILE),  # no area code starts with 1
        ("0741-ABC", REASON_FORMAT),
    ],
)
def test_bad_landlines(typed: str, reason: str) -> None:
    with pytest.raises(PhoneError) as caught:
        normalise_phone(typed, landline_ok=True)
    assert caught.value.reason == reason


@given(st.from_regex(r"(2[1-9]|7[0-9]{2})[1-9][0-9]{5,6}", fullmatch=True))
def test_landlines_only_when_asked(national: str) -> None:
    # Where the bot must reach someone on WhatsApp, a landline stays refused.
    assert normalise_phone("0" + national, landline_ok=True) == "+62" + national
    with pytest.raises(PhoneError):
        normalise_phone("0" + national)

"""Tests for typed rupiah amounts and their formatting (DOMAIN.md §5)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.money import (
    MAX_AMOUNT,
    REASON_AMBIGUOUS,
    REASON_EMPTY,
    REASON_NEGATIVE,
    REASON_NOT_A_NUMBER,
    REASON_TOO_LARGE,
    MoneyError,
    format_amount,
    format_rupiah,
    parse_rupiah,
    short_amount,
)


def _error(text: str) -> MoneyError:
    with pytest.raises(MoneyError) as caught:
        parse_rupiah(text)
    return caught.value


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # Every format listed in DOMAIN.md §5.
        ("Rp25.000.000", 25_000_000),
        ("Rp 25.000.000,-", 25_000_000),
        ("25.000.000", 25_000_000),
        ("25000000", 25_000_000),
        ("25 juta", 25_000_000),
        ("25jt", 25_000_000),
        ("2,5 jt", 2_500_000),
        ("2.5 juta", 2_500_000),
        ("500 ribu", 500_000),
        ("500rb", 500_000),
        ("500 rb", 500_000),
        ("1,2 M", 1_200_000_000),
        ("1,2 miliar", 1_200_000_000),
        ("1,2 milyar", 1_200_000_000),
        # Other common spellings.
        ("rp. 25.000.000,00", 25_000_000),
        ("RP25.000.000,-", 25_000_000),
        ("IDR 25,000,000", 25_000_000),
        ("25,000,000.00", 25_000_000),
        ("25.000.000 rupiah", 25_000_000),
        ("25 juta rupiah", 25_000_000),
        ("  25 JUTA  ", 25_000_000),
        ("25 jt.", 25_000_000),
        ("2,75jt", 2_750_000),
        ("0,5 juta", 500_000),
        ("500k", 500_000),
        ("1.500.000 rb", 1_500_000_000),
        ("25M", 25_000_000_000),  # capital M is miliar without asking
        ("1,5 M", 1_500_000_000),
        ("25 jt", 25_000_000),
        ("1 T", 1_000_000_000_000),
        ("2.500", 2_500),
        ("100.000", 100_000),
        ("1.000", 1_000),
        ("1000", 1_000),
        ("Rp25", 25),  # explicit Rp: a whole number is literal
        ("Rp 999", 999),
        ("0", 0),
        ("Rp0", 0),
        ("0 juta", 0),
        ("-0", 0),
        (format_amount(MAX_AMOUNT), MAX_AMOUNT),
    ],
)
def test_accepted_formats(text: str, amount: int) -> None:
    assert parse_rupiah(text) == amount


@pytest.mark.parametrize(
    ("text", "likely"),
    [
        ("25", 25_000_000),  # people type "25" meaning 25 juta
        ("2,5", 2_500_000),
        ("2.5", 2_500_000),
        ("2.50", 2_500_000),
        ("25,00", 25_000_000),
        ("999", 999_000_000),
        ("Rp2,5", 2_500_000),  # 2.5 rupiah is never meant
        ("25,000", 25_000),  # English thousands or Indonesian 25.000?
        ("Rp 100,000", 100_000),
        ("1,500 jt", 1_500_000),  # with a unit: Indonesian decimal reading
    ],
)
def test_ambiguous_input_carries_the_likely_reading(text: str, likely: int) -> None:
    error = _error(text)
    assert (error.reason, error.likely) == (REASON_AMBIGUOUS, likely)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", REASON_EMPTY),
        ("   ", REASON_EMPTY),
        ("abc", REASON_NOT_A_NUMBER),
        ("Rp", REASON_NOT_A_NUMBER),
        ("juta", REASON_NOT_A_NUMBER),
        ("25 dolar", REASON_NOT_A_NUMBER),
        ("25.000,000", REASON_NOT_A_NUMBER),  # mixed separators
        ("25,000.000", REASON_NOT_A_NUMBER),
        ("25.00.000", REASON_NOT_A_NUMBER),
        ("1.2.3", REASON_NOT_A_NUMBER),
        ("25.000.000,50", REASON_NOT_A_NUMBER),  # sen are never rounded silently
        ("25,000,000.50", REASON_NOT_A_NUMBER),
        ("2,555 5 jt", REASON_NOT_A_NUMBER),
        ("2,5555 jt", REASON_NOT_A_NUMBER),
        ("25 000 000", REASON_NOT_A_NUMBER),
        ("💰25 juta", REASON_NOT_A_NUMBER),
        ("25 juta 💸", REASON_NOT_A_NUMBER),
        ("２５ juta", REASON_NOT_A_NUMBER),  # full-width digits
        ("٢٥ juta", REASON_NOT_A_NUMBER),  # Arabic-Indic digits
        ("-25.000", REASON_NEGATIVE),
        ("−25 juta", REASON_NEGATIVE),
        ("-Rp1.000", REASON_NEGATIVE),
        ("Rp -25.000", REASON_NEGATIVE),
        ("-2,5", REASON_NEGATIVE),
        ("1.000.000.000.000.001", REASON_TOO_LARGE),
        ("1.001.000 T", REASON_TOO_LARGE),
        ("dua tiga juta", REASON_NOT_A_NUMBER),
        ("dua sepuluh juta", REASON_NOT_A_NUMBER),
        ("juta ribu", REASON_NOT_A_NUMBER),
        ("seribu juta ribu", REASON_NOT_A_NUMBER),
        ("lima juta dua juta", REASON_NOT_A_NUMBER),
        ("setengah setengah juta", REASON_NOT_A_NUMBER),
        ("dua puluh sebelas ribu", REASON_NOT_A_NUMBER),
        ("-dua puluh juta", REASON_NEGATIVE),
        ("9" * 40, REASON_TOO_LARGE),
    ],
)
def test_rejected_input(text: str, reason: str) -> None:
    assert _error(text).reason == reason


def test_likely_is_only_set_for_ambiguity() -> None:
    assert _error("abc").likely is None
    assert isinstance(_error("abc"), ValueError)


def test_long_text_is_rejected_quickly() -> None:
    assert _error("25 juta " * 625).reason == REASON_NOT_A_NUMBER
    assert _error("x" * 5000).reason == REASON_NOT_A_NUMBER
    assert _error("1" * 5000).reason == REASON_TOO_LARGE


def test_formatting() -> None:
    assert format_rupiah(1_525_000) == "Rp1.525.000"
    assert format_rupiah(0) == "Rp0"
    assert format_rupiah(-1_000) == "-Rp1.000"
    assert format_amount(1_525_000) == "1.525.000"
    assert format_amount(999) == "999"


amounts = st.integers(min_value=0, max_value=MAX_AMOUNT)


@given(amounts)
def test_format_rupiah_round_trips(amount: int) -> None:
    assert parse_rupiah(format_rupiah(amount)) == amount


@given(st.integers(min_value=1_000, max_value=MAX_AMOUNT))
def test_format_amount_round_trips(amount: int) -> None:
    assert parse_rupiah(format_amount(amount)) == amount


@given(st.integers(min_value=1, max_value=MAX_AMOUNT))
def test_negative_formatted_amounts_are_refused(amount: int) -> None:
    assert _error(format_rupiah(-amount)).reason == REASON_NEGATIVE


@given(st.text(max_size=60))
def test_arbitrary_text_either_parses_or_raises_money_error(text: str) -> None:
    try:
        amount = parse_rupiah(text)
    except MoneyError as error:
        assert error.reason in {
            REASON_EMPTY, REASON_NOT_A_NUMBER, REASON_NEGATIVE, REASON_TOO_LARGE, REASON_AMBIGUOUS
        }  # fmt: skip
    else:
        assert 0 <= amount <= MAX_AMOUNT


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        # Indonesian thousands or an English decimal: 1,5 miliar or 1,5 juta.
        ("1.500 jt", (1_500_000_000, 1_500_000)),
        ("1.250 jt", (1_250_000_000, 1_250_000)),
        ("1.500 rb", (1_500_000, 1_500)),
        # Indonesian decimal or English thousands.
        ("1,500 jt", (1_500_000, 1_500_000_000)),
        # Lowercase m: miliar, or the English "million".
        ("25m", (25_000_000_000, 25_000_000)),
        ("1,5 m", (1_500_000_000, 1_500_000)),
        ("1,500m", (1_500_000_000, 1_500_000_000_000, 1_500_000)),  # duplicates dropped
        # One plausible reading: asked back as "did you mean ...?".
        ("25", (25_000_000,)),
        ("dua puluh lima", (25_000_000,)),
        ("1.001 T", (1_001_000_000_000,)),  # 1.001 triliun; 1.001 thousand triliun is too large
    ],
)
def test_ambiguous_input_spells_out_every_reading(text: str, readings: tuple[int, ...]) -> None:
    error = _error(text)
    assert (error.reason, error.readings, error.likely) == (REASON_AMBIGUOUS, readings, readings[0])


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("dua puluh lima juta", 25_000_000),
        ("seratus lima puluh juta", 150_000_000),
        ("satu setengah juta", 1_500_000),
        ("setengah juta", 500_000),
        ("lima ratus ribu", 500_000),
        ("sepuluh juta", 10_000_000),
        ("sebelas juta", 11_000_000),
        ("tujuh belas ribu", 17_000),
        ("seribu", 1_000),
        ("sejuta", 1_000_000),
        ("dua miliar", 2_000_000_000),
        ("dua milyar tiga ratus juta", 2_300_000_000),
        ("Rp dua puluh lima juta", 25_000_000),
        ("Dua Puluh Lima Juta rupiah", 25_000_000),
    ],
)
def test_number_words(text: str, amount: int) -> None:
    assert parse_rupiah(text) == amount


_DIGITS = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


def _below_thousand(n: int) -> list[str]:
    """Indonesian words for 1 <= n <= 999, written independently of the parser."""
    hundreds, rest = divmod(n, 100)
    words = [] if hundreds == 0 else ["seratus"] if hundreds == 1 else [_DIGITS[hundreds], "ratus"]
    tens, ones = divmod(rest, 10)
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif tens == 1:
        words += [_DIGITS[ones], "belas"]
    else:
        if tens:
            words += [_DIGITS[tens], "puluh"]
        if ones:
            words.append(_DIGITS[ones])
    return words


def _spell(n: int) -> str:
    words: list[str] = []
    for scale, name in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")):
        count, n = divmod(n, scale)
        if count == 1 and scale == 1_000:
            words.append("seribu")
        elif count:
            words += [*_below_thousand(count), name]
    if n:
        words += _below_thousand(n)
    return " ".join(words)


@given(st.integers(min_value=1_000, max_value=999_999_999_999_999))
def test_number_words_round_trip(n: int) -> None:
    assert parse_rupiah(_spell(n)) == n


@given(st.integers(min_value=1, max_value=999))
def test_number_words_without_a_scale_are_asked_back_as_juta(n: int) -> None:
    assert _error(_spell(n)).readings == (n * 1_000_000,)


@pytest.mark.parametrize(
    ("amount", "short"),
    [
        (1_500_000_000, "1,5 miliar"),
        (25_000_000, "25 juta"),
        (1_525_000, "1,525 juta"),
        (500_000, "500 ribu"),
        (1_000_000_000_000, "1 triliun"),
        (999, None),
    ],
)
def test_short_amount(amount: int, short: str | None) -> None:
    assert short_amount(amount) == short


# --- amounts in parts, digits and words mixed ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("25 juta 500 ribu", 25_500_000),
        ("1 juta 250 ribu", 1_250_000),
        ("Rp 1 juta 250 ribu", 1_250_000),
        ("25jt 500rb", 25_500_000),
        ("1,5 juta 200 ribu", 1_700_000),
        ("1 miliar 250 juta", 1_250_000_000),
        ("1m 250jt", 1_250_000_000),
        ("dua juta 500 ribu", 2_500_000),
        ("dua puluh lima juta 500 ribu", 25_500_000),
        ("25 juta lima ratus ribu", 25_500_000),
        ("1 juta 250 ribu 500", 1_250_500),
    ],
)
def test_amounts_in_parts(text: str, amount: int) -> None:
    assert parse_rupiah(text) == amount


@pytest.mark.parametrize("text", ["1 juta 2 juta", "500 ribu 1 juta", "25 juta 1.500 ribu"])
def test_parts_out_of_order_are_refused(text: str) -> None:
    assert _error(text).reason == REASON_NOT_A_NUMBER


def test_a_bare_number_after_the_last_unit_is_asked_back() -> None:
    assert _error("2 juta 500").readings == (2_000_500, 2_500_000)


def _in_parts(n: int, words: bool) -> str:
    """n written by scale, each count in digits or (every other scale) in words."""
    parts: list[str] = []
    for index, (scale, name) in enumerate(
        ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu"))
    ):
        count, n = divmod(n, scale)
        if count:
            spelled = " ".join(_below_thousand(count)) if words and index % 2 else str(count)
            parts.append(f"{spelled} {name}")
    assert n == 0
    return " ".join(parts)


@given(
    st.lists(st.integers(min_value=0, max_value=999), min_size=4, max_size=4).filter(
        lambda counts: sum(1 for c in counts if c) >= 2
    ),
    st.booleans(),
)
def test_amounts_in_parts_round_trip(counts: list[int], words: bool) -> None:
    n = sum(c * 10**k for c, k in zip(counts, (12, 9, 6, 3), strict=True))
    assert parse_rupiah(_in_parts(n, words)) == n

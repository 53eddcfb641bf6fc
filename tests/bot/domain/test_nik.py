"""Tests for NIK validation, decoding and masking (DOMAIN.md §5)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.domain.nik import (
    PLAUSIBLE_AGE_MAX,
    PROVINCE_CODES,
    REASON_DATE,
    REASON_LENGTH,
    REASON_NON_DIGIT,
    REASON_PROVINCE,
    REASON_SERIAL,
    Nik,
    NikError,
    mask_nik,
    parse_nik,
)

TODAY = date(2025, 8, 1)


def _reason(text: str, today: date = TODAY) -> str:
    with pytest.raises(NikError) as caught:
        parse_nik(text, today)
    return caught.value.reason


def test_decodes_a_man_from_kota_jambi() -> None:
    nik = parse_nik("1571011505850001", TODAY)
    assert nik == Nik(
        value="1571011505850001",
        province_code="15",
        city_code="71",
        kecamatan_code="01",
        birth_date=date(1985, 5, 15),
        sex="L",
        serial="0001",
    )
    assert nik.region_code == "15.71.01"


def test_women_have_forty_added_to_the_day() -> None:
    nik = parse_nik("1571025505850002", TODAY)
    assert (nik.birth_date, nik.sex) == (date(1985, 5, 15), "P")
    assert parse_nik("1571024101900003", TODAY).birth_date == date(1990, 1, 1)
    assert parse_nik("1571027112990004", TODAY).birth_date == date(1999, 12, 31)


@pytest.mark.parametrize(
    ("yy_mm_dd", "expected"),
    [
        ("010125", date(2025, 1, 1)),  # 2025 is in the past: this century
        ("010825", date(2025, 8, 1)),  # born today
        ("020825", date(1925, 8, 2)),  # 2025-08-02 is tomorrow: last century
        ("151299", date(1999, 12, 15)),
        ("150510", date(2010, 5, 15)),
        ("290200", date(2000, 2, 29)),
    ],
)
def test_century_gives_a_birth_date_that_is_not_in_the_future(
    yy_mm_dd: str, expected: date
) -> None:
    day, month, year = yy_mm_dd[0:2], yy_mm_dd[2:4], yy_mm_dd[4:6]
    assert parse_nik(f"157101{day}{month}{year}0001", TODAY).birth_date == expected


@pytest.mark.parametrize(
    "typed",
    [
        "1571 0115 0585 0001",
        "1571.01.150585.0001",
        "1571-0115-0585-0001",
        "  1571011505850001\n",
        "15 71 01 15 05 85 0001",
    ],
)
def test_tolerates_spaces_dots_and_dashes(typed: str) -> None:
    assert parse_nik(typed, TODAY).value == "1571011505850001"


def test_accepts_niks_from_outside_kota_jambi() -> None:
    nik = parse_nik("3174011505850001", TODAY)  # Jakarta Selatan
    assert (nik.province_code, nik.city_code) == ("31", "74")
    assert parse_nik("9601011505850001", TODAY).province_code == "96"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", REASON_LENGTH),
        ("157101150585000", REASON_LENGTH),
        ("15710115058500011", REASON_LENGTH),
        ("157101150585000A", REASON_NON_DIGIT),
        ("1571O11505850001", REASON_NON_DIGIT),
        ("1571/0115/0585/0001", REASON_NON_DIGIT),
        ("１５７１０１１５０５８５０００１", REASON_NON_DIGIT),  # full-width digits
        ("NIK saya 1571011505850001", REASON_NON_DIGIT),
        ("0071011505850001", REASON_PROVINCE),
        ("2071011505850001", REASON_PROVINCE),
        ("9971011505850001", REASON_PROVINCE),
        ("1571010005850001", REASON_DATE),  # day 0
        ("1571013205850001", REASON_DATE),  # day 32
        ("1571014005850001", REASON_DATE),  # 40: neither a man's nor a woman's day
        ("1571017205850001", REASON_DATE),  # woman's day 32
        ("1571011513850001", REASON_DATE),  # month 13
        ("1571011500850001", REASON_DATE),  # month 0
        ("1571013102850001", REASON_DATE),  # 31 February
        ("1571012902850001", REASON_DATE),  # 1985 is not a leap year
        ("1571011505850000", REASON_SERIAL),
    ],
)
def test_every_reason(text: str, reason: str) -> None:
    assert _reason(text) == reason


def test_error_messages_do_not_echo_the_nik() -> None:
    with pytest.raises(NikError) as caught:
        parse_nik("1571011505850000", TODAY)
    assert "1571011505850000" not in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_birth_date_in_the_future_in_both_centuries_is_rejected() -> None:
    assert _reason("1571010101250001", today=date(1920, 1, 1)) == REASON_DATE


def test_age() -> None:
    nik = parse_nik("1571011505850001", TODAY)
    assert nik.age_on(date(2025, 5, 14)) == 39
    assert nik.age_on(date(2025, 5, 15)) == 40
    assert parse_nik("1571010101100001", TODAY).age_on(TODAY) == 15


def test_masking() -> None:
    assert mask_nik("1571011505850001") == "1571********0001"
    assert parse_nik("1571 0115 0585 0001", TODAY).masked() == "1571********0001"
    with pytest.raises(NikError):
        mask_nik("1571")
    with pytest.raises(NikError):
        mask_nik("157101150585000X")


def test_province_list_is_complete() -> None:
    assert len(PROVINCE_CODES) == 38  # Indonesia's 38 provinces since 2022


@given(
    province=st.sampled_from(sorted(PROVINCE_CODES)),
    area=st.from_regex(r"[0-9]{4}", fullmatch=True),
    birth=st.dates(min_value=date(1925, 8, 2), max_value=TODAY),
    female=st.booleans(),
    serial=st.integers(min_value=1, max_value=9999),
)
def test_any_valid_nik_round_trips(
    province: str, area: str, birth: date, female: bool, serial: int
) -> None:
    day = birth.day + (40 if female else 0)
    text = f"{province}{area}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"
    nik = parse_nik(text, TODAY)
    assert nik.birth_date == birth
    assert nik.sex == ("P" if female else "L")
    assert nik.value == text
    assert nik.masked() == text[:4] + "********" + text[-4:]
    assert 0 <= nik.age_on(TODAY) <= 100


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_parsed_birth_date_is_never_after_today(today: date) -> None:
    birth = today + timedelta(days=1)
    assume(birth != date(2000, 2, 29))  # 1900 was not a leap year: a "date" error instead
    nik = parse_nik(f"157101{birth.day:02d}{birth.month:02d}{birth.year % 100:02d}0001", today)
    assert nik.birth_date <= today


NOW = date(2026, 12, 2)


def _nik_born(day: int, month: int, yy: int) -> str:
    return f"157101{day:02d}{month:02d}{yy:02d}0001"


@pytest.mark.parametrize(
    ("yy", "readings"),
    [
        (20, (date(2020, 3, 10), date(1920, 3, 10))),  # 6 or 106: ask
        (16, (date(2016, 3, 10), date(1916, 3, 10))),  # 10 or 110: ask
        (85, (date(1985, 3, 10), None)),  # 2085 is in the future
        (5, (date(2005, 3, 10), None)),  # 1905 would be 121
        (10, (date(2010, 3, 10), None)),  # 1910 would be 116
    ],
)
def test_century_is_asked_only_when_both_ages_are_plausible(
    yy: int, readings: tuple[date, date | None]
) -> None:
    nik = parse_nik(_nik_born(10, 3, yy), NOW)
    assert (nik.birth_date, nik.other_birth_date) == readings
    assert nik.century_ambiguous == (readings[1] is not None)


def test_a_106_year_old_is_not_silently_read_as_a_child() -> None:
    nik = parse_nik(_nik_born(10, 3, 20), NOW)
    assert nik.other_birth_date is not None and nik.age_on(NOW) == 6
    assert NOW.year - nik.other_birth_date.year == 106


def test_a_future_20yy_leaves_the_19yy_reading_alone() -> None:
    # 2027 is in the future, but 1927 makes 99: that reading alone, no question.
    nik = parse_nik(_nik_born(1, 1, 27), NOW)
    assert (nik.birth_date, nik.other_birth_date) == (date(1927, 1, 1), None)


def _age(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


@given(
    today=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    birth=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
)
def test_offered_readings_are_always_plausible_ages(today: date, birth: date) -> None:
    text = _nik_born(birth.day, birth.month, birth.year % 100)
    try:
        nik = parse_nik(text, today)
    except NikError as error:
        assert error.reason == REASON_DATE
        # Rejected only when no century gives a real date and a plausible age.
        for century in (1900, 2000):
            try:
                reading = date(century + birth.year % 100, birth.month, birth.day)
            except ValueError:
                continue
            assert reading > today or _age(reading, today) > PLAUSIBLE_AGE_MAX
        return
    offered = [nik.birth_date] + ([nik.other_birth_date] if nik.other_birth_date else [])
    for reading in offered:
        assert reading <= today and 0 <= _age(reading, today) <= PLAUSIBLE_AGE_MAX
        assert reading.year % 100 == birth.year % 100
    # Unambiguous exactly when the other century is implausible or not a real date.
    if not nik.century_ambiguous:
        other_century = 1900 if nik.birth_date.year >= 2000 else 2000
        try:
            other = date(other_century + birth.year % 100, birth.month, birth.day)
        except ValueError:
            return
        assert other > today or _age(other, today) > PLAUSIBLE_AGE_MAX

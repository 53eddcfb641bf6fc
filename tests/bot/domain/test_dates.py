"""Tests for typed dates and times and the WIB clock (DOMAIN.md §5)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.dates import (
    REASON_EMPTY,
    REASON_FORMAT,
    REASON_INVALID,
    WIB,
    DateError,
    DateReading,
    far_ahead,
    format_date,
    format_datetime,
    hour_readings,
    parse_date,
    parse_time,
    read_upcoming_date,
    to_wib,
    today_wib,
)

TODAY = date(2025, 7, 9)
AUG_1 = date(2025, 8, 1)


@pytest.mark.parametrize(
    "text",
    [
        "1/8/2025",
        "01-08-2025",
        "1.8.2025",
        "01/08/25",
        "1-8-25",
        "1/8",
        "1 Agustus 2025",
        "1 agustus",
        "1 AGUSTUS 2025",
        "1 Agu 2025",
        "1 agt 2025",
        "1 Ags 2025",
        "1 agu. 2025",
        "1-Agu-2025",
        "1 Agustus, 2025",
        "1 August 2025",
        "1 Aug 25",
        "01 agustus 2025",
        "  1   Agustus   2025 ",
        "Jumat, 1 Agustus 2025",
        "tanggal 1 Agustus 2025",
        "tgl. 1/8/2025",
        "2025-08-01",
    ],
)
def test_day_first_formats(text: str) -> None:
    assert parse_date(text, TODAY) == AUG_1


@pytest.mark.parametrize(
    ("word", "month"),
    [("jan", 1), ("Februari", 2), ("peb", 2), ("Mar", 3), ("April", 4), ("Mei", 5),
     ("may", 5), ("Jun", 6), ("juli", 7), ("Sept", 9), ("sep", 9), ("Okt", 10),
     ("october", 10), ("Nop", 11), ("Des", 12), ("december", 12)],
)  # fmt: skip
def test_month_names_and_abbreviations(word: str, month: int) -> None:
    assert parse_date(f"3 {word} 2025", TODAY) == date(2025, month, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hari ini", TODAY),
        ("Hari  Ini", TODAY),
        ("besok", TODAY + timedelta(days=1)),
        ("lusa", TODAY + timedelta(days=2)),
        ("kemarin", TODAY - timedelta(days=1)),
    ],
)
def test_relative_days(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


def test_relative_days_cross_year_end() -> None:
    assert parse_date("besok", date(2025, 12, 31)) == date(2026, 1, 1)


def test_two_digit_years() -> None:
    assert parse_date("1/8/25", TODAY) == date(2025, 8, 1)
    assert parse_date("1/8/45", TODAY) == date(2045, 8, 1)
    assert parse_date("1/8/85", TODAY) == date(1985, 8, 1)  # too far ahead: last century


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", REASON_EMPTY),
        ("   ", REASON_EMPTY),
        ("kapan-kapan", REASON_FORMAT),
        ("1 Agustos 2025", REASON_FORMAT),
        ("2025/08/01", REASON_FORMAT),
        ("1/8/2025/1", REASON_FORMAT),
        ("１/８/2025", REASON_FORMAT),  # full-width digits
        ("31/2/2025", REASON_INVALID),
        ("29/2/2025", REASON_INVALID),
        ("1/13/2025", REASON_INVALID),
        ("0/8/2025", REASON_INVALID),
        ("32 Agustus 2025", REASON_INVALID),
        ("8/31/2025", REASON_INVALID),  # month-first is not how Indonesians write
    ],
)
def test_rejected_dates(text: str, reason: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text, TODAY)
    assert caught.value.reason == reason


def test_leap_day() -> None:
    assert parse_date("29/2/2024", TODAY) == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14.30", time(14, 30)),
        ("14:30", time(14, 30)),
        ("07.05", time(7, 5)),
        ("7.05", time(7, 5)),
        ("jam 14", time(14, 0)),
        ("pukul 14.30 WIB", time(14, 30)),
        ("jam 8 pagi", time(8, 0)),
        ("jam 12 pagi", time(0, 0)),
        ("jam 11 siang", time(11, 0)),
        ("jam 12 siang", time(12, 0)),
        ("jam 2 siang", time(14, 0)),
        ("jam 4 sore", time(16, 0)),
        ("jam 7 malam", time(19, 0)),
        ("jam 7.30 malam", time(19, 30)),
        ("jam 12 malam", time(0, 0)),
        ("jam 1 malam", time(1, 0)),
        ("0.00", time(0, 0)),
        ("23.59", time(23, 59)),
    ],
)
def test_times(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [("", REASON_EMPTY), ("jam", REASON_EMPTY), ("siang", REASON_FORMAT),
     ("14.3", REASON_FORMAT), ("14,30", REASON_FORMAT), ("24.00", REASON_INVALID),
     ("12.60", REASON_INVALID)],
)  # fmt: skip
def test_rejected_times(text: str, reason: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_time(text)
    assert caught.value.reason == reason


def test_wib_is_utc_plus_seven() -> None:
    assert WIB.utcoffset(None) == timedelta(hours=7)
    assert WIB.tzname(None) == "WIB"


def test_to_wib_converts_aware_and_treats_naive_as_utc() -> None:
    utc = datetime(2025, 7, 31, 17, 30, tzinfo=UTC)
    assert to_wib(utc) == datetime(2025, 8, 1, 0, 30, tzinfo=WIB)
    assert to_wib(datetime(2025, 7, 31, 17, 30)) == to_wib(utc)
    wita = timezone(timedelta(hours=8))
    assert to_wib(datetime(2025, 8, 1, 9, 0, tzinfo=wita)).hour == 8


def test_today_wib_rolls_over_at_midnight_wib() -> None:
    assert today_wib(datetime(2025, 7, 31, 16, 59, tzinfo=UTC)) == date(2025, 7, 31)
    assert today_wib(datetime(2025, 7, 31, 17, 0, tzinfo=UTC)) == date(2025, 8, 1)


def test_formatting() -> None:
    assert format_date(AUG_1) == "1 Agustus 2025"
    assert format_date(date(2026, 12, 31)) == "31 Desember 2026"
    assert format_datetime(datetime(2025, 8, 1, 7, 5, tzinfo=UTC)) == "1 Agustus 2025 14.05 WIB"
    assert format_datetime(datetime(2025, 8, 1, 14, 5, tzinfo=WIB)) == "1 Agustus 2025 14.05 WIB"
    assert format_datetime(datetime(2025, 7, 31, 17, 0)) == "1 Agustus 2025 00.00 WIB"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_format_date_round_trips(day: date) -> None:
    assert parse_date(format_date(day), TODAY) == day


@given(st.times())
def test_formatted_time_round_trips(moment: time) -> None:
    assert parse_time(moment.strftime("%H.%M")) == moment.replace(second=0, microsecond=0)


# --- Dates still to come: a missing year is the next such day, asked back when far ahead.


@pytest.mark.parametrize(
    ("typed", "today", "expected"),
    [
        ("1 Agustus", date(2026, 12, 2), date(2027, 8, 1)),
        ("1/8", date(2026, 12, 2), date(2027, 8, 1)),
        ("5 Januari", date(2026, 12, 20), date(2027, 1, 5)),
        ("2 des", date(2026, 12, 2), date(2026, 12, 2)),  # today itself is on or after today
        ("1 des", date(2026, 12, 2), date(2027, 12, 1)),
        ("tgl 29 feb", date(2026, 3, 1), date(2028, 2, 29)),  # the next leap year
    ],
)
def test_a_date_without_year_is_the_next_one(typed: str, today: date, expected: date) -> None:
    reading = read_upcoming_date(typed, today)
    assert reading == DateReading(expected, year_assumed=True)


@pytest.mark.parametrize("typed", ["1 Agustus 2026", "1/8/2026", "2026-08-01"])
def test_a_date_with_a_year_is_taken_as_typed(typed: str) -> None:
    reading = read_upcoming_date(typed, date(2026, 12, 2))
    assert reading == DateReading(date(2026, 8, 1), year_assumed=False)
    assert not far_ahead(reading, date(2026, 12, 2))


def test_relative_words_are_not_assumed_years() -> None:
    assert read_upcoming_date("besok", date(2026, 12, 31)) == DateReading(
        date(2027, 1, 1), year_assumed=False
    )


@pytest.mark.parametrize(("typed", "reason"), [("31 Juni", "invalid"), ("1 Foo", "format")])
def test_an_upcoming_date_that_cannot_be_read(typed: str, reason: str) -> None:
    with pytest.raises(DateError) as raised:
        read_upcoming_date(typed, date(2026, 12, 2))
    assert raised.value.reason == reason


@pytest.mark.parametrize(
    ("typed", "far"), [("1 Juni", False), ("2 Juni", False), ("3 Juni", True), ("1 Agustus", True)]
)
def test_an_assumed_year_more_than_six_months_ahead_is_far(typed: str, far: bool) -> None:
    today = date(2026, 12, 1)  # 2 June 2027 is 183 days ahead
    assert far_ahead(read_upcoming_date(typed, today), today) is far


# --- A bare clock hour has two readings.


@pytest.mark.parametrize(
    ("typed", "readings"),
    [
        ("2", (time(2), time(14))),
        ("jam 2", (time(2), time(14))),
        ("pukul 7 WIB", (time(7), time(19))),
        ("12", (time(0), time(12))),
        ("0", ()),
        ("13", ()),
        ("14.30", ()),
        ("jam 2 siang", ()),
        ("2/3", ()),
    ],
)
def test_hour_readings(typed: str, readings: tuple[time, ...]) -> None:
    assert hour_readings(typed) == readings


# --- the program's time zone (program.timezone) ------------------------------------------


def test_zone_labels_follow_the_configured_zone() -> None:
    from bot.domain.dates import WIB, zone_label, zone_named

    assert zone_label(WIB) == "WIB"
    assert zone_label(zone_named("Asia/Makassar")) == "WITA"
    assert zone_label(zone_named("Asia/Jayapura")) == "WIT"
    assert zone_label(zone_named("Asia/Singapore")) == "UTC+8"
    assert zone_label(zone_named("Asia/Kolkata")) == "UTC+5.30"
    assert zone_label(zone_named("America/Sao_Paulo")) == "UTC-3"


def test_local_days_and_times_use_the_zone_in_effect() -> None:
    from datetime import UTC, datetime

    from bot.domain.dates import format_datetime, today_wib, using_zone

    moment = datetime(2026, 3, 1, 16, 30, tzinfo=UTC)
    assert format_datetime(moment) == "1 Maret 2026 23.30 WIB"
    with using_zone("Asia/Makassar"):
        assert format_datetime(moment) == "2 Maret 2026 00.30 WITA"
        assert today_wib(moment).day == 2
    assert today_wib(moment).day == 1  # the zone is restored after the block

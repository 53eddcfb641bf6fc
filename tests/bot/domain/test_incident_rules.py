"""Work-accident rules: reference numbers, the 2×24-hour clock from the accident, reading
when it happened as people type it (WIB), and the victim / reporter / RT as typed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.dates import format_datetime
from bot.domain.incident import (
    SEVERITIES,
    WhenError,
    clean_name,
    format_reference,
    is_overdue,
    needs_confirmation,
    normalise_reference,
    parse_occurred_at,
    parse_rt_reference,
    reference_sequence,
    report_deadline,
    split_name_and_phone,
    split_nik_and_name,
)

# 2 March 2026, 09:00 WIB.
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


def wib(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC) - timedelta(hours=7)


def test_severity_codes() -> None:
    assert SEVERITIES == ("luka_ringan", "rawat_inap", "cacat", "meninggal")


def test_references_are_numbered_per_wib_day() -> None:
    assert format_reference(date(2026, 3, 2), 7) == "LK-20260302-0007"
    assert format_reference(date(2026, 3, 2), 12345) == "LK-20260302-12345"
    assert reference_sequence("LK-20260302-0007") == 7
    assert reference_sequence("KB-1") is None
    assert normalise_reference(" lk-20260302-7 ") == "LK-20260302-0007"
    assert normalise_reference("halo") is None
    with pytest.raises(ValueError):
        format_reference(date(2026, 3, 2), 0)


def test_the_deadline_is_two_days_after_the_accident() -> None:
    occurred = wib(2, 8, 30)
    assert report_deadline(occurred) == wib(4, 8, 30)
    assert format_datetime(report_deadline(occurred)) == "4 Maret 2026 08.30 WIB"
    assert not is_overdue(occurred, wib(4, 8, 30))
    assert is_overdue(occurred, wib(4, 8, 31))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("08.15", wib(2, 8, 15)),
        ("jam 7 pagi", wib(2, 7)),
        ("hari ini 07.30", wib(2, 7, 30)),
        ("Hari ini, 07:30 WIB", wib(2, 7, 30)),
        ("kemarin jam 8 pagi", wib(1, 8)),
        ("kemarin 16.45", wib(1, 16, 45)),
        ("2/3/2026 09.00", wib(2, 9)),
        ("1/3/2026 21.00", wib(1, 21)),
        ("28 Februari 2026 pukul 14.00", wib(28, 14, month=2)),
        ("14.00 28/2/2026", wib(28, 14, month=2)),
        ("sekarang", NOW),
        ("barusan", NOW),
    ],
)
def test_when_as_people_type_it(typed: str, expected: datetime) -> None:
    assert parse_occurred_at(typed, NOW) == expected


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "format"),
        ("🤕🤕", "format"),
        ("tadi siang sekitar itu", "format"),
        ("kemarin", "date_only"),
        ("2/3/2026", "date_only"),
        ("31/2/2026 09.00", "invalid"),
        ("2/3/2026 25.00", "invalid"),
        ("14.30", "future"),  # 14.30 WIB today has not come yet at 09.00
        ("besok jam 8 pagi", "future"),
        ("2/3/2027 08.00", "future"),
        ("2/3/2024 08.00", "too_old"),
    ],
)
def test_when_problems(typed: str, reason: str) -> None:
    with pytest.raises(WhenError) as caught:
        parse_occurred_at(typed, NOW)
    assert caught.value.reason == reason


def test_a_few_minutes_ahead_is_the_phone_clock_not_the_future() -> None:
    assert parse_occurred_at("09.05", NOW) == wib(2, 9, 5)


def test_older_than_thirty_days_needs_a_confirmation() -> None:
    assert not needs_confirmation(wib(1, 8), NOW)
    assert needs_confirmation(parse_occurred_at("1/1/2026 08.00", NOW), NOW)


@given(st.text(max_size=60))
def test_any_text_is_read_or_refused_with_a_reason(text: str) -> None:
    try:
        occurred = parse_occurred_at(text, NOW)
    except WhenError as error:
        assert error.reason in {"format", "date_only", "future", "too_old", "invalid"}
    else:
        assert occurred.tzinfo is not None and occurred <= NOW + timedelta(minutes=10)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Siti Aminah", "Siti Aminah"),
        ("  siti   aminah ", "Siti Aminah"),
        ("BUDI SANTOSO", "Budi Santoso"),
        ("Ni Made Ayu-Lestari", "Ni Made Ayu-Lestari"),
        ("Muh. Ridwan, S.Pd", "Muh. Ridwan, S.Pd"),
        ("Siti 2", None),
        ("🤕", None),
        ("x", None),
        ("<script>", None),
        ("a" * 121, None),
    ],
)
def test_names(typed: str, expected: str | None) -> None:
    assert clean_name(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1571014107900001 Siti Aminah", ("1571014107900001", "Siti Aminah")),
        ("Siti Aminah, 1571 0141 0790 0001", ("1571 0141 0790 0001", "Siti Aminah")),
        ("1571014107900001", ("1571014107900001", "")),
        ("Siti Aminah", (None, "Siti Aminah")),
        ("15710141 Siti", ("15710141", "Siti")),
    ],
)
def test_nik_and_name(typed: str, expected: tuple[str | None, str]) -> None:
    assert split_nik_and_name(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("RT 5 Thehok", (5, "Thehok")),
        ("rt.05 kel. Thehok", (5, "kel. Thehok")),
        ("RT 05/RW 02 Thehok", (5, "Thehok")),
        ("Thehok RT 05", (5, "Thehok")),
        ("Thehok", None),
        ("RT 0 Thehok", None),
        ("RT 5", None),
    ],
)
def test_rt_as_typed(typed: str, expected: tuple[int, str] | None) -> None:
    assert parse_rt_reference(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Siti Aminah 0812-3456-7890", ("Siti Aminah", "0812-3456-7890")),
        ("Siti Aminah, +62 812 3456 7890", ("Siti Aminah", "+62 812 3456 7890")),
        ("Siti Aminah", ("Siti Aminah", None)),
        ("Siti Aminah (0741) 7551234", ("Siti Aminah", "(0741) 7551234")),
    ],
)
def test_reporter_name_and_phone(typed: str, expected: tuple[str, str | None]) -> None:
    assert split_name_and_phone(typed) == expected

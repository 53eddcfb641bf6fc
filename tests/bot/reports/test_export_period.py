"""Typed export periods: a missing year reads back from today for the start and forward
from the start for the end, so a period never lands in the future by default."""

from __future__ import annotations

from datetime import date

import pytest

from bot.reports.export_request import END_BEFORE_START, Period, PeriodError, parse_period

TODAY = date(2026, 2, 10)


@pytest.mark.parametrize(
    ("typed", "period"),
    [
        ("1 Desember - 5 Januari", Period(date(2025, 12, 1), date(2026, 1, 5))),
        ("1 Januari s/d 31 Desember", Period(date(2026, 1, 1), date(2026, 12, 31))),
        ("1/2 - 9/2", Period(date(2026, 2, 1), date(2026, 2, 9))),
        ("10 Februari sampai 11 Februari", Period(date(2026, 2, 10), date(2026, 2, 11))),
        ("11 Februari - 12 Februari", Period(date(2025, 2, 11), date(2025, 2, 12))),
        ("1 Desember 2025 s/d 5 Januari", Period(date(2025, 12, 1), date(2026, 1, 5))),
        ("1/8/2025 - 31/8/2025", Period(date(2025, 8, 1), date(2025, 8, 31))),
    ],
)
def test_a_typed_period(typed: str, period: Period) -> None:
    assert parse_period(typed, TODAY) == period


def test_a_period_with_years_the_wrong_way_round_is_refused() -> None:
    with pytest.raises(PeriodError) as raised:
        parse_period("5/1/2026 - 1/12/2025", TODAY)
    assert raised.value.reason == END_BEFORE_START

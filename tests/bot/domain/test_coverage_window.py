"""The coverage period of one participant."""

from datetime import UTC, date, datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.coverage import coverage_window
from bot.domain.dates import WIB

CONFIRMED = datetime(2026, 3, 1, 3, 0, tzinfo=UTC)  # 1 March, 10.00 WIB


def test_unconfirmed_activity_covers_nobody() -> None:
    assert coverage_window(date(2026, 3, 2), date(2026, 3, 5), None, CONFIRMED) is None


def test_listed_at_confirmation_covered_for_the_whole_period_in_wib() -> None:
    window = coverage_window(date(2026, 3, 2), date(2026, 3, 5), CONFIRMED, CONFIRMED)
    assert window.starts == datetime(2026, 3, 2, tzinfo=WIB)
    assert window.covers(datetime(2026, 3, 5, 23, 59, tzinfo=WIB))
    assert not window.covers(datetime(2026, 3, 6, 0, 0, tzinfo=WIB))
    assert not window.covers(datetime(2026, 3, 1, 23, 59, tzinfo=WIB))


def test_added_later_covered_from_adding_removed_until_removal() -> None:
    added = datetime(2026, 3, 3, 9, 30, tzinfo=WIB)
    removed = datetime(2026, 3, 4, 12, 0, tzinfo=WIB)
    window = coverage_window(date(2026, 3, 2), date(2026, 3, 5), CONFIRMED, added, removed)
    assert window.starts == added and window.ends == removed
    assert not window.covers(datetime(2026, 3, 3, 9, 0, tzinfo=WIB))


def test_cancellation_ends_coverage() -> None:
    cancelled = datetime(2026, 3, 2, 12, 0, tzinfo=WIB)
    window = coverage_window(
        date(2026, 3, 2), date(2026, 3, 5), CONFIRMED, CONFIRMED, cancelled_at=cancelled
    )
    assert window.ends == cancelled
    early = coverage_window(
        date(2026, 3, 2), date(2026, 3, 5), CONFIRMED, CONFIRMED, cancelled_at=CONFIRMED
    )
    assert early.empty


def test_confirmed_on_the_first_day_covers_from_the_confirmation_not_from_midnight() -> None:
    confirmed = datetime(2026, 12, 2, 21, 20, tzinfo=WIB)
    window = coverage_window(date(2026, 12, 2), date(2026, 12, 4), confirmed, confirmed)
    assert window.starts == confirmed
    assert not window.covers(datetime(2026, 12, 2, 9, 0, tzinfo=WIB))
    assert window.covers(datetime(2026, 12, 2, 21, 20, tzinfo=WIB))


def test_a_participant_on_a_draft_added_before_a_late_confirmation_starts_at_it() -> None:
    added = datetime(2026, 12, 1, 20, 0, tzinfo=WIB)
    confirmed = datetime(2026, 12, 2, 14, 0, tzinfo=WIB)
    window = coverage_window(date(2026, 12, 2), date(2026, 12, 4), confirmed, added)
    assert window.starts == confirmed


@given(
    start=st.dates(date(2026, 1, 1), date(2027, 12, 31)),
    days=st.integers(0, 60),
    confirmed_after=st.integers(-5 * 24 * 60, 5 * 24 * 60),
    added_after=st.integers(-3 * 24 * 60, 3 * 24 * 60),
)
def test_coverage_never_starts_before_confirmation_nor_before_the_first_day(
    start: date, days: int, confirmed_after: int, added_after: int
) -> None:
    first_moment = datetime.combine(start, time.min, tzinfo=WIB)
    confirmed = first_moment + timedelta(minutes=confirmed_after)
    added = confirmed + timedelta(minutes=added_after)
    window = coverage_window(start, start + timedelta(days=days), confirmed, added)
    assert window is not None
    assert window.starts >= confirmed and window.starts >= added
    assert window.starts >= first_moment
    assert window.starts in (first_moment, confirmed, added)

"""The coverage period of one participant."""

from datetime import UTC, date, datetime

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

"""Hidden characters in typed text and channel names (issue 12, item 8)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.text import display_name, hidden_controls


def test_overrides_isolates_and_controls_are_hidden_but_line_breaks_and_joiners_are_not() -> None:
    # The last two: the marks of bot/core/markup.py, which could unmark what follows them.
    for text in (
        "Jl. Mawar\u202e",
        "\u2066Budi\u2069",
        "a\x00b",
        "a\x1bb",
        "a\x85b",
        "\ue000",
        "x\ue001",
    ):
        assert hidden_controls(text), repr(text)
    for text in ("Budi\nSiti\tPHL\r\n", "👩‍👩‍👧 keluarga", "Dewi 李 Ṣāliḥ", "بكر"):
        assert not hidden_controls(text), repr(text)


@given(st.text(max_size=300), st.integers(min_value=1, max_value=150))
def test_a_display_name_fits_and_shows_nothing_hidden(name: str, limit: int) -> None:
    kept = display_name(name, limit)
    assert len(kept) <= limit and not hidden_controls(kept)
    assert kept == kept.strip()


def test_a_long_telegram_name_is_cut_to_the_column() -> None:
    assert display_name("Budi " * 30, 120) == ("Budi " * 24).strip()
    assert display_name("  Siti\u202e  Aminah ", 120) == "Siti Aminah"

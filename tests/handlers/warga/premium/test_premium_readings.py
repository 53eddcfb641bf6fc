"""Simulasi premi with amounts that have more than one reading (issue 11: true, or silent):
each reading is offered as its own button, tapped or picked by its typed number, and no
reading is ever taken silently; number words are computed like digits."""

from __future__ import annotations

import pytest

from support.chat import Chat

from .test_premium_dialog import assert_still_asking_the_value, open_simulation, plain


@pytest.mark.parametrize(
    ("typed", "buttons"),
    [
        ("1.500 jt", ["Rp1.500.000.000 (1,5 miliar)", "Rp1.500.000 (1,5 juta)"]),
        ("25m", ["Rp25.000.000.000 (25 miliar)", "Rp25.000.000 (25 juta)"]),
        ("1,500 jt", ["Rp1.500.000 (1,5 juta)", "Rp1.500.000.000 (1,5 miliar)"]),
    ],
)
async def test_an_amount_with_two_readings_offers_both_and_computes_none(
    chat: Chat, typed: str, buttons: list[str]
) -> None:
    await open_simulation(chat)
    await chat.says(typed)
    assert "bisa dibaca lebih dari satu cara" in chat.text
    assert "Total premi" not in chat.text
    assert chat.choices == buttons
    await assert_still_asking_the_value(chat)


async def test_tapping_a_reading_computes_that_amount(chat: Chat) -> None:
    await open_simulation(chat)
    await chat.says("1.500 jt")
    await chat.taps("Rp1.500.000 (1,5 juta)")
    assert "Nilai kegiatan: Rp1.500.000" in plain(chat.text)
    assert "Total premi: Rp3.600" in plain(chat.text)


async def test_a_reading_can_be_picked_by_typing_its_number(chat: Chat) -> None:
    await open_simulation(chat)
    await chat.says("25m")
    await chat.says("2")
    assert "Nilai kegiatan: Rp25.000.000" in plain(chat.text)
    assert "Total premi: Rp60.000" in plain(chat.text)


async def test_yes_does_not_choose_between_two_readings(chat: Chat) -> None:
    await open_simulation(chat)
    await chat.says("1,500 jt")
    await chat.says("ya")
    assert "Total premi" not in chat.text
    await assert_still_asking_the_value(chat)


async def test_capital_m_is_miliar_without_asking(chat: Chat) -> None:
    await open_simulation(chat)
    await chat.says("1,5 M")
    assert "Nilai kegiatan: Rp1.500.000.000" in plain(chat.text)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("dua puluh lima juta", "Rp25.000.000"),
        ("satu setengah juta", "Rp1.500.000"),
        ("seratus lima puluh juta", "Rp150.000.000"),
    ],
)
async def test_number_words_are_computed(chat: Chat, typed: str, value: str) -> None:
    await open_simulation(chat)
    await chat.says(typed)
    assert f"Nilai kegiatan: {value}" in plain(chat.text)


async def test_bare_number_words_are_asked_back_like_digits(chat: Chat) -> None:
    await open_simulation(chat)
    await chat.says("dua puluh lima")
    assert chat.choices == ["Ya, Rp25.000.000"]
    await chat.taps("Ya, Rp25.000.000")
    assert "Total premi: Rp60.000" in plain(chat.text)

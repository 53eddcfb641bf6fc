"""The value step of Daftarkan kegiatan with amounts that have more than one reading
(issue 11: true, or silent): every reading is a button, the chosen one is checked against
the RT's budget like any typed value, and number words are read like digits."""

from __future__ import annotations

import pytest

from support.activity_helpers import PLACE, TITLE, activities, plain, stored_state
from support.chat import Chat

REG = "activity_registration"


async def at_the_value_step(ketua: Chat) -> None:
    await ketua.says("menu")
    await ketua.taps("Daftarkan kegiatan")
    await ketua.says(TITLE)
    await ketua.taps("Drainase")
    await ketua.says(PLACE)
    await ketua.says("besok")
    await ketua.taps("Hari yang sama")


@pytest.mark.parametrize(
    ("typed", "buttons", "pick", "value"),
    [
        ("1.500 jt", ["Rp1.500.000.000 (1,5 miliar)", "Rp1.500.000 (1,5 juta)"], 2, 1_500_000),
        ("25m", ["Rp25.000.000.000 (25 miliar)", "Rp25.000.000 (25 juta)"], 2, 25_000_000),
        ("1,500 jt", ["Rp1.500.000 (1,5 juta)", "Rp1.500.000.000 (1,5 miliar)"], 1, 1_500_000),
    ],
)
async def test_each_reading_is_a_button_and_the_chosen_one_is_saved(
    ketua: Chat, typed: str, buttons: list[str], pick: int, value: int
) -> None:
    await at_the_value_step(ketua)
    await ketua.says(typed)
    assert "bisa dibaca lebih dari satu cara" in ketua.text
    assert ketua.choices == buttons
    dialog, step, _ = await stored_state(ketua)
    assert (dialog, step) == (REG, "value")
    await ketua.taps(buttons[pick - 1])
    assert "sudah termasuk PPN?" in plain(ketua.text)
    await ketua.taps("Tidak")
    await ketua.taps("Simpan")
    [saved] = await activities(ketua.app)
    assert saved.value == value


async def test_a_reading_over_the_budget_is_explained_and_the_question_stays(
    ketua: Chat,
) -> None:
    await at_the_value_step(ketua)
    await ketua.says("1.500 jt")
    await ketua.says("1")  # the 1,5 miliar reading, by its number
    assert "melebihi sisa anggaran RT" in plain(ketua.text)
    await ketua.says("1.500 jt")
    await ketua.says("2")
    assert "sudah termasuk PPN?" in plain(ketua.text)


@pytest.mark.parametrize(
    ("typed", "value"),
    [("dua puluh lima juta", 25_000_000), ("satu setengah juta", 1_500_000)],
)
async def test_number_words_are_read_as_the_value(ketua: Chat, typed: str, value: int) -> None:
    await at_the_value_step(ketua)
    await ketua.says(typed)
    assert "sudah termasuk PPN?" in plain(ketua.text)
    await ketua.taps("Tidak")
    await ketua.taps("Simpan")
    [saved] = await activities(ketua.app)
    assert saved.value == value

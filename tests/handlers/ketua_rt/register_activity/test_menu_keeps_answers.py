"""`menu` or a command in the middle of a registration keeps the answers: the next visit
offers to continue them from the step the chair left, or to start again (issue 11)."""

from __future__ import annotations

from support.activity_helpers import PLACE, TITLE, activities, plain, stored_state
from support.chat import Chat

REG = "activity_registration"


async def halfway(ketua: Chat) -> None:
    await ketua.says("menu")
    await ketua.taps("Daftarkan kegiatan")
    await ketua.says(TITLE)
    await ketua.taps("Jalan lingkungan")
    await ketua.says(PLACE)
    await ketua.says("hari ini")
    assert (await stored_state(ketua))[1] == "end_date"


async def test_menu_keeps_the_answers_and_the_next_visit_continues_where_it_stopped(
    ketua: Chat,
) -> None:
    await halfway(ketua)
    await ketua.says("menu")
    assert f"Isian Anda disimpan: pendaftaran kegiatan “{TITLE}”" in ketua.text
    assert "Menu utama" in ketua.last.text

    await ketua.taps("Daftarkan kegiatan")
    assert f"Ada isian yang belum selesai: pendaftaran kegiatan “{TITLE}”" in ketua.text
    assert ketua.choices == ["Lanjutkan", "Mulai baru (isian tadi dihapus)"]
    await ketua.says("1")  # a typed number is the button
    dialog, step, data = await stored_state(ketua)
    assert (dialog, step) == (REG, "end_date")
    assert (data["title"], data["place"], data["start"]) == (TITLE, PLACE, "2026-03-02")

    # `kembali` still walks back through the answers given before the pause.
    await ketua.says("kembali")
    assert (await stored_state(ketua))[1] == "start_date"
    await ketua.says("hari ini")
    await ketua.says("31/3/2026")
    await ketua.says("25 juta")
    await ketua.taps("Tidak")
    assert f"Nama: {TITLE}" in plain(ketua.text)


async def test_a_command_keeps_the_answers_too_and_starting_again_clears_them(
    ketua: Chat,
) -> None:
    await halfway(ketua)
    await ketua.says("/cek")
    assert "disimpan" in ketua.text
    assert (await stored_state(ketua))[0] == "coverage_check"

    await ketua.says("/daftar")
    await ketua.taps("Mulai baru")
    dialog, step, data = await stored_state(ketua)
    assert (dialog, step) == (REG, "start")
    assert "title" not in data
    await ketua.says("menu")  # nothing typed in the new one: nothing kept
    assert "disimpan" not in ketua.text
    await ketua.taps("Daftarkan kegiatan")
    assert "Ada isian yang belum selesai" not in ketua.text
    assert await activities(ketua.app) == []


async def test_batal_at_the_offer_keeps_the_answers_for_later(ketua: Chat) -> None:
    await halfway(ketua)
    await ketua.says("menu")
    await ketua.taps("Daftarkan kegiatan")
    await ketua.says("batal")
    assert "tetap disimpan" in ketua.text
    await ketua.taps("Daftarkan kegiatan")
    await ketua.taps("Lanjutkan")
    assert (await stored_state(ketua))[2]["title"] == TITLE

"""Info manfaat: JKK and JKM exactly as DOMAIN.md §3, where to go next, short messages
behind buttons — and the same figures as the benefits text sent with a coverage
confirmation."""

from __future__ import annotations

import pytest

from bot.app import App
from handlers.catalogue import LANGUAGES
from support.chat import Chat


async def open_benefits(chat: Chat) -> None:
    await chat.says("menu")
    await chat.taps("Info manfaat")


async def test_the_topics_are_buttons(app: App, warga: Chat) -> None:
    await open_benefits(warga)
    assert "Info manfaat BPJS Ketenagakerjaan" in warga.text
    assert warga.choices == ["JKK", "JKM", "Ke mana selanjutnya", "Menu"]


async def test_jkk_lists_every_benefit_with_its_ceiling(app: App, warga: Chat) -> None:
    await open_benefits(warga)
    await warga.taps("JKK")
    text = warga.text
    assert "Jaminan Kecelakaan Kerja" in text
    assert "perjalanan pergi dan pulang kerja" in text
    assert "*tanpa batas biaya*" in text
    assert "Perawatan di rumah paling lama 1 tahun, maks. Rp20 juta" in text
    assert "transportasi" in text
    assert "100% upah selama 12 bulan pertama, lalu 50%" in text
    assert "Cacat total tetap: 56× upah sebulan" in text
    assert "48× upah (paling sedikit Rp20 juta) + Rp10 juta" in text
    assert "Rp12 juta santunan berkala" in text
    assert "paling banyak 2 anak (seluruhnya maks. Rp174 juta)" in text
    assert "Pilih info lain" in text
    assert warga.choices == ["JKK", "JKM", "Ke mana selanjutnya", "Menu"]


async def test_jkm_is_42_million_in_three_parts(app: App, warga: Chat) -> None:
    await open_benefits(warga)
    await warga.taps("JKM")
    text = warga.text
    assert "*Rp42 juta*" in text
    assert "Rp20 juta santunan sekaligus" in text
    assert "Rp12 juta santunan berkala" in text
    assert "Rp10 juta biaya pemakaman" in text
    assert "*bukan* karena kecelakaan kerja" in text


async def test_where_to_go_next(app: App, warga: Chat) -> None:
    await open_benefits(warga)
    await warga.taps("Ke mana selanjutnya")
    text = warga.text
    for place in ("*JMO*", "*E-Jakon*", "*175*", "Lapor kecelakaan"):
        assert place in text
    assert "*tidak* menampilkan data milik BPJS Ketenagakerjaan" in text


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("jkm", "Jaminan Kematian"),
        ("2", "Jaminan Kematian"),
        ("kalau meninggal?", "Jaminan Kematian"),
        ("kecelakaan", "Jaminan Kecelakaan Kerja"),
        ("nomor 175", "Ke mana selanjutnya"),
    ],
)
async def test_typed_topics(app: App, warga: Chat, typed: str, expected: str) -> None:
    await warga.says("/manfaat")
    await warga.says(typed)
    assert expected in warga.text


@pytest.mark.parametrize("typed", ["halo", "😀", "kecelakaan atau meninggal", "x" * 5000])
async def test_anything_else_is_answered_and_the_question_stays(
    app: App, warga: Chat, typed: str
) -> None:
    await warga.says("/manfaat")
    await warga.says(typed)
    assert "Pilih *JKK*" in warga.text or "terlalu panjang" in warga.text
    assert warga.choices == ["JKK", "JKM", "Ke mana selanjutnya", "Menu"]
    await warga.taps_id("old-button")
    assert "Tombol itu sudah tidak berlaku" in warga.text


async def test_menu_leaves(app: App, warga: Chat) -> None:
    await warga.says("/manfaat")
    await warga.taps("Menu")
    assert "Menu utama" in warga.text


async def test_the_figures_agree_with_the_confirmation_text() -> None:
    texts = LANGUAGES["id"]
    shown = texts["benefits_jkk"] + texts["benefits_jkm"]
    for figure in ("48×", "Rp20 juta", "Rp10 juta", "Rp12 juta", "100%", "12 bulan", "50%"):
        assert figure in texts["conf_benefits"] and figure in shown
    assert "Rp42 juta" in texts["conf_benefits"] and "Rp42 juta" in texts["benefits_jkm"]
    english = LANGUAGES["en"]
    assert "Rp42 million" in english["benefits_jkm"] and "56×" in english["benefits_jkk"]

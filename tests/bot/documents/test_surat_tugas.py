"""Tests for the surat tugas PDF: it opens, says what it must, never leaks a NIK, and wraps."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from bot.documents.letter import LetterParticipant, SuratTugas, file_name
from bot.documents.surat_tugas import clean_text, render_surat_tugas

A4_POINTS = (595.28, 841.89)
ROLES = ("Ketua RT", "PHL", "Petugas syara'", "Warga")


def _people(count: int) -> tuple[LetterParticipant, ...]:
    return tuple(
        LetterParticipant(
            name=f"Warga Nomor {i} bin Abdullah",
            masked_nik=f"1571********{i:04d}",
            role=ROLES[i % len(ROLES)],
        )
        for i in range(1, count + 1)
    )


def _letter(**changes: object) -> SuratTugas:
    letter = SuratTugas(
        number="001/ST-KB/RT01/SIPIN/III/2026",
        revision=0,
        issued_on=date(2026, 3, 2),
        city="Kota Jambi",
        kecamatan="Telanaipura",
        kelurahan="Sungai Putri",
        rt_number=1,
        chair_name="H. Ahmad Syukri",
        chair_phone="+6281234567890",
        activity_number="KB-2026-00012",
        activity_title="Perbaikan drainase Jl. Kenari",
        activity_kind="Drainase",
        place="Jl. Kenari RT 01, dekat masjid Al-Ikhlas",
        start=date(2026, 3, 2),
        end=date(2026, 3, 6),
        value=25_000_000,
        value_includes_ppn=True,
        premium_jkk=52_500,
        premium_jkm=7_500,
        premium_total=60_000,
        participants=(
            LetterParticipant("Siti Aminah", "1571********0001", "Ketua RT"),
            LetterParticipant("Budi Santoso", "1571********0002", "PHL"),
            LetterParticipant(
                "Ustaz Rahmat",
                "1571********0003",
                "Petugas syara'",
                covered_from="sejak 3 Maret 2026 09.30 WIB",
            ),  # fmt: skip
        ),
    )
    return dataclasses.replace(letter, **changes)


def _read(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(pdf))


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in _read(pdf).pages)


def _flat(text: str) -> str:
    """Extracted text with line breaks undone, for phrases a wrap may split."""
    return " ".join(text.split())


def test_the_letter_is_a_pdf_that_names_the_activity_and_every_participant() -> None:
    letter = _letter()
    text = _text(render_surat_tugas(letter))
    flat = _flat(text)
    for expected in (
        "PEMERINTAH KOTA JAMBI",
        "PROGRAM KAMPUNG BAHAGIA",
        "RT 01 KELURAHAN SUNGAI PUTRI KECAMATAN TELANAIPURA",
        "SURAT TUGAS",
        "Nomor: 001/ST-KB/RT01/SIPIN/III/2026",
        "KB-2026-00012",
        "2 Maret 2026 s.d. 6 Maret 2026",
        "Rp25.000.000 (termasuk PPN)",
        "Rp52.500",
        "Rp7.500",
        "Rp60.000",
        "sejak 3 Maret 2026 09.30 WIB",
        "2×24 jam",
        "Jambi, 2 Maret 2026",
        "Ketua RT 01",
        "H. Ahmad Syukri",
        "Halaman 1 dari 1",
        "Dibuat oleh layanan Kampung Bahagia",
    ):
        assert expected in flat, expected
    for person in letter.participants:
        assert person.name in text
        assert person.masked_nik in text
    assert "Revisi" not in text


def test_a_value_without_ppn_says_so() -> None:
    flat = _flat(_text(render_surat_tugas(_letter(value_includes_ppn=False))))
    assert "Rp25.000.000 (belum termasuk PPN)" in flat


def test_no_full_nik_is_ever_printed_even_if_one_is_passed_by_mistake() -> None:
    people = (*_people(20), LetterParticipant("Salah Kirim", "1571010101900001", "Warga"))
    text = _text(render_surat_tugas(_letter(participants=people)))
    assert not re.search(r"[0-9]{16}", text.replace(" ", ""))
    assert "1571********0001" in text


def test_two_hundred_participants_flow_across_pages_with_page_numbers() -> None:
    letter = _letter(participants=_people(200))
    reader = _read(render_surat_tugas(letter))
    pages = len(reader.pages)
    assert pages >= 4
    texts = [page.extract_text() for page in reader.pages]
    assert f"Halaman 1 dari {pages}" in texts[0]
    assert f"Halaman {pages} dari {pages}" in texts[-1]
    everything = "\n".join(texts)
    for person in letter.participants:
        assert person.name in everything
        assert person.masked_nik in everything
    # The table's header row is repeated on every page the table runs across.
    assert all("Keterangan" in text for text in texts[:-1])


def test_every_page_is_a4_portrait() -> None:
    reader = _read(render_surat_tugas(_letter(participants=_people(80))))
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width == pytest.approx(A4_POINTS[0], abs=1)
        assert height == pytest.approx(A4_POINTS[1], abs=1)


@pytest.mark.parametrize(
    "title",
    [
        "Kerja bakti 🧹🌧️ bersih-bersih got 👍🏽",
        "Perbaikan jalan – gang “Mawar” … tahap 2 — RT 01",
        "Gotong royong Kampung Bahagia " * 10,  # 300 characters with spaces
        "x" * 300,  # a single 300-character word must still wrap
        "🎉🎉🎉",  # nothing printable at all
        "Sosialisasi ผู้ 中文 العربية kesehatan\u200d\u0000\t\nibu",
    ],
)
def test_awkward_titles_render(title: str) -> None:
    pdf = render_surat_tugas(_letter(activity_title=title))
    assert "KB-2026-00012" in _text(pdf)


def test_awkward_names_places_and_regions_render() -> None:
    people = (
        LetterParticipant("Muhammad Fadhil Āl-Ḥakim 😊", "1571********0004", "Warga"),
        LetterParticipant("Nur’aini “Ani” binti H. Abdul Ghani " * 6, "1571********0005", "PHL"),
        LetterParticipant("👷‍♂️", "1571********0006", "Warga"),
        LetterParticipant("Désirée Ñañez", "1571********0007", "Warga"),
    )
    letter = _letter(
        participants=people,
        chair_name="Drs. H. Muhammad Yusuf Al-Banjari, S.Pd., M.Si. 🙏",
        place="Lorong Bahagia – depan musala “Nurul Iman” " * 5,
        kelurahan="Kenali Asam Bawah",
        kecamatan="Kota Baru",
        rt_number=123,
    )
    text = _text(render_surat_tugas(letter))
    assert "Muhammad Fadhil Āl-Ḥakim" in text
    assert "Désirée Ñañez" in text
    assert "RT 123" in text
    for person in people:
        assert person.masked_nik in text


def test_a_revision_is_marked_with_its_date() -> None:
    text = _flat(_text(render_surat_tugas(_letter(revision=2, issued_on=date(2026, 3, 4)))))
    assert "Revisi ke-2, tanggal 4 Maret 2026" in text
    assert "Jambi, 4 Maret 2026" in text


def test_a_one_day_activity_shows_a_single_date() -> None:
    letter = _letter(start=date(2026, 3, 2), end=date(2026, 3, 2))
    text = _flat(_text(render_surat_tugas(letter)))
    assert "Waktu pelaksanaan : 2 Maret 2026" in text
    assert "s.d." not in text


def test_the_same_letter_gives_the_same_bytes() -> None:
    assert render_surat_tugas(_letter()) == render_surat_tugas(_letter())
    assert render_surat_tugas(_letter()) != render_surat_tugas(_letter(revision=1))


def test_file_name_is_safe_ascii() -> None:
    assert file_name(_letter()) == "surat_tugas_KB-2026-00012_r0.pdf"
    assert file_name(_letter(revision=3)) == "surat_tugas_KB-2026-00012_r3.pdf"
    odd = file_name(_letter(activity_number="../KB 2026/ü😊"))
    assert re.fullmatch(r"surat_tugas_[A-Za-z0-9-]+_r0\.pdf", odd)
    assert file_name(_letter(activity_number="😊")) == "surat_tugas_kegiatan_r0.pdf"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Jl. Kenari – Mawar", "Jl. Kenari - Mawar"),
        ("“Bersih” ‘desa’…", "\"Bersih\" 'desa'..."),
        ("Kerja bakti 🧹  👍🏽 ok", "Kerja bakti ok"),
        ("Āl-Ḥakim", "Āl-Ḥakim"),
        ("Dewi 李 Ṣāliḥ", "Dewi Ṣāliḥ"),
        ("Ελένη Дмитрий", "Ελένη Дмитрий"),
        ("Désirée", "Désirée"),
        ("a\tb\nc\u00a0d\u0000e", "a b c de"),
        ("   ", ""),
    ],
)
def test_clean_text_keeps_what_the_embedded_font_can_draw(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_names_in_other_scripts_are_printed_with_the_embedded_unicode_font() -> None:
    names = ("Dewi Ṣāliḥ", "Дмитрий Иванов", "Ελένη Παππά", "Nguyễn Thị Ánh")
    letter = _letter()
    people = tuple(dataclasses.replace(letter.participants[0], name=name) for name in names)
    pdf = render_surat_tugas(
        dataclasses.replace(letter, chair_name="Ṣāliḥ Ābidīn", participants=people)
    )
    text = _text(pdf)
    for name in (*names, "Ṣāliḥ Ābidīn"):
        assert name in text
    assert b"DejaVuSans" in pdf  # embedded, not a core font

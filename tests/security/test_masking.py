"""Masking that holds (issue 12, item 4): no chat message, no notification and no masked
export shows a masked NIK together with a birth date or a sex (the masked NIK hides the
kecamatan and the birth digits; birth date and sex give the birth digits back: see
bot/domain/nik.py, "Masking").

The places walked, through the real app: a Ketua RT adding people one by one and by a
pasted list (a minor among them), the participant list, the confirmation and its surat
tugas; a resident's "Cek perlindungan" by phone and by NIK, "Data saya" and a correction
request; an accident report; the officials' worker list, incident and correction views;
every outbox notification; and the masked XLSX and CSV exports.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date

from openpyxl import load_workbook

from bot.app import App
from bot.domain.dates import format_date
from bot.domain.nik import hide_niks, parse_nik
from support.activity_helpers import pdf_text, register
from support.chat import Chat
from support.seeding import SeededRt, grant

TODAY = date(2026, 3, 2)
ADDED = ("1571015203880021", "Sari Wulandari")  # woman, 12 March 1988; the warga's phone
PASTED = ("1571011809010022", "Dodi Setiawan")  # man, 18 September 2001
MINOR = ("1571015506140023", "Hana Safitri")  # girl, 15 June 2014
PEOPLE = (ADDED, PASTED, MINOR)
MASKED = re.compile(r"[0-9]{4}\*{8}[0-9]{4}")
SEX_WORDS = re.compile(r"laki-laki|perempuan|\bmale\b|\bfemale\b|jenis kelamin", re.IGNORECASE)
TYPED_BIRTH = "13 Maret 1988"  # what the resident says her birth date really is
BIRTH_DATES = [format_date(parse_nik(nik, TODAY).birth_date) for nik, _ in PEOPLE]
BIRTH_DATES.append(TYPED_BIRTH)


def reveals(text: str) -> list[str]:
    """What in `text` stands beside a masked NIK: birth dates, sex words (empty when no
    masked NIK is in it)."""
    if not MASKED.search(text):
        return []
    found = [birth for birth in BIRTH_DATES if birth in text]
    return found + SEX_WORDS.findall(text)


class Watch:
    """Every turn the bot answers in the watched chats: the replies' texts and buttons
    of one incoming message, as the user sees them together."""

    def __init__(self) -> None:
        self.turns: list[tuple[str, str]] = []  # (chat, text)
        self.masked_turns = 0

    def chat(self, chat: Chat) -> Chat:
        original = chat.sends

        async def sends(*args: object, **fields: object) -> object:
            replies = await original(*args, **fields)
            parts = []
            for reply in replies:
                parts.append(reply.text)
                parts += [f"{c.title} {c.description or ''}" for c in reply.choices]
            self.add(chat.address.chat_id, "\n".join(parts))
            return replies

        chat.sends = sends  # type: ignore[method-assign]
        return chat

    def add(self, source: str, text: str) -> None:
        self.turns.append((source, text))
        self.masked_turns += bool(MASKED.search(text))

    def leaks(self) -> list[tuple[str, list[str], str]]:
        return [(source, found, text) for source, text in self.turns if (found := reveals(text))]


async def official(app: App, watch: Watch, role: str, phone: str, name: str) -> Chat:
    await grant(app, role, phone, name)
    chat = watch.chat(Chat(app, f"{role}-{phone[-4:]}", channel="whatsapp", phone=phone))
    await chat.says("menu")
    return chat


async def chair_adds_and_confirms(ketua: Chat) -> None:
    await register(ketua)
    await ketua.taps("Simpan & tambah peserta")
    await ketua.taps("Tambah satu peserta")
    await ketua.says(ADDED[0])
    assert BIRTH_DATES[0] in ketua.text and "perempuan" in ketua.text  # the check itself
    await ketua.taps("Ya, benar")
    await ketua.says(ADDED[1])
    await ketua.taps("Warga")
    await ketua.says("0813-0000-0001")
    await ketua.taps("Lewati")
    assert "1571********0021" in ketua.text  # "… ditambahkan", masked, nothing beside it
    await ketua.taps("Tempel daftar peserta")
    await ketua.says(f"{PASTED[0]}; {PASTED[1]}; phl\n{MINOR[0]}; {MINOR[1]}; warga")
    assert "1571********0023" in ketua.text and "11 tahun" in ketua.text  # age, not date
    await ketua.taps("Ya, tambahkan 1 anak")
    await ketua.taps("Lihat daftar")
    assert "1571********0022" in ketua.text
    await ketua.says("menu")
    await ketua.says("/kegiatan")
    await ketua.taps("Gang Melati")
    await ketua.taps("Lanjutkan")
    await ketua.taps("Konfirmasi perlindungan")
    await ketua.taps("Ya, konfirmasi")
    [letter] = [r.document for r in ketua.replies if r.document is not None]
    printed = pdf_text(letter.data)
    assert "1571********0021" in printed and not reveals(printed)


async def resident_views(warga: Chat, tetangga: Chat) -> None:
    await warga.says("/cek")
    assert "1571********0021" in warga.text
    await warga.says("/datasaya")
    assert BIRTH_DATES[0] in warga.text and "perempuan" in warga.text
    await warga.taps("Minta perbaikan")
    await warga.taps("Tanggal lahir")
    await warga.says(f"Saya lahir {TYPED_BIRTH}, NIK saya {ADDED[0]}")
    assert "NIK saya [NIK]" in warga.text  # hidden, not masked: a birth date is beside it
    await warga.taps("Ya, kirim")
    await tetangga.says("/cek")
    await tetangga.says(PASTED[0])
    assert "1571********0022" in tetangga.text


async def accident(ketua: Chat) -> None:
    await ketua.says("/lapor")
    await ketua.taps("Gang Melati")
    await ketua.taps(PASTED[1])
    await ketua.taps("Sekarang")
    await ketua.taps("Di lokasi kegiatan")
    await ketua.says("Terjatuh dari tangga saat memasang atap")
    await ketua.taps("Luka ringan")
    await ketua.taps("Pakai data saya")
    assert "1571********0022" in ketua.text  # the card
    await ketua.taps("Kirim laporan")


async def official_views(petugas: Chat) -> list[bytes]:
    await petugas.says("/kegiatanrt")
    await petugas.taps("Gang Melati")
    await petugas.taps("Peserta")
    assert "1571********0021" in petugas.text
    await petugas.says("/insiden")
    await petugas.says("1")
    assert "1571********0022" in petugas.text
    await petugas.says("/perbaikan")
    await petugas.says("1")
    assert BIRTH_DATES[0] in petugas.text  # what the correction is checked against
    files = []
    for file_format in ("Excel", "CSV"):
        await petugas.says("/ekspor")
        await petugas.taps(file_format)
        await petugas.taps("Bulan ini")
        await petugas.taps("Seluruh wilayah")
        files += [r.document.data for r in petugas.replies if r.document is not None]
    return files


def export_rows(data: bytes) -> list[list[str]]:
    """The rows of every sheet of an XLSX, or of a CSV, as text."""
    if data.startswith(b"PK"):
        book = load_workbook(io.BytesIO(data), read_only=True)
        return [
            ["" if cell is None else str(cell) for cell in row]
            for sheet in book
            for row in sheet.iter_rows(values_only=True)
        ]
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


async def test_no_masked_nik_beside_a_birth_date_or_sex(
    app: App, rt: SeededRt, ketua: Chat, warga: Chat
) -> None:
    watch = Watch()
    petugas = await official(app, watch, "petugas", "+6281100000001", "Rina Marlina")
    watch.chat(ketua)
    watch.chat(warga)
    tetangga = watch.chat(Chat(app, "warga-2", channel="whatsapp", phone="+6281300000009"))
    await warga.says("menu")
    await chair_adds_and_confirms(ketua)
    await resident_views(warga, tetangga)
    await accident(ketua)
    files = await official_views(petugas)

    async with app.uow_factory() as uow:
        for message in await uow.outbox.due(app.service.clock(), 100):
            watch.add(f"outbox {message.kind}", str(message.payload.get("text", "")))
    assert {source for source, _ in watch.turns if source.startswith("outbox")} >= {
        "outbox coverage",
        "outbox accident",
        "outbox correction",
    }
    assert watch.masked_turns >= 10  # the walk did reach the places that mask
    assert watch.leaks() == []

    assert len(files) == 2
    for data in files:
        rows = export_rows(data)
        masked = [row for row in rows if any(MASKED.fullmatch(cell) for cell in row)]
        assert len(masked) >= 3
        births = {
            f"{d.day:02d}/{d.month:02d}/{d.year}"
            for d in (parse_nik(n, TODAY).birth_date for n, _ in PEOPLE)
        } | {str(parse_nik(n, TODAY).birth_date) for n, _ in PEOPLE}
        for row in masked:
            assert not any(cell.split(" ")[0] in births for cell in row), row
            assert not {"L", "P"} & set(row), row


def test_free_text_hides_niks_entirely() -> None:
    typed = f"lahir {TYPED_BIRTH}, NIK 1571 0152 0388 0021 / 1571015203880021."
    assert hide_niks(typed) == f"lahir {TYPED_BIRTH}, NIK [NIK] / [NIK]."
    assert hide_niks("HP 0813-0000-0001, Rp25.000.000") == "HP 0813-0000-0001, Rp25.000.000"


def test_reveals_sees_a_birth_date_or_sex_beside_a_masked_nik() -> None:
    """The check can fail."""
    assert reveals(f"NIK 1571********0021\nTanggal lahir: {BIRTH_DATES[0]}") == [BIRTH_DATES[0]]
    assert reveals("Sari (1571********0021), perempuan") == ["perempuan"]
    assert reveals(f"Tanggal lahir: {BIRTH_DATES[0]}, perempuan") == []  # no NIK beside

"""Ekspor BPJS as officials use it: format, period (buttons or typed dates), area within
their scope, then "sedang disiapkan…" and the document; masked NIKs for petugas and full
ones for admin and bpjs; one audit event per export; and every wrong answer handled."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from bot.documents.export import HEADERS
from support.activity_helpers import JOKO, RUDI, SITI
from support.chat import Chat
from support.export_city import COLUMN, seed_city
from support.seeding import grant

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def start(chat: Chat, file_format: str = "Excel") -> None:
    await chat.says("menu")
    await chat.taps("Ekspor BPJS")
    assert "Pilih format file" in chat.text
    await chat.taps(file_format)
    assert "Periode mana?" in chat.text


def document(chat: Chat):  # noqa: ANN201
    found = [reply.document for reply in chat.replies if reply.document is not None]
    assert len(found) == 1, chat.text
    return found[0]


def niks(data: bytes) -> list[str]:
    sheet = load_workbook(io.BytesIO(data)).active
    return [row[COLUMN["NIK"]] for row in sheet.iter_rows(min_row=2, values_only=True)]


async def export_events(chat: Chat) -> list[object]:
    async with chat.app.uow_factory() as uow:
        return [e for e in await uow.audit.recent(50) if e.action == "export"]


async def official(app, role: str, name: str, kind: str = "kota", code: str | None = None) -> Chat:  # noqa: ANN001
    phone = f"+62811999{len(name):05d}"
    await grant(app, role, phone, name, kind, code)
    return Chat(app, f"{role}-{name}", channel="whatsapp", phone=phone, name=name)


async def test_petugas_exports_the_city_with_masked_niks(app, rt, other_rt, petugas) -> None:  # noqa: ANN001
    await seed_city(app, rt.id, other_rt.id)
    await petugas.says("menu")
    await petugas.taps("Ekspor BPJS")
    assert "disamarkan" in petugas.text and "admin dan petugas BPJS" in petugas.text
    assert petugas.choices == ["Excel (XLSX)", "CSV (pemisah ;)"]
    await petugas.taps("Excel")
    assert petugas.choices == [
        "Bulan ini (Maret 2026)",
        "Bulan lalu (Februari 2026)",
        "Tahun ini (2026)",
    ]
    await petugas.taps("Bulan ini")
    assert petugas.choices[0] == "Seluruh wilayah Anda (Kota Jambi)"
    assert "Kecamatan Telanaipura" in petugas.choices and len(petugas.choices) == 12
    await petugas.taps("Seluruh wilayah")

    assert petugas.replies[0].text == "⏳ Sedang disiapkan…"
    file = document(petugas)
    assert file.file_name == "ekspor_jakon_2026-03-01_2026-03-31_kota-jambi.xlsx"
    assert file.mime_type == XLSX_MIME
    assert niks(file.data) == ["1571********0001", "1571********0002", "1571********0003"]
    # The per-activity sheet: one premium per activity, and no NIK at all.
    activities = load_workbook(io.BytesIO(file.data))["Kegiatan"]
    assert activities.max_row == 3 and "NIK" not in next(activities.values)
    summary = next(r.text for r in petugas.replies if r.document is not None)
    assert "3 baris" in summary and "1 Maret 2026 – 31 Maret 2026" in summary
    assert "NIK: disamarkan" in summary
    assert "Menu utama" in petugas.last.text

    (event,) = await export_events(petugas)
    assert event.detail["nik"] == "masked" and event.detail["rows"] == 3
    assert event.detail["scope"] == ["kota"] and event.actor_account_id is not None


async def test_admin_and_bpjs_get_full_niks(app, rt, admin) -> None:  # noqa: ANN001
    await seed_city(app, rt.id, rt.id)
    bpjs = await official(app, "bpjs", "Liaison BPJS")
    for chat in (admin, bpjs):
        await chat.says("menu")
        await chat.taps("Ekspor BPJS")
        assert "*lengkap*" in chat.text
        await chat.taps("Excel")
        await chat.taps("Bulan ini")
        await chat.taps("Seluruh wilayah")
        assert niks(document(chat).data) == [SITI[0], JOKO[0], RUDI[0]]
        assert "NIK: lengkap" in chat.text
    events = await export_events(admin)
    assert [e.detail["nik"] for e in events] == ["full", "full"]


async def test_a_kecamatan_official_narrows_to_a_kelurahan(app, rt, other_rt) -> None:  # noqa: ANN001
    await seed_city(app, rt.id, other_rt.id)
    lurah = await official(app, "petugas", "Camat Telanaipura", "kecamatan", "15.71.01")
    await start(lurah)
    await lurah.says("1/3/2026 - 31/3/2026")
    assert lurah.choices[0] == "Seluruh wilayah Anda (Kecamatan Telanaipura)"
    assert "Kelurahan Simpang IV Sipin" in lurah.choices
    assert not any("Thehok" in title or "Jambi Selatan" in title for title in lurah.choices)
    # Places outside the scope are not found, by name or by code.
    for outside in ("Thehok", "Jambi Selatan", "15.71.02", "Kota Jambi"):
        await lurah.says(outside)
        assert "tidak saya temukan di wilayah Anda" in lurah.text
        assert not any(r.document for r in lurah.replies)
    await lurah.says("simpang 4 sipin")
    file = document(lurah)
    assert file.file_name.endswith("_kelurahan-simpang-iv-sipin.xlsx")
    assert niks(file.data) == ["1571********0001", "1571********0002"]
    (event,) = await export_events(lurah)
    assert event.detail["scope"] == ["kelurahan:15.71.01.1001"]


async def test_a_kelurahan_official_is_not_asked_for_an_area(app, rt, other_rt) -> None:  # noqa: ANN001
    await seed_city(app, rt.id, other_rt.id)
    lurah = await official(app, "petugas", "Lurah Thehok", "kelurahan", "15.71.02.1004")
    await start(lurah, "CSV")
    await lurah.taps("Tahun ini")
    file = document(lurah)
    assert file.file_name == "ekspor_jakon_2026-01-01_2026-12-31_kelurahan-thehok.csv"
    assert file.mime_type == "text/csv"
    text = file.data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert tuple(rows[0]) == HEADERS
    assert [row[COLUMN["Nama"]] for row in rows[1:]] == ["Rudi Hartono"]


async def test_typed_format_and_area(app, rt, other_rt, petugas) -> None:  # noqa: ANN001
    await seed_city(app, rt.id, other_rt.id)
    await petugas.says("/ekspor")
    await petugas.says("csv")
    await petugas.says("1 Maret 2026 s/d 9 Maret 2026")
    await petugas.says("Kelurahan Thehok")
    file = document(petugas)
    assert file.file_name == "ekspor_jakon_2026-03-01_2026-03-09_kelurahan-thehok.csv"


async def test_nothing_to_export_sends_no_file(app, rt, petugas) -> None:  # noqa: ANN001
    await seed_city(app, rt.id, rt.id)
    await start(petugas)
    await petugas.taps("Bulan lalu")
    await petugas.taps("Seluruh wilayah")
    assert "Tidak ada peserta terlindungi" in petugas.text
    assert "1 Februari 2026 – 28 Februari 2026" in petugas.text
    assert not any(r.document for r in petugas.replies)
    (event,) = await export_events(petugas)
    assert event.detail["rows"] == 0


async def test_wrong_answers_stay_put(app, rt, petugas) -> None:  # noqa: ANN001
    await petugas.says("/ekspor")
    for nonsense in ("pdf", "🙂", "x" * 400):
        await petugas.says(nonsense)
        assert "Pilih formatnya" in petugas.text
    await petugas.says("y" * 5000)
    assert "terlalu panjang" in petugas.text
    await petugas.taps("Excel")
    for nonsense in ("abc", "🙂🙂", "1/3/2026", "31/2/2026 - 5/3/2026", "1/3 - 2/3 - 3/3"):
        await petugas.says(nonsense)
        assert "tidak bisa saya baca" in petugas.text and "Periode mana?" in petugas.text
    await petugas.says("31/3/2026 - 1/3/2026")
    assert "tidak boleh sebelum" in petugas.text
    await petugas.says("31/3/2026 - 1/3/2026")
    assert "Pesan yang sama terkirim lagi" in petugas.text
    await petugas.taps("Bulan ini")
    await petugas.says("Atlantis")
    assert "tidak saya temukan" in petugas.text
    await petugas.sends(choice_id="kecamatan:15.71.99")
    assert "Tombol itu sudah tidak berlaku" in petugas.text
    assert await export_events(petugas) == []


async def test_back_help_and_cancel(app, petugas) -> None:  # noqa: ANN001
    await start(petugas)
    await petugas.taps("Bulan ini")
    await petugas.says("kembali")
    assert "Periode mana?" in petugas.text
    await petugas.says("bantuan")
    assert "titik koma" in petugas.text and "Periode mana?" in petugas.text
    await petugas.says("batal")
    assert "Dibatalkan" in petugas.text and "Menu utama" in petugas.text
    assert await export_events(petugas) == []


async def test_residents_and_rt_chairs_are_refused(app, warga, ketua) -> None:  # noqa: ANN001
    for chat in (warga, ketua):
        await chat.says("/ekspor")
        assert "tidak tersedia untuk Anda" in chat.text
        await chat.says("menu")
        assert "Ekspor BPJS" not in chat.choices
    assert await export_events(warga) == []


async def test_a_typed_period_without_years_is_the_one_just_gone(app, rt, petugas) -> None:  # noqa: ANN001
    await seed_city(app, rt.id, rt.id)
    await start(petugas)
    buttons = petugas.choices
    await petugas.says("kapan-kapan")
    assert petugas.choices == buttons  # the presets stay, in the same places, after an error
    await petugas.says("1 Desember - 5 Januari")  # typed on 2 March 2026
    await petugas.taps("Seluruh wilayah")
    assert "1 Desember 2025 – 5 Januari 2026" in petugas.text

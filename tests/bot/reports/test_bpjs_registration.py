"""The "Pendaftaran BPJS" sheet of the XLSX export: one row per worker with what BPJS
needs to register them (NIK, name, phone, project number, name, location and employer —
the RT's Pokja —, coverage start and end, daily wage); birth date and sex only beside a
full NIK, never beside a masked one (together they would re-identify the person)."""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import update

from bot.app import App
from bot.documents.export import REGISTRATION_SHEET
from bot.domain.regions import RegionIndex
from bot.domain.scope import Scope
from bot.reports.bpjs_export import ExportRequest, export_document
from bot.reports.export_request import whole_area
from storage.models import Participation
from support.activity_helpers import SITI
from support.export_city import MARCH, covered


async def _registration(app: App, *, full_nik: bool) -> list[dict[str, Any]]:
    area = whole_area(Scope(city=True), RegionIndex.load())
    request = ExportRequest(MARCH[0], MARCH[1], area, "xlsx", full_nik=full_nik)
    async with app.uow_factory() as uow:
        result = await export_document(uow, request, actor_account_id=None, actor="tes")
        await uow.commit()
    book = load_workbook(io.BytesIO(result.data))
    assert book.sheetnames == ["Peserta", "Kegiatan", REGISTRATION_SHEET]
    header, *rows = book[REGISTRATION_SHEET].iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


async def _one_worker(app: App, rt_id: int) -> None:
    activity = await covered(app, rt_id, (SITI,))
    async with app.database.engine.begin() as conn:
        await conn.execute(
            update(Participation)
            .where(Participation.activity_id == activity)
            .values(daily_wage=150_000)
        )


async def test_a_full_nik_registration_row_has_everything_bpjs_asks(app, rt) -> None:  # noqa: ANN001
    await _one_worker(app, rt.id)
    [row] = await _registration(app, full_nik=True)
    assert row == {
        "NIK": SITI[0],
        "Nama tenaga kerja": "Siti Aminah",
        "Tanggal lahir": datetime(1990, 6, 5),
        "Jenis kelamin": "P",
        "Nomor HP": None,
        "Nomor proyek": "KB-2026-00001",
        "Nama proyek": "Perbaikan jalan Gang Melati",
        "Lokasi proyek": "RT 01, Kel. Simpang IV Sipin, Kec. Telanaipura",
        "Pemberi kerja": "Pokja Kampung Bahagia RT 01 Kel. Simpang IV Sipin",
        "Mulai kepesertaan": datetime(2026, 3, 2, 9, 0),
        "Akhir kepesertaan": datetime(2026, 4, 1, 0, 0),
        "Upah harian": 150_000,
        "Status peserta": "Terkonfirmasi",
    }


async def test_a_masked_registration_has_neither_birth_date_nor_sex(app, rt) -> None:  # noqa: ANN001
    await _one_worker(app, rt.id)
    [row] = await _registration(app, full_nik=False)
    assert row["NIK"] == "1571********0001"
    assert "Tanggal lahir" not in row and "Jenis kelamin" not in row
    assert date(1990, 6, 5) not in row.values()
    assert (row["Nama tenaga kerja"], row["Upah harian"]) == ("Siti Aminah", 150_000)

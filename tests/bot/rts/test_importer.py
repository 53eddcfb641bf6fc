"""Importing the official RT list: reading CSV/XLSX, validating rows with Indonesian
reasons and line numbers, all-or-nothing writes, idempotent re-import and updates."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from bot.domain.regions import Kecamatan, Kelurahan, RegionIndex
from bot.rts.importer import ImportReport, RowError, import_rts
from bot.rts.rt_file import RtFileError, RtRow, read_rt_rows
from storage.uow import UnitOfWorkFactory

RAWA_SARI = "15.71.09.1002"
YEAR = 2026


@pytest.fixture(scope="module")
def regions() -> RegionIndex:
    return RegionIndex.load()


def _csv(text: str, encoding: str = "utf-8") -> bytes:
    return text.replace("\n", "\r\n").encode(encoding)


def _xlsx(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


async def _import(
    uow_factory: UnitOfWorkFactory,
    regions: RegionIndex,
    rows: list[RtRow],
    skip_invalid: bool = False,
) -> ImportReport:
    async with uow_factory() as uow:
        report = await import_rts(
            uow, rows, skip_invalid=skip_invalid, year=YEAR, region_index=regions
        )
        await uow.commit()
    return report


def _reasons(report: ImportReport) -> list[tuple[int, str]]:
    return [(e.line, e.reason) for e in report.errors]


# --- reading -----------------------------------------------------------------------

GOOD_CSV = """kecamatan,kelurahan,rt,nama_ketua,no_hp,anggaran
Alam Barajo,Rawa Sari,01,Budi Santoso,0812-3456-7890,Rp100.000.000
,rawasari,RT 02,Siti Aminah,+62 813 1111 2222,
15.71.09,1571091002,RT.003,Ahmad,,75000000
"""


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_csv_delimiters_and_bom(delimiter: str, encoding: str) -> None:
    data = _csv(GOOD_CSV.replace(",", delimiter), encoding)
    rows = read_rt_rows("daftar_rt.csv", data)
    assert [r.line for r in rows] == [2, 3, 4]
    assert rows[0] == RtRow(
        line=2,
        kecamatan="Alam Barajo",
        kelurahan="Rawa Sari",
        rt="01",
        chair_name="Budi Santoso",
        phone="0812-3456-7890",
        budget="Rp100.000.000",
    )
    assert rows[1].kecamatan == "" and rows[1].budget == ""
    assert rows[2].phone == ""


def test_csv_loose_headers_and_missing_optional_columns() -> None:
    data = _csv("Kode Kelurahan;No. RT;Ketua\n\n15.71.09.1002;5;Dewi\n")
    [row] = read_rt_rows("rt.csv", data)
    assert (row.line, row.kelurahan, row.rt, row.chair_name) == (3, "15.71.09.1002", "5", "Dewi")
    assert row.phone is None and row.budget is None and row.kecamatan == ""


def test_csv_saved_by_excel_in_ansi() -> None:
    data = _csv("desa,nomor_rt,nama,telepon\nRawa Sari,1,José,081234567890\n", "cp1252")
    [row] = read_rt_rows("rt.csv", data)
    assert row.chair_name == "José"


def test_xlsx_with_a_title_row_and_numeric_cells() -> None:
    data = _xlsx(
        [
            ["Daftar Ketua RT Kota Jambi 2026"],
            ["Kecamatan", "Kelurahan", "No RT", "Nama Ketua", "HP", "Anggaran"],
            ["Alam Barajo", "Rawa Sari", 1, "Budi Santoso", 81234567890, 100000000],
            [None, None, None, None, None, None],
            ["Alam Barajo", "Rawa Sari", 2.0, "Siti Aminah", "0813-1111-2222", None],
        ]
    )
    rows = read_rt_rows("Daftar RT.XLSX", data)
    assert [(r.line, r.rt, r.phone, r.budget) for r in rows] == [
        (3, "1", "81234567890", "100000000"),
        (5, "2", "0813-1111-2222", ""),
    ]


def test_unreadable_files() -> None:
    with pytest.raises(RtFileError, match="Kolom wajib tidak ditemukan: rt, nama_ketua"):
        read_rt_rows("rt.csv", _csv("kelurahan,hp\nRawa Sari,0812\n"))
    with pytest.raises(RtFileError, match="XLSX atau CSV"):
        read_rt_rows("rt.pdf", b"%PDF-1.4")
    with pytest.raises(RtFileError, match="XLSX"):
        read_rt_rows("rt.xlsx", b"PK\x03\x04 not really a zip")


# --- validation (nothing is written when a row is bad) ------------------------------


async def test_every_error_reason_with_its_line(
    uow_factory: UnitOfWorkFactory, regions: RegionIndex
) -> None:
    data = _csv(
        "kecamatan,kelurahan,rt,nama_ketua,hp,anggaran\n"
        ",Rawa Sari,1,Budi,081234567890,100000000\n"  # 2: fine
        ",Kampung Antah,2,Budi,,\n"  # 3
        "Kecamatan Entah,Rawa Sari,3,Budi,,\n"  # 4
        "Telanaipura,Rawa Sari,4,Budi,,\n"  # 5
        ",,5,Budi,,\n"  # 6
        ",Rawa Sari,RT 1/RW 2,Budi,,\n"  # 7
        ",Rawa Sari,0,Budi,,\n"  # 8
        ",Rawa Sari,,Budi,,\n"  # 9
        ",Rawa Sari,10,  ,,\n"  # 10
        ",Rawa Sari,11,Budi,0812-ABCD,\n"  # 11
        ",Rawa Sari,12,Budi,021 555 1234,\n"  # 12
        ",Rawa Sari,13,Budi,0812 34,\n"  # 13
        ",Rawa Sari,14,Budi,,seratus\n"  # 14
        ",Rawa Sari,15,Budi,,100\n"  # 15
        ",Rawa Sari,16,Budi,,0\n"  # 16
        ",rawasari,01,Budi Lagi,,\n"  # 17: duplicate of line 2
        ",,RT x,,,\n"  # 18: several problems at once
    )
    report = await _import(uow_factory, regions, read_rt_rows("rt.csv", data))
    assert _reasons(report) == [
        (3, "Kelurahan 'Kampung Antah' tidak dikenal."),
        (4, "Kecamatan 'Kecamatan Entah' tidak dikenal."),
        (5, "Kelurahan 'Rawa Sari' tidak berada di Kecamatan Telanaipura."),
        (6, "Kelurahan kosong."),
        (7, "Nomor RT 'RT 1/RW 2' tidak valid."),
        (8, "Nomor RT harus antara 1 dan 999."),
        (9, "Nomor RT kosong."),
        (10, "Nama ketua RT kosong."),
        (11, "Nomor HP '0812-ABCD' tidak valid."),
        (12, "Nomor HP '021 555 1234' bukan nomor seluler (harus 08…)."),
        (13, "Nomor HP '0812 34' jumlah digitnya salah."),
        # "seratus" is a number word now, but bare: 100 rupiah or 100 juta is asked back.
        (14, "Anggaran 'seratus' tidak valid. Tulis lengkap, mis. 100000000."),
        (15, "Anggaran '100' tidak valid. Tulis lengkap, mis. 100000000."),
        (16, "Anggaran '0' tidak valid."),
        (17, "RT 01 Kelurahan Rawa Sari sudah ada di baris 2."),
        (18, "Kelurahan kosong."),
        (18, "Nomor RT 'RT x' tidak valid."),
        (18, "Nama ketua RT kosong."),
    ]
    assert str(report.errors[0]) == "Baris 3: Kelurahan 'Kampung Antah' tidak dikenal."
    assert (report.created, report.updated, report.unchanged) == (0, 0, 0)
    async with uow_factory() as uow:
        assert await uow.rts.count() == 0


async def test_a_name_in_two_kecamatan_needs_the_kecamatan(
    uow_factory: UnitOfWorkFactory,
) -> None:
    index = RegionIndex(
        [Kecamatan("15.71.01", "Satu"), Kecamatan("15.71.02", "Dua")],
        [Kelurahan("15.71.01.1001", "Sukajadi", "15.71.01"),
         Kelurahan("15.71.02.1001", "Sukajadi", "15.71.02")],
    )  # fmt: skip
    rows = [RtRow(line=2, kecamatan="", kelurahan="Suka Jadi", rt="1", chair_name="A")]
    async with uow_factory() as uow:
        report = await import_rts(uow, rows, year=YEAR, region_index=index)
    assert report.errors == [
        RowError(2, "Kelurahan 'Suka Jadi' ada di lebih dari satu kecamatan: isi kolom kecamatan.")
    ]


async def test_skip_invalid_writes_the_good_rows(
    uow_factory: UnitOfWorkFactory, regions: RegionIndex
) -> None:
    data = _csv(
        "kelurahan,rt,nama_ketua\nRawa Sari,1,Budi\nAntah,2,Siti\nRawa Sari,1,Lagi\n"
        "Thehok,3,Ahmad\n"
    )
    report = await _import(uow_factory, regions, read_rt_rows("rt.csv", data), True)
    assert [e.line for e in report.errors] == [3, 4]
    assert (report.created, report.updated, report.unchanged) == (2, 0, 0)
    async with uow_factory() as uow:
        assert [(rt.kelurahan_code, rt.number, rt.chair_name) for rt in await uow.rts.list()] == [
            ("15.71.02.1004", 3, "Ahmad"),
            (RAWA_SARI, 1, "Budi"),
        ]


# --- writing -----------------------------------------------------------------------


async def test_import_is_idempotent_and_updates_what_changed(
    uow_factory: UnitOfWorkFactory, regions: RegionIndex
) -> None:
    rows = read_rt_rows("rt.csv", _csv(GOOD_CSV))
    first = await _import(uow_factory, regions, rows)
    assert (first.created, first.updated, first.unchanged, first.errors) == (3, 0, 0, [])
    async with uow_factory() as uow:
        rts = await uow.rts.list(kelurahan_code=RAWA_SARI)
        assert [(rt.number, rt.chair_name, rt.chair_phone) for rt in rts] == [
            (1, "Budi Santoso", "+6281234567890"),
            (2, "Siti Aminah", "+6281311112222"),
            (3, "Ahmad", None),
        ]
        assert await uow.rts.budgets_for_year(YEAR) == {
            rts[0].id: 100_000_000,
            rts[2].id: 75_000_000,
        }

    again = await _import(uow_factory, regions, read_rt_rows("rt.csv", _csv(GOOD_CSV)))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert not again.written

    changed = (
        GOOD_CSV.replace("Budi Santoso", "Budi  Hartono")
        .replace("+62 813 1111 2222", "0813 9999 0000")
        .replace("75000000", "50 juta")
    )
    changed += "Alam Barajo,Rawa Sari,4,Baru,,\n"
    report = await _import(uow_factory, regions, read_rt_rows("rt.csv", _csv(changed)))
    assert (report.created, report.updated, report.unchanged) == (1, 3, 0)
    async with uow_factory() as uow:
        rts = await uow.rts.list(kelurahan_code=RAWA_SARI)
        assert [(rt.number, rt.chair_name, rt.chair_phone) for rt in rts] == [
            (1, "Budi Hartono", "+6281234567890"),
            (2, "Siti Aminah", "+6281399990000"),
            (3, "Ahmad", None),
            (4, "Baru", None),
        ]
        assert await uow.rts.budget(rts[2].id, YEAR, default=0) == 50_000_000
        assert await uow.rts.budget(rts[2].id, YEAR - 1, default=0) == 0


async def test_a_file_without_phone_or_budget_keeps_them(
    uow_factory: UnitOfWorkFactory, regions: RegionIndex
) -> None:
    await _import(uow_factory, regions, read_rt_rows("rt.csv", _csv(GOOD_CSV)))
    data = _csv("kelurahan,rt,nama_ketua\nRawa Sari,1,Budi Santoso\n")
    report = await _import(uow_factory, regions, read_rt_rows("rt.csv", data))
    assert (report.created, report.updated, report.unchanged) == (0, 0, 1)
    async with uow_factory() as uow:
        rt = await uow.rts.find(RAWA_SARI, 1)
        assert rt is not None and rt.chair_phone == "+6281234567890"
        assert await uow.rts.budget(rt.id, YEAR, default=0) == 100_000_000


async def test_xlsx_import_end_to_end(uow_factory: UnitOfWorkFactory, regions: RegionIndex) -> None:
    data = _xlsx(
        [
            ["kode_kelurahan", "nomor_rt", "nama_ketua", "no_hp", "anggaran"],
            [1571091002, 7, "Rina", 81234567890, 100000000],
            ["Simpang 4 Sipin", "RT 08", "Joko", "6281311112222", "Rp 70.000.000,-"],
        ]
    )
    report = await _import(uow_factory, regions, read_rt_rows("rt.xlsx", data))
    assert (report.created, report.errors) == (2, [])
    async with uow_factory() as uow:
        rina = await uow.rts.find(RAWA_SARI, 7)
        joko = await uow.rts.find("15.71.01.1001", 8)
        assert rina is not None and rina.chair_phone == "+6281234567890"
        assert joko is not None and joko.chair_phone == "+6281311112222"
        assert await uow.rts.budget(joko.id, YEAR, default=0) == 70_000_000


# --- a change of chair is applied and reported -------------------------------------


async def _account(uow_factory: UnitOfWorkFactory, chat_id: str, phone: str | None) -> int:
    async with uow_factory() as uow:
        account, _ = await uow.accounts.get_or_create("whatsapp", chat_id, chat_id)
        if phone:
            await uow.accounts.set_phone(account, phone)
        await uow.commit()
        return int(account.id)


async def test_a_change_of_chair_is_reported_and_the_old_invite_role_revoked(
    uow_factory: UnitOfWorkFactory, regions: RegionIndex
) -> None:
    from bot.core.identity import resolve_caller
    from bot.domain.vocabulary import Role

    # A resident who already uses the bot, and whose phone the list now names as chair.
    resident = await _account(uow_factory, "warga-1", "+6281399990000")
    first = await _import(uow_factory, regions, read_rt_rows("rt.csv", _csv(GOOD_CSV)))
    assert first.chair_changes == []  # no phone of the new RTs belonged to anyone yet
    # Ahmad (RT 03, no phone on the list) came in with an invite code; so did someone
    # for RT 02 while its chair's number was not theirs.
    ahmad = await _account(uow_factory, "ahmad", "+6281200001111")
    other = await _account(uow_factory, "lain", None)
    async with uow_factory() as uow:
        rt2, rt3 = await uow.rts.find(RAWA_SARI, 2), await uow.rts.find(RAWA_SARI, 3)
        assert rt2 is not None and rt3 is not None
        for account_id, rt in ((ahmad, rt3), (other, rt2)):
            await uow.roles.grant(
                Role.KETUA_RT, account_id=account_id, scope_kind="rt", scope_code=str(rt.id)
            )
        await uow.commit()

    changed = GOOD_CSV.replace("+62 813 1111 2222", "0813 9999 0000").replace(
        "RT.003,Ahmad,,", "RT.003,Ahmad,0812 0000 1111,"
    )
    changed += "Alam Barajo,Rawa Sari,5,Rina,0813-9999-0000,\n"
    report = await _import(uow_factory, regions, read_rt_rows("rt.csv", _csv(changed)))
    assert (report.created, report.updated, report.unchanged) == (1, 2, 1)
    assert [str(change) for change in report.chair_changes] == [
        "RT 02 Kel. Rawa Sari: nomor HP ketua Siti Aminah berganti dari +6281311112222 ke"
        " +6281399990000. Nomor +6281311112222 tidak lagi dikenali sebagai Ketua RT RT 02"
        " Kel. Rawa Sari. Nomor +6281399990000 sudah terdaftar di bot: akun itu kini Ketua RT."
        " Peran Ketua RT dari kode undangan dicabut (1 akun).",
        "RT 03 Kel. Rawa Sari: nomor HP ketua diisi, Ahmad (+6281200001111). Nomor"
        " +6281200001111 sudah terdaftar di bot: akun itu kini Ketua RT.",
        "RT 05 Kel. Rawa Sari (RT baru): ketua Rina (+6281399990000). Nomor +6281399990000"
        " sudah terdaftar di bot: akun itu kini Ketua RT.",
    ]
    async with uow_factory() as uow:
        grants = await uow.roles.list(Role.KETUA_RT)
        # Ahmad's own code role stays (his phone is the one on the list); the other goes.
        assert [g.account_id for g in grants] == [ahmad]
        account = await uow.accounts.get(resident)
        assert account is not None
        caller = await resolve_caller(uow, account)
        assert caller.has(Role.KETUA_RT)
        from sqlalchemy import select

        from storage.models import AuditEvent

        query = select(AuditEvent).where(AuditEvent.action == "rt_chair_changed_by_import")
        events = list(await uow.session.scalars(query))
        assert len(events) == 2 and events[0].detail["revoked_role_ids"] != []

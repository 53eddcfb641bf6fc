"""The BPJS Jakon export file and `kampung-bahagia export`: which participations are in it
(period, coverage window, cancelled activities, drafts, scope), how the XLSX and the CSV
read back (headers, real dates and numbers, full or masked NIK, injection-safe text), the
"Kegiatan" sheet whose premiums sum to the period's, phone and wage per participant,
cancelled activities' people as "Dibatalkan" with the date, the
one audit event per export, and the command line as a user runs it."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from bot.activities import lifecycle as coverage
from bot.app import App
from bot.documents.export import ACTIVITY_HEADERS, HEADERS
from bot.domain.regions import RegionIndex
from bot.domain.scope import Scope
from bot.reports.bpjs_export import ExportRequest, export_document
from bot.reports.export_request import whole_area
from storage.database import Database
from storage.models import Activity, Participation
from storage.nik_vault import NikVault
from storage.uow import UnitOfWorkFactory
from support.activity_helpers import (
    JOKO,
    RUDI,
    SITI,
    add_participant,
    confirm_directly,
    create_activity,
)
from support.cli import CliResult, run_in_process, run_subprocess, without_kb_variables
from support.export_city import (
    COLUMN,
    CONFIRMED_AT,
    MARCH,
    TELANAIPURA,
    covered,
    seed_city,
)


async def export(
    app: App,
    *,
    period: tuple[date, date] = MARCH,
    scope: Scope | None = None,
    file_format: str = "xlsx",
    full_nik: bool = True,
) -> tuple[int, bytes]:
    area = whole_area(scope or Scope(city=True), RegionIndex.load())
    request = ExportRequest(period[0], period[1], area, file_format, full_nik=full_nik)
    async with app.uow_factory() as uow:
        result = await export_document(uow, request, actor_account_id=None, actor="tes")
        await uow.commit()
    return result.rows, result.data


def sheet_rows(data: bytes) -> list[tuple[Any, ...]]:
    sheet = load_workbook(io.BytesIO(data)).active
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def column(rows: list[Any], title: str) -> list[Any]:
    return [row[COLUMN[title]] for row in rows[1:]]


async def test_the_xlsx_has_the_header_and_a_row_per_participation(app, rt, other_rt) -> None:  # noqa: ANN001
    await seed_city(app, rt.id, other_rt.id)
    count, data = await export(app)
    rows = sheet_rows(data)
    assert count == 3 and len(rows) == 4
    assert rows[0] == HEADERS
    assert column(rows, "Nama") == ["Siti Aminah", "Joko Susilo", "Rudi Hartono"]
    assert column(rows, "NIK") == [SITI[0], JOKO[0], RUDI[0]]  # full, as text
    siti = dict(zip(HEADERS, rows[1], strict=True))
    assert siti["Tanggal lahir"] == datetime(1990, 6, 5)
    assert siti["Jenis kelamin"] == "P" and siti["Peran"] == "Warga"
    assert siti["Nomor kegiatan"].startswith("KB-2026-")
    assert siti["Nama kegiatan"] == "Perbaikan jalan Gang Melati"
    assert (siti["RT"], siti["Kelurahan"], siti["Kecamatan"]) == (
        "01",
        "Simpang IV Sipin",
        "Telanaipura",
    )
    # Confirmed at 09.00 WIB on the first day: coverage starts then, not at 00.00.
    assert siti["Mulai perlindungan"] == datetime(2026, 3, 2, 9, 0)
    assert siti["Akhir perlindungan"] == datetime(2026, 4, 1, 0, 0)
    assert (siti["Ditambahkan"], siti["Status peserta"], siti["Tanggal status"]) == (
        None,
        "Terkonfirmasi",
        None,
    )
    assert not any(title.startswith("Premi") for title in HEADERS)
    assert column(rows, "Peran")[1:] == ["PHL (pekerja harian lepas)", "Warga"]


async def test_the_participant_sheet_has_phone_and_daily_wage(app, rt) -> None:  # noqa: ANN001
    activity = await create_activity(app, rt.id)
    await add_participant(app, activity, SITI, phone="+6281311112222")
    await add_participant(app, activity, JOKO, role="phl")
    async with app.uow_factory() as uow:
        await uow.session.execute(
            update(Participation).where(Participation.role == "phl").values(daily_wage=150_000)
        )
        await uow.commit()
    await confirm_directly(app, activity, CONFIRMED_AT)
    _, data = await export(app)
    sheet = load_workbook(io.BytesIO(data))["Peserta"]
    rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    assert column(rows, "Telepon") == ["+6281311112222", None]
    assert column(rows, "Upah harian") == [None, 150_000]
    wage = sheet.cell(row=3, column=COLUMN["Upah harian"] + 1)
    assert wage.data_type == "n" and wage.number_format == "#,##0"
    csv_people = csv_rows((await export(app, file_format="csv"))[1])
    assert column(csv_people, "Telepon") == ["+6281311112222", ""]
    assert column(csv_people, "Upah harian") == ["", "150000"]


async def test_the_activity_sheet_counts_each_premium_once(app, rt, other_rt) -> None:  # noqa: ANN001
    await seed_city(app, rt.id, other_rt.id)
    await covered(app, rt.id, (SITI, JOKO, RUDI), title="Tiga orang", value=40_000_000)
    cancelled = await covered(app, other_rt.id, (RUDI,), title="Batal", value=10_000_000)
    outside = await covered(
        app, rt.id, (SITI,), start=date(2026, 5, 4), end=date(2026, 5, 30), title="Mei"
    )
    async with app.uow_factory() as uow:
        await coverage.cancel(
            uow, await uow.activities.get(cancelled), datetime(2026, 3, 10, 3, tzinfo=UTC), None
        )
        await uow.commit()
    _, data = await export(app)
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Peserta", "Kegiatan", "Pendaftaran BPJS"]
    sheet = [tuple(row) for row in book["Kegiatan"].iter_rows(values_only=True)]
    assert sheet[0] == ACTIVITY_HEADERS
    rows = [dict(zip(ACTIVITY_HEADERS, row, strict=True)) for row in sheet[1:]]
    async with app.uow_factory() as uow:
        in_period = [
            await uow.activities.get(key) for key in await _activity_ids(uow) if key != outside
        ]
    expected = sum(a.premium_total for a in in_period)
    assert len(rows) == 4 and sum(row["Premi total"] for row in rows) == expected
    # The old per-participant column counted it once per person.
    assert expected < sum(a.premium_total * n for a, n in zip(in_period, (2, 1, 3, 1), strict=True))
    first = rows[0]
    assert (first["Ketua RT"], first["Telepon ketua RT"]) == (rt.chair_name, rt.chair_phone)
    assert (first["Mulai"], first["Selesai"]) == (datetime(2026, 3, 2), datetime(2026, 3, 31))
    assert first["Mulai perlindungan"] == datetime(2026, 3, 2, 9, 0)
    assert (first["Nilai kegiatan"], first["Premi JKK"], first["Premi JKM"]) == (
        25_000_000,
        52_500,
        7_500,
    )
    assert first["Premi total"] == 60_000 and first["Termasuk PPN"] == "Tidak"
    assert first["Nomor surat tugas"] and first["Jumlah peserta"] == 2
    assert (first["Status kegiatan"], first["Tanggal batal"]) == ("Terkonfirmasi", None)
    assert (rows[3]["Status kegiatan"], rows[3]["Tanggal batal"]) == (
        "Dibatalkan",
        datetime(2026, 3, 10),
    )
    assert [row["Jumlah peserta"] for row in rows] == [2, 1, 3, 1]


async def _activity_ids(uow: Any) -> list[int]:
    return list(
        await uow.session.scalars(
            select(Activity.id).where(Activity.confirmed_at.is_not(None)).order_by(Activity.id)
        )
    )


async def test_xlsx_cells_are_real_dates_and_numbers_with_formats(app, rt) -> None:  # noqa: ANN001
    await covered(app, rt.id, (SITI,))
    _, data = await export(app)
    book = load_workbook(io.BytesIO(data))
    sheet = book["Peserta"]
    birth, start = sheet["C2"], sheet["M2"]
    assert birth.is_date and birth.number_format == "dd/mm/yyyy"
    assert start.is_date and start.number_format == "dd/mm/yyyy hh:mm"
    assert sheet["A2"].data_type == "s"  # a NIK as a number would lose its last digits
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:Q2"
    activities = book["Kegiatan"]
    value, total = activities["K2"], activities["O2"]
    assert value.data_type == "n" and value.number_format == "#,##0"
    assert total.value == 60_000 and total.number_format == "#,##0"
    assert activities["H2"].is_date and activities.auto_filter.ref == "A1:S2"


async def test_the_csv_parses_back(app, rt, other_rt) -> None:  # noqa: ANN001
    await seed_city(app, rt.id, other_rt.id)
    count, data = await export(app, file_format="csv")
    rows = csv_rows(data)
    assert count == 3 and len(rows) == 4
    assert tuple(rows[0]) == HEADERS
    siti = dict(zip(HEADERS, rows[1], strict=True))
    assert siti["NIK"] == SITI[0] and siti["Tanggal lahir"] == "05/06/1990"
    assert siti["Mulai perlindungan"] == "02/03/2026 09:00"
    assert siti["Akhir perlindungan"] == "01/04/2026 00:00"
    assert siti["Status peserta"] == "Terkonfirmasi"
    assert b"\r\n" in data


async def test_typed_text_that_looks_like_a_formula_stays_text(app, rt) -> None:  # noqa: ANN001
    sneaky = ("1571014506900001", '=HYPERLINK("http://x";"klik")', date(1990, 6, 5), "P")
    await covered(app, rt.id, (sneaky,), title='-1+2; kerja bakti\n"besar"')
    _, xlsx = await export(app)
    cell = load_workbook(io.BytesIO(xlsx)).active["B2"]
    assert cell.data_type == "s" and cell.value == sneaky[1]
    _, data = await export(app, file_format="csv")
    row = dict(zip(HEADERS, csv_rows(data)[1], strict=True))
    assert row["Nama"] == "'" + sneaky[1]
    assert row["Nama kegiatan"] == '\'-1+2; kerja bakti\n"besar"'  # quoted, parsed back


async def test_masked_nik_for_who_may_not_see_it(app, rt) -> None:  # noqa: ANN001
    await covered(app, rt.id, (SITI,))
    _, data = await export(app, full_nik=False)
    rows = sheet_rows(data)
    assert column(rows, "NIK") == ["1571********0001"]
    assert SITI[0].encode() not in data
    # Birth date and sex would re-identify a masked NIK (issue 12): left empty.
    assert column(rows, "Tanggal lahir") == [None] and column(rows, "Jenis kelamin") == [None]
    _, full = await export(app, full_nik=True)
    assert column(sheet_rows(full), "Jenis kelamin") == ["P"]


async def test_period_and_coverage_window(app, rt, other_rt) -> None:  # noqa: ANN001
    march = await covered(app, rt.id, (SITI,))
    await covered(
        app, other_rt.id, (RUDI,), start=date(2026, 5, 4), end=date(2026, 5, 30), title="Mei"
    )
    # Joko joins on 20 March (a tracked change); Siti leaves on 10 March.
    await add_participant(app, march, JOKO, added_at=datetime(2026, 3, 20, 3, 0, tzinfo=UTC))
    async with app.uow_factory() as uow:
        (siti, _) = await uow.participations.for_activity(march)
        await uow.participations.remove(siti, None, datetime(2026, 3, 10, 5, 0, tzinfo=UTC))
        await uow.commit()

    rows = sheet_rows((await export(app))[1])
    assert column(rows, "Nama") == ["Siti Aminah", "Joko Susilo"]
    assert column(rows, "Ditambahkan") == [None, datetime(2026, 3, 20)]
    assert column(rows, "Status peserta") == ["Dikeluarkan", "Terkonfirmasi"]
    assert column(rows, "Tanggal status") == [datetime(2026, 3, 10), None]
    # Coverage ends when Siti was taken off (12.00 WIB); Joko's starts when he was added.
    assert column(rows, "Akhir perlindungan")[0] == datetime(2026, 3, 10, 12, 0)
    assert column(rows, "Mulai perlindungan")[1] == datetime(2026, 3, 20, 10, 0)
    # 1–9 March: Joko was not on the list yet. 15–19 March: Siti had left, Joko not there.
    early = sheet_rows((await export(app, period=(date(2026, 3, 1), date(2026, 3, 9))))[1])
    assert column(early, "Nama") == ["Siti Aminah"]
    gap = await export(app, period=(date(2026, 3, 15), date(2026, 3, 19)))
    assert gap[0] == 0 and len(sheet_rows(gap[1])) == 1
    may = sheet_rows((await export(app, period=(date(2026, 4, 30), date(2026, 5, 4))))[1])
    assert column(may, "Nama") == ["Rudi Hartono"]


async def test_cancelled_activities_only_while_they_covered(app, rt, other_rt) -> None:  # noqa: ANN001
    started = await covered(app, rt.id, (SITI,))
    never = await covered(
        app, other_rt.id, (RUDI,), start=date(2026, 3, 20), end=date(2026, 3, 31), title="Nanti"
    )
    async with app.uow_factory() as uow:
        for activity_id, day in ((started, 10), (never, 5)):
            activity = await uow.activities.get(activity_id)
            await coverage.cancel(uow, activity, datetime(2026, 3, day, 3, tzinfo=UTC), None)
        await uow.commit()
    rows = sheet_rows((await export(app))[1])
    assert column(rows, "Nama") == ["Siti Aminah"]
    # Not "Dikeluarkan" with an empty date: cancelled, on the day, and covered until then.
    assert column(rows, "Status peserta") == ["Dibatalkan"]
    assert column(rows, "Tanggal status") == [datetime(2026, 3, 10)]
    assert column(rows, "Akhir perlindungan") == [datetime(2026, 3, 10, 10, 0)]
    csv_siti = dict(
        zip(HEADERS, csv_rows((await export(app, file_format="csv"))[1])[1], strict=True)
    )
    assert (csv_siti["Status peserta"], csv_siti["Tanggal status"]) == ("Dibatalkan", "10/03/2026")
    assert csv_siti["Akhir perlindungan"] == "10/03/2026 10:00"
    # The activity cancelled before its first day covered nobody: not in "Kegiatan" either.
    book = load_workbook(io.BytesIO((await export(app))[1]))
    activities = list(book["Kegiatan"].iter_rows(min_row=2, values_only=True))
    assert [(a[1], a[-2], a[-1]) for a in activities] == [
        ("Perbaikan jalan Gang Melati", "Dibatalkan", datetime(2026, 3, 10))
    ]
    after = await export(app, period=(date(2026, 3, 11), date(2026, 3, 31)))
    assert after[0] == 0


async def test_scope_limits_the_rows(app, rt, other_rt) -> None:  # noqa: ANN001
    await seed_city(app, rt.id, other_rt.id)
    telanaipura = sheet_rows(
        (await export(app, scope=Scope(kecamatan=frozenset({TELANAIPURA}))))[1]
    )
    assert column(telanaipura, "Kecamatan") == ["Telanaipura", "Telanaipura"]
    thehok = sheet_rows((await export(app, scope=Scope(kelurahan=frozenset({"15.71.02.1004"}))))[1])
    assert column(thehok, "Nama") == ["Rudi Hartono"]
    # Codes granted without dots mean the same places.
    undotted = await export(app, scope=Scope(kecamatan=frozenset({"157101"})))
    assert undotted[0] == 2
    assert (await export(app, scope=Scope()))[0] == 0


async def test_many_activities_are_read_page_by_page(app, rt) -> None:  # noqa: ANN001
    async with app.uow_factory() as uow:
        pages = uow.exports.pages(Scope(city=True), *MARCH, full_nik=False, activities_per_page=2)
        assert [page async for page in pages] == []
    for n in range(5):
        await covered(app, rt.id, (SITI, JOKO), title=f"Kegiatan {n}")
    async with app.uow_factory() as uow:
        pages = uow.exports.pages(Scope(city=True), *MARCH, full_nik=False, activities_per_page=2)
        sizes = [(len(p.activities), len(p.participations)) async for p in pages]
    assert sizes == [(2, 4), (2, 4), (1, 2)]
    rows = sheet_rows((await export(app))[1])
    assert column(rows, "Nama kegiatan") == [f"Kegiatan {n}" for n in range(5) for _ in "ab"]


async def test_each_export_writes_one_audit_event(app, rt, other_rt) -> None:  # noqa: ANN001
    await seed_city(app, rt.id, other_rt.id)
    await export(
        app, scope=Scope(kecamatan=frozenset({TELANAIPURA})), file_format="csv", full_nik=False
    )
    async with app.uow_factory() as uow:
        events = [e for e in await uow.audit.recent(50) if e.action == "export"]
    assert len(events) == 1
    assert events[0].subject_person_id is None
    assert events[0].detail == {
        "from": "2026-03-01",
        "to": "2026-03-31",
        "scope": ["kecamatan:15.71.01"],
        "area": "Telanaipura",
        "format": "csv",
        "rows": 2,
        "nik": "masked",
    }


# --- the command line ------------------------------------------------------------------


@pytest.fixture
def cli_db(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A migrated SQLite file with the city seeded through the real storage, and the
    environment that points the command at it."""
    key = NikVault.generate_key()
    db_file = tmp_path / "kb.db"
    env = without_kb_variables() | {
        "KB_SECURITY__SECRET_KEY": key,
        "KB_DATABASE__URL": f"sqlite+aiosqlite:///{db_file}",
    }

    async def seed() -> None:
        from bot.app import build_app
        from bot.config import Settings

        settings = Settings(database={"url": env["KB_DATABASE__URL"]})
        app = await build_app(settings, key)
        try:
            async with app.uow_factory() as uow:
                a = await uow.rts.add("15.71.01.1001", 1, "Budi", "+6281200000001")
                b = await uow.rts.add("15.71.02.1004", 5, "Ahmad", "+6281200000003")
                await uow.commit()
            await seed_city(app, a.id, b.id)
        finally:
            await app.close()

    asyncio.run(seed())
    return db_file, env


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # noqa: ANN201
    """`kampung-bahagia export ARGS` in this process."""

    def run_cli(tmp_path: Path, env: dict[str, str], *args: str) -> CliResult:
        return run_in_process(monkeypatch, capsys, tmp_path, env, "export", *args)

    return run_cli


def test_cli_export_writes_the_file_and_audits_it(tmp_path: Path, cli_db) -> None:  # noqa: ANN001
    """As a real process (the installed command): a smoke test of the whole path."""
    db_file, env = cli_db
    args = ("export", "--from", "1/3/2026", "--to", "31/3/2026", "out.xlsx")
    result = run_subprocess(tmp_path, env, *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "3 baris ditulis ke out.xlsx"
    rows = sheet_rows((tmp_path / "out.xlsx").read_bytes())
    assert rows[0] == HEADERS and column(rows, "NIK") == [SITI[0], JOKO[0], RUDI[0]]
    assert not (tmp_path / "out.xlsx.part").exists()
    events = asyncio.run(audit_events(db_file, env))
    assert [(e.actor, e.actor_account_id, e.detail["rows"], e.detail["nik"]) for e in events] == [
        ("command line", None, 3, "full")
    ]


def test_cli_export_of_one_kecamatan_as_csv(tmp_path: Path, cli_db, run_cli) -> None:  # noqa: ANN001
    _, env = cli_db
    args = ("--from", "1 Maret 2026", "--to", "31/3/2026", "--kecamatan", "jambi selatan")
    result = run_cli(tmp_path, env, *args, "--format", "csv", "hasil.txt")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 baris")
    rows = csv_rows((tmp_path / "hasil.txt").read_bytes())
    assert column(rows, "Nama") == ["Rudi Hartono"]


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--from", "32/3/2026", "--to", "31/3/2026", "x.xlsx"), "32/3/2026"),
        (("--from", "1/3/2026", "--to", "kemarin lusa", "x.xlsx"), "kemarin lusa"),
        (("--from", "31/3/2026", "--to", "1/3/2026", "x.xlsx"), "--to"),
        (
            ("--from", "1/3/2026", "--to", "31/3/2026", "--kecamatan", "Atlantis", "x.xlsx"),
            "Atlantis",
        ),
        (("--from", "1/3/2026", "--to", "31/3/2026", "x.pdf"), "--format"),
    ],
)
def test_cli_export_refuses_bad_input_in_one_line(
    tmp_path: Path, cli_db, args, named, run_cli
) -> None:  # noqa: ANN001
    result = run_cli(tmp_path, cli_db[1], *args)
    assert result.returncode == 2 and result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and named in lines[0], result.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_cli_export_into_a_missing_folder(tmp_path: Path, cli_db, run_cli) -> None:  # noqa: ANN001
    result = run_cli(tmp_path, cli_db[1], "--from", "1/3/2026", "--to", "31/3/2026", "no/x.csv")
    assert result.returncode == 2 and "no/x.csv" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


async def audit_events(db_file: Path, env: dict[str, str]) -> list[Any]:
    database = Database(env["KB_DATABASE__URL"])
    try:
        factory = UnitOfWorkFactory(database.sessionmaker, NikVault(env["KB_SECURITY__SECRET_KEY"]))
        async with factory() as uow:
            return [e for e in await uow.audit.recent(50) if e.action == "export"]
    finally:
        await database.dispose()

"""BPJS Jakon exports, from a period and an area to a file: what both the officials'
dialog (`handlers/official_export.py`) and `kampung-bahagia export` run.

Which rows: one per participation of an activity that gave coverage, whose coverage
window (`bot.domain.coverage.coverage_window`) overlaps the period. So a person removed
before the period, or added after it, is not in it; a cancelled activity is in it only
for the days it covered (cancelled before its first day: not at all). Activities
("Kegiatan", one row each, the premium once) by their own coverage: from
`coverage_starts` (never before the confirmation) to their last day or cancellation.

Streaming: pages of rows come from `uow.exports.pages` (keyset pagination); each page is
turned into rows (NIKs decrypted page by page) and written in a worker thread, so the
event loop keeps serving other chats while a large file is written. Every export writes
one audit event (who, period, area, format, rows, NIK full or masked), not one per person:
the period and area say whose data the file held.

Duck-typed on the unit of work (no storage imports), like `bot.activities.lifecycle`.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from bot.activities.lifecycle import participation_window
from bot.core import ports
from bot.core.ports import UnitOfWork, UnitOfWorkFactory
from bot.core.private_files import open_private
from bot.documents.export import (
    FORMATS,
    MIME_TYPES,
    ActivityRow,
    ExportRow,
    ExportWriter,
    writer_for,
)
from bot.domain.coverage import coverage_starts, start_of_day
from bot.domain.dates import DateError, parse_date, to_wib
from bot.domain.regions import RegionIndex
from bot.domain.scope import Scope
from bot.domain.vocabulary import ActivityStatus, ParticipantRole, ScopeKind
from bot.reports.export_request import Area, whole_area

AUDIT_ACTION = "export"
FULL, MASKED = "full", "masked"
# Labels of the "Peran" column (the same words as the chat's `role_*` texts).
ROLE_LABELS: dict[str, str] = {
    ParticipantRole.KETUA_RT: "Ketua RT",
    "phl": "PHL (pekerja harian lepas)",
    "petugas_syara": "Petugas syara'",
    "warga": "Warga",
}
# Status of an activity ("Kegiatan") and of a participant ("Peserta").
CONFIRMED_LABEL = "Terkonfirmasi"
CANCELLED_LABEL = "Dibatalkan"
REMOVED_LABEL = "Dikeluarkan"


@dataclass(frozen=True)
class ExportRequest:
    start: date
    end: date
    area: Area  # already limited to what the requester may see
    file_format: str  # "xlsx" | "csv"
    full_nik: bool

    @property
    def file_name(self) -> str:
        """e.g. "ekspor_jakon_2026-08-01_2026-08-31_kecamatan-telanaipura.xlsx"."""
        period = f"{self.start.isoformat()}_{self.end.isoformat()}"
        return f"ekspor_jakon_{period}_{self.area.slug}.{self.file_format}"

    @property
    def mime_type(self) -> str:
        return MIME_TYPES[self.file_format]


@dataclass(frozen=True)
class ExportResult:
    rows: int
    file_name: str
    mime_type: str
    data: bytes


async def export_document(
    uow: UnitOfWork,
    request: ExportRequest,
    *,
    actor_account_id: int | None,
    actor: str,
    at: datetime | None = None,
) -> ExportResult:
    """Write the file in memory (a chat document) and audit it; `rows` may be 0."""
    target = io.BytesIO()
    rows = await write_export(uow, request, target)
    await audit_export(uow, request, rows, actor_account_id=actor_account_id, actor=actor, at=at)
    return ExportResult(rows, request.file_name, request.mime_type, target.getvalue())


async def write_export(uow: UnitOfWork, request: ExportRequest, target: BinaryIO) -> int:
    """Stream every row of the request into `target`; returns how many were written.

    The next page is read while the previous one is written (in a worker thread), so
    the database's work and the file's overlap on two cores."""
    writer = writer_for(request.file_format, target, full_nik=request.full_nik)
    rows = RowBuilder(request, uow.persons.reveal_nik)
    scope, start, end = request.area.scope, request.start, request.end
    writing: asyncio.Future[None] | None = None
    try:
        try:
            async for page in uow.exports.pages(scope, start, end, full_nik=request.full_nik):
                if writing is not None:
                    await writing
                writing = asyncio.ensure_future(asyncio.to_thread(_write_page, writer, rows, page))
        finally:
            if writing is not None:
                await writing
        await asyncio.to_thread(writer.finish)
    except BaseException:
        # A failed export leaves no temporary file with its rows behind (issue 12).
        await asyncio.to_thread(writer.discard)
        raise
    return writer.rows


def _write_page(writer: ExportWriter, rows: RowBuilder, page: ports.ExportPage) -> None:
    writer.write(*rows.of(page))


async def audit_export(
    uow: UnitOfWork,
    request: ExportRequest,
    rows: int,
    *,
    actor_account_id: int | None,
    actor: str,
    at: datetime | None = None,
) -> None:
    await uow.audit.record(
        AUDIT_ACTION,
        actor_account_id=actor_account_id,
        actor=actor,
        at=at,
        detail={
            "from": request.start.isoformat(),
            "to": request.end.isoformat(),
            "scope": scope_codes(request.area.scope),
            "area": request.area.name,
            "format": request.file_format,
            "rows": rows,
            "nik": FULL if request.full_nik else MASKED,
        },
    )


def scope_codes(scope: Scope) -> list[str]:
    """A scope as the caller-scope strings of `bot.core.identity`: ["kota"], ["kecamatan:…"]."""
    if scope.city:
        return [ScopeKind.CITY]
    kinds = (("kecamatan", scope.kecamatan), ("kelurahan", scope.kelurahan))
    return [f"{kind}:{code}" for kind, codes in kinds for code in sorted(codes)]


class RowBuilder:
    """Turns pages of database rows into `ActivityRow`s and `ExportRow`s.

    An activity is in the file when its own coverage (from `coverage_starts` to its last
    day, or to its cancellation) overlaps the period; a participation when its coverage
    window does. Each activity becomes one "Kegiatan" row, so its premium is counted once.
    A participant of a cancelled activity is "Dibatalkan" from the cancellation moment,
    which is where their coverage ends (unless they were taken off before it)."""

    def __init__(
        self, request: ExportRequest, reveal_nik: Callable[[ports.EncryptedNik], str]
    ) -> None:
        self._starts = start_of_day(request.start)
        self._ends = start_of_day(request.end + timedelta(days=1))
        self._reveal = reveal_nik if request.full_nik else None

    def of(self, page: ports.ExportPage) -> tuple[list[ActivityRow], list[ExportRow]]:
        reveal, starts, ends = self._reveal, self._starts, self._ends
        shared = {key: _shared_columns(a) for key, a in page.activities.items()}
        counts: dict[int, int] = dict.fromkeys(page.activities, 0)
        out: list[ExportRow] = []
        for p in page.participations:
            a = page.activities[p.activity_id]
            window = participation_window(a, p)
            if window is None or window.empty or window.starts >= ends or window.ends <= starts:
                continue
            counts[p.activity_id] += 1
            number, title, rt, kel, kec = shared[p.activity_id]
            status, status_date = _participant_status(a, p)
            out.append(
                ExportRow(
                    reveal(p) if reveal is not None else p.nik_masked,
                    p.name,
                    # Beside a masked NIK, birth date and sex would narrow it down to a
                    # handful of people (issue 12): those cells stay empty.
                    p.birth_date if reveal is not None else None,
                    p.sex if reveal is not None else "",
                    p.phone or "",
                    ROLE_LABELS.get(p.role, p.role),
                    p.daily_wage,
                    number,
                    title,
                    rt,
                    kel,
                    kec,
                    _wib_moment(window.starts),
                    _wib_moment(window.ends),
                    _wib_date(p.added_at) if p.added_at > a.confirmed_at else None,
                    status,
                    status_date,
                )
            )
        activities = [
            _activity_row(a, shared[key], counts[key])
            for key, a in page.activities.items()
            if self._covered_in_period(a)
        ]
        return activities, out

    def _covered_in_period(self, a: ports.ExportActivity) -> bool:
        starts = coverage_starts(a.start_date, a.confirmed_at)
        ends = start_of_day(a.end_date + timedelta(days=1))
        if a.cancelled_at is not None:
            ends = min(ends, a.cancelled_at)
        return starts is not None and starts < ends and starts < self._ends and ends > self._starts


def _shared_columns(a: ports.ExportActivity) -> tuple[str, str, str, str, str]:
    return (a.number or "", a.title, f"{a.rt_number:02d}", a.kelurahan, a.kecamatan)


def _participant_status(
    a: ports.ExportActivity, p: ports.ExportParticipation
) -> tuple[str, date | None]:
    cancelled = a.cancelled_at if a.status == ActivityStatus.CANCELLED else None
    # Taken off before the cancellation: their coverage ended then, not with the activity.
    if p.removed_at is not None and (cancelled is None or p.removed_at < cancelled):
        return REMOVED_LABEL, _wib_date(p.removed_at)
    if cancelled is not None:
        return CANCELLED_LABEL, _wib_date(cancelled)
    return CONFIRMED_LABEL, None


def _activity_row(
    a: ports.ExportActivity, shared: tuple[str, str, str, str, str], participants: int
) -> ActivityRow:
    number, title, rt, kel, kec = shared
    cancelled = a.status == ActivityStatus.CANCELLED
    starts = coverage_starts(a.start_date, a.confirmed_at)
    assert starts is not None  # an export reads only confirmed activities
    return ActivityRow(
        number,
        title,
        rt,
        kel,
        kec,
        a.chair_name,
        a.chair_phone or "",
        a.start_date,
        a.end_date,
        _wib_moment(starts),
        a.value,
        "Ya" if a.value_includes_ppn else "Tidak",
        a.premium_jkk,
        a.premium_jkm,
        a.premium_total,
        a.surat_tugas_number or "",
        participants,
        CANCELLED_LABEL if cancelled else CONFIRMED_LABEL,
        _wib_date(a.cancelled_at) if cancelled else None,
    )


def _wib_moment(moment: datetime) -> datetime:
    """A WIB wall-clock time without its zone: spreadsheets cannot hold one."""
    return to_wib(moment).replace(tzinfo=None)


def _wib_date(moment: datetime | None) -> date | None:
    return None if moment is None else to_wib(moment).date()


# --- the command line: `kampung-bahagia export` ---------------------------------------

COMMAND_LINE = "command line"


class ExportInputError(ValueError):
    """Wrong input to `kampung-bahagia export`: one line for the user, exit code 2."""


def command_line_request(
    date_from: str,
    date_to: str,
    kecamatan: str | None,
    file_format: str | None,
    file: Path,
    today: date,
) -> ExportRequest:
    """The request the command line asks for: the whole city or one kecamatan, full NIKs
    (whoever runs it holds the database and its key; the export is audited all the same)."""
    start, end = _typed_date("--from", date_from, today), _typed_date("--to", date_to, today)
    if end < start:
        raise ExportInputError(f"--to ({date_to}) tidak boleh sebelum --from ({date_from})")
    regions = RegionIndex.load()
    area = whole_area(Scope(city=True), regions)
    if kecamatan is not None:
        found = regions.find_kecamatan(kecamatan)
        if found is None:
            raise ExportInputError(f"kecamatan '{kecamatan[:40]}' tidak dikenal")
        area = whole_area(Scope(kecamatan=frozenset({found.code})), regions)
    chosen = (file_format or file.suffix.lstrip(".")).casefold()
    if chosen not in FORMATS:
        raise ExportInputError(
            f"format '{chosen or file.name}' tidak dikenal: pakai --format xlsx atau csv"
        )
    return ExportRequest(start, end, area, chosen, full_nik=True)


def _typed_date(option: str, text: str, today: date) -> date:
    try:
        return parse_date(text, today)
    except DateError:
        raise ExportInputError(
            f"{option} '{text[:40]}' bukan tanggal yang bisa dibaca (contoh: 1/8/2026)"
        ) from None


async def export_to_file(uow_factory: UnitOfWorkFactory, request: ExportRequest, file: Path) -> int:
    """Write the file (under a temporary name until it is complete and audited)."""
    partial = file.with_name(f"{file.name}.part")
    try:
        async with uow_factory() as uow:
            # Full NIKs: readable by the owner only (0600), from the first byte.
            target = await asyncio.to_thread(open_private, partial)
            try:
                rows = await write_export(uow, request, target)
            finally:
                await asyncio.to_thread(target.close)
            await audit_export(uow, request, rows, actor_account_id=None, actor=COMMAND_LINE)
            await uow.commit()
        await asyncio.to_thread(partial.replace, file)
    except OSError as exc:
        raise ExportInputError(f"file {file} tidak bisa ditulis ({exc.strerror})") from None
    finally:
        await asyncio.to_thread(partial.unlink, missing_ok=True)
    return rows

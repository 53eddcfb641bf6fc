"""The BPJS Jakon registration export as a file: XLSX (`bot.documents.xlsx_stream`) or CSV.

Owns the columns (Indonesian headers, whatever the chat language: the file is a
registration document for BPJS Ketenagakerjaan staff), the cell formats and the safety of
the text cells. Rows are written as they come, so 100,000 participations never sit in
memory at once: each XLSX worksheet streams to its own temporary file and is zipped at
`finish`; the CSV goes straight to the target stream. No database, no chat: rows in,
bytes out.

Two kinds of rows, so a sum over a column means what it says:
- "Peserta" (`ExportRow`): one row per participation, with the person's phone and daily
  wage, the coverage window and the participant's status. No premium: the premium is
  the activity's, and repeating it on every person made a column sum count it once per
  participant.
- "Kegiatan" (`ActivityRow`): one row per activity, with its chair, value, PPN flag and
  premiums; summing "Premi total" gives the premium of the period's activities.
- "Pendaftaran BPJS": one row per participation shaped to register the worker with BPJS
  (NIK, name, phone, project number, name, location and employer — the RT's Pokja —,
  coverage start and end, daily wage); birth date and sex only in a full-NIK file.
The XLSX holds all three sheets ("Peserta" first, so readers that open the first sheet
get the people as before). The CSV is one file of "Peserta" rows only (the format BPJS uploads
take); the per-activity premiums are in the XLSX. "Nomor kegiatan" joins the two.

CSV dialect: UTF-8 with a byte-order mark, `;` between fields, CRLF, quotes only where
needed. Indonesian Excel uses the comma as its decimal mark and `;` as its list separator,
so this opens in columns by double-click; the BOM makes Excel read the names as UTF-8.
Dates are dd/mm/yyyy (moments dd/mm/yyyy hh:mm, WIB) and money plain integers (no
separators) so other systems parse it.
NIKs are plain digits: Excel, opening a CSV by double-click, reads them as numbers and
keeps only 15 significant digits, so the XLSX (NIK as a text cell) is the file for Excel
and the CSV the one for uploads; the dialog's help says so.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, BinaryIO, NamedTuple, Protocol

from bot.documents.xlsx_stream import StreamedWorkbook

XLSX = "xlsx"
CSV = "csv"
FORMATS = (XLSX, CSV)
MIME_TYPES = {
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    CSV: "text/csv",
}
PARTICIPANT_SHEET = "Peserta"
ACTIVITY_SHEET = "Kegiatan"
REGISTRATION_SHEET = "Pendaftaran BPJS"
DATE_FORMAT = "dd/mm/yyyy"
MOMENT_FORMAT = "dd/mm/yyyy hh:mm"
# Excel shows the locale's thousands separator (a dot in Indonesian) for this format.
MONEY_FORMAT = "#,##0"
CSV_DELIMITER = ";"


class ExportRow(NamedTuple):
    """One participation of a covered activity ("Peserta"), in column order."""

    nik: str  # full or masked, as the caller may see it
    name: str
    birth_date: date | None  # None beside a masked NIK
    sex: str  # "L" / "P"; "" beside a masked NIK
    phone: str  # "" when unknown
    role: str  # a label: "Ketua RT", "PHL (pekerja harian lepas)", ...
    daily_wage: int | None  # the participation's wage, when the chair gave one
    activity_number: str
    activity_title: str
    rt: str  # "01"
    kelurahan: str
    kecamatan: str
    coverage_start: datetime  # WIB, naive (spreadsheets have no time zones)
    coverage_end: datetime  # WIB, naive: removal, cancellation or the day after the end
    added: date | None  # added after confirmation (a tracked change)
    status: str  # "Terkonfirmasi" / "Dikeluarkan" / "Dibatalkan"
    status_date: date | None  # when removed or cancelled


class ActivityRow(NamedTuple):
    """One covered activity ("Kegiatan"), in column order: its premium appears once."""

    activity_number: str
    activity_title: str
    rt: str
    kelurahan: str
    kecamatan: str
    chair_name: str
    chair_phone: str
    start: date
    end: date
    coverage_start: datetime  # WIB, naive: the first day's 00.00 or the confirmation
    value: int
    includes_ppn: str  # "Ya" / "Tidak"
    premium_jkk: int
    premium_jkm: int
    premium_total: int
    surat_tugas_number: str
    participants: int  # participants covered in the period (rows of "Peserta")
    status: str  # "Terkonfirmasi" / "Dibatalkan"
    cancelled: date | None


HEADERS: tuple[str, ...] = (
    "NIK",
    "Nama",
    "Tanggal lahir",
    "Jenis kelamin",
    "Telepon",
    "Peran",
    "Upah harian",
    "Nomor kegiatan",
    "Nama kegiatan",
    "RT",
    "Kelurahan",
    "Kecamatan",
    "Mulai perlindungan",
    "Akhir perlindungan",
    "Ditambahkan",
    "Status peserta",
    "Tanggal status",
)
WIDTHS = (19, 28, 13, 8, 15, 24, 12, 16, 36, 5, 22, 20, 17, 17, 12, 15, 13)
ACTIVITY_HEADERS: tuple[str, ...] = (
    "Nomor kegiatan",
    "Nama kegiatan",
    "RT",
    "Kelurahan",
    "Kecamatan",
    "Ketua RT",
    "Telepon ketua RT",
    "Mulai",
    "Selesai",
    "Mulai perlindungan",
    "Nilai kegiatan",
    "Termasuk PPN",
    "Premi JKK",
    "Premi JKM",
    "Premi total",
    "Nomor surat tugas",
    "Jumlah peserta",
    "Status kegiatan",
    "Tanggal batal",
)
ACTIVITY_WIDTHS = (16, 36, 5, 22, 20, 24, 15, 11, 11, 17, 15, 8, 11, 11, 12, 24, 9, 15, 12)


# "Pendaftaran BPJS": what BPJS needs to register each worker of a project (Jasa
# Konstruksi): the person, the project and its employer (the RT's Pokja), the coverage and
# the wage. Birth date and sex only beside a full NIK: with a masked NIK the two would
# re-identify the person (issue 12), so a masked file leaves both columns out.
REGISTRATION_FIELDS: tuple[tuple[str, str], ...] = (
    ("nik", "NIK"),
    ("name", "Nama tenaga kerja"),
    ("birth_date", "Tanggal lahir"),
    ("sex", "Jenis kelamin"),
    ("phone", "Nomor HP"),
    ("activity_number", "Nomor proyek"),
    ("activity_title", "Nama proyek"),
    ("location", "Lokasi proyek"),
    ("employer", "Pemberi kerja"),
    ("coverage_start", "Mulai kepesertaan"),
    ("coverage_end", "Akhir kepesertaan"),
    ("daily_wage", "Upah harian"),
    ("status", "Status peserta"),
)
REGISTRATION_WIDTHS = {"nik": 19, "name": 28, "activity_title": 36, "location": 40}
IDENTIFYING = frozenset({"birth_date", "sex"})


def registration_fields(full_nik: bool) -> tuple[str, ...]:
    """The registration sheet's columns: without birth date and sex for masked NIKs."""
    return tuple(f for f, _ in REGISTRATION_FIELDS if full_nik or f not in IDENTIFYING)


def registration_values(row: ExportRow, fields: tuple[str, ...]) -> tuple[Any, ...]:
    """One participant's registration row, in the order of `fields`."""
    derived = {
        "location": f"RT {row.rt}, Kel. {row.kelurahan}, Kec. {row.kecamatan}",
        "employer": f"Pokja Kampung Bahagia RT {row.rt} Kel. {row.kelurahan}",
    }
    return tuple(derived[f] if f in derived else getattr(row, f) for f in fields)


def registration_layout(full_nik: bool) -> _Layout:
    fields = registration_fields(full_nik)
    titles = dict(REGISTRATION_FIELDS)

    def where(*names: str) -> tuple[int, ...]:
        return tuple(fields.index(n) for n in names if n in fields)

    return _Layout(
        REGISTRATION_SHEET,
        tuple(titles[f] for f in fields),
        tuple(REGISTRATION_WIDTHS.get(f, 16) for f in fields),
        where("birth_date"),
        where("coverage_start", "coverage_end"),
        where("daily_wage"),
    )


def _columns(row: type[NamedTuple], *fields: str) -> tuple[int, ...]:
    return tuple(row._fields.index(field) for field in fields)


@dataclass(frozen=True)
class _Layout:
    """A sheet's headers, widths, and which columns need a number format."""

    title: str
    headers: tuple[str, ...]
    widths: tuple[int, ...]
    dates: tuple[int, ...]
    moments: tuple[int, ...]
    money: tuple[int, ...]


PARTICIPANT_LAYOUT = _Layout(
    PARTICIPANT_SHEET,
    HEADERS,
    WIDTHS,
    _columns(ExportRow, "birth_date", "added", "status_date"),
    _columns(ExportRow, "coverage_start", "coverage_end"),
    _columns(ExportRow, "daily_wage"),
)
ACTIVITY_LAYOUT = _Layout(
    ACTIVITY_SHEET,
    ACTIVITY_HEADERS,
    ACTIVITY_WIDTHS,
    _columns(ActivityRow, "start", "end", "cancelled"),
    _columns(ActivityRow, "coverage_start"),
    _columns(ActivityRow, "value", "premium_jkk", "premium_jkm", "premium_total"),
)
# Characters XML 1.0 (so XLSX) cannot hold; a pasted name may carry one.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportWriter(Protocol):
    @property
    def rows(self) -> int: ...  # participant rows
    @property
    def activities(self) -> int: ...

    def write(self, activities: Iterable[ActivityRow], rows: Iterable[ExportRow]) -> None: ...

    def finish(self) -> None: ...

    def discard(self) -> None:
        """After a failure: remove whatever the writer keeps outside `target`."""
        ...


def writer_for(file_format: str, target: BinaryIO, *, full_nik: bool = True) -> ExportWriter:
    """A writer of `file_format` ("xlsx" or "csv") that ends up in `target`; `full_nik`
    says whether the rows carry full NIKs (the registration sheet's columns depend on it)."""
    if file_format == XLSX:
        return XlsxExport(target, full_nik=full_nik)
    if file_format == CSV:
        return CsvExport(target)
    raise ValueError(f"unknown export format {file_format!r}")


class _XlsxSheet:
    """One streamed worksheet (`bot.documents.xlsx_stream`): a bold, frozen, filterable
    header, then rows. Dates are real date cells and money real integers, each with its
    number format; text is always a text cell, so a name typed as "=..." is never a
    formula."""

    def __init__(self, book: StreamedWorkbook, layout: _Layout) -> None:
        formats = dict.fromkeys(layout.dates, DATE_FORMAT)
        formats.update(dict.fromkeys(layout.moments, MOMENT_FORMAT))
        formats.update(dict.fromkeys(layout.money, MONEY_FORMAT))
        self._sheet = book.add_sheet(layout.title, layout.headers, layout.widths, formats)

    @property
    def rows(self) -> int:
        return self._sheet.rows

    def write(self, rows: Iterable[Sequence[Any]]) -> None:
        self._sheet.append(rows)


class XlsxExport:
    """Three worksheets, "Peserta", "Kegiatan" and "Pendaftaran BPJS", each streamed to
    its own temporary file as its rows arrive (so they can be interleaved), zipped into
    `target` at `finish`."""

    def __init__(self, target: BinaryIO, *, full_nik: bool = True) -> None:
        self._target = target
        self._book = StreamedWorkbook()
        self._people = _XlsxSheet(self._book, PARTICIPANT_LAYOUT)
        self._activities = _XlsxSheet(self._book, ACTIVITY_LAYOUT)
        self._fields = registration_fields(full_nik)
        self._registration = _XlsxSheet(self._book, registration_layout(full_nik))

    @property
    def rows(self) -> int:
        return self._people.rows

    @property
    def activities(self) -> int:
        return self._activities.rows

    def write(self, activities: Iterable[ActivityRow], rows: Iterable[ExportRow]) -> None:
        rows = list(rows)
        self._activities.write(activities)
        self._people.write(rows)
        self._registration.write(registration_values(row, self._fields) for row in rows)

    def finish(self) -> None:
        self._book.save(self._target)

    def discard(self) -> None:
        """The sheets' temporary files (full NIKs in them) closed, so gone, at once."""
        self._book.discard()


class CsvExport:
    """CSV in the dialect the module docstring describes, written as rows arrive: the
    "Peserta" rows only (activities are counted, not written: see the module docstring)."""

    def __init__(self, target: BinaryIO) -> None:
        target.write(codecs.BOM_UTF8)
        self._text = io.TextIOWrapper(target, encoding="utf-8", newline="", write_through=True)
        self._csv = csv.writer(self._text, delimiter=CSV_DELIMITER, lineterminator="\r\n")
        self._csv.writerow(HEADERS)
        self.rows = 0
        self.activities = 0

    def write(self, activities: Iterable[ActivityRow], rows: Iterable[ExportRow]) -> None:
        self.activities += sum(1 for _ in activities)
        writerow = self._csv.writerow
        for row in rows:
            writerow(
                (
                    row.nik,
                    _csv_text(row.name),
                    _csv_date(row.birth_date),
                    row.sex,
                    row.phone,
                    row.role,
                    "" if row.daily_wage is None else row.daily_wage,
                    row.activity_number,
                    _csv_text(row.activity_title),
                    row.rt,
                    row.kelurahan,
                    row.kecamatan,
                    _csv_moment(row.coverage_start),
                    _csv_moment(row.coverage_end),
                    _csv_date(row.added),
                    row.status,
                    _csv_date(row.status_date),
                )
            )
            self.rows += 1

    def finish(self) -> None:
        self._text.flush()
        # Leave the caller's stream open (closing the wrapper would close it).
        self._text.detach()

    def discard(self) -> None:
        """Nothing to remove: the rows went straight to the caller's stream."""


def _csv_date(value: date | None) -> str:
    return "" if value is None else f"{value.day:02d}/{value.month:02d}/{value.year}"


def _csv_moment(value: datetime) -> str:
    return f"{_csv_date(value)} {value.hour:02d}:{value.minute:02d}"


def _csv_text(text: str) -> str:
    text = _NOT_XML.sub("", text)
    # OWASP's advice against CSV injection: a leading apostrophe makes it plain text.
    return f"'{text}" if text.startswith(_FORMULA_START) else text

"""The BPJS Jakon registration export as a file: XLSX (openpyxl write-only) or CSV.

Owns the columns (Indonesian headers, whatever the chat language: the file is a
registration document for BPJS Ketenagakerjaan staff), the cell formats and the safety of
the text cells. Rows are written as they come, so 100,000 participations never sit in
memory at once: the XLSX worksheet streams to openpyxl's temporary file and is zipped at
`finish`; the CSV goes straight to the target stream. No database, no chat: rows in,
bytes out.

CSV dialect: UTF-8 with a byte-order mark, `;` between fields, CRLF, quotes only where
needed. Indonesian Excel uses the comma as its decimal mark and `;` as its list separator,
so this opens in columns by double-click; the BOM makes Excel read the names as UTF-8.
Dates are dd/mm/yyyy and money plain integers (no separators) so other systems parse it.
NIKs are plain digits: Excel, opening a CSV by double-click, reads them as numbers and
keeps only 15 significant digits, so the XLSX (NIK as a text cell) is the file for Excel
and the CSV the one for uploads; the dialog's help says so.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable
from datetime import date
from typing import Any, BinaryIO, NamedTuple, Protocol

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

XLSX = "xlsx"
CSV = "csv"
FORMATS = (XLSX, CSV)
MIME_TYPES = {
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    CSV: "text/csv",
}
SHEET_TITLE = "Peserta Jakon"
DATE_FORMAT = "dd/mm/yyyy"
# Excel shows the locale's thousands separator (a dot in Indonesian) for this format.
MONEY_FORMAT = "#,##0"
CSV_DELIMITER = ";"


class ExportRow(NamedTuple):
    """One participation of a covered activity, in column order."""

    nik: str  # full or masked, as the caller may see it
    name: str
    birth_date: date
    sex: str  # "L" / "P"
    role: str  # a label: "Ketua RT", "PHL (pekerja harian lepas)", ...
    activity_number: str
    activity_title: str
    rt: str  # "01"
    kelurahan: str
    kecamatan: str
    start: date
    end: date
    value: int
    premium_jkk: int
    premium_jkm: int
    premium_total: int
    surat_tugas_number: str
    added: date | None  # added after confirmation (a tracked change)
    removed: date | None  # taken off the worker list
    status: str  # "Terkonfirmasi" / "Dibatalkan"


HEADERS: tuple[str, ...] = (
    "NIK",
    "Nama",
    "Tanggal lahir",
    "Jenis kelamin",
    "Peran",
    "Nomor kegiatan",
    "Nama kegiatan",
    "RT",
    "Kelurahan",
    "Kecamatan",
    "Mulai",
    "Selesai",
    "Nilai kegiatan",
    "Premi JKK",
    "Premi JKM",
    "Premi total",
    "Nomor surat tugas",
    "Ditambahkan",
    "Dikeluarkan",
    "Status kegiatan",
)
WIDTHS = (19, 28, 13, 8, 24, 16, 36, 5, 22, 20, 11, 11, 15, 11, 11, 11, 24, 12, 12, 15)


def _columns(*fields: str) -> tuple[int, ...]:
    return tuple(ExportRow._fields.index(field) for field in fields)


DATE_COLUMNS = _columns("birth_date", "start", "end", "added", "removed")
MONEY_COLUMNS = _columns("value", "premium_jkk", "premium_jkm", "premium_total")
# Free text typed in chats (names, titles); the rest comes from our own reference data.
TYPED_COLUMNS = _columns("name", "activity_title")
# Characters XML 1.0 (so XLSX) cannot hold; a pasted name may carry one.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportWriter(Protocol):
    rows: int

    def write(self, rows: Iterable[ExportRow]) -> None: ...

    def finish(self) -> None: ...


def writer_for(file_format: str, target: BinaryIO) -> ExportWriter:
    """A writer of `file_format` ("xlsx" or "csv") that ends up in `target`."""
    if file_format == XLSX:
        return XlsxExport(target)
    if file_format == CSV:
        return CsvExport(target)
    raise ValueError(f"unknown export format {file_format!r}")


class XlsxExport:
    """One worksheet: a bold, frozen, filterable header, then a row per participation.

    Dates are real date cells and money real integers, each with its number format. One
    styled cell per column is reused for every row: openpyxl writes a row out as soon as
    it is appended, and building fresh styled cells for 100,000 rows doubles the time.
    """

    def __init__(self, target: BinaryIO) -> None:
        self._target = target
        self._book = Workbook(write_only=True)
        self._sheet = self._book.create_sheet(SHEET_TITLE)
        for index, width in enumerate(WIDTHS, start=1):
            self._sheet.column_dimensions[get_column_letter(index)].width = width
        self._sheet.freeze_panes = "A2"
        self._styled = {i: self._cell(DATE_FORMAT) for i in DATE_COLUMNS}
        self._styled.update({i: self._cell(MONEY_FORMAT) for i in MONEY_COLUMNS})
        self._text = {i: WriteOnlyCell(self._sheet) for i in TYPED_COLUMNS}
        bold = Font(bold=True)
        header = []
        for title in HEADERS:
            cell = WriteOnlyCell(self._sheet, value=title)
            cell.font = bold
            header.append(cell)
        self._sheet.append(header)
        self.rows = 0

    def _cell(self, number_format: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(self._sheet)
        cell.number_format = number_format
        return cell

    def write(self, rows: Iterable[ExportRow]) -> None:
        sheet, styled = self._sheet, self._styled
        for row in rows:
            values: list[Any] = list(row)
            for index, cell in styled.items():
                value = values[index]
                if value is not None:
                    cell.value = value
                    values[index] = cell
            for index in TYPED_COLUMNS:
                values[index] = self._safe_text(index, values[index])
            sheet.append(values)
            self.rows += 1

    def _safe_text(self, index: int, text: str) -> Any:
        text = _NOT_XML.sub("", text)
        if not text.startswith("="):
            return text
        # openpyxl would store "=..." as a formula: keep it a plain string instead (one
        # reused cell per column, like the styled ones).
        cell = self._text[index]
        cell.value = text
        cell.data_type = "s"
        return cell

    def finish(self) -> None:
        last = f"{get_column_letter(len(HEADERS))}{self.rows + 1}"
        self._sheet.auto_filter.ref = f"A1:{last}"
        self._book.save(self._target)


class CsvExport:
    """CSV in the dialect the module docstring describes, written as rows arrive."""

    def __init__(self, target: BinaryIO) -> None:
        target.write(codecs.BOM_UTF8)
        self._text = io.TextIOWrapper(target, encoding="utf-8", newline="", write_through=True)
        self._csv = csv.writer(self._text, delimiter=CSV_DELIMITER, lineterminator="\r\n")
        self._csv.writerow(HEADERS)
        self.rows = 0

    def write(self, rows: Iterable[ExportRow]) -> None:
        writerow = self._csv.writerow
        for row in rows:
            writerow(
                (
                    row.nik,
                    _csv_text(row.name),
                    _csv_date(row.birth_date),
                    row.sex,
                    row.role,
                    row.activity_number,
                    _csv_text(row.activity_title),
                    row.rt,
                    row.kelurahan,
                    row.kecamatan,
                    _csv_date(row.start),
                    _csv_date(row.end),
                    row.value,
                    row.premium_jkk,
                    row.premium_jkm,
                    row.premium_total,
                    row.surat_tugas_number,
                    _csv_date(row.added),
                    _csv_date(row.removed),
                    row.status,
                )
            )
            self.rows += 1

    def finish(self) -> None:
        self._text.flush()
        # Leave the caller's stream open (closing the wrapper would close it).
        self._text.detach()


def _csv_date(value: date | None) -> str:
    return "" if value is None else f"{value.day:02d}/{value.month:02d}/{value.year}"


def _csv_text(text: str) -> str:
    text = _NOT_XML.sub("", text)
    # OWASP's advice against CSV injection: a leading apostrophe makes it plain text.
    return f"'{text}" if text.startswith(_FORMULA_START) else text

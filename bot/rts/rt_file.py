"""Reading the official RT list (CSV or XLSX from the Pemkot) into rows as written.

Owns the file side of the import: delimiter and encoding sniffing, finding the header
among the first rows, and loose header names ("No. RT", "Kode Kelurahan", "HP"). Line
numbers are the file's own (the header is line 1 when it is the first line). Validation
and the upsert live in `bot.rt_import`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.core.markup import strip_marks

# Field -> header names it may have in the file (compared after _header_key).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "kecamatan": ("kecamatan", "kode_kecamatan", "kec", "nama_kecamatan"),
    "kelurahan": ("kelurahan", "kode_kelurahan", "desa", "kel", "nama_kelurahan"),
    "rt": ("rt", "no_rt", "nomor_rt", "nomer_rt"),
    "chair_name": ("nama_ketua", "ketua", "nama", "nama_ketua_rt", "ketua_rt"),
    "phone": ("hp", "no_hp", "nomor_hp", "telepon", "no_telepon", "telp", "no_telp",
              "phone", "wa", "no_wa", "whatsapp"),
    "budget": ("anggaran", "budget", "pagu", "pagu_anggaran"),
}  # fmt: skip
REQUIRED_FIELDS = ("kelurahan", "rt", "chair_name")
CSV_DELIMITERS = (",", ";", "\t")
HEADER_SEARCH_ROWS = 10  # a title row or two may sit above the header


class RtFileError(ValueError):
    """The file as a whole cannot be read (type, encoding, header); Indonesian message."""


@dataclass(frozen=True)
class RtRow:
    """One data row as written in the file. `phone` / `budget` are None when the file has
    no such column (the stored value is then kept), "" when the cell is empty."""

    line: int
    kecamatan: str
    kelurahan: str
    rt: str
    chair_name: str
    phone: str | None = None
    budget: str | None = None


def _header_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.strip().lower()).strip("_")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores RT 1 as 1.0 and phones as numbers
    # Without the user-value marks of bot/core/markup.py (a name must not unmark text).
    return strip_marks(str(value)).strip()


def _columns(header: Sequence[str]) -> dict[str, list[int]]:
    keys = [_header_key(h) for h in header]
    found: dict[str, list[int]] = {}
    for name, aliases in HEADER_ALIASES.items():
        # Alias order is preference order: "kode_kelurahan" and "kelurahan" may both exist.
        columns = [keys.index(alias) for alias in aliases if alias in keys]
        if columns:
            found[name] = columns
    return found


def _rows(table: Iterable[tuple[int, list[str]]]) -> list[RtRow]:
    """Find the header among the first rows, then turn every non-empty row into an RtRow."""
    rows = iter(table)
    columns: dict[str, list[int]] = {}
    best: dict[str, list[int]] = {}  # the row most like a header, to name what is missing
    for line, cells in rows:
        columns = _columns(cells)
        if len(columns) > len(best):
            best = columns
        if all(name in columns for name in REQUIRED_FIELDS) or line >= HEADER_SEARCH_ROWS:
            break
    if not all(name in columns for name in REQUIRED_FIELDS):
        missing = [HEADER_ALIASES[name][0] for name in REQUIRED_FIELDS if name not in best]
        raise RtFileError(f"Kolom wajib tidak ditemukan: {', '.join(missing)}.")

    def value(cells: list[str], name: str) -> str | None:
        if name not in columns:
            return None
        for index in columns[name]:
            if index < len(cells) and cells[index]:
                return cells[index]
        return ""

    result = []
    for line, cells in rows:
        if not any(cells):
            continue
        result.append(
            RtRow(
                line=line,
                kecamatan=value(cells, "kecamatan") or "",
                kelurahan=value(cells, "kelurahan") or "",
                rt=value(cells, "rt") or "",
                chair_name=value(cells, "chair_name") or "",
                phone=value(cells, "phone"),
                budget=value(cells, "budget"),
            )
        )
    return result


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves CSV in the ANSI code page, not UTF-8.
        return data.decode("cp1252", errors="replace")


def _csv_table(text: str, delimiter: str) -> Iterable[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    for record in reader:
        yield line, [strip_marks(cell).strip() for cell in record]
        line = reader.line_num + 1  # a quoted cell may span several lines


def _csv_rows(data: bytes) -> list[RtRow]:
    # csv.Sniffer gives up on blank lines and title rows; instead try each delimiter,
    # most frequent in the first line first, until one yields a recognisable header.
    text = _decode(data)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiters = sorted(CSV_DELIMITERS, key=first_line.count, reverse=True)
    first_error: RtFileError | None = None
    for delimiter in delimiters:
        try:
            return _rows(_csv_table(text, delimiter))
        except RtFileError as error:
            first_error = first_error or error
    assert first_error is not None
    raise first_error


def _xlsx_table(data: bytes) -> Iterable[tuple[int, list[str]]]:
    from openpyxl import load_workbook  # only the admin's import needs it

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a broken file
        raise RtFileError("Berkas XLSX tidak dapat dibaca.") from error
    try:
        sheet = workbook.worksheets[0]
        for line, row in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
            yield line, [_cell(value) for value in row]
    finally:
        workbook.close()


def read_rt_rows(file_name: str, data: bytes) -> list[RtRow]:
    """Read the rows of a CSV or XLSX RT list; raises RtFileError for an unreadable file."""
    suffix = file_name.lower().rsplit(".", 1)[-1] if "." in file_name else ""
    if suffix in ("xlsx", "xlsm") or data[:4] == b"PK\x03\x04":
        return _rows(_xlsx_table(data))
    if suffix in ("csv", "txt", "tsv", ""):
        return _csv_rows(data)
    raise RtFileError("Format berkas tidak dikenal: simpan sebagai XLSX atau CSV.")

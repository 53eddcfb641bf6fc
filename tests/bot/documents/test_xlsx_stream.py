"""The streaming XLSX writer read back by openpyxl: typed cells with their number formats,
Excel's date serials (the 1900 leap-year quirk included), text that needs escaping or
cannot be held in XML, empty cells, the sheets' header, panes, filters and widths, and
temporary files that never show up in the temporary directory."""

from __future__ import annotations

import io
import tempfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils.datetime import to_excel

from bot.documents.xlsx_stream import StreamedWorkbook, excel_day, excel_serial


def saved(book: StreamedWorkbook) -> bytes:
    target = io.BytesIO()
    book.save(target)
    return target.getvalue()


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 3, 2, 9, 0),
        datetime(2026, 3, 2, 9, 0, 30, 250_000),
        datetime(1900, 2, 28, 23, 59),  # before Excel's made-up 29 February 1900
        datetime(1900, 3, 1),
        datetime(1950, 1, 1),
    ],
)
def test_serials_are_openpyxls(moment: datetime) -> None:
    assert excel_serial(moment) == to_excel(moment)
    assert excel_day(moment.date()) == to_excel(moment.date())


def test_cells_read_back_with_their_types_and_formats() -> None:
    book = StreamedWorkbook()
    sheet = book.add_sheet(
        "Data",
        ("Teks", "Tanggal", "Waktu", "Uang", "Angka"),
        (20, 11, 17, 12, 8),
        {1: "dd/mm/yyyy", 2: "dd/mm/yyyy hh:mm", 3: "#,##0"},
    )
    sheet.append(
        [
            ("=SUM(A1)", date(1990, 6, 5), datetime(2026, 3, 2, 9, 0), 150_000, 2.5),
            ("", None, None, None, None),
        ]
    )
    read = load_workbook(io.BytesIO(saved(book)))["Data"]
    assert [c.value for c in read[1]] == ["Teks", "Tanggal", "Waktu", "Uang", "Angka"]
    assert all(c.font.b for c in read[1])
    text, day, moment, money, number = read[2]
    assert text.data_type == "s" and text.value == "=SUM(A1)"  # text, never a formula
    assert day.is_date and day.value == datetime(1990, 6, 5)
    assert day.number_format == "dd/mm/yyyy"
    assert moment.value == datetime(2026, 3, 2, 9, 0)
    assert moment.number_format == "dd/mm/yyyy hh:mm"
    assert money.value == 150_000 and money.number_format == "#,##0"
    assert number.value == 2.5 and number.number_format == "General"
    assert [c.value for c in read[3]] == [None] * 5
    assert read.freeze_panes == "A2" and read.auto_filter.ref == "A1:E3"
    assert read.column_dimensions["A"].width == 20


def test_text_is_escaped_and_kept_as_typed() -> None:
    book = StreamedWorkbook()
    sheet = book.add_sheet("Teks", ("Nama",), (20,), {})
    typed = ["Siti <&> Aminah", "  spasi  ", "baris\r\nbaru", "tab\tok", "bel\x07\ufffe"]
    sheet.append((text,) for text in typed)
    read = load_workbook(io.BytesIO(saved(book)))["Teks"]
    assert [row[0].value for row in read.iter_rows(min_row=2)] == [
        "Siti <&> Aminah",
        "  spasi  ",
        "baris\r\nbaru",
        "tab\tok",
        "bel",  # characters XML cannot hold are dropped
    ]


def test_sheets_keep_their_order_and_names() -> None:
    book = StreamedWorkbook()
    first = book.add_sheet("Peserta", ("A",), (5,), {0: "dd/mm/yyyy"})
    second = book.add_sheet("Pendaftaran BPJS", ("B", "C"), (5, 5), {1: "dd/mm/yyyy"})
    second.append([("x", date(2026, 1, 1))])
    first.append([(date(2026, 1, 2),)])
    read = load_workbook(io.BytesIO(saved(book)))
    assert read.sheetnames == ["Peserta", "Pendaftaran BPJS"]
    assert read["Pendaftaran BPJS"]["B2"].value == datetime(2026, 1, 1)
    assert read["Peserta"]["A2"].value == datetime(2026, 1, 2)
    assert read["Pendaftaran BPJS"].auto_filter.ref == "A1:B2"


def test_a_value_without_a_cell_type_is_refused() -> None:
    book = StreamedWorkbook()
    sheet = book.add_sheet("X", ("A",), (5,), {})
    with pytest.raises(TypeError, match="bool"):
        sheet.append([(True,)])
    with pytest.raises(ValueError):
        sheet.append([("too", "many")])
    book.discard()


def test_temporary_files_have_no_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sheets' files (full NIKs in an export) are never seen in the directory, while
    written or after a failure."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    book = StreamedWorkbook()
    sheet = book.add_sheet("Peserta", ("NIK",), (19,), {})
    sheet.append([("1571014506900001",)])
    assert list(tmp_path.iterdir()) == []
    book.discard()
    assert list(tmp_path.iterdir()) == []


def test_column_letters_are_the_spreadsheets() -> None:
    from openpyxl.utils import get_column_letter

    from bot.documents.xlsx_stream import column_letter

    assert [column_letter(n) for n in (1, 26, 27, 52, 53, 702, 703)] == [
        get_column_letter(n) for n in (1, 26, 27, 52, 53, 702, 703)
    ]

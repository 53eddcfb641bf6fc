"""A streaming XLSX writer for large tables of plain values: what the BPJS export
(`bot.documents.export`) writes its 100,000-row sheets with.

Owns the SpreadsheetML of such a workbook: sheets whose first row is a bold, frozen,
filterable header, with fixed column widths and one number format per column (dates,
moments, money); cells are text, integers, floats, dates or naive datetimes. The cells
read back as openpyxl's write-only mode wrote them before (inline strings, date serials
of the 1900 system, the same styles), so what the file holds did not change: only how
fast it is written.

Why not openpyxl: its write-only mode builds an lxml element per cell and checks every
value on the way, about 9 µs a cell; the 3 million cells of a 100,000-row export took 27 s
of CPU (issue 14). Here a row is a few f-strings.

Each sheet streams to its own anonymous temporary file (`tempfile.TemporaryFile`: on
Linux it never has a name, so an export's full NIKs cannot be left behind on disk by a
crash, and closing it frees the space); `save` zips the sheets into the target.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import IO, Any, BinaryIO
from xml.sax.saxutils import quoteattr

# Excel's 1900 date system: day 1 is 1 January 1900, and 1900 is taken as a leap year,
# so serials from 1 March 1900 count from 30 December 1899 (as openpyxl's `to_excel`).
_EPOCH = datetime(1899, 12, 30)
_EPOCH_DATE = _EPOCH.date()
_FAKE_LEAP_DAY = 60
_SECONDS_PER_DAY = 86_400
# Styles (the `s` attribute): 0 plain, 1 the bold header, then one per number format.
_HEADER_STYLE = 1
_FIRST_FORMAT_STYLE = 2
# Custom number formats are numbered from 164; "#,##0" is built in (3).
_BUILT_IN_FORMATS = {"#,##0": 3}
_FIRST_CUSTOM_FORMAT = 164
# What a text cell must not hold as is: XML's markup characters, a carriage return
# (an XML parser would read it as a line feed) and characters XML 1.0 cannot hold at
# all (a pasted name may carry one), which are dropped.
_NEEDS_CARE = re.compile(r"[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# zlib's level 3, not its default 6: for the 140 MB of XML of a 100,000-row export it is
# 0.6 s instead of 1.4 s of CPU, for a file of 14.4 MB instead of 12.7 MB.
_COMPRESSION = 3
# Rows are gathered and written to the sheet's file this many at a time.
_ROWS_PER_WRITE = 1_000

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


def escape_text(text: str) -> str:
    """`text` as the content of an XML element; most text needs nothing, which one
    regular-expression search finds out."""
    if _NEEDS_CARE.search(text) is None:
        return text
    text = _NOT_XML.sub("", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\r", "&#13;")


def excel_serial(moment: datetime) -> float:
    """A naive datetime as Excel's serial number (days, the time as the fraction)."""
    days = (moment - _EPOCH).days
    if 0 < days <= _FAKE_LEAP_DAY:
        days -= 1
    seconds = moment.hour * 3600 + moment.minute * 60 + moment.second
    return days + (seconds + moment.microsecond / 10**6) / _SECONDS_PER_DAY


def excel_day(day: date) -> int:
    """A date as Excel's serial number."""
    days = (day - _EPOCH_DATE).days
    return days - 1 if 0 < days <= _FAKE_LEAP_DAY else days


def column_letter(number: int) -> str:
    """A spreadsheet column's letters: 1 → "A", 26 → "Z", 27 → "AA" (bijective base 26).
    Not openpyxl's: importing it loads numpy too, ~20 MB a serve that never exports
    would carry."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class StreamedSheet:
    """One worksheet, written row by row into its temporary file."""

    def __init__(
        self,
        title: str,
        headers: Sequence[str],
        widths: Sequence[float],
        styles: Sequence[int],
    ) -> None:
        self.title = title
        self.rows = 0  # below the header
        self._letters = [column_letter(i) for i in range(1, len(headers) + 1)]
        # ' s="2"' per column, or "" for the plain style.
        self._styles = [f' s="{style}"' if style else "" for style in styles]
        # Closed by `save_into` or `discard`, not by a `with`: it lives as long as the sheet.
        self._file: IO[bytes] | None = tempfile.TemporaryFile()  # noqa: SIM115
        columns = "".join(
            f'<col width="{width:g}" customWidth="1" min="{i}" max="{i}"/>'
            for i, width in enumerate(widths, start=1)
        )
        header = "".join(
            f'<c r="{letter}1" s="{_HEADER_STYLE}" t="inlineStr"><is><t>{escape_text(text)}</t>'
            "</is></c>"
            for letter, text in zip(self._letters, headers, strict=True)
        )
        self._file.write(
            (
                f'<worksheet xmlns="{_MAIN}"><sheetPr><outlinePr summaryBelow="1" '
                'summaryRight="1"/><pageSetUpPr/></sheetPr><sheetViews><sheetView '
                'workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
                'state="frozen"/><selection pane="bottomLeft" activeCell="A1" sqref="A1"/>'
                '</sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>'
                f'<cols>{columns}</cols><sheetData><row r="1">{header}</row>'
            ).encode()
        )

    @property
    def filter_range(self) -> str:
        """The header and every row: what the auto filter spans."""
        return f"A1:{self._letters[-1]}{self.rows + 1}"

    def append(self, rows: Iterable[Sequence[Any]]) -> None:
        """Write rows of values in column order; None and "" leave the cell empty."""
        chunk: list[str] = []
        for values in rows:
            chunk.append(self._row(values))
            if len(chunk) == _ROWS_PER_WRITE:
                self._write(chunk)
                chunk = []
        if chunk:
            self._write(chunk)

    def _write(self, chunk: list[str]) -> None:
        assert self._file is not None, "a sheet saved or discarded takes no more rows"
        self._file.write("".join(chunk).encode())

    def _row(self, values: Sequence[Any]) -> str:
        self.rows += 1
        number = self.rows + 1  # the header is row 1
        cells = [f'<row r="{number}">']
        for letter, style, value in zip(self._letters, self._styles, values, strict=True):
            if value is None:
                continue
            kind = type(value)
            if kind is str:
                if not value:  # an empty text cell, as openpyxl wrote it
                    cells.append(f'<c r="{letter}{number}"{style} t="inlineStr"></c>')
                    continue
                space = ' xml:space="preserve"' if value != value.strip() else ""
                cells.append(
                    f'<c r="{letter}{number}"{style} t="inlineStr"><is><t{space}>'
                    f"{escape_text(value)}</t></is></c>"
                )
                continue
            if kind is int:
                shown = str(value)
            elif kind is datetime:
                shown = f"{excel_serial(value):.16g}"
            elif kind is date:
                shown = str(excel_day(value))
            elif kind is float:
                shown = f"{value:.16g}"
            else:
                raise TypeError(f"no XLSX cell for a {kind.__name__} (column {letter})")
            cells.append(f'<c r="{letter}{number}"{style} t="n"><v>{shown}</v></c>')
        cells.append("</row>")
        return "".join(cells)

    def save_into(self, book: zipfile.ZipFile, name: str) -> None:
        """Close the sheet's XML and copy it into the zip; the temporary file goes."""
        assert self._file is not None, "a sheet is saved once"
        self._file.write(
            (
                f'</sheetData><autoFilter ref="{self.filter_range}"/><pageMargins left="0.75" '
                'right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>'
            ).encode()
        )
        self._file.seek(0)
        with book.open(name, "w") as entry:
            shutil.copyfileobj(self._file, entry, 1 << 20)
        self.discard()

    def discard(self) -> None:
        """Close (so remove) the temporary file now."""
        if self._file is not None:
            self._file.close()
            self._file = None


class StreamedWorkbook:
    """Sheets added in tab order, then saved once into the target stream."""

    def __init__(self) -> None:
        self._sheets: list[StreamedSheet] = []
        self._formats: dict[str, int] = {}  # number format -> style

    def add_sheet(
        self,
        title: str,
        headers: Sequence[str],
        widths: Sequence[float],
        number_formats: Mapping[int, str],
    ) -> StreamedSheet:
        """A sheet with these headers and widths; `number_formats` by column index."""
        styles = [0] * len(headers)
        for index, number_format in number_formats.items():
            styles[index] = self._formats.setdefault(
                number_format, _FIRST_FORMAT_STYLE + len(self._formats)
            )
        sheet = StreamedSheet(title, headers, widths, styles)
        self._sheets.append(sheet)
        return sheet

    def save(self, target: BinaryIO) -> None:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=_COMPRESSION) as book:
            book.writestr("[Content_Types].xml", self._content_types())
            book.writestr("_rels/.rels", _PACKAGE_RELS)
            book.writestr("xl/workbook.xml", self._workbook())
            book.writestr("xl/_rels/workbook.xml.rels", self._workbook_rels())
            book.writestr("xl/styles.xml", self._styles())
            for number, sheet in enumerate(self._sheets, start=1):
                sheet.save_into(book, f"xl/worksheets/sheet{number}.xml")

    def discard(self) -> None:
        """After a failure: every sheet's temporary file closed (so removed) at once."""
        for sheet in self._sheets:
            sheet.discard()

    def _content_types(self) -> str:
        sheets = "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_SHEET_TYPE}"/>'
            for n in range(1, len(self._sheets) + 1)
        )
        office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        return (
            f'<Types xmlns="{_CONTENT_TYPES}"><Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{office}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{office}.styles+xml"/>'
            f"{sheets}</Types>"
        )

    def _workbook(self) -> str:
        sheets = "".join(
            f'<sheet name={quoteattr(s.title)} sheetId="{n}" r:id="rId{n}"/>'
            for n, s in enumerate(self._sheets, start=1)
        )
        # Excel keeps each sheet's auto filter range as this hidden name, too.
        filters = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{n}" hidden="1">'
            f"{escape_text(_absolute_range(s.title, s.filter_range))}</definedName>"
            for n, s in enumerate(self._sheets)
        )
        return (
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}"><workbookPr/><bookViews>'
            '<workbookView activeTab="0"/></bookViews>'
            f"<sheets>{sheets}</sheets><definedNames>{filters}</definedNames>"
            '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
        )

    def _workbook_rels(self) -> str:
        kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        sheets = "".join(
            f'<Relationship Type="{kind}/worksheet" Target="worksheets/sheet{n}.xml" Id="rId{n}"/>'
            for n in range(1, len(self._sheets) + 1)
        )
        styles = len(self._sheets) + 1
        return (
            f'<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">{sheets}'
            f'<Relationship Type="{kind}/styles" Target="styles.xml" Id="rId{styles}"/>'
            "</Relationships>"
        )

    def _styles(self) -> str:
        custom: list[str] = []
        cell_formats: list[str] = []
        for number_format in self._formats:  # in style order
            format_id = _BUILT_IN_FORMATS.get(number_format)
            if format_id is None:
                format_id = _FIRST_CUSTOM_FORMAT + len(custom)
                custom.append(
                    f'<numFmt numFmtId="{format_id}" formatCode={quoteattr(number_format)}/>'
                )
            cell_formats.append(
                f'<xf numFmtId="{format_id}" fontId="0" fillId="0" borderId="0" xfId="0" '
                'applyNumberFormat="1"/>'
            )
        formats = f'<numFmts count="{len(custom)}">{"".join(custom)}</numFmts>' if custom else ""
        xfs = [
            '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
            '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
            *cell_formats,
        ]
        return (
            f'<styleSheet xmlns="{_MAIN}">{formats}<fonts count="2"><font><sz val="11"/>'
            '<name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b val="1"/>'
            '<sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'
            '</fonts><fills count="2"><fill><patternFill/></fill><fill><patternFill '
            'patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/>'
            '<top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf '
            'numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs><cellStyles count="1">'
            '<cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
        )


_PACKAGE_RELS = (
    f'<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}"><Relationship '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml" Id="rId1"/></Relationships>'
)


def _absolute_range(title: str, cells: str) -> str:
    """'Peserta'!$A$1:$Q$2: a sheet's range as a defined name holds it."""
    first, last = (re.sub(r"^([A-Z]+)(\d+)$", r"$\1$\2", part) for part in cells.split(":"))
    quoted = title.replace("'", "''")
    return f"'{quoted}'!{first}:{last}"

"""The surat tugas (assignment letter) of a confirmed activity as an A4 PDF (issue 3).

Owns the letter's Indonesian official-letter layout (its data: bot/documents/letter.py): kop surat, number
and revision, activity details with value and Jakon premium, the participants with masked
NIK, the coverage statement (DOMAIN.md §2-§4) and the Ketua RT's signature block. Pure: the
caller builds a `SuratTugas` from the database; rendering does no I/O and is deterministic
(the PDF's creation date is the letter's date), so the same letter gives the same bytes.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from datetime import date, datetime, time
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from fpdf import FPDF, FontFace
from fpdf.enums import Align, TableBordersLayout, XPos, YPos

from bot.documents.letter import SuratTugas
from bot.domain.dates import WIB, format_date
from bot.domain.money import format_rupiah

FONT = "DejaVuSans"
# DejaVu Sans (Latin with every diacritic, Greek, Cyrillic, Armenian, Georgian and more) is
# embedded so names in those scripts print; matplotlib, already a dependency, ships it
# (found without importing matplotlib, which the letter does not otherwise need).
_MATPLOTLIB = importlib.util.find_spec("matplotlib")
assert _MATPLOTLIB is not None and _MATPLOTLIB.origin is not None, "matplotlib is installed"
FONT_DIR = Path(_MATPLOTLIB.origin).parent / "mpl-data" / "fonts" / "ttf"
FONT_FILES = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
    "BI": "DejaVuSans-BoldOblique.ttf",
}
MARGIN_LEFT = 25.0  # mm; the wider left margin of Indonesian letters leaves room to file
MARGIN_RIGHT = 20.0
MARGIN_TOP = 15.0
MARGIN_BOTTOM = 18.0  # room for the footer
LINE = 5.0  # body line height, mm
BODY_SIZE = 9.5  # pt; DejaVu Sans runs wider than Helvetica
SIGNATURE_SPACE = 20.0  # mm left blank for the signature and the RT's stamp
# The closing sentence, dateline, title, signature space, name and phone: kept together.
CLOSING_HEIGHT = 6 * LINE + 3 + SIGNATURE_SPACE
PARTICIPANT_COLUMNS = (9, 55, 33, 28, 40)  # mm: No, Nama, NIK, Peran, Keterangan
DETAIL_COLUMNS = (63, 4, 98)  # mm: label, ":", value
DETAIL_INDENT = (0.6, 0, 0.6, 5)  # mm: top, right, bottom, left of an indented label
HEADING_FILL = (225, 225, 225)

# Typographic characters users (and phones' autocorrect) type, mapped to plain kin the
# letter's plain style keeps (and a font without the glyph would print as a box).
_REPLACEMENTS = str.maketrans(
    {
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\u2018": "'", "\u2019": "'", "\u201a": "'",
        "\u201b": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
        "\u201f": '"', "\u2033": '"', "\u2026": "...", "\u2022": "-", "\u2023": "-",
        "\u2043": "-", "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ",
        "\u20ac": "EUR", "\u2122": "(TM)",
    }
)  # fmt: skip
_NOT_PRINTED = frozenset(("Cc", "Cf", "Co", "Cs", "Cn"))
_SYMBOLS_NOT_PRINTED = frozenset(("So", "Sk"))
_WHITESPACE = re.compile(r"\s+")
_FULL_NIK = re.compile(r"[0-9]{16}")


@cache
def _drawable() -> frozenset[int]:
    """Code points every embedded style has a glyph for."""
    points: frozenset[int] | None = None
    for file in FONT_FILES.values():
        with TTFont(FONT_DIR / file, lazy=True) as font:
            cmap = frozenset(font.getBestCmap())
        points = cmap if points is None else points & cmap
    return points or frozenset()


def clean_text(text: str) -> str:
    """Text the embedded font can draw: typographic marks made plain, every letter the font
    has kept ("Ṣāliḥ", "Дмитрий"), a letter it lacks replaced by its base letter when that
    exists, emoji and scripts it lacks (CJK, Javanese) dropped, whitespace collapsed."""
    drawable = _drawable()
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text.translate(_REPLACEMENTS)):
        if char.isspace():
            out.append(" ")
        elif unicodedata.category(char) in _NOT_PRINTED or (
            ord(char) > 127 and unicodedata.category(char) in _SYMBOLS_NOT_PRINTED
        ):
            continue  # controls, format marks, emoji and skin-tone modifiers
        elif ord(char) in drawable:
            out.append(char)
        else:
            base = unicodedata.normalize("NFKD", char)
            out.extend(c for c in base if ord(c) in drawable and not unicodedata.combining(c))
    return _WHITESPACE.sub(" ", "".join(out)).strip()


def _masked_nik(text: str) -> str:
    """The NIK column's text; a full NIK passed by mistake is masked rather than printed."""
    nik = clean_text(text)
    digits = nik.replace(" ", "")
    return f"{digits[:4]}{'*' * 8}{digits[-4:]}" if _FULL_NIK.fullmatch(digits) else nik


def _town(city: str) -> str:
    """The place name of a dateline: "Kota Jambi" -> "Jambi"."""
    kind, _, name = clean_text(city).partition(" ")
    return name if name and kind.lower() in ("kota", "kabupaten", "kab.") else clean_text(city)


def _period(start: date, end: date) -> str:
    if start == end:
        return format_date(start)
    return f"{format_date(start)} s.d. {format_date(end)}"


class _LetterPdf(FPDF):
    """FPDF with the letter's footer on every page."""

    def __init__(self, footer_note: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.footer_note = footer_note
        for style, file in FONT_FILES.items():
            self.add_font(FONT, style, FONT_DIR / file)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=7)
        self.set_text_color(110)
        width = self.epw / 2
        self.cell(width, 4, self.footer_note, align=Align.L)
        self.cell(width, 4, f"Halaman {self.page_no()} dari {{nb}}", align=Align.R)
        self.set_text_color(0)


def _kop(pdf: FPDF, letter: SuratTugas) -> None:
    """The letterhead: government, program, RT line, and the double rule under it."""
    pdf.set_font(FONT, "B", 12)
    pdf.cell(0, 6.5, f"PEMERINTAH {clean_text(letter.city).upper()}", align=Align.C)
    pdf.ln(6.5)
    pdf.set_font(FONT, "B", 14)
    pdf.cell(0, 7.5, "PROGRAM KAMPUNG BAHAGIA", align=Align.C)
    pdf.ln(7.5)
    pdf.set_font(FONT, "B", BODY_SIZE)
    rt_line = (
        f"RT {letter.rt_number:02d} KELURAHAN {clean_text(letter.kelurahan).upper()} "
        f"KECAMATAN {clean_text(letter.kecamatan).upper()}"
    )
    pdf.multi_cell(0, 5.5, rt_line, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    y = pdf.get_y() + 2
    pdf.set_line_width(0.8)
    pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.set_line_width(0.2)
    pdf.line(pdf.l_margin, y + 1.2, pdf.w - pdf.r_margin, y + 1.2)
    pdf.set_y(y + 7)


def _title(pdf: FPDF, letter: SuratTugas) -> None:
    pdf.set_font(FONT, "BU", 12)
    pdf.cell(0, 7, "SURAT TUGAS", align=Align.C)
    pdf.ln(7)
    pdf.set_font(FONT, "", BODY_SIZE)
    pdf.multi_cell(
        0, LINE, f"Nomor: {clean_text(letter.number)}", align=Align.C,
        new_x=XPos.LMARGIN, new_y=YPos.NEXT,
    )  # fmt: skip
    if letter.revision > 0:
        pdf.set_font(FONT, "I", 9)
        revision = f"Revisi ke-{letter.revision}, tanggal {format_date(letter.issued_on)}"
        pdf.cell(0, LINE, revision, align=Align.C)
        pdf.ln(LINE)
    pdf.ln(4)


def _paragraph(pdf: FPDF, text: str, after: float = 3) -> None:
    pdf.set_font(FONT, "", BODY_SIZE)
    pdf.multi_cell(0, LINE, text, align=Align.J, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(after)


def _details(pdf: FPDF, letter: SuratTugas) -> None:
    ppn = "termasuk PPN" if letter.value_includes_ppn else "belum termasuk PPN"
    rows = [
        ("Nomor kegiatan", clean_text(letter.activity_number)),
        ("Nama kegiatan", clean_text(letter.activity_title)),
        ("Jenis kegiatan", clean_text(letter.activity_kind)),
        ("Lokasi", clean_text(letter.place)),
        ("Waktu pelaksanaan", _period(letter.start, letter.end)),
        ("Nilai kegiatan", f"{format_rupiah(letter.value)} ({ppn})"),
    ]
    premiums = [
        ("JKK (Jaminan Kecelakaan Kerja)", format_rupiah(letter.premium_jkk)),
        ("JKM (Jaminan Kematian)", format_rupiah(letter.premium_jkm)),
        ("Total premi", format_rupiah(letter.premium_total)),
    ]
    pdf.set_font(FONT, "", BODY_SIZE)
    with pdf.table(
        col_widths=DETAIL_COLUMNS, width=sum(DETAIL_COLUMNS), align=Align.L,
        borders_layout=TableBordersLayout.NONE, first_row_as_headings=False,
        text_align=(Align.L, Align.C, Align.L), line_height=LINE, padding=(0.6, 0),
        v_align="TOP",
    ) as table:  # fmt: skip
        for label, value in rows:
            row = table.row()
            row.cell(label)
            row.cell(":")
            row.cell(value or "-")
        table.row().cell("Premi BPJS Ketenagakerjaan Jasa Konstruksi (Jakon):", colspan=3)
        for label, value in premiums:
            row = table.row()
            row.cell(label, padding=DETAIL_INDENT)
            row.cell(":")
            row.cell(value)
    pdf.ln(3)


def _participants(pdf: FPDF, letter: SuratTugas) -> None:
    count = len(letter.participants)
    pdf.set_font(FONT, "B", BODY_SIZE)
    pdf.cell(0, LINE, f"Daftar nama yang ditugaskan ({count} orang):")
    pdf.ln(LINE + 1.5)
    pdf.set_font(FONT, "", 8.5)
    with pdf.table(
        col_widths=PARTICIPANT_COLUMNS, width=sum(PARTICIPANT_COLUMNS), align=Align.L,
        text_align=(Align.C, Align.L, Align.L, Align.L, Align.L), line_height=4.6,
        headings_style=FontFace(emphasis="BOLD", fill_color=HEADING_FILL),
        padding=(1, 1.5), v_align="TOP", repeat_headings=1,
    ) as table:  # fmt: skip
        heading = table.row()
        for label in ("No", "Nama", "NIK", "Peran", "Keterangan"):
            heading.cell(label, align=Align.C)
        for index, person in enumerate(letter.participants, start=1):
            row = table.row()
            row.cell(str(index))
            row.cell(clean_text(person.name) or "-")
            row.cell(_masked_nik(person.masked_nik))
            row.cell(clean_text(person.role))
            row.cell(clean_text(person.covered_from) or "-")  # "-" = the whole period
    pdf.ln(5)


def _coverage_statement(letter: SuratTugas) -> str:
    text = (
        "Nama-nama yang tercantum di atas dilindungi program BPJS Ketenagakerjaan, yaitu "
        "Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM), selama masa "
        f"pelaksanaan kegiatan ({_period(letter.start, letter.end)}) melalui skema jasa "
        "konstruksi (Jakon). Premi dibayar sepenuhnya oleh pemberi kerja; peserta tidak "
        "dipungut biaya."
    )
    if any(person.covered_from for person in letter.participants):
        # Coverage never starts before the registration was confirmed (DOMAIN.md §2).
        text += (
            " Perlindungan tidak berlaku sebelum pendaftaran dikonfirmasi: peserta dengan "
            "waktu pada kolom Keterangan dilindungi sejak waktu tersebut."
        )
    return text + (
        " Setiap kecelakaan kerja wajib segera dilaporkan kepada Ketua RT agar dilaporkan ke "
        "BPJS Ketenagakerjaan dan Dinas Tenaga Kerja paling lambat 2\u00d724 jam sejak kejadian."
    )


def _signature(pdf: FPDF, letter: SuratTugas) -> None:
    x = pdf.l_margin + pdf.epw * 0.55
    width = pdf.epw * 0.45
    pdf.set_font(FONT, "", BODY_SIZE)
    for text in (f"{_town(letter.city)}, {format_date(letter.issued_on)}",
                 f"Ketua RT {letter.rt_number:02d}"):  # fmt: skip
        pdf.set_x(x)
        pdf.multi_cell(width, LINE, text, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(SIGNATURE_SPACE)
    pdf.set_x(x)
    pdf.set_font(FONT, "BU", BODY_SIZE)
    name = clean_text(letter.chair_name) or "...................................."
    pdf.multi_cell(width, LINE, name, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    phone = clean_text(letter.chair_phone)
    if phone:
        pdf.set_x(x)
        pdf.set_font(FONT, "", 8.5)
        pdf.multi_cell(width, LINE, f"HP {phone}", align=Align.C)


def render_surat_tugas(letter: SuratTugas) -> bytes:
    """The letter as PDF bytes (A4 portrait)."""
    pdf = _LetterPdf(clean_text(f"Dibuat oleh layanan Kampung Bahagia - {letter.number}"))
    pdf.set_creation_date(datetime.combine(letter.issued_on, time(0, 0), tzinfo=WIB))
    pdf.set_title(clean_text(f"Surat Tugas {letter.number}"))
    pdf.set_author(clean_text(f"Ketua RT {letter.rt_number:02d} {letter.kelurahan}"))
    pdf.set_lang("id")
    pdf.set_margins(MARGIN_LEFT, MARGIN_TOP, MARGIN_RIGHT)
    pdf.set_auto_page_break(auto=True, margin=MARGIN_BOTTOM)
    pdf.alias_nb_pages()
    pdf.add_page()
    _kop(pdf, letter)
    _title(pdf, letter)
    chair = f"{clean_text(letter.chair_name)}, " if clean_text(letter.chair_name) else ""
    _paragraph(
        pdf,
        f"Yang bertanda tangan di bawah ini, {chair}Ketua RT {letter.rt_number:02d} "
        f"Kelurahan {clean_text(letter.kelurahan)} Kecamatan {clean_text(letter.kecamatan)}, "
        f"{clean_text(letter.city)}, menugaskan nama-nama berikut untuk melaksanakan "
        "kegiatan Program Kampung Bahagia:",
    )
    _details(pdf, letter)
    _participants(pdf, letter)
    _paragraph(pdf, _coverage_statement(letter))
    if pdf.will_page_break(CLOSING_HEIGHT):
        pdf.add_page()  # a signature alone on a page, or split from its date, looks forged
    _paragraph(pdf, "Demikian surat tugas ini dibuat untuk dipergunakan sebagaimana mestinya.")
    _signature(pdf, letter)
    return bytes(pdf.output())

"""The surat tugas as data: what a confirmed activity's assignment letter says, and its
file name. Kept apart from its PDF (bot/documents/surat_tugas.py), whose libraries (fpdf2
and its fonts, ~30 MB) are loaded only when a letter is drawn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_UNSAFE_FILE_CHARS = re.compile(r"[^A-Za-z0-9-]+")


@dataclass(frozen=True)
class LetterParticipant:
    name: str
    masked_nik: str  # "1571********0001", never a full NIK
    role: str  # a human label: "Ketua RT", "PHL", "Petugas syara'", "Warga"
    covered_from: str = ""  # e.g. "sejak 3 Maret 2026 09.30 WIB"; "" = the whole period


@dataclass(frozen=True)
class SuratTugas:
    number: str
    revision: int  # 0 = original; >0 printed as "Revisi ke-N" with issued_on as its date
    issued_on: date
    city: str
    kecamatan: str
    kelurahan: str
    rt_number: int
    chair_name: str
    chair_phone: str
    activity_number: str
    activity_title: str
    activity_kind: str
    place: str
    start: date
    end: date
    value: int
    value_includes_ppn: bool
    premium_jkk: int
    premium_jkm: int
    premium_total: int
    participants: tuple[LetterParticipant, ...]


def file_name(letter: SuratTugas) -> str:
    """A safe ASCII file name: "surat_tugas_KB-2026-00012_r0.pdf"."""
    stem = _UNSAFE_FILE_CHARS.sub("-", letter.activity_number).strip("-") or "kegiatan"
    return f"surat_tugas_{stem}_r{letter.revision}.pdf"

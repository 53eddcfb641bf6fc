"""Places: the kecamatan and kelurahan of Kota Jambi and loose matching of typed names.

Owns the packaged Kemendagri list (DOMAIN.md §6) and the rules for finding a place from an
official code or from a name spelled the way news and residents spell it ("Rawasari" for
"Rawa Sari", "Simpang 4 Sipin", "Tj. Pinang", "Sei Putri", "Pal Merah", "Kel. Thehok").
A name that only comes close to an official one is never taken silently: `suggest_*` give
the candidates for a "Maksud Anda ...?" question. Region codes are data, so another city
means another CSV.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from importlib import resources
from typing import TypeVar

WILAYAH_RESOURCE = "kota_jambi_wilayah.csv"
T = TypeVar("T")

_PREFIX = re.compile(r"^\s*(?:kelurahan|kecamatan|kel|kec|desa)\b\.?\s*")
# Abbreviations residents write for words of place names (Tj. Pinang, Sei Putri, Sp. IV).
_ABBREVIATIONS = {
    "tj": "tanjung",
    "tg": "tanjung",
    "tanjong": "tanjung",
    "sei": "sungai",
    "sg": "sungai",
    "sungei": "sungai",
    "sp": "simpang",
    "spg": "simpang",
    "smp": "simpang",
}
# "Paal Merah" is also written "Pal Merah"/"Palmerah": a doubled vowel is not telling.
# Not "i", which would merge the Roman numerals of Simpang III Sipin and a Simpang I.
_DOUBLED = re.compile(r"([aeou])\1+")
# How close a typed key must be to an official one to be offered as "Maksud Anda ...?";
# below it the bot says it does not know the place rather than propose something odd.
SUGGEST_CUTOFF = 0.75
MAX_SUGGESTIONS = 3
SUGGEST_MARGIN = 0.08
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_CODE_SEPARATORS = re.compile(r"[\s.]+")
# Numbers in names are written as Roman numerals officially (Simpang IV Sipin).
_ROMAN = {
    str(n): r
    for n, r in enumerate(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"], start=1)
}


@dataclass(frozen=True)
class Kecamatan:
    code: str  # "15.71.01"
    name: str


@dataclass(frozen=True)
class Kelurahan:
    code: str  # "15.71.01.1001"
    name: str
    kecamatan_code: str


def load_wilayah() -> tuple[tuple[Kecamatan, ...], tuple[Kelurahan, ...]]:
    """Read the packaged region list (kecamatan in file order, without repeats)."""
    text = resources.files("bot.domain").joinpath("data", WILAYAH_RESOURCE).read_text("utf-8")
    kecamatan: dict[str, Kecamatan] = {}
    kelurahan: list[Kelurahan] = []
    for row in csv.DictReader(io.StringIO(text)):
        kec_code = row["kode_kecamatan"].strip()
        kecamatan.setdefault(kec_code, Kecamatan(kec_code, row["kecamatan"].strip()))
        kelurahan.append(
            Kelurahan(row["kode_kelurahan"].strip(), row["kelurahan"].strip(), kec_code)
        )
    return tuple(kecamatan.values()), tuple(kelurahan)


def name_key(name: str) -> str:
    """Loose-match key: case, spacing, punctuation, diacritics and admin prefixes ignored."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    plain = _PREFIX.sub("", plain)
    words = _NON_ALNUM.sub(" ", plain).split()
    words = [_ABBREVIATIONS.get(word, word) for word in words]
    return _DOUBLED.sub(r"\1", "".join(_ROMAN.get(word, word) for word in words))


def _closest(key: str, keyed: dict[str, list[T]]) -> list[T]:
    if not key:
        return []
    scored = sorted(
        ((SequenceMatcher(None, key, other).ratio(), other) for other in keyed),
        key=lambda pair: -pair[0],
    )
    found: list[T] = []
    best = scored[0][0] if scored else 0.0
    for score, other in scored[:MAX_SUGGESTIONS]:
        # Clearly worse candidates than the best only make the question harder to answer.
        if score >= SUGGEST_CUTOFF and score >= best - SUGGEST_MARGIN:
            found.extend(keyed[other])
    return found[:MAX_SUGGESTIONS]


def code_key(text: str) -> str | None:
    """An official code in dotted form, from "15.71.01.1001" or "1571011001"; else None."""
    digits = _CODE_SEPARATORS.sub("", text)
    if not digits.isascii() or not digits.isdigit():
        return None
    if len(digits) == 6:
        return f"{digits[:2]}.{digits[2:4]}.{digits[4:]}"
    if len(digits) == 10:
        return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}.{digits[6:]}"
    return None


class RegionIndex:
    """Look-ups over one city's kecamatan and kelurahan by code or loose name."""

    def __init__(self, kecamatan: Iterable[Kecamatan], kelurahan: Iterable[Kelurahan]) -> None:
        self.kecamatan: tuple[Kecamatan, ...] = tuple(kecamatan)
        self.kelurahan: tuple[Kelurahan, ...] = tuple(kelurahan)
        self._kec_by_code = {k.code: k for k in self.kecamatan}
        self._kel_by_code = {k.code: k for k in self.kelurahan}
        self._kec_by_key: dict[str, list[Kecamatan]] = {}
        for kec in self.kecamatan:
            self._kec_by_key.setdefault(name_key(kec.name), []).append(kec)
        self._kel_by_key: dict[str, list[Kelurahan]] = {}
        for kel in self.kelurahan:
            self._kel_by_key.setdefault(name_key(kel.name), []).append(kel)

    @classmethod
    def load(cls) -> RegionIndex:
        """An index over the packaged Kota Jambi list."""
        return cls(*load_wilayah())

    def kelurahan_of(self, kecamatan_code: str) -> tuple[Kelurahan, ...]:
        code = code_key(kecamatan_code)
        return tuple(k for k in self.kelurahan if k.kecamatan_code == code)

    def find_kecamatan(self, text: str) -> Kecamatan | None:
        """A kecamatan by code or name; None when unknown or ambiguous."""
        code = code_key(text)
        if code is not None:
            return self._kec_by_code.get(code)
        found = self._kec_by_key.get(name_key(text), [])
        return found[0] if len(found) == 1 else None

    def find_kelurahan(self, text: str, kecamatan_code: str | None = None) -> Kelurahan | None:
        """A kelurahan by code or name, optionally within one kecamatan.

        A name shared by kelurahan in two kecamatan gives None unless `kecamatan_code`
        narrows it down: we never guess where someone lives.
        """
        within = code_key(kecamatan_code) if kecamatan_code is not None else None
        if kecamatan_code is not None and within is None:
            return None
        code = code_key(text)
        if code is not None:
            found = [self._kel_by_code[code]] if code in self._kel_by_code else []
        else:
            found = self._kel_by_key.get(name_key(text), [])
        if within is not None:
            found = [k for k in found if k.kecamatan_code == within]
        return found[0] if len(found) == 1 else None

    def suggest_kecamatan(self, text: str) -> list[Kecamatan]:
        """Kecamatan whose name comes close to `text` (none for an exact or unknown name):
        candidates to ask about, never to take without the user's say."""
        if code_key(text) is not None or self.find_kecamatan(text) is not None:
            return []
        return _closest(name_key(text), self._kec_by_key)

    def suggest_kelurahan(self, text: str, kecamatan_code: str | None = None) -> list[Kelurahan]:
        """Kelurahan whose name comes close to `text`, best first, optionally within one
        kecamatan; empty when the name matches exactly or nothing is close."""
        if code_key(text) is not None or self.find_kelurahan(text, kecamatan_code) is not None:
            return []
        key = name_key(text)
        found = _closest(key, self._kel_by_key)
        exact = self._kel_by_key.get(key, [])
        # A name shared by two kecamatan is "close" to both: offer each, the user picks.
        found = [*exact, *(k for k in found if k not in exact)]
        if kecamatan_code is not None:
            within = code_key(kecamatan_code)
            found = [k for k in found if k.kecamatan_code == within]
        return found[:MAX_SUGGESTIONS]

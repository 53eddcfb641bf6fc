"""Indonesian NIK (Nomor Induk Kependudukan): validation, decoding and masking.

Layout `PP KK CC DD MM YY SSSS` (DOMAIN.md §5). A NIK is not a secret and proves nothing,
but it is personal data: error messages here never echo the number back.

The two-digit year has no century. A reading counts only if it gives an age within
0..PLAUSIBLE_AGE_MAX today; when both 20YY and 19YY do (YY=20 in 2026: 6 or 106), the NIK
keeps both and the chat asks which one, never guessing.

Masking (`mask_nik`, "1571********0001"): the first four digits (province and city of
first registration) and the last four (the serial) are shown, the eight between hidden.
The four and four let a Ketua RT, an official or the person tell two people apart and
match a row against a KTP, without the number being usable on its own. The hidden eight
are the kecamatan (2 digits) and the birth digits DDMMYY, which the birth date and sex
give back entirely (women's day + 40). So a masked NIK shown together with the birth date
or the sex leaves only the kecamatan to guess: about a dozen candidates in a city. The
rule, held in chat and in every file but the full-NIK BPJS export: a message (or file)
that shows a masked NIK shows neither the birth date nor the sex, and one that shows
them (Data saya, the check of a typed NIK, an official's correction view) shows no NIK,
not even masked. Age in whole years may stand beside a masked NIK (the chair must see
that a participant is a minor): it leaves the day, month and kecamatan open. `mask_niks`
applies the same mask to NIKs inside log lines; `hide_niks` hides them entirely in free
text a user types (which may state a birth date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

REASON_LENGTH = "length"
REASON_NON_DIGIT = "non_digit"
REASON_PROVINCE = "province"
REASON_DATE = "date"
REASON_SERIAL = "serial"

# Kemendagri province codes; 93-96 are the Papua provinces created in 2022 (Selatan,
# Tengah, Pegunungan, Barat Daya). Any province is accepted: people move, the NIK stays.
PROVINCE_CODES: frozenset[str] = frozenset((
    "11", "12", "13", "14", "15", "16", "17", "18", "19", "21",
    "31", "32", "33", "34", "35", "36", "51", "52", "53",
    "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76",
    "81", "82", "91", "92", "93", "94", "95", "96",
))  # fmt: skip

NIK_LENGTH = 16
# Women's birth day is stored plus 40.
FEMALE_DAY_OFFSET = 40

# The oldest age we believe a NIK reading gives (the oldest Indonesians are around 110).
PLAUSIBLE_AGE_MAX = 110

# Separators people type when copying a NIK from a KTP or a form.
_TYPED_SEPARATORS = re.compile(r"[\s.\-]+")
_DIGITS = re.compile(r"[0-9]+")
# A NIK inside free text: sixteen digits, possibly grouped with single spaces, dots,
# dashes or slashes as on a KTP or a form, and not part of a longer number.
_NIK_LIKE = re.compile(r"(?<![0-9])[0-9](?:[ .\-/]?[0-9]){15}(?![0-9])")


class NikError(ValueError):
    """An invalid NIK; `reason` is one of the REASON_* constants, for the chat layer."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Nik:
    """A decoded, valid NIK; the region codes are the two-digit segments of the number."""

    value: str
    province_code: str
    city_code: str
    kecamatan_code: str
    birth_date: date
    sex: str  # "L" or "P"; only a soft hint (DOMAIN.md §5)
    serial: str
    # The 19YY reading when it is as plausible as `birth_date` (the 20YY one); else None.
    other_birth_date: date | None = None

    @property
    def century_ambiguous(self) -> bool:
        """Both centuries give a plausible age: ask which year of birth is right."""
        return self.other_birth_date is not None

    @property
    def region_code(self) -> str:
        """Kemendagri code of the kecamatan of first registration, e.g. "15.71.01"."""
        return f"{self.province_code}.{self.city_code}.{self.kecamatan_code}"

    def age_on(self, day: date) -> int:
        """Completed years of age on `day`."""
        return age_between(self.birth_date, day)

    def masked(self) -> str:
        return mask_nik(self.value)


def _clean(text: str) -> str:
    digits = _TYPED_SEPARATORS.sub("", text)
    if not _DIGITS.fullmatch(digits):
        # Empty input counts as a length problem: there is nothing wrong with the characters.
        if not digits:
            raise NikError(REASON_LENGTH, "NIK is empty")
        raise NikError(REASON_NON_DIGIT, "NIK contains characters other than digits")
    if len(digits) != NIK_LENGTH:
        raise NikError(REASON_LENGTH, f"NIK has {len(digits)} digits, expected {NIK_LENGTH}")
    return digits


def age_between(birth: date, day: date) -> int:
    """Completed years from `birth` to `day`."""
    had_birthday = (day.month, day.day) >= (birth.month, birth.day)
    return day.year - birth.year - (0 if had_birthday else 1)


def plausible_birth_dates(day: int, month: int, year_2d: int, today: date) -> list[date]:
    """Every reading of the birth digits, youngest first, that is a real date and gives an
    age of 0..PLAUSIBLE_AGE_MAX today."""
    found = []
    for century in (2000, 1900):
        try:
            candidate = date(century + year_2d, month, day)
        except ValueError:
            continue
        if candidate <= today and age_between(candidate, today) <= PLAUSIBLE_AGE_MAX:
            found.append(candidate)
    return found


def _birth_dates(day: int, month: int, year_2d: int, today: date) -> tuple[date, date | None]:
    found = plausible_birth_dates(day, month, year_2d, today)
    if not found:
        raise NikError(REASON_DATE, "NIK birth-date digits give no real, plausible birth date")
    return found[0], (found[1] if len(found) > 1 else None)


def parse_nik(text: str, today: date) -> Nik:
    """Validate and decode a NIK as typed, tolerating spaces, dots and dashes."""
    digits = _clean(text)
    province = digits[0:2]
    if province not in PROVINCE_CODES:
        raise NikError(REASON_PROVINCE, "NIK starts with an unknown province code")
    raw_day = int(digits[6:8])
    sex = "P" if raw_day > FEMALE_DAY_OFFSET else "L"
    day = raw_day - FEMALE_DAY_OFFSET if sex == "P" else raw_day
    birth, other = _birth_dates(day, int(digits[8:10]), int(digits[10:12]), today)
    serial = digits[12:16]
    if serial == "0000":
        raise NikError(REASON_SERIAL, "NIK serial number is 0000")
    return Nik(
        value=digits,
        province_code=province,
        city_code=digits[2:4],
        kecamatan_code=digits[4:6],
        birth_date=birth,
        sex=sex,
        serial=serial,
        other_birth_date=other,
    )


def mask_nik(value: str) -> str:
    """Show only the first and last four digits: "1571********0001" (see the masking
    rule in the module docstring)."""
    if not _DIGITS.fullmatch(value):
        raise NikError(REASON_NON_DIGIT, "mask_nik expects digits only")
    if len(value) != NIK_LENGTH:
        raise NikError(REASON_LENGTH, "mask_nik expects a 16-digit NIK")
    return value[:4] + "*" * 8 + value[-4:]


def mask_niks(text: str) -> str:
    """`text` with every NIK-like number in it masked ("1571********0001"): for log
    lines and tracebacks."""
    return _NIK_LIKE.sub(lambda match: mask_nik(re.sub(r"[^0-9]", "", match[0])), text)


HIDDEN_NIK = "[NIK]"


def hide_niks(text: str) -> str:
    """`text` with every NIK-like number replaced by "[NIK]": for free text a user types
    and the bot keeps (a correction request, an accident's place and description). Such
    text may state a birth date, beside which even a masked NIK would not hold."""
    return _NIK_LIKE.sub(HIDDEN_NIK, text)

"""Participant lists as a Ketua RT types or pastes them: roles in an activity, people's
names, and the line-by-line reading of a pasted list (`NIK; Nama; Peran; HP`).

Decisions (so the chat layer can explain them):
- Separators: `;`, `|` or tab; a line with none of those is split on commas, and a line
  with no separator at all is read as "NIK name [role] [phone]" by the shape of its words.
  An optional fifth field is the daily wage or honorarium.
- A missing role means "warga" (most participants are residents); an unknown one is never
  a guess: the line is read with `role=None` and the word as typed (`role_text`), so the
  chat can ask which role it means. A role column with digits (a NIK or phone in the wrong
  column) is an error. Role words are matched loosely (case, apostrophes, "RT 01").
- A line without digits that mentions "nik" or "nama" is a header and is skipped; blank
  lines are ignored; a leading list number ("1.", "2)") is dropped; a line that is only
  a short number ("1", "2." — a menu choice left in the message) is no participant line.
- Each NIK once: a NIK repeated in one paste is rejected on its later lines.
- Names: spaces collapsed, ALL-CAPS or all-lowercase turned into Title Case; digits,
  emoji and other symbols are refused. Two names are "clearly different" unless one is
  the other with words left out or initials ("M. Yusuf" ~ "Muhammad Yusuf") or a typo.
- Nothing here keeps or reports a NIK in clear: rejections carry only reasons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

from bot.domain.money import MoneyError, parse_rupiah
from bot.domain.nik import Nik, NikError, parse_nik
from bot.domain.phone import PhoneError, normalise_phone
from bot.domain.vocabulary import ParticipantRole

ROLES: tuple[ParticipantRole, ...] = tuple(ParticipantRole)
DEFAULT_ROLE = ParticipantRole.WARGA
ADULT_AGE = 18
# The longest name taken from a chat (the column holds 120): a KTP name is far shorter, and
# a longer text is a sentence or two fields run together.
MAX_NAME_LENGTH = 80

# Words people use for each role, already in matching form (see _role_key).
ROLE_WORDS: dict[str, frozenset[str]] = {
    ParticipantRole.KETUA_RT: frozenset(("ketua rt", "ketua", "rt", "pak rt", "bu rt", "ketua pokja")),
    ParticipantRole.PHL: frozenset((
        "phl", "phl pekerja harian lepas", "pekerja harian lepas", "pekerja harian",
        "harian lepas", "pekerja lepas", "pekerja", "buruh", "buruh harian",
        "buruh harian lepas", "tukang", "kuli", "kenek", "mandor",
    )),
    ParticipantRole.PETUGAS_SYARA: frozenset((
        "petugas syara", "petugas syarak", "pegawai syara", "pegawai syarak", "syara",
        "syarak", "imam", "bilal", "khatib", "garin", "marbot", "marbut", "muadzin",
        "muazin", "modin",
    )),
    ParticipantRole.WARGA: frozenset(("warga", "peserta", "masyarakat", "relawan", "anggota", "warga peserta")),
}  # fmt: skip

# "tukang batu", "buruh angkut": a worker's trade after one of these words is still ParticipantRole.PHL.
_WORKER_WORDS = frozenset(("tukang", "buruh", "kuli", "pekerja"))

# Rejection reasons of a pasted line (REASON_NIK carries NikError.reason as `cause`).
REASON_NIK = "nik"
REASON_DUPLICATE = "duplicate"
REASON_NAME_MISSING = "name_missing"
REASON_NAME_INVALID = "name_invalid"
REASON_ROLE = "role"
REASON_PHONE = "phone"
REASON_WAGE = "wage"

NAME_MISSING = "missing"
NAME_INVALID = "invalid"
NAME_TOO_LONG = "too_long"

_APOSTROPHES = re.compile(r"[’‘`']")
_ROLE_PUNCTUATION = re.compile(r"[_\-./()]+")
_TRAILING_NUMBER = re.compile(r"(?:\s+(?:no\s*)?\d+)+$")
_NAME_EXTRA = frozenset(" .,'-")
_LIST_NUMBER = re.compile(r"^\s*\d{1,3}\s*[.)]\s+")
_STALE_NUMBER = re.compile(r"^\d{1,3}\s*[.)]?$")
_STRONG_SEPARATORS = re.compile(r"[;|\t]")
_NIK_TOKEN = re.compile(r"^[0-9][0-9.\-]*$")
_PHONE_TOKEN = re.compile(r"^\+?[0-9][0-9\-.]{7,}$")
_HEADER_WORDS = re.compile(r"\b(?:nik|nama)\b", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]+")
_SIMILAR = 0.8
# Role words that are also common first names: without separators, "Budi Imam" is a name.
_ALSO_NAMES = frozenset(("imam", "bilal", "khatib", "modin", "garin"))


class BadName(ValueError):
    """A name the bot cannot use; `reason` is one of the NAME_* constants."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"unusable name ({reason})")
        self.reason = reason


def _role_key(text: str) -> str:
    text = _APOSTROPHES.sub("", text.casefold())
    text = " ".join(_ROLE_PUNCTUATION.sub(" ", text).split())
    return _TRAILING_NUMBER.sub("", text)


def match_role(text: str) -> str | None:
    """The role code for what was typed ("Ketua RT 01", "buruh", "Petugas syara'"), or None."""
    key = _role_key(text)
    if key in ROLES:
        return key
    role = next((role for role, words in ROLE_WORDS.items() if key in words), None)
    if role is None and key.split(" ", 1)[0] in _WORKER_WORDS:
        return ParticipantRole.PHL
    return role


def _title(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def normalise_name(text: str) -> str:
    """A person's name as it will be stored, or BadName."""
    name = " ".join(_APOSTROPHES.sub("'", text).split())
    if not name:
        raise BadName(NAME_MISSING)
    if len(name) > MAX_NAME_LENGTH:
        raise BadName(NAME_TOO_LONG)
    if any(not (ch.isalpha() or ch in _NAME_EXTRA) for ch in name):
        raise BadName(NAME_INVALID)
    if sum(ch.isalpha() for ch in name) < 2:
        raise BadName(NAME_INVALID)
    if name.isupper() or name.islower():
        name = " ".join(_title(word) for word in name.split(" "))
    return name


def _words(name: str) -> list[str]:
    return _WORDS.findall(name.casefold())


def _same_word(short: str, long: str) -> bool:
    if len(short) == 1:
        return long.startswith(short)
    return short == long or (
        min(len(short), len(long)) >= 4 and SequenceMatcher(None, short, long).ratio() >= _SIMILAR
    )


def _covers(short: list[str], long: list[str]) -> bool:
    """Every word of `short` matches a later word of `long`, in order."""
    position = 0
    for word in short:
        while position < len(long) and not _same_word(word, long[position]):
            position += 1
        if position == len(long):
            return False
        position += 1
    return True


def names_differ(stored: str, given: str) -> bool:
    """True when two names clearly belong to different people (see the module notes)."""
    a, b = _words(stored), _words(given)
    if not a or not b:
        return True
    if a == b or _covers(a, b) or _covers(b, a):
        return False
    return SequenceMatcher(None, " ".join(a), " ".join(b)).ratio() < _SIMILAR


def age_on(birth_date: date, day: date) -> int:
    """Completed years of age on `day` (as `Nik.age_on`, for a stored birth date)."""
    had_birthday = (day.month, day.day) >= (birth_date.month, birth_date.day)
    return day.year - birth_date.year - (0 if had_birthday else 1)


def is_minor(birth_date: date, day: date) -> bool:
    return age_on(birth_date, day) < ADULT_AGE


@dataclass(frozen=True)
class RosterEntry:
    """A readable line: a valid NIK, a usable name, a role, and the optional extras.
    `role` is None when the role word was not recognised: `role_text` is that word, to be
    asked back (it never holds digits)."""

    line: int
    nik: Nik
    name: str
    role: str | None
    phone: str | None = None
    wage: int | None = None
    role_text: str = ""

    @property
    def role_unknown(self) -> bool:
        return self.role is None


@dataclass(frozen=True)
class Rejection:
    """A line that cannot be taken, with why. `cause` refines the reason: the NikError or
    PhoneError reason, the earlier line's number for a duplicate, the role as typed."""

    line: int
    reason: str
    cause: str = ""


@dataclass(frozen=True)
class Roster:
    entries: tuple[RosterEntry, ...]
    rejections: tuple[Rejection, ...]

    @property
    def is_empty(self) -> bool:
        return not self.entries and not self.rejections


def _fields(line: str) -> list[str]:
    """[nik, name, role, phone, wage] as far as the line has them."""
    if _STRONG_SEPARATORS.search(line):
        fields = [f.strip() for f in _STRONG_SEPARATORS.split(line)]
    elif "," in line:
        fields = [f.strip() for f in line.split(",")]
    else:
        return _fields_by_shape(line.split())
    # "Nama; NIK; ..." is a common slip: the NIK is the field with the digits.
    if len(fields) > 1 and not any(ch.isdigit() for ch in fields[0]) and _looks_like_nik(fields[1]):
        fields[0], fields[1] = fields[1], fields[0]
    return fields


def _looks_like_nik(text: str) -> bool:
    return bool(_NIK_TOKEN.match(text.replace(" ", "")))


def _fields_by_shape(words: list[str]) -> list[str]:
    """A line without separators: leading digit groups are the NIK, a trailing number is
    the phone, trailing role words the role, and the rest the name."""
    nik: list[str] = []
    while words and _NIK_TOKEN.match(words[0]):
        nik.append(words.pop(0))
    phone = words.pop() if words and _PHONE_TOKEN.match(words[-1]) else ""
    role = ""
    for size in range(min(4, len(words) - 1), 0, -1):
        phrase = " ".join(words[-size:])
        if match_role(phrase) and _role_key(phrase) not in _ALSO_NAMES:
            role = phrase
            del words[-size:]
            break
    return ["".join(nik), " ".join(words), role, phone]


def _read_line(number: int, fields: list[str], today: date) -> RosterEntry | Rejection:
    nik_text, name_text, role_text, phone_text, wage_text = (fields + [""] * 5)[:5]
    try:
        nik = parse_nik(nik_text, today)
    except NikError as error:
        return Rejection(number, REASON_NIK, error.reason)
    try:
        name = normalise_name(name_text)
    except BadName as error:
        reason = REASON_NAME_MISSING if error.reason == NAME_MISSING else REASON_NAME_INVALID
        return Rejection(number, reason, error.reason)
    role = match_role(role_text) if role_text else DEFAULT_ROLE
    if role is None and any(ch.isdigit() for ch in role_text):
        # A NIK or a phone number in the role column: an error, and never repeated back.
        return Rejection(number, REASON_ROLE, "")
    unknown = "" if role is not None else " ".join(role_text.split())[:30]
    try:
        phone = normalise_phone(phone_text) if phone_text else None
    except PhoneError as error:
        return Rejection(number, REASON_PHONE, error.reason)
    wage = None
    if wage_text:
        try:
            wage = parse_rupiah(wage_text)
        except MoneyError as error:
            return Rejection(number, REASON_WAGE, error.reason)
        if wage <= 0:
            return Rejection(number, REASON_WAGE, "zero")
    return RosterEntry(number, nik, name, role, phone, wage, role_text=unknown)


def _is_header(line: str) -> bool:
    return not any(ch.isdigit() for ch in line) and bool(_HEADER_WORDS.search(line))


def read_roster(text: str, today: date) -> Roster:
    """Read a pasted list line by line (numbers are the lines as pasted, from 1)."""
    entries: list[RosterEntry] = []
    rejections: list[Rejection] = []
    first_line_of: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _LIST_NUMBER.sub("", raw).strip()
        if not line or _is_header(line) or _STALE_NUMBER.fullmatch(line):
            continue
        result = _read_line(number, _fields(line), today)
        if isinstance(result, RosterEntry):
            earlier = first_line_of.setdefault(result.nik.value, number)
            if earlier != number:
                result = Rejection(number, REASON_DUPLICATE, str(earlier))
        if isinstance(result, RosterEntry):
            entries.append(result)
        else:
            rejections.append(result)
    return Roster(tuple(entries), tuple(rejections))

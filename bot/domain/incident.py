"""Work-accident rules (DOMAIN.md §4): reference numbers, the 2×24-hour reporting clock,
severity codes, and reading when an accident happened and who the victim is as people type
them. Pure: the current time is always passed in."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

from bot.domain.dates import (
    DateError,
    hour_readings,
    parse_date,
    parse_time,
    program_zone,
    to_wib,
)
from bot.domain.roster import names_differ

SEVERITIES: tuple[str, ...] = ("luka_ringan", "rawat_inap", "cacat", "meninggal")

# Permenaker 1/2025 and the BPJS stage-I form (KK1): report "dalam waktu 2 x 24 jam sejak
# terjadi kecelakaan kerja" — the clock runs from the accident, not from our notice.
REPORT_WINDOW = timedelta(hours=48)
REFERENCE_PREFIX = "LK"
_REFERENCE = re.compile(r"^\s*LK-?(\d{8})-?(\d{1,6})\s*$", re.IGNORECASE)

# A phone's clock may run a little ahead of ours; beyond this a time is "in the future".
FUTURE_TOLERANCE = timedelta(minutes=10)
# Older reports are accepted, but only after the reporter confirms the date (our choice).
CONFIRM_OLDER_THAN = timedelta(days=30)
# Nobody reports a work accident years later through a chat bot: surely a typo.
OLDEST_ACCEPTED = timedelta(days=366)

REASON_FORMAT = "format"
REASON_DATE_ONLY = "date_only"
REASON_FUTURE = "future"
REASON_TOO_OLD = "too_old"
REASON_INVALID = "invalid"

_NOW_WORDS = frozenset({"sekarang", "barusan", "baru saja", "now", "just now"})
_SEPARATORS = re.compile(r"[,;]+")
# A NIK as typed: 16 digits, possibly grouped with spaces, dots or dashes.
_NIK_RUN = re.compile(r"[0-9](?:[0-9]|[\s.\-](?=[0-9])){4,30}")
_NAME_CHARS = re.compile(r"^[^\W\d_](?:[^\W\d_]|[\s.'’,\-])*$")
NAME_MAX = 120


class WhenError(ValueError):
    """A time of accident the bot cannot accept; `reason` is one of the REASON_* values."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def reference_prefix(day: date) -> str:
    """ "LK-20260302-": every reference of one WIB day starts with it."""
    return f"{REFERENCE_PREFIX}-{day:%Y%m%d}-"


def format_reference(day: date, sequence: int) -> str:
    """ "LK-20260302-0007": the seventh accident reported on 2 March 2026 (WIB)."""
    if sequence < 1:
        raise ValueError("sequence numbers start at 1")
    return f"{reference_prefix(day)}{sequence:04d}"


def reference_sequence(reference: str) -> int | None:
    """The day's sequence number in a reference, or None if it is not one of ours."""
    match = _REFERENCE.match(reference)
    return int(match[2]) if match else None


def normalise_reference(text: str) -> str | None:
    """A typed reference ("lk-20260302-7", "LK202603020007") in canonical form, or None."""
    match = _REFERENCE.match(text)
    if not match:
        return None
    return f"{REFERENCE_PREFIX}-{match[1]}-{int(match[2]):04d}"


def report_deadline(occurred_at: datetime) -> datetime:
    """When the formal stage-I report to BPJS and Disnaker is due at the latest."""
    return occurred_at + REPORT_WINDOW


def is_overdue(occurred_at: datetime, now: datetime) -> bool:
    return now > report_deadline(occurred_at)


def _at(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=program_zone()).astimezone(UTC)


def _read(text: str, today: date) -> datetime:
    """The moment a text names, trying the whole text as a time, then as a date, then
    every split into a date part and a time part (either order)."""
    try:
        return _at(today, parse_time(text))
    except DateError:
        pass
    try:
        parse_date(text, today)
    except DateError:
        pass
    else:
        raise WhenError(REASON_DATE_ONLY)
    words = text.split()
    invalid = False
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        for date_part, time_part in ((head, tail), (tail, head)):
            try:
                return _at(parse_date(date_part, today), parse_time(time_part))
            except DateError as error:
                invalid = invalid or error.reason == "invalid"
    raise WhenError(REASON_INVALID if invalid else REASON_FORMAT)


def parse_occurred_at(text: str, now: datetime) -> datetime:
    """When an accident happened, from "14.30", "hari ini 14.30", "2/3/2026 09.15" or
    "kemarin jam 8 pagi" (WIB), as an aware UTC datetime. Raises WhenError."""
    cleaned = " ".join(_SEPARATORS.sub(" ", text.lower()).split())
    if cleaned in _NOW_WORDS:
        return now
    if not cleaned:
        raise WhenError(REASON_FORMAT)
    occurred = _read(cleaned, to_wib(now).date())
    check_occurred_at(occurred, now)
    return occurred


def dated_hour_readings(text: str, now: datetime) -> tuple[datetime, ...]:
    """The moments a date with a bare clock hour may mean ("kemarin jam 2": yesterday
    02.00 or 14.00), newest first, leaving out those in the future or too long ago; ()
    when the text is not a date and a bare hour (either order). One reading left means
    the text is not ambiguous after all ("hari ini jam 8" at 10.00 can only be 08.00)."""
    cleaned = " ".join(_SEPARATORS.sub(" ", text.lower()).split())
    words = cleaned.split()
    today = to_wib(now).date()
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        for date_part, hour_part in ((head, tail), (tail, head)):
            hours = hour_readings(hour_part)
            if not hours:
                continue
            try:
                day = parse_date(date_part, today)
            except DateError:
                continue
            moments = []
            for clock in hours:
                moment = _at(day, clock)
                try:
                    check_occurred_at(moment, now)
                except WhenError:
                    continue
                moments.append(moment)
            return tuple(sorted(moments, reverse=True))
    return ()


def check_occurred_at(occurred: datetime, now: datetime) -> None:
    """Not in the future, not absurdly long ago."""
    if occurred > now + FUTURE_TOLERANCE:
        raise WhenError(REASON_FUTURE)
    if occurred < now - OLDEST_ACCEPTED:
        raise WhenError(REASON_TOO_OLD)


def needs_confirmation(occurred: datetime, now: datetime) -> bool:
    """A long-ago date is more likely a typo than a late report: ask before accepting."""
    return occurred < now - CONFIRM_OLDER_THAN


def clean_name(text: str) -> str | None:
    """A person's name as typed, tidied ("siti  aminah" → "Siti Aminah"), or None when it
    is not name-like (digits, emoji, symbols, a single letter, too long)."""
    name = " ".join(text.split()).strip(" ,.-")
    letters = sum(ch.isalpha() for ch in name)
    if letters < 2 or len(name) > NAME_MAX or not _NAME_CHARS.match(name):
        return None
    if name.islower() or name.isupper():
        name = " ".join(word[:1].upper() + word[1:].lower() for word in name.split(" "))
    return name


def split_nik_and_name(text: str) -> tuple[str | None, str]:
    """The digits that look like a NIK and the rest of the text (the name, if any):
    "1571014107900001 Siti Aminah" → ("1571014107900001", "Siti Aminah")."""
    match = _NIK_RUN.search(text)
    if match is None:
        return None, text.strip()
    rest = (text[: match.start()] + " " + text[match.end() :]).strip(" \t\n,;:-/|")
    return match.group(0), " ".join(rest.split())


# "RT 5 Thehok", "rt.05 kel. Thehok", "Thehok RT 05", "RT 5/RW 2 Thehok".
_RT_FIRST = re.compile(
    r"^\s*rt\.?\s*0*([0-9]{1,3})\b(?:\s*[/,]?\s*rw\.?\s*[0-9]{1,3}\b)?[\s,/\-]*(.+)$",
    re.IGNORECASE,
)
_RT_LAST = re.compile(r"^\s*(.+?)[\s,/\-]*\brt\.?\s*0*([0-9]{1,3})\s*$", re.IGNORECASE)
# A phone number written at the end: "Siti Aminah 0812-3456-7890", "Siti, +62 812 ...".
# A number may open with "+" or with a bracketed area code: "(0741) 7551234".
_TRAILING_PHONE = re.compile(r"((?:\+|\()?[0-9][0-9\s\-.()]{6,}[0-9])\s*$")


def parse_rt_reference(text: str) -> tuple[int, str] | None:
    """An RT number and the kelurahan name as typed, or None: "RT 5 Thehok" → (5, "Thehok")."""
    match = _RT_FIRST.match(text)
    if match:
        number, place = int(match[1]), match[2]
    else:
        match = _RT_LAST.match(text)
        if not match:
            return None
        number, place = int(match[2]), match[1]
    place = place.strip(" ,.-/")
    if number < 1 or not place:
        return None
    return number, place


def split_name_and_phone(text: str) -> tuple[str, str | None]:
    """The name and the trailing phone number (as typed) of "Siti Aminah 0812-3456-7890"."""
    match = _TRAILING_PHONE.search(text)
    if match is None:
        return text.strip(), None
    return text[: match.start()].strip(" \t\n,;:-/|"), match.group(1)


def victim_unverified(reported: str, stored_name: str | None) -> bool:
    """Whether the victim's name in a report is only the reporter's word: no stored name
    (an unknown NIK, or none given) or a clearly different one. Shown to officials as
    "dilaporkan sebagai …" and never stored as the person's name (issue 12)."""
    return bool(reported) and (not stored_name or names_differ(stored_name, reported))

"""Dates and times as Indonesians type them, and the bot's local clock (DOMAIN.md §5).

Owns day-first date parsing (numeric, Indonesian and English month names, "hari ini",
"besok", "lusa"), time-of-day parsing, the Indonesian date formats the bot writes, and the
program's time zone (settings: program.timezone; WIB by default) with its label: WIB,
WITA, WIT, else the UTC offset ("UTC+5.30").

Every function that turns a moment into a local day or time takes the zone as a parameter;
left out, it is the program's zone of the message or job being handled, which the
conversation service, the scheduler and the command line set from the settings
(`using_zone`), so a call site cannot silently fall back to Jakarta.

A date typed without a year ("1 Agustus") means different things at different questions,
so the year rule is the caller's choice: `parse_date` takes this year (a report about the
past), `read_upcoming_date` takes the next such date on or after a reference day (a start
or end still to come: "1 Agustus" typed in December is next August, not the August that
has passed), and `read_recent_date` the latest on or before it (a report's period: "1
Desember" typed in January is the December just gone). A reading says that its year was assumed, and `far_ahead` tells
when an assumed year lands so far ahead (more than ~6 months) that the bot must ask back
instead of assuming.

A bare clock hour ("2", "jam 2") is ambiguous between night and day: `hour_readings`
gives both readings (02.00 and 14.00) so the question can offer them as buttons; a time
with minutes or a period ("14.30", "jam 2 siang") has exactly one reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

# Indonesia's three zones have had fixed offsets and no DST for decades, so fixed zones
# avoid depending on tzdata being installed.
WIB = timezone(timedelta(hours=7), "WIB")
WITA = timezone(timedelta(hours=8), "WITA")
WIT = timezone(timedelta(hours=9), "WIT")
INDONESIAN_ZONES: dict[str, timezone] = {
    "Asia/Jakarta": WIB,
    "Asia/Pontianak": WIB,
    "Asia/Makassar": WITA,
    "Asia/Jayapura": WIT,
}

# The zone of the message or job being handled (a context variable: concurrent messages
# of differently configured services never see each other's zone).
_program_zone: ContextVar[tzinfo] = ContextVar("program_zone", default=WIB)

REASON_EMPTY = "empty"
REASON_FORMAT = "format"
REASON_INVALID = "invalid"

MONTH_NAMES: tuple[str, ...] = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip

# Indonesian names, common abbreviations and old spellings, plus English.
_MONTH_WORDS: dict[str, int] = {
    word: number
    for number, words in enumerate(
        (
            "januari jan january",
            "februari pebruari feb peb february",
            "maret mar march",
            "april apr",
            "mei may",
            "juni jun june",
            "juli jul july",
            "agustus agu agt ags agus agust aug august",
            "september sep sept",
            "oktober okt oct october",
            "november nov nop nopember",
            "desember des dec december",
        ),
        start=1,
    )
    for word in words.split()
}

_RELATIVE_DAYS: dict[str, int] = {
    "hari ini": 0, "hr ini": 0, "sekarang": 0, "today": 0,
    "besok": 1, "besuk": 1, "tomorrow": 1,
    "lusa": 2,
    "kemarin": -1, "kmrn": -1, "yesterday": -1,
}  # fmt: skip

# Two-digit years: 20YY unless that is more than this many years ahead of today.
_TWO_DIGIT_YEAR_LOOKAHEAD = 20

_LEADING_NOISE = re.compile(
    r"^(?:(?:tanggal|tgl\.?)\s*)?"
    r"(?:(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)\s*,?\s*)?"
)
# ASCII digits only: `\d` would also match other scripts' digits.
_NUMERIC = re.compile(r"([0-9]{1,2})[/.\-]([0-9]{1,2})(?:[/.\-]([0-9]{4}|[0-9]{2}))?")
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_WORDED = re.compile(r"([0-9]{1,2})[\s\-]*([a-z]+)\.?(?:[\s,\-]*([0-9]{4}|[0-9]{2}))?")
_TIME_PREFIX = re.compile(r"^(?:jam|pukul|pkl\.?)\s*")
_TIME_SUFFIX = re.compile(r"\s*wib$")
_TIME = re.compile(r"([0-9]{1,2})(?:[.:]([0-9]{2}))?\s*(pagi|siang|sore|malam)?")


# An assumed year further ahead than this is asked back (about six months).
FAR_AHEAD_DAYS = 183
# 29 February without a year: the next leap year is at most eight years away (2096→2104).
_LEAP_SEARCH_YEARS = 8
_BARE_HOUR = re.compile(r"(?:(?:jam|pukul|pkl\.?)\s*)?([0-9]{1,2})")


class DateError(ValueError):
    """A date or time the bot cannot read; `reason` is empty, format or invalid."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def _year(text: str | None, today: date) -> int:
    if text is None:
        return today.year
    year = int(text)
    if len(text) == 4:
        return year
    full = 2000 + year
    return full if full <= today.year + _TWO_DIGIT_YEAR_LOOKAHEAD else full - 100


def _make(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(REASON_INVALID, "no such date") from None


def parse_date(text: str, today: date) -> date:
    """Parse a day-first date; `today` is the current WIB date. A missing year is this year."""
    s = " ".join(text.lower().split())
    if not s:
        raise DateError(REASON_EMPTY, "no date given")
    if s in _RELATIVE_DAYS:
        return today + timedelta(days=_RELATIVE_DAYS[s])
    s = _LEADING_NOISE.sub("", s)
    if match := _ISO.fullmatch(s):
        return _make(int(match[1]), int(match[2]), int(match[3]))
    if match := _NUMERIC.fullmatch(s):
        return _make(_year(match[3], today), int(match[2]), int(match[1]))
    if match := _WORDED.fullmatch(s):
        month = _MONTH_WORDS.get(match[2])
        if month is None:
            raise DateError(REASON_FORMAT, "unknown month name")
        return _make(_year(match[3], today), month, int(match[1]))
    raise DateError(REASON_FORMAT, "not a date")


@dataclass(frozen=True)
class DateReading:
    """A date read from text; `year_assumed` when the text named no year and the year was
    chosen by the rule of the function that read it."""

    day: date
    year_assumed: bool


def _day_and_month(text: str) -> tuple[int, int] | None:
    """Day and month of a date typed without a year ("1 Agustus", "1/8"), else None."""
    s = _LEADING_NOISE.sub("", " ".join(text.lower().split()))
    numeric, worded = _NUMERIC.fullmatch(s), _WORDED.fullmatch(s)
    match = numeric or worded
    if match is None or match[3] is not None:
        return None
    if numeric:
        return int(match[1]), int(match[2])
    month = _MONTH_WORDS.get(match[2])
    if month is None:
        raise DateError(REASON_FORMAT, "unknown month name")
    return int(match[1]), month


def _nearest(day_month: tuple[int, int], reference: date, step: int) -> date:
    """The first such day from `reference` on, going forward (step 1) or back (-1)."""
    day, month = day_month
    for offset in range(_LEAP_SEARCH_YEARS + 1):
        try:
            candidate = date(reference.year + step * offset, month, day)
        except ValueError:
            continue
        if (candidate - reference).days * step >= 0:
            return candidate
    raise DateError(REASON_INVALID, "no such date")


def read_upcoming_date(text: str, after: date) -> DateReading:
    """Read a date still to come: without a year it is the next such day on or after
    `after` (usually today). Raises DateError like `parse_date`."""
    day_month = _day_and_month(text)
    if day_month is None:
        return DateReading(parse_date(text, after), year_assumed=False)
    return DateReading(_nearest(day_month, after, 1), year_assumed=True)


def read_recent_date(text: str, before: date) -> DateReading:
    """Read a date that has been (a report's period): without a year it is the latest
    such day on or before `before`. Raises DateError like `parse_date`."""
    day_month = _day_and_month(text)
    if day_month is None:
        return DateReading(parse_date(text, before), year_assumed=False)
    return DateReading(_nearest(day_month, before, -1), year_assumed=True)


def far_ahead(reading: DateReading, today: date) -> bool:
    """Whether the year of this reading was assumed and puts it so far ahead that the
    person more likely meant something else (a typo, or a date that has passed)."""
    return reading.year_assumed and (reading.day - today).days > FAR_AHEAD_DAYS


def hour_readings(text: str) -> tuple[time, ...]:
    """Both readings of a bare clock hour ("2", "jam 2" → 02.00 and 14.00; "12" → 00.00
    and 12.00), in clock order; () when the text is not a bare hour from 1 to 12."""
    s = _TIME_SUFFIX.sub("", " ".join(text.lower().split()))
    match = _BARE_HOUR.fullmatch(s)
    if not match or not 1 <= int(match[1]) <= 12:
        return ()
    hour = int(match[1]) % 12
    return (time(hour), time(hour + 12))


def _hour_of_day(hour: int, period: str | None) -> int:
    # Indonesian periods: pagi (morning), siang (midday to ~15h), sore (afternoon), malam.
    if period == "pagi" and hour == 12:
        return 0
    if period == "siang" and 1 <= hour <= 5:
        return hour + 12
    if period == "sore" and 1 <= hour <= 11:
        return hour + 12
    if period == "malam" and 6 <= hour <= 11:
        return hour + 12
    if period == "malam" and hour == 12:
        return 0
    return hour


def parse_time(text: str) -> time:
    """Parse "14.30", "14:30", "jam 2 siang", "pukul 07.15 WIB" into a time of day."""
    s = " ".join(text.lower().split())
    s = _TIME_SUFFIX.sub("", _TIME_PREFIX.sub("", s))
    if not s:
        raise DateError(REASON_EMPTY, "no time given")
    match = _TIME.fullmatch(s)
    if not match:
        raise DateError(REASON_FORMAT, "not a time")
    hour = _hour_of_day(int(match[1]), match[3])
    minute = int(match[2] or 0)
    if hour > 23 or minute > 59:
        raise DateError(REASON_INVALID, "no such time")
    return time(hour, minute)


def zone_named(name: str) -> tzinfo:
    """The zone of an IANA name (program.timezone): Indonesia's as fixed zones."""
    return INDONESIAN_ZONES.get(name) or ZoneInfo(name)


def program_zone() -> tzinfo:
    """The program's zone for the message or job being handled (WIB unless set)."""
    return _program_zone.get()


@contextmanager
def using_zone(zone: tzinfo | str) -> Iterator[tzinfo]:
    """Within the block, local days and times are in `zone` (a zone or an IANA name)."""
    chosen = zone_named(zone) if isinstance(zone, str) else zone
    token = _program_zone.set(chosen)
    try:
        yield chosen
    finally:
        _program_zone.reset(token)


def zone_label(zone: tzinfo | None = None, at: datetime | None = None) -> str:
    """ "WIB", "WITA", "WIT", or the offset at `at` (default now): "UTC+8", "UTC-3.30"."""
    zone = zone or program_zone()
    for named in (WIB, WITA, WIT):
        if zone is named:
            return named.tzname(None) or ""
    key = getattr(zone, "key", None)
    if key in INDONESIAN_ZONES:
        return INDONESIAN_ZONES[key].tzname(None) or ""
    moment = (at or datetime.now(UTC)).astimezone(zone)
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f".{rest:02d}" if rest else "")


def to_local(dt: datetime, zone: tzinfo | None = None) -> datetime:
    """Convert to the program's zone (or `zone`); a naive datetime is taken to be UTC (how
    we store timestamps)."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(zone or program_zone())


def to_wib(dt: datetime, zone: tzinfo | None = None) -> datetime:
    """Old name of `to_local`: the program's zone, WIB unless configured otherwise."""
    return to_local(dt, zone)


def today_wib(now: datetime, zone: tzinfo | None = None) -> date:
    """The local date (the program's zone, WIB unless configured otherwise) at `now`."""
    return to_local(now, zone).date()


def local_midnight(day: date, zone: tzinfo | None = None) -> datetime:
    """00.00 of `day` in the program's zone, as an aware datetime."""
    return datetime.combine(day, time.min, tzinfo=zone or program_zone())


def format_date(d: date) -> str:
    """Indonesian long date: "1 Agustus 2025"."""
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def format_datetime(dt: datetime, zone: tzinfo | None = None) -> str:
    """Indonesian date and time in the program's zone: "1 Agustus 2025 14.05 WIB"."""
    local = to_local(dt, zone)
    return f"{format_date(local.date())} {local:%H.%M} {zone_label(local.tzinfo, local)}"

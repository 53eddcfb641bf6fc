"""What an export asks for: a period (a preset month or year, or two typed dates) and an
area (the requester's whole scope, or a kecamatan or kelurahan inside it).

An `Area` carries the `Scope` the rows are filtered by, so an area can never reach beyond
the scope it was made from. Region codes are compared in dotted form however they were
granted (`bot.reports.statistics.normalised`). Region names come from the unit of work
(`uow.regions`), so another city is another region list, not another build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from bot.activities.lifecycle import CITY as CITY_NAME
from bot.core.ports import UnitOfWork
from bot.domain.dates import DateError, read_recent_date, read_upcoming_date
from bot.domain.regions import Kecamatan, Kelurahan, RegionIndex
from bot.domain.scope import Scope, kecamatan_of
from bot.domain.vocabulary import ScopeKind
from bot.reports.statistics import normalised

THIS_MONTH, LAST_MONTH, THIS_YEAR = "this_month", "last_month", "this_year"
PRESETS = (THIS_MONTH, LAST_MONTH, THIS_YEAR)
# Why typed dates were refused.
NOT_A_RANGE, END_BEFORE_START = "not_a_range", "end_before_start"
KOTA, KECAMATAN, KELURAHAN = ScopeKind.CITY, ScopeKind.KECAMATAN, ScopeKind.KELURAHAN
SEVERAL = "wilayah"

# "1/8/2026 - 31/8/2026", "1 Agustus 2026 s/d 31 Agustus 2026", "1/8/2026-31/8/2026".
_SEPARATOR = re.compile(
    r"\s*(?:s\.?/d\.?|sampai\s+dengan|sampai|hingga|until|to|[-–—]{1,2}|,)\s*|\s+", re.I
)
_SLUG = re.compile(r"[^a-z0-9]+")


class PeriodError(ValueError):
    """Typed dates that are not a period; `reason` is NOT_A_RANGE or END_BEFORE_START."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Period:
    start: date
    end: date


def preset(name: str, today: date) -> Period:
    """This month, last month or this year, in full (days still to come included)."""
    first = today.replace(day=1)
    if name == THIS_MONTH:
        return Period(first, _month_end(first))
    if name == LAST_MONTH:
        previous = (first - timedelta(days=1)).replace(day=1)
        return Period(previous, _month_end(previous))
    if name == THIS_YEAR:
        return Period(date(today.year, 1, 1), date(today.year, 12, 31))
    raise ValueError(f"unknown period preset {name!r}")


def _month_end(first: date) -> date:
    return (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def parse_period(text: str, today: date) -> Period:
    """Two dates with a separator between them. Every place the text could be cut is
    tried; exactly one reading must give two dates ("1-8-2026 - 31-8-2026" works).
    Without a year the start is the latest such day on or before today and the end the
    next on or after the start: "1 Desember - 5 Januari" typed in February is the winter
    just gone, not a period still to come that no row can fall in."""
    text = " ".join(text.split())
    readings: set[tuple[date, date]] = set()
    for cut in _SEPARATOR.finditer(text):
        left, right = text[: cut.start()], text[cut.end() :]
        if not left or not right:
            continue
        try:
            start = read_recent_date(left, today).day
            readings.add((start, read_upcoming_date(right, start).day))
        except DateError:
            continue
    if len(readings) != 1:
        raise PeriodError(NOT_A_RANGE)
    start, end = readings.pop()
    if end < start:
        raise PeriodError(END_BEFORE_START)
    return Period(start, end)


@dataclass(frozen=True)
class Area:
    """Where an export looks: `kind` is kota, kecamatan, kelurahan or wilayah (several
    regions of a scope); `scope` is what the rows are filtered by."""

    kind: str
    code: str
    name: str
    scope: Scope

    @property
    def choice_id(self) -> str:
        return f"{self.kind}:{self.code}"

    @property
    def slug(self) -> str:
        """For the file name: "kota-jambi", "kecamatan-telanaipura"."""
        text = self.name if self.kind in (KOTA, SEVERAL) else f"{self.kind} {self.name}"
        return _SLUG.sub("-", text.casefold()).strip("-")[:80] or self.kind


async def region_index(uow: UnitOfWork) -> RegionIndex:
    # Plain values, not rows: the index outlives the unit of work.
    kecamatan = [Kecamatan(k.code, k.name) for k in await uow.regions.list_kecamatan()]
    kelurahan = [
        Kelurahan(k.code, k.name, k.kecamatan_code) for k in await uow.regions.list_kelurahan()
    ]
    return RegionIndex(kecamatan, kelurahan)


def whole_area(scope: Scope, regions: RegionIndex) -> Area:
    """The requester's whole scope as one area."""
    scope = normalised(scope)
    if scope.city:
        return Area(KOTA, "", CITY_NAME, scope)
    parts = [_kecamatan(code, regions) for code in sorted(scope.kecamatan)]
    parts += [_kelurahan(code, regions) for code in sorted(scope.kelurahan)]
    if len(parts) == 1:
        return parts[0]
    return Area(SEVERAL, "", ", ".join(part.name for part in parts), scope)


def areas_within(scope: Scope, regions: RegionIndex) -> list[Area]:
    """The narrower areas to offer: the kecamatan of a city scope; the kelurahan of the
    kecamatan in scope (and the kecamatan themselves when there are several); the
    kelurahan of a scope of several kelurahan. Empty when nothing is narrower."""
    scope = normalised(scope)
    if scope.city:
        return [_kecamatan(k.code, regions) for k in regions.kecamatan]
    several = len(scope.kecamatan) + len(scope.kelurahan) > 1
    areas: list[Area] = []
    if several:
        areas += [_kecamatan(code, regions) for code in sorted(scope.kecamatan)]
    for code in sorted(scope.kecamatan):
        areas += [_kelurahan(k.code, regions) for k in regions.kelurahan_of(code)]
    if several:
        alone = (c for c in sorted(scope.kelurahan) if kecamatan_of(c) not in scope.kecamatan)
        areas += [_kelurahan(code, regions) for code in alone]
    return list({area.choice_id: area for area in areas}.values())


def find_area(text: str, scope: Scope, regions: RegionIndex) -> Area | None:
    """A kecamatan or kelurahan typed by name or code, if it lies within the scope."""
    scope = normalised(scope)
    kecamatan = regions.find_kecamatan(text)
    if kecamatan is not None and scope.covers_kecamatan(kecamatan.code):
        return _kecamatan(kecamatan.code, regions)
    kelurahan = regions.find_kelurahan(text)
    if kelurahan is not None and scope.covers(kelurahan.code):
        return _kelurahan(kelurahan.code, regions)
    return None


def area_by_choice(choice_id: str, scope: Scope, regions: RegionIndex) -> Area | None:
    """The area behind a button id, re-checked against the scope (buttons can be old)."""
    kind, _, code = choice_id.partition(":")
    scope = normalised(scope)
    if kind == KECAMATAN and scope.covers_kecamatan(code):
        return _kecamatan(code, regions)
    if kind == KELURAHAN and scope.covers(code):
        return _kelurahan(code, regions)
    return None


def _kecamatan(code: str, regions: RegionIndex) -> Area:
    found = regions.find_kecamatan(code)
    return Area(KECAMATAN, code, found.name if found else code, Scope(kecamatan=frozenset({code})))


def _kelurahan(code: str, regions: RegionIndex) -> Area:
    found = regions.find_kelurahan(code)
    return Area(KELURAHAN, code, found.name if found else code, Scope(kelurahan=frozenset({code})))

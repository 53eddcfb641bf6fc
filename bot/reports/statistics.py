"""The numbers of an official's summary, built from the statistics repository for one
scope and one moment: RTs active, activities by shown status, people covered now, premium
this month and this year, open incidents, and the per-region figures of the chart.

Duck-typed on the unit of work (`uow.statistics`, `uow.rts`, `uow.regions`): no storage
imports, so the handlers can use it. Labels that are words (the title, "Lainnya") come
from the caller's catalogue; region names come from the region table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from bot.core.ports import UnitOfWork
from bot.domain.dates import today_wib
from bot.domain.regions import code_key
from bot.domain.scope import Scope, kecamatan_of
from bot.domain.vocabulary import ShownStatus

STATUSES: tuple[ShownStatus, ...] = tuple(ShownStatus)
BY_KECAMATAN = "kecamatan"
BY_KELURAHAN = "kelurahan"
BY_RT = "rt"


@dataclass(frozen=True)
class RegionFigure:
    code: str
    name: str
    value: int  # confirmed activities
    people: int = 0  # distinct people on their lists (not removed)
    premium: int = 0  # their premium total, rupiah


@dataclass(frozen=True)
class Summary:
    today: date
    rts_total: int
    rts_active: int
    # Every status of STATUSES, 0 when none.
    statuses: Mapping[str, int]
    people_covered: int
    premium_month: int
    premium_year: int
    open_incidents: int
    # How `regions` is grouped: BY_KECAMATAN, BY_KELURAHAN or BY_RT.
    by: str
    # Every region of the scope at that level, the largest value first.
    regions: tuple[RegionFigure, ...]

    @property
    def confirmed(self) -> int:
        """Confirmed activities not cancelled: upcoming, running and ended."""
        return sum(
            self.statuses[s]
            for s in (ShownStatus.CONFIRMED, ShownStatus.RUNNING, ShownStatus.ENDED)
        )


def normalised(scope: Scope) -> Scope:
    """The scope with region codes in dotted form, however they were granted."""
    return Scope(
        scope.city,
        frozenset(code_key(c) or c for c in scope.kecamatan),
        frozenset(code_key(c) or c for c in scope.kelurahan),
    )


def grouping(scope: Scope) -> str:
    """Per kecamatan for the city (or several kecamatan), per kelurahan inside one
    kecamatan (or several kelurahan of one), per RT for a single kelurahan."""
    if scope.city:
        return BY_KECAMATAN
    kecamatan = set(scope.kecamatan) | {kecamatan_of(code) for code in scope.kelurahan}
    if len(kecamatan) > 1:
        return BY_KECAMATAN
    if scope.kecamatan or len(scope.kelurahan) > 1:
        return BY_KELURAHAN
    return BY_RT


def month_bounds(day: date) -> tuple[date, date]:
    """The first day of `day`'s month and of the next month."""
    first = day.replace(day=1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following


async def build_summary(uow: UnitOfWork, scope: Scope, now: datetime) -> Summary:
    """Six aggregate queries; nothing per activity or per person."""
    scope = normalised(scope)
    today = today_wib(now)
    rows = await uow.statistics.by_status(scope, today, month_bounds(today), today.year)
    statuses: dict[str, int] = dict.fromkeys(STATUSES, 0)
    for row in rows:
        statuses[row.status] = statuses.get(row.status, 0) + row.activities
    by = grouping(scope)
    values = await uow.statistics.confirmed_by_region(scope, today, today.year, by)
    covered = await uow.statistics.coverage_by_region(scope, today, today.year, by)
    return Summary(
        today=today,
        rts_total=await uow.rts.count_in_scope(scope),
        rts_active=sum(row.rts for row in rows if row.status == ShownStatus.RUNNING),
        statuses=statuses,
        people_covered=await uow.statistics.people_covered(scope, today),
        premium_month=sum(row.premium_month for row in rows),
        premium_year=sum(row.premium_year for row in rows),
        open_incidents=await uow.statistics.open_incidents(scope),
        by=by,
        regions=await _regions(uow, scope, by, values, covered),
    )


async def _regions(
    uow: UnitOfWork,
    scope: Scope,
    by: str,
    values: Mapping[str, int],
    covered: Mapping[str, tuple[int, int]] | None = None,
) -> tuple[RegionFigure, ...]:
    """Every region of the scope at the chosen level, zeros included: an official should
    see which kecamatan has nothing yet. The region lists are reference data (11
    kecamatan, 68 kelurahan, a few dozen RTs in a kelurahan)."""
    if by == BY_KECAMATAN:
        wanted = set(scope.kecamatan) | {kecamatan_of(code) for code in scope.kelurahan}
        regions = [
            (k.code, k.name)
            for k in await uow.regions.list_kecamatan()
            if scope.city or k.code in wanted
        ]
    elif by == BY_KELURAHAN:
        regions = [
            (k.code, k.name) for k in await uow.regions.list_kelurahan() if scope.covers(k.code)
        ]
    else:
        (kelurahan,) = scope.kelurahan
        regions = [
            (str(rt.id), f"RT {rt.number:02d}")
            for rt in await uow.rts.list(kelurahan_code=kelurahan)
        ]
    covered = covered or {}
    figures = [
        RegionFigure(code, name, values.get(code, 0), *covered.get(code, (0, 0)))
        for code, name in regions
    ]
    return tuple(sorted(figures, key=lambda f: (-f.value, f.name)))


def top_bars(
    figures: Sequence[RegionFigure], limit: int, others_label: str, measure: str = "value"
) -> tuple[list[tuple[str, int]], tuple[str, int] | None]:
    """At most `limit` bars of `measure` (value, people or premium): the largest regions,
    and the rest summed into one "others" bar so a long RT list stays readable on a
    phone."""
    bars = sorted(((f.name, int(getattr(f, measure))) for f in figures), key=lambda b: -b[1])
    if len(bars) <= limit:
        return bars, None
    kept, rest = bars[: limit - 1], bars[limit - 1 :]
    return kept, (others_label, sum(v for _, v in rest))


def left_out(figures: Sequence[RegionFigure], limit: int) -> int:
    """How many regions `top_bars` sums into the "others" bar."""
    return 0 if len(figures) <= limit else len(figures) - limit + 1

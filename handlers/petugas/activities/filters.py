"""The filters of an official's activity list: shown status, one kelurahan of their scope
(buttons for a few, a typed name matched loosely for many), and a date range typed
day-first ("1/3/2026 - 31/3/2026") or picked ("Bulan ini"). Filters live in ctx.data as
plain strings; the list applies them in SQL together with the scope."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.dates import DateError, format_date, parse_date, today_wib
from bot.domain.regions import name_key
from bot.reports.statistics import STATUSES, month_bounds
from handlers.common.region_suggest import did_you_mean, read_kelurahan
from handlers.petugas.places import scope_of

FILTER = "filter"
PAGE = "page"
OPTIONS = "kelurahan_options"
ALL = "all"
# A kecamatan has at most 9 kelurahan: buttons; a city scope types the name instead.
KELURAHAN_BUTTONS = 9
_RANGE = re.compile(r"\s+(?:s\.?\s?d\.?|s/d|sampai|hingga|to|-)\s+|\s*[–—]\s*", re.IGNORECASE)
# "1/3/2026-31/3/2026": a hyphen between two slashed dates.
_SLASHED_RANGE = re.compile(r"^\s*([0-9/.]+)\s*-\s*([0-9/.]+)\s*$")


@dataclass(frozen=True)
class Filters:
    status: str | None = None
    kelurahan: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def query(self) -> dict[str, Any]:
        """Keyword arguments of `uow.activities.search_in_scope`."""
        return {
            "status": self.status,
            "kelurahan_code": self.kelurahan,
            "date_from": self.date_from,
            "date_to": self.date_to,
        }

    @property
    def empty(self) -> bool:
        return self == Filters()


def current(ctx: Context) -> Filters:
    """The stored filters; anything unreadable is dropped rather than trusted."""
    stored = ctx.data.get(FILTER)
    if not isinstance(stored, dict):
        return Filters()
    status = stored.get("status") if stored.get("status") in STATUSES else None
    kelurahan = stored.get("kelurahan") if isinstance(stored.get("kelurahan"), str) else None
    return Filters(status, kelurahan, _day(stored.get("from")), _day(stored.get("to")))


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def save(ctx: Context, filters: Filters) -> None:
    ctx.data[FILTER] = {
        "status": filters.status,
        "kelurahan": filters.kelurahan,
        "from": filters.date_from.isoformat() if filters.date_from else None,
        "to": filters.date_to.isoformat() if filters.date_to else None,
    }
    ctx.data[PAGE] = 0


async def describe(ctx: Context, filters: Filters) -> str:
    """ "berjalan · Kel. Thehok · 1 Maret 2026 – 31 Maret 2026", or "tidak ada"."""
    parts = []
    if filters.status:
        parts.append(ctx.t(f"my_status_{filters.status}"))
    if filters.kelurahan:
        kelurahan = await ctx.services.uow.regions.get_kelurahan(filters.kelurahan)
        name = kelurahan.name if kelurahan else filters.kelurahan
        parts.append(ctx.t("official_scope_kelurahan", name=name))
    if filters.date_from and filters.date_to:
        parts.append(f"{format_date(filters.date_from)} – {format_date(filters.date_to)}")
    return " · ".join(parts) if parts else ctx.t("oaf_none")


def _choice(ctx: Context, choice_id: str) -> Choice:
    return Choice(choice_id, ctx.t(f"oaf_choice_{choice_id}"))


async def ask_menu(ctx: Context) -> Reply:
    filters = current(ctx)
    wanted = ["status", "kelurahan", "dates"] + ([] if filters.empty else ["clear"]) + ["show"]
    text = ctx.t("oaf_menu", filters=await describe(ctx, filters))
    return Reply(text, choices=tuple(_choice(ctx, c) for c in wanted))


async def handle_menu(ctx: Context, answer: Answer) -> Outcome:
    picked = answer.picked
    if picked == "clear":
        save(ctx, Filters())
        return Go("list")
    if picked == "show":
        return Go("list")
    ctx.data.pop(OPTIONS, None)
    return Go(f"filter_{picked}")


async def ask_status(ctx: Context) -> Reply:
    choices = [Choice(s, ctx.t(f"my_status_{s}")) for s in STATUSES]
    return Reply(ctx.t("oaf_status_ask"), choices=(*choices, _choice(ctx, ALL)))


async def handle_status(ctx: Context, answer: Answer) -> Outcome:
    status = answer.picked if answer.picked in STATUSES else None
    filters = current(ctx)
    save(ctx, Filters(status, filters.kelurahan, filters.date_from, filters.date_to))
    return Go("list")


async def kelurahan_in_scope(ctx: Context) -> list[Any]:
    """The kelurahan of the caller's scope (reference data: at most 68 rows)."""
    scope = scope_of(ctx)
    return [k for k in await ctx.services.uow.regions.list_kelurahan() if scope.covers(k.code)]


async def ask_kelurahan(ctx: Context) -> Reply:
    places = await kelurahan_in_scope(ctx)
    offered = ctx.data.get(OPTIONS)
    if isinstance(offered, list):
        places = [k for k in places if k.code in offered]
    choices = [Choice(f"k:{k.code}", k.name) for k in places]
    if len(choices) > KELURAHAN_BUTTONS:
        return Reply(ctx.t("oaf_kelurahan_type"), choices=(_choice(ctx, ALL),))
    return Reply(ctx.t("oaf_kelurahan_pick"), choices=(*choices, _choice(ctx, ALL)))


async def handle_kelurahan(ctx: Context, answer: Answer) -> Outcome:
    places = await kelurahan_in_scope(ctx)
    if answer.choice is not None and answer.choice.id == ALL:
        return _set_kelurahan(ctx, None)
    if answer.choice is not None:
        code = answer.choice.id.removeprefix("k:")
        if code not in {k.code for k in places}:  # the scope shrank meanwhile
            return Stay(ctx.t("oaf_kelurahan_outside"))
        return _set_kelurahan(ctx, code)
    key = name_key(answer.text)
    if not key:
        return Stay(ctx.t("oaf_kelurahan_unknown"))
    found = [k for k in places if name_key(k.name) == key]
    found = found or [k for k in places if key in name_key(k.name)]
    if len(found) == 1:
        return _set_kelurahan(ctx, found[0].code)
    if len(found) > KELURAHAN_BUTTONS:
        return Stay(ctx.t("oaf_kelurahan_too_many", count=len(found)))
    if found:
        ctx.data[OPTIONS] = [k.code for k in found]
        return Stay(ctx.t("oaf_kelurahan_several", count=len(found)))
    exact, close = await read_kelurahan(ctx, answer.text, {k.code for k in places})
    if exact is not None:  # "Simp. 4 Sipin", "Kel. Sungai Putri"
        return _set_kelurahan(ctx, exact.code)
    if close:  # the candidates become the re-asked question's buttons
        ctx.data[OPTIONS] = [k.code for k in close]
        return Stay(did_you_mean(ctx, close))
    everywhere = await ctx.services.uow.regions.list_kelurahan()
    if any(key in name_key(k.name) for k in everywhere):
        return Stay(ctx.t("oaf_kelurahan_outside"))
    return Stay(ctx.t("oaf_kelurahan_unknown"))


def _set_kelurahan(ctx: Context, code: str | None) -> Outcome:
    ctx.data.pop(OPTIONS, None)
    filters = current(ctx)
    save(ctx, Filters(filters.status, code, filters.date_from, filters.date_to))
    return Go("list")


async def ask_dates(ctx: Context) -> Reply:
    choices = tuple(_choice(ctx, c) for c in ("month", "year", ALL))
    return Reply(ctx.t("oaf_dates_ask"), choices=choices)


async def handle_dates(ctx: Context, answer: Answer) -> Outcome:
    today = today_wib(ctx.now)
    picked = answer.choice.id if answer.choice is not None else None
    if picked == ALL:
        period: tuple[date, date] | None = None
    elif picked == "month":
        first, following = month_bounds(today)
        period = (first, date.fromordinal(following.toordinal() - 1))
    elif picked == "year":
        period = (date(today.year, 1, 1), date(today.year, 12, 31))
    else:
        try:
            period = read_range(answer.text, today)
        except DateError as error:
            key = "oaf_dates_invalid" if error.reason == "invalid" else "oaf_dates_unreadable"
            return Stay(ctx.t(key))
        if period[0] > period[1]:
            return Stay(ctx.t("oaf_dates_order"))
    filters = current(ctx)
    start, end = period if period is not None else (None, None)
    save(ctx, Filters(filters.status, filters.kelurahan, start, end))
    return Go("list")


def read_range(text: str, today: date) -> tuple[date, date]:
    """ "1/3/2026 - 31/3/2026", "1 Maret s.d. 15 Maret 2026", or one date (that day);
    a date without a year is in this year, as everywhere else in the bot."""
    slashed = _SLASHED_RANGE.match(text)
    parts = [slashed[1], slashed[2]] if slashed else _RANGE.split(text.strip())
    if len(parts) == 1:
        day = parse_date(parts[0], today)
        return day, day
    if len(parts) != 2:
        raise DateError("format", "not a range")
    return parse_date(parts[0], today), parse_date(parts[1], today)

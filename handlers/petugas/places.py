"""What the summary and the activity list share: the caller's scope (codes in dotted
form), how it reads in the chat ("Kec. Telanaipura"), how a period reads, and the one way
an official's step reaches an activity — only when its RT lies in that scope, checked in
SQL every time, so a typed or stale id outside it shows nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.core.dialog import Context
from bot.domain.dates import MONTH_NAMES, format_date
from bot.domain.scope import Scope
from bot.reports.statistics import normalised
from handlers.common.access import official_scope


def scope_of(ctx: Context) -> Scope:
    return normalised(official_scope(ctx))


async def scope_label(ctx: Context, scope: Scope) -> str:
    """ "Kota Jambi", "Kec. Telanaipura" or "Kec. Telanaipura, Kel. Thehok"."""
    if scope.city:
        return ctx.t("official_scope_city")
    uow = ctx.services.uow
    parts = []
    for code in sorted(scope.kecamatan):
        kecamatan = await uow.regions.get_kecamatan(code)
        parts.append(ctx.t("official_scope_kecamatan", name=kecamatan.name if kecamatan else code))
    for code in sorted(scope.kelurahan):
        kelurahan = await uow.regions.get_kelurahan(code)
        parts.append(ctx.t("official_scope_kelurahan", name=kelurahan.name if kelurahan else code))
    return ", ".join(parts)


async def scoped_activity(ctx: Context, activity_id: Any) -> Any | None:
    """The activity if it exists and lies in the caller's scope now, else None."""
    try:
        wanted = int(activity_id)
    except (TypeError, ValueError):
        return None
    scope = scope_of(ctx)
    if scope.empty:
        return None
    return await ctx.services.uow.activities.get_in_scope(wanted, scope)


def period_text(start: date, end: date) -> str:
    """ "2 – 31 Maret 2026", "25 Februari – 10 Maret 2026", "20 Desember 2025 – 5 Januari
    2026": the shortest unambiguous form, for list lines."""
    if start.year != end.year:
        return f"{format_date(start)} – {format_date(end)}"
    if start.month != end.month:
        return f"{start.day} {MONTH_NAMES[start.month - 1]} – {format_date(end)}"
    if start.day != end.day:
        return f"{start.day} – {format_date(end)}"
    return format_date(start)

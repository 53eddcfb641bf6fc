"""Ringkasan's figures and chart, and what next."""

from __future__ import annotations

import asyncio

from bot.core.dialog import Answer, Context, End, Go, Outcome, Start
from bot.core.messages import Choice, Document, Reply
from bot.documents.chart import bar_chart_png
from bot.domain.dates import MONTH_NAMES, format_datetime
from bot.domain.money import format_amount, format_rupiah
from bot.domain.scope import Scope
from bot.domain.vocabulary import ShownStatus
from bot.reports.statistics import Summary, build_summary, left_out, top_bars
from handlers.petugas import activities
from handlers.petugas.places import scope_label, scope_of

PNG = "image/png"
# Bars a phone shows legibly at 16 pt; a kelurahan with more RTs sums the smallest.
MAX_BARS = 15
REFRESH, ACTIVITIES, MENU = "refresh", "activities", "menu"


async def enter(ctx: Context) -> Outcome | None:
    scope = scope_of(ctx)
    if scope.empty:
        ctx.say(ctx.t("official_no_scope"))
        return End()
    await send_summary(ctx, scope)
    return None


async def send_summary(ctx: Context, scope: Scope) -> None:
    """The figures as one message, then the chart as an image."""
    summary = await build_summary(ctx.services.uow, scope, ctx.now)
    label = await scope_label(ctx, scope)
    ctx.say(summary_text(ctx, summary, label))
    if not summary.regions:  # a scope naming no known region has nothing to chart
        return
    if not any(f.value for f in summary.regions):
        # Bars of zeros would look like a broken chart: a sentence says it plainly.
        ctx.say(ctx.t("summary_chart_none", year=summary.today.year, scope=label))
        return
    ctx.say(await chart_reply(ctx, summary, label))
    for measure in ("people", "premium"):
        if any(getattr(f, measure) for f in summary.regions):  # never a chart of zeros
            ctx.say(await coverage_chart_reply(ctx, summary, label, measure))


def summary_text(ctx: Context, summary: Summary, label: str) -> str:
    count = format_amount
    statuses = {name: count(value) for name, value in summary.statuses.items()}
    return ctx.t(
        "summary_text",
        scope=label,
        moment=format_datetime(ctx.now),
        rts_active=count(summary.rts_active),
        rts_total=count(summary.rts_total),
        people=count(summary.people_covered),
        incidents=count(summary.open_incidents),
        year=summary.today.year,
        month=MONTH_NAMES[summary.today.month - 1],
        draft=statuses[ShownStatus.DRAFT],
        confirmed=statuses[ShownStatus.CONFIRMED],
        running=statuses[ShownStatus.RUNNING],
        ended=statuses[ShownStatus.ENDED],
        cancelled=statuses[ShownStatus.CANCELLED],
        premium_month=format_rupiah(summary.premium_month),
        premium_year=format_rupiah(summary.premium_year),
    )


async def chart_reply(ctx: Context, summary: Summary, label: str) -> Reply:
    grouping = ctx.t(f"summary_per_{summary.by}")
    others = ctx.t("summary_chart_others", count=left_out(summary.regions, MAX_BARS))
    bars, rest = top_bars(summary.regions, MAX_BARS, others)
    # Drawing takes ~0.1 s of CPU: off the event loop, so other chats are not held up.
    png = await asyncio.to_thread(
        bar_chart_png,
        bars,
        title=ctx.t("summary_chart_title", year=summary.today.year, per=grouping),
        subtitle=ctx.t("summary_chart_subtitle", scope=label, moment=format_datetime(ctx.now)),
        others=rest,
    )
    caption = ctx.t(
        "summary_chart_caption",
        year=summary.today.year,
        per=grouping,
        total=format_amount(summary.confirmed),
    )
    file_name = f"ringkasan_{summary.today.isoformat()}.png"
    return Reply(caption, image=Document(file_name, PNG, png))


async def coverage_chart_reply(ctx: Context, summary: Summary, label: str, measure: str) -> Reply:
    """People covered or premium per region, as a chart image with its total."""
    grouping = ctx.t(f"summary_per_{summary.by}")
    others = ctx.t("summary_chart_others", count=left_out(summary.regions, MAX_BARS))
    bars, rest = top_bars(summary.regions, MAX_BARS, others, measure)
    total = sum(int(getattr(f, measure)) for f in summary.regions)
    shown = format_rupiah if measure == "premium" else format_amount
    png = await asyncio.to_thread(
        bar_chart_png,
        bars,
        title=ctx.t(f"summary_chart_{measure}_title", year=summary.today.year, per=grouping),
        subtitle=ctx.t("summary_chart_subtitle", scope=label, moment=format_datetime(ctx.now)),
        others=rest,
        value_text=shown,
    )
    caption = ctx.t(
        f"summary_chart_{measure}_caption",
        year=summary.today.year,
        per=grouping,
        total=shown(total),
    )
    file_name = f"ringkasan_{measure}_{summary.today.isoformat()}.png"
    return Reply(caption, image=Document(file_name, PNG, png))


async def ask_next(ctx: Context) -> Reply:
    choices = tuple(Choice(c, ctx.t(f"summary_choice_{c}")) for c in (REFRESH, ACTIVITIES, MENU))
    return Reply(ctx.t("summary_next"), choices=choices)


async def handle_next(ctx: Context, answer: Answer) -> Outcome:
    if answer.picked == ACTIVITIES:
        return Start(activities.NAME)
    if answer.picked == MENU:
        return End()
    # Refresh: the scope is read again, in case an admin changed it meanwhile.
    scope = scope_of(ctx)
    if scope.empty:
        ctx.say(ctx.t("official_no_scope"))
        return End()
    await send_summary(ctx, scope)
    return Go("next")

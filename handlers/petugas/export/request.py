"""Ekspor BPJS's steps: the format, the period, the area, then the document."""

from __future__ import annotations

from datetime import date

from bot.core.dialog import Answer, Context, End, Go, Outcome, Stay
from bot.core.messages import Choice, Document, Reply
from bot.domain.dates import MONTH_NAMES, format_date, today_wib
from bot.reports.bpjs_export import ExportRequest, export_document
from bot.reports.export_request import (
    END_BEFORE_START,
    PRESETS,
    Area,
    PeriodError,
    area_by_choice,
    areas_within,
    find_area,
    parse_period,
    preset,
    region_index,
    whole_area,
)
from handlers.common.access import may_see_full_nik, official_scope
from handlers.common.region_suggest import did_you_mean, read_kelurahan

FORMAT, START, END = "format", "from", "to"
ALL = "all"
# Typed instead of tapping a format button.
TYPED_FORMATS = {"xlsx": "xlsx", "excel": "xlsx", "xls": "xlsx", "csv": "csv"}


async def ask_format(ctx: Context) -> Reply:
    note = "export_nik_full_note" if may_see_full_nik(ctx) else "export_nik_masked_note"
    choices = tuple(Choice(f, ctx.t(f"export_format_{f}")) for f in ("xlsx", "csv"))
    return Reply(ctx.t("export_intro", nik=ctx.t(note)), choices=choices)


async def handle_format(ctx: Context, answer: Answer) -> Outcome:
    picked = answer.choice.id if answer.choice else TYPED_FORMATS.get(answer.text.casefold())
    if picked not in ("xlsx", "csv"):
        return Stay(ctx.t("export_format_unknown"))
    ctx.data[FORMAT] = picked
    return Go("period")


async def ask_period(ctx: Context) -> Reply:
    today = today_wib(ctx.now)
    choices = []
    for name in PRESETS:
        period = preset(name, today)
        month = f"{MONTH_NAMES[period.start.month - 1]} {period.start.year}"
        title = ctx.t(f"export_period_{name}", month=month, year=period.start.year)
        choices.append(Choice(name, title))
    return Reply(ctx.t("export_ask_period"), choices=tuple(choices))


async def handle_period(ctx: Context, answer: Answer) -> Outcome:
    today = today_wib(ctx.now)
    if answer.choice is not None:
        period = preset(answer.choice.id, today)
    else:
        try:
            period = parse_period(answer.text, today)
        except PeriodError as error:
            order = error.reason == END_BEFORE_START
            return Stay(ctx.t("export_period_order" if order else "export_period_unreadable"))
    ctx.data[START], ctx.data[END] = period.start.isoformat(), period.end.isoformat()
    regions = await region_index(ctx.services.uow)
    scope = official_scope(ctx)
    if not areas_within(scope, regions):
        return await export(ctx, whole_area(scope, regions))
    return Go("area")


async def ask_area(ctx: Context) -> Reply:
    scope = official_scope(ctx)
    regions = await region_index(ctx.services.uow)
    whole = whole_area(scope, regions)
    choices = [Choice(ALL, ctx.t("export_area_all", name=area_label(ctx, whole)))]
    choices += [Choice(a.choice_id, area_label(ctx, a)) for a in areas_within(scope, regions)]
    return Reply(ctx.t("export_ask_area"), choices=tuple(choices))


async def handle_area(ctx: Context, answer: Answer) -> Outcome:
    scope = official_scope(ctx)
    regions = await region_index(ctx.services.uow)
    if answer.choice is not None and answer.choice.id == ALL:
        area: Area | None = whole_area(scope, regions)
    elif answer.choice is not None:
        area = area_by_choice(answer.choice.id, scope, regions)
    else:
        area = find_area(answer.text, scope, regions)
    if area is None and answer.choice is None:
        # A name that only comes close: "Maksud Anda Kel. …?" (its area is a button).
        allowed = {k.code for k in regions.suggest_kelurahan(answer.text) if scope.covers(k.code)}
        _, close = await read_kelurahan(ctx, answer.text, allowed)
        if close:
            return Stay(did_you_mean(ctx, close))
    if area is None:
        return Stay(ctx.t("export_area_unknown"))
    return await export(ctx, area)


async def export(ctx: Context, area: Area) -> Outcome:
    start, end = date.fromisoformat(ctx.data[START]), date.fromisoformat(ctx.data[END])
    full = may_see_full_nik(ctx)
    request = ExportRequest(start, end, area, ctx.data[FORMAT], full_nik=full)
    ctx.say(ctx.t("export_preparing"))
    result = await export_document(
        ctx.services.uow,
        request,
        actor_account_id=ctx.caller.account_id,
        actor=ctx.caller.name,
        at=ctx.now,
    )
    period = f"{format_date(start)} – {format_date(end)}"
    if result.rows == 0:
        ctx.say(ctx.t("export_empty", period=period, area=area_label(ctx, area)))
        return End()
    text = ctx.t(
        "export_done",
        rows=f"{result.rows:,}".replace(",", "."),
        period=period,
        area=area_label(ctx, area),
        nik=ctx.t("export_nik_full" if full else "export_nik_masked"),
    )
    document = Document(result.file_name, result.mime_type, result.data)
    ctx.say(Reply(text, document=document))
    return End()


def area_label(ctx: Context, area: Area) -> str:
    return ctx.t(f"export_area_{area.kind}", name=area.name)

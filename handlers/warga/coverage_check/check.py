"""Cek perlindungan's steps: the caller's own coverage by verified phone, a check by NIK."""

from __future__ import annotations

from bot.core.dialog import NAV_MENU, Answer, Context, Go, Outcome, Start, Stay
from bot.core.markup import Text
from bot.core.messages import Choice, Reply
from bot.domain.dates import format_datetime, today_wib
from bot.domain.nik import Nik, NikError, parse_nik
from handlers.common.activity_views import rt_line
from handlers.common.audit import audit
from handlers.common.lookup_limit import free_again_at
from handlers.common.people import nik_problem
from handlers.warga import benefits
from handlers.warga import coverage_rows as cover

LOOKUP_NIK = "coverage_lookup_nik"
LOOKUP_PHONE = "coverage_lookup_phone"
LOOKUP_REFUSED = "coverage_lookup_limited"
OTHER = "other"
BENEFITS = "benefits"
OWN = "own"  # the caller's own coverage was shown
CHECKED = "checked"  # a NIK was checked


def _benefits_and_menu(ctx: Context) -> tuple[Choice, ...]:
    return (
        Choice(BENEFITS, ctx.t("resident_choice_benefits")),
        Choice(NAV_MENU, ctx.t("resident_choice_menu")),
    )


async def _row_text(ctx: Context, row: cover.Row) -> str:
    return ctx.t(
        "check_row",
        activity=cover.activity_text(ctx, row.activity),
        rt=await rt_line(ctx, row.activity.rt_id),
        period=cover.period_text(ctx, row),
        status=cover.status_text(ctx, row),
    )


async def show_own(ctx: Context) -> bool:
    """Say the caller's own coverage when their verified phone is on a worker list."""
    if not ctx.caller.phone:
        return False
    people = await cover.people_of_caller(ctx)
    if not people:
        await audit(ctx, LOOKUP_PHONE, None, found=False)
        return False
    parts = [ctx.t("check_own_head", phone=ctx.caller.phone)]
    for person in people:
        await audit(ctx, LOOKUP_PHONE, person.id, found=True)
        parts.append(ctx.t("check_person_head", name=person.name, nik=person.nik_masked))
        rows = await cover.rows_of(ctx, [person.id], confirmed_only=True)
        if not rows:
            parts.append(ctx.t("check_no_rows", name=person.name))
        parts.extend([await _row_text(ctx, row) for row in rows[: cover.MAX_ROWS]])
        if len(rows) > cover.MAX_ROWS:
            parts.append(ctx.t("check_more", count=len(rows) - cover.MAX_ROWS))
    parts.append(ctx.t("check_what_covered"))
    ctx.say("\n\n".join(parts))
    ctx.data[OWN] = True
    return True


async def enter(ctx: Context) -> Outcome | None:
    return Go(OWN) if await show_own(ctx) else None


async def ask_own(ctx: Context) -> Reply:
    choices = (Choice(OTHER, ctx.t("check_choice_other")), *_benefits_and_menu(ctx))
    return Reply(ctx.t("check_after_own"), choices=choices)


async def handle_own(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is not None and answer.choice.id == OTHER:
        return Go("nik")
    if answer.choice is not None and answer.choice.id == BENEFITS:
        return Start(benefits.NAME)
    if any(ch.isdigit() for ch in answer.text):
        # A NIK typed straight away instead of tapping "Cek NIK lain".
        return await handle_nik(ctx, answer)
    return Stay(ctx.t("check_pick_own"))


async def ask_nik(ctx: Context) -> Reply:
    if ctx.data.get(CHECKED):
        return Reply(ctx.t("check_ask_again"), choices=_benefits_and_menu(ctx))
    if not ctx.caller.phone:
        text = ctx.t("check_ask_nik_no_phone")
        return Reply(text, choices=_benefits_and_menu(ctx), request_phone=True)
    if ctx.data.get(OWN):
        return Reply(ctx.t("check_ask_nik"), choices=_benefits_and_menu(ctx))
    text = ctx.t("check_ask_nik_unknown_phone", phone=ctx.caller.phone)
    return Reply(text, choices=_benefits_and_menu(ctx))


async def handle_nik(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is not None and answer.choice.id == BENEFITS:
        return Start(benefits.NAME)
    if answer.message.phone and not answer.text:
        # A contact shared on Telegram: show their own coverage if they are on a list.
        if await show_own(ctx):
            return Go(OWN)
        return Stay(ctx.t("check_share_unknown", phone=answer.message.phone))
    try:
        nik = parse_nik(answer.text, today_wib(ctx.now))
    except NikError as error:
        return Stay(nik_problem(ctx, error.reason))
    refusal = await limit_refusal(ctx)
    if refusal is not None:
        await audit(ctx, LOOKUP_REFUSED, None)
        return Stay(refusal)
    ctx.say(await nik_answer(ctx, nik))
    ctx.data[CHECKED] = True
    return Go("nik")


async def limit_refusal(ctx: Context) -> str | None:
    """Why another NIK check is refused now (with when it is allowed again), or None."""
    limit = int(ctx.services.settings.program.nik_lookups_per_hour)
    free_at = await free_again_at(ctx, LOOKUP_NIK, limit)
    if free_at is None:
        return None
    return ctx.t("check_limited", limit=limit, at=format_datetime(free_at))


async def nik_answer(ctx: Context, nik: Nik) -> str:
    """Covered now (period and RT of each current coverage), coming coverage, or not
    covered — never a name; audited with the masked NIK only."""
    person = await ctx.services.uow.persons.find_by_nik(nik.value)
    rows = await cover.rows_of(ctx, [person.id], confirmed_only=True) if person else []
    current = [row for row in rows if row.status == cover.NOW]
    coming = sorted(
        (row for row in rows if row.status == cover.UPCOMING),
        key=lambda row: row.window.starts if row.window else ctx.now,
    )
    await audit(
        ctx,
        LOOKUP_NIK,
        person.id if person else None,
        nik_masked=nik.masked(),
        found=person is not None,
        covered_now=bool(current),
    )
    shown = current or coming
    if not shown:
        return ctx.t("check_nik_not_covered", nik=nik.masked())
    lines = [
        ctx.t(
            "check_nik_line",
            period=cover.period_text(ctx, row),
            rt=await rt_line(ctx, row.activity.rt_id),
        )
        for row in shown[: cover.MAX_ROWS]
    ]
    key = "check_nik_covered" if current else "check_nik_upcoming"
    return ctx.t(key, nik=nik.masked(), lines=Text.joined("\n", lines))

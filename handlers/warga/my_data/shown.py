"""Data saya's own steps: sharing the phone number when it is not verified yet, and what
the bot stores about the caller, with the way to ask for a correction."""

from __future__ import annotations

from typing import Any

from bot.core.dialog import NAV_MENU, Answer, Context, End, Go, Outcome, Start, Stay
from bot.core.messages import Choice, Reply
from bot.core.privacy import notice_values
from bot.domain.dates import format_date, to_wib
from bot.domain.money import format_rupiah
from bot.domain.vocabulary import CorrectionStatus
from handlers.common.activity_views import role_label, rt_line
from handlers.warga import coverage_rows as cover
from handlers.warga.my_data import NAME, correction

SHARE = "share"
AFTER = "after"
FIX = "fix"
VIEWED = "own_data_viewed"
SEX_KEYS = {"L": "participants_sex_l", "P": "participants_sex_p"}
REQUEST_KEYS = {
    CorrectionStatus.OPEN: "mydata_request_open",
    "done": "mydata_request_done",
    CorrectionStatus.REJECTED: "mydata_request_rejected",
}


async def _activity_line(ctx: Context, row: cover.Row) -> str:
    values = {
        "activity": cover.activity_text(ctx, row.activity),
        "rt": await rt_line(ctx, row.activity.rt_id),
        "role": role_label(ctx, row.participation.role),
        "period": cover.period_text(ctx, row),
        "status": cover.status_text(ctx, row),
    }
    wage = row.participation.daily_wage
    if wage:
        return ctx.t("mydata_activity_wage", wage=format_rupiah(wage), **values)
    return ctx.t("mydata_activity", **values)


def _capped(ctx: Context, lines: list[str]) -> list[str]:
    if len(lines) <= cover.MAX_ROWS:
        return lines
    return [*lines[: cover.MAX_ROWS], ctx.t("mydata_more", count=len(lines) - cover.MAX_ROWS)]


async def person_text(ctx: Context, person: Any) -> str:
    """The person's data as held. The birth date and sex are shown (they are what a
    person checks and asks to correct) and the NIK is not, not even masked: beside them
    a masked NIK leaves only the kecamatan digits to guess (bot.domain.nik, "Masking")."""
    uow = ctx.services.uow
    sex = SEX_KEYS.get(person.sex)
    lines = [
        ctx.t(
            "mydata_person",
            name=person.name,
            birth=format_date(person.birth_date),
            sex=ctx.t(sex) if sex else "-",
            phone=person.phone or "-",
        )
    ]
    rows = await cover.rows_of(ctx, [person.id], confirmed_only=False)
    if rows:
        lines.append(ctx.t("mydata_activities_head", count=len(rows)))
        lines += _capped(ctx, [await _activity_line(ctx, row) for row in rows])
    else:
        lines.append(ctx.t("mydata_activities_none"))
    incidents = await uow.persons.incidents_about([person.id])
    if incidents:
        lines.append(ctx.t("mydata_incidents_head", count=len(incidents)))
        lines += _capped(ctx, [_incident_line(ctx, incident) for incident in incidents])
    requests = await uow.corrections.for_persons([person.id])
    if requests:
        lines.append(ctx.t("mydata_requests_head"))
        lines += _capped(ctx, [_request_line(ctx, request) for request in requests])
    return "\n".join(lines)


def _incident_line(ctx: Context, incident: Any) -> str:
    day = format_date(to_wib(incident.occurred_at).date())
    return ctx.t("mydata_incident", reference=incident.reference, date=day)


def _request_line(ctx: Context, request: Any) -> str:
    status = ctx.t(REQUEST_KEYS.get(request.status, "mydata_request_open"))
    day = format_date(to_wib(request.created_at).date())
    return ctx.t("mydata_request", id=request.id, date=day, status=status)


async def enter(ctx: Context) -> Outcome:
    if not ctx.caller.phone:
        return Go(SHARE)
    uow = ctx.services.uow
    people = await cover.people_of_caller(ctx)
    for person in people or [None]:
        await uow.audit.record(
            VIEWED,
            actor_account_id=ctx.caller.account_id,
            actor=ctx.caller.name,
            subject_person_id=person.id if person is not None else None,
            detail={"found": person is not None},
            at=ctx.now,
        )
    if not people:
        ctx.say(ctx.t("mydata_none", phone=ctx.caller.phone))
        ctx.say(ctx.t("mydata_privacy", **notice_values(ctx.services.settings)))
        return End()
    parts = [ctx.t("mydata_head", phone=ctx.caller.phone)]
    parts += [await person_text(ctx, person) for person in people]
    ctx.say("\n\n".join(parts))
    ctx.say(ctx.t("mydata_privacy", **notice_values(ctx.services.settings)))
    return Go(AFTER)


async def ask_share(ctx: Context) -> Reply:
    menu = (Choice(NAV_MENU, ctx.t("resident_choice_menu")),)
    return Reply(ctx.t("mydata_no_phone"), choices=menu, request_phone=True)


async def handle_share(ctx: Context, answer: Answer) -> Outcome:
    if ctx.caller.phone:
        # The contact was shared (or the number verified meanwhile): show the data.
        return Start(NAME)
    return Stay(ctx.t("mydata_share_expected"))


async def ask_after(ctx: Context) -> Reply:
    choices = (
        Choice(FIX, ctx.t("mydata_choice_fix")),
        Choice(NAV_MENU, ctx.t("resident_choice_menu")),
    )
    return Reply(ctx.t("mydata_after"), choices=choices)


async def handle_after(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is None or answer.choice.id != FIX:
        return Stay(ctx.t("mydata_pick"))
    return await correction.begin(ctx)

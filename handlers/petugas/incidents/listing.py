"""Insiden's list and one incident's detail with what can be done with it."""

from __future__ import annotations

from typing import Any

from bot.core.dialog import Answer, Context, End, Go, Outcome, Stay
from bot.core.markup import Text
from bot.core.messages import Choice, Reply
from bot.domain.dates import format_datetime
from bot.domain.incident import normalise_reference, report_deadline, victim_unverified
from handlers.petugas.incidents.handling import (
    INCIDENT,
    OPEN,
    PAGE,
    REPORTED,
    choice,
    current,
    scope_args,
    state_text,
)

PAGE_SIZE = 8
NEXT, PREV, MENU, BACK = "next", "prev", "menu", "back"
REPORT, CLOSE = "report", "close"


def place_text(ctx: Context, rt: Any | None, kelurahan: Any | None) -> str:
    if rt is None:
        return ctx.t("accident_rt_unknown")
    name = kelurahan.name if kelurahan is not None else rt.kelurahan_code
    return ctx.t("alert_place", rt=f"{rt.number:02d}", kelurahan=name)


def victim_text(ctx: Context, incident: Any, person: Any | None) -> str:
    nik = person.nik_masked if person is not None else ctx.t("accident_nik_unknown")
    stored = person.name if person is not None else ""
    name = stored or incident.victim_name or ctx.t("accident_nik_unknown")
    if victim_unverified(incident.victim_name, stored):
        reported = ctx.t("accident_victim_reported_as", name=incident.victim_name)
        name = f"{stored} · {reported}" if stored else reported
    return ctx.t("inc_victim", name=name, nik=nik)


# --- the list ---------------------------------------------------------------------------


async def ask_list(ctx: Context) -> Reply:
    uow = ctx.services.uow
    total = await uow.incidents.count_active_in_scope(*scope_args(ctx))
    if not total:
        return Reply(ctx.t("inc_none"), choices=(choice(ctx, MENU),))
    pages = (total + PAGE_SIZE - 1) // PAGE_SIZE
    page = min(max(int(ctx.data.get(PAGE, 0)), 0), pages - 1)
    ctx.data[PAGE] = page
    rows = await uow.incidents.active_in_scope(
        *scope_args(ctx), offset=page * PAGE_SIZE, limit=PAGE_SIZE
    )
    lines, choices = [], []
    for index, (incident, rt, kelurahan, person) in enumerate(rows, start=1):
        state = state_text(ctx, incident)
        lines.append(
            ctx.t(
                "inc_line",
                index=index,
                reference=incident.reference,
                place=place_text(ctx, rt, kelurahan),
                victim=victim_text(ctx, incident, person),
                severity=ctx.t(f"accident_severity_{incident.severity}"),
                covered=ctx.t("inc_covered_yes" if incident.covered else "inc_covered_no"),
                state=state,
            )
        )
        choices.append(Choice(f"i{incident.id}", incident.reference, description=state))
    if page > 0:
        choices.append(choice(ctx, PREV))
    if page < pages - 1:
        choices.append(choice(ctx, NEXT))
    choices.append(choice(ctx, MENU))
    text = ctx.t(
        "inc_list", count=total, page=page + 1, pages=pages, lines=Text.joined("\n\n", lines)
    )
    return Reply(text, choices=tuple(choices))


async def handle_list(ctx: Context, answer: Answer) -> Outcome:
    picked = answer.choice.id if answer.choice is not None else ""
    if picked in (NEXT, PREV):
        ctx.data[PAGE] = int(ctx.data.get(PAGE, 0)) + (1 if picked == NEXT else -1)
        return Go("list")
    if picked == MENU:
        return End()
    uow = ctx.services.uow
    if picked.startswith("i") and picked[1:].isdigit():
        incident = await uow.incidents.get(int(picked[1:]))
    elif (reference := normalise_reference(answer.text)) is not None:
        incident = await uow.incidents.by_reference(reference)
        if incident is None:
            return Stay(ctx.t("inc_unknown_reference", reference=reference))
    else:
        return Stay(ctx.t("inc_pick"))
    if incident is None or not await uow.incidents.in_scope(incident.id, *scope_args(ctx)):
        return Stay(ctx.t("inc_out_of_scope"))
    if incident.status not in (OPEN, REPORTED):
        when = format_datetime(incident.closed_at) if incident.closed_at else "-"
        return Stay(ctx.t("inc_already_closed", reference=incident.reference, when=when))
    ctx.data[INCIDENT] = incident.id
    return Go("detail")


# --- one incident -----------------------------------------------------------------------


def actions(incident: Any) -> tuple[str, ...]:
    if incident.status == OPEN:
        return (REPORT, CLOSE, BACK)
    if incident.status == REPORTED:
        return (CLOSE, BACK)
    return (BACK,)


async def ask_detail(ctx: Context) -> Reply:
    incident = await current(ctx)
    if incident is None:
        return Reply(ctx.t("inc_gone"), choices=(choice(ctx, BACK),))
    uow = ctx.services.uow
    rt = await uow.rts.get(incident.rt_id) if incident.rt_id else None
    kelurahan = await uow.regions.get_kelurahan(rt.kelurahan_code) if rt else None
    kecamatan = await uow.regions.get_kecamatan(kelurahan.kecamatan_code) if kelurahan else None
    activity = await uow.activities.get(incident.activity_id) if incident.activity_id else None
    person = await uow.persons.get(incident.person_id) if incident.person_id else None
    place = place_text(ctx, rt, kelurahan)
    if kecamatan is not None:
        place = f"{place}, {ctx.t('alert_scope_kecamatan', name=kecamatan.name)}"
    if activity is None:
        activity_text = ctx.t("accident_no_activity")
    else:
        activity_text = f"{activity.title} ({activity.number or '-'})"
    text = ctx.t(
        "inc_detail",
        reference=incident.reference,
        place=place,
        activity=activity_text,
        victim=victim_text(ctx, incident, person),
        covered=ctx.t("accident_covered_yes" if incident.covered else "accident_covered_no"),
        when=format_datetime(incident.occurred_at),
        where=incident.place or "-",
        what=incident.description or "-",
        severity=ctx.t(f"accident_severity_{incident.severity}"),
        reporter=incident.reporter_name or "-",
        phone=incident.reporter_phone or "-",
        received=format_datetime(incident.reported_at),
        deadline=format_datetime(report_deadline(incident.occurred_at)),
        state=state_text(ctx, incident),
    )
    if incident.status == REPORTED and incident.bpjs_reported_at is not None:
        text += "\n" + ctx.t(
            "inc_reported_line",
            when=format_datetime(incident.bpjs_reported_at),
            number=incident.bpjs_report_number or "-",
        )
    return Reply(text, choices=tuple(choice(ctx, a) for a in actions(incident)))


async def handle_detail(ctx: Context, answer: Answer) -> Outcome:
    if answer.picked == BACK:
        return Go("list")
    incident = await current(ctx)
    if incident is None:
        ctx.say(ctx.t("inc_gone"))
        return Go("list")
    if answer.picked not in actions(incident):  # handled by someone else meanwhile
        return Stay(ctx.t("inc_action_gone", state=state_text(ctx, incident)))
    return Go("report_number" if answer.picked == REPORT else "close_reason")

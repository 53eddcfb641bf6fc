"""An activity's worker list for officials: name, NIK masked, role and covered period of
everyone on it (removed people too, covered until the removal), a page at a time.

The full NIK is for admin and bpjs only (`may_see_full_nik`), one person at a time after
an explicit "Tampilkan NIK lengkap", and each reveal is written to the audit log with the
person as its subject. The NIK is sent, never kept in the conversation's data."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from bot.activities.lifecycle import participation_window
from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.coverage import start_of_day
from bot.domain.dates import format_date, format_datetime
from handlers.common.access import may_see_full_nik
from handlers.common.activity_views import cancelled, role_label
from handlers.petugas.places import scoped_activity

ACTIVITY = "activity_id"
PAGE = "people_page"
# Nine people and "Kembali" make ten rows: one WhatsApp list when choosing whose NIK.
PAGE_SIZE = 9
NEXT, PREV, REVEAL, BACK = "next", "prev", "reveal", "back"
NIK_REVEALED = "nik_revealed"


def _page(ctx: Context) -> int:
    value = ctx.data.get(PAGE)
    return value if isinstance(value, int) and value > 0 else 0


async def _rows(ctx: Context, activity: Any) -> tuple[Sequence[tuple[Any, Any]], int, int]:
    """The current page of the worker list, the page number and the page count."""
    uow = ctx.services.uow
    active, removed = await uow.participations.count_active_and_removed(activity.id)
    pages = max(1, (active + removed + PAGE_SIZE - 1) // PAGE_SIZE)
    page = min(_page(ctx), pages - 1)
    ctx.data[PAGE] = page
    rows = await uow.participations.worker_list(
        activity.id, offset=page * PAGE_SIZE, limit=PAGE_SIZE
    )
    return rows, page, pages


def covered_text(ctx: Context, activity: Any, participation: Any) -> str:
    """The participant's coverage window as the bot words it: whole days when it follows
    the activity's dates, the moment when adding, removal or cancellation cut it."""
    window = participation_window(activity, participation)
    if window is None:
        return ctx.t("oa_period_unconfirmed")
    if window.empty:
        # Cut before it began: by the cancellation, or by the person's removal.
        return ctx.t("oa_period_none" if cancelled(activity) else "oa_period_none_removed")
    starts = (
        format_date(activity.start_date)
        if window.starts == start_of_day(activity.start_date)
        else format_datetime(window.starts)
    )
    natural_end = start_of_day(activity.end_date + timedelta(days=1))
    ends = (
        format_date(activity.end_date)
        if window.ends == natural_end
        else format_datetime(window.ends)
    )
    return ctx.t("oa_period", start=starts, end=ends)


async def ask_people(ctx: Context) -> Reply:
    activity = await scoped_activity(ctx, ctx.data.get(ACTIVITY))
    if activity is None:
        return Reply(ctx.t("oa_not_found"), choices=(Choice(BACK, ctx.t("oa_choice_back")),))
    rows, page, pages = await _rows(ctx, activity)
    lines = [ctx.t("oa_people_head", title=activity.title, page=page + 1, pages=pages)]
    for number, (participation, person) in enumerate(rows, start=page * PAGE_SIZE + 1):
        removed = ctx.t("oa_removed") if participation.removed_at is not None else ""
        lines.append(
            ctx.t(
                "oa_person_line",
                n=number,
                name=person.name,
                nik=person.nik_masked,
                role=role_label(ctx, participation.role),
                period=covered_text(ctx, activity, participation),
                removed=removed,
            )
        )
    if not rows:
        lines.append(ctx.t("oa_people_empty"))
    choices = []
    if page > 0:
        choices.append(Choice(PREV, ctx.t("oa_prev")))
    if page < pages - 1:
        choices.append(Choice(NEXT, ctx.t("oa_next")))
    if rows and may_see_full_nik(ctx):
        choices.append(Choice(REVEAL, ctx.t("oa_choice_reveal")))
    choices.append(Choice(BACK, ctx.t("oa_choice_back_activity")))
    return Reply("\n".join(lines), choices=tuple(choices))


async def handle_people(ctx: Context, answer: Answer) -> Outcome:
    picked = answer.picked
    if picked in (NEXT, PREV):
        ctx.data[PAGE] = _page(ctx) + (1 if picked == NEXT else -1)
        return Go("people")
    if picked == REVEAL:
        return Go("reveal")
    return Go("detail")


async def ask_reveal(ctx: Context) -> Reply:
    back = Choice(BACK, ctx.t("oa_choice_back_people"))
    activity = await scoped_activity(ctx, ctx.data.get(ACTIVITY))
    if activity is None:
        return Reply(ctx.t("oa_not_found"), choices=(back,))
    if not may_see_full_nik(ctx):
        return Reply(ctx.t("oa_reveal_not_allowed"), choices=(back,))
    rows, _, _ = await _rows(ctx, activity)
    choices = [Choice(f"p{p.id}", f"{person.name} ({person.nik_masked})") for p, person in rows]
    return Reply(ctx.t("oa_reveal_ask"), choices=(*choices, back))


async def handle_reveal(ctx: Context, answer: Answer) -> Outcome:
    if answer.picked == BACK:
        return Go("people")
    activity = await scoped_activity(ctx, ctx.data.get(ACTIVITY))
    if activity is None or not may_see_full_nik(ctx):
        return Stay(ctx.t("oa_reveal_not_allowed"))
    uow = ctx.services.uow
    participation = await uow.participations.get(_id(answer.picked))
    if participation is None or participation.activity_id != activity.id:
        return Stay(ctx.t("oa_reveal_gone"))
    person = await uow.persons.get(participation.person_id)
    assert person is not None, "a participation's person exists (foreign key)"
    nik = uow.persons.reveal_nik(person)
    event = await uow.audit.record(
        NIK_REVEALED,
        actor_account_id=ctx.caller.account_id,
        actor=ctx.caller.name,
        subject_person_id=person.id,
        detail={"activity_id": activity.id, "participation_id": participation.id},
    )
    # The service's clock, so the trail agrees with everything else the bot records.
    event.at = ctx.now
    ctx.say(ctx.t("oa_reveal_shown", name=person.name, nik=nik))
    return Go("people")


def _id(choice_id: str) -> int:
    digits = choice_id.removeprefix("p")
    return int(digits) if digits.isdigit() else 0

"""Who had the accident and where: the Ketua RT's activity and worker list, or a
resident's "NIK and/or name, and RT". A NIK not on the activity's list is accepted (the
report is flagged), but the stored name is never shown for a typed NIK: the reporter types
the name, so a NIK cannot be used to look people up."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.dates import format_date, today_wib
from bot.domain.incident import clean_name, split_nik_and_name
from bot.domain.nik import NikError, parse_nik
from bot.domain.regions import name_key
from bot.domain.vocabulary import ActivityStatus
from handlers.accident_report import flow
from handlers.common.access import own_activity, own_rt_ids

NO_ACTIVITY = "none"
MYSELF = "me"
NEXT_PAGE, PREVIOUS_PAGE = "next", "prev"
PAGE_SIZE = 8
MAX_ACTIVITIES = 8
# Confirmed activities that ended longer ago than this are not offered.
ACTIVITY_LOOKBACK = timedelta(days=366)
# Both birth dates a new victim's NIK may mean ("…0620…": 2020 or 1920), ISO, while asked.
BIRTH_READINGS = "victim_birth_readings"


def _order(activity: Any, today: date) -> tuple[int, int]:
    """Running today first, then upcoming (soonest first), then ended (latest first)."""
    if activity.start_date <= today <= activity.end_date:
        return 0, 0
    if activity.start_date > today:
        return 1, activity.start_date.toordinal()
    return 2, -activity.end_date.toordinal()


async def reportable_activities(ctx: Context) -> list[Any]:
    today = today_wib(ctx.now)
    found = []
    for rt_id in own_rt_ids(ctx):
        for activity in await ctx.services.uow.activities.list_for_rt(rt_id):
            if activity.confirmed_at is None or activity.status == ActivityStatus.DRAFT:
                continue
            if activity.end_date >= today - ACTIVITY_LOOKBACK:
                found.append(activity)
    return sorted(found, key=lambda a: _order(a, today))[:MAX_ACTIVITIES]


async def ask_activity(ctx: Context) -> Reply:
    activities = await reportable_activities(ctx)
    choices = [
        Choice(
            f"a:{a.id}",
            a.title[:60],
            ctx.t(
                "accident_activity_period",
                number=a.number or "-",
                start=format_date(a.start_date),
                end=format_date(a.end_date),
            ),
        )
        for a in activities
    ]
    choices.append(Choice(NO_ACTIVITY, ctx.t("accident_no_activity_button")))
    key = "accident_ask_activity" if activities else "accident_ask_activity_none"
    return Reply(ctx.t(key), choices=tuple(choices))


async def handle_activity(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is None:
        return Stay(ctx.t("accident_pick_activity"))
    if answer.choice.id == NO_ACTIVITY:
        ctx.data[flow.ACTIVITY] = None
        rts = own_rt_ids(ctx)
        ctx.data[flow.RT] = rts[0] if len(rts) == 1 else None
    else:
        activity = await own_activity(ctx, answer.choice.id.removeprefix("a:"))
        if activity is None or activity.confirmed_at is None:
            return Stay(ctx.t("accident_pick_activity"))
        ctx.data[flow.ACTIVITY] = activity.id
        ctx.data[flow.RT] = activity.rt_id
    ctx.data.pop(flow.PERSON, None)
    ctx.data.pop(flow.VICTIM, None)
    ctx.data[flow.PAGE] = 0
    # The victim belongs to the activity: choosing again means choosing the victim again.
    return Go(flow.PERSON_STEP)


async def worker_list(ctx: Context) -> list[tuple[Any, Any]]:
    """(participation, person) of the chosen activity's current worker list."""
    activity_id = flow.optional_int(ctx.data.get(flow.ACTIVITY))
    if activity_id is None:
        return []
    return list(await ctx.services.uow.participations.listed(activity_id))


async def ask_person(ctx: Context) -> Reply:
    people = await worker_list(ctx)
    if not people:
        return Reply(ctx.t("accident_ask_victim_nik"))
    page = max(0, min(int(ctx.data.get(flow.PAGE, 0)), (len(people) - 1) // PAGE_SIZE))
    shown = people[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    choices = [Choice(f"p:{person.id}", person.name, person.nik_masked) for _, person in shown]
    if page > 0:
        choices.append(Choice(PREVIOUS_PAGE, ctx.t("accident_previous_page")))
    if (page + 1) * PAGE_SIZE < len(people):
        choices.append(Choice(NEXT_PAGE, ctx.t("accident_next_page")))
    return Reply(ctx.t("accident_ask_person", count=len(people)), choices=tuple(choices))


def _pick(ctx: Context, person: Any) -> None:
    ctx.data[flow.PERSON] = person.id
    ctx.data[flow.VICTIM] = person.name


async def handle_person(ctx: Context, answer: Answer) -> Outcome:
    people = await worker_list(ctx)
    if answer.choice is not None and answer.choice.id in (NEXT_PAGE, PREVIOUS_PAGE):
        step = 1 if answer.choice.id == NEXT_PAGE else -1
        ctx.data[flow.PAGE] = max(0, int(ctx.data.get(flow.PAGE, 0)) + step)
        return Go(flow.PERSON_STEP)
    if answer.choice is not None:
        wanted = flow.optional_int(answer.choice.id.removeprefix("p:"))
        person = next((p for _, p in people if p.id == wanted), None)
        if person is None:
            return Stay(ctx.t("stale_choice"))
        _pick(ctx, person)
        await flow.forget_created_person(ctx, keep=person.id)
        return flow.after_victim(ctx)
    named = [p for _, p in people if name_key(p.name) == name_key(answer.text)]
    if len(named) == 1:
        _pick(ctx, named[0])
        await flow.forget_created_person(ctx, keep=named[0].id)
        return flow.after_victim(ctx)
    problem = await identify_victim(ctx, answer.text, people, nik_required=True)
    return Stay(problem) if problem else after_identified(ctx)


def nik_problem(ctx: Context, error: NikError) -> str:
    return ctx.t(f"accident_nik_{error.reason}")


async def identify_victim(
    ctx: Context, text: str, people: list[tuple[Any, Any]], nik_required: bool
) -> str | None:
    """Record the victim from "NIK Nama", a NIK of someone on the list, or (for a
    resident) a name alone. Returns the problem to explain, or None when done."""
    uow = ctx.services.uow
    nik_text, rest = split_nik_and_name(text)
    name = clean_name(rest) if rest else None
    if nik_text is None:
        if nik_required:
            return ctx.t("accident_need_nik")
        if name is None:
            return ctx.t("accident_bad_victim")
        await flow.forget_created_person(ctx)
        ctx.data[flow.PERSON], ctx.data[flow.VICTIM] = None, name
        return None
    try:
        nik = parse_nik(nik_text, today_wib(ctx.now))
    except NikError as error:
        return nik_problem(ctx, error)
    person = await uow.persons.find_by_nik(nik.value)
    on_list = person is not None and any(p.id == person.id for _, p in people)
    if on_list and person is not None:
        _pick(ctx, person)
        await flow.forget_created_person(ctx, keep=person.id)
        return None
    if name is None:
        return ctx.t("accident_need_name" if not rest else "accident_bad_name")
    await flow.forget_created_person(ctx, keep=person.id if person is not None else None)
    ctx.data.pop(BIRTH_READINGS, None)
    if person is None:
        # Stored now so that only its id travels in the conversation state. Without a
        # name: the reporter's word for it is kept on the report ("dilaporkan sebagai"),
        # and the person's name comes from whoever registers them (issue 12).
        person = await uow.persons.add(nik.value, "", nik.birth_date, nik.sex)
        ctx.data[flow.CREATED_PERSON] = person.id
        if nik.other_birth_date is not None:
            # Both centuries give a believable age: ask (`ask_century`). A known person
            # keeps the date chosen before.
            ctx.data[BIRTH_READINGS] = [
                nik.birth_date.isoformat(),
                nik.other_birth_date.isoformat(),
            ]
    ctx.data[flow.PERSON], ctx.data[flow.VICTIM] = person.id, name
    if people or flow.optional_int(ctx.data.get(flow.ACTIVITY)) is not None:
        ctx.say(ctx.t("accident_not_on_list"))
    return None


async def _own_person(ctx: Context) -> Any | None:
    """The resident's own person record, when their verified phone names exactly one."""
    if not ctx.caller.phone:
        return None
    people = await ctx.services.uow.persons.by_phone(ctx.caller.phone)
    return people[0] if len(people) == 1 else None


async def ask_victim(ctx: Context) -> Reply:
    me = await _own_person(ctx)
    choices = (Choice(MYSELF, ctx.t("accident_victim_myself"), me.name),) if me else ()
    return Reply(ctx.t("accident_ask_victim"), choices=choices)


async def handle_victim(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is not None and answer.choice.id == MYSELF:
        me = await _own_person(ctx)
        if me is None:
            return Stay(ctx.t("stale_choice"))
        await flow.forget_created_person(ctx, keep=me.id)
        _pick(ctx, me)
        return flow.after_victim(ctx)
    problem = await identify_victim(ctx, answer.text, [], nik_required=False)
    return Stay(problem) if problem else after_identified(ctx)


def after_identified(ctx: Context) -> Outcome:
    """On to the next question, after asking the century of a new victim's NIK when
    both readings give a believable age."""
    if ctx.data.get(BIRTH_READINGS):
        return Go(flow.CENTURY_STEP)
    return flow.after_victim(ctx)


async def ask_century(ctx: Context) -> Reply:
    readings = [date.fromisoformat(d) for d in ctx.data.get(BIRTH_READINGS) or []]
    if len(readings) != 2:
        return Reply(ctx.t("accident_century_problem"))
    young, old = readings
    choices = tuple(Choice(d.isoformat(), str(d.year)) for d in (young, old))
    text = ctx.t("accident_ask_century", young=young.year, old=old.year)
    return Reply(text, choices=choices)


async def handle_century(ctx: Context, answer: Answer) -> Outcome:
    readings = ctx.data.get(BIRTH_READINGS) or []
    picked = answer.choice.id if answer.choice is not None else ""
    person_id = flow.optional_int(ctx.data.get(flow.PERSON))
    uow = ctx.services.uow
    person = await uow.persons.get(person_id) if person_id is not None else None
    if picked not in readings or person is None:
        return Stay(ctx.t("accident_century_problem"))
    ctx.data.pop(BIRTH_READINGS, None)
    await uow.persons.update_birth_date(person, date.fromisoformat(picked))
    return flow.after_victim(ctx)

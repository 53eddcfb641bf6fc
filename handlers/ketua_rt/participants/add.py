"""Adding one participant, first half: NIK → (a new person whose NIK year reads as two
plausible ages, e.g. 2020 or 1920: which year of birth) → derived birth date and sex
confirmed → (under 18: the children's-data confirmation) → name. details.py asks the rest.

The person is found or created as soon as the NIK is valid (only its id is kept); a person
created here and never put on a list is deleted again (see `discard_pending`). A NIK that
is already known keeps its stored name. For a person of the chair's own records
(participants.records) a clearly different typed name usually means a mistyped NIK, so he
either takes the stored name or checks the NIK again. For anyone else the stored name is
never shown, nor whether his matches: the entry goes on under the name he typed, and a
name that does not match is sent to the officials to check (details.save_entry).
"""

from __future__ import annotations

from datetime import date

from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.dates import format_date, today_wib
from bot.domain.nik import NikError, parse_nik
from bot.domain.roster import age_on, is_minor, names_differ
from handlers.common.people import nik_problem, read_name
from handlers.ketua_rt.participants import records
from handlers.ketua_rt.participants.common import (
    NAME,
    OUTSIDE,
    PENDING,
    PENDING_NEW,
    UNMATCHED,
    discard_pending,
    guarded_activity,
    listed_name,
    pending,
    pending_person,
    to_main,
)

YES, NO, STORED, RECHECK = "yes", "no", "stored", "recheck"
TYPED_NAME = "typed_name"
# The two plausible birth dates (ISO) of a new person's NIK, until the user picks one.
BIRTH_READINGS = "birth_readings"


async def ask_nik(ctx: Context) -> Reply:
    return Reply(ctx.t("participants_ask_nik"))


async def handle_nik(ctx: Context, answer: Answer) -> Outcome:
    activity = await guarded_activity(ctx)
    try:
        nik = parse_nik(answer.text, today_wib(ctx.now))
    except NikError as error:
        problem = nik_problem(ctx, error.reason)
        if error.reason == "length":
            count = sum(ch.isdigit() for ch in answer.text)
            problem = f"{problem} {ctx.t('participants_nik_count', count=count)}"
        return Stay(problem)
    uow = ctx.services.uow
    await discard_pending(ctx)
    person = await uow.persons.find_by_nik(nik.value)
    listed = await uow.participations.active_for(activity.id, person.id) if person else None
    if person is not None and listed is not None:
        name = listed_name(listed, person)
        return Stay(ctx.t("participants_already_in", name=name, nik=person.nik_masked))
    ctx.data.pop(BIRTH_READINGS, None)
    if person is None:
        person = await uow.persons.add(nik.value, "", nik.birth_date, nik.sex)
        ctx.data[PENDING_NEW] = True
        if nik.other_birth_date is not None:
            # Both centuries give a believable age: ask, before any age is shown or the
            # under-18 warning is given. A known person keeps the date chosen before.
            ctx.data[PENDING] = person.id
            ctx.data[BIRTH_READINGS] = [
                nik.birth_date.isoformat(),
                nik.other_birth_date.isoformat(),
            ]
            return Go("nik_century")
    elif not await records.in_records(ctx, person, activity):
        refusal = await records.lookup_refusal(ctx, activity)
        if refusal is not None:
            return Stay(refusal)
        await records.record_lookup(ctx, person, activity, via="participants")
        ctx.data[OUTSIDE] = True
    elif person.name:
        # The stored name will be shown for this NIK: who looked it up is on record.
        await uow.audit.record(
            "nik_lookup",
            actor_account_id=ctx.caller.account_id,
            actor=ctx.caller.name,
            subject_person_id=person.id,
            detail={"activity_id": activity.id, "via": "participants"},
        )
    ctx.data[PENDING] = person.id
    return Go("nik_confirm")


async def ask_nik_century(ctx: Context) -> Reply:
    readings = [date.fromisoformat(d) for d in ctx.data.get(BIRTH_READINGS) or []]
    if len(readings) != 2:
        return Reply(ctx.t("participants_entry_lost"))
    young, old = readings
    choices = tuple(Choice(d.isoformat(), str(d.year)) for d in (young, old))
    return Reply(ctx.t("participants_ask_century", young=young.year, old=old.year), choices=choices)


async def handle_nik_century(ctx: Context, answer: Answer) -> Outcome:
    person = await pending_person(ctx)
    readings = ctx.data.get(BIRTH_READINGS) or []
    if answer.picked not in readings:
        return Stay(ctx.t("participants_century_problem"))
    ctx.data.pop(BIRTH_READINGS, None)
    await ctx.services.uow.persons.update_birth_date(person, date.fromisoformat(answer.picked))
    return Go("nik_confirm")


async def ask_nik_confirm(ctx: Context) -> Reply:
    person = await pending(ctx)
    if person is None:
        return Reply(ctx.t("participants_entry_lost"))
    sex = ctx.t("participants_sex_p" if person.sex == "P" else "participants_sex_l")
    text = ctx.t(
        "participants_confirm_nik",
        birth=format_date(person.birth_date),
        age=age_on(person.birth_date, today_wib(ctx.now)),
        sex=sex,
    )
    choices = (Choice(YES, ctx.t("participants_yes")), Choice(NO, ctx.t("participants_no")))
    return Reply(text, choices=choices)


async def handle_nik_confirm(ctx: Context, answer: Answer) -> Outcome:
    person = await pending_person(ctx)
    if answer.picked == NO:
        await discard_pending(ctx)
        ctx.say(ctx.t("participants_nik_retry"))
        return Go("nik")
    return Go("minor" if is_minor(person.birth_date, today_wib(ctx.now)) else "name")


async def ask_minor(ctx: Context) -> Reply:
    person = await pending(ctx)
    age = age_on(person.birth_date, today_wib(ctx.now)) if person else 0
    choices = (
        Choice(YES, ctx.t("participants_minor_yes")),
        Choice(NO, ctx.t("participants_minor_no")),
    )
    return Reply(ctx.t("participants_minor_warning", age=age), choices=choices)


async def handle_minor(ctx: Context, answer: Answer) -> Outcome:
    if answer.picked == NO:
        await discard_pending(ctx)
        ctx.say(ctx.t("participants_minor_skipped"))
        return to_main(ctx)
    # Who consented for the child (participants.guardian), then the name.
    return Go("guardian")


async def ask_name(ctx: Context) -> Reply:
    person = await pending(ctx)
    if person is not None and person.name and not ctx.data.get(OUTSIDE):
        text = f"{ctx.t('participants_ask_name')}\n{ctx.t('participants_known_name', name=person.name)}"
        return Reply(text, choices=(Choice(STORED, person.name),))
    return Reply(ctx.t("participants_ask_name"))


async def handle_name(ctx: Context, answer: Answer) -> Outcome:
    person = await pending_person(ctx)
    outside = bool(ctx.data.get(OUTSIDE))
    if answer.choice is not None and answer.choice.id == STORED and person.name and not outside:
        ctx.data[NAME] = person.name
        return Go("role")
    name = read_name(ctx, answer.text)
    if isinstance(name, Stay):
        return name
    if outside:
        # The same next step whether or not it matches: the answer tells him nothing.
        ctx.data[NAME] = name
        ctx.data[UNMATCHED] = bool(person.name) and names_differ(person.name, name)
        return Go("role")
    if person.name and names_differ(person.name, name):
        ctx.data[TYPED_NAME] = name
        return Go("name_conflict")
    # A known person keeps the name stored with their NIK; small differences are typos.
    ctx.data[NAME] = person.name or name
    return Go("role")


async def ask_name_conflict(ctx: Context) -> Reply:
    person = await pending(ctx)
    stored = person.name if person else ""
    text = ctx.t("participants_name_conflict", stored=stored, typed=ctx.data.get(TYPED_NAME, ""))
    choices = (
        Choice(STORED, ctx.t("participants_use_stored", name=stored)),
        Choice(RECHECK, ctx.t("participants_recheck_nik")),
    )
    return Reply(text, choices=choices)


async def handle_name_conflict(ctx: Context, answer: Answer) -> Outcome:
    person = await pending_person(ctx)
    ctx.data.pop(TYPED_NAME, None)
    if answer.picked == RECHECK:
        await discard_pending(ctx)
        return Go("nik")
    ctx.data[NAME] = person.name
    return Go("role")

"""Pasting a participant list: every readable line is saved in the same message and the
user gets a per-line report (accepted; rejected with the line number and why). Lines that
need the chair's word wait — their Person rows exist, their ids wait in the dialog data
(HELD), never a NIK — and are asked one after the other with buttons, easiest on a phone:
- an unknown role word ("satpam"): which role it means, once for every line with that
  word (or skip those lines, to fix and paste them again);
- a new NIK whose year reads as two plausible ages (2020 or 1920): which year of birth;
- then people under 18: adding children's data is confirmed in one step; declining
  deletes what was held.
Each name appears once: the report counts what is asked, the question lists the names.
A person first registered outside this RT goes on the list under the name on the line, and
the chair is never told whether it matches the stored one: a name that does not is sent to
the officials to check (participants.records), as for a single entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.markup import Text
from bot.core.messages import Choice, Reply
from bot.domain.dates import today_wib
from bot.domain.roster import (
    ROLES,
    Rejection,
    Roster,
    age_on,
    is_minor,
    match_role,
    names_differ,
    read_roster,
)
from bot.domain.vocabulary import ActivityStatus
from handlers.common.people import name_problem, nik_problem, phone_problem
from handlers.ketua_rt.participants import guardian, records
from handlers.ketua_rt.participants.common import (
    HELD,
    change_problem,
    current_activity,
    discard_pending,
    enlist,
    guarded_activity,
    limit,
    person_line,
    role_label,
    room_left,
    to_main,
)

YES, NO = "yes", "no"
SKIP = "skip"
ROLE_CHOICE = "role:"
# Keys of a HELD item besides person, role (None until known), wage and new: the pasted
# line's number, the unknown role word as typed, the two readings of the birth year (ISO),
# and for someone outside the RT's records the name on the line and whether it differs.
LINE, ASK_ROLE, YEARS, ENTERED, UNMATCHED = "line", "ask_role", "years", "entered", "unmatched"
# A chat message stays readable (and under WhatsApp's 4,096 characters) per chunk.
CHUNK_CHARACTERS = 3_500
# About 300 lines of "NIK; Nama; Peran; HP" with room to spare.
PASTE_MAX_LENGTH = 40_000


@dataclass
class Outcomes:
    """What happened to each line: report texts keyed by line number, and the held ones."""

    accepted: list[str] = field(default_factory=list)
    rejected: list[tuple[int, str]] = field(default_factory=list)
    held: list[dict[str, Any]] = field(default_factory=list)
    asked: list[dict[str, Any]] = field(default_factory=list)


def rejection_text(ctx: Context, rejection: Rejection) -> str:
    reason, cause = rejection.reason, rejection.cause
    if reason == "nik":
        return nik_problem(ctx, cause)
    if reason == "duplicate":
        return ctx.t("participants_reject_duplicate", line=cause)
    if reason in ("name_missing", "name_invalid"):
        return name_problem(ctx, cause)
    if reason == "role" and cause:
        return ctx.t("participants_reject_role", role=cause)
    if reason == "role":
        return ctx.t("participants_reject_role_unreadable")
    if reason == "phone":
        return phone_problem(ctx, cause)
    return ctx.t("participants_reject_wage")


async def ask_paste(ctx: Context) -> Reply:
    activity = await current_activity(ctx)
    room = await room_left(ctx, activity) if activity is not None else 0
    return Reply(ctx.t("participants_ask_paste", room=max(room, 0)))


async def handle_paste(ctx: Context, answer: Answer) -> Outcome:
    activity = await guarded_activity(ctx)
    problem = change_problem(ctx, activity)
    if problem is not None:
        await discard_pending(ctx)
        ctx.say(problem)
        return to_main(ctx)
    roster = read_roster(answer.text, today_wib(ctx.now))
    if roster.is_empty or not any(ch.isdigit() for ch in answer.text):
        return Stay(ctx.t("participants_paste_nothing"))
    await discard_pending(ctx)
    outcomes = await take(ctx, activity, roster)
    for chunk in report(ctx, outcomes):
        ctx.say(chunk)
    if outcomes.accepted and activity.status == ActivityStatus.CONFIRMED:
        ctx.say(ctx.t("participants_revision"))
    if outcomes.asked or outcomes.held:
        ctx.data[HELD] = outcomes.asked + outcomes.held
        return Go("paste_check" if outcomes.asked else "paste_minors")
    return to_main(ctx) if outcomes.accepted else Go("paste")


async def take(ctx: Context, activity: Any, roster: Roster) -> Outcomes:
    """Check every readable line against the database and save the acceptable ones."""
    uow = ctx.services.uow
    today = today_wib(ctx.now)
    outcomes = Outcomes(rejected=[(r.line, rejection_text(ctx, r)) for r in roster.rejections])
    known = await uow.persons.find_by_niks(entry.nik.value for entry in roster.entries)
    active = await uow.participations.active_person_ids(activity.id)
    room = limit(ctx) - len(active)
    for entry in roster.entries:
        person = known.get(entry.nik.value)
        outside = (
            person is not None
            and person.id not in active
            and not await records.in_records(ctx, person, activity)
        )
        problem = await _outside_problem(ctx, activity, person) if outside else None
        if problem is None and person is not None and person.id in active:
            problem = ctx.t("participants_reject_already_in")
        elif (
            problem is None
            and not outside
            and person
            and person.name
            and names_differ(person.name, entry.name)
        ):
            problem = ctx.t("participants_reject_other_name")
        # A new person's birth year, when it reads as two plausible ages, is asked; a known
        # person keeps the date chosen before.
        century = person is None and entry.nik.other_birth_date is not None
        asks = entry.role_unknown or century
        if problem is None and not asks and room <= 0:
            problem = ctx.t("participants_reject_limit", limit=limit(ctx))
        if problem is not None:
            outcomes.rejected.append((entry.line, problem))
            continue
        new = person is None
        phone_request = None
        if person is None:
            person = await uow.persons.add(
                entry.nik.value, entry.name, entry.nik.birth_date, entry.nik.sex, entry.phone
            )
        else:
            if not person.name:
                await uow.persons.update_name(person, entry.name)
            if entry.phone:
                phone_request = await records.set_phone(
                    ctx, person, activity, entry.phone, own=not outside
                )
        item: dict[str, Any] = {"person": person.id, "role": entry.role, "wage": entry.wage}
        item["new"] = new
        item[LINE] = entry.line
        if outside:
            item[ENTERED] = entry.name
            item[UNMATCHED] = bool(person.name) and names_differ(person.name, entry.name)
        if asks:
            if entry.role_unknown:
                item[ASK_ROLE] = entry.role_text
            if century and entry.nik.other_birth_date is not None:
                item[YEARS] = [
                    entry.nik.birth_date.isoformat(),
                    entry.nik.other_birth_date.isoformat(),
                ]
            outcomes.asked.append(item)
            continue
        if is_minor(person.birth_date, today):
            outcomes.held.append(item)
            continue
        assert entry.role is not None, "a line with a known role"
        await _enlist_item(ctx, activity, person, item)
        active.add(person.id)
        room -= 1
        line = person_line(ctx, person, entry.role, item.get(ENTERED))
        if phone_request is not None:
            line = ctx.t("participants_report_phone_kept", line=line, id=phone_request)
        outcomes.accepted.append(line)
    return outcomes


async def _enlist_item(ctx: Context, activity: Any, person: Any, item: dict[str, Any]) -> None:
    await enlist(
        ctx, activity, person, item["role"], item.get("wage"), entered_name=item.get(ENTERED)
    )
    if item.get(UNMATCHED):
        await records.report_unmatched_name(ctx, person, activity, str(item[ENTERED]))


def _shown(item: dict[str, Any], person: Any) -> str:
    """The held line's name as the chair may see it (participants.common.listed_name)."""
    return str(item.get(ENTERED) or person.name)


async def _outside_problem(ctx: Context, activity: Any, person: Any) -> str | None:
    """A line naming someone first registered outside this RT: a look-up that counts
    towards the chair's hourly limit (participants.records); the refusal, if over it."""
    refusal = await records.lookup_refusal(ctx, activity, "participants_reject_lookup_limited")
    if refusal is not None:
        return refusal
    await records.record_lookup(ctx, person, activity, via="paste")
    return None


def report(ctx: Context, outcomes: Outcomes) -> list[str]:
    """The per-line report, split into messages of a readable size."""
    lines = [
        ctx.t(
            "participants_report_head",
            accepted=len(outcomes.accepted),
            rejected=len(outcomes.rejected),
            held=len(outcomes.held) + len(outcomes.asked),
        )
    ]
    if outcomes.accepted:
        lines += ["", ctx.t("participants_report_accepted"), *outcomes.accepted]
    if outcomes.rejected:
        lines += ["", ctx.t("participants_report_rejected")]
        lines += [
            ctx.t("participants_report_rejected_line", line=line, reason=reason)
            for line, reason in sorted(outcomes.rejected)
        ]
    # The names of held and asked lines follow in the question itself: each name once.
    if outcomes.asked:
        lines += ["", ctx.t("participants_report_asked", count=len(outcomes.asked))]
    if outcomes.held:
        lines += ["", ctx.t("participants_report_held", count=len(outcomes.held))]
    if outcomes.rejected:
        lines += ["", ctx.t("participants_report_fix")]
    return chunked(lines)


def chunked(lines: list[str], size: int = CHUNK_CHARACTERS) -> list[str]:
    chunks: list[str] = []
    current: list[str] = []
    for line in lines:
        if current and sum(len(x) + 1 for x in current) + len(line) > size:
            chunks.append("\n".join(current).strip())
            current = []
        current.append(line)
    if current:
        chunks.append("\n".join(current).strip())
    return chunks


async def ask_minors(ctx: Context) -> Reply:
    uow = ctx.services.uow
    today = today_wib(ctx.now)
    held = ctx.data.get(HELD, [])
    lines = []
    for item in held:
        person = await uow.persons.get(int(item["person"]))
        if person is None:
            continue
        age = age_on(person.birth_date, today)
        if item.get(LINE):
            line = ctx.t(
                "participants_report_held_line",
                line=item[LINE],
                name=_shown(item, person),
                nik=person.nik_masked,
                age=age,
            )
        else:  # held by an older version, without the line number
            name = _shown(item, person)
            line = ctx.t("participants_minor_line", name=name, nik=person.nik_masked, age=age)
        lines.append(line)
    text = "\n".join([ctx.t("participants_minors_ask", count=len(held)), *lines])
    text += "\n\n" + ctx.t("participants_minors_warning")
    choices = (
        Choice(YES, ctx.t("participants_minors_yes", count=len(held))),
        Choice(NO, ctx.t("participants_minors_no")),
    )
    return Reply(text, choices=choices)


async def handle_minors(ctx: Context, answer: Answer) -> Outcome:
    activity = await guarded_activity(ctx)
    problem = change_problem(ctx, activity)
    if answer.picked == NO or problem is not None:
        await discard_pending(ctx)
        ctx.say(problem or ctx.t("participants_minors_not_added"))
        return to_main(ctx)
    # The button says their parents or guardians consented: recorded as each is added.
    for item in ctx.data.get(HELD, []):
        guardian.given(ctx, int(item["person"]), "")
    added, over_limit = await add_held(ctx, activity)
    ctx.say(ctx.t("participants_minors_added", count=added))
    if over_limit:
        ctx.say(ctx.t("participants_minors_limit", count=over_limit, limit=limit(ctx)))
    if added and activity.status == ActivityStatus.CONFIRMED:
        ctx.say(ctx.t("participants_revision"))
    await discard_pending(ctx)  # whoever could not be added
    return to_main(ctx)


async def add_held(ctx: Context, activity: Any) -> tuple[int, int]:
    """Add the held people; returns (added, refused for the limit)."""
    added, over_limit = await _enlist_held(ctx, activity)
    return len(added), over_limit


async def _enlist_held(ctx: Context, activity: Any) -> tuple[list[str], int]:
    """Add the held people; returns (a report line per person added, refused for the limit)."""
    uow = ctx.services.uow
    active = await uow.participations.active_person_ids(activity.id)
    room = limit(ctx) - len(active)
    added: list[str] = []
    over_limit = 0
    for item in ctx.data.get(HELD, []):
        person = await uow.persons.get(int(item["person"]))
        if person is None or person.id in active or item.get("role") is None:
            continue
        if room <= 0:
            over_limit += 1
            continue
        await _enlist_item(ctx, activity, person, item)
        active.add(person.id)
        room -= 1
        added.append(person_line(ctx, person, item["role"], item.get(ENTERED)))
    return added, over_limit


# --- lines that need the chair's word: an unknown role, the birth year -------------------


def _open_question(held: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The first held line still waiting for an answer (a role or a birth year)."""
    return next((i for i in held if i.get("role") is None or i.get(YEARS)), None)


def _same_word(held: list[dict[str, Any]], item: dict[str, Any]) -> list[dict[str, Any]]:
    """Every line whose unknown role word is the item's: one answer settles them all."""
    word = str(item.get(ASK_ROLE, "")).casefold()
    return [
        i for i in held if i.get("role") is None and str(i.get(ASK_ROLE, "")).casefold() == word
    ]


def _lines(items: list[dict[str, Any]]) -> str:
    return ", ".join(str(i.get(LINE, "?")) for i in items)


async def ask_check(ctx: Context) -> Reply:
    held = ctx.data.get(HELD, [])
    item = _open_question(held)
    if item is None:
        return Reply(ctx.t("participants_entry_lost"))
    uow = ctx.services.uow
    skip = Choice(SKIP, ctx.t("participants_check_skip"))
    if item.get("role") is None:
        group = _same_word(held, item)
        names = []
        for i in group:
            person = await uow.persons.get(int(i["person"]))
            if person is not None:
                names.append(
                    ctx.t(
                        "participants_check_person",
                        line=i.get(LINE, "?"),
                        name=_shown(i, person),
                        nik=person.nik_masked,
                    )
                )
        text = ctx.t(
            "participants_check_role",
            lines=_lines(group),
            role=item.get(ASK_ROLE, ""),
            names=Text.joined("\n", names),
        )
        choices = [Choice(f"{ROLE_CHOICE}{role}", role_label(ctx, role)) for role in ROLES]
        return Reply(text, choices=(*choices, skip))
    person = await uow.persons.get(int(item["person"]))
    today = today_wib(ctx.now)
    young, old = (date.fromisoformat(d) for d in item[YEARS])
    text = ctx.t(
        "participants_check_century",
        line=item.get(LINE, "?"),
        name=_shown(item, person) if person is not None else "-",
        nik=person.nik_masked if person is not None else "-",
        young=young.year,
        old=old.year,
    )
    readings = tuple(
        Choice(d.isoformat(), ctx.t("participants_check_year", year=d.year, age=age_on(d, today)))
        for d in (young, old)
    )
    return Reply(text, choices=(*readings, skip))


async def handle_check(ctx: Context, answer: Answer) -> Outcome:
    activity = await guarded_activity(ctx)
    problem = change_problem(ctx, activity)
    if problem is not None:
        await discard_pending(ctx)
        ctx.say(problem)
        return to_main(ctx)
    held: list[dict[str, Any]] = list(ctx.data.get(HELD, []))
    item = _open_question(held)
    if item is None:
        return await _settle(ctx, activity)
    picked = answer.choice.id if answer.choice is not None else ""
    if item.get("role") is None:
        group = _same_word(held, item)
        if picked == SKIP:
            await _skip(ctx, held, group)
            return await _settle(ctx, activity)
        role = picked.removeprefix(ROLE_CHOICE) if picked.startswith(ROLE_CHOICE) else None
        role = role if role in ROLES else match_role(answer.text) if answer.text else None
        if role is None:
            return Stay(ctx.t("participants_check_pick"))
        for i in group:
            i["role"] = role
    else:
        if picked == SKIP:
            await _skip(ctx, held, [item])
            return await _settle(ctx, activity)
        years: list[str] = list(item[YEARS])
        # A tapped reading, or its year typed in full ("1920").
        typed = answer.text.strip()
        typed_year = [d for d in years if len(typed) == 4 and d.startswith(typed)]
        chosen = picked if picked in years else next(iter(typed_year), None)
        if chosen is None:
            return Stay(ctx.t("participants_check_pick"))
        person = await ctx.services.uow.persons.get(int(item["person"]))
        if person is not None:
            await ctx.services.uow.persons.update_birth_date(person, date.fromisoformat(chosen))
        item.pop(YEARS, None)
    ctx.data[HELD] = held
    return await _settle(ctx, activity)


async def _skip(ctx: Context, held: list[dict[str, Any]], items: list[dict[str, Any]]) -> None:
    """Drop lines the chair will fix and paste again; people created for them are deleted."""
    for item in items:
        held.remove(item)
        if item.get("new"):
            await ctx.services.uow.persons.remove_if_unused(int(item["person"]))
    ctx.data[HELD] = held
    ctx.say(ctx.t("participants_check_skipped", lines=_lines(items)))


async def _settle(ctx: Context, activity: Any) -> Outcome:
    """The next question; or, all answered, add the adults and confirm the minors."""
    held: list[dict[str, Any]] = list(ctx.data.get(HELD, []))
    if _open_question(held) is not None:
        return Go("paste_check")
    uow, today = ctx.services.uow, today_wib(ctx.now)
    adults: list[dict[str, Any]] = []
    minors: list[dict[str, Any]] = []
    for item in held:
        person = await uow.persons.get(int(item["person"]))
        if person is not None:
            (minors if is_minor(person.birth_date, today) else adults).append(item)
    ctx.data[HELD] = adults
    added, over_limit = await _enlist_held(ctx, activity)
    if added:
        ctx.say("\n".join([ctx.t("participants_check_added", count=len(added)), *added]))
    if over_limit:
        ctx.say(ctx.t("participants_minors_limit", count=over_limit, limit=limit(ctx)))
    if added and activity.status == ActivityStatus.CONFIRMED:
        ctx.say(ctx.t("participants_revision"))
    await discard_pending(ctx)  # whoever could not be added
    if minors:
        ctx.data[HELD] = minors
        return Go("paste_minors")
    return to_main(ctx)

"""Pasting a participant list: every readable line is saved in the same message and the
user gets a per-line report (accepted; rejected with the line number and why). People under
18 are held back — their Person rows exist, their ids wait in the dialog data — until the
user confirms adding children's data in a second step; declining deletes what was held.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.dates import today_wib
from bot.domain.roster import Rejection, Roster, age_on, is_minor, names_differ, read_roster
from bot.domain.vocabulary import ActivityStatus
from handlers.common.people import name_problem, nik_problem, phone_problem
from handlers.ketua_rt.participants.common import (
    HELD,
    change_problem,
    current_activity,
    discard_pending,
    enlist,
    guarded_activity,
    limit,
    person_line,
    room_left,
    to_main,
)

YES, NO = "yes", "no"
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
    held_lines: list[str] = field(default_factory=list)


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
    if outcomes.held:
        ctx.data[HELD] = outcomes.held
        return Go("paste_minors")
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
        problem = None
        if person is not None and person.id in active:
            problem = ctx.t("participants_reject_already_in")
        elif person is not None and person.name and names_differ(person.name, entry.name):
            problem = ctx.t("participants_reject_other_name")
        elif room <= 0:
            problem = ctx.t("participants_reject_limit", limit=limit(ctx))
        if problem is not None:
            outcomes.rejected.append((entry.line, problem))
            continue
        new = person is None
        if person is None:
            person = await uow.persons.add(
                entry.nik.value, entry.name, entry.nik.birth_date, entry.nik.sex, entry.phone
            )
        else:
            if not person.name:
                await uow.persons.update_name(person, entry.name)
            if entry.phone:
                await uow.persons.update_phone(person, entry.phone)
        if is_minor(entry.nik.birth_date, today):
            outcomes.held.append(
                {"person": person.id, "role": entry.role, "wage": entry.wage, "new": new}
            )
            outcomes.held_lines.append(held_line(ctx, entry.line, person, today))
            continue
        await enlist(ctx, activity, person, entry.role, entry.wage)
        active.add(person.id)
        room -= 1
        outcomes.accepted.append(person_line(ctx, person, entry.role))
    return outcomes


def held_line(ctx: Context, line: int, person: Any, today: Any) -> str:
    return ctx.t(
        "participants_report_held_line",
        line=line,
        name=person.name,
        nik=person.nik_masked,
        age=age_on(person.birth_date, today),
    )


def report(ctx: Context, outcomes: Outcomes) -> list[str]:
    """The per-line report, split into messages of a readable size."""
    lines = [
        ctx.t(
            "participants_report_head",
            accepted=len(outcomes.accepted),
            rejected=len(outcomes.rejected),
            held=len(outcomes.held),
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
    if outcomes.held:
        lines += ["", ctx.t("participants_report_held"), *outcomes.held_lines]
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
        if person is not None:
            lines.append(
                ctx.t(
                    "participants_minor_line",
                    name=person.name,
                    nik=person.nik_masked,
                    age=age_on(person.birth_date, today),
                )
            )
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
    uow = ctx.services.uow
    active = await uow.participations.active_person_ids(activity.id)
    room = limit(ctx) - len(active)
    added = over_limit = 0
    for item in ctx.data.get(HELD, []):
        person = await uow.persons.get(int(item["person"]))
        if person is None or person.id in active:
            continue
        if room <= 0:
            over_limit += 1
            continue
        await enlist(ctx, activity, person, item["role"], item.get("wage"))
        active.add(person.id)
        room -= 1
        added += 1
    return added, over_limit

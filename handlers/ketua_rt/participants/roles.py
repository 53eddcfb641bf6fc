"""Changing a participant's role (PHL, warga, ...): from the main step, pick a person on
the list, then the new role. After confirmation it is a tracked change (an activity
change and its audit entry, a new surat tugas revision: bot.activities.lifecycle
.change_role); the person's cover does not move. On a draft the role is simply updated."""

from __future__ import annotations

from typing import Any

from bot.activities import lifecycle as coverage
from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.roster import ROLES, match_role
from bot.domain.vocabulary import ActivityStatus
from handlers.ketua_rt.participants.common import (
    change_problem,
    current_activity,
    guarded_activity,
    listed_name,
    role_label,
    to_main,
)
from handlers.ketua_rt.participants.listing import BACK, ask_person, picked_person

PICK, NEW_ROLE = "role_change", "role_change_new"
# The participation whose role is being changed.
CHOSEN = "role_of"


async def ask_pick(ctx: Context) -> Reply:
    return await ask_person(ctx, "participants_role_change_head")


async def handle_pick(ctx: Context, answer: Answer) -> Outcome:
    picked = await picked_person(ctx, answer, PICK)
    if not isinstance(picked, int):
        return picked
    ctx.data[CHOSEN] = picked
    return Go(NEW_ROLE)


async def chosen(ctx: Context, activity: Any) -> tuple[Any, Any] | None:
    """The participation picked and its person, while they are still on the list."""
    uow = ctx.services.uow
    participation = await uow.participations.get(int(ctx.data.get(CHOSEN) or 0))
    if (
        participation is None
        or participation.activity_id != activity.id
        or participation.removed_at is not None
    ):
        return None
    person = await uow.persons.get(participation.person_id)
    return (participation, person) if person is not None else None


async def ask_new_role(ctx: Context) -> Reply:
    activity = await current_activity(ctx)
    picked = await chosen(ctx, activity) if activity is not None else None
    if picked is None:
        return Reply(
            ctx.t("participants_remove_gone"), choices=(Choice(BACK, ctx.t("participants_back")),)
        )
    participation, person = picked
    key = "participants_role_change_ask"
    if activity is not None and activity.status == ActivityStatus.CONFIRMED:
        key = "participants_role_change_ask_confirmed"
    name = listed_name(participation, person)
    text = ctx.t(key, name=name, role=role_label(ctx, participation.role))
    choices = [Choice(role, role_label(ctx, role)) for role in ROLES if role != participation.role]
    return Reply(text, choices=(*choices, Choice(BACK, ctx.t("participants_back"))))


async def handle_new_role(ctx: Context, answer: Answer) -> Outcome:
    activity = await guarded_activity(ctx)
    if answer.choice is not None and answer.choice.id == BACK:
        ctx.data.pop(CHOSEN, None)
        return to_main(ctx)
    picked = await chosen(ctx, activity)
    if picked is None:
        ctx.say(ctx.t("participants_remove_gone"))
        return to_main(ctx)
    participation, person = picked
    role = answer.choice.id if answer.choice is not None else match_role(answer.text)
    if role not in ROLES:
        return Stay(ctx.t("participants_role_unknown"))
    if role == participation.role:
        return Stay(ctx.t("participants_role_change_same", role=role_label(ctx, role)))
    problem = change_problem(ctx, activity)
    if problem is not None:  # ended or cancelled since the question
        ctx.say(problem)
        return to_main(ctx)
    old = role_label(ctx, participation.role)
    await coverage.change_role(
        ctx.services.uow, activity, participation, person, role, ctx.now, ctx.caller.account_id
    )
    ctx.data.pop(CHOSEN, None)
    values = {"name": listed_name(participation, person), "old": old, "new": role_label(ctx, role)}
    if activity.status == ActivityStatus.CONFIRMED:
        revision = activity.surat_tugas_revision
        ctx.say(ctx.t("participants_role_changed_tracked", revision=revision, **values))
    else:
        ctx.say(ctx.t("participants_role_changed", **values))
    return to_main(ctx)

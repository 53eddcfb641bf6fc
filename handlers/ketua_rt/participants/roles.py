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
    role_label,
    to_main,
)
from handlers.ketua_rt.participants.listing import (
    BACK,
    PICK_PREFIX,
    gone_reply,
    navigate,
    navigation,
    page_of,
)

PICK, NEW_ROLE = "role_change", "role_change_new"
# The participation whose role is being changed.
CHOSEN = "role_of"


async def ask_pick(ctx: Context) -> Reply:
    activity = await current_activity(ctx)
    if activity is None:
        return gone_reply(ctx)
    rows, page, pages, _ = await page_of(ctx, activity)
    lines = [ctx.t("participants_role_change_head", page=page + 1, pages=pages)]
    choices = []
    for index, (participation, person) in enumerate(rows, start=1):
        role = role_label(ctx, participation.role)
        lines.append(
            ctx.t(
                "participants_list_row",
                number=index,
                name=person.name,
                nik=person.nik_masked,
                role=role,
            )
        )
        choices.append(
            Choice(f"{PICK_PREFIX}{participation.id}", person.name, f"{person.nik_masked} · {role}")
        )
    return Reply("\n".join(lines), choices=(*choices, *navigation(ctx, page, pages)))


async def handle_pick(ctx: Context, answer: Answer) -> Outcome:
    activity = await guarded_activity(ctx)
    moved = navigate(ctx, answer, PICK)
    if moved is not None:
        return moved
    everyone = await ctx.services.uow.participations.listed(activity.id)
    if answer.choice is not None:
        wanted = answer.choice.id.removeprefix(PICK_PREFIX)
        picked = [p for p, _ in everyone if str(p.id) == wanted]
    else:
        typed = " ".join(answer.text.casefold().split())
        picked = [p for p, person in everyone if typed and typed in person.name.casefold()]
        if len(picked) > 1:
            return Stay(ctx.t("participants_remove_many", count=len(picked)))
    if len(picked) != 1:
        return Stay(ctx.t("participants_remove_pick"))
    ctx.data[CHOSEN] = picked[0].id
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
    text = ctx.t(key, name=person.name, role=role_label(ctx, participation.role))
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
    values = {"name": person.name, "old": old, "new": role_label(ctx, role)}
    if activity.status == ActivityStatus.CONFIRMED:
        revision = activity.surat_tugas_revision
        ctx.say(ctx.t("participants_role_changed_tracked", revision=revision, **values))
    else:
        ctx.say(ctx.t("participants_role_changed", **values))
    return to_main(ctx)

"""The participants conversation's main step: the activity, how many people are on its
list, and what can be done now (add, paste, look, remove, change a role, go on to
confirm the coverage, done); and `batal` there, which leaves the list as it is saved (a
draft is deleted only from "Kegiatan saya", after a confirmation that names it)."""

from __future__ import annotations

from typing import Any

from bot.core.dialog import NAV_MENU, Answer, Context, End, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.vocabulary import ActivityStatus
from handlers.ketua_rt import confirm_coverage
from handlers.ketua_rt.confirm_coverage import start_coverage_confirmation
from handlers.ketua_rt.participants import roles
from handlers.ketua_rt.participants.common import (
    PAGE,
    change_problem,
    current_activity,
    discard_pending,
    limit,
    status_label,
)

ADD, PASTE, LIST, REMOVE, CONFIRM, DONE = "add", "paste", "list", "remove", "confirm", "done"


async def ask_main(ctx: Context) -> Reply:
    activity = await current_activity(ctx)
    # Whatever entry was left unfinished (kembali to here) is dropped.
    await discard_pending(ctx)
    if activity is None:
        return Reply(
            ctx.t("participants_not_yours"),
            choices=(Choice(NAV_MENU, ctx.t("participants_to_menu")),),
        )
    count = await ctx.services.uow.participations.count_for_activity(activity.id)
    lines = [
        ctx.t(
            "participants_main",
            title=activity.title,
            status=status_label(ctx, activity),
            count=count,
            limit=limit(ctx),
        )
    ]
    if activity.status == ActivityStatus.CONFIRMED:
        lines.append(ctx.t("participants_main_confirmed"))
    problem = change_problem(ctx, activity)
    choices = []
    if problem is not None:
        lines.append(problem)
    elif count >= limit(ctx):
        lines.append(ctx.t("participants_limit_reached", limit=limit(ctx)))
    else:
        choices += [
            Choice(ADD, ctx.t("participants_choice_add")),
            Choice(PASTE, ctx.t("participants_choice_paste")),
        ]
    choices.append(Choice(LIST, ctx.t("participants_choice_list")))
    if problem is None and count:
        choices.append(Choice(REMOVE, ctx.t("participants_choice_remove")))
        choices.append(Choice(roles.PICK, ctx.t("participants_choice_role_change")))
    if activity.status == ActivityStatus.DRAFT and count:
        choices.append(Choice(CONFIRM, ctx.t("participants_choice_confirm")))
    choices.append(Choice(DONE, ctx.t("participants_choice_done")))
    return Reply("\n".join(lines), choices=tuple(choices))


async def handle_main(ctx: Context, answer: Answer) -> Outcome:
    activity = await current_activity(ctx)
    if activity is None:
        return End()  # the prompt already said why
    if answer.choice is None:
        return Stay(ctx.t("pick_one"))
    wanted = answer.choice.id
    count = await ctx.services.uow.participations.count_for_activity(activity.id)
    if wanted in (ADD, PASTE, REMOVE, roles.PICK):
        problem = change_problem(ctx, activity)
        if problem is not None:
            return Stay(problem)
    if wanted in (ADD, PASTE) and count >= limit(ctx):
        return Stay(ctx.t("participants_limit_reached", limit=limit(ctx)))
    if wanted == ADD:
        return Go("nik")
    if wanted == PASTE:
        return Go("paste")
    if wanted in (LIST, REMOVE, roles.PICK):
        if wanted in (REMOVE, roles.PICK) and not count:
            return Stay(ctx.t("participants_remove_none"))
        ctx.data[PAGE] = 0
        return Go(wanted)
    if wanted == CONFIRM:
        return confirm(ctx, activity, count)
    ctx.say(
        ctx.t(
            "participants_draft_saved"
            if activity.status == ActivityStatus.DRAFT
            else "participants_done",
            title=activity.title,
            count=count,
        )
    )
    return End()


def confirm(ctx: Context, activity: Any, count: int) -> Outcome:
    if activity.status != ActivityStatus.DRAFT:
        return Stay(ctx.t("participants_already_confirmed"))
    if not count:
        return Stay(ctx.t("participants_confirm_need_one"))
    if confirm_coverage.NAME not in ctx.services.dialogs:
        return Stay(ctx.t("menu_later"))
    return start_coverage_confirmation(activity.id)


async def on_cancel(ctx: Context) -> str | None:
    """`batal` at the main step: the unfinished entry is dropped; everything saved stays,
    a draft with its list included."""
    await discard_pending(ctx)
    activity = await current_activity(ctx)
    if activity is None:
        return None
    if activity.status != ActivityStatus.DRAFT:
        return ctx.t("participants_cancel_confirmed")
    count = await ctx.services.uow.participations.count_for_activity(activity.id)
    return ctx.t("participants_cancel_draft_kept", title=activity.title, count=count)

"""Looking at the participant list (paginated, masked NIKs) and removing one person.

On a draft a removal simply forgets the participation (and the person, if they are on no
other list); after confirmation the participation is closed — the person stays covered
until that moment — and the change is recorded for a new surat tugas revision.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.core.dialog import NAV_MENU, Answer, Context, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.dates import format_datetime
from bot.domain.vocabulary import ActivityStatus
from handlers.ketua_rt.participants.common import (
    PAGE,
    PAGE_SIZE,
    change_problem,
    current_activity,
    guarded_activity,
    listed_name,
    record_list_change,
    role_label,
    to_main,
)

PREVIOUS, NEXT, BACK, YES, NO = "prev", "next", "main", "yes", "no"
PICK_PREFIX = "p"
REMOVE = "remove"


async def page_of(ctx: Context, activity: Any) -> tuple[Sequence[tuple[Any, Any]], int, int, int]:
    """(rows of this page, page index, number of pages, participant count)."""
    participations = ctx.services.uow.participations
    count = await participations.count_for_activity(activity.id)
    pages = max(1, -(-count // PAGE_SIZE))
    page = min(max(int(ctx.data.get(PAGE, 0) or 0), 0), pages - 1)
    ctx.data[PAGE] = page
    rows = await participations.listed(activity.id, page * PAGE_SIZE, PAGE_SIZE)
    return rows, page, pages, count


def navigation(ctx: Context, page: int, pages: int) -> list[Choice]:
    choices = []
    if page > 0:
        choices.append(Choice(PREVIOUS, ctx.t("participants_prev")))
    if page < pages - 1:
        choices.append(Choice(NEXT, ctx.t("participants_next")))
    choices.append(Choice(BACK, ctx.t("participants_back")))
    return choices


def navigate(ctx: Context, answer: Answer, step: str) -> Outcome | None:
    """Page turns and the way back, shared by the list and the removal pick."""
    if answer.choice is None:
        return None
    if answer.choice.id in (PREVIOUS, NEXT):
        ctx.data[PAGE] = int(ctx.data.get(PAGE, 0)) + (1 if answer.choice.id == NEXT else -1)
        return Go(step)
    if answer.choice.id == BACK:
        return to_main(ctx)
    return None


def gone_reply(ctx: Context) -> Reply:
    return Reply(
        ctx.t("participants_not_yours"), choices=(Choice(NAV_MENU, ctx.t("participants_to_menu")),)
    )


async def ask_list(ctx: Context) -> Reply:
    activity = await current_activity(ctx)
    if activity is None:
        return gone_reply(ctx)
    rows, page, pages, count = await page_of(ctx, activity)
    lines = [ctx.t("participants_list_head", count=count, page=page + 1, pages=pages)]
    lines += [
        ctx.t(
            "participants_list_row",
            number=page * PAGE_SIZE + index,
            name=listed_name(participation, person),
            nik=person.nik_masked,
            role=role_label(ctx, participation.role),
        )
        for index, (participation, person) in enumerate(rows, start=1)
    ] or [ctx.t("participants_list_empty")]
    return Reply("\n".join(lines), choices=tuple(navigation(ctx, page, pages)))


async def handle_list(ctx: Context, answer: Answer) -> Outcome:
    return navigate(ctx, answer, "list") or Stay(ctx.t("pick_one"))


async def ask_remove(ctx: Context) -> Reply:
    return await ask_person(ctx, "participants_remove_head")


async def ask_person(ctx: Context, head: str) -> Reply:
    """One page of the list with a button per person: whom to remove, whose role to
    change (`head` is the question's text key)."""
    activity = await current_activity(ctx)
    if activity is None:
        return gone_reply(ctx)
    rows, page, pages, _ = await page_of(ctx, activity)
    lines = [ctx.t(head, page=page + 1, pages=pages)]
    choices = []
    for index, (participation, person) in enumerate(rows, start=1):
        role = role_label(ctx, participation.role)
        name = listed_name(participation, person)
        lines.append(
            ctx.t(
                "participants_list_row", number=index, name=name, nik=person.nik_masked, role=role
            )
        )
        choices.append(
            Choice(f"{PICK_PREFIX}{participation.id}", name, f"{person.nik_masked} · {role}")
        )
    return Reply("\n".join(lines), choices=(*choices, *navigation(ctx, page, pages)))


async def handle_remove(ctx: Context, answer: Answer) -> Outcome:
    picked = await picked_person(ctx, answer, REMOVE)
    if not isinstance(picked, int):
        return picked
    ctx.data[REMOVE] = picked
    return Go("remove_confirm")


async def picked_person(ctx: Context, answer: Answer, step: str) -> int | Outcome:
    """The participation picked on `ask_person`'s page (a button, or a typed name or part
    of it that fits one person), or where to go instead (another page, a problem)."""
    activity = await guarded_activity(ctx)
    moved = navigate(ctx, answer, step)
    if moved is not None:
        return moved
    everyone = await ctx.services.uow.participations.listed(activity.id)
    if answer.choice is not None:
        wanted = answer.choice.id.removeprefix(PICK_PREFIX)
        picked = [p for p, _ in everyone if str(p.id) == wanted]
    else:
        # A typed name (or part of it) picks the one person it fits.
        typed = " ".join(answer.text.casefold().split())
        picked = [
            p for p, person in everyone if typed and typed in listed_name(p, person).casefold()
        ]
        if len(picked) > 1:
            return Stay(ctx.t("participants_remove_many", count=len(picked)))
    if len(picked) != 1:
        return Stay(ctx.t("participants_remove_pick"))
    return int(picked[0].id)


async def chosen(ctx: Context, activity: Any) -> tuple[Any, Any] | None:
    """The participation picked for removal and its person, if it is still on the list."""
    uow = ctx.services.uow
    participation = await uow.participations.get(int(ctx.data.get(REMOVE) or 0))
    if (
        participation is None
        or participation.activity_id != activity.id
        or participation.removed_at is not None
    ):
        return None
    person = await uow.persons.get(participation.person_id)
    return (participation, person) if person is not None else None


async def ask_remove_confirm(ctx: Context) -> Reply:
    activity = await current_activity(ctx)
    picked = await chosen(ctx, activity) if activity is not None else None
    if picked is None:
        return Reply(
            ctx.t("participants_remove_gone"), choices=(Choice(NO, ctx.t("participants_back")),)
        )
    participation, person = picked
    text = ctx.t(
        "participants_remove_confirm",
        name=listed_name(participation, person),
        nik=person.nik_masked,
        role=role_label(ctx, participation.role),
    )
    if activity is not None and activity.status == ActivityStatus.CONFIRMED:
        text += "\n" + ctx.t("participants_remove_confirm_covered")
    choices = (
        Choice(YES, ctx.t("participants_remove_yes")),
        Choice(NO, ctx.t("participants_remove_no")),
    )
    return Reply(text, choices=choices)


async def handle_remove_confirm(ctx: Context, answer: Answer) -> Outcome:
    activity = await guarded_activity(ctx)
    picked = await chosen(ctx, activity)
    if answer.picked != YES:
        return to_main(ctx)
    if picked is None:
        ctx.say(ctx.t("participants_remove_gone"))
        return to_main(ctx)
    problem = change_problem(ctx, activity)
    if problem is not None:
        ctx.say(problem)
        return to_main(ctx)
    await remove(ctx, activity, *picked)
    return to_main(ctx)


async def remove(ctx: Context, activity: Any, participation: Any, person: Any) -> None:
    uow = ctx.services.uow
    name = listed_name(participation, person)
    ctx.say(ctx.t("participants_removed", name=name, nik=person.nik_masked))
    if activity.status != ActivityStatus.CONFIRMED:
        await uow.participations.delete(participation)
        await uow.persons.remove_if_unused(person.id)
        return
    await uow.participations.remove(participation, ctx.caller.account_id, ctx.now)
    await record_list_change(ctx, activity, "participant_removed", person, name)
    ctx.say(ctx.t("participants_removed_covered", time=format_datetime(ctx.now)))

"""Whose data a request of Data saya is about: the caller's person, asked only when the
verified phone number belongs to several people (a parent's and a child's record). Used
by the correction and the erasure request, each with its own dialog-data key."""

from __future__ import annotations

from typing import Any

from bot.core.dialog import Answer, Context, End, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from handlers.warga import coverage_rows as cover


async def chosen(ctx: Context, key: str) -> Any | None:
    """The person kept under `key`, if still one of the caller's (the phone may have
    changed)."""
    wanted = ctx.data.get(key)
    return next((p for p in await cover.people_of_caller(ctx) if p.id == wanted), None)


async def begin(ctx: Context, key: str, who_step: str, next_step: str) -> Outcome:
    """The caller's only person kept under `key` and on to `next_step`; several: asked."""
    people = await cover.people_of_caller(ctx)
    if not people:
        ctx.say(ctx.t("mydata_entry_lost"))
        return End()
    if len(people) == 1:
        ctx.data[key] = people[0].id
        return Go(next_step)
    return Go(who_step)


async def ask(ctx: Context, question: str) -> Reply:
    people = await cover.people_of_caller(ctx)
    choices = tuple(Choice(f"p:{p.id}", p.name[:60], p.nik_masked) for p in people)
    return Reply(ctx.t(question), choices=choices)


async def handle(ctx: Context, answer: Answer, key: str, next_step: str) -> Outcome:
    ctx.data[key] = int(answer.picked.removeprefix("p:"))
    if await chosen(ctx, key) is None:
        return Stay(ctx.t("stale_choice"))
    return Go(next_step)

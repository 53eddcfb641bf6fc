"""Petugas: the list of officials (name, masked phone, role, scope), and removing one
after a confirmation. Nobody can remove the last admin grant there is, nor their own last
admin grant: either would lock the admins out of this menu. Adding one is in
handlers/admin/official_add.py."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.markup import Text
from bot.core.messages import Choice, Reply
from bot.domain.vocabulary import OFFICIAL_ROLES, Role
from handlers.admin.common import (
    BACK,
    NO,
    back_choice,
    official_line,
    page_choices,
    region_index,
    to_menu,
    turn_page,
    yes_no,
)
from handlers.admin.official_add import start as start_adding
from handlers.common.audit import audit

LIST, REMOVE, REMOVE_CONFIRM = "officials", "official_remove", "official_remove_confirm"
PAGE, PICKED = "officials_page", "official_role_id"
ADD = "add"
PAGE_SIZE = 8
FORGET = (PAGE, PICKED)


def start(ctx: Context) -> Go:
    ctx.data[PAGE] = 0
    return Go(LIST)


def _page_of(ctx: Context, officials: Sequence[Any]) -> tuple[int, Sequence[Any], bool]:
    pages = max((len(officials) + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    page = min(int(ctx.data.get(PAGE, 0)), pages - 1)
    ctx.data[PAGE] = page
    return page, officials[page * PAGE_SIZE : (page + 1) * PAGE_SIZE], page < pages - 1


async def ask_list(ctx: Context) -> Reply:
    officials = await ctx.services.uow.roles.officials()
    page, shown, more = _page_of(ctx, officials)
    regions = await region_index(ctx)
    lines = [
        f"{page * PAGE_SIZE + n}. {official_line(ctx, regions, role)}"
        for n, role in enumerate(shown, start=1)
    ]
    text = ctx.t(
        "admin_officials_list", count=len(officials), lines=Text.joined("\n", lines) or "-"
    )
    choices = [
        Choice(ADD, ctx.t("admin_official_add")),
        Choice(REMOVE, ctx.t("admin_official_remove")),
    ]
    choices += [*page_choices(ctx, page, more), back_choice(ctx)]
    return Reply(text, choices=tuple(choices))


async def handle_list(ctx: Context, answer: Answer) -> Outcome:
    picked = answer.picked
    if picked == ADD:
        return start_adding(ctx)
    if picked == REMOVE:
        return Go(REMOVE)
    return turn_page(ctx, PAGE, picked, LIST) or to_menu(ctx, *FORGET)


async def ask_remove(ctx: Context) -> Reply:
    officials = await ctx.services.uow.roles.officials()
    page, shown, more = _page_of(ctx, officials)
    regions = await region_index(ctx)
    choices = [Choice(f"r{role.id}", official_line(ctx, regions, role)[:72]) for role in shown]
    choices += [*page_choices(ctx, page, more), back_choice(ctx, "admin_officials_back")]
    return Reply(ctx.t("admin_official_remove_ask"), choices=tuple(choices))


async def handle_remove(ctx: Context, answer: Answer) -> Outcome:
    picked = answer.picked
    turned = turn_page(ctx, PAGE, picked, REMOVE)
    if turned is not None or picked == BACK:
        return turned or Go(LIST)
    role = await _official(ctx, picked.removeprefix("r"))
    if role is None:
        return Stay(ctx.t("admin_official_gone"))
    ctx.data[PICKED] = role.id
    return Go(REMOVE_CONFIRM)


async def _official(ctx: Context, role_id: Any) -> Any | None:
    try:
        role = await ctx.services.uow.roles.get(int(role_id))
    except (TypeError, ValueError):
        return None
    return role if role is not None and role.role in OFFICIAL_ROLES else None


async def ask_remove_confirm(ctx: Context) -> Reply:
    role = await _official(ctx, ctx.data.get(PICKED))
    if role is None:
        return Reply(
            ctx.t("admin_official_gone"), choices=(back_choice(ctx, "admin_officials_back"),)
        )
    line = official_line(ctx, await region_index(ctx), role)
    return Reply(
        ctx.t("admin_official_remove_confirm", official=line),
        choices=yes_no(ctx, "admin_official_remove_yes"),
    )


async def handle_remove_confirm(ctx: Context, answer: Answer) -> Outcome:
    role = await _official(ctx, ctx.data.pop(PICKED, None))
    if role is None:
        if answer.picked != BACK:
            ctx.say(ctx.t("admin_official_gone"))
        return Go(LIST)
    if answer.picked == NO:
        return Go(LIST)
    refusal = await lockout(ctx, role)
    if refusal is not None:
        ctx.say(refusal)
        return Go(LIST)
    line = official_line(ctx, await region_index(ctx), role)
    detail = {"role": role.role, "scope_kind": role.scope_kind, "scope_code": role.scope_code}
    await ctx.services.uow.roles.revoke(role.id)
    await audit(
        ctx, "official_removed", role_id=role.id, name=role.name, phone=role.phone, **detail
    )
    ctx.say(ctx.t("admin_official_removed", official=line))
    return Go(LIST)


async def lockout(ctx: Context, role: Any) -> str | None:
    """Why removing this grant would lock the admins out, or None."""
    if role.role != Role.ADMIN:
        return None
    uow = ctx.services.uow
    if await uow.roles.count(Role.ADMIN) <= 1:
        return ctx.t("admin_official_last_admin")
    account = await uow.accounts.get(ctx.caller.account_id)
    own = (
        [r for r in await uow.roles.for_account(account) if r.role == Role.ADMIN] if account else []
    )
    if any(r.id == role.id for r in own) and len(own) <= 1:
        return ctx.t("admin_official_own_last_admin")
    return None

"""Picking one RT of the official list, for an invite code or a budget: typed in one go
("Simpang IV Sipin RT 3", "RT 3 Simpang 4 Sipin") or step by step (the kelurahan, then
the RT number). The kelurahan is matched loosely (bot.domain.regions); a name that only
comes close is asked back ("Maksud Anda Kel. Sungai Putri?") with a button per candidate,
never taken silently. The RT must be on the imported list. The picked RT id goes to ctx.data["rt_id"], then on to the step kept
in ctx.data["rt_then"]."""

from __future__ import annotations

import re

from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.incident import parse_rt_reference
from bot.domain.regions import RegionIndex
from handlers.admin.common import BACK, back_choice, region_index, to_menu

RT_ID = "rt_id"
THEN = "rt_then"
KELURAHAN = "rt_kelurahan"
# The "Maksud Anda ...?" candidates: their codes, and the RT number typed with the name.
SUGGESTED, SUGGESTED_NUMBER = "rt_suggested", "rt_suggested_number"
SUGGEST_PREFIX = "kel:"
PICK, NUMBER = "rt_pick", "rt_pick_number"
# Listing every RT number of a kelurahan is useful up to this many.
MAX_LISTED = 60
_RT_NUMBER = re.compile(r"^\s*(?:rt\.?)?\s*0*([0-9]{1,3})\s*$", re.IGNORECASE)


def pick_rt(ctx: Context, then: str) -> Go:
    """Start picking an RT; `then` is the step that uses it."""
    for key in (RT_ID, KELURAHAN, SUGGESTED, SUGGESTED_NUMBER):
        ctx.data.pop(key, None)
    ctx.data[THEN] = then
    return Go(PICK)


async def ask_pick(ctx: Context) -> Reply:
    regions = await region_index(ctx)
    suggested = [regions.find_kelurahan(code) for code in ctx.data.get(SUGGESTED) or []]
    choices = [
        Choice(f"{SUGGEST_PREFIX}{k.code}", ctx.t("admin_rt_suggest_choice", kelurahan=k.name))
        for k in suggested
        if k is not None
    ]
    return Reply(ctx.t("admin_rt_ask"), choices=(*choices, back_choice(ctx)))


async def handle_pick(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is not None and answer.choice.id == BACK:
        return to_menu(ctx, THEN, RT_ID, KELURAHAN, SUGGESTED, SUGGESTED_NUMBER)
    regions = await region_index(ctx)
    if answer.choice is not None and answer.choice.id.startswith(SUGGEST_PREFIX):
        kelurahan = regions.find_kelurahan(answer.choice.id.removeprefix(SUGGEST_PREFIX))
        number = ctx.data.pop(SUGGESTED_NUMBER, None)
        ctx.data.pop(SUGGESTED, None)
        if kelurahan is None:
            return Stay(ctx.t("admin_rt_format"))
        if isinstance(number, int):
            return await _found(ctx, kelurahan.code, kelurahan.name, number)
        ctx.data[KELURAHAN] = kelurahan.code
        return Go(NUMBER)
    ctx.data.pop(SUGGESTED, None)
    ctx.data.pop(SUGGESTED_NUMBER, None)
    typed = parse_rt_reference(answer.text)
    if typed is not None:
        number, place = typed
        kelurahan = regions.find_kelurahan(place)
        if kelurahan is None:
            return _suggest(ctx, regions, place, number) or Stay(
                ctx.t("admin_rt_no_kelurahan", typed=place[:60])
            )
        return await _found(ctx, kelurahan.code, kelurahan.name, number)
    kelurahan = regions.find_kelurahan(answer.text) if answer.text else None
    if kelurahan is None:
        return _suggest(ctx, regions, answer.text, None) or Stay(ctx.t("admin_rt_format"))
    ctx.data[KELURAHAN] = kelurahan.code
    return Go(NUMBER)


def _suggest(ctx: Context, regions: RegionIndex, place: str, number: int | None) -> Stay | None:
    """Ask "Maksud Anda ...?" when the typed place is close to official ones; the
    candidates become buttons of the re-asked question. None when nothing is close."""
    candidates = regions.suggest_kelurahan(place)
    if not candidates:
        return None
    ctx.data[SUGGESTED] = [k.code for k in candidates]
    if number is not None:
        ctx.data[SUGGESTED_NUMBER] = number
    names = ctx.t("admin_rt_suggest_or").join(f"Kel. {k.name}" for k in candidates)
    return Stay(ctx.t("admin_rt_suggest", names=names))


async def ask_number(ctx: Context) -> Reply:
    uow = ctx.services.uow
    code = str(ctx.data.get(KELURAHAN, ""))
    kelurahan = await uow.regions.get_kelurahan(code)
    name = kelurahan.name if kelurahan else code
    numbers = [rt.number for rt in await uow.rts.list(kelurahan_code=code)]
    if not numbers:
        listed = ctx.t("admin_rt_none_listed")
    elif len(numbers) > MAX_LISTED:
        listed = ctx.t("admin_rt_count_listed", count=len(numbers))
    else:
        listed = ctx.t("admin_rt_listed", numbers=", ".join(f"{n:02d}" for n in numbers))
    # No buttons here: a typed "3" must mean RT 3, not the third button.
    return Reply(ctx.t("admin_rt_ask_number", kelurahan=name, listed=listed))


async def handle_number(ctx: Context, answer: Answer) -> Outcome:
    code = ctx.data.get(KELURAHAN)
    kelurahan = await ctx.services.uow.regions.get_kelurahan(str(code)) if code else None
    if kelurahan is None:
        return Go(PICK)
    typed = _RT_NUMBER.match(answer.text)
    if typed is None or int(typed.group(1)) < 1:
        return Stay(ctx.t("admin_rt_number_format"))
    return await _found(ctx, kelurahan.code, kelurahan.name, int(typed.group(1)))


async def _found(ctx: Context, kelurahan_code: str, kelurahan_name: str, number: int) -> Outcome:
    rt = await ctx.services.uow.rts.find(kelurahan_code, number)
    if rt is None:
        return Stay(ctx.t("admin_rt_not_listed", rt=f"{number:02d}", kelurahan=kelurahan_name))
    ctx.data[RT_ID] = rt.id
    ctx.data.pop(KELURAHAN, None)
    return Go(str(ctx.data.get(THEN) or "menu"))

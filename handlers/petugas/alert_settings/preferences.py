"""Peringatan's steps: which grant, its settings, how new activities are announced."""

from __future__ import annotations

from typing import Any

from bot.core.dialog import Answer, Context, End, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from handlers.common.access import OFFICIAL_ROLES

ROLE = "role_id"
NEW, OTHER, DONE = "new", "other_role", "done"
MODES = ("immediate", "digest", "off")
SWITCHES = (
    "daily_summary",
    "starting_without_participants",
    "unidentified_chairs",
    "correction_requests",
)
HELP = "help_alert_settings"


async def official_roles(ctx: Context) -> list[Any]:
    """The caller's official grants, oldest first."""
    uow = ctx.services.uow
    account = await uow.accounts.get(ctx.caller.account_id)
    if account is None:
        return []
    return [r for r in await uow.roles.for_account(account) if r.role in OFFICIAL_ROLES]


async def current_role(ctx: Context) -> Any | None:
    wanted = ctx.data.get(ROLE)
    return next((r for r in await official_roles(ctx) if r.id == wanted), None)


async def role_label(ctx: Context, role: Any) -> str:
    uow = ctx.services.uow
    if role.scope_kind == "kecamatan":
        kecamatan = await uow.regions.get_kecamatan(role.scope_code or "")
        name = kecamatan.name if kecamatan is not None else role.scope_code
        scope = ctx.t("alert_scope_kecamatan", name=name)
    elif role.scope_kind == "kelurahan":
        kelurahan = await uow.regions.get_kelurahan(role.scope_code or "")
        name = kelurahan.name if kelurahan is not None else role.scope_code
        scope = ctx.t("alert_scope_kelurahan", name=name)
    else:
        scope = ctx.t("alert_scope_city")
    return ctx.t("pref_role_label", role=ctx.t(f"pref_role_{role.role}"), scope=scope)


def on_off(ctx: Context, value: bool) -> str:
    return ctx.t("pref_on") if value else ctx.t("pref_off")


async def enter(ctx: Context) -> Outcome | None:
    roles = await official_roles(ctx)
    if not roles:
        ctx.say(ctx.t("pref_no_roles"))
        return End()
    if len(roles) == 1:
        ctx.data[ROLE] = roles[0].id
        return Go("settings")
    return None


# --- which grant ------------------------------------------------------------------------


async def ask_roles(ctx: Context) -> Reply:
    choices = [Choice(f"r{r.id}", await role_label(ctx, r)) for r in await official_roles(ctx)]
    return Reply(ctx.t("pref_pick_role"), choices=tuple(choices))


async def handle_roles(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is None or not answer.choice.id[1:].isdigit():
        return Stay(ctx.t("pick_one"))
    ctx.data[ROLE] = int(answer.choice.id[1:])
    if await current_role(ctx) is None:
        return Stay(ctx.t("pref_role_gone"))
    return Go("settings")


# --- the settings of one grant ----------------------------------------------------------


async def ask_settings(ctx: Context) -> Reply:
    role = await current_role(ctx)
    if role is None:
        return Reply(ctx.t("pref_role_gone"), choices=(Choice(DONE, ctx.t("pref_choice_done")),))
    preference = await ctx.services.uow.preferences.for_role(role.id)
    text = ctx.t(
        "pref_settings",
        role=await role_label(ctx, role),
        new_activities=ctx.t(f"pref_mode_{preference.new_activities}"),
        daily_summary=on_off(ctx, preference.daily_summary),
        starting=on_off(ctx, preference.starting_without_participants),
        chairs=on_off(ctx, preference.unidentified_chairs),
        corrections=on_off(ctx, preference.correction_requests),
    )
    choices = [Choice(NEW, ctx.t("pref_choice_new"))]
    for name in SWITCHES:
        target = "off" if getattr(preference, name) else "on"
        choices.append(Choice(f"{name}:{target}", ctx.t(f"pref_turn_{target}_{name}")))
    if len(await official_roles(ctx)) > 1:
        choices.append(Choice(OTHER, ctx.t("pref_choice_other_role")))
    choices.append(Choice(DONE, ctx.t("pref_choice_done")))
    return Reply(text, choices=tuple(choices))


async def handle_settings(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is None:
        if "kecelakaan" in answer.text.casefold() or "accident" in answer.text.casefold():
            return Stay(ctx.t("pref_accidents_fixed"))
        return Stay(ctx.t("pick_one"))
    picked = answer.choice.id
    if picked == DONE:
        ctx.say(ctx.t("pref_done"))
        return End()
    if picked == OTHER:
        return Go("roles")
    role = await current_role(ctx)
    if role is None:
        return Stay(ctx.t("pref_role_gone"))
    if picked == NEW:
        return Go("new_activities")
    name, _, target = picked.partition(":")
    if name not in SWITCHES or target not in ("on", "off"):
        return Stay(ctx.t("pick_one"))
    await change(ctx, role, name, target == "on", on_off(ctx, target == "on"))
    return Go("settings")


async def change(ctx: Context, role: Any, name: str, value: Any, shown: str) -> None:
    uow = ctx.services.uow
    what = ctx.t(f"pref_name_{name}")
    if getattr(await uow.preferences.for_role(role.id), name) == value:
        ctx.say(ctx.t("pref_unchanged", what=what, value=shown))
        return
    await uow.preferences.update(role.id, ctx.now, **{name: value})
    await uow.audit.record(
        "alert_preferences_changed",
        actor_account_id=ctx.caller.account_id,
        actor=ctx.caller.name,
        detail={"role_id": role.id, name: value},
    )
    ctx.say(ctx.t("pref_changed", what=what, value=shown))


# --- new activities: immediately, digest or off -----------------------------------------


async def ask_new_activities(ctx: Context) -> Reply:
    role = await current_role(ctx)
    current = "digest"
    if role is not None:
        current = (await ctx.services.uow.preferences.for_role(role.id)).new_activities
    choices = tuple(Choice(mode, ctx.t(f"pref_choice_{mode}")) for mode in MODES)
    return Reply(ctx.t("pref_ask_new", current=ctx.t(f"pref_mode_{current}")), choices=choices)


async def handle_new_activities(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is None or answer.choice.id not in MODES:
        return Stay(ctx.t("pick_one"))
    role = await current_role(ctx)
    if role is None:
        ctx.say(ctx.t("pref_role_gone"))
        return Go("settings")
    mode = answer.choice.id
    await change(ctx, role, "new_activities", mode, ctx.t(f"pref_mode_{mode}"))
    return Go("settings")

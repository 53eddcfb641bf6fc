"""Adding an official: name, phone (normalised to E.164), role (petugas, bpjs, admin) and
scope (the whole city, a kecamatan, or a kelurahan — by button or typed name, matched
loosely), then a confirmation. The grant goes to the phone number, so every chat the
channel verifies for it (WhatsApp, Telegram after sharing the contact) gets the role."""

from __future__ import annotations

from typing import Any

from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.markup import Text
from bot.core.messages import Choice, Reply
from bot.domain.vocabulary import OFFICIAL_ROLES, Role
from handlers.admin.common import (
    CITY,
    KECAMATAN,
    KELURAHAN,
    NO,
    official_line,
    region_index,
    role_label,
    scope_label,
    yes_no,
)
from handlers.common.audit import audit
from handlers.common.people import read_name, read_phone

NAME, PHONE, ROLE, SCOPE = "official_name", "official_phone", "official_role", "official_scope"
PICK_KECAMATAN, PICK_KELURAHAN = "official_kecamatan", "official_kelurahan"
CONFIRM = "official_confirm"
# Where the admin lands afterwards: the officials list (handlers/admin/officials.py).
LIST = "officials"
KEYS = ("off_name", "off_phone", "off_role", "off_scope", "off_code", "off_kecamatan")
ROLE_HELP = {
    Role.PETUGAS: "admin_role_petugas_help",
    Role.BPJS: "admin_role_bpjs_help",
    Role.ADMIN: "admin_role_admin_help",
}
SCOPES = {
    CITY: "admin_scope_pick_city",
    KECAMATAN: "admin_scope_pick_kecamatan",
    KELURAHAN: "admin_scope_pick_kelurahan",
}


def start(ctx: Context) -> Go:
    for key in KEYS:
        ctx.data.pop(key, None)
    return Go(NAME)


def forget(ctx: Context) -> Go:
    for key in KEYS:
        ctx.data.pop(key, None)
    return Go(LIST)


async def ask_name(ctx: Context) -> Reply:
    return Reply(ctx.t("admin_official_ask_name"))


async def handle_name(ctx: Context, answer: Answer) -> Outcome:
    return _keep(ctx, "off_name", read_name(ctx, answer.text), then=PHONE)


async def ask_phone(ctx: Context) -> Reply:
    return Reply(ctx.t("admin_official_ask_phone", name=ctx.data.get("off_name", "")))


async def handle_phone(ctx: Context, answer: Answer) -> Outcome:
    return _keep(ctx, "off_phone", read_phone(ctx, answer.text), then=ROLE)


def _keep(ctx: Context, key: str, value: str | Stay, then: str) -> Outcome:
    """Keep an answer that was read and ask the next question, or say why it was not."""
    if isinstance(value, Stay):
        return value
    ctx.data[key] = value
    return Go(then)


async def ask_role(ctx: Context) -> Reply:
    choices = tuple(
        Choice(role, role_label(ctx, role), ctx.t(ROLE_HELP[role])) for role in OFFICIAL_ROLES
    )
    return Reply(ctx.t("admin_official_ask_role"), choices=choices)


async def handle_role(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is None or answer.choice.id not in OFFICIAL_ROLES:
        return Stay(ctx.t("pick_one"))
    ctx.data["off_role"] = answer.choice.id
    return Go(SCOPE)


async def ask_scope(ctx: Context) -> Reply:
    choices = tuple(Choice(kind, ctx.t(key)) for kind, key in SCOPES.items())
    return Reply(ctx.t("admin_official_ask_scope"), choices=choices)


async def handle_scope(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is None or answer.choice.id not in SCOPES:
        return Stay(ctx.t("pick_one"))
    ctx.data["off_scope"] = answer.choice.id
    ctx.data.pop("off_code", None)
    return Go(CONFIRM if answer.choice.id == CITY else PICK_KECAMATAN)


async def ask_kecamatan(ctx: Context) -> Reply:
    kecamatan = await ctx.services.uow.regions.list_kecamatan()
    choices = tuple(Choice(f"k:{k.code}", k.name) for k in kecamatan)
    key = "admin_official_ask_kelurahan_area"
    if ctx.data.get("off_scope") == KECAMATAN:
        key = "admin_official_ask_kecamatan"
    return Reply(ctx.t(key), choices=choices)


async def handle_kecamatan(ctx: Context, answer: Answer) -> Outcome:
    regions = await region_index(ctx)
    by_kelurahan = ctx.data.get("off_scope") == KELURAHAN
    if answer.choice is not None:
        kecamatan = regions.find_kecamatan(answer.choice.id.removeprefix("k:"))
    else:
        kelurahan = regions.find_kelurahan(answer.text) if by_kelurahan else None
        if kelurahan is not None:  # typed the kelurahan straight away
            ctx.data["off_code"] = kelurahan.code
            return Go(CONFIRM)
        kecamatan = regions.find_kecamatan(answer.text)
    if kecamatan is None:
        return Stay(ctx.t("admin_official_unknown_area"))
    if not by_kelurahan:
        ctx.data["off_code"] = kecamatan.code
        return Go(CONFIRM)
    ctx.data["off_kecamatan"] = kecamatan.code
    return Go(PICK_KELURAHAN)


async def ask_kelurahan(ctx: Context) -> Reply:
    code = str(ctx.data.get("off_kecamatan", ""))
    kelurahan = await ctx.services.uow.regions.list_kelurahan(code)
    choices = tuple(Choice(f"l:{k.code}", k.name) for k in kelurahan)
    return Reply(ctx.t("admin_official_ask_kelurahan"), choices=choices)


async def handle_kelurahan(ctx: Context, answer: Answer) -> Outcome:
    regions = await region_index(ctx)
    within = str(ctx.data.get("off_kecamatan", ""))
    typed = answer.choice.id.removeprefix("l:") if answer.choice is not None else answer.text
    kelurahan = regions.find_kelurahan(typed, within) if within else None
    if kelurahan is None:
        return Stay(ctx.t("admin_official_unknown_area"))
    ctx.data["off_code"] = kelurahan.code
    return Go(CONFIRM)


def _complete(ctx: Context) -> bool:
    scope = ctx.data.get("off_scope")
    has_code = scope == CITY or bool(ctx.data.get("off_code"))
    return all(ctx.data.get(k) for k in ("off_name", "off_phone", "off_role")) and has_code


async def ask_confirm(ctx: Context) -> Reply:
    if not _complete(ctx):
        return Reply(
            ctx.t("admin_official_incomplete"), choices=yes_no(ctx, "admin_official_restart")
        )
    regions = await region_index(ctx)
    text = ctx.t(
        "admin_official_confirm",
        name=ctx.data["off_name"],
        phone=ctx.data["off_phone"],
        role=role_label(ctx, ctx.data["off_role"]),
        scope=scope_label(ctx, regions, ctx.data["off_scope"], ctx.data.get("off_code")),
    )
    existing = await ctx.services.uow.roles.for_phone(ctx.data["off_phone"])
    held = [official_line(ctx, regions, role) for role in existing if role.role in OFFICIAL_ROLES]
    if held:
        text += "\n\n" + ctx.t("admin_official_phone_has_roles", roles=Text.joined("\n", held))
    return Reply(text, choices=yes_no(ctx, "admin_official_save"))


async def handle_confirm(ctx: Context, answer: Answer) -> Outcome:
    if not _complete(ctx):
        return start(ctx) if answer.picked != NO else forget(ctx)
    if answer.picked == NO:
        ctx.say(ctx.t("admin_official_not_saved"))
        return forget(ctx)
    uow = ctx.services.uow
    phone, role_name = str(ctx.data["off_phone"]), str(ctx.data["off_role"])
    scope = str(ctx.data["off_scope"])
    code = None if scope == CITY else str(ctx.data["off_code"])
    if any(_same(r, role_name, scope, code) for r in await uow.roles.for_phone(phone)):
        ctx.say(ctx.t("admin_official_exists"))
        return forget(ctx)
    role = await uow.roles.grant(
        role_name,
        phone=phone,
        name=str(ctx.data["off_name"]),
        scope_kind=scope,
        scope_code=code,
        created_by=ctx.caller.account_id,
    )
    await audit(
        ctx, "official_added", role_id=role.id, name=role.name, phone=phone,
        role=role_name, scope_kind=scope, scope_code=code,
    )  # fmt: skip
    ctx.say(
        ctx.t("admin_official_saved", official=official_line(ctx, await region_index(ctx), role))
    )
    return forget(ctx)


def _same(role: Any, name: str, scope: str, code: str | None) -> bool:
    return role.role == name and role.scope_kind == scope and role.scope_code == code

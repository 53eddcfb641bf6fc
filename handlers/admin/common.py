"""What the admin conversation's parts share: the step names of the admin menu, the
"Kembali" button, audit entries stamped with the service clock, the region index, and how
an official's role and scope read in the chat."""

from __future__ import annotations

from typing import Any

from bot.core.dialog import Context, Go
from bot.core.messages import Choice
from bot.domain.phone import PhoneError, mask_phone
from bot.domain.regions import RegionIndex
from bot.domain.vocabulary import Role, ScopeKind
from bot.reports.export_request import region_index as load_region_index

MENU_STEP = "menu"
BACK = "back"
YES, NO = "yes", "no"
PREV, NEXT = "prev", "next"
ROLE_LABELS: dict[str, str] = {
    Role.PETUGAS: "admin_role_petugas",
    Role.BPJS: "admin_role_bpjs",
    Role.ADMIN: "admin_role_admin",
}
CITY, KECAMATAN, KELURAHAN = ScopeKind.CITY, ScopeKind.KECAMATAN, ScopeKind.KELURAHAN


def back_choice(ctx: Context, title_key: str = "admin_back") -> Choice:
    """Never titled "Kembali": a button is also sent as its title, and that word is the
    engine's own `kembali` (the previous step)."""
    return Choice(BACK, ctx.t(title_key))


def yes_no(ctx: Context, yes_key: str, no_key: str = "admin_no") -> tuple[Choice, ...]:
    return (Choice(YES, ctx.t(yes_key)), Choice(NO, ctx.t(no_key)))


def page_choices(ctx: Context, page: int, has_more: bool) -> list[Choice]:
    choices = []
    if page > 0:
        choices.append(Choice(PREV, ctx.t("admin_prev")))
    if has_more:
        choices.append(Choice(NEXT, ctx.t("admin_next")))
    return choices


def turn_page(ctx: Context, key: str, picked: str, step: str) -> Go | None:
    """For "prev" or "next": move the page kept under `key` one back or forward (never
    below the first) and ask `step` again; None for any other answer."""
    if picked not in (PREV, NEXT):
        return None
    page = int(ctx.data.get(key, 0)) + (1 if picked == NEXT else -1)
    ctx.data[key] = max(page, 0)
    return Go(step)


def to_menu(ctx: Context, *forget: str) -> Go:
    """Back to the admin menu, forgetting what the finished part kept."""
    for key in forget:
        ctx.data.pop(key, None)
    return Go(MENU_STEP)


async def region_index(ctx: Context) -> RegionIndex:
    return await load_region_index(ctx.services.uow)


def masked(phone: str | None) -> str:
    if not phone:
        return "-"
    try:
        return mask_phone(phone)
    except PhoneError:
        return "****"


def role_label(ctx: Context, role: str) -> str:
    key = ROLE_LABELS.get(role)
    return ctx.t(key) if key else role


def scope_label(ctx: Context, regions: RegionIndex, kind: str, code: str | None) -> str:
    """ "Seluruh Kota Jambi", "Kec. Telanaipura", "Kel. Simpang IV Sipin"."""
    if kind == KECAMATAN and code:
        kecamatan = regions.find_kecamatan(code)
        return ctx.t("admin_scope_kecamatan", name=kecamatan.name if kecamatan else code)
    if kind == KELURAHAN and code:
        kelurahan = regions.find_kelurahan(code)
        return ctx.t("admin_scope_kelurahan", name=kelurahan.name if kelurahan else code)
    return ctx.t("admin_scope_city")


def official_line(ctx: Context, regions: RegionIndex, role: Any) -> str:
    """ "Rina Marlina · +62811****0001 · Petugas · Seluruh Kota Jambi"."""
    return ctx.t(
        "admin_official_line",
        name=role.name or "-",
        phone=masked(role.phone) if role.phone else ctx.t("admin_phone_account"),
        role=role_label(ctx, role.role),
        scope=scope_label(ctx, regions, role.scope_kind, role.scope_code),
    )

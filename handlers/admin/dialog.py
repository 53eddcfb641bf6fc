"""The admin conversation (/admin, admins only): a menu of the admin's commands — import
the RT list, officials, invite codes, RT budgets, broadcast, the audit log and the outbox
status — each a group of steps in its own handlers/admin_*.py module. The menu shows how
many outbox messages failed, so a delivery problem is seen without asking for it.

Nothing is written before the admin confirms (or, for the RT list, before a file with no
bad row is sent), so `batal` anywhere leaves nothing half-done."""

from __future__ import annotations

from collections.abc import Callable

from bot.core.dialog import (
    Answer,
    Command,
    Context,
    Dialog,
    End,
    Go,
    MenuEntry,
    Outcome,
    Stay,
    Step,
)
from bot.core.messages import Choice, Reply
from handlers.admin import NAME, texts
from handlers.admin import audit as admin_audit
from handlers.admin import broadcast as admin_broadcast
from handlers.admin import budgets as admin_budgets
from handlers.admin import invites as admin_invites
from handlers.admin import official_add as admin_official_add
from handlers.admin import officials as admin_officials
from handlers.admin import outbox as admin_outbox
from handlers.admin import rt_import as admin_rt_import
from handlers.admin import rt_pick as admin_rt_pick
from handlers.admin.common import MENU_STEP

EXIT = "exit"
# Menu entry -> (button text, how the part starts).
PARTS: dict[str, tuple[str, Callable[[Context], Go]]] = {
    "import": ("admin_menu_import", admin_rt_import.start),
    "officials": ("admin_menu_officials", admin_officials.start),
    "invite": ("admin_menu_invite", admin_invites.start),
    "budget": ("admin_menu_budget", admin_budgets.start),
    "broadcast": ("admin_menu_broadcast", admin_broadcast.start),
    "audit": ("admin_menu_audit", admin_audit.start),
    "outbox": ("admin_menu_outbox", admin_outbox.start),
}


async def ask_menu(ctx: Context) -> Reply:
    text = ctx.t("admin_menu_title")
    failed = await admin_outbox.failed_count(ctx)
    if failed:
        text += "\n" + ctx.t("admin_menu_failed", count=failed)
    choices = [Choice(part, ctx.t(key)) for part, (key, _) in PARTS.items()]
    choices.append(Choice(EXIT, ctx.t("admin_menu_exit")))
    return Reply(text, choices=tuple(choices))


async def handle_menu(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is None:
        return Stay(ctx.t("pick_one"))
    if answer.choice.id == EXIT:
        return End()
    part = PARTS.get(answer.choice.id)
    if part is None:
        return Stay(ctx.t("pick_one"))
    # Each part starts clean: nothing of a part left earlier leaks into it.
    ctx.data.clear()
    return part[1](ctx)


async def on_cancel(ctx: Context) -> str | None:
    return ctx.t("admin_cancelled")


DIALOG = Dialog(
    name=NAME,
    texts=texts,
    first=MENU_STEP,
    roles=frozenset({"admin"}),
    command=Command("/admin", "command_admin"),
    entry=MenuEntry("menu_item_admin", 130, roles=frozenset({"admin"})),
    on_cancel=on_cancel,
    steps={
        MENU_STEP: Step(ask=ask_menu, handle=handle_menu, help="admin_help"),
        **admin_rt_import.STEPS,
        **admin_officials.STEPS,
        **admin_official_add.STEPS,
        **admin_rt_pick.STEPS,
        **admin_invites.STEPS,
        **admin_budgets.STEPS,
        **admin_broadcast.STEPS,
        **admin_audit.STEPS,
        **admin_outbox.STEPS,
    },
)

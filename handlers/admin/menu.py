"""The admin menu: the admin's commands, and how many outbox messages failed, so a
delivery problem is seen without asking for it."""

from __future__ import annotations

from collections.abc import Callable

from bot.core.dialog import Answer, Context, End, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from handlers.admin import audit as admin_audit
from handlers.admin import broadcast as admin_broadcast
from handlers.admin import budgets as admin_budgets
from handlers.admin import invites as admin_invites
from handlers.admin import officials as admin_officials
from handlers.admin import outbox as admin_outbox
from handlers.admin import rt_import as admin_rt_import

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
    if answer.picked == EXIT:
        return End()
    part = PARTS.get(answer.picked)
    if part is None:
        return Stay(ctx.t("pick_one"))
    # Each part starts clean: nothing of a part left earlier leaks into it.
    ctx.data.clear()
    return part[1](ctx)


async def on_cancel(ctx: Context) -> str | None:
    return ctx.t("admin_cancelled")

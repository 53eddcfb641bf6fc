"""What Data saya offers after showing the data (UU 27/2022): a correction request
(`correction`), the download of everything held (`download`) and an erasure request
(`erasure`). Wraps the `after` step of `shown`, which offers only the correction."""

from __future__ import annotations

from bot.core.dialog import NAV_MENU, Answer, Context, End, Outcome
from bot.core.messages import Choice, Reply
from handlers.warga import coverage_rows as cover
from handlers.warga.my_data import correction, download, erasure, shown

DOWNLOAD = "download"
ERASE = "erase"


async def ask_after(ctx: Context) -> Reply:
    choices = (
        Choice(shown.FIX, ctx.t("mydata_choice_fix")),
        Choice(DOWNLOAD, ctx.t("mydata_choice_download")),
        Choice(ERASE, ctx.t("mydata_choice_erase")),
        Choice(NAV_MENU, ctx.t("resident_choice_menu")),
    )
    return Reply(ctx.t("mydata_after_rights"), choices=choices)


async def handle_after(ctx: Context, answer: Answer) -> Outcome:
    picked = answer.choice.id if answer.choice is not None else None
    if picked == DOWNLOAD:
        await download.send(ctx, await cover.people_of_caller(ctx))
        return End()
    if picked == ERASE:
        return await erasure.begin(ctx)
    return await shown.handle_after(ctx, answer)


async def on_cancel(ctx: Context) -> str | None:
    """A correction or an erasure request being written was not sent."""
    return await correction.on_cancel(ctx) or await erasure.on_cancel(ctx)

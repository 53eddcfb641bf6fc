"""Siaran: a message to every Ketua RT, or to those of one kecamatan, through the outbox.

The admin picks the audience, types the message (at most 1,000 characters) and sees a
preview with the number of recipients: the chats of RT chairs (a verified phone on the RT
list, or a ketua_rt grant from an invite code), without those who opted out. Only on
"Kirim" is anything written: one audit entry with the count, and one outbox message per
recipient (priority 9: after replies and alerts), queued in bulk. Cancelling leaves
nothing behind."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.messages import Choice, Reply, reply_to_payload
from handlers.admin.common import BACK, back_choice, region_index, to_menu
from handlers.common.audit import audit

TARGET, TEXT, PREVIEW = "broadcast_target", "broadcast_text", "broadcast_preview"
KECAMATAN, MESSAGE = "bc_kecamatan", "bc_text"
ALL = "all"
SEND, EDIT, CANCEL, RETARGET = "send", "edit", "cancel", "retarget"
MAX_LENGTH = 1000
MIN_LENGTH = 5
KIND = "broadcast"
TEMPLATE = "broadcast"
# Bulk messages go after replies (1–5) and alerts.
PRIORITY = 9
FORGET = (KECAMATAN, MESSAGE)


def start(ctx: Context) -> Go:
    for key in FORGET:
        ctx.data.pop(key, None)
    return Go(TARGET)


async def ask_target(ctx: Context) -> Reply:
    kecamatan = await ctx.services.uow.regions.list_kecamatan()
    choices = [Choice(ALL, ctx.t("admin_broadcast_all"))]
    choices += [
        Choice(f"k:{k.code}", ctx.t("admin_scope_kecamatan", name=k.name)) for k in kecamatan
    ]
    return Reply(ctx.t("admin_broadcast_ask_target"), choices=(*choices, back_choice(ctx)))


async def handle_target(ctx: Context, answer: Answer) -> Outcome:
    picked = answer.choice.id if answer.choice is not None else None
    if picked == BACK:
        return to_menu(ctx, *FORGET)
    if picked == ALL:
        ctx.data[KECAMATAN] = None
        return Go(TEXT)
    regions = await region_index(ctx)
    kecamatan = regions.find_kecamatan(picked.removeprefix("k:") if picked else answer.text)
    if kecamatan is None:
        return Stay(ctx.t("admin_broadcast_unknown_target"))
    ctx.data[KECAMATAN] = kecamatan.code
    return Go(TEXT)


async def ask_text(ctx: Context) -> Reply:
    # No buttons: whatever is typed here is the message (a "1" is not a button).
    return Reply(ctx.t("admin_broadcast_ask_text", limit=f"{MAX_LENGTH:,}".replace(",", ".")))


async def handle_text(ctx: Context, answer: Answer) -> Outcome:
    text = answer.text.strip()
    if len(text) < MIN_LENGTH or not any(ch.isalpha() for ch in text):
        return Stay(ctx.t("admin_broadcast_text_short"))
    ctx.data[MESSAGE] = text
    return Go(PREVIEW)


async def audience(ctx: Context) -> tuple[str, Sequence[Any]]:
    """Who the message goes to, in words, and their accounts."""
    code = ctx.data.get(KECAMATAN)
    accounts = await ctx.services.uow.rts.chair_accounts(code)
    if not code:
        return ctx.t("admin_broadcast_all"), accounts
    kecamatan = await ctx.services.uow.regions.get_kecamatan(str(code))
    return ctx.t("admin_scope_kecamatan", name=kecamatan.name if kecamatan else code), accounts


async def ask_preview(ctx: Context) -> Reply:
    text = str(ctx.data.get(MESSAGE) or "")
    target, accounts = await audience(ctx)
    if not text:
        return Reply(
            ctx.t("admin_broadcast_lost"),
            choices=(
                Choice(EDIT, ctx.t("admin_broadcast_edit")),
                Choice(CANCEL, ctx.t("admin_broadcast_cancel")),
            ),
        )
    preview = ctx.t("admin_broadcast_message", text=text)
    if not accounts:
        body = ctx.t("admin_broadcast_nobody", target=target)
        choices: tuple[Choice, ...] = (
            Choice(RETARGET, ctx.t("admin_broadcast_retarget")),
            Choice(CANCEL, ctx.t("admin_broadcast_cancel")),
        )
        return Reply(body, choices=choices)
    body = ctx.t("admin_broadcast_preview", preview=preview, count=len(accounts), target=target)
    choices = (
        Choice(SEND, ctx.t("admin_broadcast_send", count=len(accounts))),
        Choice(EDIT, ctx.t("admin_broadcast_edit")),
        Choice(CANCEL, ctx.t("admin_broadcast_cancel")),
    )
    return Reply(body, choices=choices)


async def handle_preview(ctx: Context, answer: Answer) -> Outcome:
    picked = answer.picked
    if picked == CANCEL:
        ctx.say(ctx.t("admin_broadcast_cancelled"))
        return to_menu(ctx, *FORGET)
    if picked == EDIT:
        return Go(TEXT)
    if picked == RETARGET:
        return Go(TARGET)
    text = str(ctx.data.get(MESSAGE) or "")
    _, accounts = await audience(ctx)
    if not text:
        return Go(TEXT)
    if not accounts:
        return Stay(ctx.t("admin_broadcast_nobody_now"))
    count = await send(ctx, text, accounts)
    ctx.say(ctx.t("admin_broadcast_queued", count=count))
    return to_menu(ctx, *FORGET)


async def send(ctx: Context, text: str, accounts: Sequence[Any]) -> int:
    """Audit, then queue one message per account in bulk; returns how many were queued."""
    event = await audit(
        ctx, "broadcast", kecamatan=ctx.data.get(KECAMATAN), recipients=len(accounts),
        length=len(text),
    )  # fmt: skip
    messages = []
    for account in accounts:
        body = ctx.texts.text(account.language, "admin_broadcast_message", text=text)
        messages.append(
            {
                "account_id": account.id,
                "channel": account.channel,
                "chat_id": account.chat_id,
                "payload": reply_to_payload(Reply(body), TEMPLATE, (text,)),
                "kind": KIND,
                "priority": PRIORITY,
                "dedup_key": f"broadcast:{event.id}:{account.id}",
            }
        )
    return int(await ctx.services.uow.outbox.enqueue_many(messages, not_before=ctx.now))

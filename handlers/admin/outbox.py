"""Status pesan keluar: how many outbox messages wait, went out or failed — notifications,
then the copies of replies apart — how far behind the sender is, and the latest failures with their error, never the
message text, which may carry personal data."""

from __future__ import annotations

from typing import Any

from bot.core.dialog import Answer, Context, Go, Outcome
from bot.core.messages import Choice, Reply
from bot.domain.dates import to_wib
from bot.domain.vocabulary import OutboxStatus
from handlers.admin.common import BACK, back_choice, to_menu

STATUS = "outbox_status"
REFRESH = "refresh"
LATEST_FAILED = 5
# Provider errors can be long (a whole JSON body); the start says what went wrong.
ERROR_LENGTH = 120


def start(ctx: Context) -> Go:
    return Go(STATUS)


async def failed_count(ctx: Context) -> int:
    counts = await ctx.services.uow.outbox.count_by_status()
    return int(counts.get(OutboxStatus.FAILED, 0))


def failure_line(ctx: Context, message: Any) -> str:
    error = " ".join((message.last_error or "-").split())
    if len(error) > ERROR_LENGTH:
        error = error[: ERROR_LENGTH - 1] + "…"
    return ctx.t(
        "admin_outbox_failure",
        id=message.id,
        kind=message.kind,
        channel=message.channel,
        at=f"{to_wib(message.created_at):%d/%m/%Y %H.%M}",
        attempts=message.attempts,
        error=error,
    )


async def ask_status(ctx: Context) -> Reply:
    outbox = ctx.services.uow.outbox
    text = "\n".join(
        ctx.t(
            key,
            pending=counts.get(OutboxStatus.PENDING, 0),
            sent=counts.get(OutboxStatus.SENT, 0),
            failed=counts.get(OutboxStatus.FAILED, 0),
        )
        for key, counts in (
            ("admin_outbox_counts", await outbox.count_by_status()),
            ("admin_outbox_reply_counts", await outbox.count_by_status(replies=True)),
        )
    )
    due, oldest = await outbox.backlog(ctx.now)
    if due:
        # How far behind the sender is: the operators' first sign of a stuck outbox.
        seconds = max(0, int((ctx.now - oldest).total_seconds())) if oldest else 0
        text += "\n" + ctx.t("admin_outbox_lag", due=due, seconds=seconds)
    failures = await outbox.latest_failed(LATEST_FAILED)
    if failures:
        lines = "\n".join(failure_line(ctx, message) for message in failures)
        text += "\n\n" + ctx.t("admin_outbox_latest_failed", lines=lines)
    choices = (Choice(REFRESH, ctx.t("admin_outbox_refresh")), back_choice(ctx))
    return Reply(text, choices=choices)


async def handle_status(ctx: Context, answer: Answer) -> Outcome:
    if answer.picked == BACK:
        return to_menu(ctx)
    return Go(STATUS)

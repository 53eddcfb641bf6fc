"""Telling the people on a confirmed activity's list that a tracked change moved their
cover (shortened, postponed, cancelled): one message per person with an account found by
their phone, through the outbox like the confirmation notice, each with the period that
holds for them now (bot.domain.coverage)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from bot.activities.lifecycle import participation_window
from bot.core.dialog import Context
from bot.core.messages import Notification, Reply
from bot.domain.dates import format_datetime, to_wib


def end_text(moment: datetime) -> str:
    """A window ends at midnight after its last day: that day's last minute is shown."""
    if to_wib(moment).time() == time.min:
        return format_datetime(moment - timedelta(minutes=1))
    return format_datetime(moment)


async def tell_participants(ctx: Context, activity: Any, key: str, **values: Any) -> int:
    """Queue the notice `key` (with `name`, `title`, `number`, `start`, `end` and
    `values`) to everyone on the list now; returns how many were queued."""
    uow = ctx.services.uow
    queued = 0
    for participation in await uow.participations.for_activity(activity.id):
        person = await uow.persons.get(participation.person_id)
        if person is None or not person.phone:
            continue
        accounts = [
            a for a in await uow.accounts.by_phone(person.phone) if a.id != ctx.caller.account_id
        ]
        if not accounts:
            continue
        account = max(accounts, key=lambda a: (a.last_inbound_at or a.created_at, a.id))
        window = participation_window(activity, participation)
        start = format_datetime(window.starts) if window is not None else ""
        end = end_text(window.ends) if window is not None else ""
        text = ctx.texts.text(
            account.language,
            key,
            name=person.name,
            title=activity.title,
            number=activity.number or "",
            start=start,
            end=end,
            **values,
        )
        ctx.notify(
            Notification(
                account_id=account.id,
                reply=Reply(text),
                kind="coverage",
                dedup_key=f"change:{activity.id}:{activity.surat_tugas_revision}:{person.id}",
            )
        )
        queued += 1
    return queued

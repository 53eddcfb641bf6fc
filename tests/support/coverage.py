"""Confirmed and cancelled activities with people on them, and what a resident's checks
leave behind (audit events), for the coverage check and "Data saya" tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from bot.activities import lifecycle as coverage
from bot.app import App
from support.activity_helpers import add_participant, confirm_directly, create_activity
from support.chat import Chat

SITI_PHONE = "+6281300000001"  # the `warga` fixture's verified phone
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # the clock's start: 2 March 2026 09.00 WIB
UNKNOWN_NIK = "1571025505950004"


async def confirmed_activity(
    app: App,
    rt_id: int,
    title: str,
    start: date,
    end: date,
    people: tuple[tuple[tuple[str, str, date, str], str | None], ...],
    confirmed_at: datetime = NOW,
) -> int:
    """A confirmed activity with its people on the list since before the confirmation."""
    activity_id = await create_activity(
        app, rt_id, title=title, start=start, end=end, created_at=confirmed_at - timedelta(days=1)
    )
    for person, phone in people:
        await add_participant(
            app, activity_id, person, phone=phone, added_at=confirmed_at - timedelta(hours=1)
        )
    await confirm_directly(app, activity_id, confirmed_at)
    return activity_id


async def cancel_directly(app: App, activity_id: int, at: datetime, reason: str = "") -> None:
    async with app.uow_factory() as uow:
        activity = await uow.activities.get(activity_id)
        await coverage.cancel(uow, activity, at, None, reason)  # type: ignore[arg-type]
        await uow.commit()


async def shares_contact(chat: Chat, phone: str) -> None:
    """The user taps "Bagikan nomor HP" on Telegram: the verified phone and no text."""
    chat.phone = phone
    try:
        await chat.sends()
    finally:
        chat.phone = None


async def audit_events(app: App, action: str) -> list[Any]:
    async with app.uow_factory() as uow:
        events = await uow.audit.recent(limit=100)
        return sorted((e for e in events if e.action == action), key=lambda e: e.id)


async def person_id(app: App, nik: str) -> int:
    async with app.uow_factory() as uow:
        return int((await uow.persons.find_by_nik(nik)).id)

"""A small city of confirmed activities for the BPJS export tests (the file and the
officials' export dialog)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from bot.app import App
from bot.documents.export import HEADERS
from support.activity_helpers import (
    JOKO,
    RUDI,
    SITI,
    add_participant,
    confirm_directly,
    create_activity,
)

CONFIRMED_AT = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # 09:00 WIB, the day it starts
MARCH = (date(2026, 3, 1), date(2026, 3, 31))
TELANAIPURA = "15.71.01"
COLUMN = {title: index for index, title in enumerate(HEADERS)}


async def covered(
    app: App, rt_id: int, people: tuple[tuple[str, str, date, str], ...], **kwargs: Any
) -> int:
    """A confirmed activity (2–31 March 2026 unless told) with these people on it."""
    activity_id = await create_activity(app, rt_id, **kwargs)
    for person, role in zip(people, ("warga", "phl", "ketua_rt"), strict=False):
        await add_participant(app, activity_id, person, role=role)
    await confirm_directly(app, activity_id, CONFIRMED_AT)
    return activity_id


async def seed_city(app: App, rt_id: int, other_rt_id: int) -> None:
    """Siti and Joko on an activity in Telanaipura, Rudi on one in Jambi Selatan, and a
    draft (never exported) with Rudi in Telanaipura."""
    await covered(app, rt_id, (SITI, JOKO))
    await covered(app, other_rt_id, (RUDI,), title="Drainase RT 05")
    draft = await create_activity(app, rt_id, title="Draf saja")
    await add_participant(app, draft, RUDI)

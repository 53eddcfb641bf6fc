"""Shared steps of the Ketua RT activity tests: registering through the chat, putting a
conversation at a given step, and arranging activities and participants directly in the
database (so these tests do not depend on the participants dialog)."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from typing import Any

from pypdf import PdfReader

from bot.activities import lifecycle as coverage
from bot.app import App
from bot.domain.premium import premium_for
from support.chat import Chat

# Valid NIKs: a woman born 5 June 1990, a man born 1 January 1985, a man born 12 Dec 1980.
SITI = ("1571014506900001", "Siti Aminah", date(1990, 6, 5), "P")
JOKO = ("1571010101850002", "Joko Susilo", date(1985, 1, 1), "L")
RUDI = ("1571011212800003", "Rudi Hartono", date(1980, 12, 12), "L")

TITLE = "Perbaikan jalan Gang Melati"
PLACE = "Gang Melati RT 01"


def plain(text: str) -> str:
    """The reply without Markdown emphasis."""
    return text.replace("*", "").replace("_", "")


async def register(
    chat: Chat,
    *,
    title: str = TITLE,
    kind: str = "Jalan lingkungan",
    place: str = PLACE,
    start: str = "hari ini",
    end: str = "31/3/2026",
    value: str = "25 juta",
    ppn: str = "Tidak",
) -> None:
    """Answer every registration question; ends at the summary card."""
    await chat.says("menu")
    await chat.taps("Daftarkan kegiatan")
    await chat.says(title)
    await chat.taps(kind)
    await chat.says(place)
    await chat.says(start)
    await chat.says(end)
    await chat.says(value)
    await chat.taps(ppn)
    assert "Ringkasan kegiatan" in chat.text, chat.text


async def activities(app: App) -> list[Any]:
    async with app.uow_factory() as uow:
        found = []
        for rt in await uow.rts.list():
            found.extend(await uow.activities.list_for_rt(rt.id))
        return sorted(found, key=lambda a: a.id)


async def stored_state(chat: Chat) -> tuple[str, str, dict[str, Any]]:
    async with chat.app.uow_factory() as uow:
        conversation = await uow.conversations.get(chat.address.channel, chat.address.chat_id)
        return conversation.dialog, conversation.step, dict(conversation.data)


async def put_in(
    chat: Chat,
    dialog: str,
    step: str,
    data: dict[str, Any],
    choices: list[list[str]] | None = None,
) -> None:
    """Place the conversation at a step, as a dialog would have left it: with `choices`
    as the buttons offered, or none (the next message then gets the step's question)."""
    if not chat.replies:
        await chat.says("menu")
    async with chat.app.uow_factory() as uow:
        conversation = await uow.conversations.get(chat.address.channel, chat.address.chat_id)
        conversation.dialog, conversation.step, conversation.data = dialog, step, dict(data)
        conversation.choices, conversation.history = list(choices or []), []
        conversation.version += 1
        await uow.commit()


async def create_activity(
    app: App,
    rt_id: int,
    *,
    title: str = TITLE,
    start: date = date(2026, 3, 2),
    end: date = date(2026, 3, 31),
    value: int = 25_000_000,
    created_at: datetime | None = None,
) -> int:
    """A draft straight in the database."""
    premium = premium_for(value)
    async with app.uow_factory() as uow:
        activity = await uow.activities.create_draft(
            rt_id=rt_id,
            title=title,
            kind="jalan_lingkungan",
            place=PLACE,
            latitude=None,
            longitude=None,
            start_date=start,
            end_date=end,
            value=value,
            value_includes_ppn=False,
            premium_jkk=premium.jkk,
            premium_jkm=premium.jkm,
            premium_total=premium.total,
            created_by=None,
            created_at=created_at or datetime(2026, 3, 1, tzinfo=UTC),
        )
        await uow.commit()
        return int(activity.id)


async def add_participant(
    app: App,
    activity_id: int,
    person: tuple[str, str, date, str],
    *,
    role: str = "warga",
    phone: str | None = None,
    added_at: datetime | None = None,
) -> int:
    nik, name, birth, sex = person
    async with app.uow_factory() as uow:
        found = await uow.persons.find_by_nik(nik)
        if found is None:
            found = await uow.persons.add(nik, name, birth, sex, phone)
        participation = await uow.participations.add(
            activity_id=activity_id,
            person_id=found.id,
            role=role,
            added_at=added_at or datetime(2026, 3, 1, 12, 0, tzinfo=UTC),
        )
        await uow.commit()
        return int(participation.id)


async def confirm_directly(app: App, activity_id: int, now: datetime) -> None:
    async with app.uow_factory() as uow:
        activity = await uow.activities.get(activity_id)
        await coverage.confirm(uow, activity, now)
        await uow.commit()


async def get_activity(app: App, activity_id: int) -> Any:
    async with app.uow_factory() as uow:
        return await uow.activities.get(activity_id)


def pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def documents(chat: Chat) -> list[Any]:
    return [reply.document for reply in chat.replies if reply.document is not None]

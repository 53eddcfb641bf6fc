"""Helpers shared by the participants dialog tests (tests/handlers/ketua_rt/participants/).

How a test reaches the dialog: other dialogs (registration, "Kegiatan saya") enter it with
`Start("participants", {"activity_id": id})`. The tests do not depend on them: the Ketua RT
says "menu" (which creates the conversation), `open_participants` then writes the
conversation state straight into the participants dialog's main step with the activity id
— exactly what a `Start` leaves behind — and sends "bantuan", which the engine answers at
any step with the help text and the step's question. From there the test talks like a user.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from typing import Any

from bot.app import App
from storage.models import Activity
from support.chat import Chat
from support.seeding import SeededRt

ADULT = "1571010101900001"  # born 1 January 1990, male
ADULT_WOMAN = "1571014508900002"  # born 5 August 1990, female (day + 40)
MINOR = "1571010101120003"  # born 1 January 2012: 14 years old on 2 March 2026
OTHER_ADULT = "1571010202850004"  # born 2 February 1985, male
SIXTEEN_DIGITS = re.compile(r"\d{16}")


def name_for(index: int) -> str:
    """A realistic-looking name without digits: "Peserta Aa", "Peserta Ab", ..."""
    return f"Peserta {chr(65 + index // 26 % 26)}{chr(97 + index % 26)}"


def nik(serial: int, day: int = 1, month: int = 1, year: int = 90) -> str:
    """A valid Kota Jambi NIK with the given birth date and serial."""
    return f"157101{day:02d}{month:02d}{year:02d}{serial:04d}"


async def make_activity(
    app: App,
    rt: SeededRt,
    *,
    status: str = "draft",
    title: str = "Normalisasi drainase RT 01",
    start: date = date(2026, 3, 9),
    end: date = date(2026, 3, 20),
) -> int:
    async with app.uow_factory() as uow:
        activity = await uow.activities.add(
            Activity(
                rt_id=rt.id,
                year=2026,
                title=title,
                kind="drainase",
                place="Jl. Kenanga",
                start_date=start,
                end_date=end,
                value=25_000_000,
                premium_jkk=52_500,
                premium_jkm=7_500,
                premium_total=60_000,
                status=status,
                created_by=None,
                confirmed_at=datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
                if status == "confirmed"
                else None,
            )
        )
        await uow.commit()
        return activity.id


async def open_participants(chat: Chat, activity_id: Any) -> None:
    """Put the chat into the participants dialog (see the module docstring)."""
    await chat.says("menu")
    async with chat.app.uow_factory() as uow:
        conversation = await uow.conversations.get(chat.address.channel, chat.address.chat_id)
        assert conversation is not None
        conversation.dialog, conversation.step = "participants", "main"
        conversation.data = {"activity_id": activity_id}
        conversation.choices, conversation.history = [], []
        await uow.conversations.save(conversation, conversation.version)
        await uow.commit()
    await chat.says("bantuan")


async def stored_state(chat: Chat) -> tuple[str, str, dict[str, Any]]:
    async with chat.app.uow_factory() as uow:
        conversation = await uow.conversations.get(chat.address.channel, chat.address.chat_id)
        assert conversation is not None
        return conversation.dialog, conversation.step, dict(conversation.data or {})


async def step_of(chat: Chat) -> str:
    dialog, step, _ = await stored_state(chat)
    return f"{dialog}/{step}"


def record(chat: Chat) -> list[str]:
    """Everything the bot sends this chat from now on (texts, button titles and their
    descriptions), to check that no NIK ever appears unmasked."""
    seen: list[str] = []
    original = chat.sends

    async def sends(*args: Any, **fields: Any) -> Any:
        replies = await original(*args, **fields)
        for reply in replies:
            seen.append(reply.text)
            seen.extend(f"{c.title} {c.description}" for c in reply.choices)
        return replies

    chat.sends = sends  # type: ignore[method-assign]
    return seen


def assert_no_nik_shown(seen: list[str], *niks: str) -> None:
    """No 16-digit number at all, and none of these NIKs even with spaces removed (the
    paste instructions show an example NIK written in groups of four)."""
    assert [text for text in seen if SIXTEEN_DIGITS.search(text)] == []
    squeezed = [text.replace(" ", "") for text in seen]
    assert [value for value in niks if any(value in text for text in squeezed)] == []


async def assert_nik_not_in_state(chat: Chat, *niks: str) -> None:
    _, _, data = await stored_state(chat)
    dumped = json.dumps(data)
    assert all(value not in dumped for value in niks)


async def seed_participants(
    app: App, activity_id: int, count: int, *, first_serial: int = 100
) -> list[int]:
    """`count` adults on the activity's list ("Peserta Aa", "Peserta Ab", ... with NIKs
    nik(100), nik(101), ...); returns person ids."""
    ids = []
    async with app.uow_factory() as uow:
        for index in range(count):
            serial = first_serial + index
            person = await uow.persons.add(nik(serial), name_for(index), date(1990, 1, 1), "L")
            await uow.participations.add(
                activity_id=activity_id,
                person_id=person.id,
                role="phl",
                added_at=datetime(2026, 3, 1, tzinfo=UTC),
            )
            ids.append(person.id)
        await uow.commit()
    return ids


async def active_names(app: App, activity_id: int) -> list[str]:
    async with app.uow_factory() as uow:
        return [person.name for _, person in await uow.participations.listed(activity_id)]

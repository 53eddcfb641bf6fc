"""Siti, first registered in another RT, as a Ketua RT of RT 01 meets her by NIK (the
takeover and oracle regression tests, tests/security)."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.app import App
from support.activity_helpers import SITI
from support.chat import Chat
from support.coverage import SITI_PHONE, confirmed_activity
from support.participants import make_activity, open_participants
from support.seeding import SeededRt, grant

NIK, NAME = SITI[0], SITI[1]
CHAIR_PHONE_TYPED = "0812-0000-0001"  # the chair's own number (+6281200000001)


async def siti_in(app: App, rt: SeededRt, phone: str | None = SITI_PHONE) -> int:
    """Siti on a confirmed activity of `rt` (so first registered there); her person id."""
    await confirmed_activity(
        app, rt.id, "Kerja bakti saluran", date(2026, 2, 2), date(2026, 2, 20), ((SITI, phone),)
    )
    return int((await siti(app)).id)


async def siti(app: App) -> Any:
    async with app.uow_factory() as uow:
        return await uow.persons.find_by_nik(NIK)


async def open_draft(app: App, chair: Chat, rt: SeededRt) -> int:
    """A draft of `rt` with the chair in its participants dialog; its id."""
    activity_id = await make_activity(app, rt)
    await open_participants(chair, activity_id)
    return activity_id


async def enter(chair: Chat, name: str = NAME, phone: str | None = CHAIR_PHONE_TYPED) -> None:
    """One participant by NIK, as far as the name answer."""
    await chair.taps("Tambah satu peserta")
    await chair.says(NIK)
    await chair.taps("Ya, benar")
    await chair.says(name)


async def finish(chair: Chat, phone: str | None = CHAIR_PHONE_TYPED) -> None:
    """Role, phone and wage of the entry begun by `enter`."""
    await chair.taps("PHL")
    await (chair.says(phone) if phone else chair.taps("Lewati"))
    await chair.taps("Lewati")


async def names_on(app: App, activity_id: int) -> list[str]:
    async with app.uow_factory() as uow:
        return [person.name for _, person in await uow.participations.listed(activity_id)]


async def official_of(app: App, rt: SeededRt) -> Chat:
    """A petugas of the RT's kelurahan, known to the bot (he has said "menu")."""
    phone = "+6281900000005"
    await grant(app, "petugas", phone, "Petugas Kelurahan", "kelurahan", rt.kelurahan_code)
    chat = Chat(app, "petugas-kelurahan", channel="whatsapp", phone=phone, name="Petugas")
    await chat.says("menu")
    return chat

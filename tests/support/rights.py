"""Data-subject rights (UU 27/2022) test helpers: a participant with a history (a
confirmed activity, a draft, an accident, a correction request), an erasure request sent
from Data saya, and reading the consent and erasure rows back."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from bot.app import App
from storage.models import Consent, ErasureRequest
from support.activity_helpers import JOKO, SITI, add_participant, create_activity
from support.chat import Chat
from support.coverage import NOW, SITI_PHONE, confirmed_activity


async def siti_with_history(app: App, rt_id: int) -> tuple[int, int]:
    """Siti: on a confirmed activity (2–31 March 2026, with Joko), on a draft, the victim
    of an accident; returns (confirmed activity id, draft id)."""
    activity = await confirmed_activity(
        app, rt_id, "Perbaikan jalan Gang Melati", date(2026, 3, 2), date(2026, 3, 31),
        ((SITI, SITI_PHONE), (JOKO, None)),
    )  # fmt: skip
    async with app.uow_factory() as uow:
        siti = await uow.persons.find_by_nik(SITI[0])
        assert siti is not None
        await uow.incidents.report(
            date(2026, 3, 2), activity_id=activity, person_id=siti.id, rt_id=rt_id,
            victim_name=siti.name, occurred_at=NOW - timedelta(hours=1), place="Gang Melati",
            description="Terjatuh dari gerobak", severity="luka_ringan", covered=True,
            reporter_name="Budi", reporter_phone="+6281200000001", reported_at=NOW,
        )  # fmt: skip
        await uow.commit()
    draft = await create_activity(app, rt_id, title="Draf saluran air")
    await add_participant(app, draft, SITI, phone=SITI_PHONE, role="phl")
    return activity, draft


async def siti_on_a_draft_only(app: App, rt_id: int) -> int:
    """Siti on one draft activity: nothing an insurance claim needs."""
    draft = await create_activity(app, rt_id, title="Draf saluran air")
    await add_participant(app, draft, SITI, phone=SITI_PHONE, role="phl")
    return draft


async def asks_erasure(warga: Chat) -> None:
    await warga.says("/datasaya")
    await warga.taps("Hapus data saya")
    await warga.taps("Ya, minta hapus")


async def siti(app: App) -> Any:
    async with app.uow_factory() as uow:
        return await uow.persons.find_by_nik(SITI[0])


async def consents(app: App) -> list[Consent]:
    async with app.uow_factory() as uow:
        return list(await uow.session.scalars(select(Consent).order_by(Consent.id)))


async def erasure_requests(app: App) -> list[ErasureRequest]:
    async with app.uow_factory() as uow:
        query = select(ErasureRequest).order_by(ErasureRequest.id)
        return list(await uow.session.scalars(query))

"""The repository methods the participants dialog relies on, on every backend: finding many
people by NIK at once, active participations, removal with history, and deleting people
who are on no list (and only those)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.app import App
from storage.models import Incident
from support.participants import make_activity, nik
from support.seeding import SeededRt

pytestmark = pytest.mark.backends()

T0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


async def test_participations_and_persons(app: App, rt: SeededRt) -> None:
    activity_id = await make_activity(app, rt)
    async with app.uow_factory() as uow:
        budi = await uow.persons.add(nik(1), "Budi", date(1990, 1, 1), "L")
        siti = await uow.persons.add(nik(2), "Siti", date(1990, 1, 1), "P")
        kept = await uow.participations.add(activity_id=activity_id, person_id=budi.id, role="phl")
        gone = await uow.participations.add(
            activity_id=activity_id, person_id=siti.id, role="warga"
        )
        await uow.participations.remove(gone, None, T0)
        await uow.commit()
    async with app.uow_factory() as uow:
        found = await uow.persons.find_by_niks([nik(1), nik(2), nik(3)])
        assert {value: p.name for value, p in found.items()} == {nik(1): "Budi", nik(2): "Siti"}
        assert await uow.participations.count_for_activity(activity_id) == 1
        assert await uow.participations.active_person_ids(activity_id) == {budi.id}
        assert (await uow.participations.active_for(activity_id, budi.id)).id == kept.id  # type: ignore[union-attr]
        assert await uow.participations.active_for(activity_id, siti.id) is None
        assert [
            (p.id, person.name) for p, person in await uow.participations.listed(activity_id)
        ] == [(kept.id, "Budi")]
        removed = await uow.participations.get(gone.id)
        assert removed is not None and removed.removed_at == T0
        # Siti's closed participation is history: she stays.
        assert not await uow.persons.remove_if_unused(siti.id)
        await uow.participations.delete(kept)
        assert await uow.persons.remove_if_unused(budi.id)
        await uow.commit()
    async with app.uow_factory() as uow:
        assert await uow.persons.get(budi.id) is None
        assert await uow.persons.get(siti.id) is not None


async def test_sweeping_people_left_behind(app: App, rt: SeededRt) -> None:
    async with app.uow_factory() as uow:
        lonely = await uow.persons.add(nik(1), "", date(1990, 1, 1), "L")
        victim = await uow.persons.add(nik(2), "Rina", date(1990, 1, 1), "P")
        await uow.incidents.add(
            Incident(reference="KB-T-1", person_id=victim.id, occurred_at=T0, severity="ringan")
        )
        await uow.commit()
    async with app.uow_factory() as uow:
        assert await uow.persons.delete_unused(created_before=T0 - timedelta(days=3650)) == 0
        assert (
            await uow.persons.delete_unused(created_before=datetime.now(UTC) + timedelta(minutes=1))
            == 1
        )
        await uow.commit()
    async with app.uow_factory() as uow:
        assert await uow.persons.get(lonely.id) is None
        assert await uow.persons.get(victim.id) is not None  # an incident refers to her

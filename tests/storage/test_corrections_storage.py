"""Correction requests and the person fields an approved correction changes, the same on
SQLite and PostgreSQL: a request is closed once only (two officials cannot both win), and
a person's sex is changed only to L or P."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from storage.uow import UnitOfWorkFactory

pytestmark = pytest.mark.backends()

NIK = "1571014508900001"
T0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


async def test_a_request_is_closed_once(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        person = await uow.persons.add(NIK, "Siti Aminah", date(1990, 8, 5), "P")
        request = await uow.corrections.add(
            account_id=None, person_id=person.id, message="Nama salah", created_at=T0
        )
        await uow.commit()
        request_id = request.id
    async with uow_factory() as uow:
        request = await uow.corrections.get(request_id)
        assert await uow.corrections.handle(request, "rejected", None, T0, note="Sudah benar")
        assert request.status == "rejected" and request.note == "Sudah benar"
        later = T0 + timedelta(minutes=1)
        assert not await uow.corrections.handle(request, "done", None, later, note="x")
        assert request.status == "rejected" and request.handled_at == T0
        with pytest.raises(ValueError):
            await uow.corrections.handle(request, "open", None, later)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.corrections.open_in_scope(city_wide=True) == []


async def test_sex_is_l_or_p(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        person = await uow.persons.add(NIK, "Siti Aminah", date(1990, 8, 5), "P")
        await uow.persons.update_sex(person, "L")
        with pytest.raises(ValueError):
            await uow.persons.update_sex(person, "X")
        await uow.commit()
    async with uow_factory() as uow:
        assert (await uow.persons.find_by_nik(NIK)).sex == "L"

"""Persons: residents on worker lists, with their NIK encrypted and found by keyed hash."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.nik import mask_nik
from storage.models import Person
from storage.nik_vault import NikVault
from storage.repositories._base import Repository


class PersonRepository(Repository):
    def __init__(self, session: AsyncSession, vault: NikVault) -> None:
        super().__init__(session)
        self.vault = vault

    async def get(self, person_id: int) -> Person | None:
        return await self.session.get(Person, person_id)

    async def find_by_nik(self, nik: str) -> Person | None:
        """`nik` is the 16-digit value (`Nik.value`), never the text as typed."""
        query = select(Person).where(Person.nik_hash == self.vault.lookup_hash(nik))
        return await self.session.scalar(query)

    async def add(
        self, nik_value: str, name: str, birth_date: date, sex: str, phone: str | None = None
    ) -> Person:
        person = Person(
            nik_encrypted=self.vault.encrypt(nik_value),
            nik_hash=self.vault.lookup_hash(nik_value),
            nik_masked=mask_nik(nik_value),
            name=name,
            birth_date=birth_date,
            sex=sex,
            phone=phone,
        )
        self.session.add(person)
        await self.session.flush()
        return person

    def reveal_nik(self, person: Person) -> str:
        """The NIK in clear, for exports to BPJS; the caller records an audit event."""
        return self.vault.decrypt(person.nik_encrypted)

    async def by_phone(self, phone: str) -> list[Person]:
        query = select(Person).where(Person.phone == phone).order_by(Person.id)
        return list(await self.session.scalars(query))

"""Persons: residents on worker lists, with their NIK encrypted and found by keyed hash.

A person exists for their participations (and incident reports): one who has neither is
removed, so a cancelled entry leaves no personal data behind.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sqlalchemy import ColumnElement, bindparam, delete, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core import ports
from bot.domain.nik import mask_nik
from storage.models import Incident, Participation, Person
from storage.nik_vault import NikVault
from storage.repositories._base import Repository

# Bound parameters per IN (...) query: well under every backend's limit.
_CHUNK = 500
# The person with any of these lookup hashes (every configured key's: during a key
# rotation a row may still carry the hash of a retired key, storage.key_rotation). Built
# once: the coverage check runs it per message, and building it took as long as running it.
_BY_HASHES = (
    select(Person)
    .where(Person.nik_hash.in_(bindparam("hashes", expanding=True)))
    .order_by(Person.id)
    .limit(1)
)


class PersonRepository(Repository):
    def __init__(self, session: AsyncSession, vault: NikVault) -> None:
        super().__init__(session)
        self.vault = vault

    async def get(self, person_id: int) -> Person | None:
        return await self.session.get(Person, person_id)

    async def find_by_nik(self, nik: str) -> Person | None:
        """`nik` is the 16-digit value (`Nik.value`), never the text as typed."""
        return await self.session.scalar(_BY_HASHES, {"hashes": self.vault.lookup_hashes(nik)})

    async def find_by_niks(self, niks: Iterable[str]) -> dict[str, Person]:
        """The known persons among many NIK values (a pasted list), keyed by NIK value."""
        # Every configured key's hash of each NIK (see find_by_nik).
        by_hash = {digest: nik for nik in niks for digest in self.vault.lookup_hashes(nik)}
        hashes = list(by_hash)
        found: dict[str, Person] = {}
        for start in range(0, len(hashes), _CHUNK):
            query = select(Person).where(Person.nik_hash.in_(hashes[start : start + _CHUNK]))
            for person in await self.session.scalars(query.order_by(Person.id)):
                found.setdefault(by_hash[person.nik_hash], person)
        return found

    async def add(
        self, nik_value: str, name: str, birth_date: date, sex: str, phone: str | None = None
    ) -> Person:
        """A new person — or, when another worker stored this NIK a moment ago, theirs
        (never a unique-key error)."""
        nik_hash = self.vault.lookup_hash(nik_value)
        statement = (
            self.insert(Person)
            .values(
                nik_encrypted=self.vault.encrypt(nik_value),
                nik_hash=nik_hash,
                nik_masked=mask_nik(nik_value),
                name=name,
                birth_date=birth_date,
                sex=sex,
                phone=phone,
            )
            .on_conflict_do_nothing(index_elements=["nik_hash"])
        )
        await self.session.execute(statement)
        person = await self.session.scalar(select(Person).where(Person.nik_hash == nik_hash))
        assert person is not None, "inserted now or by the worker that won"
        return person

    async def update_name(self, person: ports.Person, name: str) -> None:
        person.name = name
        await self.session.flush()

    async def update_phone(self, person: ports.Person, phone: str | None) -> None:
        person.phone = phone
        await self.session.flush()

    async def update_birth_date(self, person: ports.Person, birth_date: date) -> None:
        # The port shows the birth date read-only; only this repository may change it.
        stored = await self.session.get(Person, person.id)
        if stored is not None:
            stored.birth_date = birth_date
            await self.session.flush()

    async def update_sex(self, person: ports.Person, sex: str) -> None:
        """Set "L" or "P" (a correction an official approved); read-only on the port too."""
        if sex not in ("L", "P"):
            raise ValueError(f"sex is L or P, not {sex!r}")
        stored = await self.session.get(Person, person.id)
        if stored is not None:
            stored.sex = sex
            await self.session.flush()

    def reveal_nik(self, person: ports.EncryptedNik) -> str:
        """The NIK in clear, for exports to BPJS; the caller records an audit event."""
        return self.vault.decrypt(person.nik_encrypted)

    async def by_phone(self, phone: str) -> list[Person]:
        query = select(Person).where(Person.phone == phone).order_by(Person.id)
        return list(await self.session.scalars(query))

    async def incidents_about(self, person_ids: Sequence[int]) -> list[Incident]:
        """Accident reports naming these persons as the victim, newest first (what a
        person's own data view lists)."""
        query = (
            select(Incident)
            .where(Incident.person_id.in_(list(person_ids)))
            .order_by(Incident.occurred_at.desc(), Incident.id.desc())
        )
        return list(await self.session.scalars(query))

    async def remove_if_unused(self, person_id: int) -> bool:
        """Delete the person if no participation or incident refers to them."""
        query = delete(Person).where(Person.id == person_id, ~_in_use())
        result = await self.session.execute(query.execution_options(synchronize_session="fetch"))
        await self.session.flush()
        return bool(getattr(result, "rowcount", 0))

    async def delete_unused(self, created_before: datetime) -> int:
        """Sweep persons left behind by abandoned conversations (no participation, no
        incident) created before the given moment; returns how many were deleted."""
        query = delete(Person).where(Person.created_at < created_before, ~_in_use())
        result = await self.session.execute(query.execution_options(synchronize_session="fetch"))
        await self.session.flush()
        return int(getattr(result, "rowcount", 0) or 0)


def _in_use() -> ColumnElement[bool]:
    """A participation or an incident refers to the person."""
    return exists().where(Participation.person_id == Person.id) | exists().where(
        Incident.person_id == Person.id
    )

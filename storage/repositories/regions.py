"""Kecamatan and kelurahan: the region reference data, seeded from `bot.domain.regions`."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from bot.core import ports
from storage.models import Kecamatan, Kelurahan
from storage.repositories._base import Repository


class RegionRepository(Repository):
    async def seed(
        self, kecamatan: Iterable[ports.Kecamatan], kelurahan: Iterable[ports.Kelurahan]
    ) -> int:
        """Insert or update regions (never deletes: RTs may still point at an old code).
        Returns how many rows were inserted or changed, so a re-seed reports 0."""
        changed = 0
        known_kec = {k.code: k for k in await self.list_kecamatan()}
        for value in kecamatan:
            row = known_kec.get(value.code)
            if row is None:
                self.session.add(Kecamatan(code=value.code, name=value.name))
                changed += 1
            elif row.name != value.name:
                row.name = value.name
                changed += 1
        # Kelurahan rows reference kecamatan: those must exist before the next inserts.
        await self.session.flush()
        known_kel = {k.code: k for k in await self.list_kelurahan()}
        for value in kelurahan:
            row_kel = known_kel.get(value.code)
            if row_kel is None:
                self.session.add(
                    Kelurahan(code=value.code, name=value.name, kecamatan_code=value.kecamatan_code)
                )
                changed += 1
            elif (row_kel.name, row_kel.kecamatan_code) != (value.name, value.kecamatan_code):
                row_kel.name = value.name
                row_kel.kecamatan_code = value.kecamatan_code
                changed += 1
        await self.session.flush()
        return changed

    async def list_kecamatan(self) -> list[Kecamatan]:
        result = await self.session.scalars(select(Kecamatan).order_by(Kecamatan.code))
        return list(result)

    async def list_kelurahan(self, kecamatan_code: str | None = None) -> list[Kelurahan]:
        query = select(Kelurahan).order_by(Kelurahan.code)
        if kecamatan_code is not None:
            query = query.where(Kelurahan.kecamatan_code == kecamatan_code)
        return list(await self.session.scalars(query))

    async def get_kecamatan(self, code: str) -> Kecamatan | None:
        return await self.session.get(Kecamatan, code)

    async def get_kelurahan(self, code: str) -> Kelurahan | None:
        return await self.session.get(Kelurahan, code)

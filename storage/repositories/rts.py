"""RTs (the official list imported from the Pemkot) and their yearly budgets."""

from __future__ import annotations

from sqlalchemy import func, select

from storage.models import Kelurahan, Rt, RtBudget
from storage.repositories._base import Repository


class RtRepository(Repository):
    async def get(self, rt_id: int) -> Rt | None:
        return await self.session.get(Rt, rt_id)

    async def find(self, kelurahan_code: str, number: int) -> Rt | None:
        query = select(Rt).where(Rt.kelurahan_code == kelurahan_code, Rt.number == number)
        return await self.session.scalar(query)

    async def by_chair_phone(self, phone: str) -> list[Rt]:
        """Every RT chaired by this E.164 number (one person may chair several)."""
        query = select(Rt).where(Rt.chair_phone == phone).order_by(Rt.id)
        return list(await self.session.scalars(query))

    async def add(
        self, kelurahan_code: str, number: int, chair_name: str, chair_phone: str | None = None
    ) -> Rt:
        rt = Rt(
            kelurahan_code=kelurahan_code,
            number=number,
            chair_name=chair_name,
            chair_phone=chair_phone,
        )
        self.session.add(rt)
        await self.session.flush()
        return rt

    async def list(
        self, kelurahan_code: str | None = None, kecamatan_code: str | None = None
    ) -> list[Rt]:
        query = select(Rt).order_by(Rt.kelurahan_code, Rt.number)
        if kelurahan_code is not None:
            query = query.where(Rt.kelurahan_code == kelurahan_code)
        if kecamatan_code is not None:
            query = query.join(Kelurahan, Kelurahan.code == Rt.kelurahan_code).where(
                Kelurahan.kecamatan_code == kecamatan_code
            )
        return list(await self.session.scalars(query))

    async def count(self) -> int:
        return int(await self.session.scalar(select(func.count()).select_from(Rt)) or 0)

    async def _budget_row(self, rt_id: int, year: int) -> RtBudget | None:
        query = select(RtBudget).where(RtBudget.rt_id == rt_id, RtBudget.year == year)
        return await self.session.scalar(query)

    async def budget(self, rt_id: int, year: int, default: int) -> int:
        """The RT's budget for `year` in rupiah; `default` (the settings) when none is set."""
        row = await self._budget_row(rt_id, year)
        return default if row is None else row.amount

    async def budgets_for_year(self, year: int) -> dict[int, int]:
        """Every budget set for `year`, by RT id (one query for lists and imports)."""
        query = select(RtBudget.rt_id, RtBudget.amount).where(RtBudget.year == year)
        return {rt_id: amount for rt_id, amount in (await self.session.execute(query)).all()}

    async def set_budget(self, rt_id: int, year: int, amount: int) -> RtBudget:
        if amount < 0:
            raise ValueError("budget must not be negative")
        row = await self._budget_row(rt_id, year)
        if row is None:
            row = RtBudget(rt_id=rt_id, year=year, amount=amount)
            self.session.add(row)
        else:
            row.amount = amount
        await self.session.flush()
        return row

"""RTs (the official list imported from the Pemkot) and their yearly budgets, and which of
them lie in an official's scope."""

from __future__ import annotations

import builtins

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    cast,
    false,
    func,
    or_,
    select,
    true,
    union,
)

from bot.domain.regions import code_key
from bot.domain.scope import Scope
from bot.domain.vocabulary import Role as RoleName
from storage.models import Account, Kelurahan, Role, Rt, RtBudget
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

    async def count_in_scope(self, scope: Scope) -> int:
        """How many RTs an official's scope holds."""
        query = select(func.count()).select_from(Rt).where(in_scope(scope))
        return int(await self.session.scalar(query) or 0)

    async def _budget_row(self, rt_id: int, year: int) -> RtBudget | None:
        query = select(RtBudget).where(RtBudget.rt_id == rt_id, RtBudget.year == year)
        return await self.session.scalar(query)

    async def budget(self, rt_id: int, year: int, default: int) -> int:
        """The RT's budget for `year` in rupiah; `default` (the settings) when none is set."""
        row = await self._budget_row(rt_id, year)
        return default if row is None else row.amount

    async def explicit_budget(self, rt_id: int, year: int) -> int | None:
        """The budget set for `year`, or None when the RT uses the default."""
        row = await self._budget_row(rt_id, year)
        return None if row is None else row.amount

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

    async def chair_accounts(self, kecamatan_code: str | None = None) -> builtins.list[Account]:
        """The accounts of RT chairs (all, or those of one kecamatan's RTs): chats whose
        verified phone is a chair phone on the RT list, and chats holding a ketua_rt
        grant (an invite code). Opted-out accounts are left out; each account once."""
        by_phone = select(Account.id).join(Rt, Rt.chair_phone == Account.phone)
        holder = or_(
            Role.account_id == Account.id,
            and_(Role.phone.is_not(None), Role.phone == Account.phone),
        )
        by_grant = (
            select(Account.id)
            .join(Role, holder)
            .join(Rt, Role.scope_code == cast(Rt.id, String))
            .where(Role.role == RoleName.KETUA_RT)
        )
        if kecamatan_code is not None:
            in_kecamatan = Kelurahan.kecamatan_code == kecamatan_code
            by_phone = by_phone.join(Kelurahan, Kelurahan.code == Rt.kelurahan_code).where(
                in_kecamatan
            )
            by_grant = by_grant.join(Kelurahan, Kelurahan.code == Rt.kelurahan_code).where(
                in_kecamatan
            )
        chairs = union(by_phone, by_grant).subquery()
        query = (
            select(Account)
            .where(Account.id.in_(select(chairs.c.id)), Account.opted_out.is_(False))
            .order_by(Account.id)
        )
        return list(await self.session.scalars(query))


def in_scope(scope: Scope) -> ColumnElement[bool]:
    """RTs whose kelurahan lies in an official's scope, as SQL: the kelurahan codes of the
    scope, or any kelurahan of its kecamatan (looked up in the region table, not in Python).
    Codes are compared in dotted form ("15.71.01.1001"), however they were granted."""
    if scope.city:
        return true()
    kelurahan = sorted({code_key(code) or code for code in scope.kelurahan})
    kecamatan = sorted({code_key(code) or code for code in scope.kecamatan})
    conditions: list[ColumnElement[bool]] = []
    if kelurahan:
        conditions.append(Rt.kelurahan_code.in_(kelurahan))
    if kecamatan:
        # Never correlated: the outer query may join kelurahan itself.
        of_kecamatan = (
            select(Kelurahan.code).where(Kelurahan.kecamatan_code.in_(kecamatan)).correlate(None)
        )
        conditions.append(Rt.kelurahan_code.in_(of_kecamatan))
    return or_(*conditions) if conditions else false()


def rt_ids_in_scope(scope: Scope) -> Select[int]:
    """The ids of the RTs in scope, for `column.in_(...)` filters of other tables."""
    return select(Rt.id).where(in_scope(scope)).correlate(None)

"""Roles: admin, official (petugas) and Ketua RT grants, each with a scope."""

from __future__ import annotations

import builtins
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, bindparam, delete, func, or_, select

from bot.core import ports
from bot.domain.vocabulary import OFFICIAL_ROLES
from storage.models import Role
from storage.repositories._base import Repository


def _same(column: Any, value: Any) -> ColumnElement[bool]:
    # `column = NULL` is never true in SQL, so a missing value is matched with IS NULL.
    return column.is_(None) if value is None else column == value


# Who is talking (resolve_caller): built once.
_FOR_ACCOUNT = select(Role).where(Role.account_id == bindparam("account_id")).order_by(Role.id)
_FOR_PHONE = (
    select(Role)
    .where(or_(Role.account_id == bindparam("account_id"), Role.phone == bindparam("phone")))
    .order_by(Role.id)
)


class RoleRepository(Repository):
    async def for_account(self, account: ports.Account) -> builtins.list[Role]:
        """Roles granted to this account directly or to its verified phone number."""
        query = _FOR_PHONE if account.phone else _FOR_ACCOUNT
        values = {"account_id": account.id, "phone": account.phone}
        return list(await self.session.scalars(query, values))

    async def grant(
        self,
        role: str,
        *,
        phone: str | None = None,
        account_id: int | None = None,
        name: str = "",
        scope_kind: str = "kota",
        scope_code: str | None = None,
        created_by: int | None = None,
    ) -> Role:
        """Grant a role to a phone number or an account. Granting the same role to the
        same holder with the same scope again returns the existing row."""
        if phone is None and account_id is None:
            raise ValueError("a role needs a phone number or an account")
        query = select(Role).where(
            Role.role == role,
            _same(Role.phone, phone),
            _same(Role.account_id, account_id),
            Role.scope_kind == scope_kind,
            _same(Role.scope_code, scope_code),
        )
        existing = await self.session.scalar(query.order_by(Role.id).limit(1))
        if existing is not None:
            return existing
        row = Role(
            role=role,
            phone=phone,
            account_id=account_id,
            name=name,
            scope_kind=scope_kind,
            scope_code=scope_code,
            created_by=created_by,
        )
        self.session.add(row)
        await self.session.flush()
        return row

    async def get(self, role_id: int) -> Role | None:
        return await self.session.get(Role, role_id)

    async def revoke(self, role_id: int) -> bool:
        """Remove one grant; False when it did not exist."""
        result = await self.session.execute(delete(Role).where(Role.id == role_id))
        return cast(CursorResult[Any], result).rowcount > 0

    async def list(self, role: str | None = None) -> list[Role]:
        query = select(Role).order_by(Role.role, Role.id)
        if role is not None:
            query = query.where(Role.role == role)
        return list(await self.session.scalars(query))

    async def officials(self) -> builtins.list[Role]:
        """Every official grant (petugas, bpjs, admin), by name: the admin's list."""
        query = (
            select(Role)
            .where(Role.role.in_(OFFICIAL_ROLES))
            .order_by(func.lower(Role.name), Role.role, Role.id)
        )
        return list(await self.session.scalars(query))

    async def for_phone(self, phone: str) -> builtins.list[Role]:
        """The grants made to this E.164 number (not those of its accounts)."""
        query = select(Role).where(Role.phone == phone).order_by(Role.id)
        return list(await self.session.scalars(query))

    async def count(self, role: str) -> int:
        query = select(func.count()).select_from(Role).where(Role.role == role)
        return int(await self.session.scalar(query) or 0)

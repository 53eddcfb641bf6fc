"""Rows most tests start from: an RT with its chair, an official's role; and the fixed NIK
key of the test run."""

from __future__ import annotations

from dataclasses import dataclass

from bot.app import App

# A fixed key keeps hashes stable across a test run; never used outside tests.
TEST_NIK_KEY = "test-only-nik-key-0123456789abcdef0123456789"


@dataclass(frozen=True)
class SeededRt:
    id: int
    kelurahan_code: str
    number: int
    chair_name: str
    chair_phone: str


async def seed_rt(
    app: App, kelurahan_code: str, number: int, chair_name: str, chair_phone: str
) -> SeededRt:
    async with app.uow_factory() as uow:
        rt = await uow.rts.add(
            kelurahan_code=kelurahan_code,
            number=number,
            chair_name=chair_name,
            chair_phone=chair_phone,
        )
        await uow.commit()
        return SeededRt(rt.id, kelurahan_code, number, chair_name, chair_phone)


async def grant(
    app: App,
    role: str,
    phone: str,
    name: str,
    scope_kind: str = "kota",
    scope_code: str | None = None,
) -> None:
    async with app.uow_factory() as uow:
        await uow.roles.grant(
            role, phone=phone, name=name, scope_kind=scope_kind, scope_code=scope_code
        )
        await uow.commit()

"""Shared fixtures: a database per test on every configured backend.

`backend` is "sqlite" (always: a file database in tmp_path) or "postgresql" (when
KB_TEST_POSTGRES_URL is set; skipped otherwise). Each PostgreSQL test gets a fresh schema
with a random name, dropped afterwards, so tests never see each other's rows. If the URL
is set but the server does not answer, the test errors: it never silently passes.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from bot.app import App, build_app
from bot.config import Settings
from bot.domain.regions import load_wilayah
from chat import Chat, Clock
from storage.database import Database
from storage.nik_vault import NikVault
from storage.uow import UnitOfWorkFactory

POSTGRES_URL_VARIABLE = "KB_TEST_POSTGRES_URL"
# A fixed key keeps hashes stable across a test run; never used outside tests.
TEST_NIK_KEY = "test-only-nik-key-0123456789abcdef0123456789"


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql" and not os.environ.get(POSTGRES_URL_VARIABLE):
        pytest.skip(f"{POSTGRES_URL_VARIABLE} is not set")
    return str(request.param)


@pytest.fixture
def db_url(backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'db' / 'test.db'}"
    return os.environ[POSTGRES_URL_VARIABLE]


@pytest_asyncio.fixture
async def db_schema(backend: str, db_url: str) -> AsyncIterator[str | None]:
    """The private PostgreSQL schema of this test (None on SQLite)."""
    if backend != "postgresql":
        yield None
        return
    schema = f"kbtest_{secrets.token_hex(6)}"
    admin = create_async_engine(db_url, poolclass=NullPool)
    try:
        async with admin.begin() as conn:
            await conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        yield schema
    finally:
        try:
            async with admin.begin() as conn:
                await conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        finally:
            await admin.dispose()


@pytest_asyncio.fixture
async def empty_database(db_url: str, db_schema: str | None) -> AsyncIterator[Database]:
    """A `Database` with no tables (for migration tests)."""
    database = Database(db_url, schema=db_schema)
    try:
        yield database
    finally:
        await database.dispose()


@pytest.fixture
def vault() -> NikVault:
    return NikVault(TEST_NIK_KEY)


@pytest_asyncio.fixture
async def database(empty_database: Database, vault: NikVault) -> Database:
    """A `Database` with every table (metadata.create_all) and the regions seeded."""
    await empty_database.create_schema()
    async with UnitOfWorkFactory(empty_database.sessionmaker, vault)() as uow:
        await uow.regions.seed(*load_wilayah())
        await uow.commit()
    return empty_database


@pytest.fixture
def uow_factory(database: Database, vault: NikVault) -> UnitOfWorkFactory:
    return UnitOfWorkFactory(database.sessionmaker, vault)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest_asyncio.fixture
async def app(database: Database, clock: Clock) -> AsyncIterator[App]:
    """The whole bot (composition root) on this test's database, with a settable clock."""
    settings = Settings(database={"url": "sqlite+aiosqlite://"})
    built = await build_app(settings, TEST_NIK_KEY, upgrade=False, clock=clock, database=database)
    yield built


@pytest.fixture
def chat(app: App) -> Chat:
    return Chat(app)


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


@pytest_asyncio.fixture
async def rt(app: App) -> SeededRt:
    """RT 01, Kelurahan Simpang IV Sipin (Telanaipura), chaired by Budi Santoso."""
    return await seed_rt(app, "15.71.01.1001", 1, "Budi Santoso", "+6281200000001")


@pytest_asyncio.fixture
async def other_rt(app: App) -> SeededRt:
    """RT 05, Kelurahan Thehok (Jambi Selatan), another chair."""
    return await seed_rt(app, "15.71.02.1004", 5, "Ahmad Fauzi", "+6281200000003")


@pytest.fixture
def ketua(app: App, rt: SeededRt) -> Chat:
    """The chair of `rt`, recognised by the phone the channel verified."""
    return Chat(app, "ketua-1", channel="whatsapp", phone=rt.chair_phone, name=rt.chair_name)


@pytest.fixture
def other_ketua(app: App, other_rt: SeededRt) -> Chat:
    return Chat(
        app, "ketua-2", channel="whatsapp", phone=other_rt.chair_phone, name=other_rt.chair_name
    )


@pytest.fixture
def warga(app: App) -> Chat:
    """A resident with no role, on WhatsApp."""
    return Chat(app, "warga-1", channel="whatsapp", phone="+6281300000001", name="Siti Aminah")


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


@pytest_asyncio.fixture
async def petugas(app: App) -> Chat:
    """A city-wide official (DPMPPA)."""
    await grant(app, "petugas", "+6281100000001", "Rina Marlina")
    return Chat(app, "petugas-1", channel="whatsapp", phone="+6281100000001", name="Rina")


@pytest_asyncio.fixture
async def admin(app: App) -> Chat:
    await grant(app, "admin", "+6281100000002", "Admin Kota")
    return Chat(app, "admin-1", channel="whatsapp", phone="+6281100000002", name="Admin")

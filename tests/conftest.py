"""Shared fixtures: a database per test, SQLite unless a test asks for PostgreSQL too.

`backend` is "sqlite" for every test. A test (or module, with `pytestmark`) marked
`@pytest.mark.backends()` runs once per database: SQLite and PostgreSQL
(`@pytest.mark.backends("postgresql")` for PostgreSQL only). Those are the tests where
the database matters (storage contract, migrations, outbox, locking, participants
storage, scale smoke); dialog tests run on SQLite only. The PostgreSQL run of a test
carries the `postgres` marker, so `-m "not postgres"` leaves them out.

PostgreSQL needs KB_TEST_POSTGRES_URL. Without it the PostgreSQL runs are skipped on a
developer's machine and are errors when CI is set: CI never passes without PostgreSQL.
If the URL is set but the server does not answer, the test errors as well.

Speed: the schema and the seeded regions are built once per test session (per xdist
worker) and every test starts from a copy:
- SQLite: a template file, copied into the test's tmp_path (a file copy, ~ms).
- PostgreSQL: one schema per worker, created once; before each test every table is
  emptied in one TRUNCATE (identities restarted) and the regions are seeded again.
  `empty_database` (migration tests) still gets a fresh schema of its own.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio

pytest.register_assert_rewrite("support")

from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

from bot.app import App, build_app  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.domain.regions import load_wilayah  # noqa: E402
from storage.database import Database  # noqa: E402
from storage.models import Base  # noqa: E402
from storage.nik_vault import NikVault  # noqa: E402
from storage.uow import UnitOfWorkFactory  # noqa: E402
from support.async_thread import run_in_thread as run_async  # noqa: E402
from support.chat import Chat, Clock  # noqa: E402
from support.seeding import TEST_NIK_KEY, SeededRt, grant, seed_rt  # noqa: E402

POSTGRES_URL_VARIABLE = "KB_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgresql")


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrise `backend` for tests marked `backends(...)`; others stay on SQLite."""
    marker = metafunc.definition.get_closest_marker("backends")
    if marker is None or "backend" not in metafunc.fixturenames:
        return
    names = marker.args or BACKENDS
    unknown = set(names) - set(BACKENDS)
    if unknown:
        raise pytest.UsageError(f"backends({', '.join(names)}): unknown {sorted(unknown)}")
    metafunc.parametrize(
        "backend",
        [
            pytest.param(
                name, id=name, marks=[pytest.mark.postgres] if name == "postgresql" else []
            )
            for name in names
        ],
        indirect=True,
    )


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    name = str(getattr(request, "param", "sqlite"))
    if name == "postgresql" and not os.environ.get(POSTGRES_URL_VARIABLE):
        if in_ci():
            pytest.fail(f"{POSTGRES_URL_VARIABLE} is not set: CI must run the PostgreSQL tests")
        pytest.skip(f"{POSTGRES_URL_VARIABLE} is not set")
    return name


@pytest.fixture
def vault() -> NikVault:
    return NikVault(TEST_NIK_KEY)


async def seed_regions(database: Database) -> None:
    async with UnitOfWorkFactory(database.sessionmaker, NikVault(TEST_NIK_KEY))() as uow:
        await uow.regions.seed(*load_wilayah())
        await uow.commit()


# --- SQLite: one template file per session, copied per test ----------------------------


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with every table (metadata.create_all) and the regions seeded."""
    path = tmp_path_factory.mktemp("template") / "template.db"

    async def build() -> None:
        database = Database(f"sqlite+aiosqlite:///{path}")
        try:
            await database.create_schema()
            await seed_regions(database)
            async with database.engine.connect() as conn:
                await conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            await database.dispose()

    run_async(build())
    # Everything is in the main file now; a copy of it alone is the whole database.
    for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    return path


# --- PostgreSQL: one schema per session (per worker), emptied before each test ----------


def _postgres_url() -> str:
    return os.environ[POSTGRES_URL_VARIABLE]


async def _exec(url: str, *statements: str) -> None:
    admin = create_async_engine(url, poolclass=NullPool)
    try:
        async with admin.begin() as conn:
            for statement in statements:
                await conn.exec_driver_sql(statement)
    finally:
        await admin.dispose()


def _schema_name(worker_id: str) -> str:
    # Random, so parallel runs on one server (several CI jobs, xdist workers) never meet.
    return f"kbtest_{worker_id}_{secrets.token_hex(4)}"


@pytest.fixture(scope="session")
def postgres_schema() -> Iterator[str]:
    """This session's schema with every table; dropped at the end of the session.
    Requested (through `db_url`) only by tests that run on PostgreSQL."""
    url = _postgres_url()
    schema = _schema_name(os.environ.get("PYTEST_XDIST_WORKER", "main"))

    async def build() -> None:
        await _exec(url, f'CREATE SCHEMA "{schema}"')
        database = Database(url, schema=schema)
        try:
            await database.create_schema()
        finally:
            await database.dispose()

    run_async(build())
    try:
        yield schema
    finally:
        run_async(_exec(url, f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))


TRUNCATE_ALL = "TRUNCATE {tables} RESTART IDENTITY CASCADE"


async def reset_postgres_schema(url: str, schema: str) -> None:
    """Every table of the schema empty, identities back at 1 (as a fresh schema)."""
    tables = ", ".join(f'"{schema}"."{table.name}"' for table in Base.metadata.sorted_tables)
    # A lock still held by a misbehaving earlier test fails this test, never hangs it.
    await _exec(url, "SET lock_timeout = '10s'", TRUNCATE_ALL.format(tables=tables))


# --- the fixtures tests use ------------------------------------------------------------


@pytest.fixture
def db_url(backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'db' / 'test.db'}"
    return _postgres_url()


@pytest_asyncio.fixture
async def db_schema(backend: str, db_url: str) -> AsyncIterator[str | None]:
    """A private, empty PostgreSQL schema for this test (None on SQLite), dropped after."""
    if backend != "postgresql":
        yield None
        return
    schema = _schema_name("t")
    await _exec(db_url, f'CREATE SCHEMA "{schema}"')
    try:
        yield schema
    finally:
        await _exec(db_url, f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest_asyncio.fixture
async def empty_database(db_url: str, db_schema: str | None) -> AsyncIterator[Database]:
    """A `Database` with no tables (for migration tests)."""
    database = Database(db_url, schema=db_schema)
    try:
        yield database
    finally:
        await database.dispose()


@pytest_asyncio.fixture
async def database(
    backend: str, db_url: str, request: pytest.FixtureRequest
) -> AsyncIterator[Database]:
    """A `Database` with every table (metadata.create_all) and the regions seeded: a copy
    of the session's template on SQLite, the session's emptied schema on PostgreSQL."""
    if backend == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        target = Path(db_url.removeprefix("sqlite+aiosqlite:///"))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, target)
        database = Database(db_url)
    else:
        schema: str = request.getfixturevalue("postgres_schema")
        await reset_postgres_schema(db_url, schema)
        database = Database(db_url, schema=schema)
        await seed_regions(database)
    try:
        yield database
    finally:
        await database.dispose()


@pytest.fixture
def uow_factory(database: Database, vault: NikVault) -> UnitOfWorkFactory:
    return UnitOfWorkFactory(database.sessionmaker, vault)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest_asyncio.fixture
async def app(database: Database, clock: Clock) -> AsyncIterator[App]:
    """The whole bot (composition root) on this test's database, with a settable clock."""
    # The clock stands still unless a test moves it, so a whole test is one minute of one
    # chat: the per-chat limit (bot/domain/inbound.py) is lifted; tests/security sets it.
    settings = Settings(
        database={"url": "sqlite+aiosqlite://"}, program={"messages_per_minute": 10_000}
    )
    built = await build_app(settings, TEST_NIK_KEY, upgrade=False, clock=clock, database=database)
    yield built


@pytest.fixture
def chat(app: App) -> Chat:
    return Chat(app)


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


@pytest_asyncio.fixture
async def petugas(app: App) -> Chat:
    """A city-wide official (DPMPPA)."""
    await grant(app, "petugas", "+6281100000001", "Rina Marlina")
    return Chat(app, "petugas-1", channel="whatsapp", phone="+6281100000001", name="Rina")


@pytest_asyncio.fixture
async def admin(app: App) -> Chat:
    await grant(app, "admin", "+6281100000002", "Admin Kota")
    return Chat(app, "admin-1", channel="whatsapp", phone="+6281100000002", name="Admin")

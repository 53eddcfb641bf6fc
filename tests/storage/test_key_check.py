"""A service started with another NIK key than the data's refuses to start (issue 12),
also on a database whose persons predate the stored check value."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete

from bot.app import build_app
from bot.config import ConfigError, Settings
from storage.database import Database
from storage.models import KeyCheck
from storage.nik_vault import NikVault
from support.seeding import TEST_NIK_KEY

SETTINGS = Settings(database={"url": "sqlite+aiosqlite://"})


async def test_a_database_with_persons_but_no_check_yet_is_checked_against_a_nik(
    database: Database,
) -> None:
    app = await build_app(SETTINGS, TEST_NIK_KEY, upgrade=False, database=database)
    async with app.uow_factory() as uow:
        await uow.persons.add("1571014506900001", "Siti Aminah", date(1990, 6, 5), "P")
        await uow.session.execute(delete(KeyCheck))  # as before the check existed
        await uow.commit()
    with pytest.raises(ConfigError, match="not the key of this database"):
        await build_app(SETTINGS, NikVault.generate_key(), upgrade=False, database=database)
    again = await build_app(SETTINGS, TEST_NIK_KEY, upgrade=False, database=database)
    async with again.uow_factory() as uow:
        assert await uow.persons.find_by_nik("1571014506900001") is not None

"""Is the configured NIK key the one the data was encrypted with? Checked once at start.

A service running with another key cannot decrypt a NIK nor find a person by it: it would
tell a covered person "tidak terlindungi" and register them a second time (issue 12). So
the first start stores a known text encrypted with the key (`key_checks`), and every later
start decrypts it: a mismatch refuses to start. A database that holds persons from before
the check existed is checked against one of their NIKs before the check is stored.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from storage.database import Database
from storage.models import KeyCheck, Person, utcnow
from storage.nik_vault import VERSION, NikVault, NikVaultError

CHECK_TEXT = "kampung-bahagia key check"


class KeyMismatch(Exception):
    """The configured key does not decrypt the data."""


async def ensure_key_matches(database: Database, vault: NikVault) -> None:
    try:
        await _check_or_store(database, vault)
    except IntegrityError:
        # Another worker starting at the same moment stored it first: check against that.
        await _check_or_store(database, vault)


async def _check_or_store(database: Database, vault: NikVault) -> None:
    async with database.sessionmaker() as session:
        stored = await session.get(KeyCheck, VERSION)
        if stored is not None:
            if not _decrypts(vault, stored.check_value, CHECK_TEXT):
                raise KeyMismatch("the data was encrypted with another key")
            return
        person = await session.scalar(select(Person).limit(1))
        if person is not None and not _decrypts(vault, person.nik_encrypted):
            raise KeyMismatch("the stored NIKs were encrypted with another key")
        session.add(
            KeyCheck(version=VERSION, check_value=vault.encrypt(CHECK_TEXT), created_at=utcnow())
        )
        await session.commit()


def _decrypts(vault: NikVault, blob: bytes, expected: str | None = None) -> bool:
    try:
        plain = vault.decrypt(blob)
    except NikVaultError:
        return False
    return expected is None or plain == expected

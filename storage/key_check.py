"""Is the configured NIK key the one the data was encrypted with? Checked once at start.

A service running with another key cannot decrypt a NIK nor find a person by it: it would
tell a covered person "tidak terlindungi" and register them a second time (issue 12). So
the first start stores a known text encrypted with the key (`key_checks`), and every later
start decrypts it: a mismatch refuses to start. A database that holds persons from before
the check existed is checked against one of their NIKs before the check is stored.

Key rotation: the check decrypts with the current or a retired key (`security.
previous_keys`) while a rotation is pending; the rotation re-encrypts it with the current
key before it moves any row, so from then on a service given only a retired key refuses.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.database import Database
from storage.models import KeyCheck, Person, utcnow
from storage.nik_vault import NikVault, NikVaultError

CHECK_TEXT = "kampung-bahagia key check"
# The one check row (the key version is in its ciphertext's header, storage.nik_vault).
CHECK_ROW = 1


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
        stored = await session.get(KeyCheck, CHECK_ROW)
        if stored is not None:
            if not _decrypts(vault, stored.check_value, CHECK_TEXT):
                raise KeyMismatch("the data was encrypted with another key")
            return
        person = await session.scalar(select(Person).limit(1))
        if person is not None and not _decrypts(vault, person.nik_encrypted):
            raise KeyMismatch("the stored NIKs were encrypted with another key")
        session.add(
            KeyCheck(version=CHECK_ROW, check_value=vault.encrypt(CHECK_TEXT), created_at=utcnow())
        )
        await session.commit()


async def restamp(session: AsyncSession, vault: NikVault) -> bool:
    """Re-encrypt the check value with the current key (the first step of a rotation);
    False when it decrypts with no configured key. The caller commits."""
    stored = await session.get(KeyCheck, CHECK_ROW)
    if stored is None:
        session.add(
            KeyCheck(version=CHECK_ROW, check_value=vault.encrypt(CHECK_TEXT), created_at=utcnow())
        )
        return True
    if not _decrypts(vault, stored.check_value, CHECK_TEXT):
        return False
    if not vault.is_current(stored.check_value):
        stored.check_value = vault.encrypt(CHECK_TEXT)
    return True


def _decrypts(vault: NikVault, blob: bytes, expected: str | None = None) -> bool:
    try:
        plain = vault.decrypt(blob)
    except NikVaultError:
        return False
    return expected is None or plain == expected

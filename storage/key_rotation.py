"""Key rotation: move every encrypted NIK and lookup hash to the current key, in batches.

`rotate` first re-encrypts the stored key check with the current key (so from then on a
service given only a retired key refuses to start), then walks the persons by id, a batch
per transaction: a row whose ciphertext already names the current key version is skipped,
any other is decrypted with the key that wrote it, encrypted with the current key, and its
lookup hash rewritten with the current key in the same UPDATE. Each UPDATE only applies
when the row still holds the ciphertext that was read, so a change the running service
made meanwhile (an anonymisation) is never overwritten; such a row is counted and is
picked up by the next run if it still needs it. Stopping midway loses nothing: the next
run skips what is done. `status` counts the rows per key version.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, select, update

from storage.database import Database
from storage.key_check import CHECK_ROW, KeyMismatch, restamp
from storage.models import KeyCheck, Person
from storage.nik_vault import UNVERSIONED, NikVault, NikVaultError

DEFAULT_BATCH = 500


@dataclass
class RotationReport:
    rotated: int = 0
    already_current: int = 0
    # Changed by the service between read and write: left for the next run.
    changed_meanwhile: int = 0
    # Written with a key that is not configured: left as they are.
    unreadable: int = 0
    batches: int = 0

    @property
    def finished(self) -> bool:
        return self.changed_meanwhile == 0 and self.unreadable == 0


async def rotate(
    database: Database,
    vault: NikVault,
    *,
    batch_size: int = DEFAULT_BATCH,
    max_batches: int | None = None,
    after_batch: Callable[[RotationReport], Awaitable[None] | None] | None = None,
) -> RotationReport:
    """Re-encrypt every person's NIK with the current key, committing per batch.
    `max_batches` stops early (what an interrupted run leaves behind)."""
    if batch_size < 1:
        raise ValueError("batch size must be at least 1")
    async with database.sessionmaker() as session:
        if not await restamp(session, vault):
            raise KeyMismatch("the data was encrypted with a key that is not configured")
        await session.commit()
    report = RotationReport()
    after_id = 0
    while max_batches is None or report.batches < max_batches:
        async with database.sessionmaker() as session:
            query = (
                select(Person.id, Person.nik_encrypted, Person.nik_hash)
                .where(Person.id > after_id)
                .order_by(Person.id)
                .limit(batch_size)
            )
            rows = (await session.execute(query)).all()
            if not rows:
                break
            for person_id, blob, nik_hash in rows:
                await _rotate_row(session, vault, report, person_id, bytes(blob), nik_hash)
            await session.commit()
        after_id = rows[-1][0]
        report.batches += 1
        if after_batch is not None:
            waiting = after_batch(report)
            if waiting is not None:
                await waiting
    return report


async def _rotate_row(
    session: Any, vault: NikVault, report: RotationReport, person_id: int, blob: bytes, old: str
) -> None:
    if vault.is_current(blob):
        report.already_current += 1
        return
    try:
        plain = vault.decrypt(blob)
    except NikVaultError:
        report.unreadable += 1
        return
    # Only a real lookup hash is rewritten; a placeholder (an anonymised person's
    # "anonim:<id>") stays what it is.
    new_hash = vault.lookup_hash(plain) if old in vault.lookup_hashes(plain) else old
    statement = (
        update(Person)
        .where(Person.id == person_id, Person.nik_encrypted == blob)
        .values(nik_encrypted=vault.encrypt(plain), nik_hash=new_hash)
    )
    result = cast(CursorResult[Any], await session.execute(statement))
    if result.rowcount == 1:
        report.rotated += 1
    else:
        report.changed_meanwhile += 1


def version_label(vault: NikVault, version: str) -> str:
    """How `keys status` names a key version."""
    if version == UNVERSIONED:
        return "v1 (before key versions)"
    versions = vault.versions
    if version not in versions:
        return f"key {version} (not configured)"
    number = versions.index(version)
    return f"key {version} ({'current' if number == 0 else f'previous #{number}'})"


@dataclass
class KeyStatus:
    # Persons' encrypted NIKs per key version label (version_label).
    persons: dict[str, int]
    # The key check's version label, None before the first start.
    check: str | None

    @property
    def on_retired_keys(self) -> int:
        return sum(n for label, n in self.persons.items() if "(current)" not in label)


async def status(database: Database, vault: NikVault) -> KeyStatus:
    """Encrypted values per key version: the persons' NIKs and the key check."""
    counts: Counter[str] = Counter()
    after_id = 0
    async with database.sessionmaker() as session:
        while True:
            query = (
                select(Person.id, Person.nik_encrypted)
                .where(Person.id > after_id)
                .order_by(Person.id)
                .limit(DEFAULT_BATCH)
            )
            rows = (await session.execute(query)).all()
            if not rows:
                break
            for _, blob in rows:
                counts[version_label(vault, vault.key_version(blob))] += 1
            after_id = rows[-1][0]
        check = await session.get(KeyCheck, CHECK_ROW)
    label = None if check is None else version_label(vault, vault.key_version(check.check_value))
    return KeyStatus(persons=dict(counts), check=label)

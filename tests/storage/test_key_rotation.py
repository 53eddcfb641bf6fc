"""Key rotation (issue 12): `rotate` moves every NIK and lookup hash to the current key in
batches; persons are found by NIK before, during and after; an interrupted rotation
finishes when run again; afterwards a service given only the old key refuses to start.
On SQLite and PostgreSQL, and through the `kampung-bahagia keys` command."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, update

from bot.app import App, build_app
from bot.config import ConfigError, Settings
from storage import key_rotation
from storage.database import Database
from storage.models import Person
from storage.nik_vault import UNVERSIONED, NikVault
from support.chat import Chat
from support.cli import run_in_process, without_kb_variables
from support.nik_blobs import unversioned_blob
from support.seeding import TEST_NIK_KEY

OLD = TEST_NIK_KEY
NEW = "rotated-test-key-9f8e7d6c5b4a39281706f5e4d3c2b1a0"
NIKS = [f"157101450690{n:04d}" for n in range(1, 8)]


def settings(previous: list[str] | None = None) -> Settings:
    return Settings(
        database={"url": "sqlite+aiosqlite://"}, security={"previous_keys": previous or []}
    )


async def seed_with_old_key(database: Database) -> None:
    app = await build_app(settings(), OLD, upgrade=False, database=database)
    async with app.uow_factory() as uow:
        for number, nik in enumerate(NIKS):
            person = await uow.persons.add(nik, f"Warga {number}", date(1990, 6, 5), "P")
            if number == 0:  # one row from before key versions
                person.nik_encrypted = unversioned_blob(OLD, nik)
        await uow.commit()


async def all_found(app: App) -> None:
    async with app.uow_factory() as uow:
        for nik in NIKS:
            person = await uow.persons.find_by_nik(nik)
            assert person is not None, nik
            assert uow.persons.reveal_nik(person) == nik
        assert sorted(await uow.persons.find_by_niks(NIKS)) == sorted(NIKS)


async def versions(database: Database) -> list[str]:
    async with database.sessionmaker() as session:
        blobs = await session.scalars(select(Person.nik_encrypted).order_by(Person.id))
        return [NikVault.key_version(blob) for blob in blobs]


@pytest.mark.backends()
async def test_rotation_moves_every_row_and_lookups_work_throughout(database: Database) -> None:
    await seed_with_old_key(database)
    old, new = NikVault(OLD), NikVault(NEW, [OLD])
    assert await versions(database) == [UNVERSIONED] + [old.current_version] * (len(NIKS) - 1)
    rotating = await build_app(settings([OLD]), NEW, upgrade=False, database=database)
    await all_found(rotating)  # before: found by the old key's hashes

    # Stopped after one batch, as an interrupted run would be.
    first = await key_rotation.rotate(database, new, batch_size=3, max_batches=1)
    assert (first.rotated, first.already_current, first.batches) == (3, 0, 1)
    assert await versions(database) == [new.current_version] * 3 + [old.current_version] * 4
    await all_found(rotating)  # during: half on each key
    with pytest.raises(ConfigError, match="not the key of this database"):
        await build_app(settings(), OLD, upgrade=False, database=database)

    second = await key_rotation.rotate(database, new, batch_size=3)
    assert (second.rotated, second.already_current, second.finished) == (4, 3, True)
    assert await versions(database) == [new.current_version] * len(NIKS)
    async with database.sessionmaker() as session:
        hashes = list(await session.scalars(select(Person.nik_hash).order_by(Person.id)))
    assert hashes == [NikVault(NEW).lookup_hash(nik) for nik in NIKS]
    found = await key_rotation.status(database, new)
    assert found.persons == {f"key {new.current_version} (current)": len(NIKS)}
    assert found.check == f"key {new.current_version} (current)"
    assert found.on_retired_keys == 0

    # After: the new key alone serves everything, the old key alone refuses to start.
    await all_found(await build_app(settings(), NEW, upgrade=False, database=database))
    with pytest.raises(ConfigError, match="not the key of this database"):
        await build_app(settings(), OLD, upgrade=False, database=database)
    again = await key_rotation.rotate(database, new)
    assert (again.rotated, again.already_current) == (0, len(NIKS))


@pytest.mark.backends()
async def test_a_row_the_service_changed_meanwhile_is_not_overwritten(
    database: Database,
) -> None:
    await seed_with_old_key(database)
    new = NikVault(NEW, [OLD])
    anonymised = new.encrypt("")
    changed: list[int] = []

    async def service_anonymises_the_last(report: key_rotation.RotationReport) -> None:
        # Between the rotation's batches the running service rewrites the last row.
        if not changed:
            async with database.sessionmaker() as session:
                last = await session.scalar(select(Person.id).order_by(Person.id.desc()))
                assert last is not None
                values = {"nik_encrypted": anonymised, "nik_hash": f"anonim:{last}"}
                await session.execute(update(Person).where(Person.id == last).values(values))
                await session.commit()
                changed.append(last)

    report = await key_rotation.rotate(
        database, new, batch_size=2, after_batch=service_anonymises_the_last
    )
    assert report.rotated == len(NIKS) - 1 and report.already_current == 1
    async with database.sessionmaker() as session:
        last = await session.get(Person, changed[0])
        assert last is not None
        assert bytes(last.nik_encrypted) == anonymised and last.nik_hash == f"anonim:{last.id}"


async def test_a_repeated_message_is_recognised_across_the_key_change(
    database: Database,
) -> None:
    """The conversation keeps only a keyed digest of its last text; one made with the
    retired key still recognises the repeat."""
    repeated = "Pesan yang sama terkirim lagi."
    before = await build_app(settings(), OLD, upgrade=False, database=database)
    warga = Chat(before, "warga-1", channel="whatsapp", phone="+6281300000001")
    await warga.says("menu")
    await warga.taps("Simulasi premi")
    await warga.says("bukan angka")
    assert repeated not in warga.text
    after = await build_app(settings([OLD]), NEW, upgrade=False, database=database)
    again = Chat(after, "warga-1", channel="whatsapp", phone="+6281300000001")
    await again.says("bukan angka")
    assert repeated in again.text


async def test_a_retired_key_that_is_not_the_datas_is_no_help(database: Database) -> None:
    await seed_with_old_key(database)
    stranger = NikVault.generate_key()
    with pytest.raises(ConfigError, match="not the key of this database"):
        await build_app(settings([stranger]), NEW, upgrade=False, database=database)


def test_the_keys_command_rotates_resumably_and_reports_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db_file = tmp_path / "kb.db"
    base = {**without_kb_variables(), "KB_DATABASE__URL": f"sqlite+aiosqlite:///{db_file}"}
    old_env = {**base, "KB_SECURITY__SECRET_KEY": OLD}
    new_env = {**base, "KB_SECURITY__SECRET_KEY": NEW, "KB_SECURITY__PREVIOUS_KEYS": f'["{OLD}"]'}

    def run(env: dict[str, str], *args: str):  # noqa: ANN202
        return run_in_process(monkeypatch, capsys, tmp_path, env, *args)

    assert run(old_env, "db", "upgrade").returncode == 0

    async def seed() -> None:
        database = Database(base["KB_DATABASE__URL"])
        try:
            await seed_with_old_key(database)
        finally:
            await database.dispose()

    asyncio.run(seed())
    old_version, new_version = NikVault(OLD).current_version, NikVault(NEW).current_version
    status = run(new_env, "keys", "status")
    assert status.returncode == 0, status.stderr
    assert f"key {old_version} (previous #1): {len(NIKS) - 1} NIK" in status.stdout
    assert "v1 (before key versions): 1 NIK" in status.stdout

    rotated = run(new_env, "keys", "rotate", "--batch", "4")
    assert rotated.returncode == 0, rotated.stderr
    assert "batch 1: 4 re-encrypted, 0 already on the current key" in rotated.stdout
    assert f"re-encrypted: {len(NIKS)}, already current: 0" in rotated.stdout
    again = run(new_env, "keys", "rotate")
    assert f"re-encrypted: 0, already current: {len(NIKS)}" in again.stdout
    status = run(new_env, "keys", "status")
    assert f"key {new_version} (current): {len(NIKS)} NIK" in status.stdout
    assert f"key check: key {new_version} (current)" in status.stdout

    refused = run(old_env, "keys", "status")
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.strip().count("\n") == 0
    assert "not the key of this database" in refused.stderr
    assert run(new_env, "keys", "rotate", "--batch", "0").returncode == 2
    weak = run({**new_env, "KB_SECURITY__PREVIOUS_KEYS": '["aaaa-short"]'}, "keys", "status")
    assert weak.returncode == 2 and "security.previous_keys #1" in weak.stderr
    assert "aaaa-short" not in weak.stderr

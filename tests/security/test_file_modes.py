"""Files with personal data are created readable by their owner only (issue 12): CLI
exports (full NIKs), documents the demo saves, the demo's key, the SQLite database with
its -wal and -shm files are 0600, and the folders created for them 0700, under the usual
umask 022 (which would leave them 0644 and 0755)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.channels.terminal import TerminalChannel
from bot.core.messages import Document, Reply
from storage.database import Database
from support.cli import run_in_process, without_kb_variables

DEMO_SCRIPT = "menu\nSimulasi premi\n25 juta\n"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


async def test_the_sqlite_database_wal_and_shm_are_0600_in_a_0700_folder(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    db_file = shared / "data" / "nested" / "kb.db"
    database = Database(f"sqlite+aiosqlite:///{db_file}")
    try:
        async with database.engine.begin() as connection:
            await connection.execute(text("CREATE TABLE t (x TEXT)"))
            await connection.execute(text("INSERT INTO t VALUES ('1571014506900001')"))
        # While connected, the write-ahead log and its index exist.
        files = [db_file, db_file.with_name("kb.db-wal"), db_file.with_name("kb.db-shm")]
        assert {path.name: mode(path) for path in files} == {path.name: 0o600 for path in files}
    finally:
        await database.dispose()
    assert mode(shared / "data") == 0o700 and mode(shared / "data" / "nested") == 0o700
    assert mode(shared) == 0o755  # an existing folder is not ours to change


def test_the_demo_keeps_its_database_and_key_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_in_process(
        monkeypatch, capsys, tmp_path, without_kb_variables(), "demo", "--as", "warga",
        stdin=DEMO_SCRIPT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = tmp_path / "data"
    assert mode(data) == 0o700
    assert {p.name: mode(p) for p in data.iterdir() if p.is_file()} == {
        p.name: 0o600 for p in data.iterdir() if p.is_file()
    }
    assert {"demo.db", "demo.key"} <= {p.name for p in data.iterdir()}


def test_documents_the_demo_receives_are_saved_private(tmp_path: Path) -> None:
    async def nothing(*_: object) -> list[Reply]:
        return []

    out = tmp_path / "data" / "out"
    channel = TerminalChannel(nothing, {}, out, stdout=open(os.devnull, "w"))  # noqa: SIM115
    export = Document("peserta.csv", "text/csv", b"NIK;Nama\r\n1571014506900001;Siti\r\n")
    channel.show(Reply("Ekspor", document=export))
    assert mode(out / "peserta.csv") == 0o600
    assert mode(out) == 0o700 and mode(out.parent) == 0o700


def test_the_cli_export_is_0600_even_over_a_readable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    env = {
        **without_kb_variables(),
        "KB_SECURITY__SECRET_KEY": "file-modes-test-key-0123456789abcdefghijkl",
        "KB_DATABASE__URL": f"sqlite+aiosqlite:///{tmp_path / 'kb.db'}",
    }
    (tmp_path / "old.csv").write_text("readable by everybody")
    (tmp_path / "old.csv").chmod(0o644)
    for name in ("bpjs.xlsx", "old.csv"):
        args = ("export", "--from", "1/3/2026", "--to", "31/3/2026", name)
        result = run_in_process(monkeypatch, capsys, tmp_path, env, *args)
        assert result.returncode == 0, result.stderr
        assert mode(tmp_path / name) == 0o600, name

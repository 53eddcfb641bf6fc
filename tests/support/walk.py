"""The world and the tools of the every-step walk (tests/handlers/test_every_step.py).

`seed_world` puts one of everything a dialog may show into a fresh database: RT 01 with
its chair, a draft activity with a participant and a confirmed one with two, an open
accident report, a resident, an official in the RT's kecamatan and an admin. The walk
then talks to the real conversation service as one caller (`CALLERS`).

For "a typed number equals the tap" a state is copied (`copy_database`: SQLite's backup
API, which sees everything committed, WAL included) and a second app is opened on the
copy (`open_app`), so the two answers start from identical states. `rows` reads what is
stored, for comparing the two; `saved_work` counts what must never be lost silently.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.app import App, build_app
from bot.config import Settings
from storage.database import Database
from support.activity_helpers import (
    JOKO,
    RUDI,
    SITI,
    add_participant,
    confirm_directly,
    create_activity,
)
from support.chat import Chat, Clock
from support.incidents import seed_incident
from support.seeding import TEST_NIK_KEY, grant, seed_rt

RESIDENT_PHONE = "+6281300000001"
CHAIR_PHONE = "+6281200000001"
OFFICIAL_PHONE = "+6281100000001"
ADMIN_PHONE = "+6281100000002"


@dataclass(frozen=True)
class World:
    rt_id: int
    draft_id: int
    confirmed_id: int


@dataclass(frozen=True)
class Caller:
    """One of the people the walk talks as."""

    chat_id: str
    phone: str
    name: str


CALLERS = {
    "warga": Caller("walk-warga", RESIDENT_PHONE, "Siti Aminah"),
    "ketua_rt": Caller("walk-ketua", CHAIR_PHONE, "Budi Santoso"),
    "petugas": Caller("walk-petugas", OFFICIAL_PHONE, "Rina Marlina"),
    "admin": Caller("walk-admin", ADMIN_PHONE, "Admin Kota"),
}


def chat_for(app: App, role: str) -> Chat:
    caller = CALLERS[role]
    return Chat(app, caller.chat_id, channel="whatsapp", phone=caller.phone, name=caller.name)


async def seed_world(app: App) -> World:
    rt = await seed_rt(app, "15.71.01.1001", 1, "Budi Santoso", CHAIR_PHONE)
    draft = await create_activity(app, rt.id, title="Kerja bakti selokan")
    await add_participant(app, draft, RUDI, role="ketua_pelaksana", phone="+6281300000009")
    confirmed = await create_activity(app, rt.id, title="Perbaikan jalan Gang Melati")
    await add_participant(app, confirmed, SITI, phone=RESIDENT_PHONE)
    await add_participant(app, confirmed, JOKO, role="ketua_pelaksana")
    await confirm_directly(app, confirmed, datetime(2026, 3, 1, 13, 0, tzinfo=UTC))
    await seed_incident(app, rt, datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    await grant(app, "petugas", OFFICIAL_PHONE, "Rina Marlina", "kecamatan", "15.71.01")
    await grant(app, "admin", ADMIN_PHONE, "Admin Kota")
    return World(rt.id, draft, confirmed)


async def open_app(path: Path, clock: Clock) -> App:
    """The whole bot on the SQLite file at `path` (already holding the schema)."""
    # A walk is thousands of messages of one chat at one moment: no per-chat limit.
    settings = Settings(
        database={"url": "sqlite+aiosqlite://"}, program={"messages_per_minute": 10_000}
    )
    database = Database(f"sqlite+aiosqlite:///{path}")
    return await build_app(settings, TEST_NIK_KEY, upgrade=False, clock=clock, database=database)


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of everything committed in `source` (its WAL included)."""
    target.unlink(missing_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


# Tables whose rows say nothing about what an answer did: the ids of processed messages
# differ between two runs by construction.
_IGNORED_TABLES = frozenset({"processed_messages"})
# Columns that differ between a typed "2" and a tapped button by construction: the
# fingerprint of the last text (kept only to recognise a repeated message), and the
# wall-clock bookkeeping time of a row's last write (not the service's clock).
_IGNORED_COLUMNS = {
    "conversations": frozenset({"last_text"}),
    "audit_log": frozenset({"at"}),
}
_IGNORED_EVERYWHERE = frozenset({"updated_at"})


def rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row (but the ignored ones), table by table."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    with sqlite3.connect(path) as db:
        tables = [
            name
            for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if name not in _IGNORED_TABLES and not name.startswith("sqlite_")
        ]
        for table in sorted(tables):
            cursor = db.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from the schema
            names = [column[0] for column in cursor.description]
            keep = [
                i
                for i, n in enumerate(names)
                if n not in _IGNORED_EVERYWHERE | _IGNORED_COLUMNS.get(table, frozenset())
            ]
            found[table] = sorted(
                (tuple(row[i] for i in keep) for row in cursor.fetchall()), key=repr
            )
    db.close()
    return found


def saved_work(path: Path) -> dict[str, int]:
    """What a caller saved and must never lose without confirming, counted over the whole
    database: activities saved (a draft or confirmed: confirming a draft loses nothing),
    confirmed activities, and active participations."""
    with sqlite3.connect(path) as db:
        counts = {
            f"activities:{status}": n
            for status, n in db.execute(
                "SELECT status, count(*) FROM activities GROUP BY status"
            ).fetchall()
        }
        columns = [c[1] for c in db.execute("PRAGMA table_info(participations)")]
        active = "removed_at IS NULL" if "removed_at" in columns else "1 = 1"
        (counts["participations:active"],) = db.execute(
            f"SELECT count(*) FROM participations WHERE {active}"  # noqa: S608
        ).fetchone()
    db.close()
    return {
        "activities:saved": counts.get("activities:draft", 0)
        + counts.get("activities:confirmed", 0),
        "activities:confirmed": counts.get("activities:confirmed", 0),
        "participations:active": counts["participations:active"],
    }


class _Failures(logging.Handler):
    """Keeps the records the service logs for an unhandled exception."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def unhandled_errors() -> Iterator[list[logging.LogRecord]]:
    """The records of unhandled exceptions the conversation service logs meanwhile (it
    answers them with the "internal_error" text and logs them with the traceback)."""
    handler = _Failures()
    logger = logging.getLogger("bot.core.service")
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)

"""The synthetic Kota Jambi of the scale benchmark (`benchmarks/scale.py`): 1,650 RTs
across the 68 real kelurahan, activities, persons with valid NIKs encrypted by the real
NikVault, and their worker lists, written with Core bulk inserts in batches (never the
ORM row by row). Every value derives from the row's index, so a run is repeatable and the
lookups know which NIKs exist."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, text

from bot.domain.nik import mask_nik
from bot.domain.premium import premium_for
from bot.domain.regions import load_wilayah
from storage.database import Database
from storage.models import Activity, Participation, Person, Rt
from storage.nik_vault import NikVault

BATCH = 10_000
PROGRAM_START = date(2025, 8, 1)
PROGRAM_DAYS = 500  # activities start between August 2025 and mid-December 2026
STATISTICS_AT = datetime(2026, 3, 16, 3, 0, tzinfo=UTC)  # "today" for the summary
# Distinct people within one activity: a prime stride through the persons.
STRIDES = (104_729, 7_919, 1_009, 13)


@dataclass(frozen=True)
class Size:
    rts: int = 1_650
    activities: int = 30_000
    persons: int = 300_000
    participations: int = 1_000_000

    @classmethod
    def for_participations(cls, participations: int) -> Size:
        """The full city's proportions (33 people per activity, 3.3 per person); every
        RT is there whatever the size."""
        ratio = participations / cls.participations
        return cls(
            activities=max(1, round(cls.activities * ratio)),
            persons=max(200, round(cls.persons * ratio)),
            participations=participations,
        )


def nik_for(index: int) -> str:
    """A valid, distinct NIK per person: Kota Jambi, one of 11 kecamatan, a birth date
    (women +40 on the day) and a serial that makes it unique."""
    born = date(1950, 1, 1) + timedelta(days=index % 20_000)
    day = born.day + (40 if index % 2 else 0)
    serial = index // 20_000 + 1
    return f"1571{index % 11 + 1:02d}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


class CityFiller:
    """Writes the synthetic city, table by table."""

    def __init__(self, database: Database, vault: NikVault, size: Size) -> None:
        self.database, self.vault, self.size = database, vault, size
        self.stride = next(s for s in STRIDES if size.persons % s)

    async def _insert(self, table: Any, rows: Iterator[dict[str, Any]]) -> int:
        count, batch = 0, []
        async with self.database.engine.begin() as conn:
            for row in rows:
                batch.append(row)
                if len(batch) == BATCH:
                    await conn.execute(insert(table), batch)
                    count, batch = count + len(batch), []
            if batch:
                await conn.execute(insert(table), batch)
                count += len(batch)
        return count

    async def places(self) -> int:
        kelurahan = [k.code for k in load_wilayah()[1]]
        per, extra = divmod(self.size.rts, len(kelurahan))
        rows = (
            {
                "id": rt_id,
                "kelurahan_code": code,
                "number": number,
                "chair_name": f"Ketua {rt_id}",
                "chair_phone": f"+62812{rt_id:08d}",
                "created_at": STATISTICS_AT,
                "updated_at": STATISTICS_AT,
            }
            for rt_id, (code, number) in enumerate(
                (
                    (code, n)
                    for i, code in enumerate(kelurahan)
                    for n in range(1, per + 1 + (i < extra))
                ),
                start=1,
            )
        )
        return await self._insert(Rt.__table__, rows)

    async def persons(self) -> int:
        vault = self.vault

        def rows() -> Iterator[dict[str, Any]]:
            for index in range(self.size.persons):
                nik = nik_for(index)
                born = date(1950, 1, 1) + timedelta(days=index % 20_000)
                yield {
                    "id": index + 1,
                    "nik_encrypted": vault.encrypt(nik),
                    "nik_hash": vault.lookup_hash(nik),
                    "nik_masked": mask_nik(nik),
                    "name": f"Warga {index + 1}",
                    "birth_date": born,
                    "sex": "P" if index % 2 else "L",
                    "phone": None,
                    "created_at": STATISTICS_AT,
                    "updated_at": STATISTICS_AT,
                }

        return await self._insert(Person.__table__, rows())

    def activity(self, j: int) -> dict[str, Any]:
        start = PROGRAM_START + timedelta(days=(j * 7_919) % PROGRAM_DAYS)
        end = start + timedelta(days=6 + (j * 31) % 84)
        value = 5_000_000 + (j * 1_234_567) % 95_000_000
        premium = premium_for(value)
        status = "draft" if j % 50 == 0 else "cancelled" if j % 33 == 0 else "confirmed"
        confirmed = datetime.combine(start, datetime.min.time(), UTC) - timedelta(days=2)
        return {
            "id": j + 1,
            "rt_id": j % self.size.rts + 1,
            "number": None if status == "draft" else f"KB-{start.year}-{j + 1:06d}",
            "year": start.year,
            "title": f"Kegiatan {j + 1}",
            "kind": "jalan_lingkungan",
            "place": "",
            "start_date": start,
            "end_date": end,
            "value": value,
            "value_includes_ppn": False,
            "premium_jkk": premium.jkk,
            "premium_jkm": premium.jkm,
            "premium_total": premium.total,
            "status": status,
            "surat_tugas_number": None if status == "draft" else f"{j + 1:06d}/ST-KB/{start.year}",
            "surat_tugas_revision": 0,
            "confirmed_at": None if status == "draft" else confirmed,
            "cancelled_at": confirmed + timedelta(days=5) if status == "cancelled" else None,
            "created_at": confirmed - timedelta(days=1),
            "updated_at": confirmed,
        }

    async def activities(self) -> int:
        return await self._insert(
            Activity.__table__, (self.activity(j) for j in range(self.size.activities))
        )

    def people_of(self, j: int) -> int:
        base, extra = divmod(self.size.participations, self.size.activities)
        return min(base + (j < extra), self.size.persons)

    async def participations(self, half: int) -> int:
        """The first (0) or second (1) half of every activity's worker list."""

        def rows() -> Iterator[dict[str, Any]]:
            first_id = 0
            for j in range(self.size.activities):
                count = self.people_of(j)
                split = (count + j % 2) // 2  # halves add up to half the total
                activity = self.activity(j) if count else None
                for k in range(split if half == 0 else count - split):
                    index = k if half == 0 else split + k
                    yield self.participation(activity, j, index, count, first_id + index + 1)
                first_id += count

        return await self._insert(Participation.__table__, rows())

    def participation(self, a: Any, j: int, index: int, count: int, pid: int) -> dict[str, Any]:
        # A permutation of the persons, walked in participation order: everybody works
        # on about the same number of activities, nobody twice on one.
        person = (pid - 1) * self.stride % self.size.persons + 1
        before = (a["confirmed_at"] or a["created_at"]) - timedelta(hours=1)
        late = j % 10 == 0 and index == count - 1 and a["confirmed_at"] is not None
        removed = j % 25 == 0 and index == 1 and a["confirmed_at"] is not None
        day_two = datetime.combine(a["start_date"], datetime.min.time(), UTC)
        return {
            "id": pid,
            "activity_id": a["id"],
            "person_id": person,
            "role": "ketua_rt" if index == 0 else "phl" if index % 10 == 1 else "warga",
            "daily_wage": None,
            "added_at": day_two + timedelta(days=1) if late else before,
            "added_by": None,
            "removed_at": day_two + timedelta(days=2) if removed else None,
            "removed_by": None,
        }

    async def analyze(self) -> None:
        async with self.database.engine.begin() as conn:
            await conn.execute(text("ANALYZE"))

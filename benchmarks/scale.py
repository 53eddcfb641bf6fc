"""The city at full scale: fill a database like Kota Jambi after a year of the program,
then measure what officials and residents wait for (issue 4, Benchmark).

Fills (`scale_city.py`: Core bulk inserts in batches, NIKs encrypted with the real
NikVault) 1,650 RTs across the 68 real kelurahan, 30,000 activities, 300,000 persons and
1,000,000 participations, printing the fill time, then prints:

- city-wide statistics (`bot.reports.statistics.build_summary`) at 500,000 participations
  (half of every worker list is filled first), target <= 200 ms;
- coverage lookup by NIK (`persons.find_by_nik` + `participations.of_persons`, the queries
  of the coverage check) over random NIKs: p50/p99, target p99 <= 5 ms;
- an XLSX export (full NIKs, the dialog's path) of about 100,000 rows: time and memory, in a
  fresh process so its peak RSS is its own (tracemalloc measured in a second run, since it
  slows Python down), target <= 15 s and <= 200 MB.

    .venv/bin/python benchmarks/scale.py                       # SQLite file in a temp dir
    .venv/bin/python benchmarks/scale.py --postgres postgresql+asyncpg://postgres@127.0.0.1:5432/test
    .venv/bin/python benchmarks/scale.py --participations 100000   # smaller

PostgreSQL runs in a fresh schema that is dropped afterwards. Both backends get the real
migrations (so the real indexes) and ANALYZE after the fill.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import resource
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale_city import STATISTICS_AT, CityFiller, Size, nik_for  # noqa: E402
from sqlalchemy import func, or_, select, text  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

from bot.domain.regions import RegionIndex, load_wilayah  # noqa: E402
from bot.domain.scope import Scope  # noqa: E402
from bot.reports.bpjs_export import ExportRequest, export_document  # noqa: E402
from bot.reports.export_request import whole_area  # noqa: E402
from storage import migrate  # noqa: E402
from storage.database import Database  # noqa: E402
from storage.models import Activity, Participation  # noqa: E402
from storage.nik_vault import NikVault  # noqa: E402
from storage.uow import UnitOfWorkFactory  # noqa: E402

KEY_VARIABLE = "KB_BENCH_NIK_KEY"


# --- measurements ------------------------------------------------------------------------


class Timing:
    """Wall time, and the CPU time of this whole process (every thread: the SQLite
    driver's too): on a shared machine the second one shows the work when the first one
    shows the queueing for a core."""

    wall = cpu = 0.0

    def __enter__(self) -> Timing:
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_: object) -> None:
        self.wall = time.perf_counter() - self._wall
        self.cpu = time.process_time() - self._cpu


def quantiles(timings: list[Timing], attribute: str) -> tuple[float, float]:
    """p50 and p99 of the wall or cpu times."""
    q = statistics.quantiles([getattr(t, attribute) for t in timings], n=100)
    return q[49], q[98]


async def time_statistics(factory: UnitOfWorkFactory, runs: int = 5) -> tuple[str, list[Timing]]:
    """The official summary's figures for the whole city; falls back to an equivalent
    aggregate when `bot.reports.statistics` is not there."""
    try:
        from bot.reports.statistics import build_summary
    except ImportError:
        build_summary = None

    async def once() -> Timing:
        async with factory() as uow:
            with Timing() as timing:
                if build_summary is not None:
                    await build_summary(uow, Scope(city=True), STATISTICS_AT)
                else:
                    query = select(Activity.status, func.count(), func.sum(Activity.premium_total))
                    await uow.session.execute(query.group_by(Activity.status))
            return timing

    await once()  # warm-up: first query plans, connection
    what = "bot.reports.statistics.build_summary" if build_summary else "an equivalent GROUP BY"
    return what, [await once() for _ in range(runs)]


async def time_lookups(factory: UnitOfWorkFactory, size: Size, count: int) -> list[Timing]:
    """One unit of work per lookup, as per message; the queries themselves are timed."""
    rng = random.Random(11)
    timings = []
    for _ in range(count):
        nik = nik_for(rng.randrange(size.persons))
        async with factory() as uow:
            with Timing() as timing:
                person = await uow.persons.find_by_nik(nik)
                rows = await uow.participations.of_persons([person.id])
            timings.append(timing)
            assert rows, "every generated person has participations"
    return timings


async def export_period(database: Database, rows: int) -> tuple[date, date, int]:
    """From 1 January 2026, the shortest period whose covering activities hold at least
    `rows` participations (a binary search over the end date with COUNT queries)."""
    start = date(2026, 1, 1)
    period_starts = datetime(2025, 12, 31, 17, 0, tzinfo=UTC)  # 1 January 00:00 WIB

    async def count(end: date) -> int:
        query = (
            select(func.count(Participation.id))
            .join(Activity, Activity.id == Participation.activity_id)
            .where(
                Activity.status.in_(("confirmed", "ended", "cancelled")),
                Activity.start_date <= end,
                Activity.end_date >= start,
                # Cancelled before the period: no coverage left in it.
                or_(Activity.cancelled_at.is_(None), Activity.cancelled_at > period_starts),
            )
        )
        async with database.engine.connect() as conn:
            return int(await conn.scalar(query) or 0)

    low, high = 0, 720
    while low < high:
        middle = (low + high) // 2
        if await count(start + timedelta(days=middle)) >= rows:
            high = middle
        else:
            low = middle + 1
    end = start + timedelta(days=low)
    return start, end, await count(end)


async def measure_export(
    url: str, schema: str | None, start: date, end: date, trace: bool
) -> dict[str, Any]:
    """Runs in a fresh process (`--measure-export`): the dialog's path, in memory."""
    database = Database(url, schema=schema)
    factory = UnitOfWorkFactory(database.sessionmaker, NikVault(os.environ[KEY_VARIABLE]))
    async with factory() as uow:
        await uow.regions.list_kecamatan()  # drivers loaded, connection open
    request = ExportRequest(
        start, end, whole_area(Scope(city=True), RegionIndex.load()), "xlsx", True
    )
    before = current_rss_mb()
    if trace:
        tracemalloc.start()
    with Timing() as timing:
        async with factory() as uow:
            result = await export_document(uow, request, actor_account_id=None, actor="benchmark")
    traced = tracemalloc.get_traced_memory()[1] / 2**20 if trace else None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    await database.dispose()
    return {
        "rows": result.rows,
        "seconds": timing.wall,
        "cpu_seconds": timing.cpu,
        "bytes": len(result.data),
        "rss_before_mb": before,
        "rss_peak_mb": peak,
        "tracemalloc_peak_mb": traced,
    }


def current_rss_mb() -> float:
    """Resident memory now (Linux /proc); the peak so far elsewhere."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def export_in_child(
    url: str, schema: str | None, start: date, end: date, trace: bool, key: str
) -> dict[str, Any]:
    command = [
        sys.executable,
        __file__,
        "--measure-export",
        "--url",
        url,
        "--from",
        start.isoformat(),
        "--to",
        end.isoformat(),
    ]
    if schema:
        command += ["--schema", schema]
    if trace:
        command.append("--tracemalloc")
    done = subprocess.run(
        command, env={**os.environ, KEY_VARIABLE: key}, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the run ------------------------------------------------------------------------------


async def prepare(postgres: str | None, folder: Path) -> tuple[Database, str, str | None]:
    """A migrated, empty database with the regions: a SQLite file, or a fresh schema."""
    if postgres is None:
        url = f"sqlite+aiosqlite:///{folder / 'scale.db'}"
        schema = None
    else:
        url, schema = postgres, f"kbscale_{secrets.token_hex(4)}"
        admin = create_async_engine(url, poolclass=NullPool)
        async with admin.begin() as conn:
            await conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        await admin.dispose()
    database = Database(url, schema=schema)
    await migrate.upgrade(database)
    factory = UnitOfWorkFactory(database.sessionmaker, NikVault(NikVault.generate_key()))
    async with factory() as uow:
        await uow.regions.seed(*load_wilayah())
        await uow.commit()
    return database, url, schema


async def drop_schema(url: str, schema: str) -> None:
    admin = create_async_engine(url, poolclass=NullPool)
    async with admin.begin() as conn:
        await conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    await admin.dispose()


async def server_version(database: Database) -> str:
    if database.is_sqlite:
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version} (file, WAL)"
    async with database.engine.connect() as conn:
        version = str(await conn.scalar(text("SHOW server_version")))
    return f"PostgreSQL {version.split()[0]}"


def verdict(ok: bool) -> str:
    return "OK" if ok else "MISSED"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def machine_line(version: str) -> str:
    import openpyxl

    try:
        import lxml  # noqa: F401

        xml = "with lxml"
    except ImportError:
        xml = "without lxml"
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"machine: {os.cpu_count()} CPUs, load average {load}; Python "
        f"{platform.python_version()}; {version}; openpyxl {openpyxl.__version__} ({xml})"
    )


def statistics_line(participations: int, what: str, runs: list[Timing]) -> str:
    wall = sorted(t.wall for t in runs)
    cpu = statistics.median(t.cpu for t in runs)
    return (
        f"statistics, whole city, at {participations:,} participations ({what}, "
        f"{len(runs)} runs): median {ms(statistics.median(wall))} (process CPU {ms(cpu)}), "
        f"max {ms(wall[-1])}; target <= 200 ms: {verdict(wall[-1] <= 0.2)}"
    )


def lookup_line(timings: list[Timing]) -> str:
    p50, p99 = quantiles(timings, "wall")
    cpu50, cpu99 = quantiles(timings, "cpu")
    return (
        f"coverage lookup by NIK (persons.find_by_nik + participations.of_persons), "
        f"{len(timings):,} random NIKs: p50 {ms(p50)}, p99 {ms(p99)} (process CPU p50 "
        f"{ms(cpu50)}, p99 {ms(cpu99)}); target p99 <= 5 ms: {verdict(p99 <= 0.005)}"
    )


def export_line(start: date, end: date, timed: dict[str, Any], traced: dict[str, Any]) -> str:
    ok = timed["seconds"] <= 15 and timed["rss_peak_mb"] <= 200
    return (
        f"XLSX export (the dialog's path: whole city, full NIKs, in memory), "
        f"{start:%d/%m/%Y}-{end:%d/%m/%Y}: {timed['rows']:,} rows, "
        f"{timed['bytes'] / 2**20:.1f} MB file, {timed['seconds']:.1f} s (process CPU "
        f"{timed['cpu_seconds']:.1f} s); peak RSS of the process {timed['rss_peak_mb']:.0f} MB "
        f"({timed['rss_before_mb']:.0f} MB before the export), tracemalloc peak "
        f"{traced['tracemalloc_peak_mb']:.0f} MB; target <= 15 s, <= 200 MB: {verdict(ok)}"
    )


async def fill(filler: CityFiller, factory: UnitOfWorkFactory) -> int:
    """Everything, with the statistics measured when half the worker lists are in."""
    steps: list[str] = []
    total = 0.0

    async def step(name: str, action: Any) -> Any:
        nonlocal total
        started = time.perf_counter()
        done = await action()
        spent = time.perf_counter() - started
        total += spent
        steps.append(f"{name} {spent:.1f} s")
        return done

    await step("RTs", filler.places)
    await step("persons (AES-GCM + HMAC)", filler.persons)
    await step("activities", filler.activities)
    half = await step("first half of the worker lists", lambda: filler.participations(0))
    await step("ANALYZE", filler.analyze)
    print(statistics_line(half, *await time_statistics(factory)), flush=True)
    rest = await step("second half", lambda: filler.participations(1))
    await step("ANALYZE", filler.analyze)
    print(f"fill: {total:.1f} s in all ({'; '.join(steps)})", flush=True)
    return half + rest


async def run(options: argparse.Namespace) -> None:
    size = Size.for_participations(options.participations)
    folder = Path(tempfile.mkdtemp(prefix="kb-scale-"))
    database, url, schema = await prepare(options.postgres, folder)
    key = NikVault.generate_key()
    vault = NikVault(key)
    factory = UnitOfWorkFactory(database.sessionmaker, vault, serialize=database.is_sqlite)
    try:
        print("Kampung Bahagia scale benchmark")
        print(machine_line(await server_version(database)))
        print(
            f"size: {size.rts:,} RTs in 68 kelurahan, {size.activities:,} activities, "
            f"{size.persons:,} persons, {size.participations:,} participations",
            flush=True,
        )
        participations = await fill(CityFiller(database, vault, size), factory)
        print(statistics_line(participations, *await time_statistics(factory)), flush=True)
        print(lookup_line(await time_lookups(factory, size, options.lookups)), flush=True)
        start, end, _ = await export_period(database, min(options.export_rows, participations))
        timed = export_in_child(url, schema, start, end, False, key)
        traced = export_in_child(url, schema, start, end, True, key)
        print(export_line(start, end, timed, traced))
        print(machine_line(await server_version(database)).replace("machine:", "at the end:"))
    finally:
        await database.dispose()
        if schema is not None:
            await drop_schema(url, schema)
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    cli = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    cli.add_argument("--participations", type=int, default=Size.participations)
    cli.add_argument("--postgres", metavar="URL", help="postgresql+asyncpg://… (default: SQLite)")
    cli.add_argument("--lookups", type=int, default=2_000)
    cli.add_argument("--export-rows", type=int, default=100_000)
    # The export measured in a fresh process (internal).
    cli.add_argument("--measure-export", action="store_true", help=argparse.SUPPRESS)
    cli.add_argument("--url", help=argparse.SUPPRESS)
    cli.add_argument("--schema", help=argparse.SUPPRESS)
    cli.add_argument("--from", dest="start", type=date.fromisoformat, help=argparse.SUPPRESS)
    cli.add_argument("--to", dest="end", type=date.fromisoformat, help=argparse.SUPPRESS)
    cli.add_argument("--tracemalloc", action="store_true", help=argparse.SUPPRESS)
    options = cli.parse_args()
    if options.measure_export:
        figures = asyncio.run(
            measure_export(
                options.url, options.schema, options.start, options.end, options.tracemalloc
            )
        )
        print(json.dumps(figures))
        return
    asyncio.run(run(options))


if __name__ == "__main__":
    main()

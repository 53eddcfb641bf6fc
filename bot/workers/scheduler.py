"""The scheduler: every round it works out from the database what is due now and queues
it in the outbox (bot/jobs/*). Nothing is kept in memory between rounds that decides what
is sent — a restart misses nothing — and every message carries an outbox dedup key, so
however often a round runs (or several processes run it) nothing is queued twice. With
several workers only the leader runs rounds (`Leader`, a PostgreSQL advisory lock with
failover), every `workers.scheduler_interval_seconds`.

Timing (times of day in program.timezone, WIB by default):
- every round: incident reminders (24 h, 40 h, 47 h, then daily from the deadline until
  marked reported to BPJS, then weekly until closed: bot/workers/jobs/incidents.py) and
  immediate new-activity alerts;
- daily at 07:00: the new-activity digest (the previous day's), the daily summary, the
  "starts tomorrow with nobody covered" and "coverage ends tomorrow" notices;
- about hourly: housekeeping and retention (bot/workers/jobs/retention.py; the only things
  timed from memory: after a restart they simply run at once, which is harmless).

Catch-up: a daily job is due from 07:00 until its window closes — 12 hours for the digest
and the summary (yesterday's news read in the evening is stale; 19:00 and later they are
skipped), until midnight for the "tomorrow" notices (still useful the evening before).
A job started at 09:00 after a restart therefore still sends once; a day missed entirely
(the bot was down from before 07:00 until after the window) is skipped, not sent late.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.config import Settings
from bot.core.log_redaction import log_failure
from bot.core.ports import Texts, UnitOfWorkFactory
from bot.domain.dates import local_midnight, today_wib, using_zone
from bot.workers.jobs.activities import new_activity_alerts, new_activity_digest
from bot.workers.jobs.base import Run
from bot.workers.jobs.housekeeping import housekeeping
from bot.workers.jobs.incidents import incident_reminders
from bot.workers.jobs.retention import retention
from bot.workers.jobs.summary import daily_summary
from bot.workers.jobs.tomorrow import coverage_ending, starting_without_cover
from bot.workers.leader import AlwaysLeading, Leader

log = logging.getLogger(__name__)

DAILY_AT = time(7, 0)
HOUSEKEEPING_EVERY = timedelta(hours=1)
Job = Callable[[Run], Awaitable[None]]
DailyJob = Callable[[Run, date], Awaitable[None]]


@dataclass(frozen=True)
class Daily:
    name: str
    job: DailyJob
    # How long after 07:00 a missed run still sends.
    window: timedelta


DAILY: tuple[Daily, ...] = (
    Daily("digest", new_activity_digest, timedelta(hours=12)),
    Daily("summary", daily_summary, timedelta(hours=12)),
    Daily("starting_without_cover", starting_without_cover, timedelta(hours=17)),
    Daily("coverage_ending", coverage_ending, timedelta(hours=17)),
)
EVERY_ROUND: tuple[tuple[str, Job], ...] = (
    ("incident_reminders", incident_reminders),
    ("new_activity_alerts", new_activity_alerts),
)


def due_day(now: datetime, window: timedelta) -> date | None:
    """The local day (program.timezone) whose 07:00 run is due at `now`, or None outside
    the window."""
    day = today_wib(now)
    midnight = local_midnight(day)
    slot = datetime.combine(day, DAILY_AT, tzinfo=midnight.tzinfo)
    return day if slot <= now < slot + window else None


class Scheduler:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Callable[[], datetime],
        settings: Settings,
        texts: Texts,
        leader: Leader | None = None,
    ) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._settings = settings
        self._texts = texts
        self._leader = leader or AlwaysLeading()
        self._housekept_at: datetime | None = None

    async def run_once(self) -> int:
        """Queue what is due now; returns how many messages were queued. Each job runs in
        its own transaction: one that fails is logged and retried next round, and does
        not hold back the others. Days and times are in the configured program zone."""
        with using_zone(self._settings.program.timezone):
            return await self._round()

    async def _round(self) -> int:
        now = self._clock()
        jobs: list[tuple[str, Job]] = list(EVERY_ROUND)
        for daily in DAILY:
            day = due_day(now, daily.window)
            if day is not None:
                jobs.append((daily.name, _on(daily.job, day)))
        last = self._housekept_at
        if last is None or not last <= now < last + HOUSEKEEPING_EVERY:
            jobs.append(("housekeeping", housekeeping))
            # The retention settings (UU 27/2022), in their own transaction.
            jobs.append(("retention", _quiet(retention)))
        queued = 0
        for name, job in jobs:
            done = await self._run(name, job, now)
            if done is None:
                continue
            queued += done
            if name == "housekeeping":
                self._housekept_at = now
        return queued

    async def _run(self, name: str, job: Job, now: datetime) -> int | None:
        try:
            async with self._uow_factory() as uow:
                run = Run(uow, now, self._texts, self._settings)
                await job(run)
                await uow.commit()
        except Exception as exc:
            log_failure(log, exc, "scheduled job %s failed", name)  # NIK-masked traceback
            return None
        if run.queued:
            log.info("scheduled job %s queued %d messages", name, run.queued)
        return run.queued

    async def run(self, stop: asyncio.Event) -> None:
        """While this worker leads, run a round every `workers.scheduler_interval_seconds`
        until `stop` is set; give up the lead at the end."""
        interval = self._settings.workers.scheduler_interval_seconds
        try:
            while not stop.is_set():
                try:
                    if await self._leader.leading():
                        await self.run_once()
                except Exception:  # never let a bug end the loop
                    log.exception("scheduler round failed")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), interval)
        finally:
            await self._leader.close()


def _on(job: DailyJob, day: date) -> Job:
    async def for_day(run: Run) -> None:
        await job(run, day)

    return for_day


def _quiet(job: Callable[[Run], Awaitable[object]]) -> Job:
    """A job whose result is only logged (retention returns its counts for tests)."""

    async def run_it(run: Run) -> None:
        await job(run)

    return run_it

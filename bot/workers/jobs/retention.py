"""Retention (UU 27/2022): the settings `retention.*` enforced, about hourly with
housekeeping (bot/workers/scheduler.py). Each run:
- anonymises the persons whose approved erasure request's keeping period is over;
- anonymises the persons none of whose activities ended, and to whom no accident
  happened, in `person_inactive_days` (deletes them when nothing refers to them);
- deletes conversations idle for `conversation_idle_days`;
- drops the content of outbox messages sent `outbox_sent_days` ago;
- drops the details of audit events older than `audit_detail_days` (the rows stay).
What anonymising replaces is described in storage/repositories/retention.py. The log
line has counts only, never a name, NIK or phone. Running again finds nothing new."""

from __future__ import annotations

import logging
from dataclasses import dataclass, fields
from datetime import timedelta

from bot.domain.dates import today_wib
from bot.workers.jobs.base import Run

log = logging.getLogger(__name__)


@dataclass
class Counts:
    erased_anonymised: int = 0
    inactive_anonymised: int = 0
    inactive_deleted: int = 0
    conversations_deleted: int = 0
    outbox_payloads_dropped: int = 0
    audit_details_dropped: int = 0

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def line(self) -> str:
        return ", ".join(f"{f.name}={getattr(self, f.name)}" for f in fields(self))


async def retention(run: Run) -> Counts:
    """Apply the retention settings once; returns (and logs) what was done."""
    settings, repo, now = run.settings.retention, run.uow.retention, run.now
    today = today_wib(now)
    counts = Counts()
    for request in await run.uow.erasures.due(today):
        if request.person_id is not None and await repo.anonymise(request.person_id, now):
            counts.erased_anonymised += 1
    inactive = timedelta(days=settings.person_inactive_days)
    for person_id in await repo.inactive_persons(today - inactive, now - inactive):
        if await repo.delete_unreferenced(person_id):
            counts.inactive_deleted += 1
        elif await repo.anonymise(person_id, now):
            counts.inactive_anonymised += 1
    idle = now - timedelta(days=settings.conversation_idle_days)
    counts.conversations_deleted = await repo.delete_idle_conversations(idle)
    sent = now - timedelta(days=settings.outbox_sent_days)
    counts.outbox_payloads_dropped = await repo.drop_sent_payloads(sent, now)
    audited = now - timedelta(days=settings.audit_detail_days)
    counts.audit_details_dropped = await repo.drop_audit_details(audited)
    if counts.any():
        log.info("retention: %s", counts.line())
    return counts

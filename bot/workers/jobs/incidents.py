"""Reminders about accidents not yet reported to BPJS (DOMAIN.md §4): to every official in
scope (accident alerts cannot be switched off) at 24 h and 40 h after the accident, and a
warning once the 2×24 hours have passed — while the incident is still open.

Only the latest stage due is sent: a scheduler that was down from hour 23 to hour 41
sends the 40-hour reminder, not both. A stage that had already passed when the accident
was reported is skipped (the first alert told the time left). The deadline warning is
sent up to `OVERDUE_WARNING_WINDOW` late (an outage); older open incidents stay on the
Insiden list and in the daily summary instead of flooding officials after a first start.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.core import ports
from bot.core.messages import Notification, Reply
from bot.domain.dates import format_datetime
from bot.domain.incident import report_deadline
from bot.workers.jobs.base import Run, place_of
from bot.workers.jobs.countdown import time_left
from bot.workers.jobs.recipients import Officials

KIND = "accident_reminder"
STAGES: tuple[tuple[str, timedelta], ...] = (
    ("reminder24", timedelta(hours=24)),
    ("reminder40", timedelta(hours=40)),
    ("overdue", timedelta(hours=48)),
)
OVERDUE_WARNING_WINDOW = timedelta(days=7)


def due_stage(occurred_at: datetime, reported_at: datetime, now: datetime) -> str | None:
    """The reminder stage due now for an open incident, or None."""
    for index, (name, after) in enumerate(STAGES):
        at = occurred_at + after
        if index + 1 < len(STAGES):
            until = occurred_at + STAGES[index + 1][1]
        else:
            until = at + OVERDUE_WARNING_WINDOW
        if at <= now < until:
            return name if reported_at < at else None
    return None


async def incident_reminders(run: Run) -> None:
    first, last = STAGES[0][1], STAGES[-1][1]
    rows = await run.uow.incidents.open_occurred_between(
        run.now - last - OVERDUE_WARNING_WINDOW, run.now - first
    )
    due = [(i, rt, s) for i, rt in rows if (s := due_stage(i.occurred_at, i.reported_at, run.now))]
    if not due:
        return
    officials = await Officials.load(run.uow)
    pending = [
        (incident, rt, stage, o.account, f"incident:{incident.id}:{stage}:{o.account.id}")
        for incident, rt, stage in due
        for o in officials.for_place(rt.kelurahan_code if rt is not None else None)
    ]
    done = await run.already(key for *_, key in pending)
    for incident, rt, stage, account, key in pending:
        if key not in done:
            await run.send(account, await _reminder(run, account, incident, rt, stage, key))


async def _reminder(
    run: Run,
    account: ports.Account,
    incident: ports.Incident,
    rt: ports.Rt | None,
    stage: str,
    key: str,
) -> Notification:
    deadline = report_deadline(incident.occurred_at)
    place = await place_of(run, account, rt)
    when = format_datetime(deadline)
    facts = {
        "reference": incident.reference,
        "place": place,
        "victim": incident.victim_name or run.text(account, "accident_nik_unknown"),
        "severity": run.text(account, f"accident_severity_{incident.severity}"),
        "deadline": when,
        "left": time_left(run.translator(account), deadline, run.now),
    }
    if stage == "overdue":
        text = run.text(account, "alert_incident_overdue", **facts)
        template = "accident_deadline_passed"
        params: tuple[str, ...] = (incident.reference, place, when)
    else:
        text = run.text(account, "alert_incident_reminder", **facts)
        template, params = "accident_reminder", (incident.reference, place, when, facts["left"])
    return Notification(
        account_id=account.id,
        reply=Reply(text, urgent=True),
        kind=KIND,
        template=template,
        template_params=params,
        dedup_key=key,
    )

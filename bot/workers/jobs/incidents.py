"""Reminders about accidents until the officials are done with them (DOMAIN.md §4), to
every official in scope (accident alerts cannot be switched off):

- not yet marked reported to BPJS (status open): at 24 h, 40 h and 47 h after the
  accident, then — the 2×24 hours have run out — at 48 h and once a day after that
  (72 h, 96 h, …), each saying plainly that the deadline passed and that the employer now
  owes the benefits itself;
- marked reported but not closed with its outcome (stage II): once a week after the
  mark (7 days, 14 days, …), asking to close it with BPJS's decision.

Each stage goes once per official: its outbox dedup key names the incident, the stage and
the account, so a restart neither repeats nor (the next round) misses it. Only the latest
stage due is sent: a scheduler that was down from hour 23 to hour 41 sends the 40-hour
reminder, not both. A stage that had already passed when the accident was reported (or
when it was marked reported) is skipped: that message itself told the state. Nothing is
sent once the incident is closed.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.core import ports
from bot.core.messages import Notification, Reply
from bot.domain.dates import format_datetime
from bot.domain.incident import REPORT_WINDOW, report_deadline
from bot.workers.jobs.base import Run, place_of
from bot.workers.jobs.countdown import time_left
from bot.workers.jobs.recipients import Officials

KIND = "accident_reminder"
FOLLOW_UP_KIND = "incident_follow_up"
# Before the deadline; then daily from the deadline on (see `open_stage`).
BEFORE_DEADLINE: tuple[tuple[str, timedelta], ...] = (
    ("reminder24", timedelta(hours=24)),
    ("reminder40", timedelta(hours=40)),
    ("reminder47", timedelta(hours=47)),
)
OVERDUE_EVERY = timedelta(days=1)
FOLLOW_UP_EVERY = timedelta(weeks=1)
# Earlier than any accident the bot can hold: "every open incident" for the range query.
_EVER = datetime(2000, 1, 1, tzinfo=UTC)


def open_stage(occurred_at: datetime, now: datetime) -> tuple[str, datetime] | None:
    """The latest reminder stage of a not-yet-reported incident that has begun by `now`:
    its name (the dedup key's part) and when it began; None before 24 hours."""
    deadline = occurred_at + REPORT_WINDOW
    if now >= deadline:
        days = (now - deadline) // OVERDUE_EVERY
        # "overdue" is the deadline itself (the name older rounds used), then one a day.
        name = "overdue" if days == 0 else f"overdue{48 + 24 * days}"
        return name, deadline + days * OVERDUE_EVERY
    found = None
    for name, after in BEFORE_DEADLINE:
        if occurred_at + after <= now:
            found = (name, occurred_at + after)
    return found


def follow_up_stage(marked_at: datetime, now: datetime) -> tuple[str, datetime] | None:
    """The latest weekly stage-II reminder of a reported, unclosed incident, or None."""
    weeks = (now - marked_at) // FOLLOW_UP_EVERY
    if weeks < 1:
        return None
    return f"followup{weeks}w", marked_at + weeks * FOLLOW_UP_EVERY


def due_stage(occurred_at: datetime, reported_at: datetime, now: datetime) -> str | None:
    """The reminder stage due now for an open incident, or None (also when it began
    before the accident was reported)."""
    stage = open_stage(occurred_at, now)
    if stage is None or stage[1] <= reported_at:
        return None
    return stage[0]


async def incident_reminders(run: Run) -> None:
    first = BEFORE_DEADLINE[0][1]
    due: list[tuple[ports.Incident, ports.Rt | None, str]] = []
    for incident, rt in await run.uow.incidents.open_occurred_between(_EVER, run.now - first):
        if stage := due_stage(incident.occurred_at, incident.reported_at, run.now):
            due.append((incident, rt, stage))
    for incident, rt in await run.uow.incidents.reported_before(run.now - FOLLOW_UP_EVERY):
        marked = incident.bpjs_reported_at
        if marked is not None and (follow := follow_up_stage(marked, run.now)):
            due.append((incident, rt, follow[0]))
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
    template: str | None
    params: tuple[str, ...] = ()
    kind = KIND
    if stage.startswith("followup"):
        marked = incident.bpjs_reported_at or run.now
        text = run.text(
            account,
            "alert_incident_follow_up",
            **facts,
            marked=format_datetime(marked),
            number=incident.bpjs_report_number or "-",
        )
        kind, template = FOLLOW_UP_KIND, None
    elif stage.startswith("overdue"):
        text = run.text(account, "alert_incident_overdue", **facts)
        if stage != "overdue":  # a daily reminder after the deadline
            text = run.text(account, "alert_incident_still_overdue", **facts)
        template = "accident_deadline_passed"
        params = (incident.reference, place, when)
    else:
        text = run.text(account, "alert_incident_reminder", **facts)
        template, params = "accident_reminder", (incident.reference, place, when, facts["left"])
    return Notification(
        account_id=account.id,
        reply=Reply(text, urgent=kind == KIND),
        kind=kind,
        template=template,
        template_params=params,
        dedup_key=key,
    )

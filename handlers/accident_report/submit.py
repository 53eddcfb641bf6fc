"""The report as a whole: whether the victim was covered at that moment, the summary card,
and sending it — saved under a reference number, audited, every official in scope
alerted at once through the outbox, the reporter told the deadline and what comes next."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from bot.activities.lifecycle import participation_window
from bot.alerts.accident import (
    AccidentFacts,
    accident_alert,
    coverage_words,
    officials_in_scope,
)
from bot.core.dialog import Context
from bot.core.markup import Text
from bot.domain.coverage import start_of_day
from bot.domain.dates import format_datetime, today_wib
from bot.domain.incident import is_overdue, report_deadline, victim_unverified
from bot.domain.vocabulary import OFFICIAL_ROLES, IncidentStatus
from handlers.accident_report import flow
from handlers.common.audit import audit
from handlers.common.lookup_limit import free_again_at

REPORTED = "incident_reported"
REPORT_LIMITED = "incident_report_limited"


@dataclass(frozen=True)
class Coverage:
    covered: bool
    activity_id: int | None
    # Listed, but covered only from this moment, after the accident.
    covered_from: datetime | None = None


async def coverage_at(ctx: Context, occurred_at: datetime) -> Coverage:
    """Covered when one of the victim's worker-list rows covered that moment: in the chosen
    activity, or (a resident's report, no activity named) in any activity of theirs."""
    activity_id = flow.optional_int(ctx.data.get(flow.ACTIVITY))
    person_id = flow.optional_int(ctx.data.get(flow.PERSON))
    if person_id is None or (activity_id is None and flow.is_chair_report(ctx)):
        return Coverage(False, activity_id)
    rows = await ctx.services.uow.incidents.worker_list_rows(person_id, activity_id)
    not_yet: Coverage | None = None
    for participation, activity in rows:
        window = participation_window(activity, participation)
        if window is not None and window.covers(occurred_at):
            return Coverage(True, activity.id)
        if window is not None and start_of_day(activity.start_date) <= occurred_at < window.starts:
            # During the activity's dates, but before its registration was confirmed.
            not_yet = Coverage(False, activity.id, covered_from=window.starts)
    return not_yet or Coverage(False, activity_id)


@dataclass(frozen=True)
class Where:
    rt: Any | None
    rt_label: str
    kelurahan: Any | None
    kecamatan: Any | None


async def where_of(ctx: Context, rt_id: int | None) -> Where:
    uow = ctx.services.uow
    rt = await uow.rts.get(rt_id) if rt_id is not None else None
    if rt is None:
        return Where(None, "", None, None)
    kelurahan = await uow.regions.get_kelurahan(rt.kelurahan_code)
    kecamatan = await uow.regions.get_kecamatan(kelurahan.kecamatan_code) if kelurahan else None
    return Where(rt, f"RT {rt.number:02d}", kelurahan, kecamatan)


async def _activity_label(ctx: Context, activity_id: int | None) -> str:
    activity = await ctx.services.uow.activities.get(activity_id) if activity_id else None
    if activity is None:
        return ""
    return f"{activity.title} ({activity.number})" if activity.number else activity.title


async def _masked_nik(ctx: Context) -> str:
    person_id = flow.optional_int(ctx.data.get(flow.PERSON))
    person = await ctx.services.uow.persons.get(person_id) if person_id else None
    return person.nik_masked if person is not None else ""


@dataclass(frozen=True)
class Resolved:
    occurred_at: datetime
    coverage: Coverage
    where: Where


async def resolve(ctx: Context) -> Resolved:
    """When, whether covered, and where: a resident who named no RT gets the RT of the
    activity that covered the victim."""
    occurred_at = datetime.fromisoformat(ctx.data[flow.OCCURRED])
    coverage = await coverage_at(ctx, occurred_at)
    where = await where_of(ctx, flow.optional_int(ctx.data.get(flow.RT)))
    if where.rt is None and coverage.activity_id is not None:
        activity = await ctx.services.uow.activities.get(coverage.activity_id)
        where = await where_of(ctx, activity.rt_id if activity else None)
    return Resolved(occurred_at, coverage, where)


async def facts(ctx: Context, resolved: Resolved) -> AccidentFacts:
    """Everything the summary and the alert show, read from the conversation's data."""
    where = resolved.where
    victim = str(ctx.data.get(flow.VICTIM, ""))
    person_id = flow.optional_int(ctx.data.get(flow.PERSON))
    person = await ctx.services.uow.persons.get(person_id) if person_id else None
    return AccidentFacts(
        incident_id=0,
        reference="",
        rt=where.rt_label,
        kelurahan=where.kelurahan.name if where.kelurahan else "",
        kecamatan=where.kecamatan.name if where.kecamatan else "",
        activity=await _activity_label(ctx, resolved.coverage.activity_id),
        victim_name=victim,
        victim_reported_as=victim_unverified(victim, person.name if person else None),
        victim_nik_masked=await _masked_nik(ctx),
        occurred_at=resolved.occurred_at,
        place=str(ctx.data.get(flow.PLACE, "")),
        description=str(ctx.data.get(flow.DESCRIPTION, "")),
        severity=str(ctx.data.get(flow.SEVERITY, "")),
        covered=resolved.coverage.covered,
        covered_from=resolved.coverage.covered_from,
        reporter_name=str(ctx.data.get(flow.REPORTER, "")),
        reporter_phone=str(ctx.data.get(flow.REPORTER_PHONE, "")),
        deadline=report_deadline(resolved.occurred_at),
    )


async def may_reveal_coverage(ctx: Context) -> bool:
    """Whether the reporter may learn if (and where) the victim was covered: a Ketua RT
    reporting on their own RT, or a resident reporting about themselves (their verified
    phone is the victim's). Anyone else could probe a NIK with a report they never send;
    officials see everything in the alert."""
    if flow.is_chair_report(ctx):
        return True
    person_id = flow.optional_int(ctx.data.get(flow.PERSON))
    person = await ctx.services.uow.persons.get(person_id) if person_id else None
    return bool(person and ctx.caller.phone and person.phone == ctx.caller.phone)


def summary_text(ctx: Context, card: AccidentFacts, reveal: bool) -> str:
    place = ", ".join(p for p in (card.rt, card.kelurahan, card.kecamatan) if p)
    if not reveal:
        card = replace(card, activity=ctx.t("accident_checked_by_officials"))
        place = ", ".join(p for p in (card.rt, card.kelurahan, card.kecamatan) if p)
    return ctx.t(
        "accident_summary",
        activity=card.activity or ctx.t("accident_no_activity"),
        rt=place or ctx.t("accident_rt_unknown"),
        victim=card.victim_name,
        nik=card.victim_nik_masked or ctx.t("accident_nik_unknown"),
        when=format_datetime(card.occurred_at),
        place=card.place,
        what=card.description,
        severity=ctx.t(f"accident_severity_{card.severity}"),
        covered=(
            coverage_words(ctx.texts, ctx.caller.language, card)
            if reveal
            else ctx.t("accident_checked_by_officials")
        ),
        reporter=card.reporter_name,
        phone=card.reporter_phone,
    )


async def limit_refusal(ctx: Context) -> str | None:
    """Why this report is not sent (audited), or None. Residents and unknown chats send
    at most `program.accident_reports_per_hour` (a flood of false reports would bury the
    real ones under urgent alerts); a Ketua RT reporting on his RT and officials are not
    limited: one accident may have many victims."""
    if flow.is_chair_report(ctx) or ctx.caller.has(*OFFICIAL_ROLES):
        return None
    limit = int(ctx.services.settings.program.accident_reports_per_hour)
    if await free_again_at(ctx, REPORTED, limit) is None:
        return None
    await audit(ctx, REPORT_LIMITED)
    text = ctx.t("accident_limited", limit=limit)
    helpdesk = ctx.services.settings.program.helpdesk.strip()
    if helpdesk:
        text = Text(f"{text}\n{ctx.t('helpdesk_line', contact=helpdesk)}")
    return text


async def send_report(ctx: Context) -> None:
    """Save the report, alert the officials and tell the reporter what comes next."""
    uow = ctx.services.uow
    resolved = await resolve(ctx)
    card = await facts(ctx, resolved)
    rt = resolved.where.rt
    person_id = flow.optional_int(ctx.data.get(flow.PERSON))
    incident = await uow.incidents.report(
        today_wib(ctx.now),
        activity_id=resolved.coverage.activity_id,
        person_id=person_id,
        rt_id=rt.id if rt is not None else None,
        victim_name=card.victim_name,
        occurred_at=card.occurred_at,
        place=card.place,
        description=card.description,
        severity=card.severity,
        covered=card.covered,
        reporter_account_id=ctx.caller.account_id,
        reporter_name=card.reporter_name,
        reporter_phone=card.reporter_phone,
        reported_at=ctx.now,
        status=IncidentStatus.OPEN,
    )
    await flow.forget_created_person(ctx, keep=person_id)
    await uow.audit.record(
        REPORTED,
        actor_account_id=ctx.caller.account_id,
        actor=ctx.caller.name,
        subject_person_id=person_id,
        at=ctx.now,  # the service's clock: the hourly limit counts these
        detail={
            "incident_id": incident.id,
            "reference": incident.reference,
            "covered": card.covered,
            "severity": card.severity,
        },
    )
    card = replace(card, incident_id=incident.id, reference=incident.reference)
    officials = await officials_in_scope(uow, rt.kelurahan_code if rt is not None else None)
    # The reporter, if an official, already has the confirmation.
    alerted = [o for o in officials if o.id != ctx.caller.account_id]
    for official in alerted:
        ctx.notify(accident_alert(ctx.texts, official, card))
    ctx.say(_confirmation(ctx, card, len(alerted), await may_reveal_coverage(ctx)))


def _confirmation(ctx: Context, card: AccidentFacts, alerted: int, reveal: bool) -> str:
    deadline = format_datetime(card.deadline)
    if is_overdue(card.occurred_at, ctx.now):
        due = ctx.t("accident_deadline_passed", deadline=deadline)
    else:
        due = ctx.t("accident_deadline", deadline=deadline)
    told = ctx.t("accident_alerted", count=alerted) if alerted else ctx.t("accident_alerted_none")
    parts = [ctx.t("accident_saved", reference=card.reference), due, ctx.t("accident_not_formal")]
    if reveal and card.covered_from is not None:
        starts = format_datetime(card.covered_from)
        parts.append(ctx.t("accident_saved_not_yet_covered", start=starts))
    elif reveal and not card.covered:
        parts.append(ctx.t("accident_saved_not_covered"))
    parts += [told, ctx.t("accident_keep")]
    return "\n\n".join(parts)

"""What an official does with one incident from Insiden: mark it reported to BPJS with
the BPJS report number (or without one, when the receipt has none yet), or close it with
its outcome (stage II: claim paid, rejected, no claim needed, … — IncidentOutcome) and a
note. Both ask for a confirmation, then change the incident conditionally — one another
official handled meanwhile is refused, nothing changed — and are audited; the reporter
and the victim (when a chat is verified for the victim's phone) are told through the
outbox, once each. Also the look-ups the Insiden steps share: the incident in the
caller's scope (checked in SQL on every step) and how its state reads.

After the mark the scheduler reminds the officials weekly until the incident is closed
(bot/workers/jobs/incidents.py).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

from bot.core.dialog import Answer, Context, Go, Outcome, Start, Stay
from bot.core.messages import Choice, Notification, Reply
from bot.domain.dates import format_datetime
from bot.domain.incident import report_deadline
from bot.domain.scope import Scope
from bot.domain.vocabulary import IncidentOutcome, IncidentStatus
from bot.reports.statistics import normalised
from bot.workers.jobs.countdown import time_left
from handlers.common.access import official_scope
from handlers.petugas.incidents import NAME

INCIDENT, PAGE, NUMBER, REASON = "incident_id", "page", "bpjs_number", "close_reason"
OUTCOME = "close_outcome"
YES, EDIT, NO_NUMBER, NO_NOTE = "yes", "edit", "no_number", "no_note"
OPEN, REPORTED = IncidentStatus.OPEN, IncidentStatus.REPORTED
# Kept in the conversation for "marked without a number" (a typed number never is "-").
WITHOUT_NUMBER = "-"
# How a report can end: after the formal report (stage II, BPJS's decision), or before it.
OUTCOMES_REPORTED = (
    IncidentOutcome.CLAIM_PAID,
    IncidentOutcome.CLAIM_REJECTED,
    IncidentOutcome.NO_CLAIM,
    IncidentOutcome.OTHER,
)
OUTCOMES_OPEN = (
    IncidentOutcome.NOT_WORK,
    IncidentOutcome.DUPLICATE,
    IncidentOutcome.NO_CLAIM,
    IncidentOutcome.OTHER,
)
# A BPJS report number as typed: letters, digits and / . - (at least one digit).
_BPJS_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/.\- ]{2,39}$")
_REASON_MIN_LETTERS = 3
REASON_MAX = 300
HELP = "help_incidents"


def scope_args(ctx: Context) -> tuple[list[str], list[str], bool]:
    scope: Scope = normalised(official_scope(ctx))
    return sorted(scope.kecamatan), sorted(scope.kelurahan), scope.city


def choice(ctx: Context, choice_id: str) -> Choice:
    return Choice(choice_id, ctx.t(f"inc_choice_{choice_id}"))


async def current(ctx: Context) -> Any | None:
    """The incident of this conversation if it still exists and lies in scope."""
    try:
        incident_id = int(ctx.data.get(INCIDENT, ""))
    except (TypeError, ValueError):
        return None
    uow = ctx.services.uow
    if not await uow.incidents.in_scope(incident_id, *scope_args(ctx)):
        return None
    return await uow.incidents.get(incident_id)


async def current_with_reference(ctx: Context) -> tuple[Any | None, str]:
    """The incident (see `current`) and its reference as a prompt shows it ("-" if gone)."""
    incident = await current(ctx)
    return incident, incident.reference if incident is not None else "-"


def state_text(ctx: Context, incident: Any) -> str:
    """ "⏰ sisa 13 jam 20 menit", "✅ dilaporkan ke BPJS, no. …" or "ditutup"."""
    if incident.status == OPEN:
        left = time_left(ctx.t, report_deadline(incident.occurred_at), ctx.now)
        return ctx.t("inc_state_open", left=left)
    if incident.status == REPORTED:
        return ctx.t("inc_state_reported", number=incident.bpjs_report_number or "-")
    if incident.outcome:
        return ctx.t("inc_state_closed_with", outcome=ctx.t(f"inc_outcome_{incident.outcome}"))
    return ctx.t("inc_state_closed")


# --- mark as reported to BPJS -----------------------------------------------------------


async def ask_number(ctx: Context) -> Reply:
    _, reference = await current_with_reference(ctx)
    return Reply(ctx.t("inc_ask_number", reference=reference), choices=(choice(ctx, NO_NUMBER),))


async def handle_number(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is not None and answer.choice.id == NO_NUMBER:
        ctx.data[NUMBER] = WITHOUT_NUMBER
        return Go("report_confirm")
    number = " ".join(answer.text.split())
    if not _BPJS_NUMBER.fullmatch(number) or not any(ch.isdigit() for ch in number):
        return Stay(ctx.t("inc_number_invalid"))
    ctx.data[NUMBER] = number
    return Go("report_confirm")


async def ask_report_confirm(ctx: Context) -> Reply:
    _, reference = await current_with_reference(ctx)
    number = ctx.data.get(NUMBER, WITHOUT_NUMBER)
    if number == WITHOUT_NUMBER:
        text = ctx.t("inc_confirm_report_no_number", reference=reference)
    else:
        text = ctx.t("inc_confirm_report", reference=reference, number=number)
    return Reply(text, choices=(choice(ctx, YES), choice(ctx, EDIT)))


async def handle_report_confirm(ctx: Context, answer: Answer) -> Outcome:
    if answer.picked == EDIT:
        return Go("report_number")
    return await settle(ctx, NUMBER, mark_reported)


async def mark_reported(ctx: Context, incident: Any, kept: str) -> bool:
    """Reported to BPJS under the kept number (or none); False when another official
    handled it first."""
    number = "" if kept == WITHOUT_NUMBER else kept
    uow = ctx.services.uow
    if not await uow.incidents.mark_reported(incident, number, ctx.now):
        return False
    await uow.audit.record(
        "incident_marked_reported",
        actor_account_id=ctx.caller.account_id,
        actor=ctx.caller.name,
        subject_person_id=incident.person_id,
        detail={"incident_id": incident.id, "reference": incident.reference, "number": number},
    )
    await tell_people(ctx, incident, "reported")
    if number:
        ctx.say(ctx.t("inc_reported_done", reference=incident.reference, number=number))
    else:
        ctx.say(ctx.t("inc_reported_done_no_number", reference=incident.reference))
    return True


async def told_accounts(ctx: Context, incident: Any) -> list[Any]:
    """Who hears how the report goes on: the account that reported it and every chat
    verified for the victim's phone — each once, never the official acting."""
    uow = ctx.services.uow
    found: dict[int, Any] = {}
    if incident.reporter_account_id is not None:
        reporter = await uow.accounts.get(incident.reporter_account_id)
        if reporter is not None:
            found[reporter.id] = reporter
    person = await uow.persons.get(incident.person_id) if incident.person_id else None
    if person is not None and person.phone:
        for account in await uow.accounts.by_phone(person.phone):
            found.setdefault(account.id, account)
    return [
        a
        for _, a in sorted(found.items())
        if a.id != ctx.caller.account_id and not getattr(a, "opted_out", False)
    ]


async def tell_people(ctx: Context, incident: Any, stage: str) -> None:
    """The reporter and the victim hear that the formal report was filed ("reported") or
    that the report was closed with its outcome ("closed"), in their own language."""
    number = incident.bpjs_report_number or ""
    for account in await told_accounts(ctx, incident):
        t = partial(ctx.texts.text, account.language or "id")
        facts = {"reference": incident.reference, "victim": incident.victim_name or "-"}
        if stage == "reported":
            when = format_datetime(incident.bpjs_reported_at or ctx.now)
            if number:
                text = t("inc_reporter_notice", **facts, when=when, number=number)
            else:
                text = t("inc_reporter_notice_no_number", **facts, when=when)
            kind, template = "incident_reported", "incident_reported"
            params: tuple[str, ...] = (incident.reference, number or "-")
        else:
            outcome = t(f"inc_outcome_{incident.outcome or IncidentOutcome.OTHER}")
            text = t(
                "inc_closed_notice",
                **facts,
                when=format_datetime(incident.closed_at or ctx.now),
                outcome=outcome,
            )
            if incident.outcome_note:
                text += "\n" + t("inc_closed_notice_note", note=incident.outcome_note)
            kind, template, params = "incident_closed", None, ()
        ctx.notify(
            Notification(
                account_id=account.id,
                reply=Reply(text),
                kind=kind,
                template=template,
                template_params=params,
                dedup_key=f"incident:{incident.id}:{stage}:{account.id}",
            )
        )


# --- close ------------------------------------------------------------------------------


def outcomes(incident: Any | None) -> tuple[IncidentOutcome, ...]:
    """The outcomes an official can pick: BPJS's decision once the report was filed."""
    if incident is not None and incident.status == REPORTED:
        return OUTCOMES_REPORTED
    return OUTCOMES_OPEN


def outcome_label(ctx: Context, outcome: object) -> str:
    return ctx.t(f"inc_outcome_{outcome}")


async def ask_reason(ctx: Context) -> Reply:
    incident, reference = await current_with_reference(ctx)
    choices = tuple(Choice(str(o), outcome_label(ctx, o)) for o in outcomes(incident))
    key = "inc_ask_outcome" if incident is not None and incident.status == REPORTED else None
    return Reply(ctx.t(key or "inc_ask_reason", reference=reference), choices=choices)


async def handle_reason(ctx: Context, answer: Answer) -> Outcome:
    """The outcome picked (then a note is asked), or typed words: "other" with them as
    the note. A button of an earlier version of this question counts as "other" with its
    label as the note."""
    if answer.choice is not None:
        picked = answer.choice.id
        if picked in set(IncidentOutcome):
            ctx.data[OUTCOME] = picked
            ctx.data.pop(REASON, None)
            return Go("close_note")
        ctx.data[OUTCOME] = IncidentOutcome.OTHER
        ctx.data[REASON] = answer.choice.title
        return Go("close_confirm")
    note = valid_note(answer.text)
    if note is None:
        return Stay(ctx.t("inc_reason_invalid", limit=REASON_MAX))
    ctx.data[OUTCOME] = IncidentOutcome.OTHER
    ctx.data[REASON] = note
    return Go("close_confirm")


def valid_note(text: str) -> str | None:
    note = " ".join(text.split())
    letters = sum(ch.isalpha() for ch in note)
    if letters < _REASON_MIN_LETTERS or len(note) > REASON_MAX:
        return None
    return note


async def ask_note(ctx: Context) -> Reply:
    _, reference = await current_with_reference(ctx)
    outcome = ctx.data.get(OUTCOME, IncidentOutcome.OTHER)
    text = ctx.t("inc_ask_note", reference=reference, outcome=outcome_label(ctx, outcome))
    if outcome == IncidentOutcome.OTHER:
        return Reply(ctx.t("inc_ask_note_required", reference=reference))
    return Reply(text, choices=(choice(ctx, NO_NOTE),))


async def handle_note(ctx: Context, answer: Answer) -> Outcome:
    outcome = ctx.data.get(OUTCOME, IncidentOutcome.OTHER)
    if answer.choice is not None and answer.choice.id == NO_NOTE:
        if outcome == IncidentOutcome.OTHER:
            return Stay(ctx.t("inc_reason_invalid", limit=REASON_MAX))
        ctx.data[REASON] = ""
        return Go("close_confirm")
    note = valid_note(answer.text)
    if note is None:
        return Stay(ctx.t("inc_reason_invalid", limit=REASON_MAX))
    ctx.data[REASON] = note
    return Go("close_confirm")


async def ask_close_confirm(ctx: Context) -> Reply:
    incident, reference = await current_with_reference(ctx)
    outcome = outcome_label(ctx, ctx.data.get(OUTCOME, IncidentOutcome.OTHER))
    text = ctx.t("inc_confirm_close", reference=reference, outcome=outcome)
    if ctx.data.get(REASON):
        text += "\n" + ctx.t("inc_confirm_close_note", note=ctx.data[REASON])
    text += "\n" + ctx.t("inc_confirm_close_effect")
    if incident is not None and incident.status == OPEN:
        text += "\n" + ctx.t("inc_close_unreported")
    return Reply(text, choices=(choice(ctx, "close_yes"), choice(ctx, "close_edit")))


async def handle_close_confirm(ctx: Context, answer: Answer) -> Outcome:
    if answer.picked == "close_edit":
        return Go("close_reason")
    if ctx.data.get(REASON) and not ctx.data.get(OUTCOME):
        # A confirmation asked before outcomes existed: its reason is the note.
        ctx.data[OUTCOME] = IncidentOutcome.OTHER
    return await settle(ctx, OUTCOME, close)


async def close(ctx: Context, incident: Any, outcome: str) -> bool:
    """Closed with `outcome` and the kept note; False when another official handled it
    first."""
    uow = ctx.services.uow
    was = incident.status
    note = str(ctx.data.get(REASON, ""))
    if not await uow.incidents.close(incident, ctx.now, outcome, note):
        return False
    await uow.audit.record(
        "incident_closed",
        actor_account_id=ctx.caller.account_id,
        actor=ctx.caller.name,
        subject_person_id=incident.person_id,
        detail={
            "incident_id": incident.id,
            "reference": incident.reference,
            "outcome": outcome,
            "reason": note,
            "was": was,
        },
    )
    await tell_people(ctx, incident, "closed")
    ctx.say(ctx.t("inc_closed_done", reference=incident.reference))
    return True


async def confirmed_answer(ctx: Context, key: str) -> tuple[Any, str] | None:
    """The incident and the answer kept under `key` (the report number, the reason) when
    the official confirms; None, after saying so, when the incident is gone from their
    scope or the answer from the conversation."""
    incident = await current(ctx)
    kept = str(ctx.data.get(key, ""))
    if incident is None or not kept:
        ctx.say(ctx.t("inc_gone"))
        return None
    return incident, kept


async def settle(
    ctx: Context, key: str, act: Callable[[Context, Any, str], Awaitable[bool]]
) -> Outcome:
    """Do what the official confirmed with the answer kept under `key`, then show a fresh
    list. When another official reported or closed the incident since the question,
    nothing is changed and the official is told its state."""
    confirmed = await confirmed_answer(ctx, key)
    if confirmed is not None and not await act(ctx, *confirmed):
        ctx.say(ctx.t("inc_action_gone", state=state_text(ctx, confirmed[0])))
    return restart(ctx)


def restart(ctx: Context) -> Outcome:
    """Back to a fresh list (on the same page): `kembali` must not lead into a finished
    confirmation."""
    return Start(NAME, {PAGE: ctx.data.get(PAGE, 0)})

"""What an official does with one incident from Insiden: mark it reported to BPJS with
the BPJS report number (the reporter is told through the outbox), or close it with a
reason (kept in the audit log). Both ask for a confirmation, then change the incident
conditionally — one another official handled meanwhile is refused, nothing changed — and
are audited. Also the look-ups the Insiden steps share: the incident in the caller's
scope (checked in SQL on every step) and how its state reads.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from bot.core.dialog import Answer, Context, Go, Outcome, Start, Stay
from bot.core.messages import Choice, Notification, Reply
from bot.domain.dates import format_datetime
from bot.domain.incident import report_deadline
from bot.domain.scope import Scope
from bot.domain.vocabulary import IncidentStatus
from bot.reports.statistics import normalised
from bot.workers.jobs.countdown import time_left
from handlers.common.access import official_scope
from handlers.petugas.incidents import NAME

INCIDENT, PAGE, NUMBER, REASON = "incident_id", "page", "bpjs_number", "close_reason"
YES, EDIT = "yes", "edit"
OPEN, REPORTED = IncidentStatus.OPEN, IncidentStatus.REPORTED
REASONS = ("handled", "not_work", "duplicate")
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
    return ctx.t("inc_state_closed")


# --- mark as reported to BPJS -----------------------------------------------------------


async def ask_number(ctx: Context) -> Reply:
    _, reference = await current_with_reference(ctx)
    return Reply(ctx.t("inc_ask_number", reference=reference))


async def handle_number(ctx: Context, answer: Answer) -> Outcome:
    number = " ".join(answer.text.split())
    if not _BPJS_NUMBER.fullmatch(number) or not any(ch.isdigit() for ch in number):
        return Stay(ctx.t("inc_number_invalid"))
    ctx.data[NUMBER] = number
    return Go("report_confirm")


async def ask_report_confirm(ctx: Context) -> Reply:
    _, reference = await current_with_reference(ctx)
    text = ctx.t("inc_confirm_report", reference=reference, number=ctx.data.get(NUMBER, "-"))
    return Reply(text, choices=(choice(ctx, YES), choice(ctx, EDIT)))


async def handle_report_confirm(ctx: Context, answer: Answer) -> Outcome:
    if answer.picked == EDIT:
        return Go("report_number")
    return await settle(ctx, NUMBER, mark_reported)


async def mark_reported(ctx: Context, incident: Any, number: str) -> bool:
    """Reported to BPJS under `number`; False when another official handled it first."""
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
    await tell_reporter(ctx, incident)
    ctx.say(ctx.t("inc_reported_done", reference=incident.reference, number=number))
    return True


async def tell_reporter(ctx: Context, incident: Any) -> None:
    """The person who reported the accident hears that the formal report was filed."""
    reporter_id = incident.reporter_account_id
    if reporter_id is None or reporter_id == ctx.caller.account_id:
        return
    reporter = await ctx.services.uow.accounts.get(reporter_id)
    if reporter is None:
        return
    when = format_datetime(incident.bpjs_reported_at or ctx.now)
    number = incident.bpjs_report_number or "-"
    text = ctx.texts.text(
        reporter.language or "id",
        "inc_reporter_notice",
        reference=incident.reference,
        victim=incident.victim_name or "-",
        when=when,
        number=number,
    )
    ctx.notify(
        Notification(
            account_id=reporter.id,
            reply=Reply(text),
            kind="incident_reported",
            template="incident_reported",
            template_params=(incident.reference, number),
            dedup_key=f"incident:{incident.id}:reported:{reporter.id}",
        )
    )


# --- close ------------------------------------------------------------------------------


async def ask_reason(ctx: Context) -> Reply:
    _, reference = await current_with_reference(ctx)
    choices = tuple(Choice(r, ctx.t(f"inc_reason_{r}")) for r in REASONS)
    return Reply(ctx.t("inc_ask_reason", reference=reference), choices=choices)


async def handle_reason(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is not None:
        reason = ctx.t(f"inc_reason_{answer.choice.id}")
    else:
        reason = " ".join(answer.text.split())
        letters = sum(ch.isalpha() for ch in reason)
        if letters < _REASON_MIN_LETTERS or len(reason) > REASON_MAX:
            return Stay(ctx.t("inc_reason_invalid", limit=REASON_MAX))
    ctx.data[REASON] = reason
    return Go("close_confirm")


async def ask_close_confirm(ctx: Context) -> Reply:
    incident, reference = await current_with_reference(ctx)
    text = ctx.t("inc_confirm_close", reference=reference, reason=ctx.data.get(REASON, "-"))
    if incident is not None and incident.status == OPEN:
        text += "\n" + ctx.t("inc_close_unreported")
    return Reply(text, choices=(choice(ctx, "close_yes"), choice(ctx, "close_edit")))


async def handle_close_confirm(ctx: Context, answer: Answer) -> Outcome:
    if answer.picked == "close_edit":
        return Go("close_reason")
    return await settle(ctx, REASON, close)


async def close(ctx: Context, incident: Any, reason: str) -> bool:
    """Closed for `reason`; False when another official handled it first."""
    uow = ctx.services.uow
    was = incident.status
    if not await uow.incidents.close(incident, ctx.now):
        return False
    await uow.audit.record(
        "incident_closed",
        actor_account_id=ctx.caller.account_id,
        actor=ctx.caller.name,
        subject_person_id=incident.person_id,
        detail={
            "incident_id": incident.id,
            "reference": incident.reference,
            "reason": reason,
            "was": was,
        },
    )
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

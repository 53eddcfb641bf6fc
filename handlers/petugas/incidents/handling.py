"""What an official does with one incident from Insiden: mark it reported to BPJS with
the BPJS report number (the reporter is told through the outbox), or close it with a
reason (kept in the audit log). Both ask for a confirmation, then change the incident
conditionally — one another official handled meanwhile is refused, nothing changed — and
are audited. Also the look-ups the Insiden steps share: the incident in the caller's
scope (checked in SQL on every step) and how its state reads.
"""

from __future__ import annotations

import re
from typing import Any

from bot.core.dialog import Answer, Context, Go, Outcome, Start, Stay, Step
from bot.core.messages import Choice, Notification, Reply
from bot.domain.dates import format_datetime
from bot.domain.incident import report_deadline
from bot.domain.scope import Scope
from bot.reports.statistics import normalised
from bot.workers.jobs.countdown import time_left
from handlers.common.access import official_scope

NAME = "official_incidents"
INCIDENT, PAGE, NUMBER, REASON = "incident_id", "page", "bpjs_number", "close_reason"
YES, EDIT = "yes", "edit"
OPEN, REPORTED = "open", "reported"
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
    incident = await current(ctx)
    reference = incident.reference if incident is not None else "-"
    return Reply(ctx.t("inc_ask_number", reference=reference))


async def handle_number(ctx: Context, answer: Answer) -> Outcome:
    number = " ".join(answer.text.split())
    if not _BPJS_NUMBER.fullmatch(number) or not any(ch.isdigit() for ch in number):
        return Stay(ctx.t("inc_number_invalid"))
    ctx.data[NUMBER] = number
    return Go("report_confirm")


async def ask_report_confirm(ctx: Context) -> Reply:
    incident = await current(ctx)
    reference = incident.reference if incident is not None else "-"
    text = ctx.t("inc_confirm_report", reference=reference, number=ctx.data.get(NUMBER, "-"))
    return Reply(text, choices=(choice(ctx, YES), choice(ctx, EDIT)))


async def handle_report_confirm(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is None:
        return Stay(ctx.t("pick_one"))
    if answer.choice.id == EDIT:
        return Go("report_number")
    incident = await current(ctx)
    number = str(ctx.data.get(NUMBER, ""))
    if incident is None or not number:
        ctx.say(ctx.t("inc_gone"))
        return restart(ctx)
    uow = ctx.services.uow
    if not await uow.incidents.mark_reported(incident, number, ctx.now):
        ctx.say(ctx.t("inc_action_gone", state=state_text(ctx, incident)))
        return restart(ctx)
    await uow.audit.record(
        "incident_marked_reported",
        actor_account_id=ctx.caller.account_id,
        actor=ctx.caller.name,
        subject_person_id=incident.person_id,
        detail={"incident_id": incident.id, "reference": incident.reference, "number": number},
    )
    await tell_reporter(ctx, incident)
    ctx.say(ctx.t("inc_reported_done", reference=incident.reference, number=number))
    return restart(ctx)


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
    incident = await current(ctx)
    reference = incident.reference if incident is not None else "-"
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
    incident = await current(ctx)
    reference = incident.reference if incident is not None else "-"
    text = ctx.t("inc_confirm_close", reference=reference, reason=ctx.data.get(REASON, "-"))
    if incident is not None and incident.status == OPEN:
        text += "\n" + ctx.t("inc_close_unreported")
    return Reply(text, choices=(choice(ctx, "close_yes"), choice(ctx, "close_edit")))


async def handle_close_confirm(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is None:
        return Stay(ctx.t("pick_one"))
    if answer.choice.id == "close_edit":
        return Go("close_reason")
    incident = await current(ctx)
    reason = str(ctx.data.get(REASON, ""))
    if incident is None or not reason:
        ctx.say(ctx.t("inc_gone"))
        return restart(ctx)
    uow = ctx.services.uow
    was = incident.status
    if not await uow.incidents.close(incident, ctx.now):
        ctx.say(ctx.t("inc_action_gone", state=state_text(ctx, incident)))
        return restart(ctx)
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
    return restart(ctx)


def restart(ctx: Context) -> Outcome:
    """Back to a fresh list (on the same page): `kembali` must not lead into a finished
    confirmation."""
    return Start(NAME, {PAGE: ctx.data.get(PAGE, 0)})


STEPS = {
    "report_number": Step(ask=ask_number, handle=handle_number, max_length=100, help=HELP),
    "report_confirm": Step(ask=ask_report_confirm, handle=handle_report_confirm, help=HELP),
    "close_reason": Step(ask=ask_reason, handle=handle_reason, max_length=REASON_MAX, help=HELP),
    "close_confirm": Step(ask=ask_close_confirm, handle=handle_close_confirm, help=HELP),
}

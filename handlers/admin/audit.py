"""Log audit: the latest events of the audit trail, a page at a time, optionally only
those about one person (found by NIK, which is never echoed: the subject shows as the
masked NIK) or those of one official (by phone number or name). Each line: time (WIB),
who, what, whose data."""

from __future__ import annotations

from typing import Any

from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.markup import Text
from bot.core.messages import Choice, Reply
from bot.domain.dates import to_wib, today_wib
from bot.domain.nik import NikError, parse_nik
from bot.domain.phone import PhoneError, normalise_phone
from handlers.admin.common import (
    BACK,
    back_choice,
    masked,
    page_choices,
    to_menu,
    turn_page,
)
from handlers.common.audit import audit
from handlers.common.people import nik_problem

LOG, BY_NIK, BY_OFFICIAL = "audit_log", "audit_by_nik", "audit_by_official"
PAGE, PERSON, ACTORS, LABEL = "audit_page", "audit_person", "audit_actors", "audit_label"
CLEAR = "clear"
PAGE_SIZE = 15
FORGET = (PAGE, PERSON, ACTORS, LABEL)
# Readable names of the actions the bot records (the admin texts hold the words); an
# action missing here shows as recorded, so a new one is never hidden.
ACTIONS = {
    "admin_added": "admin_action_admin_added",
    "official_added": "admin_action_official_added",
    "official_removed": "admin_action_official_removed",
    "invite_created": "admin_action_invite_created",
    "invite_redeemed": "admin_action_invite_redeemed",
    "invite_failed": "admin_action_invite_failed",
    "budget_set": "admin_action_budget_set",
    "rt_import": "admin_action_rt_import",
    "rt_chair_changed_by_import": "admin_action_rt_chair_changed_by_import",
    "broadcast": "admin_action_broadcast",
    "audit_search": "admin_action_audit_search",
    "nik_lookup": "admin_action_nik_lookup",
    "coverage_confirmed": "admin_action_coverage_confirmed",
    "incident_reported": "admin_action_incident_reported",
    "incident_report_limited": "admin_action_incident_report_limited",
    "incident_marked_reported": "admin_action_incident_marked_reported",
    "incident_closed": "admin_action_incident_closed",
    "alert_preferences_changed": "admin_action_alert_preferences_changed",
    "export": "admin_action_export",
    "nik_revealed": "admin_action_nik_revealed",
    "coverage_lookup_nik": "admin_action_coverage_lookup_nik",
    "coverage_lookup_phone": "admin_action_coverage_lookup_phone",
    "coverage_lookup_limited": "admin_action_coverage_lookup_limited",
    "own_data_viewed": "admin_action_own_data_viewed",
    "correction_requested": "admin_action_correction_requested",
    "chair_nik_lookup": "admin_action_chair_nik_lookup",
    "chair_nik_lookup_limited": "admin_action_chair_nik_lookup_limited",
    "participant_name_unmatched": "admin_action_participant_name_unmatched",
    "participant_phone_change_requested": "admin_action_participant_phone_change_requested",
    "participant_phone_set": "admin_action_participant_phone_set",
    "correction_approved": "admin_action_correction_approved",
    "correction_rejected": "admin_action_correction_rejected",
    "own_data_downloaded": "admin_action_own_data_downloaded",
    "erasure_requested": "admin_action_erasure_requested",
    "erasure_approved": "admin_action_erasure_approved",
    "erasure_refused": "admin_action_erasure_refused",
    "activity_cancelled": "admin_action_activity_cancelled",
    "activity_postponed": "admin_action_activity_postponed",
    "activity_end_shortened": "admin_action_activity_end_shortened",
    "activity_end_extended": "admin_action_activity_end_extended",
    "activity_value_changed": "admin_action_activity_value_changed",
    "activity_role_changed": "admin_action_activity_role_changed",
}


def start(ctx: Context) -> Go:
    for key in FORGET:
        ctx.data.pop(key, None)
    return Go(LOG)


async def ask_log(ctx: Context) -> Reply:
    uow = ctx.services.uow
    page = int(ctx.data.get(PAGE, 0))
    actors = ctx.data.get(ACTORS)
    events = await uow.audit.page(
        offset=page * PAGE_SIZE,
        limit=PAGE_SIZE + 1,
        actor_account_ids=list(actors) if actors is not None else None,
        subject_person_id=ctx.data.get(PERSON),
    )
    more = len(events) > PAGE_SIZE
    lines = [await event_line(ctx, event) for event in events[:PAGE_SIZE]]
    label = ctx.data.get(LABEL)
    heading = ctx.t("admin_audit_filtered", who=label) if label else ctx.t("admin_audit_all")
    text = ctx.t(
        "admin_audit_page",
        heading=heading,
        page=page + 1,
        lines=Text.joined("\n", lines) or ctx.t("admin_audit_empty"),
    )
    choices = page_choices(ctx, page, more)
    choices += [
        Choice(BY_NIK, ctx.t("admin_audit_by_nik")),
        Choice(BY_OFFICIAL, ctx.t("admin_audit_by_official")),
    ]
    if label:
        choices.append(Choice(CLEAR, ctx.t("admin_audit_clear")))
    return Reply(text, choices=(*choices, back_choice(ctx)))


async def event_line(ctx: Context, event: Any) -> str:
    uow = ctx.services.uow
    who = event.actor or ctx.t("admin_audit_system")
    if event.actor_account_id is not None:
        account = await uow.accounts.get(event.actor_account_id)
        if account is not None:
            who = event.actor or account.name or "-"
            who += f" ({masked(account.phone)})" if account.phone else ""
    subject = "-"
    if event.subject_person_id is not None:
        person = await uow.persons.get(event.subject_person_id)
        subject = person.nik_masked if person is not None else "-"
    key = ACTIONS.get(event.action)
    return ctx.t(
        "admin_audit_line",
        at=f"{to_wib(event.at):%d/%m/%Y %H.%M}",
        who=who,
        action=ctx.t(key) if key else event.action,
        subject=subject,
    )


async def handle_log(ctx: Context, answer: Answer) -> Outcome:
    picked = answer.picked
    if picked == CLEAR:
        return start(ctx)
    if picked == BACK:
        return to_menu(ctx, *FORGET)
    return turn_page(ctx, PAGE, picked, LOG) or Go(picked)


async def ask_by_nik(ctx: Context) -> Reply:
    return Reply(ctx.t("admin_audit_ask_nik"), choices=(back_choice(ctx, "admin_audit_back"),))


async def handle_by_nik(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is not None:
        return Go(LOG)
    try:
        nik = parse_nik(answer.text, today_wib(ctx.now))
    except NikError as error:
        return Stay(nik_problem(ctx, error.reason))
    person = await ctx.services.uow.persons.find_by_nik(nik.value)
    if person is None:
        return Stay(ctx.t("admin_audit_no_person", nik=nik.masked()))
    # Whose trail an admin read is itself worth knowing.
    await audit(ctx, "audit_search", subject_person_id=person.id)
    _filter(ctx, person=person.id, label=person.nik_masked)
    return Go(LOG)


async def ask_by_official(ctx: Context) -> Reply:
    return Reply(ctx.t("admin_audit_ask_official"), choices=(back_choice(ctx, "admin_audit_back"),))


async def handle_by_official(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is not None:
        return Go(LOG)
    uow = ctx.services.uow
    try:
        phone = normalise_phone(answer.text)
        label = masked(phone)
    except PhoneError:
        wanted = answer.text.casefold().strip()
        named = {
            r.phone: r.name
            for r in await uow.roles.officials()
            if r.phone and wanted and wanted in r.name.casefold()
        }
        if len(named) > 1:
            return Stay(ctx.t("admin_audit_official_many"))
        if not named:
            return Stay(ctx.t("admin_audit_official_unknown"))
        phone, name = next(iter(named.items()))
        label = f"{name} ({masked(phone)})"
    accounts = await uow.accounts.by_phone(phone)
    if not accounts:
        return Stay(ctx.t("admin_audit_official_no_chat", phone=masked(phone)))
    _filter(ctx, actors=[a.id for a in accounts], label=label)
    return Go(LOG)


def _filter(
    ctx: Context, *, person: int | None = None, actors: list[int] | None = None, label: str
) -> None:
    ctx.data.update({PAGE: 0, PERSON: person, ACTORS: actors, LABEL: label})

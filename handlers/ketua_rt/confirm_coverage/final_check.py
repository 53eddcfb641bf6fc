"""The final check of a draft activity, and confirming its coverage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.activities import lifecycle as coverage
from bot.core import ports, privacy
from bot.core.dialog import Answer, Context, End, Go, Outcome, Stay
from bot.core.messages import Choice, Notification, Reply
from bot.domain.dates import format_date, today_wib
from bot.domain.money import format_rupiah
from bot.domain.vocabulary import ActivityStatus
from handlers.common.access import own_activity
from handlers.common.activity_views import (
    coverage_period,
    dates_text,
    premium_text,
    rt_line,
    surat_tugas_reply,
    value_text,
)
from handlers.common.amounts import premium_basis, premium_of, rounding
from handlers.ketua_rt.confirm_coverage import ACTIVITY
from handlers.ketua_rt.participants import start_participants

CONFIRM, TODAY, PARTICIPANTS, MENU = "confirm", "today", "participants", "menu"
NOT_FOUND, NOT_DRAFT, NO_PEOPLE, START_PAST, OVER_BUDGET = (
    "not_found",
    "not_draft",
    "no_people",
    "start_past",
    "over_budget",
)


@dataclass
class Check:
    """Where the activity stands; `problem` is None when it can be confirmed."""

    activity: ports.Activity | None
    problem: str | None
    people: Sequence[ports.Participation] = ()


async def check(ctx: Context) -> Check:
    activity = await own_activity(ctx, ctx.data.get(ACTIVITY))
    if activity is None:
        return Check(None, NOT_FOUND)
    if activity.status != ActivityStatus.DRAFT:
        return Check(activity, NOT_DRAFT)
    uow = ctx.services.uow
    people = await uow.participations.for_activity(activity.id)
    if not people:
        return Check(activity, NO_PEOPLE)
    if activity.start_date < today_wib(ctx.now):
        return Check(activity, START_PAST, people)
    program = ctx.services.settings.program
    use = await coverage.budget_use(
        uow, activity.rt_id, activity.year, program.default_rt_budget, activity.id
    )
    if activity.value > use.remaining:
        return Check(activity, OVER_BUDGET, people)
    return Check(activity, None, people)


def choice(ctx: Context, choice_id: str) -> Choice:
    return Choice(choice_id, ctx.t(f"conf_choice_{choice_id}"))


async def ask_final(ctx: Context) -> Reply:
    state = await check(ctx)
    activity = state.activity
    if activity is None:
        return Reply(ctx.t("conf_not_found"), choices=(choice(ctx, MENU),))
    if state.problem == NOT_DRAFT:
        text = ctx.t("conf_not_draft", title=activity.title, number=activity.number or "-")
        return Reply(text, choices=(choice(ctx, MENU),))
    if state.problem == NO_PEOPLE:
        text = ctx.t("conf_no_people", title=activity.title)
        return Reply(text, choices=(choice(ctx, PARTICIPANTS), choice(ctx, MENU)))
    if state.problem == START_PAST:
        text = ctx.t(
            "conf_start_past",
            start=format_date(activity.start_date),
            today=format_date(today_wib(ctx.now)),
        )
        return Reply(text, choices=(choice(ctx, TODAY), choice(ctx, PARTICIPANTS)))
    if state.problem == OVER_BUDGET:
        text = ctx.t("conf_over_budget", value=format_rupiah(activity.value))
        return Reply(text, choices=(choice(ctx, PARTICIPANTS), choice(ctx, MENU)))
    text = ctx.t(
        "conf_final",
        title=activity.title,
        rt=await rt_line(ctx, activity.rt_id),
        dates=dates_text(ctx, activity.start_date, activity.end_date),
        people=len(state.people),
        value=value_text(ctx, activity.value, activity.value_includes_ppn),
        premium=premium_text(ctx, premium_of(ctx, activity.value, activity.value_includes_ppn)),
    )
    return Reply(text, choices=(choice(ctx, CONFIRM), choice(ctx, PARTICIPANTS)))


async def handle_final(ctx: Context, answer: Answer) -> Outcome:
    state = await check(ctx)
    wanted = answer.picked
    if wanted == MENU or state.activity is None:
        return End()
    if wanted == PARTICIPANTS:
        return start_participants(state.activity.id)
    if wanted == TODAY:
        if state.problem == START_PAST:
            program = ctx.services.settings.program
            coverage.move_start_to(state.activity, today_wib(ctx.now), program.max_activity_days)
            coverage.set_premium(
                state.activity, state.activity.value, rounding(ctx), premium_basis(ctx)
            )
            dates = dates_text(ctx, state.activity.start_date, state.activity.end_date)
            ctx.say(ctx.t("conf_moved", dates=dates))
        return Go("final")
    if state.problem is not None:
        return Stay(ctx.t("conf_cannot_yet"))
    await confirm(ctx, state.activity, state.people)
    return End()


async def confirm(
    ctx: Context, activity: ports.Activity, people: Sequence[ports.Participation]
) -> None:
    uow = ctx.services.uow
    # Premium from the current value and rounding setting, whatever the draft stored.
    coverage.set_premium(activity, activity.value, rounding(ctx), premium_basis(ctx))
    await coverage.confirm(uow, activity, ctx.now)
    rt = await rt_line(ctx, activity.rt_id)
    period = coverage_period(ctx, activity.start_date, activity.end_date, activity.confirmed_at)
    ctx.say(
        ctx.t(
            "conf_done",
            number=activity.number,
            title=activity.title,
            rt=rt,
            period=period,
            people=len(people),
            value=value_text(ctx, activity.value, activity.value_includes_ppn),
            premium=premium_text(ctx, premium_of(ctx, activity.value, activity.value_includes_ppn)),
            letter=activity.surat_tugas_number,
        )
    )
    ctx.say(ctx.t("conf_benefits"))
    ctx.say(await surat_tugas_reply(ctx, activity))
    notified = await notify_participants(ctx, activity, people, rt, period)
    await uow.audit.record(
        "coverage_confirmed",
        actor_account_id=ctx.caller.account_id,
        detail={
            "activity_id": activity.id,
            "number": activity.number,
            "surat_tugas_number": activity.surat_tugas_number,
            "participants": len(people),
            "notified": notified,
            "value": activity.value,
            "premium_total": activity.premium_total,
        },
    )


async def notify_participants(
    ctx: Context,
    activity: ports.Activity,
    people: Sequence[ports.Participation],
    rt: str,
    period: str,
) -> int:
    """Tell each participant with an account (found by phone) that they are covered; one
    message per person, to the chat they used last. Returns how many were queued."""
    uow = ctx.services.uow
    queued = 0
    for participation in people:
        person = await uow.persons.get(participation.person_id)
        if person is None or not person.phone:
            continue
        accounts = [
            a for a in await uow.accounts.by_phone(person.phone) if a.id != ctx.caller.account_id
        ]
        if not accounts:
            continue
        account = max(accounts, key=lambda a: (a.last_inbound_at or a.created_at, a.id))
        values = {"name": person.name, "title": activity.title, "rt": rt, "period": period}
        text = ctx.texts.text(account.language, "coverage_notice", **values)
        text = await with_privacy_notice(ctx, text, person.id, account, activity.id)
        ctx.notify(
            Notification(
                account_id=account.id,
                reply=Reply(text),
                kind="coverage",
                template="coverage_notice",
                template_params=(person.name, activity.title, rt, period),
                dedup_key=f"coverage:{activity.id}:{person.id}",
            )
        )
        queued += 1
    return queued


async def with_privacy_notice(
    ctx: Context, text: str, person_id: int, account: ports.Account, activity_id: int
) -> str:
    """The coverage notice, followed by the privacy notice when this is the person's
    first one: a participant entered by a Ketua RT hears here what is held about them
    (UU 27/2022), and that it was sent is recorded (version, time of queueing). On
    WhatsApp outside the 24-hour window the channel sends the approved coverage template
    instead, which cannot carry the notice; that chat was shown the notice at its own
    first message (recorded as `shown_in_chat`)."""
    uow = ctx.services.uow
    # An opted-out account is sent nothing (the outbox drops it): nothing to record.
    if account.opted_out or await uow.consents.has(person_id, privacy.SENT_WITH_COVERAGE):
        return text
    await uow.consents.record(
        how=privacy.SENT_WITH_COVERAGE,
        notice_version=privacy.NOTICE_VERSION,
        at=ctx.now,
        person_id=person_id,
        account_id=account.id,
        activity_id=activity_id,
    )
    notice = ctx.texts.text(
        account.language, "privacy_notice", **privacy.notice_values(ctx.services.settings)
    )
    return f"{text}\n\n{notice}"

"""The day-before notices (07:00 WIB): activities starting tomorrow under which nobody
will be covered — a draft not yet confirmed, or a confirmed activity whose worker list is
empty — to the Ketua RT of that RT; the confirmed ones with an empty list also to
officials in scope who want to know (a draft is the chair's own work in progress, no
event for the city: officials hear of an activity when it is confirmed); and
coverage ending tomorrow, to the Ketua RT, who can extend it in "Kegiatan saya" when the
work goes on."""

from __future__ import annotations

from datetime import date, timedelta

from bot.core import ports
from bot.core.markup import Text
from bot.core.messages import Notification, Reply
from bot.domain.dates import format_date
from bot.domain.vocabulary import ActivityStatus
from bot.workers.jobs.base import Run, place_of
from bot.workers.jobs.recipients import Chairs, Officials

STARTING_KIND = "activity_starting_empty"
ENDING_KIND = "coverage_ending"
OFFICIAL_LINES = 25


def _wants_starting(preference: ports.AlertPreference) -> bool:
    return bool(preference.starting_without_participants)


def _problem(activity: ports.Activity) -> str:
    return "draft" if activity.status == ActivityStatus.DRAFT else "empty"


async def starting_without_cover(run: Run, day: date) -> None:
    tomorrow = day + timedelta(days=1)
    rows = await run.uow.preferences.starting_uncovered(tomorrow)
    if not rows:
        return
    chairs = await Chairs.load(run.uow)
    pending = [
        (activity, account, f"starting_empty:{activity.id}:{tomorrow.isoformat()}:{account.id}")
        for activity, rt, _ in rows
        for account in await chairs.accounts(run.uow, rt)
    ]
    confirmed = [row for row in rows if row[0].status != ActivityStatus.DRAFT]
    officials = (await Officials.load(run.uow)).all(_wants_starting) if confirmed else []
    lists = {
        o.account.id: f"starting_empty:{tomorrow.isoformat()}:{o.account.id}" for o in officials
    }
    done = await run.already([key for *_, key in pending] + list(lists.values()))
    for activity, account, key in pending:
        if key not in done:
            await run.send(account, _chair_notice(run, account, activity, tomorrow, key))
    for official in officials:
        key = lists[official.account.id]
        mine = [r for r in confirmed if official.covering(r[1].kelurahan_code, _wants_starting)]
        if mine and key not in done:
            note = await _official_list(run, official.account, mine, tomorrow, key)
            await run.send(official.account, note)


def _chair_notice(
    run: Run, account: ports.Account, activity: ports.Activity, tomorrow: date, key: str
) -> Notification:
    text = run.text(
        account,
        f"alert_starting_{_problem(activity)}_chair",
        title=activity.title,
        date=format_date(tomorrow),
    )
    return Notification(
        account_id=account.id,
        reply=Reply(text),
        kind=STARTING_KIND,
        template=f"activity_starting_{_problem(activity)}",
        template_params=(activity.title, format_date(tomorrow)),
        dedup_key=key,
    )


async def _official_list(
    run: Run,
    account: ports.Account,
    rows: list[tuple[ports.Activity, ports.Rt, int]],
    tomorrow: date,
    key: str,
) -> Notification:
    lines = []
    for activity, rt, _ in rows[:OFFICIAL_LINES]:
        problem = run.text(account, "alert_starting_empty_short")
        place = await place_of(run, account, rt)
        lines.append(
            run.text(
                account,
                "alert_starting_line",
                place=place,
                title=activity.title[:60],
                problem=problem,
            )
        )
    if len(rows) > OFFICIAL_LINES:
        lines.append(run.text(account, "alert_digest_more", count=len(rows) - OFFICIAL_LINES))
    text = run.text(
        account,
        "alert_starting_official",
        date=format_date(tomorrow),
        count=len(rows),
        lines=Text.joined("\n", lines),
    )
    return Notification(
        account_id=account.id,
        reply=Reply(text),
        kind=STARTING_KIND,
        template="activity_starting_empty_list",
        template_params=(format_date(tomorrow), str(len(rows))),
        dedup_key=key,
    )


async def coverage_ending(run: Run, day: date) -> None:
    tomorrow = day + timedelta(days=1)
    rows = await run.uow.preferences.ending_on(tomorrow)
    if not rows:
        return
    chairs = await Chairs.load(run.uow)
    pending = [
        (activity, account, f"coverage_ending:{activity.id}:{tomorrow.isoformat()}:{account.id}")
        for activity, rt in rows
        for account in await chairs.accounts(run.uow, rt)
    ]
    done = await run.already(key for *_, key in pending)
    for activity, account, key in pending:
        if key in done:
            continue
        values = (activity.title, activity.number or "-", format_date(tomorrow))
        text = run.text(
            account, "alert_coverage_ending", title=values[0], number=values[1], date=values[2]
        )
        note = Notification(
            account_id=account.id,
            reply=Reply(text),
            kind=ENDING_KIND,
            template="coverage_ending",
            template_params=values,
            dedup_key=key,
        )
        await run.send(account, note)

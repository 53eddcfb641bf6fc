"""New-activity alerts to officials, as each official chose per grant (Peringatan):
`immediate` — each newly confirmed activity in scope, in the next round after it was
confirmed; `digest` — once a day (07:00 WIB) the list of the previous WIB day's newly
confirmed activities in scope; `off` — nothing. Where an official's grants disagree about
a place, the most eager one wins (an immediate alert is never repeated in a digest).

Immediate alerts look back `IMMEDIATE_LOOKBACK`: after a restart everything confirmed
meanwhile still goes out (once, by key), but an official who switches to "immediate" is
not flooded with a day's worth of old news.
"""

from __future__ import annotations

from datetime import date, timedelta

from bot.core import ports
from bot.core.markup import Text
from bot.core.messages import Notification, Reply
from bot.domain.dates import format_date
from bot.domain.money import format_rupiah
from bot.workers.jobs.base import Run, place_of, start_of_day
from bot.workers.jobs.recipients import DIGEST, IMMEDIATE, Officials

KIND = "activity_new"
IMMEDIATE_LOOKBACK = timedelta(hours=12)
# A confirmation stamped by a worker whose clock runs slightly ahead still counts.
CLOCK_SLACK = timedelta(minutes=5)
# Lines in one digest message; the rest is counted ("…and 12 more").
DIGEST_LINES = 25


async def new_activity_alerts(run: Run) -> None:
    rows = await run.uow.preferences.confirmed_between(
        run.now - IMMEDIATE_LOOKBACK, run.now + CLOCK_SLACK
    )
    if not rows:
        return
    officials = await Officials.load(run.uow)
    pending = [
        (activity, rt, people, o.account, f"activity:{activity.id}:new:{o.account.id}")
        for activity, rt, people in rows
        for o in officials.for_place(rt.kelurahan_code)
        if o.new_activity_mode(rt.kelurahan_code) == IMMEDIATE
    ]
    done = await run.already(key for *_, key in pending)
    for activity, rt, people, account, key in pending:
        if key not in done:
            await run.send(account, await _alert(run, account, activity, rt, people, key))


async def _alert(
    run: Run,
    account: ports.Account,
    activity: ports.Activity,
    rt: ports.Rt,
    people: int,
    key: str,
) -> Notification:
    place = await place_of(run, account, rt)
    text = run.text(
        account,
        "alert_activity_new",
        number=activity.number or "-",
        title=activity.title,
        place=place,
        start=format_date(activity.start_date),
        end=format_date(activity.end_date),
        people=people,
        value=format_rupiah(activity.value),
        premium=format_rupiah(activity.premium_total),
    )
    params = (activity.number or "-", activity.title, place, format_date(activity.start_date))
    return Notification(
        account_id=account.id,
        reply=Reply(text),
        kind=KIND,
        template="activity_new",
        template_params=params,
        dedup_key=key,
    )


async def new_activity_digest(run: Run, day: date) -> None:
    """On `day`, the activities confirmed on the day before (WIB) to "digest" officials."""
    yesterday = day - timedelta(days=1)
    rows = await run.uow.preferences.confirmed_between(start_of_day(yesterday), start_of_day(day))
    if not rows:
        return
    officials = await Officials.load(run.uow)
    keys = {o.account.id: f"digest:{day.isoformat()}:{o.account.id}" for o in officials.all()}
    done = await run.already(keys.values())
    for official in officials.all():
        key = keys[official.account.id]
        if key in done:
            continue
        mine = [r for r in rows if official.new_activity_mode(r[1].kelurahan_code) == DIGEST]
        if mine:
            await run.send(
                official.account, await _digest(run, official.account, mine, yesterday, key)
            )


async def _digest(
    run: Run,
    account: ports.Account,
    rows: list[tuple[ports.Activity, ports.Rt, int]],
    day: date,
    key: str,
) -> Notification:
    lines = []
    for activity, rt, people in rows[:DIGEST_LINES]:
        line = run.text(
            account,
            "alert_digest_line",
            number=activity.number or "-",
            title=activity.title[:60],
            place=await place_of(run, account, rt),
            people=people,
        )
        lines.append(line)
    if len(rows) > DIGEST_LINES:
        lines.append(run.text(account, "alert_digest_more", count=len(rows) - DIGEST_LINES))
    text = run.text(
        account,
        "alert_digest",
        date=format_date(day),
        count=len(rows),
        lines=Text.joined("\n", lines),
    )
    return Notification(
        account_id=account.id,
        reply=Reply(text),
        kind=KIND,
        template="activity_digest",
        template_params=(format_date(day), str(len(rows))),
        dedup_key=key,
    )

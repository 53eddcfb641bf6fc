"""The daily summary (07:00 WIB) to officials who want it: a few numbers for their scope
(the union of the scopes of their grants that want it), from `bot.reports.statistics` — the same
figures as /ringkasan — plus how many open incidents are past their 2×24 hours. Officials
sharing a scope share one computation."""

from __future__ import annotations

from datetime import date

from bot.core import ports
from bot.core.messages import Notification, Reply
from bot.domain.dates import format_date
from bot.domain.incident import REPORT_WINDOW
from bot.domain.money import format_amount, format_rupiah
from bot.domain.scope import Scope
from bot.domain.vocabulary import ShownStatus
from bot.reports.statistics import Summary, build_summary, normalised
from bot.workers.jobs.base import Run
from bot.workers.jobs.recipients import Officials

KIND = "daily_summary"


def _wants_summary(preference: ports.AlertPreference) -> bool:
    return bool(preference.daily_summary)


async def daily_summary(run: Run, day: date) -> None:
    officials = (await Officials.load(run.uow)).all(_wants_summary)
    keys = {o.account.id: f"summary:{day.isoformat()}:{o.account.id}" for o in officials}
    done = await run.already(keys.values())
    figures: dict[Scope, tuple[Summary, int]] = {}
    for official in officials:
        key = keys[official.account.id]
        if key in done:
            continue
        scope = normalised(official.scope(_wants_summary))
        if scope not in figures:
            figures[scope] = await _figures(run, scope)
        summary, overdue = figures[scope]
        account = official.account
        label = await _scope_label(run, account, scope)
        text = run.text(
            account,
            "alert_summary",
            date=format_date(day),
            scope=label,
            rts_active=format_amount(summary.rts_active),
            rts_total=format_amount(summary.rts_total),
            running=format_amount(summary.statuses.get(ShownStatus.RUNNING, 0)),
            upcoming=format_amount(summary.statuses.get(ShownStatus.CONFIRMED, 0)),
            drafts=format_amount(summary.statuses.get(ShownStatus.DRAFT, 0)),
            people=format_amount(summary.people_covered),
            premium_month=format_rupiah(summary.premium_month),
            incidents=format_amount(summary.open_incidents),
            overdue=format_amount(overdue),
        )
        note = Notification(
            account_id=account.id,
            reply=Reply(text),
            kind=KIND,
            template="daily_summary",
            template_params=(
                format_date(day),
                label,
                format_amount(summary.people_covered),
                format_amount(summary.open_incidents),
            ),
            dedup_key=key,
        )
        await run.send(account, note)


async def _figures(run: Run, scope: Scope) -> tuple[Summary, int]:
    summary = await build_summary(run.uow, scope, run.now)
    _, overdue = await run.uow.incidents.open_counts_in_scope(
        run.now - REPORT_WINDOW, sorted(scope.kecamatan), sorted(scope.kelurahan), scope.city
    )
    return summary, overdue


async def _scope_label(run: Run, account: ports.Account, scope: Scope) -> str:
    """ "Kota Jambi", "Kec. Telanaipura, Kel. Thehok"."""
    if scope.city:
        return run.text(account, "alert_scope_city")
    parts = []
    for code in sorted(scope.kecamatan):
        kecamatan = await run.uow.regions.get_kecamatan(code)
        name = kecamatan.name if kecamatan is not None else code
        parts.append(run.text(account, "alert_scope_kecamatan", name=name))
    for code in sorted(scope.kelurahan):
        kelurahan = await run.uow.regions.get_kelurahan(code)
        name = kelurahan.name if kelurahan is not None else code
        parts.append(run.text(account, "alert_scope_kelurahan", name=name))
    return ", ".join(parts)

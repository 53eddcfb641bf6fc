"""How an activity reads in the chat, shared by registration, confirmation and "Kegiatan
saya": the RT line, dates and coverage period in WIB, premium, budget, and the surat tugas
as a PDF document."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from bot.activities import lifecycle as coverage
from bot.activities.lifecycle import BudgetUse
from bot.core.dialog import Context
from bot.core.markup import Text
from bot.core.messages import Document, Reply
from bot.documents.letter import file_name
from bot.domain.coverage import coverage_starts
from bot.domain.dates import format_date, format_datetime, to_wib
from bot.domain.money import format_rupiah
from bot.domain.premium import Premium
from bot.domain.roster import ROLES
from bot.domain.vocabulary import ActivityStatus
from handlers.common.amounts import premium_basis

PDF = "application/pdf"


def kind_label(ctx: Context, kind: str) -> str:
    return ctx.t(f"kind_{kind}") if kind in coverage.KINDS else kind


def role_label(ctx: Context, role: str) -> str:
    return ctx.t(f"role_{role}") if role in ROLES else role


async def rt_line(ctx: Context, rt_id: int) -> str:
    """ "RT 01 · Kel. Simpang IV Sipin · Kec. Telanaipura"."""
    uow = ctx.services.uow
    rt = await uow.rts.get(rt_id)
    assert rt is not None, "an activity's RT exists (foreign key)"
    kelurahan = await uow.regions.get_kelurahan(rt.kelurahan_code)
    kecamatan = await uow.regions.get_kecamatan(kelurahan.kecamatan_code) if kelurahan else None
    return ctx.t(
        "rt_line",
        rt=f"{rt.number:02d}",
        kelurahan=kelurahan.name if kelurahan else rt.kelurahan_code,
        kecamatan=kecamatan.name if kecamatan else "-",
    )


def dates_text(ctx: Context, start: date, end: date) -> str:
    return ctx.t(
        "dates_line",
        start=format_date(start),
        end=format_date(end),
        days=coverage.length_days(start, end),
    )


def coverage_period(ctx: Context, start: date, end: date, confirmed_at: datetime | None) -> str:
    """The activity's coverage period as the bot states it: from the moment coverage
    began (the first day's 00.00, or the confirmation when that came later), or, before
    confirmation, "from its confirmation" — never a start earlier than the truth."""
    starts = coverage_starts(start, confirmed_at)
    if starts is None:
        return ctx.t("coverage_period_pending", start=format_date(start), end=format_date(end))
    local = to_wib(starts)
    return ctx.t(
        "coverage_period",
        start=format_date(local.date()),
        time=f"{local:%H.%M}",
        end=format_date(end),
    )


def premium_text(ctx: Context, premium: Premium) -> str:
    lines = ctx.t(
        "premium_lines",
        jkk=format_rupiah(premium.jkk),
        jkm=format_rupiah(premium.jkm),
        total=format_rupiah(premium.total),
    )
    basis = premium_basis(ctx)
    if not basis.excludes_ppn:
        return lines  # the value line already says whether the value includes PPN
    rate = f"{basis.ppn_rate * 100:f}".rstrip("0").rstrip(".").replace(".", ",")
    basis_line = ctx.t("premium_basis_excluding", value=format_rupiah(premium.value), rate=rate)
    return Text(f"{basis_line}\n{lines}")


def budget_text(ctx: Context, use: BudgetUse) -> str:
    """ "terpakai" is what confirmed activities use; drafts (planned money) and cancelled
    activities (money given back) are shown apart, and the remainder is what is left
    after confirmed activities and drafts."""
    parts = [
        ctx.t(
            "budget_line_used",
            year=use.year,
            budget=format_rupiah(use.budget),
            used=format_rupiah(use.spent),
        )
    ]
    if use.drafts:
        parts.append(ctx.t("budget_line_drafts", drafts=format_rupiah(use.drafts)))
    if use.cancelled:
        parts.append(ctx.t("budget_line_cancelled", cancelled=format_rupiah(use.cancelled)))
    key = "budget_line_remaining_after_drafts" if use.drafts else "budget_line_remaining"
    parts.append(ctx.t(key, remaining=format_rupiah(use.remaining)))
    return " · ".join(parts)


async def chair_line(ctx: Context, rt_id: int) -> str:
    """ "Ketua RT: Budi Santoso · +6281234567890" (the RT list's chair now)."""
    rt = await ctx.services.uow.rts.get(rt_id)
    assert rt is not None, "an activity's RT exists (foreign key)"
    phone = rt.chair_phone or ctx.t("chair_no_phone")
    return ctx.t("chair_line", name=rt.chair_name or "-", phone=phone)


def cancelled(activity: Any) -> bool:
    return activity.status == ActivityStatus.CANCELLED and activity.cancelled_at is not None


def activity_period(ctx: Context, activity: Any) -> str:
    """The coverage period an activity gives as it stands: for a cancelled one, from its
    start until the cancellation, or none at all when it was cancelled before that start
    — never the full period as if it still held."""
    if not cancelled(activity):
        return coverage_period(ctx, activity.start_date, activity.end_date, activity.confirmed_at)
    starts = coverage_starts(activity.start_date, activity.confirmed_at)
    if starts is None or activity.cancelled_at <= starts:
        return ctx.t("coverage_period_cancelled_before")
    local = to_wib(starts)
    return ctx.t(
        "coverage_period_cancelled",
        start=format_date(local.date()),
        time=f"{local:%H.%M}",
        cancelled=format_datetime(activity.cancelled_at),
    )


def activity_premium(ctx: Context, activity: Any, computed: Premium) -> str:
    """The premium lines; for a cancelled activity what the record holds: the premium as
    computed stays stored, but budget use and the premium totals count it no more."""
    if cancelled(activity):
        return ctx.t("premium_cancelled", total=format_rupiah(computed.total))
    return premium_text(ctx, computed)


def activity_value(ctx: Context, activity: Any) -> str:
    shown = value_text(ctx, activity.value, activity.value_includes_ppn)
    return ctx.t("value_cancelled", value=shown) if cancelled(activity) else shown


def value_text(ctx: Context, value: int, includes_ppn: bool) -> str:
    ppn = ctx.t("ppn_included" if includes_ppn else "ppn_excluded")
    return ctx.t("value_line", value=format_rupiah(value), ppn=ppn)


def added_later(ctx: Context, moment: datetime) -> str:
    return ctx.t("letter_added_since", at=format_datetime(moment))


async def surat_tugas_reply(ctx: Context, activity: Any) -> Reply:
    """The current revision of the activity's surat tugas as a PDF attachment."""
    letter = await coverage.surat_tugas_for(
        ctx.services.uow,
        activity,
        kind_label=kind_label(ctx, activity.kind),
        role_label=lambda role: role_label(ctx, role),
        added_later=lambda moment: added_later(ctx, moment),
    )
    # Drawn by fpdf2, loaded with the first letter a process makes (bot/documents/letter.py).
    from bot.documents.surat_tugas import render_surat_tugas

    document = Document(file_name(letter), PDF, render_surat_tugas(letter))
    caption = ctx.t("letter_caption", number=letter.number, revision=letter.revision)
    return Reply(caption, document=document)


def record_lines(ctx: Context, activity: Any, *, confirmed: bool = False) -> str:
    """The lines under an activity's details: its surat tugas with the revision, when it
    was confirmed (`confirmed`: officials are shown it) and when and why it was
    cancelled."""
    lines = []
    if activity.surat_tugas_number:
        letter, revision = activity.surat_tugas_number, activity.surat_tugas_revision
        lines.append(ctx.t("my_letter_line", letter=letter, revision=revision))
    if confirmed and activity.confirmed_at is not None:
        lines.append(ctx.t("oa_confirmed_line", at=format_datetime(activity.confirmed_at)))
    if cancelled(activity):
        reason = (getattr(activity, "cancel_reason", "") or "").strip()
        key = "cancelled_line_reason" if reason else "cancelled_line"
        lines.append(ctx.t(key, at=format_datetime(activity.cancelled_at), reason=reason))
    return "".join(f"\n{line}" for line in lines)

"""An activity's coverage, between the dialogs and the database: the registration checks,
budget use, confirming (activity and surat tugas numbers), tracked changes after
confirmation, and the data of its surat tugas.

Typed on the ports of bot.core.ports (`uow.activities`, `uow.rts`, ...): no storage
imports, so the handlers can use it. Texts stay in the catalogue; the few labels a letter needs are
passed in by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from bot.core import ports
from bot.core.ports import UnitOfWork
from bot.documents.letter import LetterParticipant, SuratTugas
from bot.domain.coverage import CoverageWindow, coverage_window, start_of_day
from bot.domain.dates import to_wib, today_wib
from bot.domain.premium import Premium, PremiumBasis, premium_on_basis
from bot.domain.vocabulary import ActivityStatus, ShownStatus

# The program's city; the letterhead reads "Pemerintah Kota Jambi".
CITY = "Kota Jambi"
ACTIVITY_PREFIX = "KB"
SURAT_TUGAS_CODE = "ST-KB"

KINDS: tuple[str, ...] = (
    "jalan_lingkungan",
    "drainase",
    "fasilitas_umum",
    "kebersihan_sampah",
    "keamanan",
    "sosial",
    "lainnya",
)


# Registration problems (the dialogs map each to a catalogue text).
START_PAST = "start_past"
START_TOO_FAR = "start_too_far"
END_BEFORE_START = "end_before_start"
TOO_LONG = "too_long"
# A start more than this far ahead is almost always a typo in the year.
MAX_DAYS_AHEAD = 366
# Problems of a tracked change of dates.
POSTPONE_STARTED = "postpone_started"
POSTPONE_NOT_LATER = "postpone_not_later"
# The budget year follows the start: moving it to another year would move the money.
POSTPONE_OTHER_YEAR = "postpone_other_year"
SHORTEN_NOT_EARLIER = "shorten_not_earlier"
SHORTEN_PAST = "shorten_past"

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_ROMAN_WORD = re.compile(r"^(?:[IVX]+|[0-9]+)$")
_LEADING_NUMBER = re.compile(r"^([0-9]+)/")


@dataclass(frozen=True)
class BudgetUse:
    """An RT's budget of one year and what its activities claim of it."""

    year: int
    budget: int
    # Everything that claims the budget: confirmed activities and drafts.
    used: int
    # The drafts' part of `used`: planned, not spent yet.
    drafts: int = 0
    # The value of cancelled activities: given back, shown so a drop is explained.
    cancelled: int = 0

    @property
    def remaining(self) -> int:
        return max(0, self.budget - self.used)

    @property
    def spent(self) -> int:
        """What confirmed activities use ("terpakai"); drafts are shown apart."""
        return self.used - self.drafts


def length_days(start: date, end: date) -> int:
    """Days of an activity, both ends included."""
    return (end - start).days + 1


def start_problem(start: date, today: date) -> str | None:
    if start < today:
        return START_PAST
    if start > today + timedelta(days=MAX_DAYS_AHEAD):
        return START_TOO_FAR
    return None


def end_problem(start: date, end: date, max_days: int) -> str | None:
    if end < start:
        return END_BEFORE_START
    if length_days(start, end) > max_days:
        return TOO_LONG
    return None


def latest_end(start: date, max_days: int) -> date:
    return start + timedelta(days=max_days - 1)


def shown_status(activity: ports.Activity, today: date) -> str:
    """draft / confirmed / running / ended / cancelled, the last three from the dates."""
    if activity.status != ActivityStatus.CONFIRMED:
        return str(activity.status)
    if today < activity.start_date:
        return ActivityStatus.CONFIRMED
    return ShownStatus.RUNNING if today <= activity.end_date else ShownStatus.ENDED


def premium(
    value: int, rounding: str, basis: PremiumBasis | None = None, includes_ppn: bool = False
) -> Premium:
    """The premium of a value entered with or without PPN, on the programme's basis."""
    return premium_on_basis(value, includes_ppn, basis or PremiumBasis(), rounding)


def set_premium(
    activity: ports.Activity, value: int, rounding: str, basis: PremiumBasis | None = None
) -> Premium:
    """Store the value and the premium computed from it (on the programme's basis, with
    the activity's PPN answer) on the activity."""
    computed = premium(value, rounding, basis, activity.value_includes_ppn)
    activity.value = value
    activity.premium_jkk, activity.premium_jkm = computed.jkk, computed.jkm
    activity.premium_total = computed.total
    return computed


async def budget_use(
    uow: UnitOfWork, rt_id: int, year: int, default: int, exclude_activity_id: int | None = None
) -> BudgetUse:
    """Drafts claim budget: a draft is money the RT plans to spend, and counting it keeps
    two drafts from each taking the whole remaining budget; they are kept apart in
    `drafts`, so "terpakai" shows only what confirmed activities use."""
    budget = await uow.rts.budget(rt_id, year, default=default)
    used = await uow.activities.budget_used(rt_id, year, exclude_id=exclude_activity_id)
    by_status = await uow.activities.value_by_status(rt_id, year, exclude_id=exclude_activity_id)
    return BudgetUse(
        year=year,
        budget=budget,
        used=used,
        drafts=by_status.get(ActivityStatus.DRAFT, 0),
        cancelled=by_status.get(ActivityStatus.CANCELLED, 0),
    )


def roman_month(month: int) -> str:
    return _ROMAN[month - 1]


def kelurahan_short(name: str) -> str:
    """A short code for letter numbers: initials of a multi-word name, Roman numerals
    kept ("Simpang IV Sipin" -> "SIVS"), or the first six letters of one word ("THEHOK")."""
    words = [w for w in re.split(r"[^A-Za-z0-9]+", name.upper()) if w]
    if not words:
        return "KEL"
    if len(words) == 1:
        return words[0][:6]
    return "".join(w if _ROMAN_WORD.match(w) else w[0] for w in words)


async def next_surat_tugas_number(
    uow: UnitOfWork, rt: ports.Rt, kelurahan_name: str, issued: date
) -> str:
    """ "001/ST-KB/RT01/SIVS/III/2026": sequential per RT and year of issue.

    Two kelurahan can share a short code ("Tanjung Sari", "Talang Sari": TS), so the
    sequence counts every letter of that RT number and code, not only this RT's: their
    numbers then never collide, and each RT's own letters still go up."""
    middle = f"/{SURAT_TUGAS_CODE}/RT{rt.number:02d}/{kelurahan_short(kelurahan_name)}/"
    taken = await uow.activities.surat_tugas_numbers_like(f"%{middle}%/{issued.year}")
    numbers = [int(m.group(1)) for m in map(_LEADING_NUMBER.match, taken) if m]
    sequence = max(numbers, default=0) + 1
    return f"{sequence:03d}{middle}{roman_month(issued.month)}/{issued.year}"


async def confirm(uow: UnitOfWork, activity: ports.Activity, now: datetime) -> None:
    """Record the coverage: status, time, activity number and surat tugas number."""
    rt = await uow.rts.get(activity.rt_id)
    assert rt is not None, "an activity's RT exists (foreign key)"
    kelurahan = await uow.regions.get_kelurahan(rt.kelurahan_code)
    activity.status = ActivityStatus.CONFIRMED
    activity.confirmed_at = now
    activity.updated_at = now
    activity.surat_tugas_revision = 0
    await uow.activities.assign_number(activity, f"{ACTIVITY_PREFIX}-{activity.year}-")
    activity.surat_tugas_number = await next_surat_tugas_number(
        uow, rt, kelurahan.name if kelurahan else "", today_wib(now)
    )
    await uow.flush()


def move_start_to(activity: ports.Activity, today: date, max_days: int) -> None:
    """A draft whose start has passed starts today; when its end has passed too, the
    activity keeps its length. The budget year follows the start."""
    days = length_days(activity.start_date, activity.end_date)
    activity.start_date = today
    if activity.end_date < today:
        activity.end_date = today + timedelta(days=min(days, max_days) - 1)
    activity.year = today.year


async def track(
    uow: UnitOfWork,
    activity: ports.Activity,
    kind: str,
    detail: dict[str, Any],
    by: int | None,
    now: datetime,
) -> None:
    """Record a change after confirmation (a new surat tugas revision) and its audit
    entry: BPJS must hear of it, and the trail says who changed what."""
    await uow.activities.record_change(activity, kind, detail, by, now)
    audited = {"activity_id": activity.id, "number": activity.number, **detail}
    await uow.audit.record(f"activity_{kind}", actor_account_id=by, detail=audited, at=now)


async def extend_end(
    uow: UnitOfWork, activity: ports.Activity, new_end: date, now: datetime, by: int
) -> None:
    old_end = activity.end_date
    activity.end_date = new_end
    detail = {"old_end": old_end.isoformat(), "new_end": new_end.isoformat()}
    await track(uow, activity, "end_extended", detail, by, now)


async def shorten_end(
    uow: UnitOfWork, activity: ports.Activity, new_end: date, now: datetime, by: int
) -> None:
    """An earlier last day: everyone's cover then ends at 23.59 WIB of `new_end`."""
    old_end = activity.end_date
    activity.end_date = new_end
    detail = {"old_end": old_end.isoformat(), "new_end": new_end.isoformat()}
    await track(uow, activity, "end_shortened", detail, by, now)


async def postpone(
    uow: UnitOfWork, activity: ports.Activity, new_start: date, now: datetime, by: int
) -> None:
    """Move the whole activity later, keeping its length; only before it started, so
    nobody has been covered yet and the cover simply starts on the new first day."""
    old_start, old_end = activity.start_date, activity.end_date
    shift = new_start - old_start
    activity.start_date, activity.end_date = new_start, old_end + shift
    detail = {
        "old_start": old_start.isoformat(),
        "old_end": old_end.isoformat(),
        "new_start": new_start.isoformat(),
        "new_end": activity.end_date.isoformat(),
    }
    await track(uow, activity, "postponed", detail, by, now)


async def change_role(
    uow: UnitOfWork,
    activity: ports.Activity,
    participation: ports.Participation,
    person: ports.Person,
    new_role: str,
    now: datetime,
    by: int,
) -> None:
    """A participant's role in the activity changes; their cover does not."""
    old_role = participation.role
    participation.role = new_role
    detail = {
        "person_id": person.id,
        "name": participation.entered_name or person.name,
        "old_role": str(old_role),
        "new_role": str(new_role),
    }
    if activity.status == ActivityStatus.CONFIRMED:
        await track(uow, activity, "role_changed", detail, by, now)


async def change_value(
    uow: UnitOfWork,
    activity: ports.Activity,
    new_value: int,
    rounding: str,
    now: datetime,
    by: int,
    basis: PremiumBasis | None = None,
) -> tuple[Premium, Premium]:
    """Change the value and premium; returns the premium before and after."""
    before = premium(activity.value, rounding, basis, activity.value_includes_ppn)
    old_value = activity.value
    after = set_premium(activity, new_value, rounding, basis)
    detail = {
        "old_value": old_value,
        "new_value": new_value,
        "old_premium": before.total,
        "new_premium": after.total,
    }
    await track(uow, activity, "value_changed", detail, by, now)
    return before, after


async def cancel(
    uow: UnitOfWork, activity: ports.Activity, now: datetime, by: int | None, reason: str = ""
) -> bool:
    """Cancel a confirmed activity; coverage ends now. True when it had not started.
    The premium stays on the record as computed; budget use and the premium totals of
    the statistics count only confirmed activities, so a cancelled one drops out."""
    before_start = today_wib(now) < activity.start_date
    activity.status = ActivityStatus.CANCELLED
    activity.cancelled_at = now
    activity.cancel_reason = reason
    detail = {"before_start": before_start, "reason": reason}
    await track(uow, activity, "cancelled", detail, by, now)
    return before_start


def postpone_problem(
    activity: ports.Activity, new_start: date, today: date, max_days_ahead: int = MAX_DAYS_AHEAD
) -> str | None:
    """Why `new_start` cannot be the postponed start, or None."""
    if today >= activity.start_date:
        return POSTPONE_STARTED
    if new_start <= activity.start_date:
        return POSTPONE_NOT_LATER
    if new_start.year != activity.year:
        return POSTPONE_OTHER_YEAR
    if new_start > today + timedelta(days=max_days_ahead):
        return START_TOO_FAR
    return None


def shorten_problem(activity: ports.Activity, new_end: date, today: date) -> str | None:
    """Why `new_end` cannot be the shortened end, or None."""
    if new_end >= activity.end_date:
        return SHORTEN_NOT_EARLIER
    if new_end < activity.start_date:
        return END_BEFORE_START
    if new_end < today:
        return SHORTEN_PAST
    return None


async def letter_date(uow: UnitOfWork, activity: ports.Activity) -> date:
    """The date of the current revision: the confirmation, or the latest change."""
    changes = await uow.activities.changes(activity.id)
    moment = changes[-1].changed_at if changes and activity.surat_tugas_revision else None
    moment = moment or activity.confirmed_at
    assert moment is not None, "only a confirmed activity has a letter"
    return to_wib(moment).date()


async def surat_tugas_for(
    uow: UnitOfWork,
    activity: ports.Activity,
    *,
    kind_label: str,
    role_label: Callable[[str], str],
    added_later: Callable[[datetime], str],
) -> SuratTugas:
    """The current revision of a confirmed activity's letter: the people on its list now,
    each marked with `added_later(moment)` when their cover starts after the first
    day's 00.00 (a confirmation later that day, or added after confirmation)."""
    confirmed_at = activity.confirmed_at
    assert confirmed_at is not None, "only a confirmed activity has a letter"
    rt = await uow.rts.get(activity.rt_id)
    assert rt is not None, "an activity's RT exists (foreign key)"
    kelurahan = await uow.regions.get_kelurahan(rt.kelurahan_code)
    kecamatan = await uow.regions.get_kecamatan(kelurahan.kecamatan_code) if kelurahan else None
    people = []
    for participation in await uow.participations.for_activity(activity.id):
        person = await uow.persons.get(participation.person_id)
        assert person is not None, "a participation's person exists (foreign key)"
        # Covered from the first day's 00.00 only when the letter existed by then; a
        # confirmation later that day, or a person added later, starts the cover then.
        window = participation_window(activity, participation)
        starts = window.starts if window is not None else confirmed_at
        from_first_day = starts == start_of_day(activity.start_date)
        people.append(
            LetterParticipant(
                # The chair's letter names whom he entered: for someone outside his RT's
                # records, the name he typed (a different stored name goes to officials).
                name=participation.entered_name or person.name,
                masked_nik=person.nik_masked,
                role=role_label(participation.role),
                covered_from="" if from_first_day else added_later(starts),
            )
        )
    return SuratTugas(
        number=activity.surat_tugas_number or "",
        revision=activity.surat_tugas_revision,
        issued_on=await letter_date(uow, activity),
        city=CITY,
        kecamatan=kecamatan.name if kecamatan else "",
        kelurahan=kelurahan.name if kelurahan else "",
        rt_number=rt.number,
        chair_name=rt.chair_name,
        chair_phone=rt.chair_phone or "",
        activity_number=activity.number or "",
        activity_title=activity.title,
        activity_kind=kind_label,
        place=activity.place,
        start=activity.start_date,
        end=activity.end_date,
        value=activity.value,
        value_includes_ppn=activity.value_includes_ppn,
        premium_jkk=activity.premium_jkk,
        premium_jkm=activity.premium_jkm,
        premium_total=activity.premium_total,
        participants=tuple(people),
    )


class CoveredActivity(Protocol):
    """What a coverage window needs of an activity: a row, or an export page's activity."""

    @property
    def start_date(self) -> date: ...
    @property
    def end_date(self) -> date: ...
    @property
    def confirmed_at(self) -> datetime | None: ...
    @property
    def cancelled_at(self) -> datetime | None: ...


class CoveredParticipation(Protocol):
    """What a coverage window needs of a participation (a row, or an export row)."""

    @property
    def added_at(self) -> datetime: ...
    @property
    def removed_at(self) -> datetime | None: ...


def participation_window(
    activity: CoveredActivity, participation: CoveredParticipation
) -> CoverageWindow | None:
    """The covered period of one person on one activity (None while unconfirmed)."""
    return coverage_window(
        activity.start_date,
        activity.end_date,
        activity.confirmed_at,
        participation.added_at,
        participation.removed_at,
        activity.cancelled_at,
    )

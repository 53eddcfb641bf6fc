"""What happened: when (WIB; "Sekarang" by default), where (text or a shared location),
what (free text), how bad (severity buttons), and who reports it (prefilled from the
caller). Shared by the Ketua RT and the resident report."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from bot.core.dialog import Answer, Context, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.dates import format_datetime, hour_readings, program_zone, to_wib
from bot.domain.incident import (
    SEVERITIES,
    WhenError,
    clean_name,
    dated_hour_readings,
    needs_confirmation,
    parse_occurred_at,
    split_name_and_phone,
)
from bot.domain.nik import hide_niks
from bot.domain.phone import PhoneError, normalise_phone
from handlers.accident_report import flow

NOW = "now"
CONFIRM_OLD = "old"
# The readings of a bare hour ("2": 02.00 or 14.00) offered as buttons "reading0", …
READINGS, READING = "when_readings", "reading"
AT_SITE = "site"
MYSELF = "me"
PLACE_MAX = 300
DESCRIPTION_MAX = 1000
DESCRIPTION_MIN_LETTERS = 5
# Typed words for each severity besides the button titles.
SEVERITY_WORDS = {
    "ringan": "luka_ringan",
    "lecet": "luka_ringan",
    "rawat": "rawat_inap",
    "opname": "rawat_inap",
    "inap": "rawat_inap",
    "cacat": "cacat",
    "meninggal": "meninggal",
    "wafat": "meninggal",
    "tewas": "meninggal",
}


async def ask_when(ctx: Context) -> Reply:
    # "Sekarang" stays the first button every time the question is asked (after an error
    # too); a reading to confirm or choose comes after it so it never moves it.
    choices = [Choice(NOW, ctx.t("accident_now"))]
    pending = ctx.data.get(flow.PENDING_OCCURRED)
    if pending:
        when = format_datetime(datetime.fromisoformat(pending))
        choices.append(Choice(CONFIRM_OLD, ctx.t("accident_when_yes", when=when)))
    for number, reading in enumerate(ctx.data.get(READINGS) or ()):
        when = format_datetime(datetime.fromisoformat(reading))
        choices.append(Choice(f"{READING}{number}", ctx.t("accident_when_reading", when=when)))
    return Reply(ctx.t("accident_ask_when"), choices=tuple(choices))


def _set_when(ctx: Context, occurred: datetime) -> Outcome:
    ctx.data[flow.OCCURRED] = occurred.isoformat()
    return flow.proceed(ctx, flow.WHERE)


def _latest_at(clock: time, now: datetime) -> datetime:
    """The last time the clock showed `clock` (WIB), today or else yesterday."""
    today = to_wib(now).date()
    moment = datetime.combine(today, clock, tzinfo=program_zone()).astimezone(UTC)
    return moment if moment <= now else moment - timedelta(days=1)


async def handle_when(ctx: Context, answer: Answer) -> Outcome:
    pending = ctx.data.pop(flow.PENDING_OCCURRED, None)
    readings = ctx.data.pop(READINGS, None) or []
    # A typed number within the buttons is that button, as at every step; a number past
    # them ("2" under "Sekarang" alone) is an hour, asked back below.
    choice = answer.choice
    hours = hour_readings(answer.text) if choice is None else ()
    if choice is not None and choice.id == NOW:
        return _set_when(ctx, ctx.now)
    if choice is not None and choice.id == CONFIRM_OLD and pending:
        return _set_when(ctx, datetime.fromisoformat(pending))
    if choice is not None and choice.id.startswith(READING):
        number = choice.id.removeprefix(READING)
        if number.isdigit() and int(number) < len(readings):
            return _set_when(ctx, datetime.fromisoformat(readings[int(number)]))
    if hours:
        # "2" could be 02.00 or 14.00 (or a date): offer the latest moment of each hour
        # instead of picking one for the reporter.
        moments = sorted({_latest_at(clock, ctx.now) for clock in hours}, reverse=True)
        ctx.data[READINGS] = [moment.isoformat() for moment in moments]
        return Stay(ctx.t("accident_when_which", typed=answer.text.strip()))
    dated = dated_hour_readings(answer.text, ctx.now) if choice is None else ()
    if len(dated) > 1:
        # "kemarin jam 2": 02.00 or 14.00 of that day, asked back as a bare hour is.
        ctx.data[READINGS] = [moment.isoformat() for moment in dated]
        return Stay(ctx.t("accident_when_which", typed=answer.text.strip()))
    try:
        occurred = dated[0] if dated else parse_occurred_at(answer.text, ctx.now)
    except WhenError as error:
        return Stay(ctx.t(f"accident_when_{error.reason}"))
    if needs_confirmation(occurred, ctx.now):
        ctx.data[flow.PENDING_OCCURRED] = occurred.isoformat()
        return Stay(ctx.t("accident_when_confirm", when=format_datetime(occurred)))
    return _set_when(ctx, occurred)


async def _activity_place(ctx: Context) -> str:
    activity_id = flow.optional_int(ctx.data.get(flow.ACTIVITY))
    if activity_id is None:
        return ""
    activity = await ctx.services.uow.activities.get(activity_id)
    return (activity.place or "").strip() if activity is not None else ""


async def ask_where(ctx: Context) -> Reply:
    site = await _activity_place(ctx)
    choices = (Choice(AT_SITE, ctx.t("accident_at_site"), site[:72]),) if site else ()
    return Reply(ctx.t("accident_ask_where"), choices=choices)


async def handle_where(ctx: Context, answer: Answer) -> Outcome:
    place = ""
    location = answer.message.location
    if answer.choice is not None and answer.choice.id == AT_SITE:
        place = await _activity_place(ctx)
    elif location is not None:
        place = ctx.t(
            "accident_shared_location",
            latitude=f"{location.latitude:.5f}",
            longitude=f"{location.longitude:.5f}",
        )
        place = f"{location.name.strip()} ({place})" if location.name.strip() else place
    elif sum(ch.isalnum() for ch in answer.text) >= 3:
        place = " ".join(answer.text.split())
    if not place:
        return Stay(ctx.t("accident_where_problem"))
    if len(place) > PLACE_MAX:
        return Stay(ctx.t("too_long", limit=PLACE_MAX))
    # A NIK typed into free text is not kept (issue 12; bot.domain.nik, "Masking").
    ctx.data[flow.PLACE] = hide_niks(place)
    return flow.proceed(ctx, flow.WHAT)


async def ask_what(ctx: Context) -> Reply:
    return Reply(ctx.t("accident_ask_what"))


async def handle_what(ctx: Context, answer: Answer) -> Outcome:
    text = answer.text.strip()
    if sum(ch.isalpha() for ch in text) < DESCRIPTION_MIN_LETTERS:
        return Stay(ctx.t("accident_what_problem"))
    ctx.data[flow.DESCRIPTION] = hide_niks(text)
    return flow.proceed(ctx, flow.SEVERITY_STEP)


async def ask_severity(ctx: Context) -> Reply:
    choices = tuple(Choice(code, ctx.t(f"accident_severity_{code}")) for code in SEVERITIES)
    return Reply(ctx.t("accident_ask_severity"), choices=choices)


async def handle_severity(ctx: Context, answer: Answer) -> Outcome:
    severity = answer.choice.id if answer.choice is not None else None
    if severity is None:
        words = {w.strip(".,!") for w in answer.text.casefold().split()}
        found = {SEVERITY_WORDS[w] for w in words if w in SEVERITY_WORDS}
        severity = found.pop() if len(found) == 1 else None
    if severity not in SEVERITIES:
        return Stay(ctx.t("accident_severity_problem"))
    ctx.data[flow.SEVERITY] = severity
    return flow.proceed(ctx, flow.REPORTER_STEP)


async def ask_reporter(ctx: Context) -> Reply:
    caller = ctx.caller
    if caller.phone and clean_name(caller.name):
        text = ctx.t("accident_ask_reporter_me", name=caller.name, phone=caller.phone)
        return Reply(text, choices=(Choice(MYSELF, ctx.t("accident_reporter_me")),))
    return Reply(ctx.t("accident_ask_reporter"))


async def handle_reporter(ctx: Context, answer: Answer) -> Outcome:
    caller = ctx.caller
    if answer.choice is not None and answer.choice.id == MYSELF and caller.phone:
        name, phone = clean_name(caller.name) or caller.name, caller.phone
    else:
        typed_name, typed_phone = split_name_and_phone(answer.text)
        name = clean_name(typed_name) or ""
        if not name:
            return Stay(ctx.t("accident_reporter_problem"))
        if typed_phone is None:
            return Stay(ctx.t("accident_reporter_no_phone"))
        try:
            # Only for calling back: an office or home landline is as good as a mobile.
            phone = normalise_phone(typed_phone, landline_ok=True)
        except PhoneError:
            return Stay(ctx.t("accident_reporter_bad_phone"))
    ctx.data[flow.REPORTER], ctx.data[flow.REPORTER_PHONE] = name, phone
    return flow.proceed(ctx, flow.SUMMARY)

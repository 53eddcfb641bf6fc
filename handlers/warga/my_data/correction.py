"""A correction request from "Data saya": whose data (when one phone is on record for
several people), which data is wrong (name, birth date, sex, phone or other: it heads the
message), what to fix (free text, at most 1,000 characters), confirm → an open
`CorrectionRequest` and a task for every official in scope of the RTs of the person's
worker lists (city-wide officials when they are on none) who did not switch these alerts
off, audited.

NIK numbers in the text are hidden ("[NIK]") before it is kept anywhere (conversation
state, request, notifications): a NIK is stored only encrypted (DOMAIN.md §7), and the
text may state a birth date, beside which even a masked NIK would not hold.
"""

from __future__ import annotations

from typing import Any

from bot.core.dialog import NAV_CANCEL, Answer, Context, End, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.nik import hide_niks
from handlers.common.data_requests import CORRECTION, notify_officials
from handlers.warga.my_data import whose

WHO = "who"
FIELD = "field"
FIX = "fix"
CONFIRM = "confirm"
SEND = "send"
EDIT = "edit"
PERSON = "person_id"
MESSAGE = "message"
WRONG = "wrong_field"
# What the resident says is wrong; "other" adds no label to the message.
FIELDS = ("name", "birth_date", "sex", "phone", "other")
MAX_LENGTH = 1000
MIN_CHARACTERS = 5
REQUESTED = "correction_requested"


async def _person(ctx: Context) -> Any | None:
    return await whose.chosen(ctx, PERSON)


def _lost(ctx: Context) -> Outcome:
    ctx.say(ctx.t("mydata_entry_lost"))
    return End()


async def begin(ctx: Context) -> Outcome:
    return await whose.begin(ctx, PERSON, WHO, FIELD)


async def ask_who(ctx: Context) -> Reply:
    return await whose.ask(ctx, "mydata_ask_who")


async def handle_who(ctx: Context, answer: Answer) -> Outcome:
    return await whose.handle(ctx, answer, PERSON, FIELD)


async def ask_field(ctx: Context) -> Reply:
    choices = tuple(Choice(field, ctx.t(f"mydata_field_{field}")) for field in FIELDS)
    return Reply(ctx.t("mydata_ask_field"), choices=choices)


async def handle_field(ctx: Context, answer: Answer) -> Outcome:
    if answer.picked not in FIELDS:
        return Stay(ctx.t("pick_one"))
    ctx.data[WRONG] = answer.picked
    return Go(FIX)


async def ask_fix(ctx: Context) -> Reply:
    field = ctx.data.get(WRONG)
    if field in FIELDS and field != "other":
        what = ctx.t(f"mydata_field_{field}")
        return Reply(ctx.t("mydata_ask_fix_field", field=what) + "\n" + ctx.t("mydata_ask_fix"))
    return Reply(ctx.t("mydata_ask_fix"))


def labelled(ctx: Context, text: str) -> str:
    """The message with the field the resident picked in front ("Tanggal lahir: …")."""
    field = ctx.data.get(WRONG)
    if field in FIELDS and field != "other":
        return f"{ctx.t(f'mydata_field_{field}')}: {text}"
    return text


async def handle_fix(ctx: Context, answer: Answer) -> Outcome:
    text = answer.text.strip()
    letters = sum(ch.isalpha() for ch in text)
    if letters < 2 or sum(ch.isalnum() for ch in text) < MIN_CHARACTERS:
        return Stay(ctx.t("mydata_fix_short"))
    if await _person(ctx) is None:
        return _lost(ctx)
    # Hidden, not masked: the text may state a birth date (bot.domain.nik, "Masking").
    ctx.data[MESSAGE] = hide_niks(labelled(ctx, text))
    return Go(CONFIRM)


async def ask_confirm(ctx: Context) -> Reply:
    person = await _person(ctx)
    choices = (
        Choice(SEND, ctx.t("mydata_choice_send")),
        Choice(EDIT, ctx.t("mydata_choice_edit")),
        Choice(NAV_CANCEL, ctx.t("mydata_choice_cancel")),
    )
    name = person.name if person is not None else "-"
    text = ctx.t("mydata_confirm", name=name, message=str(ctx.data.get(MESSAGE, "")))
    return Reply(text, choices=choices)


async def handle_confirm(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is not None and answer.choice.id == EDIT:
        return Go(FIX)
    if answer.choice is None or answer.choice.id != SEND:
        return Stay(ctx.t("mydata_confirm_pick"))
    person = await _person(ctx)
    message = str(ctx.data.get(MESSAGE, ""))
    if person is None or not message:
        return _lost(ctx)
    uow = ctx.services.uow
    request = await uow.corrections.add(
        account_id=ctx.caller.account_id, person_id=person.id, message=message, created_at=ctx.now
    )
    await uow.audit.record(
        REQUESTED,
        actor_account_id=ctx.caller.account_id,
        actor=ctx.caller.name,
        subject_person_id=person.id,
        detail={"request_id": request.id},
        at=ctx.now,
    )
    told = await notify_officials(ctx, CORRECTION, request, person, message=request.message)
    key = "mydata_sent" if told else "mydata_sent_none"
    ctx.say(ctx.t(key, id=request.id, count=told))
    return End()


async def on_cancel(ctx: Context) -> str | None:
    """Nothing was written before "Ya, kirim": say so when a request was being written."""
    if ctx.state.step in (WHO, FIELD, FIX, CONFIRM):
        return ctx.t("mydata_cancelled")
    return None

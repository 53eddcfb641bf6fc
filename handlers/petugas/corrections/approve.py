"""Approving a correction request: the official enters the corrected value of each field
concerned (name, birth date, sex, phone — read by the same rules as everywhere else),
reviews old → new, and saves. Saving applies the values to the person, closes the request
as done (who, when, what changed), records one audit event with old → new for each field
(never a NIK) and tells the resident through the outbox."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.markup import Text
from bot.core.messages import Choice, Notification, Reply
from bot.domain.dates import DateError, format_date, parse_date, today_wib
from bot.domain.nik import PLAUSIBLE_AGE_MAX, age_between
from bot.domain.vocabulary import CorrectionStatus
from handlers.common.people import read_name, read_phone
from handlers.petugas.corrections.common import (
    CHANGES,
    choice,
    current,
    is_open,
    person_of,
    restart,
    sex_text,
)

NAME, BIRTH, SEX, PHONE = "name", "birth_date", "sex", "phone"
FIELDS = (NAME, BIRTH, SEX, PHONE)
STEPS = {NAME: "fix_name", BIRTH: "fix_birth", SEX: "fix_sex", PHONE: "fix_phone"}
SAVE, BACK, YES, EDIT = "save", "back", "yes", "edit"
APPROVED = "correction_approved"
KIND = "correction_handled"


def changes(ctx: Context) -> dict[str, str]:
    kept = ctx.data.get(CHANGES)
    return dict(kept) if isinstance(kept, dict) else {}


def shown(ctx: Context, field: str, value: Any) -> str:
    """A field's value as the official and the resident read it."""
    if value is None or value == "":
        return "-"
    if field == BIRTH:
        return format_date(value if isinstance(value, date) else date.fromisoformat(value))
    if field == SEX:
        return sex_text(ctx, str(value))
    return str(value)


def held(person: Any, field: str) -> Any:
    return person.birth_date.isoformat() if field == BIRTH else getattr(person, field)


def change_lines(ctx: Context, person: Any, wanted: dict[str, str]) -> str:
    return Text.joined(
        "\n",
        (
            ctx.t(
                "corr_change_line",
                field=ctx.t(f"corr_field_{field}"),
                old=shown(ctx, field, held(person, field)),
                new=shown(ctx, field, wanted[field]),
            )
            for field in FIELDS
            if field in wanted
        ),
    )


# --- which field ------------------------------------------------------------------------


async def request_and_person(ctx: Context) -> tuple[Any, Any] | None:
    """The open request in scope and its person, or None when either is gone."""
    request = await current(ctx)
    person = await person_of(ctx, request) if request is not None else None
    return (request, person) if person is not None else None


async def ask_field(ctx: Context) -> Reply:
    found = await request_and_person(ctx)
    if found is None:
        return Reply(ctx.t("corr_gone"), choices=(choice(ctx, BACK),))
    request, person = found
    wanted = changes(ctx)
    text = ctx.t("corr_ask_field", id=request.id, message=request.message)
    if wanted:
        text += "\n\n" + ctx.t("corr_pending", lines=change_lines(ctx, person, wanted))
    choices = [Choice(field, ctx.t(f"corr_field_{field}")) for field in FIELDS]
    if wanted:
        choices.append(choice(ctx, SAVE))
    choices.append(choice(ctx, BACK))
    return Reply(text, choices=tuple(choices))


async def handle_field(ctx: Context, answer: Answer) -> Outcome:
    picked = answer.picked
    if picked == BACK:
        return Go("detail")
    if picked == SAVE:
        return Go("approve_confirm") if changes(ctx) else Stay(ctx.t("corr_nothing_yet"))
    if picked in STEPS:
        return Go(STEPS[picked])
    return Stay(ctx.t("pick_one"))


# --- the new value of one field ---------------------------------------------------------


async def _held_now(ctx: Context, field: str) -> str:
    found = await request_and_person(ctx)
    return shown(ctx, field, held(found[1], field)) if found is not None else "-"


async def _keep(ctx: Context, field: str, value: str) -> Outcome:
    found = await request_and_person(ctx)
    if found is None:
        ctx.say(ctx.t("corr_gone"))
        return restart(ctx)
    person = found[1]
    if held(person, field) == value:
        return Stay(ctx.t("corr_same", value=shown(ctx, field, value)))
    wanted = changes(ctx)
    wanted[field] = value
    ctx.data[CHANGES] = wanted
    return Go("fix_field")


async def ask_name(ctx: Context) -> Reply:
    return Reply(ctx.t("corr_ask_name", now=await _held_now(ctx, NAME)))


async def handle_name(ctx: Context, answer: Answer) -> Outcome:
    name = read_name(ctx, answer.text)
    if isinstance(name, Stay):
        return name
    return await _keep(ctx, NAME, name)


async def ask_birth(ctx: Context) -> Reply:
    return Reply(ctx.t("corr_ask_birth", now=await _held_now(ctx, BIRTH)))


async def handle_birth(ctx: Context, answer: Answer) -> Outcome:
    today = today_wib(ctx.now)
    try:
        birth = parse_date(answer.text, today)
    except DateError:
        return Stay(ctx.t("corr_birth_invalid"))
    if birth > today or age_between(birth, today) > PLAUSIBLE_AGE_MAX:
        return Stay(ctx.t("corr_birth_implausible", date=format_date(birth)))
    return await _keep(ctx, BIRTH, birth.isoformat())


async def ask_sex(ctx: Context) -> Reply:
    choices = (Choice("L", ctx.t("corr_sex_L")), Choice("P", ctx.t("corr_sex_P")))
    return Reply(ctx.t("corr_ask_sex", now=await _held_now(ctx, SEX)), choices=choices)


async def handle_sex(ctx: Context, answer: Answer) -> Outcome:
    if answer.picked not in ("L", "P"):
        return Stay(ctx.t("pick_one"))
    return await _keep(ctx, SEX, answer.picked)


async def ask_phone(ctx: Context) -> Reply:
    return Reply(ctx.t("corr_ask_phone", now=await _held_now(ctx, PHONE)))


async def handle_phone(ctx: Context, answer: Answer) -> Outcome:
    phone = read_phone(ctx, answer.text)
    if isinstance(phone, Stay):
        return phone
    return await _keep(ctx, PHONE, phone)


# --- review and save --------------------------------------------------------------------


async def ask_confirm(ctx: Context) -> Reply:
    found = await request_and_person(ctx)
    if found is None:
        return Reply(ctx.t("corr_gone"), choices=(choice(ctx, BACK),))
    request, person = found
    text = ctx.t(
        "corr_confirm_approve",
        id=request.id,
        name=person.name,
        lines=change_lines(ctx, person, changes(ctx)),
    )
    return Reply(text, choices=(choice(ctx, YES), choice(ctx, EDIT)))


async def handle_confirm(ctx: Context, answer: Answer) -> Outcome:
    if answer.picked == EDIT:
        return Go("fix_field")
    if answer.picked == BACK:
        return restart(ctx)
    found = await request_and_person(ctx)
    wanted = changes(ctx)
    if found is None or not is_open(found[0]) or not wanted:
        ctx.say(ctx.t("corr_gone"))
        return restart(ctx)
    await apply(ctx, *found, wanted)
    return restart(ctx)


async def apply(ctx: Context, request: Any, person: Any, wanted: dict[str, str]) -> None:
    """Close the request, then change the person: nothing changes when another official
    closed it first."""
    uow = ctx.services.uow
    lines = change_lines(ctx, person, wanted)
    closed = await uow.corrections.handle(
        request, CorrectionStatus.DONE, ctx.caller.account_id, ctx.now, note=lines
    )
    if not closed:
        ctx.say(ctx.t("corr_gone"))
        return
    recorded: dict[str, dict[str, Any]] = {}
    for field in FIELDS:
        if field not in wanted:
            continue
        recorded[field] = {"old": held(person, field), "new": wanted[field]}
        if field == NAME:
            await uow.persons.update_name(person, wanted[field])
        elif field == BIRTH:
            await uow.persons.update_birth_date(person, date.fromisoformat(wanted[field]))
        elif field == SEX:
            await uow.persons.update_sex(person, wanted[field])
        else:
            await uow.persons.update_phone(person, wanted[field])
    await uow.audit.record(
        APPROVED,
        actor_account_id=ctx.caller.account_id,
        actor=ctx.caller.name,
        subject_person_id=person.id,
        detail={"request_id": request.id, "changes": recorded},
        at=ctx.now,
    )
    await tell_resident(ctx, request, "corr_resident_done", changes=lines)
    ctx.say(ctx.t("corr_approved_done", id=request.id, lines=lines))


async def tell_resident(ctx: Context, request: Any, key: str, **values: str) -> None:
    """The resident who asked hears what came of it, in their own language."""
    if request.account_id is None or request.account_id == ctx.caller.account_id:
        return
    account = await ctx.services.uow.accounts.get(request.account_id)
    if account is None or account.opted_out:
        return
    text = ctx.texts.text(account.language or "id", key, id=request.id, **values)
    ctx.notify(
        Notification(
            account_id=account.id,
            reply=Reply(text),
            kind=KIND,
            dedup_key=f"correction:{request.id}:handled",
        )
    )

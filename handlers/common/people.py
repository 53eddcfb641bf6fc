"""Reading a person's NIK, name or phone number as typed, and why one is refused: every
dialog that asks for one (participants, a paste, the coverage check, an official, the
audit log) explains a rejection reason of bot.domain (NikError, BadName, PhoneError)
in the same words."""

from __future__ import annotations

from bot.core.dialog import Context, Stay
from bot.domain.phone import PhoneError, normalise_phone
from bot.domain.roster import BadName, normalise_name

NIK_PROBLEMS = {
    "length": "participants_nik_length",
    "non_digit": "participants_nik_non_digit",
    "province": "participants_nik_province",
    "date": "participants_nik_date",
    "serial": "participants_nik_serial",
}
PHONE_PROBLEMS = {
    "empty": "participants_phone_empty",
    "format": "participants_phone_format",
    "length": "participants_phone_length",
    "not_mobile": "participants_phone_not_mobile",
}
NAME_PROBLEMS = {
    "missing": "participants_name_missing",
    "invalid": "participants_name_invalid",
    "too_long": "participants_name_too_long",
}


def nik_problem(ctx: Context, reason: str) -> str:
    return ctx.t(NIK_PROBLEMS.get(reason, "participants_nik_length"))


def name_problem(ctx: Context, reason: str) -> str:
    return ctx.t(NAME_PROBLEMS.get(reason, "participants_name_invalid"))


def phone_problem(ctx: Context, reason: str) -> str:
    return ctx.t(PHONE_PROBLEMS.get(reason, "participants_phone_format"))


def read_name(ctx: Context, text: str) -> str | Stay:
    """The name as it is kept (spaces and capitals tidied), or why it is refused."""
    try:
        return normalise_name(text)
    except BadName as error:
        return Stay(name_problem(ctx, error.reason))


def read_phone(ctx: Context, text: str) -> str | Stay:
    """The phone number in +62 form, or why it is refused."""
    try:
        return normalise_phone(text)
    except PhoneError as error:
        return Stay(phone_problem(ctx, error.reason))

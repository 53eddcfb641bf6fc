"""Reading an amount of rupiah the user typed, shared by every question that asks for
one (the premium simulation, an activity's value, a wage, an RT budget): any everyday
format; an ambiguous amount is asked back with its likely reading as a "Ya, Rp…" button,
which the next answer may take by tapping it or typing "ya". Also the programme's premium
rounding, which every premium shown or saved uses."""

from __future__ import annotations

from bot.core.dialog import Answer, Context
from bot.core.messages import Choice
from bot.domain.money import MoneyError, format_rupiah, parse_rupiah

# Where the likely reading of an ambiguous amount waits for the next answer.
LIKELY = "likely"
# Typed instead of tapping "Ya, Rp2.500.000".
AGREE = {"ya", "iya", "y", "yes", "betul", "benar", "ok", "oke"}


def money_problem(ctx: Context, error: MoneyError) -> str:
    """The Indonesian explanation of why a typed amount was not accepted. For an
    ambiguous amount the likely reading is kept so the next prompt can offer it."""
    if error.reason == "ambiguous" and error.likely is not None:
        ctx.data[LIKELY] = error.likely
        return ctx.t("premium_ambiguous", likely=format_rupiah(error.likely))
    if error.reason == "too_large":
        return ctx.t("premium_too_large")
    if error.reason == "negative":
        return ctx.t("premium_zero")
    return ctx.t("premium_not_money")


def likely_choice(ctx: Context) -> tuple[Choice, ...]:
    """A "Ya, Rp2.500.000" button when the last amount was ambiguous."""
    likely = ctx.data.get(LIKELY)
    if likely is None:
        return ()
    return (Choice(LIKELY, ctx.t("money_yes", amount=format_rupiah(likely))),)


def read_amount(ctx: Context, answer: Answer) -> int | str:
    """The amount the user meant, or the explanation of why it could not be read."""
    likely = ctx.data.pop(LIKELY, None)
    picked = answer.choice is not None and answer.choice.id == LIKELY
    if likely is not None and (picked or answer.text.casefold() in AGREE):
        return int(likely)
    try:
        return parse_rupiah(answer.text)
    except MoneyError as error:
        return money_problem(ctx, error)


def read_value(ctx: Context, answer: Answer) -> int | str:
    """A positive amount (an activity's value), or why the answer is not one."""
    value = read_amount(ctx, answer)
    if isinstance(value, int) and value <= 0:
        return ctx.t("premium_zero")
    return value


def rounding(ctx: Context) -> str:
    """How this programme rounds a premium (settings: program.premium_rounding)."""
    return str(ctx.services.settings.program.premium_rounding)

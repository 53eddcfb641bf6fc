"""Simulasi premi: anyone types an activity value in any everyday format and gets the
BPJS Jakon premium (JKK + JKM) from the full tiered schedule."""

from __future__ import annotations

from bot.core.dialog import Answer, Command, Context, Dialog, Go, MenuEntry, Outcome, Stay, Step
from bot.core.messages import Choice, Reply
from bot.domain.money import MoneyError, format_rupiah, parse_rupiah
from bot.domain.premium import premium_for
from handlers.warga.premium import NAME, texts

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


def premium_breakdown(ctx: Context, value: int) -> str:
    premium = premium_for(value, ctx.services.settings.program.premium_rounding)
    return ctx.t(
        "premium_result",
        value=format_rupiah(value),
        band=ctx.t(f"band_{premium.band}"),
        jkk=format_rupiah(premium.jkk),
        jkm=format_rupiah(premium.jkm),
        total=format_rupiah(premium.total),
    )


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


async def ask_value(ctx: Context) -> Reply:
    key = "premium_again" if ctx.data.get("shown") else "premium_ask_value"
    return Reply(ctx.t(key), choices=likely_choice(ctx))


async def handle_value(ctx: Context, answer: Answer) -> Outcome:
    value = read_amount(ctx, answer)
    if isinstance(value, str):
        return Stay(value)
    if value <= 0:
        return Stay(ctx.t("premium_zero"))
    ctx.say(premium_breakdown(ctx, value))
    ctx.data["shown"] = True
    return Go("value")


DIALOG = Dialog(
    name=NAME,
    texts=texts,
    first="value",
    steps={"value": Step(ask=ask_value, handle=handle_value)},
    command=Command("/premi", "command_premium"),
    entry=MenuEntry("menu_item_premium", 140),
)

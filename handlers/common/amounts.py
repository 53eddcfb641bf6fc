"""Reading an amount of rupiah the user typed, shared by every question that asks for
one (the premium simulation, an activity's value, a wage, an RT budget): any everyday
format, number words included. An ambiguous amount is asked back, never guessed: with one
plausible reading as a "Ya, Rp…" button (tap it or type "ya"), with several as one button
per reading ("Rp1.500.000.000 (1,5 miliar)", "Rp1.500.000"), which the next answer takes
by tapping it or typing its number. Also the programme's premium rounding and premium
basis (with or without PPN), which every premium shown or saved uses."""

from __future__ import annotations

from bot.activities import lifecycle
from bot.core.dialog import Answer, Context
from bot.core.messages import Choice
from bot.domain.money import MoneyError, format_rupiah, parse_rupiah, short_amount
from bot.domain.premium import Premium, PremiumBasis

# Where the readings of an ambiguous amount wait for the next answer: one int for a single
# likely reading (the stored form since before several readings existed), or a list.
LIKELY = "likely"
# Typed instead of tapping "Ya, Rp2.500.000".
AGREE = {"ya", "iya", "y", "yes", "betul", "benar", "ok", "oke"}


def money_problem(ctx: Context, error: MoneyError) -> str:
    """The Indonesian explanation of why a typed amount was not accepted. For an
    ambiguous amount the likely reading is kept so the next prompt can offer it."""
    if error.reason == "ambiguous" and len(error.readings) > 1:
        ctx.data[LIKELY] = list(error.readings)
        readings = ctx.t("money_or").join(f"*{reading_title(r)}*" for r in error.readings)
        return ctx.t("money_which", readings=readings)
    if error.reason == "ambiguous" and error.likely is not None:
        ctx.data[LIKELY] = error.likely
        return ctx.t("premium_ambiguous", likely=format_rupiah(error.likely))
    if error.reason == "too_large":
        return ctx.t("premium_too_large")
    if error.reason == "negative":
        return ctx.t("premium_zero")
    return ctx.t("premium_not_money")


def reading_title(amount: int) -> str:
    """A reading as its button shows it: "Rp1.500.000.000 (1,5 miliar)"."""
    short = short_amount(amount)
    # The gloss only helps where digits are many enough to miscount.
    if short is None or amount < 1_000_000:
        return format_rupiah(amount)
    return f"{format_rupiah(amount)} ({short})"


def likely_choice(ctx: Context) -> tuple[Choice, ...]:
    """A "Ya, Rp2.500.000" button when the last amount had one plausible reading, one
    button per reading when it had several, nothing otherwise."""
    likely = ctx.data.get(LIKELY)
    if likely is None:
        return ()
    if isinstance(likely, list):
        return tuple(
            Choice(f"{LIKELY}{index}", reading_title(int(amount)))
            for index, amount in enumerate(likely)
        )
    return (Choice(LIKELY, ctx.t("money_yes", amount=format_rupiah(likely))),)


def _picked_reading(likely: object, answer: Answer) -> int | None:
    """The reading the answer takes, if it takes one."""
    picked = answer.choice.id if answer.choice is not None else None
    if isinstance(likely, list):
        # Several readings: only a button (or its typed number) chooses; "ya" would guess.
        index = (picked or "").removeprefix(LIKELY)
        if picked and picked.startswith(LIKELY) and index.isdigit() and int(index) < len(likely):
            return int(likely[int(index)])
        return None
    if isinstance(likely, int) and (picked == LIKELY or answer.text.casefold() in AGREE):
        return likely
    return None


def read_amount(ctx: Context, answer: Answer) -> int | str:
    """The amount the user meant, or the explanation of why it could not be read."""
    reading = _picked_reading(ctx.data.pop(LIKELY, None), answer)
    if reading is not None:
        return reading
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


def premium_basis(ctx: Context) -> PremiumBasis:
    """The value the premium is computed on (program.premium_basis, program.ppn_rate)."""
    program = ctx.services.settings.program
    return PremiumBasis(mode=program.premium_basis, ppn_rate=program.ppn_rate)


def premium_of(ctx: Context, value: int, includes_ppn: bool) -> Premium:
    """The premium shown or saved for a value entered with (or without) PPN."""
    return lifecycle.premium(value, rounding(ctx), premium_basis(ctx), includes_ppn)

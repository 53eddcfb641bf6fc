"""Onboarding's steps: sharing the contact, the number not on the list, the invite code."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.core.dialog import ARGS, Answer, Context, End, Go, Outcome, Stay
from bot.core.identity import resolve_caller
from bot.core.messages import Choice, Reply
from bot.domain.dates import format_datetime
from bot.domain.vocabulary import Role
from bot.rts.invites import (
    ALREADY_CHAIR,
    ATTEMPT_WINDOW,
    EXPIRED,
    LIMITED,
    MALFORMED,
    OK,
    UNKNOWN,
    USED,
    normalise_code,
    redeem_invite,
)
from bot.workers.jobs.unidentified import REPEATED_FAILURES, Attempt, unidentified_chair_alerts
from handlers.common.access import own_rt_ids

USE_CODE = "code"
HELP = "help_onboarding"
# What people type when they try to give a number: digits and phone punctuation only.
_TYPED_PHONE = re.compile(r"\+?[\d\s\-.()/]{8,}")
# Why a code was refused, each saying whom to ask for a good one.
_REFUSALS = {
    MALFORMED: "onboarding_code_format",
    UNKNOWN: "onboarding_code_unknown",
    EXPIRED: "onboarding_code_expired",
    USED: "onboarding_code_used",
}


# --- entry: where does the caller stand? --------------------------------------------


async def enter(ctx: Context) -> Outcome | None:
    code = str(ctx.data.pop(ARGS, "") or "")
    if code:
        outcome = await _redeem(ctx, code)
        if isinstance(outcome, Stay):
            ctx.say(outcome.problem)
            return Go("code")
        return outcome
    if ctx.caller.has(Role.KETUA_RT):
        ctx.say(ctx.t("onboarding_already", rts=await _labels(ctx, own_rt_ids(ctx))))
        return End()
    if ctx.caller.phone:
        return Go("not_listed")
    return None


# --- share the phone / not on the list ----------------------------------------------


async def ask_share(ctx: Context) -> Reply:
    return Reply(ctx.t("onboarding_share"), choices=_code_button(ctx), request_phone=True)


async def ask_not_listed(ctx: Context) -> Reply:
    return Reply(
        ctx.t("onboarding_not_listed", phone=ctx.caller.phone or ""), choices=_code_button(ctx)
    )


async def handle_identify(ctx: Context, answer: Answer) -> Outcome:
    """Both the share prompt and the not-on-the-list answer accept the same things: a
    shared contact, the code button, a code typed straight away."""
    recognised = await _recognised_by_phone(ctx, answer)
    if recognised is not None:
        return recognised
    if answer.choice is not None and answer.choice.id == USE_CODE:
        return Go("code")
    if normalise_code(answer.text) is not None:
        return await _redeem(ctx, answer.text)
    if answer.message.phone and not answer.text:
        # A shared contact whose number is not on the list: the reply says whom to ask.
        if ctx.state.step == "share":
            return Go("not_listed")
        return Stay(ctx.t("onboarding_still_not_listed"))
    if _TYPED_PHONE.fullmatch(answer.text):
        return Stay(ctx.t("onboarding_typed_phone"))
    if ctx.state.step == "share":
        return Stay(ctx.t("onboarding_share_expected"))
    return Stay(ctx.t("onboarding_not_listed_expected"))


# --- invite code ---------------------------------------------------------------------


async def ask_code(ctx: Context) -> Reply:
    return Reply(ctx.t("onboarding_ask_code"))


async def handle_code(ctx: Context, answer: Answer) -> Outcome:
    recognised = await _recognised_by_phone(ctx, answer)
    if recognised is not None:
        return recognised
    if normalise_code(answer.text) is None and _TYPED_PHONE.fullmatch(answer.text):
        return Stay(ctx.t("onboarding_typed_phone"))
    return await _redeem(ctx, answer.text)


# --- shared --------------------------------------------------------------------------


async def _recognised_by_phone(ctx: Context, answer: Answer) -> Outcome | None:
    """End with a welcome when the message carries a verified phone on the RT list (a
    contact just shared on Telegram, or a number added to the list meanwhile)."""
    phone = answer.message.phone
    rts = await ctx.services.uow.rts.by_chair_phone(phone) if phone else []
    if not rts:
        return None
    name = rts[0].chair_name or ctx.caller.name
    labels = await _labels(ctx, (rt.id for rt in rts))
    ctx.say(ctx.t("onboarding_welcome_phone", name=name, rts=labels))
    return End()


async def _redeem(ctx: Context, text: str) -> Outcome:
    """Redeem a code: End with a welcome, or Stay saying why not and whom to contact."""
    uow = ctx.services.uow
    account = await uow.accounts.get(ctx.caller.account_id)
    assert account is not None, "the caller's account exists"
    result = await redeem_invite(uow, text, account, ctx.now)
    if result.outcome in (OK, ALREADY_CHAIR) and result.rt_id is not None:
        labels = await _labels(ctx, (result.rt_id,))
        if result.outcome == ALREADY_CHAIR:
            ctx.say(ctx.t("onboarding_already", rts=labels))
            return End()
        rt = await uow.rts.get(result.rt_id)
        assert rt is not None, "a redeemed invite's RT exists"
        ctx.say(ctx.t("onboarding_welcome_code", name=rt.chair_name or ctx.caller.name, rts=labels))
        # The caller was resolved before the role existed; the menu that follows should
        # already show what a Ketua RT can do.
        ctx.caller = await resolve_caller(uow, account)
        return End()
    if result.outcome in (UNKNOWN, EXPIRED, USED, LIMITED):
        await _alert_unidentified(ctx, ctx.caller.phone, text)
    if result.outcome == LIMITED and result.retry_at is not None:
        return Stay(ctx.t("onboarding_code_limited", time=format_datetime(result.retry_at)))
    return Stay(ctx.t(_REFUSALS.get(result.outcome, "onboarding_code_unknown")))


async def _alert_unidentified(ctx: Context, phone: str | None, code_text: str) -> None:
    """Tell the officials of an RT's area who want to know that someone typed wrong codes
    again and again, the last one this RT's. A phone not on the list, or codes of no known
    RT, alert nobody: anyone can tap "Saya Ketua RT", and the reply already says whom to
    ask (issue 11). Deduplicated per person and day in bot.workers.jobs.unidentified."""
    uow = ctx.services.uow
    since = ctx.now - ATTEMPT_WINDOW
    failures = len(await uow.invites.failures_after(ctx.caller.account_id, since))
    if failures < REPEATED_FAILURES:
        return
    code = normalise_code(code_text)
    invite = await uow.invites.find(code) if code else None
    rt = await uow.rts.get(invite.rt_id) if invite is not None else None
    if rt is None:
        return
    attempt = Attempt(
        account_id=ctx.caller.account_id,
        name=ctx.caller.name,
        channel=ctx.message.address.channel,
        phone=phone,
        kelurahan_code=rt.kelurahan_code,
        failures=failures,
        rt_label=await _labels(ctx, (rt.id,)),
    )
    for note in await unidentified_chair_alerts(uow, ctx.texts, attempt, ctx.now):
        ctx.notify(note)


async def _labels(ctx: Context, rt_ids: Iterable[int]) -> str:
    """Each RT as "RT 01 Kelurahan Simpang IV Sipin", joined."""
    uow = ctx.services.uow
    labels = []
    for rt_id in rt_ids:
        rt = await uow.rts.get(int(rt_id))
        if rt is None:
            continue
        kelurahan = await uow.regions.get_kelurahan(rt.kelurahan_code)
        name = kelurahan.name if kelurahan is not None else rt.kelurahan_code
        labels.append(ctx.t("onboarding_rt_label", rt=f"{rt.number:02d}", kelurahan=name))
    return ", ".join(labels)


def _code_button(ctx: Context) -> tuple[Choice, ...]:
    return (Choice(USE_CODE, ctx.t("onboarding_use_code")),)

"""Invite codes on their own: what a code looks like, how it is read back from what people
type, and every outcome of redeeming one, with what it leaves in the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.app import App
from bot.rts.invites import (
    ALPHABET,
    ALREADY_CHAIR,
    CODE_LENGTH,
    EXPIRED,
    LIMITED,
    MALFORMED,
    MAX_FAILED_ATTEMPTS,
    OK,
    UNKNOWN,
    USED,
    RedeemResult,
    create_invite,
    generate_code,
    normalise_code,
    redeem_invite,
)
from support.seeding import SeededRt

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


# --- the code itself -----------------------------------------------------------------


def test_generated_codes_use_the_unambiguous_alphabet_and_mix_letters_and_digits() -> None:
    for _ in range(500):
        code = generate_code()
        assert len(code) == CODE_LENGTH
        assert set(code) <= set(ALPHABET)
        assert not set(code) & set("0O1IL")
        assert any(ch.isdigit() for ch in code) and any(ch.isalpha() for ch in code)
        assert normalise_code(code) == code


def test_generated_codes_do_not_repeat() -> None:
    codes = [generate_code() for _ in range(2000)]
    assert len(set(codes)) == len(codes)


@pytest.mark.parametrize(
    "typed", ["K7Q2MX4P", "k7q2mx4p", "k7q2 mx4p", " K7Q2-MX4P ", "k7 q2 m x4p", "K7Q2.MX4P"]
)
def test_case_spaces_and_dashes_do_not_matter(typed: str) -> None:
    assert normalise_code(typed) == "K7Q2MX4P"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "K7Q2MX4",
        "K7Q2MX4PP",
        "K7Q2MX40",
        "K7Q2MXOP",
        "K1Q2MX4P",
        "menunggu",
        "23456789",
        "😀😀😀😀😀😀😀😀",
        "0812 3456 7890",
        "ya",
    ],
)
def test_what_cannot_be_a_code_is_not_read_as_one(typed: str) -> None:
    assert normalise_code(typed) is None


@given(st.text(max_size=40))
def test_reading_any_text_never_fails(text: str) -> None:
    code = normalise_code(text)
    assert code is None or (len(code) == CODE_LENGTH and set(code) <= set(ALPHABET))


# --- creating and redeeming ----------------------------------------------------------


async def new_account(app: App, chat_id: str, phone: str | None = None) -> int:
    async with app.uow_factory() as uow:
        account, _ = await uow.accounts.get_or_create("telegram", chat_id, "Penguji")
        if phone:
            await uow.accounts.set_phone(account, phone)
        await uow.commit()
        return int(account.id)


async def invite_for(app: App, rt: SeededRt, now: datetime = NOW, days: int = 7) -> str:
    async with app.uow_factory() as uow:
        code = await create_invite(uow, rt.id, None, now, days)
        await uow.commit()
        return code


async def redeem(app: App, code: str, account_id: int, now: datetime = NOW) -> RedeemResult:
    async with app.uow_factory() as uow:
        account = await uow.accounts.get(account_id)
        result = await redeem_invite(uow, code, account, now)
        await uow.commit()
        return result


async def chair_roles(app: App, account_id: int) -> list[tuple[str, str | None]]:
    async with app.uow_factory() as uow:
        return [
            (role.scope_kind, role.scope_code)
            for role in await uow.roles.list("ketua_rt")
            if role.account_id == account_id
        ]


async def test_create_invite_stores_a_unique_code_valid_for_the_given_days(
    app: App, rt: SeededRt
) -> None:
    codes = [await invite_for(app, rt, days=3) for _ in range(20)]
    assert len(set(codes)) == 20
    async with app.uow_factory() as uow:
        invite = await uow.invites.find(codes[0])
        assert invite.rt_id == rt.id and invite.used_at is None
        assert invite.expires_at == NOW + timedelta(days=3)


async def test_create_invite_refuses_an_unknown_rt(app: App) -> None:
    async with app.uow_factory() as uow:
        with pytest.raises(LookupError):
            await create_invite(uow, 9999, None, NOW, 7)


async def test_redeeming_grants_the_chair_role_and_uses_the_invite(app: App, rt: SeededRt) -> None:
    code = await invite_for(app, rt)
    account_id = await new_account(app, "tg-1")
    result = await redeem(app, code.lower(), account_id, NOW + timedelta(hours=1))
    assert result == RedeemResult(OK, rt_id=rt.id)
    assert await chair_roles(app, account_id) == [("rt", str(rt.id))]
    async with app.uow_factory() as uow:
        invite = await uow.invites.find(code)
        assert invite.used_by == account_id
        assert invite.used_at == NOW + timedelta(hours=1)
        role = (await uow.roles.list("ketua_rt"))[0]
        assert role.name == rt.chair_name


async def test_a_used_invite_is_refused_to_anyone_else(app: App, rt: SeededRt) -> None:
    code = await invite_for(app, rt)
    first = await new_account(app, "tg-1")
    second = await new_account(app, "tg-2")
    assert (await redeem(app, code, first)).ok
    assert await redeem(app, code, second) == RedeemResult(USED)
    assert await chair_roles(app, second) == []


async def test_the_same_account_redeeming_again_is_told_it_is_already_chair(
    app: App, rt: SeededRt
) -> None:
    code = await invite_for(app, rt)
    account_id = await new_account(app, "tg-1")
    await redeem(app, code, account_id)
    assert await redeem(app, code, account_id) == RedeemResult(ALREADY_CHAIR, rt_id=rt.id)
    assert len(await chair_roles(app, account_id)) == 1


async def test_a_chair_recognised_by_phone_does_not_use_up_the_invite(
    app: App, rt: SeededRt
) -> None:
    code = await invite_for(app, rt)
    account_id = await new_account(app, "tg-1", phone=rt.chair_phone)
    assert await redeem(app, code, account_id) == RedeemResult(ALREADY_CHAIR, rt_id=rt.id)
    async with app.uow_factory() as uow:
        assert (await uow.invites.find(code)).used_at is None


async def test_an_expired_invite_is_refused(app: App, rt: SeededRt) -> None:
    code = await invite_for(app, rt, days=7)
    account_id = await new_account(app, "tg-1")
    assert await redeem(app, code, account_id, NOW + timedelta(days=7)) == RedeemResult(EXPIRED)
    assert await chair_roles(app, account_id) == []
    async with app.uow_factory() as uow:
        assert (await uow.invites.find(code)).used_at is None


async def test_an_unknown_code_is_refused_and_logged(app: App, rt: SeededRt) -> None:
    account_id = await new_account(app, "tg-1")
    assert await redeem(app, "K7Q2MX4P", account_id) == RedeemResult(UNKNOWN)
    async with app.uow_factory() as uow:
        events = await uow.audit.recent(actor_account_id=account_id)
        assert [(e.action, e.detail) for e in events] == [
            ("invite_failed", {"outcome": "unknown", "code": "K7Q2MX4P"})
        ]


async def test_text_that_is_no_code_is_malformed_and_not_counted(app: App, rt: SeededRt) -> None:
    account_id = await new_account(app, "tg-1")
    for _ in range(MAX_FAILED_ATTEMPTS + 2):
        assert await redeem(app, "halo pak", account_id) == RedeemResult(MALFORMED)
    assert (await redeem(app, await invite_for(app, rt), account_id)).ok


async def test_too_many_failures_lock_the_account_out_for_an_hour(app: App, rt: SeededRt) -> None:
    code = await invite_for(app, rt)
    account_id = await new_account(app, "tg-1")
    for minute in range(MAX_FAILED_ATTEMPTS):
        result = await redeem(app, "ZZZZ2222", account_id, NOW + timedelta(minutes=minute))
        assert result.outcome == UNKNOWN
    # Even the right code is refused while locked: otherwise guessing would go on.
    locked = await redeem(app, code, account_id, NOW + timedelta(minutes=10))
    assert locked == RedeemResult(LIMITED, retry_at=NOW + timedelta(hours=1))
    assert await chair_roles(app, account_id) == []
    # Another account is not affected.
    other = await new_account(app, "tg-2")
    assert (await redeem(app, "ZZZZ2222", other, NOW + timedelta(minutes=10))).outcome == UNKNOWN
    # Once the oldest failure is an hour old, one more try is allowed.
    assert (await redeem(app, code, account_id, NOW + timedelta(hours=1))).ok

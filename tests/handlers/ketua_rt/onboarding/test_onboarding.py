"""How a Ketua RT becomes known to the bot, as they live it: recognised by the phone on the
RT list with no questions; on Telegram asked to share their contact; refused with whom to
contact when the number is not on the list; let in by a one-time invite code (typed or
from `/start KODE`); and every wrong turn answered while nothing is created."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bot.app import App
from bot.core.engine import NAV_WORDS
from bot.rts.invites import MAX_FAILED_ATTEMPTS, create_invite
from support.chat import Chat, Clock
from support.seeding import SeededRt, seed_rt

SAYA_KETUA = "Saya Ketua RT"
USE_CODE = "Pakai kode undangan"
ASK_CODE = "Ketik *kode undangan*"
SHARE = "Bagikan nomor HP"
GREETING_RT_01 = "Ketua RT 01, Kel. Simpang IV Sipin"


def plain(text: str) -> str:
    return text.replace("*", "")


def telegram(app: App, chat_id: str = "tg-1", name: str = "Budi") -> Chat:
    """A Telegram chat: no verified phone until the contact is shared."""
    return Chat(app, chat_id, channel="telegram", name=name)


async def shares_contact(chat: Chat, phone: str) -> None:
    """The user taps "Bagikan nomor HP": a message with the verified phone and no text."""
    chat.phone = phone
    try:
        await chat.sends()
    finally:
        chat.phone = None


async def stored_step(chat: Chat) -> tuple[str, str]:
    async with chat.app.uow_factory() as uow:
        conversation = await uow.conversations.get(chat.address.channel, chat.address.chat_id)
        return conversation.dialog, conversation.step


async def chair_roles(app: App) -> list[tuple[int | None, str | None]]:
    async with app.uow_factory() as uow:
        return [(r.account_id, r.scope_code) for r in await uow.roles.list("ketua_rt")]


async def account_id(chat: Chat) -> int:
    async with chat.app.uow_factory() as uow:
        account = await uow.accounts.find(chat.address.channel, chat.address.chat_id)
        return int(account.id)


async def invite(app: App, rt: SeededRt, now: datetime, days: int = 7) -> str:
    async with app.uow_factory() as uow:
        code = await create_invite(uow, rt.id, None, now, days)
        await uow.commit()
        return code


async def invite_used_by(app: App, code: str) -> int | None:
    async with app.uow_factory() as uow:
        return (await uow.invites.find(code)).used_by


async def open_onboarding(chat: Chat) -> None:
    await chat.says("menu")
    await chat.taps(SAYA_KETUA)


async def open_code_entry(chat: Chat) -> None:
    await open_onboarding(chat)
    await chat.taps(USE_CODE)
    assert ASK_CODE in chat.last.text
    assert await stored_step(chat) == ("onboarding", "code")


def spaced_lower(code: str) -> str:
    return f"{code[:4].lower()} {code[4:].lower()}"


# --- recognised by phone ---------------------------------------------------------------


async def test_a_chair_on_the_rt_list_is_recognised_without_any_question(ketua: Chat) -> None:
    await ketua.says("halo")
    assert "Selamat datang, Budi Santoso — " + GREETING_RT_01 in ketua.text
    assert SAYA_KETUA not in ketua.choices


async def test_a_resident_is_offered_saya_ketua_rt(warga: Chat) -> None:
    await warga.says("menu")
    assert SAYA_KETUA in warga.choices
    assert "Ketua RT" not in warga.last.text


async def test_telegram_without_a_phone_is_asked_to_share_the_contact(app: App) -> None:
    chat = telegram(app)
    await open_onboarding(chat)
    assert chat.last.request_phone
    assert SHARE in chat.last.text
    assert chat.choices == [USE_CODE]
    assert await stored_step(chat) == ("onboarding", "share")


async def test_sharing_a_contact_on_the_list_welcomes_the_chair(app: App, rt: SeededRt) -> None:
    chat = telegram(app)
    await open_onboarding(chat)
    await shares_contact(chat, rt.chair_phone)
    text = plain(chat.text)
    assert "Selamat datang, Bapak/Ibu Budi Santoso, Ketua RT 01 Kelurahan Simpang IV Sipin" in text
    assert GREETING_RT_01 in chat.last.text  # the menu now greets a chair
    assert SAYA_KETUA not in chat.choices
    assert await stored_step(chat) == ("menu", "main")
    # Later messages (no phone attached, as on Telegram) still know the chair.
    await chat.says("menu")
    assert GREETING_RT_01 in chat.text


async def test_a_shared_contact_not_on_the_list_is_refused_with_whom_to_contact(
    app: App, rt: SeededRt
) -> None:
    chat = telegram(app)
    await open_onboarding(chat)
    await shares_contact(chat, "+6281399990000")
    text = plain(chat.text)
    assert "tidak ada di daftar RT" in text
    assert "+6281399990000" in text  # their own number, shown only to them
    assert "lurah" in text and "pendamping kelurahan" in text
    assert "Tidak ada data yang dibuat" in text
    assert chat.choices == [USE_CODE]
    assert await stored_step(chat) == ("onboarding", "not_listed")
    assert await chair_roles(app) == []
    await chat.says("menu")
    assert "Ketua RT" not in chat.last.text and SAYA_KETUA in chat.choices


async def test_the_same_contact_shared_again_is_told_once_more(app: App, rt: SeededRt) -> None:
    chat = telegram(app)
    await open_onboarding(chat)
    await shares_contact(chat, "+6281399990000")
    await shares_contact(chat, "+6281399990000")
    assert "juga tidak ada di daftar RT" in chat.text
    assert await stored_step(chat) == ("onboarding", "not_listed")


async def test_a_whatsapp_number_not_on_the_list_is_told_at_once(warga: Chat) -> None:
    await open_onboarding(warga)
    assert "tidak ada di daftar RT" in plain(warga.text)
    assert "+6281300000001" in warga.text
    assert warga.choices == [USE_CODE]


async def test_a_typed_phone_number_is_not_accepted_as_identity(app: App, rt: SeededRt) -> None:
    chat = telegram(app)
    await open_onboarding(chat)
    await chat.says(rt.chair_phone)
    assert "Nomor yang diketik tidak bisa dipakai" in chat.text
    assert await stored_step(chat) == ("onboarding", "share")
    await chat.says("0812-0000-0001")
    assert "Nomor yang diketik tidak bisa dipakai" in chat.text
    async with app.uow_factory() as uow:
        account = await uow.accounts.find("telegram", "tg-1")
        assert account.phone is None
    assert await chair_roles(app) == []


async def test_a_number_added_to_the_list_later_is_recognised(app: App, warga: Chat) -> None:
    await warga.says("menu")
    assert SAYA_KETUA in warga.choices
    await seed_rt(app, "15.71.01.1001", 2, "Siti Aminah", "+6281300000001")
    await warga.taps(SAYA_KETUA)  # the menu shown before the list changed
    assert "sudah tercatat sebagai Ketua RT 02 Kelurahan Simpang IV Sipin" in warga.text
    assert await stored_step(warga) == ("menu", "main")
    assert SAYA_KETUA not in warga.choices


# --- invite codes ----------------------------------------------------------------------


async def test_start_with_a_code_makes_a_new_telegram_account_a_chair(
    app: App, rt: SeededRt, clock: Clock
) -> None:
    code = await invite(app, rt, clock.now)
    chat = telegram(app)
    await chat.says(f"/start {code}")
    text = plain(chat.text)
    assert "Pemberitahuan privasi" in text  # first contact
    assert "Kode undangan diterima. Selamat datang, Bapak/Ibu Budi Santoso" in text
    assert "Ketua RT 01 Kelurahan Simpang IV Sipin" in text
    assert GREETING_RT_01 in chat.last.text and SAYA_KETUA not in chat.choices
    assert await stored_step(chat) == ("menu", "main")
    me = await account_id(chat)
    assert await chair_roles(app) == [(me, str(rt.id))]
    assert await invite_used_by(app, code) == me


async def test_a_typed_code_works_in_lower_case_with_spaces(
    app: App, rt: SeededRt, warga: Chat, clock: Clock
) -> None:
    code = await invite(app, rt, clock.now)
    await open_code_entry(warga)
    await warga.says(spaced_lower(code))
    assert "Kode undangan diterima" in plain(warga.text)
    assert await stored_step(warga) == ("menu", "main")
    # Later messages know the chair through the granted role.
    await warga.says("menu")
    assert GREETING_RT_01 in warga.text
    assert SAYA_KETUA not in warga.choices


async def test_a_code_typed_at_the_share_prompt_is_taken(
    app: App, rt: SeededRt, clock: Clock
) -> None:
    code = await invite(app, rt, clock.now)
    chat = telegram(app)
    await open_onboarding(chat)
    await chat.says(code)
    assert "Kode undangan diterima" in plain(chat.text)


async def test_an_unknown_code_is_refused_with_whom_to_contact(app: App, warga: Chat) -> None:
    await open_code_entry(warga)
    await warga.says("ZZZZ 2222")
    text = plain(warga.text)
    assert "Kode itu tidak dikenal" in text and "lurah atau pendamping kelurahan" in text
    assert ASK_CODE in warga.last.text
    assert await stored_step(warga) == ("onboarding", "code")
    assert await chair_roles(app) == []


async def test_an_expired_code_is_refused(
    app: App, rt: SeededRt, warga: Chat, clock: Clock
) -> None:
    code = await invite(app, rt, clock.now, days=7)
    clock.advance(days=7, minutes=1)
    await open_code_entry(warga)
    await warga.says(code)
    assert "sudah kedaluwarsa" in warga.text and "Minta kode baru" in warga.text
    assert await stored_step(warga) == ("onboarding", "code")
    assert await chair_roles(app) == []
    assert await invite_used_by(app, code) is None


async def test_a_code_used_by_someone_else_is_refused(
    app: App, rt: SeededRt, warga: Chat, clock: Clock
) -> None:
    code = await invite(app, rt, clock.now)
    first = telegram(app)
    await first.says(f"/start {code}")
    await open_code_entry(warga)
    await warga.says(code)
    assert "sudah pernah dipakai" in warga.text
    assert await chair_roles(app) == [(await account_id(first), str(rt.id))]
    await warga.says("menu")
    assert "Ketua RT" not in warga.last.text


async def test_an_invite_cannot_be_redeemed_twice(app: App, rt: SeededRt, clock: Clock) -> None:
    code = await invite(app, rt, clock.now)
    chat = telegram(app)
    await chat.says(f"/start {code}")
    await chat.says(f"/start {code}")
    assert "sudah tercatat sebagai Ketua RT 01" in chat.text
    assert await stored_step(chat) == ("menu", "main")
    assert len(await chair_roles(app)) == 1


async def test_start_with_a_bad_code_explains_and_asks_for_the_code(app: App) -> None:
    chat = telegram(app)
    await chat.says("/start ZZZZ2222")
    assert "Kode itu tidak dikenal" in chat.text
    assert ASK_CODE in chat.last.text
    assert await stored_step(chat) == ("onboarding", "code")


async def test_bare_start_shows_the_menu(app: App) -> None:
    chat = telegram(app)
    await chat.says("/start")
    assert "Menu utama" in chat.last.text and SAYA_KETUA in chat.choices


async def test_repeated_wrong_codes_hit_the_limit(
    app: App, rt: SeededRt, warga: Chat, clock: Clock
) -> None:
    code = await invite(app, rt, clock.now)
    await open_code_entry(warga)
    for attempt in range(MAX_FAILED_ATTEMPTS):
        await warga.says(f"ZZZZ{attempt + 2}222")
        assert "tidak dikenal" in warga.text
    await warga.says(code)  # even the right code waits out the lock
    assert "Terlalu banyak kode yang salah" in warga.text
    assert "2 Maret 2026 10.00 WIB" in warga.text
    assert await chair_roles(app) == [] and await invite_used_by(app, code) is None
    await warga.says("/start " + code)
    assert "Terlalu banyak kode yang salah" in warga.text
    clock.advance(hours=1)
    await warga.says(code)
    assert "Kode undangan diterima" in plain(warga.text)


async def test_batal_at_the_code_step_creates_nothing(app: App, warga: Chat) -> None:
    await open_code_entry(warga)
    await warga.says("batal")
    assert "Dibatalkan" in warga.text
    assert await stored_step(warga) == ("menu", "main")
    assert await chair_roles(app) == []


async def test_kembali_from_the_code_step_returns_to_the_share_prompt(app: App) -> None:
    chat = telegram(app)
    await open_code_entry(chat)
    await chat.says("kembali")
    assert chat.last.request_phone
    assert await stored_step(chat) == ("onboarding", "share")


# --- bad input at every step -----------------------------------------------------------

BAD_INPUT = [
    ("nonsense", "asdf qwer"),
    ("emoji", "🙏🙏"),
    ("long", "x" * 5000),
    ("word of eight letters", "menunggu"),
]


async def at_step(app: App, step: str) -> Chat:
    if step == "share":
        chat = telegram(app)
        await open_onboarding(chat)
    else:
        chat = Chat(app, "wa-1", channel="whatsapp", phone="+6281399990000", name="Rudi")
        await open_onboarding(chat)
        if step == "code":
            await chat.taps(USE_CODE)
    assert await stored_step(chat) == ("onboarding", step)
    return chat


@pytest.mark.parametrize("step", ["share", "not_listed", "code"])
@pytest.mark.parametrize(("kind", "typed"), BAD_INPUT, ids=[k for k, _ in BAD_INPUT])
async def test_bad_input_is_answered_and_the_step_stays(
    app: App, step: str, kind: str, typed: str
) -> None:
    chat = await at_step(app, step)
    prompt = chat.last.text
    await chat.says(typed)
    assert len(chat.replies) == 2 and chat.replies[0].text.strip()
    assert chat.last.text == prompt
    assert "gangguan" not in chat.text
    assert await stored_step(chat) == ("onboarding", step)
    explanation = chat.replies[0].text
    await chat.says(typed)
    assert explanation in chat.text and chat.last.text == prompt
    if len(typed) <= 200:  # the engine remembers only the start of a message
        assert "Pesan yang sama terkirim lagi" in chat.text
    assert await stored_step(chat) == ("onboarding", step)
    assert await chair_roles(app) == []


@pytest.mark.parametrize("step", ["share", "not_listed", "code"])
async def test_a_stale_button_is_explained_and_the_step_stays(app: App, step: str) -> None:
    chat = await at_step(app, step)
    await chat.taps_id("premium")  # a menu button from earlier
    assert "Tombol itu sudah tidak berlaku" in chat.text
    assert await stored_step(chat) == ("onboarding", step)


async def test_bad_input_does_not_count_as_a_failed_code(
    app: App, rt: SeededRt, warga: Chat, clock: Clock
) -> None:
    code = await invite(app, rt, clock.now)
    await open_code_entry(warga)
    for typed in ["halo", "🙏", "kode saya hilang", "menunggu", "K7Q2MX40", "12"]:
        await warga.says(typed)
        assert "Itu bukan kode undangan" in warga.text
    await warga.says(code)
    assert "Kode undangan diterima" in plain(warga.text)


async def test_help_explains_how_a_chair_is_recognised(app: App) -> None:
    chat = telegram(app)
    await open_onboarding(chat)
    await chat.says("bantuan")
    assert "kode undangan sekali pakai" in chat.text
    assert await stored_step(chat) == ("onboarding", "share")


# NUL and lone surrogates are the service's business (see test_premium_dialog.py).
ANY_TEXT = st.text(
    alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=60
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(typed=ANY_TEXT, step=st.sampled_from(["share", "not_listed", "code"]))
async def test_any_text_gets_a_real_answer_and_creates_nothing(
    app: App, typed: str, step: str
) -> None:
    assume(typed.strip().casefold() not in NAV_WORDS and not typed.strip().startswith("/"))
    chat = await at_step(app, step)
    await chat.says(typed)
    assert chat.replies and all(reply.text.strip() for reply in chat.replies)
    assert "gangguan" not in chat.text
    assert (await stored_step(chat))[0] == "onboarding"
    assert await chair_roles(app) == []

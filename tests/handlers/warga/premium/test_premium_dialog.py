"""Simulasi premi as a user lives it, through the real conversation service and database:
every money format people type, the ambiguous "2,5" asked back with a "Ya" button, helpful
answers to anything else (the question stays), and the commands that work at every step."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.chat import Chat

ASK_VALUE = "Berapa nilai kegiatan?"
ASK_AGAIN = "Ketik nilai lain"


async def open_simulation(chat: Chat) -> None:
    await chat.says("menu")
    await chat.taps("Simulasi premi")
    assert ASK_VALUE in chat.text


async def stored_step(chat: Chat) -> tuple[str, str]:
    async with chat.app.uow_factory() as uow:
        conversation = await uow.conversations.get(chat.address.channel, chat.address.chat_id)
        return conversation.dialog, conversation.step


async def assert_still_asking_the_value(chat: Chat) -> None:
    assert ASK_VALUE in chat.last.text or ASK_AGAIN in chat.last.text
    assert await stored_step(chat) == ("premium", "value")


def plain(text: str) -> str:
    """The reply without Markdown emphasis."""
    return text.replace("*", "")


@pytest.mark.parametrize(
    ("typed", "value", "total"),
    [
        ("Rp25.000.000", "Rp25.000.000", "Rp60.000"),
        ("Rp 25.000.000,-", "Rp25.000.000", "Rp60.000"),
        ("25.000.000", "Rp25.000.000", "Rp60.000"),
        ("25000000", "Rp25.000.000", "Rp60.000"),
        ("25 juta", "Rp25.000.000", "Rp60.000"),
        ("25jt", "Rp25.000.000", "Rp60.000"),
        ("2,5 jt", "Rp2.500.000", "Rp6.000"),
        ("2.5 juta", "Rp2.500.000", "Rp6.000"),
        ("500 ribu", "Rp500.000", "Rp1.200"),
        ("500rb", "Rp500.000", "Rp1.200"),
        ("1,2 M", "Rp1.200.000.000", "Rp1.990.000"),
        ("1,2 miliar", "Rp1.200.000.000", "Rp1.990.000"),
    ],
)
async def test_every_money_format_gives_the_premium(
    chat: Chat, typed: str, value: str, total: str
) -> None:
    await open_simulation(chat)
    await chat.says(typed)
    text = plain(chat.text)
    assert f"Nilai kegiatan: {value}" in text
    assert f"Total premi: {total}" in text


async def test_the_breakdown_of_850_juta(chat: Chat) -> None:
    await open_simulation(chat)
    await chat.says("850jt")
    text = plain(chat.text)
    assert "JKK (kecelakaan kerja): Rp1.345.000" in text
    assert "JKM (kematian): Rp180.000" in text
    assert "Total premi: Rp1.525.000" in text
    assert "Rp500 juta–1 miliar" in text  # the band, by name
    assert ASK_AGAIN in chat.last.text  # ready for the next value


async def test_several_values_in_a_row(chat: Chat) -> None:
    await open_simulation(chat)
    await chat.says("25 juta")
    await chat.says("150jt")
    assert "Total premi: Rp335.000" in plain(chat.text)


async def test_an_ambiguous_value_is_asked_back_and_the_yes_button_computes_it(
    chat: Chat,
) -> None:
    await open_simulation(chat)
    await chat.says("2,5")
    assert "Maksud Anda Rp2.500.000?" in plain(chat.text)
    assert "Total premi" not in chat.text
    assert chat.choices == ["Ya, Rp2.500.000"]
    await chat.taps("Ya, Rp2.500.000")
    assert "Total premi: Rp6.000" in plain(chat.text)
    assert chat.choices == []


async def test_the_yes_button_can_be_picked_by_typing_its_number(chat: Chat) -> None:
    await open_simulation(chat)
    await chat.says("25")
    await chat.says("1")
    assert "Total premi: Rp60.000" in plain(chat.text)


async def test_a_later_answer_drops_the_offer(chat: Chat) -> None:
    await open_simulation(chat)
    await chat.says("2,5")
    await chat.says("abc")
    assert chat.choices == []
    assert "Rp2.500.000" not in chat.text
    await chat.taps_id("likely")  # the old "Ya" button, tapped late
    assert "Tombol itu sudah tidak berlaku" in chat.text
    assert "Total premi" not in chat.text
    await assert_still_asking_the_value(chat)


async def test_a_clear_value_after_the_question_is_taken_as_typed(chat: Chat) -> None:
    await open_simulation(chat)
    await chat.says("2,5")
    await chat.says("25 juta")
    assert "Total premi: Rp60.000" in plain(chat.text)
    assert chat.choices == []


@pytest.mark.parametrize(
    ("typed", "explanation"),
    [
        ("abc", "Contoh: *25 juta*"),
        ("💰💰", "Contoh: *25 juta*"),
        ("25.000,50", "Contoh: *25 juta*"),
        ("0", "harus lebih dari Rp0"),
        ("Rp0", "harus lebih dari Rp0"),
        ("x" * 5000, "terlalu panjang"),
        ("999999 triliun", "terlalu besar"),
    ],
)
async def test_what_is_not_a_value_gets_a_helpful_answer(
    chat: Chat, typed: str, explanation: str
) -> None:
    await open_simulation(chat)
    await chat.says(typed)
    assert explanation in chat.text
    assert "Total premi" not in chat.text
    await assert_still_asking_the_value(chat)


async def test_a_negative_value_is_told_it_must_be_positive(chat: Chat) -> None:
    await open_simulation(chat)
    await chat.says("-5 juta")
    assert "harus lebih dari Rp0" in chat.text
    await assert_still_asking_the_value(chat)


async def test_the_same_wrong_answer_twice_is_noticed(chat: Chat) -> None:
    await open_simulation(chat)
    await chat.says("abc")
    await chat.says("abc")
    assert "Pesan yang sama terkirim lagi" in chat.text


async def test_menu_leaves_the_simulation(chat: Chat) -> None:
    await open_simulation(chat)
    await chat.says("MENU")
    assert "Menu utama" in chat.last.text
    assert await stored_step(chat) == ("menu", "main")


async def test_batal_cancels(chat: Chat) -> None:
    await open_simulation(chat)
    await chat.says("batal")
    assert "Dibatalkan" in chat.text
    assert "Menu utama" in chat.last.text
    assert await stored_step(chat) == ("menu", "main")


async def test_kembali_on_the_first_question_explains_and_asks_again(chat: Chat) -> None:
    await open_simulation(chat)
    await chat.says("kembali")
    assert "tidak ada langkah sebelumnya" in chat.text
    await assert_still_asking_the_value(chat)


async def test_bantuan_explains_and_asks_again(chat: Chat) -> None:
    await open_simulation(chat)
    await chat.says("bantuan")
    assert "batal" in chat.text and "menu" in chat.text
    await assert_still_asking_the_value(chat)
    await chat.says("25jt")
    assert "Total premi: Rp60.000" in plain(chat.text)


async def test_a_stale_menu_button_is_explained(chat: Chat) -> None:
    await open_simulation(chat)
    await chat.taps_id("premium")  # the menu's "Simulasi premi" button, tapped again
    assert "Tombol itu sudah tidak berlaku" in chat.text
    await assert_still_asking_the_value(chat)


async def test_the_value_is_asked_in_english_for_an_english_account(chat: Chat) -> None:
    await chat.says("menu")
    async with chat.app.uow_factory() as uow:
        account = await uow.accounts.find(chat.address.channel, chat.address.chat_id)
        account.language = "en"
        await uow.commit()
    await chat.says("menu")
    await chat.taps("Premium simulation")
    assert "What is the activity's value?" in chat.text
    await chat.says("850jt")
    assert "Total premium: Rp1.525.000" in plain(chat.text)


@pytest.mark.backends()
@pytest.mark.parametrize("odd", ["\x00", "\ud800"], ids=["nul", "lone-surrogate"])
async def test_characters_a_database_refuses_are_answered_like_any_text(
    chat: Chat, backend: str, odd: str, request: pytest.FixtureRequest
) -> None:
    # A webhook's JSON may carry "\u0000" or a lone "\ud800"; PostgreSQL refuses NUL in
    # text, and no driver can encode a lone surrogate as UTF-8.
    await open_simulation(chat)
    await chat.says(f"25{odd} juta")
    assert "gangguan" not in chat.text
    await assert_still_asking_the_value(chat)


ANY_TEXT = st.text(max_size=80)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(typed=ANY_TEXT)
async def test_any_text_gets_a_real_answer(chat: Chat, typed: str) -> None:
    await open_simulation(chat)
    await chat.says(typed)
    assert chat.replies and all(reply.text.strip() for reply in chat.replies)
    assert "gangguan" not in chat.text  # never the apology for an internal error

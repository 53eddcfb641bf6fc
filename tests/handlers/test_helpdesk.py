"""Bantuan gives the helpdesk contact (setting `program.helpdesk`): every help answer of
every dialog ends with it when it is set, and none is shown (no made-up number) when it
is empty — the default."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio

from bot.app import App, build_app
from bot.config import Settings
from handlers.catalogue import HELP_KEYS, LANGUAGES, Catalogue
from handlers.registry import REGISTRY
from storage.database import Database
from support.chat import Chat, Clock
from support.seeding import TEST_NIK_KEY

CONTACT = "DPMPPA Kota Jambi, telp. 0741-000000 (contoh)"


@pytest_asyncio.fixture
async def helpdesk_app(database: Database, clock: Clock) -> AsyncIterator[App]:
    settings = Settings(database={"url": "sqlite+aiosqlite://"}, program={"helpdesk": CONTACT})
    yield await build_app(settings, TEST_NIK_KEY, upgrade=False, clock=clock, database=database)


def test_every_help_text_of_every_dialog_ends_with_the_contact() -> None:
    steps = {s.help for d in REGISTRY.dialogs.values() for s in d.steps.values()}
    assert steps <= HELP_KEYS and "menu_help" in HELP_KEYS
    with_contact = Catalogue(helpdesk=f"  {CONTACT} ")
    for language in LANGUAGES:
        for key in HELP_KEYS:
            text = with_contact.text(language, key)
            assert text.endswith(CONTACT), (language, key)
            assert text.startswith(LANGUAGES[language][key])
    assert Catalogue(helpdesk=CONTACT).text("id", "pick_one") == LANGUAGES["id"]["pick_one"]


def test_no_contact_by_default() -> None:
    assert Settings().program.helpdesk == ""
    for key in HELP_KEYS:
        assert "☎️" not in Catalogue().text("id", key)


async def test_bantuan_in_a_dialog_and_in_the_menu(helpdesk_app: App) -> None:
    warga = Chat(helpdesk_app, "warga-9", channel="whatsapp", phone="+6281300000009")
    await warga.says("/cek")
    await warga.says("bantuan")
    assert f"Butuh bantuan petugas? {CONTACT}" in warga.text
    await warga.says("menu")
    await warga.taps("Bantuan")
    assert f"Butuh bantuan petugas? {CONTACT}" in warga.text
    await warga.says("bantuan")
    assert CONTACT in warga.text


async def test_without_the_setting_bantuan_names_no_contact(app: App, warga: Chat) -> None:
    await warga.says("/cek")
    await warga.says("bantuan")
    assert "☎️" not in warga.text

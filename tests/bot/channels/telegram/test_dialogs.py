"""Whole conversations on Telegram, through python-telegram-bot and a fake Bot API over
real HTTP, in both modes: long polling, and the webhook endpoint of our web app fed with
real Telegram update JSON. A Ketua RT onboards by sharing their contact, registers an
activity, pastes the participants and confirms (the surat tugas arrives as a document);
a resident checks their coverage; answered buttons disappear and late taps do nothing."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from datetime import date

import pytest
import pytest_asyncio
from pypdf import PdfReader

from bot.app import App
from handlers.registry import REGISTRY
from support.activity_helpers import SITI, add_participant, confirm_directly, create_activity
from support.fake_telegram import FakeTelegram, Running, TelegramUser, bot_on_fake
from support.seeding import SeededRt

PASTED = (
    "1571014506900001; Siti Aminah; warga; 0813-0000-0001\n1571010101850002; Budi Santoso; ketua rt"
)
TITLE = "Perbaikan drainase <Gang> Mawar & Melati"


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    server = await FakeTelegram().start()
    yield server
    await server.stop()


@pytest_asyncio.fixture(params=["polling", "webhook"])
async def telegram(
    request: pytest.FixtureRequest, app: App, fake: FakeTelegram
) -> AsyncIterator[Running]:
    webhook = request.param == "webhook"
    # What the composition root passes: the registry's commands, described by the catalogue.
    wanted = ("/menu", "/batal", "/bantuan", "/daftar", "/cek")
    commands = [c for c in REGISTRY.telegram_commands(app.texts) if c[0] in wanted]
    async with bot_on_fake(fake, app.service.handle, webhook=webhook, commands=commands) as bot:
        yield bot


async def onboard(budi: TelegramUser) -> None:
    await budi.says("/start")
    assert "Menu utama" in budi.text
    await budi.taps("Saya Ketua RT")
    assert budi.buttons == ["📱 Bagikan nomor HP", "Pakai kode undangan"]
    assert budi.replies[-1].markup["keyboard"][0][0]["request_contact"] is True  # type: ignore[index]
    await budi.shares_contact("6281200000001")  # as Telegram sends it: no "+"


async def test_a_ketua_rt_onboards_registers_and_gets_the_surat_tugas(
    app: App, rt: SeededRt, telegram: Running, fake: FakeTelegram
) -> None:
    budi = telegram.user(5001, "Budi", "Santoso")
    await onboard(budi)
    assert "Selamat datang, Bapak/Ibu Budi Santoso, Ketua RT 01" in budi.text
    assert budi.replies[0].markup == {"remove_keyboard": True}  # the share button goes away
    assert "Daftarkan kegiatan" in budi.buttons

    await budi.taps("Daftarkan kegiatan")
    await budi.says(TITLE)
    await budi.taps("Drainase")
    await budi.says("Jl. Kenari RT 01")
    await budi.says("hari ini")
    await budi.says("lusa")
    await budi.says("25 juta")
    await budi.taps("Tidak")
    assert "Ringkasan kegiatan" in budi.text
    summary = budi.replies[-1]
    assert f"Nama: {TITLE}" in summary.text  # shown literally …
    assert "&lt;Gang&gt; Mawar &amp; Melati" in summary.html  # … because it went escaped

    await budi.taps("Simpan")
    await budi.taps("Tempel")
    await budi.says(PASTED)
    assert "2 ditambahkan" in budi.text
    await budi.taps("Konfirmasi perlindungan")
    await budi.taps("Ya, konfirmasi")

    assert "Perlindungan terkonfirmasi" in budi.text
    ((name, mime, data),) = budi.documents
    assert name == "surat_tugas_KB-2026-00001_r0.pdf" and mime == "application/pdf"
    pdf = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Siti Aminah" in pdf and "Budi Santoso" in pdf
    (letter,) = [m for m in budi.replies if m.file]
    assert letter.raw["caption"].startswith("📄 Surat tugas")
    async with app.uow_factory() as uow:
        (activity,) = await uow.activities.list_for_rt(rt.id)
        assert activity.status == "confirmed" and activity.title == TITLE
        account = await uow.accounts.find("telegram", "5001")
        assert account.phone == "+6281200000001"


async def test_a_resident_checks_their_coverage_by_sharing_their_contact(
    app: App, rt: SeededRt, telegram: Running
) -> None:
    activity_id = await create_activity(app, rt.id, start=date(2026, 3, 2), end=date(2026, 3, 31))
    await add_participant(app, activity_id, SITI, phone="+6281300000001")
    await confirm_directly(app, activity_id, app.service.clock())

    siti = telegram.user(7001, "Siti", "Aminah")
    await siti.says("/cek")
    assert siti.buttons[0] == "📱 Bagikan nomor HP"
    await siti.shares_contact("+62 813-0000-0001")

    assert "Perlindungan untuk nomor +6281300000001" in siti.text
    assert "Perbaikan jalan Gang Melati" in siti.text and "1571********0001" in siti.text
    assert siti.replies[0].markup == {"remove_keyboard": True}


async def test_an_answered_question_loses_its_buttons_and_a_late_tap_does_nothing(
    app: App, rt: SeededRt, telegram: Running, fake: FakeTelegram
) -> None:
    budi = telegram.user(5001, "Budi", "Santoso")
    await onboard(budi)
    menu = budi.replies[-1]
    late_tap = budi.taps_update("Daftarkan kegiatan")  # tapped twice before the edit lands
    await budi.taps("Daftarkan kegiatan")
    assert "Apa nama kegiatannya?" in budi.text
    assert menu.markup is None  # editMessageReplyMarkup took the buttons away

    await budi.send(late_tap)
    assert "sudah tidak berlaku" in budi.text
    assert "Apa nama kegiatannya?" in budi.text  # asked again, nothing else happened
    assert len(fake.answered) == 3  # every tap was answered, the late one too

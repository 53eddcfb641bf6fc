"""What the conversation service receives from Telegram — polled through PTB from the
fake Bot API, or posted to the webhook as Telegram's JSON: text and commands (the bot's
@name dropped), taps (answered, the choice id and title), a contact only when it is the
sender's own, locations, documents (downloaded, within 5 MB), stable message ids for
deduplication; and what it never receives: group chats (told once to write privately),
strangers' contacts, stickers. Also what the replies look like once sent."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from bot.channels.telegram.render import STALE_CHOICE
from bot.core.messages import Attachment, Choice, Document, Location, Reply
from handlers.catalogue import Catalogue
from handlers.registry import REGISTRY
from support.fake_telegram import FakeTelegram, Running, ScriptedService, bot_on_fake


@pytest_asyncio.fixture
async def service() -> ScriptedService:
    scripted = ScriptedService()
    scripted.answer = [Reply("Siap.")]
    return scripted


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    server = await FakeTelegram().start()
    yield server
    await server.stop()


@pytest_asyncio.fixture(params=["polling", "webhook"])
async def telegram(
    request: pytest.FixtureRequest, fake: FakeTelegram, service: ScriptedService
) -> AsyncIterator[Running]:
    """The channel in both modes: updates from getUpdates, or POSTed as webhook JSON."""
    webhook = request.param == "webhook"
    # What the composition root passes: the registry's commands, described by the catalogue.
    wanted = ("/menu", "/batal", "/bantuan", "/daftar", "/cek")
    commands = [c for c in REGISTRY.telegram_commands(Catalogue()) if c[0] in wanted]
    async with bot_on_fake(fake, service.handle, webhook=webhook, commands=commands) as bot:
        yield bot


async def test_a_command_arrives_as_text_without_the_bots_name(
    telegram: Running, service: ScriptedService
) -> None:
    budi = telegram.user(5001, "Budi", "Santoso")
    update = budi.says_update("/start@KampungBahagiaBot KB7Q2M")
    await budi.send(update)
    (message,) = service.received
    assert message.text == "/start KB7Q2M" and message.sender_name == "Budi Santoso"
    assert message.address.channel == "telegram" and message.address.chat_id == "5001"
    assert message.message_id == f"5001:{update['message']['message_id']}"
    assert message.phone is None
    assert budi.text == "Siap."


async def test_a_tap_is_answered_and_arrives_as_the_choice_with_its_title(
    telegram: Running, service: ScriptedService, fake: FakeTelegram
) -> None:
    service.answer = [Reply("Pilih:", choices=(Choice("act:12", "Perbaikan <jalan>"),))]
    user = telegram.user(5001, "Budi")
    await user.says("menu")
    tap = user.taps_update("Perbaikan")
    await user.send(tap)
    message = service.received[-1]
    assert (message.choice_id, message.text) == ("act:12", "Perbaikan <jalan>")
    assert message.message_id == f"cb:{tap['callback_query']['id']}"
    assert fake.answered == [tap["callback_query"]["id"]]


async def test_a_contact_counts_only_when_it_is_the_senders_own(
    telegram: Running, service: ScriptedService
) -> None:
    siti = telegram.user(7001, "Siti")
    await siti.shares_contact("62 813 0000 0001", owner_id=9999)  # a neighbour's card
    assert "bukan nomor akun Telegram Anda" in siti.text
    await siti.shares_contact("+6281300000001", owner_id=None)  # from the phone book
    assert "bukan nomor akun Telegram Anda" in siti.text
    assert service.received == []

    await siti.shares_contact("6281300000001")
    (message,) = service.received
    assert message.phone == "+6281300000001" and message.text == ""


async def test_an_unusable_own_number_is_explained(
    telegram: Running, service: ScriptedService
) -> None:
    user = telegram.user(7002, "Tono")
    await user.shares_contact("12")
    assert "tidak bisa kami pakai" in user.text and service.received == []


async def test_a_location_arrives_as_a_location(
    telegram: Running, service: ScriptedService
) -> None:
    user = telegram.user(5001, "Budi")
    await user.shares_location(-1.6101, 103.6131)
    assert service.received[-1].location == Location(-1.6101, 103.6131)


async def test_a_document_is_downloaded_and_handed_over(
    telegram: Running, service: ScriptedService, fake: FakeTelegram
) -> None:
    rows = b"kelurahan;rt;ketua;hp\nSimpang IV Sipin;1;Budi Santoso;081200000001\n"
    admin = telegram.user(9001, "Admin")
    await admin.sends_document("daftar_rt.csv", rows, "text/csv")
    message = service.received[-1]
    assert message.attachment == Attachment("daftar_rt.csv", "text/csv", rows)
    assert fake.calls_of("getFile")


async def test_a_document_over_5_mb_is_refused_without_downloading(
    telegram: Running, service: ScriptedService, fake: FakeTelegram
) -> None:
    admin = telegram.user(9001, "Admin")
    update = admin.document_update("besar.xlsx", b"PK...", "application/octet-stream")
    update["message"]["document"]["file_size"] = 6 * 1024 * 1024
    await admin.send(update)
    assert "terlalu besar" in admin.text
    assert service.received == [] and not fake.calls_of("getFile")


async def test_a_sticker_is_explained_not_passed_on(
    telegram: Running, service: ScriptedService
) -> None:
    user = telegram.user(5001, "Budi")
    sticker = {"file_id": "s1", "file_unique_id": "us1", "type": "regular", "width": 512,
               "height": 512, "is_animated": False, "is_video": False}  # fmt: skip
    await user.send(user._message(sticker=sticker))
    assert "hanya bisa membaca teks" in user.text and service.received == []


async def test_a_group_is_told_once_to_write_privately(
    telegram: Running, service: ScriptedService, fake: FakeTelegram
) -> None:
    group = {"id": -100500, "type": "supergroup", "title": "Ketua RT Telanaipura"}
    budi = telegram.user(5001, "Budi", chat=group)
    await budi.says("/daftar@KampungBahagiaBot")
    assert "hanya melayani chat pribadi" in budi.text
    await budi.says("halo bot")
    assert budi.replies == []  # said once is enough
    assert service.received == []


async def test_long_replies_are_split_and_files_and_charts_are_sent(
    telegram: Running, service: ScriptedService, fake: FakeTelegram
) -> None:
    listing = "\n".join(f"{n}. Peserta nomor {n} — Warga & <tamu>" for n in range(400))
    chart = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
    service.answer = [
        Reply(listing, choices=(Choice("menu", "Menu"),)),
        Reply("📊 Ringkasan", image=Document("grafik.png", "image/png", chart)),
    ]
    user = telegram.user(5001, "Budi")
    await user.says("/ringkasan")
    texts = [m for m in user.replies if m.file is None]
    assert len(texts) > 1 and all(len(m.text) <= 4096 for m in texts)
    assert "\n".join(m.text for m in texts) == listing
    assert texts[-1].buttons and not texts[0].buttons
    (photo,) = [m for m in user.replies if m.photo]
    assert photo.file == ("grafik.png", "image/png", chart) and photo.text == "📊 Ringkasan"


async def test_buttons_of_a_question_answered_by_typing_no_longer_count(
    telegram: Running, service: ScriptedService
) -> None:
    service.answer = [Reply("Termasuk PPN?", choices=(Choice("y", "Ya"), Choice("n", "Tidak")))]
    user = telegram.user(8001, "Dewi")
    await user.says("/start")
    old_tap = user.taps_update("Ya")
    await user.says("tidak")  # typed; the next question has the same buttons
    await user.send(old_tap)
    assert service.received[-1].choice_id == STALE_CHOICE  # the engine: "expired"
    await user.taps("Ya")  # the current question's "Ya" counts
    assert service.received[-1].choice_id == "y"


async def test_the_command_menu_is_set_in_indonesian(fake: FakeTelegram, telegram: Running) -> None:
    commands = {c["command"]: c["description"] for c in fake.commands}
    assert list(commands) == ["menu", "batal", "bantuan", "daftar", "cek"]
    assert commands["cek"] == "Cek perlindungan BPJS saya"

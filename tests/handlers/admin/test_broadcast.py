"""Broadcast to RT chairs: the audience (all, or one kecamatan: chairs by phone and by
invite, without those who opted out), the preview with the count, one outbox message per
recipient after "Kirim", and nothing at all when the admin cancels."""

from __future__ import annotations

from typing import Any

from bot.app import App
from support.chat import Chat
from support.seeding import SeededRt, seed_rt

TEXT = "Rapat Ketua RT hari Sabtu pukul 09.00 di kantor camat."


async def outbox(app: App) -> list[Any]:
    async with app.uow_factory() as uow:
        return list(await uow.outbox.due(app.service.clock().replace(year=2100), 10_000))


async def chairs_say_hello(app: App, ketua: Chat, other_ketua: Chat, warga: Chat) -> Chat:
    """Chairs and a resident who have used the bot, plus a chair who came in with an
    invite code (Telegram, no phone) and a chair who opted out."""
    for chat in (ketua, other_ketua, warga):
        await chat.says("menu")
    invited = Chat(app, "tg-invited", channel="telegram", name="Sri")
    await invited.says("menu")
    third = await seed_rt(app, "15.71.02.1005", 7, "Yanto", "+6281200000077")
    opted_out = Chat(app, "yanto", channel="whatsapp", phone=third.chair_phone)
    await opted_out.says("menu")
    async with app.uow_factory() as uow:
        account = await uow.accounts.find("telegram", "tg-invited")
        rt = await uow.rts.find("15.71.01.1001", 1)
        await uow.roles.grant(
            "ketua_rt", account_id=account.id, scope_kind="rt", scope_code=str(rt.id)
        )
        (await uow.accounts.find("whatsapp", "yanto")).opted_out = True
        await uow.commit()
    return invited


async def write(admin: Chat, target: str, text: str = TEXT) -> None:
    await admin.says("/admin")
    await admin.taps("Siaran")
    await admin.taps(target)
    assert "Tulis pesannya" in admin.last.text
    await admin.says(text)


async def test_broadcast_to_every_chair(
    app: App, admin: Chat, ketua: Chat, other_ketua: Chat, warga: Chat
) -> None:
    await chairs_say_hello(app, ketua, other_ketua, warga)
    await write(admin, "Semua Ketua RT")
    preview = admin.last.text
    assert TEXT in preview and "Pengumuman Program Kampung Bahagia" in preview
    assert "Akan dikirim ke *3* Ketua RT (Semua Ketua RT)" in preview
    assert await outbox(app) == []  # nothing before "Kirim"
    await admin.taps("Kirim ke 3 orang")
    assert "Siaran masuk antrean: 3 pesan" in admin.text
    assert "Menu admin" in admin.last.text

    queued = await outbox(app)
    assert sorted(m.chat_id for m in queued) == ["ketua-1", "ketua-2", "tg-invited"]
    async with app.uow_factory() as uow:
        event = (await uow.audit.recent(1))[0]
    assert event.action == "broadcast" and event.detail["recipients"] == 3
    for message in queued:
        assert (message.kind, message.priority) == ("broadcast", 9)
        assert message.dedup_key == f"broadcast:{event.id}:{message.account_id}"
        assert TEXT in message.payload["text"]
        assert message.payload["template"] == {"name": "broadcast", "params": [TEXT]}


async def test_broadcast_to_one_kecamatan(
    app: App, admin: Chat, ketua: Chat, other_ketua: Chat, warga: Chat
) -> None:
    await chairs_say_hello(app, ketua, other_ketua, warga)
    await write(admin, "Kec. Telanaipura")
    assert "Akan dikirim ke *2* Ketua RT (Kec. Telanaipura)" in admin.last.text
    await admin.taps("Kirim")
    assert sorted(m.chat_id for m in await outbox(app)) == ["ketua-1", "tg-invited"]


async def test_a_typed_kecamatan_name_works(
    app: App, admin: Chat, ketua: Chat, other_ketua: Chat, warga: Chat
) -> None:
    await chairs_say_hello(app, ketua, other_ketua, warga)
    await admin.says("/admin")
    await admin.taps("Siaran")
    await admin.says("jambi selatan")
    await admin.says(TEXT)
    assert "Akan dikirim ke *1* Ketua RT (Kec. Jambi Selatan)" in admin.last.text


async def test_cancel_leaves_nothing(
    app: App, admin: Chat, ketua: Chat, other_ketua: Chat, warga: Chat
) -> None:
    await chairs_say_hello(app, ketua, other_ketua, warga)
    await write(admin, "Semua Ketua RT")
    await admin.taps("Batalkan siaran")
    assert "Siaran dibatalkan" in admin.text
    await admin.taps("Siaran")
    await admin.taps("Semua Ketua RT")
    await admin.says(TEXT)
    await admin.says("batal")
    assert await outbox(app) == []
    async with app.uow_factory() as uow:
        assert [e.action for e in await uow.audit.recent(10)] == []


async def test_change_the_text_before_sending(
    app: App, admin: Chat, ketua: Chat, other_ketua: Chat, warga: Chat
) -> None:
    await chairs_say_hello(app, ketua, other_ketua, warga)
    await write(admin, "Semua Ketua RT", "Rapat hari Jumat.")
    await admin.taps("Ubah pesan")
    await admin.says(TEXT)
    assert TEXT in admin.last.text
    await admin.taps("Kirim")
    assert all(TEXT in m.payload["text"] for m in await outbox(app))


async def test_short_long_and_repeated_messages(
    app: App, admin: Chat, ketua: Chat, other_ketua: Chat, warga: Chat
) -> None:
    await chairs_say_hello(app, ketua, other_ketua, warga)
    await admin.says("/admin")
    await admin.taps("Siaran")
    await admin.taps("Semua Ketua RT")
    await admin.says("🙂")
    assert "terlalu pendek" in admin.text
    await admin.says("a" * 1001)
    assert "lebih dari 1000 huruf" in admin.text
    await admin.says("b" * 1000)
    assert "Akan dikirim ke *3*" in admin.last.text
    await admin.taps("Kirim")
    await admin.taps_id("send")  # a second tap on the old button
    assert "tidak berlaku" in admin.text
    assert len(await outbox(app)) == 3


async def test_nobody_to_reach_yet(app: App, admin: Chat, rt: SeededRt) -> None:
    await write(admin, "Semua Ketua RT")
    assert "Belum ada Ketua RT yang bisa dihubungi" in admin.last.text
    assert admin.choices == ["Pilih tujuan lain", "Batalkan siaran"]
    await admin.taps("Pilih tujuan lain")
    assert "untuk siapa?" in admin.last.text

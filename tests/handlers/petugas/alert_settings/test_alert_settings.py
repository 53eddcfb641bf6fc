"""Peringatan as an official lives it: accidents always on (shown, never switchable), new
activities immediately / in the daily digest / off, and the three on-off alerts, per
official grant; every change stored and audited, stale and repeated taps harmless. And
the alert the settings control that is not scheduled: a Ketua RT who could not be
identified (a phone not on the RT list, wrong invite codes again and again) reaches the
officials who want it, in scope, once a day per person."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.app import App
from bot.rts.invites import create_invite
from storage.models import AlertPreference, AuditEvent, OutboxMessage
from support.chat import Chat, Clock
from support.seeding import SeededRt, grant

CITY_PHONE = "+6281100000001"


async def preferences(app: App) -> dict[int, AlertPreference]:
    async with app.uow_factory() as uow:
        rows = await uow.session.scalars(select(AlertPreference))
        return {row.role_id: row for row in rows}


async def role_ids(app: App, phone: str) -> list[int]:
    """The grants of a phone, oldest first."""
    async with app.uow_factory() as uow:
        return sorted(r.id for r in await uow.roles.list() if r.phone == phone)


async def outbox(app: App, kind: str) -> list[OutboxMessage]:
    async with app.uow_factory() as uow:
        query = select(OutboxMessage).where(OutboxMessage.kind == kind).order_by(OutboxMessage.id)
        return list(await uow.session.scalars(query))


async def account_id(chat: Chat) -> int:
    async with chat.app.uow_factory() as uow:
        account = await uow.accounts.find(chat.address.channel, chat.address.chat_id)
        return int(account.id)


def plain(text: str) -> str:
    return text.replace("*", "")


# --- the settings dialog ----------------------------------------------------------------


async def test_the_defaults_and_accidents_always_on(petugas: Chat) -> None:
    await petugas.says("/peringatan")
    text = plain(petugas.text)
    assert "Petugas · Kota Jambi" in text
    assert "Kecelakaan kerja: selalu aktif (tidak bisa dimatikan)" in text
    assert "Kegiatan baru: ringkasan harian" in text
    assert "Ringkasan harian 07.00 WIB: aktif" in text
    assert "Kegiatan mulai besok tanpa peserta: aktif" in text
    assert "Ketua RT belum teridentifikasi: aktif" in text
    assert not any("kecelakaan" in title.casefold() for title in petugas.choices)
    await petugas.says("matikan kecelakaan")
    assert "selalu aktif" in petugas.text and "tidak bisa dimatikan" in petugas.text
    assert await preferences(petugas.app) == {}


async def test_switching_a_summary_off_is_stored_and_a_repeated_tap_is_harmless(
    petugas: Chat,
) -> None:
    app = petugas.app
    await petugas.says("/peringatan")
    await petugas.taps("Matikan ringkasan harian")
    assert "Ringkasan harian 07.00 WIB: mati" in plain(petugas.text)
    assert "Aktifkan ringkasan harian" in petugas.choices
    (role_id,) = await role_ids(app, CITY_PHONE)
    stored = (await preferences(app))[role_id]
    assert stored.daily_summary is False
    assert stored.new_activities == "digest" and stored.unidentified_chairs is True

    await petugas.taps_id("daily_summary:off")  # the same button tapped again
    assert "Tombol itu sudah tidak berlaku" in petugas.text
    assert (await preferences(app))[role_id].daily_summary is False
    await petugas.taps("Matikan Ketua RT")
    await petugas.taps("Matikan mulai besok")
    await petugas.taps("Aktifkan ringkasan harian")
    stored = (await preferences(app))[role_id]
    assert stored.daily_summary is True
    assert stored.unidentified_chairs is False and stored.starting_without_participants is False
    async with app.uow_factory() as uow:
        query = select(AuditEvent).where(AuditEvent.action == "alert_preferences_changed")
        assert len(list(await uow.session.scalars(query))) == 4
    await petugas.taps("Selesai")
    assert "disimpan" in petugas.text and "Menu utama" in petugas.text


async def test_new_activities_immediately_digest_or_off(petugas: Chat) -> None:
    app = petugas.app
    await petugas.says("/peringatan")
    await petugas.taps("Ubah kegiatan baru")
    assert "sekarang: ringkasan harian" in plain(petugas.text)
    for nonsense in ("🙂", "tiap jam", "x" * 600):
        await petugas.says(nonsense)
        assert "pilih salah satu" in petugas.text or "terlalu panjang" in petugas.text
    await petugas.taps("Langsung")
    assert "Kegiatan baru: langsung" in plain(petugas.text)
    (role_id,) = await role_ids(app, CITY_PHONE)
    assert (await preferences(app))[role_id].new_activities == "immediate"
    await petugas.taps("Ubah kegiatan baru")
    await petugas.says("3")  # the third button: Mati
    assert (await preferences(app))[role_id].new_activities == "off"
    await petugas.taps("Ubah kegiatan baru")
    await petugas.taps("Mati")
    assert "sudah mati" in plain(petugas.text)


async def test_each_official_grant_has_its_own_settings(app: App) -> None:
    await grant(app, "petugas", CITY_PHONE, "Rina")
    await grant(app, "admin", CITY_PHONE, "Rina", "kelurahan", "15.71.02.1004")
    rina = Chat(app, "rina", channel="whatsapp", phone=CITY_PHONE, name="Rina")
    await rina.says("/peringatan")
    assert rina.choices == ["Petugas · Kota Jambi", "Admin · Kel. Thehok"]
    await rina.says("bukan peran")
    assert "pilih salah satu" in rina.text
    await rina.taps("Admin")
    await rina.taps("Matikan ringkasan harian")
    await rina.taps("Peran lain")
    await rina.taps("Petugas")
    assert "Ringkasan harian 07.00 WIB: aktif" in plain(rina.text)
    city, kelurahan = await role_ids(app, CITY_PHONE)
    stored = await preferences(app)
    assert city not in stored and stored[kelurahan].daily_summary is False


async def test_residents_and_ketua_rt_have_no_alert_settings(warga: Chat, ketua: Chat) -> None:
    for chat in (warga, ketua):
        await chat.says("/peringatan")
        assert "tidak tersedia untuk Anda" in chat.text


# --- a Ketua RT who could not be identified ---------------------------------------------


async def staff(app: App) -> tuple[int, int, int]:
    """A city-wide official, one for Telanaipura (RT 01's kecamatan), and a city-wide one
    who switched the alert off; returns their account ids."""
    chats = []
    for index, (scope, code) in enumerate(
        (("kota", None), ("kecamatan", "15.71.01"), ("kota", None))
    ):
        phone = f"+62811000001{index}"
        await grant(app, "petugas", phone, f"Petugas {index}", scope, code)
        chat = Chat(app, f"official-{index}", channel="whatsapp", phone=phone, name="P")
        await chat.says("menu")
        chats.append(chat)
    await chats[2].says("/peringatan")
    await chats[2].taps("Matikan Ketua RT")
    return tuple([await account_id(chat) for chat in chats])  # type: ignore[return-value]


async def test_a_phone_not_on_the_rt_list_alerts_nobody(
    app: App, clock: Clock, warga: Chat, rt: SeededRt
) -> None:
    await staff(app)
    for _ in range(3):
        await warga.says("menu")
        await warga.taps("Saya Ketua RT")
        assert "tidak ada di daftar RT" in plain(warga.text)
        assert "lurah" in warga.text  # the reply says whom to ask for a code
    assert await outbox(app, "chair_unidentified") == []


async def test_repeated_wrong_codes_alert_officials_of_the_codes_rt(
    app: App, clock: Clock, rt: SeededRt
) -> None:
    city, kecamatan, _ = await staff(app)
    async with app.uow_factory() as uow:
        code = await create_invite(uow, rt.id, None, clock.now - timedelta(days=10), 7)
        await uow.commit()
    budi = Chat(app, "tg-budi", channel="telegram", name="Budi")
    await budi.says("menu")
    await budi.taps("Saya Ketua RT")
    await budi.taps("Pakai kode undangan")
    await budi.says("K7Q2MX4P")
    await budi.says("K7Q2MX4Q")
    assert await outbox(app, "chair_unidentified") == []
    await budi.says(code)  # expired: the third refused code
    assert "kedaluwarsa" in budi.text
    alerts = await outbox(app, "chair_unidentified")
    assert sorted(m.account_id for m in alerts) == [city, kecamatan]
    text = alerts[0].payload["text"]
    assert "3 kali" in text and "Telegram, tanpa nomor HP" in text
    assert "RT 01 Kelurahan Simpang IV Sipin" in text
    await budi.says("K7Q2MX4R")
    assert len(await outbox(app, "chair_unidentified")) == 2

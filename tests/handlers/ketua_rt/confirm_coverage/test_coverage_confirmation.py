"""Konfirmasi perlindungan: the last check of a draft, the confirmation reply with the
surat tugas PDF, numbering, notifications to participants, and the checks that keep an
activity from being confirmed by the wrong person or in the wrong state."""

from __future__ import annotations

import asyncio
from datetime import date, datetime

import pytest
from sqlalchemy import select

from bot.core.messages import REPLY_KIND
from bot.domain.coverage import coverage_window
from storage.models import Activity, OutboxMessage
from support.activity_helpers import (
    JOKO,
    RUDI,
    SITI,
    TITLE,
    add_participant,
    confirm_directly,
    create_activity,
    documents,
    get_activity,
    pdf_text,
    plain,
    put_in,
    stored_state,
)
from support.chat import Chat

CONFIRMATION = "coverage_confirmation"


async def open_confirmation(chat: Chat, activity_id: int) -> None:
    await put_in(chat, CONFIRMATION, "final", {"activity_id": activity_id})
    await chat.says("?")  # answered with the step's question


async def outbox(app) -> list[OutboxMessage]:  # noqa: ANN001
    async with app.uow_factory() as uow:
        return list(
            await uow.session.scalars(
                select(OutboxMessage)
                .where(OutboxMessage.kind != REPLY_KIND)
                .order_by(OutboxMessage.id)
            )
        )


async def test_the_final_check_and_the_confirmation(
    app, ketua: Chat, warga: Chat, rt, clock
) -> None:  # noqa: ANN001
    await warga.says("menu")  # Siti has an account on WhatsApp
    activity_id = await create_activity(app, rt.id)
    siti = await add_participant(app, activity_id, SITI, phone=warga.phone)
    await add_participant(app, activity_id, JOKO, role="phl")
    await open_confirmation(ketua, activity_id)
    check = plain(ketua.last.text)
    assert "Periksa sekali lagi" in check
    assert "Peserta: 2 orang" in check and "Total premi: Rp60.000" in check
    assert ketua.choices == ["Ya, konfirmasi", "Kembali ke peserta"]

    await ketua.taps("Ya, konfirmasi")
    text = plain(ketua.text)
    for expected in (
        "Perlindungan terkonfirmasi",
        "Nomor kegiatan: KB-2026-00001",
        "RT 01 · Kel. Simpang IV Sipin · Kec. Telanaipura",
        # Confirmed at 09.00 WIB on the first day: covered from then, not from midnight.
        "Masa perlindungan: 2 Maret 2026 pukul 09.00 WIB s.d. 31 Maret 2026 pukul 23.59 WIB",
        "Peserta terlindungi: 2 orang",
        "Nilai: Rp25.000.000",
        "Premi JKK: Rp52.500",
        "Premi JKM: Rp7.500",
        "Total premi: Rp60.000",
        "JKK (kecelakaan kerja",
        "JKM (meninggal bukan karena kerja): Rp42 juta",
        "Laporkan segera lewat bot ini",
        "2×24 jam",
        "kuitansi dan surat keterangan dokter",
        "Surat tugas: 001/ST-KB/RT01/SIVS/III/2026",
    ):
        assert expected in text, expected
    assert "Menu utama" in ketua.last.text

    [letter] = documents(ketua)
    assert letter.mime_type == "application/pdf"
    assert letter.file_name == "surat_tugas_KB-2026-00001_r0.pdf"
    printed = pdf_text(letter.data)
    assert "KB-2026-00001" in printed
    assert "Siti Aminah" in printed and "Joko Susilo" in printed
    assert SITI[0] not in printed  # only masked NIKs
    # Confirmed at 09.00 on the first day: the letter says so for everyone on it.
    assert " ".join(printed.split()).count("sejak 2 Maret 2026 09.00 WIB") == 2

    confirmed = await get_activity(app, activity_id)
    assert (confirmed.status, confirmed.number) == ("confirmed", "KB-2026-00001")
    assert confirmed.confirmed_at == clock.now
    assert confirmed.surat_tugas_number == "001/ST-KB/RT01/SIVS/III/2026"
    assert confirmed.surat_tugas_revision == 0

    [notice] = await outbox(app)
    async with app.uow_factory() as uow:
        account = await uow.accounts.find(warga.address.channel, warga.address.chat_id)
        participation = await uow.participations.get(siti)
        [event] = await uow.audit.recent(limit=1)
    assert notice.account_id == account.id and notice.kind == "coverage"
    assert notice.dedup_key == f"coverage:{activity_id}:{participation.person_id}"
    assert "terlindungi BPJS Ketenagakerjaan" in notice.payload["text"]
    assert TITLE in notice.payload["text"] and "31 Maret 2026" in notice.payload["text"]
    # The resident is told the same true start as the Ketua RT.
    assert (
        "2 Maret 2026 pukul 09.00 WIB s.d. 31 Maret 2026 pukul 23.59 WIB" in notice.payload["text"]
    )
    assert notice.payload["template"]["name"] == "coverage_notice"
    assert event.action == "coverage_confirmed"
    assert event.detail["number"] == "KB-2026-00001" and event.detail["participants"] == 2
    assert SITI[0] not in str(event.detail) and JOKO[0] not in str(event.detail)

    window = coverage_window(
        confirmed.start_date, confirmed.end_date, confirmed.confirmed_at, participation.added_at
    )
    # Covered from the confirmation (09.00 WIB on the first day), never from midnight.
    assert window is not None and window.covers(datetime.fromisoformat("2026-03-02T09:00+07:00"))
    assert not window.covers(datetime.fromisoformat("2026-03-02T08:59+07:00"))


async def test_only_participants_with_another_account_are_notified(
    app,
    ketua: Chat,
    rt,  # noqa: ANN001
) -> None:
    activity_id = await create_activity(app, rt.id)
    await ketua.says("menu")
    await add_participant(app, activity_id, SITI, role="ketua_rt", phone=rt.chair_phone)
    await add_participant(app, activity_id, JOKO, phone="+6281377777777")  # no account
    await add_participant(app, activity_id, RUDI)  # no phone
    await open_confirmation(ketua, activity_id)
    await ketua.taps("Ya, konfirmasi")
    assert "Peserta terlindungi: 3 orang" in plain(ketua.text)
    assert await outbox(app) == []


async def test_numbers_are_sequential_per_year_and_letters_per_rt(
    app,
    rt,
    other_rt,
    clock,  # noqa: ANN001
) -> None:
    ids = [
        await create_activity(app, rt.id),
        await create_activity(app, other_rt.id),
        await create_activity(app, rt.id),
    ]
    for activity_id in ids:
        await confirm_directly(app, activity_id, clock.now)
    found = [await get_activity(app, activity_id) for activity_id in ids]
    assert [a.number for a in found] == ["KB-2026-00001", "KB-2026-00002", "KB-2026-00003"]
    assert [a.surat_tugas_number for a in found] == [
        "001/ST-KB/RT01/SIVS/III/2026",
        "001/ST-KB/RT05/THEHOK/III/2026",
        "002/ST-KB/RT01/SIVS/III/2026",
    ]


# SQLite has a single writer: its units of work take turns, so only PostgreSQL can race.
@pytest.mark.backends("postgresql")
async def test_concurrent_confirmations_never_share_a_number(app, backend, rt) -> None:  # noqa: ANN001
    assert backend == "postgresql"
    first_id, second_id = await create_activity(app, rt.id), await create_activity(app, rt.id)

    async def second() -> str:
        async with app.uow_factory() as uow:
            activity = await uow.activities.get(second_id)
            number = await uow.activities.assign_number(activity, "KB-2026-")
            await uow.commit()
            return number

    async with app.uow_factory() as uow:
        activity = await uow.activities.get(first_id)
        first = await uow.activities.assign_number(activity, "KB-2026-")
        racing = asyncio.create_task(second())
        await asyncio.sleep(0.3)  # it now waits on the unique index for this transaction
        await uow.commit()
    assert (first, await racing) == ("KB-2026-00001", "KB-2026-00002")


async def test_no_participant_no_confirmation(app, ketua: Chat, rt) -> None:  # noqa: ANN001
    activity_id = await create_activity(app, rt.id)
    removed = await add_participant(app, activity_id, SITI)
    async with app.uow_factory() as uow:
        (await uow.participations.get(removed)).removed_at = datetime.fromisoformat(
            "2026-03-01T10:00+00:00"
        )
        await uow.commit()
    await open_confirmation(ketua, activity_id)
    assert "belum punya peserta" in ketua.last.text
    assert ketua.choices == ["Kembali ke peserta", "Menu utama"]
    await ketua.taps_id("confirm")
    assert "Tombol itu sudah tidak berlaku" in ketua.text
    assert (await get_activity(app, activity_id)).status == "draft"
    await ketua.taps("Kembali ke peserta")
    dialog, _, data = await stored_state(ketua)
    assert (dialog, data["activity_id"]) == ("participants", activity_id)


async def test_a_start_passed_meanwhile_is_moved_to_today(app, ketua: Chat, rt, clock) -> None:  # noqa: ANN001
    activity_id = await create_activity(app, rt.id)
    await add_participant(app, activity_id, SITI)
    clock.advance(days=2)
    await open_confirmation(ketua, activity_id)
    text = plain(ketua.last.text)
    assert "(2 Maret 2026) sudah lewat; hari ini 4 Maret 2026" in text
    assert "tidak bisa berlaku mundur" in text
    assert ketua.choices == ["Mulai hari ini", "Kembali ke peserta"]
    await ketua.taps("Mulai hari ini")
    assert "Tanggal diubah: 4 Maret 2026 s.d. 31 Maret 2026 (28 hari)" in ketua.text
    assert "Periksa sekali lagi" in ketua.last.text
    await ketua.taps("Ya, konfirmasi")
    confirmed = await get_activity(app, activity_id)
    assert (confirmed.status, confirmed.start_date) == ("confirmed", date(2026, 3, 4))
    assert confirmed.premium_total == 60_000


async def test_a_draft_whose_end_passed_too_keeps_its_length(app, ketua: Chat, rt, clock) -> None:  # noqa: ANN001
    activity_id = await create_activity(app, rt.id, end=date(2026, 3, 3))
    await add_participant(app, activity_id, SITI)
    clock.advance(days=5)
    await open_confirmation(ketua, activity_id)
    await ketua.taps("Mulai hari ini")
    moved = await get_activity(app, activity_id)
    assert (moved.start_date, moved.end_date) == (date(2026, 3, 7), date(2026, 3, 8))


async def test_confirm_is_refused_while_the_start_is_past(app, ketua: Chat, rt, clock) -> None:  # noqa: ANN001
    activity_id = await create_activity(app, rt.id)
    await add_participant(app, activity_id, SITI)
    await put_in(
        ketua,
        CONFIRMATION,
        "final",
        {"activity_id": activity_id},
        choices=[["confirm", "Ya, konfirmasi"], ["participants", "Kembali ke peserta"]],
    )
    clock.advance(days=1)  # the final check was shown yesterday
    await ketua.taps_id("confirm")
    assert "belum bisa dikonfirmasi" in ketua.text
    assert (await get_activity(app, activity_id)).status == "draft"


async def test_a_budget_lowered_meanwhile_blocks_the_confirmation(app, ketua: Chat, rt) -> None:  # noqa: ANN001
    activity_id = await create_activity(app, rt.id)
    await add_participant(app, activity_id, SITI)
    async with app.uow_factory() as uow:
        await uow.rts.set_budget(rt.id, 2026, 20_000_000)
        await uow.commit()
    await open_confirmation(ketua, activity_id)
    assert "melebihi sisa anggaran RT" in ketua.last.text
    assert "Ya, konfirmasi" not in ketua.choices


async def test_an_activity_is_confirmed_once(app, ketua: Chat, rt, clock) -> None:  # noqa: ANN001
    activity_id = await create_activity(app, rt.id)
    await add_participant(app, activity_id, SITI)
    await confirm_directly(app, activity_id, clock.now)
    await put_in(
        ketua,
        CONFIRMATION,
        "final",
        {"activity_id": activity_id},
        choices=[["confirm", "Ya, konfirmasi"]],
    )
    await ketua.taps_id("confirm")
    assert (await get_activity(app, activity_id)).number == "KB-2026-00001"
    assert "KB-2026-00002" not in ketua.text
    await open_confirmation(ketua, activity_id)
    assert "sudah dikonfirmasi (nomor KB-2026-00001)" in plain(ketua.last.text)


async def test_another_rts_chair_cannot_confirm_by_typed_id(app, other_ketua: Chat, rt) -> None:  # noqa: ANN001
    activity_id = await create_activity(app, rt.id)
    await add_participant(app, activity_id, SITI)
    await open_confirmation(other_ketua, activity_id)
    assert "bukan kegiatan RT Anda" in other_ketua.last.text
    assert TITLE not in other_ketua.text
    await put_in(
        other_ketua,
        CONFIRMATION,
        "final",
        {"activity_id": str(activity_id)},
        choices=[["confirm", "Ya, konfirmasi"]],
    )
    await other_ketua.taps_id("confirm")
    assert (await get_activity(app, activity_id)).status == "draft"
    assert documents(other_ketua) == []


async def test_a_chair_replaced_after_the_check_cannot_confirm(app, ketua: Chat, rt) -> None:  # noqa: ANN001
    activity_id = await create_activity(app, rt.id)
    await add_participant(app, activity_id, SITI)
    await open_confirmation(ketua, activity_id)
    async with app.uow_factory() as uow:
        (await uow.rts.get(rt.id)).chair_phone = "+6281299999999"
        await uow.commit()
    await ketua.taps("Ya, konfirmasi")
    assert (await get_activity(app, activity_id)).status == "draft"
    assert documents(ketua) == []


@pytest.mark.parametrize("typed", ["mungkin", "🙏", "x" * 5000, "konfirmasi dong"])
async def test_bad_input_at_the_final_check_stays(app, ketua: Chat, rt, typed: str) -> None:  # noqa: ANN001
    activity_id = await create_activity(app, rt.id)
    await add_participant(app, activity_id, SITI)
    await open_confirmation(ketua, activity_id)
    await ketua.says(typed)
    assert "gangguan" not in ketua.text
    assert "Periksa sekali lagi" in ketua.last.text
    assert (await stored_state(ketua))[:2] == (CONFIRMATION, "final")
    assert (await get_activity(app, activity_id)).status == "draft"


async def test_typing_ya_answers_the_final_check(app, ketua: Chat, rt) -> None:  # noqa: ANN001
    activity_id = await create_activity(app, rt.id)
    await add_participant(app, activity_id, SITI)
    await open_confirmation(ketua, activity_id)
    await ketua.says("Ya")
    assert "Perlindungan terkonfirmasi" in ketua.text
    assert (await get_activity(app, activity_id)).status == "confirmed"


async def test_kelurahan_with_the_same_short_code_never_share_a_letter_number(app) -> None:  # noqa: ANN001
    from bot.activities.lifecycle import next_surat_tugas_number
    from support.seeding import seed_rt

    tambak = await seed_rt(app, "15.71.02.1003", 1, "A", "+6281200000091")  # Tambak Sari: TS
    tanjung = await seed_rt(app, "15.71.03.1007", 1, "B", "+6281200000092")  # Tanjung Sari: TS
    numbers = []
    async with app.uow_factory() as uow:
        for seeded in (tambak, tanjung):
            rt = await uow.rts.get(seeded.id)
            kelurahan = await uow.regions.get_kelurahan(rt.kelurahan_code)
            number = await next_surat_tugas_number(uow, rt, kelurahan.name, date(2026, 3, 2))
            await uow.activities.add(
                Activity(
                    rt_id=rt.id,
                    year=2026,
                    title="x",
                    kind="drainase",
                    place="",
                    value=1,
                    start_date=date(2026, 3, 2),
                    end_date=date(2026, 3, 3),
                    status="confirmed",
                    surat_tugas_number=number,
                )
            )
            numbers.append(number)
        await uow.commit()
    assert numbers == ["001/ST-KB/RT01/TS/III/2026", "002/ST-KB/RT01/TS/III/2026"]

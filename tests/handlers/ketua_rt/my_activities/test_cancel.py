"""Cancelling a confirmed activity from "Kegiatan saya": the reason first (a button or
typed, with a length limit), then a confirmation naming the activity and how many people
lose their cover from when; stored with the reason in the activity, its tracked change
and the audit; the people on the list told; and every view of it afterwards says when and
why it was cancelled, that cover ran only until then, and what became of the budget and
the premium."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from bot.core.messages import REPLY_KIND
from storage.models import OutboxMessage
from support.activity_helpers import (
    SITI,
    add_participant,
    confirm_directly,
    create_activity,
    get_activity,
    plain,
    put_in,
    stored_state,
)
from support.chat import Chat

MY = "my_activities"


async def confirmed(app, rt_id: int, clock, phone: str | None = None, **kwargs) -> int:  # noqa: ANN001
    activity_id = await create_activity(app, rt_id, **kwargs)
    await add_participant(app, activity_id, SITI, phone=phone)
    await confirm_directly(app, activity_id, clock.now)
    return activity_id


async def open_activity(chat: Chat, status: str = "berjalan") -> None:
    await chat.says("menu")
    await chat.taps("Kegiatan saya")
    await chat.taps(status)


async def changes(app, activity_id: int) -> list:  # noqa: ANN001
    async with app.uow_factory() as uow:
        return list(await uow.activities.changes(activity_id))


async def outbox(app) -> list[OutboxMessage]:  # noqa: ANN001
    async with app.uow_factory() as uow:
        return list(
            await uow.session.scalars(
                select(OutboxMessage)
                .where(OutboxMessage.kind != REPLY_KIND)
                .order_by(OutboxMessage.id)
            )
        )


async def test_cancelling_before_the_start_asks_the_reason_and_says_what_happens(
    app, ketua: Chat, rt, clock
) -> None:  # noqa: ANN001
    activity_id = await confirmed(app, rt.id, clock, start=date(2026, 3, 10))
    await open_activity(ketua, "terkonfirmasi")
    await ketua.taps("Batalkan kegiatan")
    assert "Batalkan KB-2026-00001 Perbaikan jalan Gang Melati? Apa alasannya?" in plain(
        ketua.last.text
    )
    assert ketua.choices == [
        "Cuaca",
        "Dana belum cair",
        "Diganti kegiatan lain",
        "Alasan lain",
        "Kembali ke daftar",
    ]
    await ketua.taps("Dana belum cair")
    ask = plain(ketua.last.text)
    assert "Batalkan KB-2026-00001 Perbaikan jalan Gang Melati?" in ask
    assert "Alasan: Dana belum cair" in ask
    assert "1 peserta tidak akan terlindungi" in ask
    assert ketua.choices == ["Ya, batalkan kegiatan", "Tidak"]
    assert (await get_activity(app, activity_id)).status == "confirmed"  # not yet

    await ketua.taps("Ya, batalkan kegiatan")
    assert "dibatalkan sebelum mulai" in ketua.text
    cancelled = await get_activity(app, activity_id)
    assert (cancelled.status, cancelled.cancelled_at, cancelled.cancel_reason) == (
        "cancelled",
        clock.now,
        "Dana belum cair",
    )
    [change] = await changes(app, activity_id)
    assert (change.kind, change.detail) == (
        "cancelled",
        {"before_start": True, "reason": "Dana belum cair"},
    )
    async with app.uow_factory() as uow:
        [event] = await uow.audit.recent(limit=1)
    assert event.action == "activity_cancelled"
    assert event.detail["reason"] == "Dana belum cair"
    assert event.detail["number"] == "KB-2026-00001"

    detail = plain(ketua.last.text)
    assert "Status: dibatalkan" in detail
    assert "Dibatalkan 2 Maret 2026 09.00 WIB — alasan: Dana belum cair" in detail
    # Never the full period as if it still held.
    assert "Masa perlindungan: tidak ada (dibatalkan sebelum perlindungan mulai)" in detail
    assert "s.d. 9 April" not in detail and "23.59" not in detail
    assert "Premi: — (kegiatan dibatalkan" in detail and "Rp60.000" in detail
    assert "Total premi" not in detail
    assert "dibatalkan, tidak memakai anggaran RT" in detail
    assert ketua.choices == ["Kembali ke daftar"]
    await ketua.taps("Kembali ke daftar")
    budget = plain(ketua.last.text)
    assert "terpakai Rp0 · dibatalkan: Rp25.000.000 (tidak terpakai) · sisa Rp100.000.000" in budget


async def test_cancelling_a_running_activity_ends_cover_now_and_tells_the_people(
    app, ketua: Chat, warga: Chat, rt, clock
) -> None:  # noqa: ANN001
    await warga.says("menu")  # Siti has an account
    activity_id = await confirmed(app, rt.id, clock, phone=warga.phone)
    clock.advance(days=2, hours=3)
    await open_activity(ketua)
    await ketua.taps("Batalkan kegiatan")
    await ketua.taps("Alasan lain")
    assert "Tulis alasan pembatalan (paling banyak 200 huruf)" in ketua.last.text
    await ketua.says("  Warga   menolak lokasi  ")
    ask = plain(ketua.last.text)
    assert "Alasan: Warga menolak lokasi" in ask
    assert (
        "perlindungan 1 peserta berakhir saat Anda menekan Ya (sekarang 4 Maret 2026 12.00 WIB)"
        in (ask)
    )
    await ketua.taps("Ya, batalkan kegiatan")
    assert "perlindungan berakhir 4 Maret 2026 12.00 WIB. 1 peserta diberi tahu" in plain(
        ketua.text
    )
    assert (await get_activity(app, activity_id)).cancel_reason == "Warga menolak lokasi"
    detail = plain(ketua.last.text)
    assert (
        "Masa perlindungan: 2 Maret 2026 pukul 09.00 WIB s.d. 4 Maret 2026 12.00 WIB (dibatalkan)"
        in detail
    )
    assert "Dibatalkan 4 Maret 2026 12.00 WIB — alasan: Warga menolak lokasi" in detail
    assert "31 Maret 2026 pukul 23.59" not in detail

    [notice] = await outbox(app)
    text = plain(notice.payload["text"])
    assert "Perbaikan jalan Gang Melati (KB-2026-00001) dibatalkan" in text
    assert "alasan: Warga menolak lokasi" in text
    assert "berakhir 4 Maret 2026 12.00 WIB" in text
    assert notice.kind == "coverage"


async def test_a_typed_reason_is_taken_at_once(app, ketua: Chat, rt, clock) -> None:  # noqa: ANN001
    activity_id = await confirmed(app, rt.id, clock)
    await open_activity(ketua)
    await ketua.taps("Batalkan kegiatan")
    await ketua.says("banjir di lokasi")
    assert "Alasan: banjir di lokasi" in plain(ketua.last.text)
    await ketua.says("1")  # the number of "Ya, batalkan kegiatan"
    assert (await get_activity(app, activity_id)).cancel_reason == "banjir di lokasi"


@pytest.mark.parametrize(
    ("step", "typed", "explanation"),
    [
        ("cancel", "ok", "terlalu pendek"),
        ("cancel", "x" * 201, "terlalu panjang"),
        ("cancel", "x" * 5000, "terlalu panjang"),
        ("cancel_reason", "  ", "terlalu pendek"),
        ("cancel_reason", "x" * 201, "terlalu panjang"),
    ],
)
async def test_a_reason_too_short_or_too_long_is_asked_again(
    app, ketua: Chat, rt, clock, step: str, typed: str, explanation: str
) -> None:  # noqa: ANN001
    activity_id = await confirmed(app, rt.id, clock)
    await open_activity(ketua)
    await ketua.taps("Batalkan kegiatan")
    if step == "cancel_reason":
        await ketua.taps("Alasan lain")
    await ketua.says(typed)
    assert explanation in ketua.text
    assert (await stored_state(ketua))[:2] == (MY, step)
    assert (await get_activity(app, activity_id)).status == "confirmed"


async def test_declining_keeps_the_activity_and_forgets_the_reason(
    app, ketua: Chat, rt, clock
) -> None:  # noqa: ANN001
    activity_id = await confirmed(app, rt.id, clock)
    await open_activity(ketua)
    await ketua.taps("Batalkan kegiatan")
    await ketua.taps("Cuaca")
    await ketua.taps("Tidak")
    state = await stored_state(ketua)
    assert state[1] == "detail" and "cancel_reason" not in state[2]
    assert (await get_activity(app, activity_id)).status == "confirmed"
    assert await changes(app, activity_id) == []


async def test_a_question_from_before_reasons_asks_the_reason_first(
    app, ketua: Chat, rt, clock
) -> None:  # noqa: ANN001
    """A conversation saved at "cancel" when it still was the yes/no question."""
    activity_id = await confirmed(app, rt.id, clock)
    await put_in(
        ketua,
        MY,
        "cancel",
        {"activity_id": activity_id},
        choices=[["cancel_yes", "Ya, batalkan kegiatan"], ["no", "Tidak"]],
    )
    await ketua.taps_id("cancel_yes")
    assert "alasan" in ketua.text
    assert (await get_activity(app, activity_id)).status == "confirmed"

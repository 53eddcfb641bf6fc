"""Postponing (before the start: start and end move by the same days, same year) and
shortening (an earlier end, not before the start or today) a confirmed activity from
"Kegiatan saya": each a tracked change with its audit entry and a new surat tugas
revision, the coverage period that follows from it stated truly, and the people on the
list told their new period."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from bot.activities.lifecycle import participation_window
from bot.core.messages import REPLY_KIND
from bot.domain.coverage import start_of_day
from storage.models import OutboxMessage
from support.activity_helpers import (
    RUDI,
    SITI,
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

MY = "my_activities"


async def confirmed(app, rt_id: int, clock, phone: str | None = None, **kwargs) -> int:  # noqa: ANN001
    activity_id = await create_activity(app, rt_id, **kwargs)
    await add_participant(app, activity_id, SITI, phone=phone)
    await confirm_directly(app, activity_id, clock.now)
    return activity_id


async def open_activity(chat: Chat, status: str) -> None:
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


async def windows(app, activity_id: int) -> list:  # noqa: ANN001
    async with app.uow_factory() as uow:
        activity = await uow.activities.get(activity_id)
        people = await uow.participations.for_activity(activity_id)
        return [participation_window(activity, p) for p in people]


async def test_postponing_before_the_start(app, ketua: Chat, warga: Chat, rt, clock) -> None:  # noqa: ANN001
    await warga.says("menu")
    march = {"start": date(2026, 3, 10), "end": date(2026, 3, 20)}
    activity_id = await confirmed(app, rt.id, clock, phone=warga.phone, **march)
    clock.advance(days=1)  # Rudi is added after the confirmation, before the start
    await add_participant(app, activity_id, RUDI, added_at=clock.now)
    await open_activity(ketua, "terkonfirmasi")
    await ketua.taps("Undur kegiatan")
    assert "Tanggal sekarang: 10 Maret 2026 s.d. 20 Maret 2026 (11 hari)" in ketua.last.text
    await ketua.says("1/4/2026")
    ask = plain(ketua.last.text)
    assert (
        "10 Maret 2026 s.d. 20 Maret 2026 (11 hari) → 1 April 2026 s.d. 11 April 2026 (11 hari)"
        in ask
    )
    assert "Perlindungan 2 peserta mulai 1 April 2026 pukul 00.00 WIB" in ask
    await ketua.taps("Ya, undur")
    said = plain(ketua.text)
    assert (
        "Masa perlindungan kini 1 April 2026 pukul 00.00 WIB s.d. 11 April 2026 pukul 23.59 WIB"
        in said
    )
    assert "revisi 1" in said and "1 peserta diberi tahu" in said

    moved = await get_activity(app, activity_id)
    assert (moved.start_date, moved.end_date, moved.surat_tugas_revision) == (
        date(2026, 4, 1),
        date(2026, 4, 11),
        1,
    )
    [change] = await changes(app, activity_id)
    assert (change.kind, change.detail) == (
        "postponed",
        {
            "old_start": "2026-03-10",
            "old_end": "2026-03-20",
            "new_start": "2026-04-01",
            "new_end": "2026-04-11",
        },
    )
    async with app.uow_factory() as uow:
        [event] = await uow.audit.recent(limit=1)
    assert event.action == "activity_postponed"
    # Everyone's cover starts on the new first day (after the confirmation and the adding).
    assert [(w.starts, w.ends) for w in await windows(app, activity_id)] == [
        (start_of_day(date(2026, 4, 1)), start_of_day(date(2026, 4, 12)))
    ] * 2
    [notice] = await outbox(app)
    assert "kini 1 April 2026 00.00 WIB s.d. 11 April 2026 23.59 WIB" in plain(
        notice.payload["text"]
    )
    await ketua.taps("Unduh surat tugas")
    [letter] = documents(ketua)
    assert letter.file_name.endswith("_r1.pdf") and "1 April 2026" in pdf_text(letter.data)


@pytest.mark.parametrize(
    ("typed", "explanation"),
    [
        ("5/3/2026", "harus sesudah 10 Maret 2026"),
        ("10/3/2026", "harus sesudah 10 Maret 2026"),
        ("5/1/2027", "tetap di tahun 2026"),
        ("besok lusa", "tidak bisa saya baca"),
        ("x" * 5000, "terlalu panjang"),
    ],
)
async def test_a_postponed_start_is_checked(
    app, ketua: Chat, rt, clock, typed: str, explanation: str
) -> None:  # noqa: ANN001
    activity_id = await confirmed(app, rt.id, clock, start=date(2026, 3, 10))
    await open_activity(ketua, "terkonfirmasi")
    await ketua.taps("Undur kegiatan")
    await ketua.says(typed)
    assert explanation in plain(ketua.text)
    assert (await stored_state(ketua))[:2] == (MY, "postpone")
    assert (await get_activity(app, activity_id)).start_date == date(2026, 3, 10)


async def test_a_started_activity_cannot_be_postponed(app, ketua: Chat, rt, clock) -> None:  # noqa: ANN001
    activity_id = await confirmed(app, rt.id, clock, start=date(2026, 3, 10))
    await open_activity(ketua, "terkonfirmasi")
    await ketua.taps("Undur kegiatan")
    await ketua.says("1/4/2026")
    clock.advance(days=8)  # the first day came before the answer
    await ketua.taps("Ya, undur")
    assert "sudah mulai" in ketua.text
    assert (await get_activity(app, activity_id)).start_date == date(2026, 3, 10)
    assert await changes(app, activity_id) == []
    assert "Undur kegiatan" not in ketua.choices


async def test_shortening_a_running_activity(app, ketua: Chat, warga: Chat, rt, clock) -> None:  # noqa: ANN001
    await warga.says("menu")
    activity_id = await confirmed(app, rt.id, clock, phone=warga.phone)
    await open_activity(ketua, "berjalan")
    await ketua.taps("Majukan tanggal selesai")
    assert "Tanggal selesai sekarang 31 Maret 2026" in ketua.last.text
    assert "Paling awal 2 Maret 2026" in ketua.last.text
    await ketua.says("20/3/2026")
    ask = plain(ketua.last.text)
    assert "31 Maret 2026 → 20 Maret 2026" in ask
    assert "Perlindungan 1 peserta berakhir 20 Maret 2026 pukul 23.59 WIB" in ask
    await ketua.taps("Ya, majukan")
    said = plain(ketua.text)
    assert "s.d. 20 Maret 2026 pukul 23.59 WIB" in said and "revisi 1" in said
    shortened = await get_activity(app, activity_id)
    assert shortened.end_date == date(2026, 3, 20)
    [change] = await changes(app, activity_id)
    assert (change.kind, change.detail) == (
        "end_shortened",
        {"old_end": "2026-03-31", "new_end": "2026-03-20"},
    )
    async with app.uow_factory() as uow:
        [event] = await uow.audit.recent(limit=1)
    assert event.action == "activity_end_shortened"
    [window] = await windows(app, activity_id)
    # Still from the confirmation (09.00 WIB on the first day), now to the new last day.
    assert window.starts == datetime.fromisoformat("2026-03-02T09:00+07:00")
    assert window.ends == start_of_day(date(2026, 3, 21))
    [notice] = await outbox(app)
    assert "kini berakhir 20 Maret 2026 23.59 WIB" in plain(notice.payload["text"])


@pytest.mark.parametrize(
    ("typed", "explanation"),
    [
        ("31/3/2026", "harus sebelum 31 Maret 2026"),
        ("15/4/2026", "harus sebelum 31 Maret 2026"),
        ("4/3/2026", "tidak boleh sebelum hari ini (6 Maret 2026)"),
        ("🙏", "tidak bisa saya baca"),
    ],
)
async def test_a_shorter_end_is_checked(
    app, ketua: Chat, rt, clock, typed: str, explanation: str
) -> None:  # noqa: ANN001
    activity_id = await confirmed(app, rt.id, clock)
    clock.advance(days=4)
    await open_activity(ketua, "berjalan")
    await ketua.taps("Majukan tanggal selesai")
    await ketua.says(typed)
    assert explanation in plain(ketua.text)
    assert (await stored_state(ketua))[:2] == (MY, "shorten")
    assert (await get_activity(app, activity_id)).end_date == date(2026, 3, 31)


async def test_a_shorter_end_is_not_before_the_start(app, ketua: Chat, rt, clock) -> None:  # noqa: ANN001
    await confirmed(app, rt.id, clock, start=date(2026, 3, 10), end=date(2026, 3, 20))
    await open_activity(ketua, "terkonfirmasi")
    await ketua.taps("Majukan tanggal selesai")
    assert "Paling awal 10 Maret 2026" in ketua.last.text
    await ketua.says("5/3/2026")
    assert "tidak boleh sebelum tanggal mulai (10 Maret 2026)" in ketua.text


async def test_a_one_day_activity_offers_no_shortening(app, ketua: Chat, rt, clock) -> None:  # noqa: ANN001
    activity_id = await confirmed(app, rt.id, clock, end=date(2026, 3, 2))
    await open_activity(ketua, "berjalan")
    assert "Majukan tanggal selesai" not in ketua.choices
    await put_in(
        ketua,
        MY,
        "shorten_confirm",
        {"activity_id": activity_id, "shorter_end": "2026-03-01"},
        choices=[["shorten_yes", "Ya"], ["no", "Tidak"]],
    )
    await ketua.taps_id("shorten_yes")
    assert (await get_activity(app, activity_id)).end_date == date(2026, 3, 2)
    assert await changes(app, activity_id) == []

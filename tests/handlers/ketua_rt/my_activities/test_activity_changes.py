"""Tracked changes after confirmation, from "Kegiatan saya": extending the end date (an
addendum), changing the value (premium difference, budget re-checked); each one recorded with who and when, each a new surat tugas
revision; and none possible for someone else or on a stale question."""

from __future__ import annotations

from datetime import date

import pytest

from bot.activities import lifecycle as coverage
from support.activity_helpers import (
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


async def confirmed(app, rt_id: int, clock, **kwargs) -> int:  # noqa: ANN001
    activity_id = await create_activity(app, rt_id, **kwargs)
    await add_participant(app, activity_id, SITI)
    await confirm_directly(app, activity_id, clock.now)
    return activity_id


async def open_activity(chat: Chat, status: str = "berjalan") -> None:
    await chat.says("menu")
    await chat.taps("Kegiatan saya")
    await chat.taps(status)


async def changes(app, activity_id: int) -> list:  # noqa: ANN001
    async with app.uow_factory() as uow:
        return await uow.activities.changes(activity_id)


async def account_id(chat: Chat) -> int:
    async with chat.app.uow_factory() as uow:
        return (await uow.accounts.find(chat.address.channel, chat.address.chat_id)).id


async def test_extending_the_end_date(app, ketua: Chat, rt, clock) -> None:  # noqa: ANN001
    activity_id = await confirmed(app, rt.id, clock)
    await open_activity(ketua)
    await ketua.taps("Perpanjang tanggal selesai")
    assert "Tanggal selesai sekarang 31 Maret 2026" in ketua.last.text
    assert "Paling lambat 1 September 2026" in ketua.last.text
    await ketua.says("15/4/2026")
    assert "selesai 31 Maret 2026 → 15 April 2026" in plain(ketua.last.text)
    await ketua.taps("Ya, perpanjang")
    assert "s.d. 15 April 2026 pukul 23.59 WIB" in ketua.text
    assert "revisi 1" in ketua.text
    extended = await get_activity(app, activity_id)
    assert (extended.end_date, extended.surat_tugas_revision) == (date(2026, 4, 15), 1)
    [change] = await changes(app, activity_id)
    assert (change.kind, change.changed_at, change.changed_by) == (
        "end_extended",
        clock.now,
        await account_id(ketua),
    )
    assert change.detail == {"old_end": "2026-03-31", "new_end": "2026-04-15"}
    assert (await stored_state(ketua))[1] == "detail"
    await ketua.taps("Unduh surat tugas")
    [letter] = documents(ketua)
    assert letter.file_name.endswith("_r1.pdf")
    assert "15 April 2026" in pdf_text(letter.data)


async def test_a_new_value_with_two_readings_offers_both(app, ketua: Chat, rt, clock) -> None:  # noqa: ANN001
    await confirmed(app, rt.id, clock)
    await open_activity(ketua)
    await ketua.taps("Ubah nilai")
    await ketua.says("10m")
    assert ketua.choices == [
        "Rp10.000.000.000 (10 miliar)",
        "Rp10.000.000 (10 juta)",
        "Kembali ke daftar",
    ]
    await ketua.says("2")  # the 10 juta reading, by its number
    assert "Premi berkurang: Rp36.000" in plain(ketua.last.text)


@pytest.mark.parametrize(
    ("typed", "explanation"),
    [
        ("20/3/2026", "harus sesudah 31 Maret 2026"),
        ("31/3/2026", "harus sesudah 31 Maret 2026"),
        ("1/12/2026", "paling lama 184 hari"),
        ("besok lusa", "tidak bisa saya baca"),
        ("🙏", "tidak bisa saya baca"),
        ("x" * 5000, "terlalu panjang"),
    ],
)
async def test_an_extension_must_be_later_and_not_too_long(
    app,
    ketua: Chat,
    rt,
    clock,
    typed: str,
    explanation: str,  # noqa: ANN001
) -> None:
    activity_id = await confirmed(app, rt.id, clock)
    await open_activity(ketua)
    await ketua.taps("Perpanjang tanggal selesai")
    await ketua.says(typed)
    assert explanation in plain(ketua.text)
    assert (await stored_state(ketua))[:2] == (MY, "extend")
    assert (await get_activity(app, activity_id)).end_date == date(2026, 3, 31)


async def test_an_extension_can_be_declined(app, ketua: Chat, rt, clock) -> None:  # noqa: ANN001
    activity_id = await confirmed(app, rt.id, clock)
    await open_activity(ketua)
    await ketua.taps("Perpanjang tanggal selesai")
    await ketua.says("15/4/2026")
    await ketua.taps("Tidak")
    assert (await stored_state(ketua))[1] == "detail"
    assert (await get_activity(app, activity_id)).end_date == date(2026, 3, 31)
    assert await changes(app, activity_id) == []


async def test_changing_the_value_shows_the_premium_difference(app, ketua: Chat, rt, clock) -> None:  # noqa: ANN001
    activity_id = await confirmed(app, rt.id, clock)
    await open_activity(ketua)
    await ketua.taps("Ubah nilai")
    text = plain(ketua.last.text)
    assert "Nilai sekarang Rp25.000.000 (premi Rp60.000)" in text
    assert "tersedia untuk kegiatan ini: Rp100.000.000" in text
    await ketua.says("40 juta")
    text = plain(ketua.last.text)
    assert "Ubah nilai Rp25.000.000 → Rp40.000.000?" in text
    assert "Premi sebelumnya: Rp60.000" in text
    assert "Total premi: Rp96.000" in text and "Tambahan premi: Rp36.000" in text
    await ketua.taps("Ya, ubah nilai")
    assert "Nilai kini Rp40.000.000; total premi Rp96.000" in ketua.text
    changed = await get_activity(app, activity_id)
    assert (changed.value, changed.premium_jkk, changed.premium_jkm, changed.premium_total) == (
        40_000_000,
        84_000,
        12_000,
        96_000,
    )
    [change] = await changes(app, activity_id)
    assert change.kind == "value_changed"
    assert change.detail == {
        "old_value": 25_000_000,
        "new_value": 40_000_000,
        "old_premium": 60_000,
        "new_premium": 96_000,
    }


async def test_a_lower_value_lowers_the_premium(app, ketua: Chat, rt, clock) -> None:  # noqa: ANN001
    await confirmed(app, rt.id, clock)
    await open_activity(ketua)
    await ketua.taps("Ubah nilai")
    await ketua.says("10")
    assert ketua.choices == ["Ya, Rp10.000.000", "Kembali ke daftar"]
    await ketua.taps("Ya, Rp10.000.000")
    assert "Premi berkurang: Rp36.000" in plain(ketua.last.text)


@pytest.mark.parametrize(
    ("typed", "explanation"),
    [
        ("25 juta", "sama dengan sekarang"),
        ("90 juta", "melebihi sisa anggaran RT"),
        ("0", "harus lebih dari Rp0"),
        ("banyak", "bukan nilai rupiah"),
        ("🙏", "bukan nilai rupiah"),
        ("x" * 5000, "terlalu panjang"),
    ],
)
async def test_a_new_value_is_checked(
    app,
    ketua: Chat,
    rt,
    clock,
    typed: str,
    explanation: str,  # noqa: ANN001
) -> None:
    activity_id = await confirmed(app, rt.id, clock)
    await create_activity(app, rt.id, title="Draf lain", value=20_000_000)
    await open_activity(ketua)
    await ketua.taps("Ubah nilai")
    await ketua.says(typed)
    assert explanation in plain(ketua.text)
    assert (await stored_state(ketua))[:2] == (MY, "value")
    assert (await get_activity(app, activity_id)).value == 25_000_000


async def test_a_stale_confirmation_after_a_cancel_changes_nothing(
    app,
    ketua: Chat,
    rt,
    clock,  # noqa: ANN001
) -> None:
    activity_id = await confirmed(app, rt.id, clock)
    await open_activity(ketua)
    await ketua.taps("Perpanjang tanggal selesai")
    await ketua.says("15/4/2026")
    async with app.uow_factory() as uow:  # cancelled meanwhile from another chat
        await coverage.cancel(uow, await uow.activities.get(activity_id), clock.now, None)
        await uow.commit()
    await ketua.taps("Ya, perpanjang")
    assert (await get_activity(app, activity_id)).end_date == date(2026, 3, 31)
    assert [c.kind for c in await changes(app, activity_id)] == ["cancelled"]


async def test_an_ended_activity_cannot_be_changed_by_a_stale_button(
    app,
    ketua: Chat,
    rt,
    clock,  # noqa: ANN001
) -> None:
    activity_id = await confirmed(app, rt.id, clock, end=date(2026, 3, 5))
    await open_activity(ketua)
    clock.advance(days=5)
    await ketua.taps("Perpanjang tanggal selesai")
    assert "tidak berlaku lagi" in ketua.text
    assert (await stored_state(ketua))[1] == "detail"
    assert await changes(app, activity_id) == []


@pytest.mark.parametrize(
    ("step", "choice", "pending"),
    [
        ("extend_confirm", "extend_yes", {"new_end": "2026-04-15"}),
        ("value_confirm", "value_yes", {"new_value": 40_000_000}),
        ("cancel_confirm", "cancel_yes", {"cancel_reason": "Cuaca"}),
        ("postpone_confirm", "postpone_yes", {"new_start": "2026-04-01"}),
        ("shorten_confirm", "shorten_yes", {"shorter_end": "2026-03-20"}),
    ],
)
async def test_another_rts_chair_cannot_change_it(
    app,
    other_ketua: Chat,
    rt,
    clock,
    step: str,
    choice: str,
    pending: dict,  # noqa: ANN001
) -> None:
    activity_id = await confirmed(app, rt.id, clock)
    await put_in(
        other_ketua,
        MY,
        step,
        {"activity_id": activity_id, **pending},
        choices=[[choice, "Ya"], ["no", "Tidak"]],
    )
    await other_ketua.taps_id(choice)
    unchanged = await get_activity(app, activity_id)
    assert (unchanged.status, unchanged.end_date, unchanged.value) == (
        "confirmed",
        date(2026, 3, 31),
        25_000_000,
    )
    assert await changes(app, activity_id) == []


async def test_a_chair_replaced_meanwhile_cannot_cancel(app, ketua: Chat, rt, clock) -> None:  # noqa: ANN001
    activity_id = await confirmed(app, rt.id, clock)
    await open_activity(ketua)
    await ketua.taps("Batalkan kegiatan")
    await ketua.taps("Cuaca")
    async with app.uow_factory() as uow:
        (await uow.rts.get(rt.id)).chair_phone = "+6281299999999"
        await uow.commit()
    await ketua.taps("Ya, batalkan kegiatan")
    assert (await get_activity(app, activity_id)).status == "confirmed"


@pytest.mark.parametrize("step", ["extend_confirm", "value_confirm", "cancel_confirm"])
@pytest.mark.parametrize("typed", ["mungkin", "🙏", "x" * 5000])
async def test_bad_input_at_the_confirmations_stays(
    app,
    ketua: Chat,
    rt,
    clock,
    step: str,
    typed: str,  # noqa: ANN001
) -> None:
    activity_id = await confirmed(app, rt.id, clock)
    await open_activity(ketua)
    pending = {"extend_confirm": "15/4/2026", "value_confirm": "40 juta", "cancel_confirm": "Cuaca"}
    await ketua.taps(
        {"extend_confirm": "Perpanjang", "value_confirm": "Ubah nilai"}.get(step, "Batalkan")
    )
    if step in pending:
        await ketua.says(pending[step])
    await ketua.says(typed)
    assert "gangguan" not in ketua.text
    assert (await stored_state(ketua))[:2] == (MY, step)
    await ketua.taps_id("save")  # a button from another dialog
    assert "Tombol itu sudah tidak berlaku" in ketua.text
    assert (await stored_state(ketua))[:2] == (MY, step)
    assert await changes(app, activity_id) == []

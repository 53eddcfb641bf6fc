"""Cek perlindungan as a resident lives it, through the real conversation service and
database: a participant recognised by their verified phone sees their coverage now and in
the past; anyone else checks a NIK and learns only "covered now or not", the period and
the RT (masked NIK, no name); NIK checks are limited per hour; every lookup is audited."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import App
from support.activity_helpers import (
    JOKO,
    RUDI,
    SITI,
    add_participant,
    create_activity,
)
from support.chat import Chat, Clock
from support.coverage import (
    NOW,
    SITI_PHONE,
    UNKNOWN_NIK,
    audit_events,
    cancel_directly,
    confirmed_activity,
    person_id,
    shares_contact,
)
from support.seeding import SeededRt


@pytest.fixture
def tetangga(app: App) -> Chat:
    """A resident on WhatsApp whose number is on no worker list."""
    return Chat(app, "warga-2", channel="whatsapp", phone="+6281300000009", name="Dewi")


# --- a participant's own coverage ---------------------------------------------------


async def test_a_participant_sees_their_coverage_now_in_the_past_and_coming(
    app: App, warga: Chat, rt: SeededRt, other_rt: SeededRt
) -> None:
    await confirmed_activity(
        app, rt.id, "Perbaikan jalan Gang Melati", date(2026, 3, 2), date(2026, 3, 31),
        ((SITI, SITI_PHONE), (JOKO, None)),
    )  # fmt: skip
    await confirmed_activity(
        app, other_rt.id, "Gotong royong drainase", date(2026, 1, 5), date(2026, 1, 20),
        ((SITI, SITI_PHONE),), confirmed_at=datetime(2026, 1, 4, 3, 0, tzinfo=UTC),
    )  # fmt: skip
    await confirmed_activity(
        app, rt.id, "Pengecatan pos ronda", date(2026, 3, 10), date(2026, 3, 20),
        ((SITI, SITI_PHONE),),
    )  # fmt: skip
    cancelled = await confirmed_activity(
        app, rt.id, "Taman bermain", date(2026, 3, 5), date(2026, 3, 25), ((SITI, SITI_PHONE),)
    )
    await cancel_directly(app, cancelled, NOW + timedelta(minutes=30), "Cuaca")
    draft = await create_activity(app, rt.id, title="Draf saluran air")
    await add_participant(app, draft, SITI, phone=SITI_PHONE)

    await warga.says("menu")
    await warga.taps("Cek perlindungan")

    text = warga.text
    assert "Perlindungan untuk nomor +6281300000001" in text
    assert "Siti Aminah" in text and "1571********0001" in text
    assert "1571014506900001" not in text
    assert "Perbaikan jalan Gang Melati (KB-2026-" in text
    assert "RT 01 · Kel. Simpang IV Sipin · Kec. Telanaipura" in text
    assert "2 Maret 2026 09.00 WIB s.d. 31 Maret 2026 23.59 WIB" in text
    assert "terlindungi sekarang" in text
    assert "Gotong royong drainase" in text and "RT 05 · Kel. Thehok" in text
    assert "5 Januari 2026 00.00 WIB s.d. 20 Januari 2026 23.59 WIB" in text
    assert "sudah berakhir" in text
    assert "Pengecatan pos ronda" in text and "akan dimulai" in text
    assert "Taman bermain" in text and "dibatalkan 2 Maret 2026" in text
    assert "alasan: Cuaca" in text
    assert "tidak pernah berlaku" in text  # cancelled before it started
    assert "Draf saluran air" not in text  # a draft gives no coverage
    assert "JKK" in text and "JKM" in text
    assert "Joko" not in text  # only the caller's own rows
    assert warga.choices == ["Cek NIK lain", "Info manfaat", "Menu"]

    events = await audit_events(app, "coverage_lookup_phone")
    assert [e.subject_person_id for e in events] == [await person_id(app, SITI[0])]
    assert events[0].actor_account_id is not None


async def test_added_later_and_removed_shift_the_window(
    app: App, warga: Chat, clock: Clock, rt: SeededRt
) -> None:
    activity_id = await confirmed_activity(
        app, rt.id, "Perbaikan jalan", date(2026, 3, 2), date(2026, 3, 31), ((JOKO, None),)
    )
    participation = await add_participant(
        app, activity_id, SITI, phone=SITI_PHONE, added_at=NOW + timedelta(minutes=90)
    )
    clock.advance(hours=2)

    await warga.says("/cek")
    assert "2 Maret 2026 10.30 WIB s.d. 31 Maret 2026 23.59 WIB" in warga.text
    assert "terlindungi sekarang" in warga.text

    async with app.uow_factory() as uow:
        row = await uow.participations.get(participation)
        await uow.participations.remove(row, by=None, at=NOW + timedelta(hours=3))
        await uow.commit()
    clock.advance(hours=2)
    await warga.says("/cek")
    assert "2 Maret 2026 10.30 WIB s.d. 2 Maret 2026 12.00 WIB" in warga.text
    assert "sudah berakhir; dihapus dari daftar 2 Maret 2026 12.00 WIB" in warga.text


async def test_a_phone_shared_by_two_people_shows_both(app: App, warga: Chat, rt: SeededRt) -> None:
    await confirmed_activity(
        app, rt.id, "Perbaikan jalan", date(2026, 3, 2), date(2026, 3, 31),
        ((SITI, SITI_PHONE), (RUDI, SITI_PHONE)),
    )  # fmt: skip
    await warga.says("/cek")
    assert "Siti Aminah" in warga.text and "Rudi Hartono" in warga.text
    assert len(await audit_events(app, "coverage_lookup_phone")) == 2


async def test_a_person_on_a_draft_only_is_told_there_is_no_coverage_yet(
    app: App, warga: Chat, rt: SeededRt
) -> None:
    draft = await create_activity(app, rt.id, title="Draf saluran air")
    await add_participant(app, draft, SITI, phone=SITI_PHONE)
    await warga.says("/cek")
    assert "Belum ada kegiatan terkonfirmasi yang mencatat Siti Aminah" in warga.text
    assert "Draf saluran air" not in warga.text


# --- a check by NIK -----------------------------------------------------------------


async def test_a_nik_check_answers_only_covered_period_and_rt(
    app: App, tetangga: Chat, rt: SeededRt
) -> None:
    await confirmed_activity(
        app, rt.id, "Perbaikan jalan", date(2026, 3, 2), date(2026, 3, 31), ((JOKO, None),)
    )
    await tetangga.says("/cek")
    assert "Nomor +6281300000009 tidak tercatat" in tetangga.text
    assert tetangga.choices == ["Info manfaat", "Menu"]

    await tetangga.says("1571 0101 0185 0002")

    text = tetangga.text
    assert "NIK 1571********0002: *terlindungi sekarang*" in text
    assert "2 Maret 2026 09.00 WIB s.d. 31 Maret 2026 23.59 WIB" in text
    assert "RT 01 · Kel. Simpang IV Sipin" in text
    for leak in ("Joko", "Susilo", "1571010101850002", "1985", "laki", "Perbaikan jalan"):
        assert leak not in text
    assert "Ketik NIK lain" in text

    (event,) = await audit_events(app, "coverage_lookup_nik")
    assert event.subject_person_id == await person_id(app, JOKO[0])
    assert event.detail == {"nik_masked": "1571********0002", "found": True, "covered_now": True}
    assert "1571010101850002" not in str(event.detail)


async def test_an_unknown_nik_and_a_past_participant_get_the_same_answer(
    app: App, tetangga: Chat, rt: SeededRt
) -> None:
    await confirmed_activity(
        app, rt.id, "Kerja bakti", date(2026, 1, 5), date(2026, 1, 20), ((RUDI, None),),
        confirmed_at=datetime(2026, 1, 4, 3, 0, tzinfo=UTC),
    )  # fmt: skip
    await tetangga.says("/cek")
    await tetangga.says(RUDI[0])
    known = tetangga.replies[0].text
    await tetangga.says(UNKNOWN_NIK)
    unknown = tetangga.replies[0].text

    assert "tidak terlindungi saat ini" in known
    assert known.replace("0003", "0004") == unknown
    assert "Kerja bakti" not in known and "Januari" not in known
    events = await audit_events(app, "coverage_lookup_nik")
    assert [e.detail["found"] for e in events] == [True, False]
    assert events[1].subject_person_id is None


async def test_a_nik_with_coming_coverage_says_when_it_starts(
    app: App, tetangga: Chat, rt: SeededRt
) -> None:
    await confirmed_activity(
        app, rt.id, "Pengecatan pos ronda", date(2026, 3, 10), date(2026, 3, 20), ((JOKO, None),)
    )
    await tetangga.says("/cek")
    await tetangga.says(JOKO[0])
    assert "belum terlindungi saat ini" in tetangga.text
    assert "10 Maret 2026 00.00 WIB s.d. 20 Maret 2026 23.59 WIB" in tetangga.text
    assert "RT 01" in tetangga.text


async def test_a_participant_can_check_another_nik(app: App, warga: Chat, rt: SeededRt) -> None:
    await confirmed_activity(
        app, rt.id, "Perbaikan jalan", date(2026, 3, 2), date(2026, 3, 31),
        ((SITI, SITI_PHONE), (JOKO, None)),
    )  # fmt: skip
    await warga.says("/cek")
    await warga.taps("Cek NIK lain")
    assert "Ketik *NIK*" in warga.text
    await warga.says(JOKO[0])
    assert "NIK 1571********0002: *terlindungi sekarang*" in warga.text
    # A NIK typed straight away at the first question works too.
    await warga.says("/cek")
    await warga.says(UNKNOWN_NIK)
    assert "NIK 1571********0004: *tidak terlindungi saat ini*" in warga.text


# --- the hourly limit ---------------------------------------------------------------


async def test_the_sixth_nik_check_in_an_hour_is_refused_until_the_hour_has_passed(
    app: App, tetangga: Chat, clock: Clock
) -> None:
    await tetangga.says("/cek")
    for _ in range(5):
        await tetangga.says(UNKNOWN_NIK)
        assert "tidak terlindungi saat ini" in tetangga.text
    await tetangga.says("bukan NIK")  # an invalid NIK is no lookup and is not counted
    await tetangga.says(JOKO[0])

    assert "sudah memeriksa 5 NIK dalam satu jam terakhir" in tetangga.text
    assert "coba lagi setelah *2 Maret 2026 10.00 WIB*" in tetangga.text
    assert "tidak terlindungi" not in tetangga.text
    assert len(await audit_events(app, "coverage_lookup_nik")) == 5
    assert len(await audit_events(app, "coverage_lookup_limited")) == 1

    clock.advance(hours=1)
    await tetangga.says(JOKO[0])
    assert "NIK 1571********0002: *tidak terlindungi saat ini*" in tetangga.text


async def test_the_limit_is_a_rolling_hour(app: App, tetangga: Chat, clock: Clock) -> None:
    await tetangga.says("/cek")
    for _ in range(3):
        await tetangga.says(UNKNOWN_NIK)
    clock.advance(minutes=30)
    for _ in range(2):
        await tetangga.says(UNKNOWN_NIK)
    clock.advance(minutes=10)
    await tetangga.says(UNKNOWN_NIK)
    assert "coba lagi setelah *2 Maret 2026 10.00 WIB*" in tetangga.text

    clock.advance(minutes=20)  # the three checks of 09.00 have left the window
    for _ in range(3):
        await tetangga.says(UNKNOWN_NIK)
        assert "tidak terlindungi saat ini" in tetangga.text
    await tetangga.says(UNKNOWN_NIK)
    assert "coba lagi setelah *2 Maret 2026 10.30 WIB*" in tetangga.text


async def test_the_limit_is_per_account(app: App, tetangga: Chat, warga: Chat) -> None:
    await tetangga.says("/cek")
    for _ in range(6):
        await tetangga.says(UNKNOWN_NIK)
    assert "coba lagi setelah" in tetangga.text
    await warga.says("/cek")
    await warga.says(UNKNOWN_NIK)
    assert "tidak terlindungi saat ini" in warga.text


# --- no verified phone, bad input -----------------------------------------------------


async def test_without_a_verified_phone_the_bot_explains_and_accepts_a_shared_contact(
    app: App, rt: SeededRt
) -> None:
    await confirmed_activity(
        app, rt.id, "Perbaikan jalan", date(2026, 3, 2), date(2026, 3, 31), ((SITI, SITI_PHONE),)
    )
    telegram = Chat(app, "tg-1", channel="telegram", name="Siti")
    await telegram.says("/cek")
    assert "belum terverifikasi" in telegram.text and "Bagikan nomor HP" in telegram.text
    assert telegram.last.request_phone
    assert await audit_events(app, "coverage_lookup_phone") == []

    await shares_contact(telegram, "+6281300000077")
    assert "Nomor +6281300000077 tidak tercatat" in telegram.text

    await shares_contact(telegram, SITI_PHONE)
    assert "Perbaikan jalan" in telegram.text and "terlindungi sekarang" in telegram.text
    assert telegram.choices == ["Cek NIK lain", "Info manfaat", "Menu"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("halo", "NIK hanya berisi angka"),
        ("😀🙏", "NIK hanya berisi angka"),
        ("12345", "NIK harus tepat 16 angka"),
        ("9971014506900001", "bukan kode provinsi"),
        ("1571019913900001", "tidak membentuk tanggal"),
        ("1571014506900000", "tidak mungkin 0000"),
        ("1" * 5000, "terlalu panjang"),
    ],
)
async def test_a_bad_nik_is_explained_and_the_question_stays(
    app: App, tetangga: Chat, typed: str, expected: str
) -> None:
    await tetangga.says("/cek")
    await tetangga.says(typed)
    assert expected in tetangga.text
    assert "Ketik *NIK*" in tetangga.text
    assert await audit_events(app, "coverage_lookup_nik") == []


async def test_bad_input_after_the_own_coverage(app: App, warga: Chat, rt: SeededRt) -> None:
    await confirmed_activity(
        app, rt.id, "Perbaikan jalan", date(2026, 3, 2), date(2026, 3, 31), ((SITI, SITI_PHONE),)
    )
    await warga.says("/cek")
    await warga.says("terima kasih ya")
    assert "Pilih *Cek NIK lain*" in warga.text
    await warga.taps_id("stale-button")
    assert "Tombol itu sudah tidak berlaku" in warga.text
    await warga.says("x" * 5000)
    assert "terlalu panjang" in warga.text
    assert warga.choices == ["Cek NIK lain", "Info manfaat", "Menu"]
    await warga.taps("Info manfaat")
    assert "Info manfaat BPJS Ketenagakerjaan" in warga.text


async def test_menu_and_back_from_the_nik_question(app: App, tetangga: Chat) -> None:
    await tetangga.says("/cek")
    await tetangga.taps("Menu")
    assert "Menu utama" in tetangga.text
    await tetangga.taps("Cek perlindungan")
    await tetangga.says("kembali")
    assert "tidak ada langkah sebelumnya" in tetangga.text
    await tetangga.taps("Info manfaat")
    assert "Info manfaat BPJS Ketenagakerjaan" in tetangga.text


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(typed=st.text(max_size=60))
async def test_any_text_gets_a_real_answer(tetangga: Chat, typed: str) -> None:
    await tetangga.says("/cek")
    await tetangga.says(typed)
    assert tetangga.replies and all(reply.text.strip() for reply in tetangga.replies)
    assert "gangguan" not in tetangga.text

"""Daftarkan kegiatan as a Ketua RT lives it, through the real service and database: one
question per message, the checks with their explanations, the summary card, changing an
answer, bad input at every step, `batal` and `kembali`, resuming after a restart, and
saving the draft (the only moment anything is written)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import build_app
from bot.config import Settings
from support.activity_helpers import (
    PLACE,
    SITI,
    TITLE,
    activities,
    add_participant,
    create_activity,
    plain,
    put_in,
    register,
    stored_state,
)
from support.chat import Chat, Clock
from support.seeding import TEST_NIK_KEY, seed_rt

REG = "activity_registration"


async def test_a_full_registration_shows_every_field_and_saves_a_draft(ketua: Chat, rt) -> None:  # noqa: ANN001
    await register(ketua)
    card = plain(ketua.last.text)
    for expected in (
        "RT 01 · Kel. Simpang IV Sipin · Kec. Telanaipura",
        f"Nama: {TITLE}",
        "Jenis: Jalan lingkungan",
        f"Tempat: {PLACE}",
        "Tanggal: 2 Maret 2026 s.d. 31 Maret 2026 (30 hari)",
        "Masa perlindungan: mulai saat dikonfirmasi (paling cepat 2 Maret 2026 pukul 00.00 WIB) s.d. 31 Maret 2026 pukul 23.59 WIB",
        "Nilai: Rp25.000.000 (tanpa PPN)",
        "Premi JKK: Rp52.500",
        "Premi JKM: Rp7.500",
        "Total premi: Rp60.000",
        "terpakai Rp0 · draf: Rp25.000.000 belum terpakai · sisa Rp75.000.000 (sesudah draf)",
    ):
        assert expected in card
    assert ketua.choices == ["Simpan & tambah peserta", "Ubah …", "Batal"]
    assert await activities(ketua.app) == []  # nothing written before "Simpan"

    await ketua.taps("Simpan & tambah peserta")
    assert "disimpan sebagai draf" in ketua.text
    [saved] = await activities(ketua.app)
    assert (saved.rt_id, saved.title, saved.kind, saved.place) == (
        rt.id,
        TITLE,
        "jalan_lingkungan",
        PLACE,
    )
    assert (saved.start_date, saved.end_date, saved.year) == (
        date(2026, 3, 2),
        date(2026, 3, 31),
        2026,
    )
    assert (saved.value, saved.value_includes_ppn, saved.status) == (25_000_000, False, "draft")
    assert (saved.premium_jkk, saved.premium_jkm, saved.premium_total) == (52_500, 7_500, 60_000)
    assert saved.number is None and saved.confirmed_at is None
    async with ketua.app.uow_factory() as uow:
        account = await uow.accounts.find(ketua.address.channel, ketua.address.chat_id)
    assert saved.created_by == account.id
    dialog, _, data = await stored_state(ketua)
    assert (dialog, data.get("activity_id")) == ("participants", saved.id)


async def test_ppn_and_an_ambiguous_value(ketua: Chat) -> None:
    await ketua.says("menu")
    await ketua.taps("Daftarkan kegiatan")
    await ketua.says(TITLE)
    await ketua.taps("Drainase")
    await ketua.says(PLACE)
    await ketua.says("besok")
    await ketua.taps("Hari yang sama")
    await ketua.says("2,5")
    assert "Maksud Anda Rp2.500.000?" in plain(ketua.text)
    assert ketua.choices == ["Ya, Rp2.500.000"]
    await ketua.taps("Ya, Rp2.500.000")
    assert "sudah termasuk PPN?" in plain(ketua.text)
    await ketua.taps("Ya")
    card = plain(ketua.text)
    assert "Nilai: Rp2.500.000 (termasuk PPN)" in card
    assert "Tanggal: 3 Maret 2026 s.d. 3 Maret 2026 (1 hari)" in card
    assert "Jenis: Drainase" in card
    await ketua.taps("Simpan")
    [saved] = await activities(ketua.app)
    assert (saved.value, saved.value_includes_ppn, saved.kind) == (2_500_000, True, "drainase")


async def test_a_shared_location_becomes_the_place(ketua: Chat) -> None:
    await ketua.says("menu")
    await ketua.taps("Daftarkan kegiatan")
    await ketua.says(TITLE)
    await ketua.taps("Keamanan")
    await ketua.shares_location(-1.61, 103.61)
    assert "Lokasi diterima" in ketua.text
    await ketua.taps("Lewati")
    assert "mulai" in ketua.text
    await ketua.says("hari ini")
    await ketua.says("10/3/2026")
    await ketua.says("10 juta")
    await ketua.taps("Tidak")
    assert "Tempat: Lokasi dibagikan (-1.61, 103.61)" in plain(ketua.text)
    await ketua.taps("Simpan")
    [saved] = await activities(ketua.app)
    assert (saved.latitude, saved.longitude) == (-1.61, 103.61)
    assert saved.place == "Lokasi dibagikan (-1.61, 103.61)"


async def test_a_shared_location_with_a_description(ketua: Chat) -> None:
    await ketua.says("menu")
    await ketua.taps("Daftarkan kegiatan")
    await ketua.says(TITLE)
    await ketua.taps("Keamanan")
    await ketua.shares_location(-1.6123456, 103.6123456)
    await ketua.says("Pos ronda ujung gang")
    await ketua.says("hari ini")
    await ketua.says("10/3/2026")
    await ketua.says("10 juta")
    await ketua.taps("Tidak")
    assert "Tempat: Pos ronda ujung gang — Lokasi dibagikan (-1.61235, 103.61235)" in plain(
        ketua.text
    )


async def test_a_start_in_the_past_is_explained_and_today_offered(ketua: Chat) -> None:
    await ketua.says("menu")
    await ketua.taps("Daftarkan kegiatan")
    await ketua.says(TITLE)
    await ketua.taps("Drainase")
    await ketua.says(PLACE)
    await ketua.says("1/3/2026")
    text = plain(ketua.text)
    assert "1 Maret 2026 sudah lewat (hari ini 2 Maret 2026)" in text
    assert "tidak bisa berlaku mundur" in text and "tidak terlindungi" in text
    # The buttons of the question stay as they were, in the same places.
    assert ketua.choices == ["Hari ini", "Besok"]
    assert (await stored_state(ketua))[1] == "start_date"
    await ketua.taps("Hari ini")
    assert "Mulai 2 Maret 2026" in ketua.text
    assert (await stored_state(ketua))[1] == "end_date"


async def _at_start_date(ketua: Chat) -> None:
    await ketua.says("menu")
    await ketua.taps("Daftarkan kegiatan")
    await ketua.says(TITLE)
    await ketua.taps("Drainase")
    await ketua.says(PLACE)


async def test_a_day_and_month_in_december_is_the_coming_year(ketua: Chat, clock: Clock) -> None:
    clock.now = clock.now.replace(year=2026, month=12, day=20)
    await _at_start_date(ketua)
    await ketua.says("5 Januari")
    assert "Mulai 5 Januari 2027" in ketua.text
    assert (await stored_state(ketua))[1] == "end_date"
    await ketua.says("10 Januari")  # read from the start, not from today
    assert (await stored_state(ketua))[1] == "value"


async def test_a_date_without_year_far_ahead_is_asked_back(ketua: Chat, clock: Clock) -> None:
    clock.now = clock.now.replace(year=2026, month=12, day=2)
    await _at_start_date(ketua)
    await ketua.says("1 Agustus")
    text = plain(ketua.text)
    assert "1 Agustus tanpa tahun berarti 1 Agustus 2027" in text
    assert "sudah lewat" not in text
    assert ketua.choices == ["Hari ini", "Besok", "Ya, 1 Agustus 2027"]
    assert (await stored_state(ketua))[1] == "start_date"
    await ketua.taps("Ya, 1 Agustus 2027")
    assert "Mulai 1 Agustus 2027" in ketua.text
    assert (await stored_state(ketua))[1] == "end_date"


async def test_the_ask_back_is_dropped_when_another_date_is_typed(
    ketua: Chat, clock: Clock
) -> None:
    clock.now = clock.now.replace(year=2026, month=12, day=2)
    await _at_start_date(ketua)
    await ketua.says("1/8")
    assert ketua.choices == ["Hari ini", "Besok", "Ya, 1 Agustus 2027"]
    await ketua.says("kapan-kapan")
    assert "tidak bisa saya baca" in ketua.text
    assert ketua.choices == ["Hari ini", "Besok"]
    await ketua.says("1/8/2027")  # the full date is taken as typed
    assert "Mulai 1 Agustus 2027" in ketua.text


@pytest.mark.parametrize("typed", ["kapan-kapan", "31/2/2026", "1/3/2026", "2/3/2028"])
async def test_the_start_buttons_stay_after_every_error(ketua: Chat, typed: str) -> None:
    await _at_start_date(ketua)
    assert ketua.choices == ["Hari ini", "Besok"]
    await ketua.says(typed)
    assert (await stored_state(ketua))[1] == "start_date"
    assert ketua.choices == ["Hari ini", "Besok"]
    await ketua.taps("Besok")
    assert "Mulai 3 Maret 2026" in ketua.text


async def test_the_end_buttons_stay_after_an_error(ketua: Chat) -> None:
    await _at_start_date(ketua)
    await ketua.says("hari ini")
    assert ketua.choices == ["Hari yang sama"]
    await ketua.says("kapan-kapan")
    assert ketua.choices == ["Hari yang sama"]


@pytest.mark.parametrize(
    ("typed", "explanation"),
    [
        ("1/3/2026", "tidak boleh sebelum tanggal mulai"),
        ("1/12/2026", "paling lama 184 hari, jadi paling lambat selesai 4 September 2026"),
        ("31/2/2026", "tidak ada di kalender"),
        ("kapan-kapan", "tidak bisa saya baca"),
    ],
)
async def test_end_date_checks(ketua: Chat, typed: str, explanation: str) -> None:
    await ketua.says("menu")
    await ketua.taps("Daftarkan kegiatan")
    await ketua.says(TITLE)
    await ketua.taps("Drainase")
    await ketua.says(PLACE)
    await ketua.says("5/3/2026")
    await ketua.says(typed)
    assert explanation in plain(ketua.text)
    assert (await stored_state(ketua))[1] == "end_date"


async def test_a_start_more_than_a_year_ahead_is_questioned(ketua: Chat) -> None:
    await ketua.says("menu")
    await ketua.taps("Daftarkan kegiatan")
    await ketua.says(TITLE)
    await ketua.taps("Drainase")
    await ketua.says(PLACE)
    await ketua.says("5/3/2062")
    assert "lebih dari setahun lagi" in ketua.text
    assert (await stored_state(ketua))[1] == "start_date"


async def test_the_value_must_fit_the_remaining_budget(ketua: Chat, rt) -> None:  # noqa: ANN001
    async with ketua.app.uow_factory() as uow:
        await uow.rts.set_budget(rt.id, 2026, 70_000_000)
        await uow.commit()
    await create_activity(ketua.app, rt.id, value=50_000_000)  # a draft claims its budget
    cancelled = await create_activity(ketua.app, rt.id, value=60_000_000)
    async with ketua.app.uow_factory() as uow:
        (await uow.activities.get(cancelled)).status = "cancelled"  # gives its budget back
        await uow.commit()
    await put_in(
        ketua,
        REG,
        "value",
        {"rt_id": rt.id, "title": TITLE, "kind": "drainase", "place": PLACE}
        | {"start": "2026-03-05", "end": "2026-03-10"},
    )
    await ketua.says("?")
    assert (
        "Anggaran RT tahun 2026: Rp70.000.000 · terpakai Rp0 · draf: Rp50.000.000 belum terpakai"
        " · dibatalkan: Rp60.000.000 (tidak terpakai) · sisa Rp20.000.000 (sesudah draf)"
    ) in plain(ketua.text)
    await ketua.says("25 juta")
    text = plain(ketua.text)
    assert "Nilai Rp25.000.000 melebihi sisa anggaran RT" in text
    assert "sisa Rp20.000.000" in text
    assert (await stored_state(ketua))[1] == "value"
    await ketua.says("0")
    assert "harus lebih dari Rp0" in ketua.text
    await ketua.says("20 juta")
    assert "termasuk PPN" in ketua.text


async def test_changing_an_answer_from_the_summary_returns_to_it(ketua: Chat) -> None:
    await register(ketua)
    await ketua.taps("Ubah")
    assert "Kembali ke ringkasan" in ketua.choices
    await ketua.taps("Nama kegiatan")
    assert f"(Jawaban sekarang: {TITLE})" in ketua.text
    await ketua.says("Pengecoran jalan Gang Mawar")
    assert "Nama: Pengecoran jalan Gang Mawar" in plain(ketua.text)
    await ketua.taps("Ubah")
    await ketua.taps("Jenis")
    await ketua.taps("Fasilitas umum")
    assert "Jenis: Fasilitas umum" in plain(ketua.text)
    await ketua.taps("Ubah")
    await ketua.taps("PPN")
    await ketua.taps("Ya")
    assert "(termasuk PPN)" in plain(ketua.text)
    await ketua.taps("Ubah")
    await ketua.taps("Nilai")
    await ketua.says("30 juta")
    assert "Total premi: Rp72.000" in plain(ketua.text)
    await ketua.taps("Ubah")
    await ketua.taps("Kembali ke ringkasan")
    assert "Ringkasan kegiatan" in ketua.text
    await ketua.taps("Simpan")
    [saved] = await activities(ketua.app)
    assert (saved.title, saved.kind, saved.value, saved.value_includes_ppn) == (
        "Pengecoran jalan Gang Mawar",
        "fasilitas_umum",
        30_000_000,
        True,
    )


async def test_a_new_start_after_the_end_asks_the_end_again(ketua: Chat) -> None:
    await register(ketua, end="5/3/2026")
    await ketua.taps("Ubah")
    await ketua.taps("Tanggal mulai")
    await ketua.says("10/3/2026")
    assert "Mohon isi ulang tanggal selesai" in ketua.text
    await ketua.says("12/3/2026")
    assert "Tanggal: 10 Maret 2026 s.d. 12 Maret 2026 (3 hari)" in plain(ketua.text)


async def test_kembali_edits_the_previous_answer(ketua: Chat) -> None:
    await ketua.says("menu")
    await ketua.taps("Daftarkan kegiatan")
    await ketua.says("Perbaikan jalan salah ketik")
    await ketua.says("kembali")
    assert "(Jawaban sekarang: Perbaikan jalan salah ketik)" in ketua.text
    await ketua.says(TITLE)
    await ketua.taps("Drainase")
    await ketua.says(PLACE)
    await ketua.says("kembali")
    assert f"(Jawaban sekarang: {PLACE})" in ketua.text
    await ketua.says("Gang Mawar")
    await ketua.says("hari ini")
    await ketua.says("10/3/2026")
    await ketua.says("kembali")
    assert "(Jawaban sekarang: 10 Maret 2026)" in ketua.text
    await ketua.says("11/3/2026")
    await ketua.says("10 juta")
    await ketua.taps("Tidak")
    card = plain(ketua.text)
    assert f"Nama: {TITLE}" in card and "Tempat: Gang Mawar" in card
    assert "s.d. 11 Maret 2026" in card


# Each step, how to get there from the one before, a nonsense answer for it, and a button
# from an earlier question (stale by now).
ANSWERS = [
    ("start", None, "?!", "activity_registration"),
    ("kind", TITLE, "sepak bola", "activity_registration"),
    ("place", "tap:Jalan lingkungan", "!!", "jalan_lingkungan"),
    ("start_date", PLACE, "kapan-kapan", "jalan_lingkungan"),
    ("end_date", "hari ini", "secepatnya", "tomorrow"),
    ("value", "31/3/2026", "banyak sekali", "same_day"),
    ("ppn", "25 juta", "mungkin", "same_day"),
    ("summary", "tap:Tidak", "hmm", "yes"),
    ("edit", "tap:Ubah", "hmm", "save"),
]
STEPS = [step for step, *_ in ANSWERS]


async def reach(chat: Chat, step: str) -> None:
    """Walk the registration up to `step` (place_detail: by sharing a location)."""
    await chat.says("menu")
    await chat.taps("Daftarkan kegiatan")
    if step == "place_detail":
        await reach_rest(chat, "place")
        await chat.shares_location(-1.61, 103.61)
        return
    await reach_rest(chat, step)


async def reach_rest(chat: Chat, step: str) -> None:
    for name, answer, _, _ in ANSWERS:
        if answer is not None:
            if answer.startswith("tap:"):
                await chat.taps(answer[4:])
            else:
                await chat.says(answer)
        if name == step:
            return


def nonsense_for(step: str) -> str:
    return next((n for s, _, n, _ in ANSWERS if s == step), "!!")


def stale_for(step: str) -> str:
    return next((b for s, _, _, b in ANSWERS if s == step), "jalan_lingkungan")


async def assert_stays(chat: Chat, step: str) -> None:
    assert chat.replies and all(reply.text.strip() for reply in chat.replies)
    assert "gangguan" not in chat.text
    assert (await stored_state(chat))[:2] == (REG, step)
    assert await activities(chat.app) == []


@pytest.mark.parametrize("step", [*STEPS, "place_detail"])
@pytest.mark.parametrize("kind", ["nonsense", "emoji", "very_long", "stale_button", "twice"])
async def test_bad_input_at_every_step_is_answered_and_the_step_stays(
    ketua: Chat, step: str, kind: str
) -> None:
    await reach(ketua, step)
    assert (await stored_state(ketua))[:2] == (REG, step)
    question = ketua.last.text
    if kind == "nonsense":
        await ketua.says(nonsense_for(step))
    elif kind == "emoji":
        await ketua.says("🙏😀🚧")
    elif kind == "very_long":
        await ketua.says("jalan " * 1000)
        assert "terlalu panjang" in ketua.text
    elif kind == "stale_button":
        await ketua.taps_id(stale_for(step))
        assert "Tombol itu sudah tidak berlaku" in ketua.text
    else:
        await ketua.says(nonsense_for(step))
        await ketua.says(nonsense_for(step))
        assert "Pesan yang sama terkirim lagi" in ketua.text
    await assert_stays(ketua, step)
    assert ketua.last.text == question  # the same question is asked again


@pytest.mark.parametrize("step", [*STEPS, "place_detail"])
async def test_batal_at_every_step_leaves_nothing_but_asks_before_deleting_answers(
    ketua: Chat, step: str
) -> None:
    await reach(ketua, step)
    await ketua.says("batal")
    if step == "start":  # nothing typed yet: nothing to ask about
        assert "Dibatalkan" in ketua.text
    elif step == "edit":  # a sub-step of the summary: back to the card, answers kept
        assert "Langkah ini dibatalkan" in ketua.text
        assert (await stored_state(ketua))[:2] == (REG, "summary")
        assert f"Nama: {TITLE}" in plain(ketua.last.text)
        await ketua.says("batal")
    if step != "start":
        assert f"Batalkan pendaftaran kegiatan “{TITLE}”" in ketua.text
        assert ketua.choices == ["Ya, hapus isian", "Tidak, lanjutkan"]
        assert (await stored_state(ketua))[1] == "_discard"
        await ketua.taps("Ya, hapus isian")
        assert "Isiannya sudah dihapus" in ketua.text
    assert "Menu utama" in ketua.last.text
    assert (await stored_state(ketua))[:2] == ("menu", "main")
    assert await activities(ketua.app) == []


@pytest.mark.parametrize("how", ["tap", "typed number", "batal again", "kembali"])
async def test_not_discarding_returns_to_the_same_question_with_every_answer(
    ketua: Chat, how: str
) -> None:
    await reach(ketua, "value")
    question = ketua.last.text
    await ketua.says("batal")
    if how == "tap":
        await ketua.taps("Tidak, lanjutkan")
    else:
        await ketua.says({"typed number": "2", "batal again": "batal", "kembali": "kembali"}[how])
    dialog, step, data = await stored_state(ketua)
    assert (dialog, step) == (REG, "value")
    assert data["title"] == TITLE and data["place"] == PLACE
    assert ketua.last.text == question
    await ketua.says("25 juta")
    assert (await stored_state(ketua))[1] == "ppn"


async def test_the_batal_button_on_the_summary_asks_and_typing_its_number_is_the_same(
    ketua: Chat,
) -> None:
    await register(ketua)
    await ketua.taps("Batal")
    tapped = ketua.text
    assert "Batalkan pendaftaran kegiatan" in tapped
    await ketua.taps("Tidak")
    assert ketua.choices == ["Simpan & tambah peserta", "Ubah …", "Batal"]
    await ketua.says("3")  # the number of "Batal": the same question, nothing saved
    assert ketua.text == tapped
    await ketua.says("1")  # "Ya, hapus isian"
    assert "Isiannya sudah dihapus" in ketua.text
    assert await activities(ketua.app) == []


async def test_the_same_save_tapped_twice_saves_once(ketua: Chat) -> None:
    await register(ketua)
    [save] = [c for c in ketua.choices_full if c.title.startswith("Simpan")]
    await ketua.sends(choice_id=save.id, text=save.title)
    await ketua.sends(choice_id=save.id, text=save.title)
    assert len(await activities(ketua.app)) == 1


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(typed=st.text(max_size=60), step=st.sampled_from(["start_date", "end_date", "value"]))
async def test_any_text_at_the_date_and_value_questions_gets_a_real_answer(
    ketua: Chat, rt, typed: str, step: str
) -> None:  # noqa: ANN001
    data = {"rt_id": rt.id, "title": TITLE, "kind": "drainase", "place": PLACE}
    data |= {"start": "2026-03-05", "end": "2026-03-10"}
    await put_in(ketua, REG, step, data)
    await ketua.says(typed)
    assert ketua.replies and all(reply.text.strip() for reply in ketua.replies)
    assert "gangguan" not in ketua.text
    assert await activities(ketua.app) == []


async def test_an_interrupted_registration_resumes_after_a_restart(
    ketua: Chat,
    database,
    clock,  # noqa: ANN001
) -> None:
    await ketua.says("menu")
    await ketua.taps("Daftarkan kegiatan")
    await ketua.says(TITLE)
    await ketua.taps("Drainase")
    await ketua.says(PLACE)
    await ketua.says("hari ini")
    await ketua.says("31/3/2026")
    assert "nilai kegiatan" in ketua.text

    settings_ = Settings(database={"url": "sqlite+aiosqlite://"})
    restarted = await build_app(
        settings_, TEST_NIK_KEY, upgrade=False, clock=clock, database=database
    )
    again = Chat(restarted, "ketua-1", channel="whatsapp", phone=ketua.phone, name=ketua.name)
    await again.says("25 juta")
    assert "sudah termasuk PPN?" in plain(again.text)
    await again.taps("Tidak")
    assert f"Nama: {TITLE}" in plain(again.text)
    await again.taps("Simpan")
    [saved] = await activities(restarted)
    assert (saved.title, saved.value) == (TITLE, 25_000_000)


async def test_a_chair_of_two_rts_chooses_the_rt_first(app, ketua: Chat, rt) -> None:  # noqa: ANN001
    second = await seed_rt(app, "15.71.02.1004", 2, rt.chair_name, rt.chair_phone)
    await ketua.says("menu")
    await ketua.taps("Daftarkan kegiatan")
    assert "lebih dari satu RT" in ketua.text
    assert ketua.choices == ["RT 01 · Kel. Simpang IV Sipin", "RT 02 · Kel. Thehok"]
    await ketua.says("kegiatan")
    assert "pilih salah satu" in ketua.text
    await ketua.taps("RT 02")
    await ketua.says(TITLE)
    await ketua.taps("Drainase")
    await ketua.says(PLACE)
    await ketua.says("hari ini")
    await ketua.says("31/3/2026")
    await ketua.says("25 juta")
    await ketua.taps("Tidak")
    assert "RT 02 · Kel. Thehok · Kec. Jambi Selatan" in plain(ketua.text)
    await ketua.taps("Simpan")
    [saved] = await activities(app)
    assert saved.rt_id == second.id


async def test_an_unfinished_draft_is_offered_to_continue(app, ketua: Chat, rt) -> None:  # noqa: ANN001
    draft = await create_activity(app, rt.id, title="Bersih-bersih selokan")
    await add_participant(app, draft, SITI)
    await ketua.says("menu")
    await ketua.taps("Daftarkan kegiatan")
    text = plain(ketua.text)
    assert "Bersih-bersih selokan" in text and "1 peserta" in text
    assert ketua.choices == ["Lanjutkan draf", "Daftarkan kegiatan baru"]
    await ketua.taps("Lanjutkan draf")
    dialog, _, data = await stored_state(ketua)
    assert (dialog, data["activity_id"]) == ("participants", draft)


async def test_a_new_activity_can_be_started_despite_a_draft(app, ketua: Chat, rt) -> None:  # noqa: ANN001
    await create_activity(app, rt.id, title="Bersih-bersih selokan")
    await ketua.says("menu")
    await ketua.taps("Daftarkan kegiatan")
    await ketua.taps("Daftarkan kegiatan baru")
    assert "nama kegiatannya" in ketua.text
    await ketua.says("kembali")
    assert ketua.choices == ["Lanjutkan draf", "Daftarkan kegiatan baru"]


async def test_another_rts_draft_is_not_offered(app, ketua: Chat, other_rt) -> None:  # noqa: ANN001
    await create_activity(app, other_rt.id, title="Draf RT lain")
    await ketua.says("menu")
    await ketua.taps("Daftarkan kegiatan")
    assert "Draf RT lain" not in ketua.text
    assert "nama kegiatannya" in ketua.text


async def test_a_summary_left_until_the_start_passed_asks_the_start_again(
    ketua: Chat,
    clock,  # noqa: ANN001
) -> None:
    await register(ketua)
    clock.advance(days=1)
    await ketua.taps("Simpan")
    assert "sudah lewat sejak ringkasan ditampilkan" in ketua.text
    assert (await stored_state(ketua))[1] == "start_date"
    assert await activities(ketua.app) == []
    await ketua.taps("Hari ini")
    assert "Ringkasan kegiatan" in ketua.text
    assert "3 Maret 2026 s.d. 31 Maret 2026" in plain(ketua.text)


async def test_a_chair_replaced_meanwhile_cannot_save(app, ketua: Chat, rt) -> None:  # noqa: ANN001
    await register(ketua)
    async with app.uow_factory() as uow:
        (await uow.rts.get(rt.id)).chair_phone = "+6281299999999"
        await uow.commit()
    await ketua.says("Simpan & tambah peserta")
    assert await activities(app) == []
    assert "tidak lagi tercatat sebagai Ketua RT" in ketua.text or "tidak tersedia" in ketua.text


async def test_a_resident_cannot_register(warga: Chat) -> None:
    await warga.says("menu")
    assert "Daftarkan kegiatan" not in warga.choices
    await warga.says("/daftar")
    assert "tidak tersedia untuk Anda" in warga.text


async def test_budget_year_follows_the_start(app, ketua: Chat, rt, clock) -> None:  # noqa: ANN001
    clock.now = clock.now.replace(month=12, day=20)
    async with app.uow_factory() as uow:
        await uow.rts.set_budget(rt.id, 2027, 40_000_000)
        await uow.commit()
    start = date(2027, 1, 5)
    await register(ketua, start="5/1/2027", end=(start + timedelta(days=3)).strftime("%d/%m/%Y"))
    assert "Anggaran RT tahun 2027: Rp40.000.000" in plain(ketua.text)
    await ketua.taps("Simpan")
    [saved] = await activities(app)
    assert saved.year == 2027

"""Adding one participant, as a Ketua RT lives it: NIK → derived birth date and sex →
name → role → phone → wage, with every invalid NIK explained, children's data confirmed,
known NIKs keeping their stored name, and bad input answered at every step."""

from __future__ import annotations

import logging
from datetime import date

import pytest

from bot.app import App
from support.chat import Chat
from support.participants import (
    ADULT,
    ADULT_WOMAN,
    MINOR,
    OTHER_ADULT,
    assert_nik_not_in_state,
    assert_no_nik_shown,
    make_activity,
    open_participants,
    record,
    seed_participants,
    step_of,
)
from support.seeding import SeededRt


async def add_one(
    chat: Chat,
    nik_text: str = ADULT,
    name: str = "Budi Santoso",
    role: str = "PHL",
    phone: str | None = "0812-3456-7890",
    wage: str | None = "150 ribu",
) -> None:
    await chat.taps("Tambah satu peserta")
    await chat.says(nik_text)
    await chat.taps("Ya, benar")
    await chat.says(name)
    await chat.taps(role)
    await (chat.says(phone) if phone else chat.taps("Lewati"))
    await (chat.says(wage) if wage else chat.taps("Lewati"))


async def people(app: App) -> list[tuple[str, str | None]]:
    async with app.uow_factory() as uow:
        from sqlalchemy import select

        from storage.models import Person

        rows = await uow.session.scalars(select(Person).order_by(Person.id))
        return [(p.name, p.phone) for p in rows]


async def participations(app: App, activity_id: int) -> list[tuple[str, str, int | None]]:
    async with app.uow_factory() as uow:
        return [
            (person.name, p.role, p.daily_wage)
            for p, person in await uow.participations.listed(activity_id)
        ]


async def test_adding_one_person(
    app: App, rt: SeededRt, ketua: Chat, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    seen = record(ketua)

    await ketua.taps("Tambah satu peserta")
    assert "Ketik *NIK* peserta" in ketua.text
    await ketua.says("1571 0101 0190 0001")  # typed with spaces, as on the KTP
    # The birth date and sex read from it, without the NIK even masked (issue 12).
    assert "1571********0001" not in ketua.text
    assert "1 Januari 1990" in ketua.text and "36 tahun" in ketua.text
    assert "laki-laki" in ketua.text
    await assert_nik_not_in_state(ketua, ADULT)
    await ketua.taps("Ya, benar")
    assert "nama lengkap" in ketua.text
    await ketua.says("BUDI   SANTOSO")
    assert "peran* Budi Santoso" in ketua.text
    assert ketua.choices == ["Ketua RT", "PHL (pekerja harian lepas)", "Petugas syara'", "Warga"]
    await ketua.taps("PHL")
    await ketua.says("0812-3456-7890")
    await ketua.says("150 ribu")
    assert "✅ *Budi Santoso* (1571********0001, PHL (pekerja harian lepas)) ditambahkan" in (
        ketua.text
    )
    assert "*1* orang" in ketua.last.text
    assert "Konfirmasi perlindungan" in ketua.choices
    assert await step_of(ketua) == "participants/main"

    async with app.uow_factory() as uow:
        person = await uow.persons.find_by_nik(ADULT)
        assert person is not None
        assert (person.name, person.phone, person.sex) == ("Budi Santoso", "+6281234567890", "L")
        assert person.birth_date == date(1990, 1, 1)
        assert ADULT.encode() not in bytes(person.nik_encrypted)
        assert person.nik_masked == "1571********0001"
        assert uow.persons.reveal_nik(person) == ADULT
        [(participation, _)] = await uow.participations.listed(activity_id)
        assert (participation.role, participation.daily_wage) == ("phl", 150_000)
        assert participation.added_by is not None
        assert await uow.activities.changes(activity_id) == []  # a draft tracks nothing
    assert_no_nik_shown(seen, ADULT)
    assert ADULT not in caplog.text


async def test_a_womans_nik_gives_her_birth_date_and_sex(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    await open_participants(ketua, await make_activity(app, rt))
    await ketua.taps("Tambah satu peserta")
    await ketua.says(ADULT_WOMAN)
    assert "5 Agustus 1990" in ketua.text and "perempuan" in ketua.text


@pytest.mark.parametrize(
    ("typed", "explanation"),
    [
        ("157101010190001", "tepat 16 angka. Yang Anda ketik berisi 15 angka"),
        ("15710101019000012", "berisi 17 angka"),
        ("15710101019000AB", "hanya berisi angka"),
        ("9971010101900001", "kode provinsi"),
        ("1571013213900001", "tanggal lahir di NIK"),
        ("1571010101900000", "tidak mungkin 0000"),
        ("🪪🪪", "hanya berisi angka"),
    ],
)
async def test_every_invalid_nik_is_explained(
    app: App, rt: SeededRt, ketua: Chat, typed: str, explanation: str
) -> None:
    await open_participants(ketua, await make_activity(app, rt))
    await ketua.taps("Tambah satu peserta")
    await ketua.says(typed)
    assert explanation in ketua.text
    assert "Ketik *NIK* peserta" in ketua.last.text
    assert await step_of(ketua) == "participants/nik"
    assert await people(app) == []


async def test_a_wrong_birth_date_sends_back_to_the_nik_and_keeps_nothing(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    await open_participants(ketua, await make_activity(app, rt))
    await ketua.taps("Tambah satu peserta")
    await ketua.says(ADULT)
    assert len(await people(app)) == 1  # held by id while the user confirms
    await ketua.taps("Bukan")
    assert "ketik ulang NIK" in ketua.text
    assert await step_of(ketua) == "participants/nik"
    assert await people(app) == []


async def test_a_child_needs_an_explicit_confirmation(app: App, rt: SeededRt, ketua: Chat) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tambah satu peserta")
    await ketua.says(MINOR)
    await ketua.taps("Ya, benar")
    assert "*14 tahun*" in ketua.text and "Data anak" in ketua.text
    await ketua.taps("Jangan tambahkan")
    assert "tidak disimpan" in ketua.text
    assert await people(app) == []
    assert await step_of(ketua) == "participants/main"

    await ketua.taps("Tambah satu peserta")
    await ketua.says(MINOR)
    await ketua.taps("Ya, benar")
    await ketua.taps("Ya, tetap tambahkan")
    assert "orang tua atau wali" in ketua.text
    await ketua.says("Siti Aminah, ibu")
    await ketua.says("Andi Pratama")
    await ketua.taps("Warga")
    await ketua.taps("Lewati")
    await ketua.taps("Lewati")
    assert await participations(app, activity_id) == [("Andi Pratama", "warga", None)]


async def test_a_nik_year_with_two_plausible_centuries_is_asked(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tambah satu peserta")
    # Born 1 January 20: 6 or 106 years old on 2 March 2026. Never guessed.
    await ketua.says("1571010101200005")
    assert "Lahir tahun 2020 atau 1920?" in ketua.last.text
    assert await step_of(ketua) == "participants/nik_century"
    assert "Data anak" not in ketua.text
    await ketua.says("2021")  # neither reading: asked again
    assert await step_of(ketua) == "participants/nik_century"
    await ketua.taps("1920")
    assert "*1 Januari 1920* (106 tahun)" in ketua.last.text
    await ketua.taps("Ya, benar")
    assert "Data anak" not in ketua.text
    await ketua.says("Mbah Sastro")
    await ketua.taps("Warga")
    await ketua.taps("Lewati")
    await ketua.taps("Lewati")
    assert await participations(app, activity_id) == [("Mbah Sastro", "warga", None)]
    async with app.uow_factory() as uow:
        person = await uow.persons.find_by_nik("1571010101200005")
        assert person is not None and person.birth_date == date(1920, 1, 1)

    # The other reading leads to the children's-data confirmation as before.
    await ketua.taps("Tambah satu peserta")
    await ketua.says("1571010202200006")
    await ketua.taps("2020")
    assert "*2 Februari 2020* (6 tahun)" in ketua.last.text
    await ketua.taps("Ya, benar")
    assert "*6 tahun*" in ketua.text and "Data anak" in ketua.text


async def test_an_unambiguous_nik_year_is_not_asked(app: App, rt: SeededRt, ketua: Chat) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tambah satu peserta")
    await ketua.says("1571010101050007")  # 2005 only: 1905 would be 121
    assert await step_of(ketua) == "participants/nik_confirm"
    assert "*1 Januari 2005* (21 tahun)" in ketua.last.text


async def test_a_known_nik_keeps_its_stored_name(app: App, rt: SeededRt, ketua: Chat) -> None:
    earlier = await make_activity(app, rt, title="Gotong royong Februari")
    async with app.uow_factory() as uow:
        siti = await uow.persons.add(ADULT_WOMAN, "Siti Aminah", date(1990, 8, 5), "P")
        await uow.participations.add(activity_id=earlier, person_id=siti.id, role="warga")
        await uow.commit()
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tambah satu peserta")
    await ketua.says(ADULT_WOMAN)
    await ketua.taps("Ya, benar")
    assert "sudah tercatat atas nama *Siti Aminah*" in ketua.text
    assert ketua.choices == ["Siti Aminah"]

    await ketua.says("Rina Marlina")  # clearly someone else: probably a mistyped NIK
    assert "bukan *Rina Marlina*" in ketua.text
    await ketua.taps("Periksa NIK lagi")
    assert await step_of(ketua) == "participants/nik"
    await ketua.says(ADULT_WOMAN)
    await ketua.taps("Ya, benar")
    await ketua.says("siti aminah")  # the same name, typed differently: stored one kept
    assert "peran* Siti Aminah" in ketua.text
    await ketua.taps("Warga")
    await ketua.says("0813 1111 2222")
    await ketua.taps("Lewati")
    assert await participations(app, activity_id) == [("Siti Aminah", "warga", None)]
    assert await people(app) == [("Siti Aminah", "+6281311112222")]  # no second person
    async with app.uow_factory() as uow:
        looked_up = await uow.audit.recent(subject_person_id=siti.id)
        assert looked_up and looked_up[0].action == "nik_lookup"


async def test_the_stored_name_can_be_taken_after_a_clear_mismatch(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    earlier = await make_activity(app, rt, title="Gotong royong Februari")
    await seed_participants(app, earlier, 1)  # "Peserta Aa" with nik(100)
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tambah satu peserta")
    await ketua.says("1571010101900100")
    await ketua.taps("Ya, benar")
    await ketua.says("Joko Susilo")
    await ketua.taps("Ya, Peserta Aa")
    await ketua.taps("Ketua RT")
    await ketua.taps("Lewati")
    await ketua.taps("Lewati")
    assert await participations(app, activity_id) == [("Peserta Aa", "ketua_rt", None)]


async def test_someone_already_on_the_list_is_refused(app: App, rt: SeededRt, ketua: Chat) -> None:
    activity_id = await make_activity(app, rt)
    await seed_participants(app, activity_id, 1)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tambah satu peserta")
    await ketua.says("1571010101900100")
    assert "*Peserta Aa* (1571********0100) sudah terdaftar di kegiatan ini" in ketua.text
    assert await step_of(ketua) == "participants/nik"


@pytest.mark.parametrize(
    ("typed", "explanation"),
    [
        ("nomor saya", "tidak bisa saya baca"),
        ("12345", "tidak bisa saya baca"),
        ("0812", "Jumlah angka nomor HP tidak pas"),
        ("0741 123456", "bukan nomor HP"),
    ],
)
async def test_a_bad_phone_is_explained(
    app: App, rt: SeededRt, ketua: Chat, typed: str, explanation: str
) -> None:
    await open_participants(ketua, await make_activity(app, rt))
    await ketua.taps("Tambah satu peserta")
    await ketua.says(ADULT)
    await ketua.taps("Ya, benar")
    await ketua.says("Budi Santoso")
    await ketua.taps("PHL")
    await ketua.says(typed)
    assert explanation in ketua.text
    assert await step_of(ketua) == "participants/phone"


async def test_wage_ambiguous_asked_back_and_optional(app: App, rt: SeededRt, ketua: Chat) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tambah satu peserta")
    await ketua.says(ADULT)
    await ketua.taps("Ya, benar")
    await ketua.says("Budi Santoso")
    await ketua.says("buruh")  # a role typed in everyday words
    await ketua.taps("Lewati")
    await ketua.says("gaji biasa")
    assert "bukan nilai rupiah" in ketua.text
    await ketua.says("0")
    assert "antara Rp1.000 dan Rp100.000.000" in ketua.text
    await ketua.says("150")
    assert "Maksud Anda *Rp150.000*?" in ketua.text
    await ketua.taps("Ya, Rp150.000")
    assert await participations(app, activity_id) == [("Budi Santoso", "phl", 150_000)]


async def test_an_unknown_role_is_explained(app: App, rt: SeededRt, ketua: Chat) -> None:
    await open_participants(ketua, await make_activity(app, rt))
    await ketua.taps("Tambah satu peserta")
    await ketua.says(ADULT)
    await ketua.taps("Ya, benar")
    await ketua.says("Budi Santoso")
    await ketua.says("astronot")
    assert "Peran itu tidak saya kenal" in ketua.text
    assert await step_of(ketua) == "participants/role"


async def reach(chat: Chat, step: str) -> None:
    await chat.taps("Tambah satu peserta")
    if step == "nik":
        return
    await chat.says({"minor": MINOR, "name_conflict": "1571010101900100"}.get(step, ADULT))
    if step == "nik_confirm":
        return
    await chat.taps("Ya, benar")
    if step == "minor":
        return
    if step == "name_conflict":
        await chat.says("Rina Marlina")
        return
    if step == "name":
        return
    await chat.says("Budi Santoso")
    if step == "role":
        return
    await chat.taps("PHL")
    if step == "phone":
        return
    await chat.taps("Lewati")


@pytest.mark.parametrize(
    "step", ["nik", "nik_confirm", "minor", "name", "name_conflict", "role", "phone", "wage"]
)
async def test_every_step_answers_bad_input_and_stays(
    app: App, rt: SeededRt, ketua: Chat, step: str
) -> None:
    earlier = await make_activity(app, rt, title="Gotong royong Februari")
    await seed_participants(app, earlier, 1)  # makes "1571010101900100" a known NIK
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await reach(ketua, step)
    assert await step_of(ketua) == f"participants/{step}"
    question = ketua.last.text
    nonsense = "12345 ###" if step == "name" else "qwerty zxcv"
    for typed in ("😀🙏", "x" * 5_000, nonsense, nonsense):
        await ketua.says(typed)
        assert await step_of(ketua) == f"participants/{step}", typed
        assert ketua.last.text == question
    assert "sama terkirim lagi" in ketua.text
    await ketua.sends(choice_id="remove")  # a button from an earlier question
    assert "sudah tidak berlaku" in ketua.text
    assert await step_of(ketua) == f"participants/{step}"
    assert await participations(app, activity_id) == []


async def test_kembali_edits_the_previous_answer(app: App, rt: SeededRt, ketua: Chat) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tambah satu peserta")
    await ketua.says(ADULT)
    await ketua.taps("Ya, benar")
    await ketua.says("Budi Santoso")
    await ketua.says("kembali")
    assert await step_of(ketua) == "participants/name"
    await ketua.says("Budi Hartono")
    await ketua.taps("Warga")
    await ketua.taps("Lewati")
    await ketua.taps("Lewati")
    assert await participations(app, activity_id) == [("Budi Hartono", "warga", None)]


async def test_kembali_to_the_main_step_drops_the_unfinished_entry(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    await open_participants(ketua, await make_activity(app, rt))
    await ketua.taps("Tambah satu peserta")
    await ketua.says(ADULT)
    await ketua.says("kembali")
    await ketua.says("kembali")
    assert await step_of(ketua) == "participants/main"
    assert await people(app) == []


async def test_the_limit_stops_adding(
    app: App, rt: SeededRt, ketua: Chat, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app.settings.program, "max_participants", 2)
    activity_id = await make_activity(app, rt)
    await seed_participants(app, activity_id, 1)
    await open_participants(ketua, activity_id)
    await add_one(ketua, OTHER_ADULT, name="Joko Susilo")
    assert "*2* orang (batas 2)" in ketua.last.text
    assert "Batas *2 peserta*" in ketua.last.text
    assert "Tambah satu peserta" not in ketua.choices
    assert "Tempel daftar peserta" not in ketua.choices
    await ketua.says("Tambah satu peserta")
    assert await step_of(ketua) == "participants/main"
    assert len(await participations(app, activity_id)) == 2


async def test_the_limit_is_checked_again_when_saving(
    app: App, rt: SeededRt, ketua: Chat, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app.settings.program, "max_participants", 1)
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tambah satu peserta")
    await ketua.says(ADULT)
    await seed_participants(app, activity_id, 1)  # filled meanwhile (another device)
    await ketua.taps("Ya, benar")
    await ketua.says("Budi Santoso")
    await ketua.taps("PHL")
    await ketua.taps("Lewati")
    await ketua.taps("Lewati")
    assert "Batas *1 peserta*" in ketua.text
    assert await participations(app, activity_id) == [("Peserta Aa", "phl", None)]
    assert [name for name, _ in await people(app)] == ["Peserta Aa"]


async def test_a_name_over_the_limit_is_asked_again_with_the_limit(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    """One by one as in a paste: at most 80 characters (the column holds 120)."""
    await open_participants(ketua, await make_activity(app, rt))
    await ketua.taps("Tambah satu peserta")
    await ketua.says(ADULT)
    await ketua.taps("Ya, benar")
    await ketua.says("Budi Santoso " * 9)  # 116 characters
    assert "Nama terlalu panjang (paling banyak 80 huruf)" in ketua.text
    assert await step_of(ketua) == "participants/name"
    await ketua.says("Budi Santoso")
    assert await step_of(ketua) == "participants/role"

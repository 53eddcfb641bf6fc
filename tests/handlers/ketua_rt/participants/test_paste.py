"""Pasting a participant list: a per-line report (accepted / rejected with the line number
and why / under 18 held for a confirmation), everything acceptable saved in the same
message, and the per-activity limit."""

from __future__ import annotations

from datetime import date

import pytest

from bot.app import App
from support.chat import Chat, Clock
from support.participants import (
    assert_nik_not_in_state,
    assert_no_nik_shown,
    make_activity,
    name_for,
    nik,
    open_participants,
    record,
    seed_participants,
    step_of,
)
from support.seeding import SeededRt

MESSY_LIST = "\n".join(
    [
        "NIK;Nama;Peran;HP",
        "1571010101900001; BUDI   SANTOSO; PHL; 0812-3456-7890",
        "1. 1571014508900002, siti aminah, warga",
        "",
        "1571010202850004 | Joko Susilo | petugas syara' | +62 813 1111 2222",
        "1571010101900001; Budi Santoso; phl",
        "157101010190001; Ahmad Yani; warga",
        "9971010101900005; Ahmad Yani; warga",
        "1571010303900006; ; warga",
        "1571010303900007; Rudi Hartono; astronot",
        "1571010303900008; Dedi Kurnia; phl; 12345",
        "1571010303900009\tEko Prasetyo\tketua rt",
        "1571010303900010; Fajar 😀; warga",
        "1571010303900012; Rudi Hartono; 1571010303900013",
    ]
)


async def listed(app: App, activity_id: int) -> list[tuple[str, str, str | None]]:
    async with app.uow_factory() as uow:
        return [
            (person.name, p.role, person.phone)
            for p, person in await uow.participations.listed(activity_id)
        ]


async def person_count(app: App) -> int:
    async with app.uow_factory() as uow:
        from sqlalchemy import func, select

        from storage.models import Person

        return int(await uow.session.scalar(select(func.count(Person.id))) or 0)


async def test_a_pasted_list_gets_a_report_per_line(app: App, rt: SeededRt, ketua: Chat) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    seen = record(ketua)
    await ketua.taps("Tempel daftar peserta")
    assert "NIK; Nama; Peran; HP" in ketua.text
    assert "Masih bisa 200 orang lagi" in ketua.text
    await ketua.says(MESSY_LIST)
    text = ketua.text
    assert "4 ditambahkan, 7 ditolak, 1 menunggu" in text
    assert "• Budi Santoso — 1571********0001 — PHL (pekerja harian lepas)" in text
    assert "• Siti Aminah — 1571********0002 — Warga" in text
    assert "• Joko Susilo — 1571********0004 — Petugas syara'" in text
    assert "• Eko Prasetyo — 1571********0009 — Ketua RT" in text
    assert "Baris 6: NIK sama dengan baris 2." in text
    assert "Baris 7: NIK harus tepat 16 angka." in text
    assert "Baris 8: Dua angka pertama NIK bukan kode provinsi" in text
    assert "Baris 9: Nama belum ditulis." in text
    assert "Baris 11: Nomor HP itu tidak bisa saya baca" in text
    assert "Baris 13: Nama hanya boleh berisi huruf" in text
    assert "Baris 14: kolom peran tidak berisi peran" in text
    assert "Perbaiki baris yang ditolak" in text
    # The unknown role is asked back, never taken as PHL or warga.
    assert "1 baris perlu jawaban Anda" in text
    assert 'Baris 10: peran *"astronot"* tidak saya kenal' in ketua.last.text
    assert "• Baris 10: Rudi Hartono — 1571********0007" in ketua.last.text
    assert text.count("Rudi Hartono") == 1
    assert len(ketua.choices) == 5 and ketua.choices[-1] == "Lewati baris ini"
    assert await step_of(ketua) == "participants/paste_check"
    assert len(await listed(app, activity_id)) == 4
    await ketua.taps("Warga")
    assert "1 ditambahkan* setelah dijawab" in ketua.text
    assert "• Rudi Hartono — 1571********0007 — Warga" in ketua.text
    assert await step_of(ketua) == "participants/main"
    assert "*5* orang" in ketua.last.text
    assert await listed(app, activity_id) == [
        ("Budi Santoso", "phl", "+6281234567890"),
        ("Siti Aminah", "warga", None),
        ("Joko Susilo", "petugas_syara", "+6281311112222"),
        ("Eko Prasetyo", "ketua_rt", None),
        ("Rudi Hartono", "warga", None),
    ]
    assert await person_count(app) == 5
    assert_no_nik_shown(seen, "1571010101900001", "1571014508900002", "1571010303900013")
    await assert_nik_not_in_state(ketua, "1571010101900001", "1571014508900002")


async def test_lines_already_listed_or_known_under_another_name_are_refused(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    earlier = await make_activity(app, rt, title="Gotong royong Februari")
    await seed_participants(app, earlier, 2)  # Peserta Aa (nik 100), Peserta Ab (nik 101)
    activity_id = await make_activity(app, rt)
    async with app.uow_factory() as uow:
        first = await uow.persons.find_by_nik(nik(100))
        assert first is not None
        await uow.participations.add(activity_id=activity_id, person_id=first.id, role="phl")
        await uow.commit()
    await open_participants(ketua, activity_id)
    await ketua.taps("Tempel daftar peserta")
    await ketua.says(
        f"{nik(100)}; Peserta Aa; phl\n{nik(101)}; Rina Marlina; warga\n{nik(102)}; Dewi Sartika"
    )
    text = ketua.text
    assert "1 ditambahkan, 2 ditolak" in text
    assert "Baris 1: sudah terdaftar di kegiatan ini." in text
    assert "Baris 2: NIK ini sudah tercatat atas nama lain" in text
    assert "Peserta Ab" not in text  # the stored name is not revealed by a paste
    assert "• Dewi Sartika — 1571********0102 — Warga" in text  # no role written = warga


async def test_a_known_person_with_the_same_name_is_reused(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    earlier = await make_activity(app, rt, title="Gotong royong Februari")
    await seed_participants(app, earlier, 1)
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tempel daftar peserta")
    await ketua.says(f"{nik(100)}; PESERTA AA; tukang batu; 0813-2222-3333")
    assert "• Peserta Aa — 1571********0100 — PHL" in ketua.text
    assert await listed(app, activity_id) == [("Peserta Aa", "phl", "+6281322223333")]
    assert await person_count(app) == 1


async def test_children_are_held_back_until_confirmed(app: App, rt: SeededRt, ketua: Chat) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tempel daftar peserta")
    child = nik(3, year=12)
    await ketua.says(f"{nik(1)}; Budi Santoso; phl\n{child}; Andi Pratama; warga")
    text = ketua.text
    assert "1 ditambahkan, 0 ditolak, 1 menunggu konfirmasi" in text
    assert "Baris 2: Andi Pratama — 1571********0003 — 14 tahun" in text
    assert text.count("Andi Pratama") == 1  # listed in the question, not twice
    assert "Data anak" in ketua.last.text
    assert ketua.choices == ["Ya, tambahkan 1 anak", "Jangan tambahkan"]
    assert await step_of(ketua) == "participants/paste_minors"
    await assert_nik_not_in_state(ketua, child)
    assert [name for name, _, _ in await listed(app, activity_id)] == ["Budi Santoso"]

    await ketua.says("asdf")  # anything else: the question stays
    assert await step_of(ketua) == "participants/paste_minors"
    await ketua.taps("Ya, tambahkan")
    assert "1 peserta di bawah 18 tahun ditambahkan" in ketua.text
    assert [name for name, _, _ in await listed(app, activity_id)] == [
        "Budi Santoso",
        "Andi Pratama",
    ]


async def test_declined_children_leave_no_data(app: App, rt: SeededRt, ketua: Chat) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tempel daftar peserta")
    await ketua.says(f"{nik(1)}; Budi Santoso\n{nik(3, year=12)}; Andi\n{nik(4, year=13)}; Rina")
    await ketua.taps("Jangan tambahkan")
    assert "tidak ditambahkan dan data mereka tidak disimpan" in ketua.text
    assert await person_count(app) == 1
    assert await step_of(ketua) == "participants/main"


async def test_the_limit_applies_to_a_paste(
    app: App, rt: SeededRt, ketua: Chat, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app.settings.program, "max_participants", 3)
    activity_id = await make_activity(app, rt)
    await seed_participants(app, activity_id, 1)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tempel daftar peserta")
    assert "Masih bisa 2 orang lagi" in ketua.text
    await ketua.says("\n".join(f"{nik(serial)}; {name_for(serial)}" for serial in range(1, 5)))
    assert "2 ditambahkan, 2 ditolak" in ketua.text
    assert "Baris 3: batas 3 peserta per kegiatan sudah tercapai." in ketua.text
    assert "Baris 4: batas 3" in ketua.text
    assert len(await listed(app, activity_id)) == 3
    assert await person_count(app) == 3
    assert "Tempel daftar peserta" not in ketua.choices


async def test_a_long_list_is_reported_in_several_messages(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tempel daftar peserta")
    lines = [
        f"{nik(serial)}; {name_for(serial)}; phl; 0812 3456 {serial:04d}"
        for serial in range(1, 211)
    ]
    await ketua.says("\n".join(lines))
    assert "200 ditambahkan, 10 ditolak" in ketua.text
    assert "Baris 210: batas 200 peserta" in ketua.text
    assert len(ketua.replies) > 3
    assert all(len(reply.text) <= 4_096 for reply in ketua.replies)
    assert len(await listed(app, activity_id)) == 200


async def test_a_paste_with_nothing_usable_asks_again(app: App, rt: SeededRt, ketua: Chat) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tempel daftar peserta")
    for typed in ("😀🙏", "x" * 5_000, "halo pak", "halo pak"):
        await ketua.says(typed)
        assert "tidak menemukan NIK" in ketua.text
        assert await step_of(ketua) == "participants/paste"
    assert "sama terkirim lagi" in ketua.text
    await ketua.says("1" * 41_000)
    assert "terlalu panjang" in ketua.text
    await ketua.sends(choice_id="add")
    assert "sudah tidak berlaku" in ketua.text
    # Only rejected lines: the report, then the same question for the corrected lines.
    await ketua.says("1571010101900000; Budi")
    assert "0 ditambahkan, 1 ditolak" in ketua.text
    assert "tidak mungkin 0000" in ketua.text
    assert await step_of(ketua) == "participants/paste"
    assert await listed(app, activity_id) == []


async def test_a_paste_after_confirmation_is_tracked(
    app: App, rt: SeededRt, ketua: Chat, clock: Clock
) -> None:
    activity_id = await make_activity(app, rt, status="confirmed", start=date(2026, 3, 2))
    await open_participants(ketua, activity_id)
    await ketua.taps("Tempel daftar peserta")
    await ketua.says(f"{nik(1)}; Budi Santoso; phl\n{nik(2)}; Siti Aminah; warga")
    assert "Surat tugas revisi terbaru tersedia di *Kegiatan saya*" in ketua.text
    async with app.uow_factory() as uow:
        changes = await uow.activities.changes(activity_id)
        assert [(c.kind, c.detail["name"]) for c in changes] == [
            ("participant_added", "Budi Santoso"),
            ("participant_added", "Siti Aminah"),
        ]
        activity = await uow.activities.get(activity_id)
        assert (
            activity is not None and activity.surat_tugas_revision == 1
        )  # one revision per message
        added = [p.added_at for p, _ in await uow.participations.listed(activity_id)]
        assert added == [clock.now, clock.now]  # covered from the moment of adding


async def test_batal_while_children_wait_drops_only_them(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tempel daftar peserta")
    await ketua.says(f"{nik(1)}; Budi Santoso\n{nik(3, year=12)}; Andi Pratama")
    await ketua.says("batal")
    assert "Langkah ini dibatalkan" in ketua.text and "Peserta: *1* orang" in ketua.text
    async with app.uow_factory() as uow:
        assert await uow.activities.get(activity_id) is not None
    assert await person_count(app) == 1  # Budi, saved with the paste; the child is gone


async def test_one_answer_settles_every_line_with_the_same_unknown_role(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tempel daftar peserta")
    await ketua.says(
        f"{nik(1)}; Budi Santoso; satpam\n{nik(2)}; Siti Aminah; Satpam\n"
        f"{nik(4)}; Joko Susilo; juru masak"
    )
    assert "0 ditambahkan, 0 ditolak, 3 menunggu" in ketua.text
    assert 'Baris 1, 2: peran *"satpam"*' in ketua.last.text
    assert "Budi Santoso" in ketua.last.text and "Siti Aminah" in ketua.last.text
    await ketua.says("astronot")  # still no role: asked again
    assert "Pilih salah satu tombol" in ketua.text
    await ketua.says("phl")  # a role word typed is as good as the button
    assert 'Baris 3: peran *"juru masak"*' in ketua.last.text
    await ketua.taps("Lewati baris ini")
    assert "Baris 3 dilewati" in ketua.text
    assert "2 ditambahkan* setelah dijawab" in ketua.text
    assert await listed(app, activity_id) == [
        ("Budi Santoso", "phl", None),
        ("Siti Aminah", "phl", None),
    ]
    assert await person_count(app) == 2  # Joko's data is not kept
    assert await step_of(ketua) == "participants/main"


async def test_a_paste_asks_the_birth_year_when_both_centuries_are_plausible(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tempel daftar peserta")
    old, child = nik(5, year=20), nik(6, year=19)
    await ketua.says(f"{nik(1)}; Budi Santoso\n{old}; Mbah Karto\n{child}; Andi Pratama")
    assert "1 ditambahkan, 0 ditolak, 2 menunggu" in ketua.text
    assert "Baris 2: *Mbah Karto* (1571********0005)" in ketua.last.text
    assert ketua.choices == ["2020 (6 tahun)", "1920 (106 tahun)", "Lewati baris ini"]
    await ketua.says("2")  # the second button: 1920
    assert "Baris 3: *Andi Pratama*" in ketua.last.text
    await ketua.says("2019")  # the year typed in full
    assert "1 ditambahkan* setelah dijawab" in ketua.text
    assert "Mbah Karto" in ketua.text
    # Born 2019, Andi is a child: the children's-data confirmation follows.
    assert await step_of(ketua) == "participants/paste_minors"
    assert "Baris 3: Andi Pratama — 1571********0006 — 7 tahun" in ketua.last.text
    await ketua.taps("Jangan tambahkan")
    async with app.uow_factory() as uow:
        person = await uow.persons.find_by_nik(old)
        assert person is not None and person.birth_date == date(1920, 1, 1)
        assert await uow.persons.find_by_nik(child) is None
    assert [name for name, _, _ in await listed(app, activity_id)] == [
        "Budi Santoso",
        "Mbah Karto",
    ]
    await assert_nik_not_in_state(ketua, old, child)


async def test_a_stale_menu_number_is_not_a_participant_line(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tempel daftar peserta")
    await ketua.says("1")
    assert "tidak menemukan NIK" in ketua.text and "ditolak" not in ketua.text
    assert await step_of(ketua) == "participants/paste"
    await ketua.says(f"2\n{nik(1)}; Budi Santoso")
    assert "1 ditambahkan, 0 ditolak" in ketua.text
    assert await person_count(app) == 1


async def test_a_name_over_the_limit_is_refused_with_the_limit(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tempel daftar peserta")
    await ketua.says(f"{nik(1)}; {'Budi Santoso ' * 9}\n{nik(2)}; Siti Aminah")
    assert "1 ditambahkan, 1 ditolak" in ketua.text
    assert "Baris 1: Nama terlalu panjang (paling banyak 80 huruf)" in ketua.text

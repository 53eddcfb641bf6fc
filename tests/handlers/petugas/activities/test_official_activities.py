"""Kegiatan for officials: the list of their scope's activities (each line: number, title,
RT and kelurahan, period, people, status), filters (status, kelurahan, dates) and pages,
opening one by button or number, its details and participants (NIK masked; the full NIK
only for admin and bpjs, one person at a time, audited), the surat tugas PDF, and refusals:
out-of-scope or stale ids, non-officials, nonsense at every step."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.activities import lifecycle as coverage
from bot.app import App
from support.activity_helpers import (
    JOKO,
    RUDI,
    SITI,
    add_participant,
    confirm_directly,
    create_activity,
    documents,
    pdf_text,
    plain,
    put_in,
    stored_state,
)
from support.chat import Chat, Clock
from support.seeding import SeededRt, grant

DIALOG = "official_activities"
BULURAN_KENALI = "15.71.01.1002"
SIJENJANG = "15.71.03.1001"


async def confirmed(
    app: App,
    rt_id: int,
    title: str,
    start: date,
    end: date,
    people: tuple[tuple[str, str, date, str], ...] = (SITI,),
    value: int = 25_000_000,
) -> int:
    activity_id = await create_activity(app, rt_id, title=title, start=start, end=end, value=value)
    for who in people:
        await add_participant(app, activity_id, who)
    await confirm_directly(app, activity_id, datetime(2026, 3, 1, 13, 0, tzinfo=UTC))
    return activity_id


async def number_of(app: App, activity_id: int) -> str:
    async with app.uow_factory() as uow:
        return str((await uow.activities.get(activity_id)).number)


async def seed(app: App, clock: Clock, rt: SeededRt, other_rt: SeededRt) -> dict[str, int]:
    """Telanaipura: RT 01 Simpang IV Sipin (`rt`); Jambi Selatan: RT 05 Thehok
    (`other_rt`). Today is 2 March 2026."""
    march = (date(2026, 3, 1), date(2026, 3, 31))
    ids = {
        "jalan": await confirmed(app, rt.id, "Perbaikan jalan Gang Melati", *march, (SITI, JOKO)),
        "drainase": await create_activity(
            app, rt.id, title="Drainase RT 01", start=date(2026, 3, 20), end=date(2026, 3, 25)
        ),
        "pos": await confirmed(app, other_rt.id, "Pos ronda Thehok", *march, (RUDI,)),
        "februari": await confirmed(
            app, rt.id, "Kerja bakti Februari", date(2026, 2, 1), date(2026, 2, 10)
        ),
    }
    cancelled = await confirmed(app, other_rt.id, "Lomba batal", *march)
    async with app.uow_factory() as uow:
        await coverage.cancel(uow, await uow.activities.get(cancelled), clock.now, None)
        await uow.commit()
    ids["batal"] = cancelled
    return ids


async def official(
    app: App, role: str, key: str, kind: str = "kota", code: str | None = None
) -> Chat:
    phone = f"+62811000001{len(key):02d}"
    await grant(app, role, phone, key.title(), kind, code)
    return Chat(app, key, channel="whatsapp", phone=phone, name=key.title())


async def test_city_list_lines(
    app: App, clock: Clock, petugas: Chat, rt: SeededRt, other_rt: SeededRt
) -> None:
    ids = await seed(app, clock, rt, other_rt)
    await petugas.says("menu")
    await petugas.taps("Daftar kegiatan")
    text = plain(petugas.last.text)
    assert "Kegiatan — Kota Jambi" in text
    assert "Filter: tidak ada" in text
    assert "5 kegiatan · halaman 1 dari 1" in text
    number = await number_of(app, ids["jalan"])
    assert (
        f"Perbaikan jalan Gang Melati ({number})\n"
        "    RT 01 · Simpang IV Sipin · 1 – 31 Maret 2026 · 2 orang · berjalan"
    ) in text
    assert (
        "Drainase RT 01 (belum bernomor)\n    RT 01 · Simpang IV Sipin · 20 – 25 Maret 2026 · 0 orang · draf"
        in text
    )
    assert "RT 05 · Thehok" in text
    assert "1 – 10 Februari 2026 · 1 orang · selesai" in text
    assert "Lomba batal" in text and "dibatalkan" in text
    assert petugas.choices[-1] == "🔎 Filter"


async def test_a_kecamatan_official_sees_only_theirs(
    app: App, clock: Clock, rt: SeededRt, other_rt: SeededRt
) -> None:
    ids = await seed(app, clock, rt, other_rt)
    camat = await official(app, "petugas", "camat", "kecamatan", "15.71.01")
    await camat.says("/kegiatanrt")
    text = plain(camat.text)
    assert "Kegiatan — Kec. Telanaipura" in text and "3 kegiatan" in text
    assert "Thehok" not in text and "Pos ronda" not in text
    # Typed or stale ids of another kecamatan show nothing.
    await camat.says(await number_of(app, ids["pos"]))
    assert "tidak ditemukan atau di luar wilayah tugas Anda" in camat.text
    assert "Pos ronda" not in camat.text
    await put_in(camat, DIALOG, "list", {}, [[f"a{ids['pos']}", "Pos ronda"]])
    await camat.taps_id(f"a{ids['pos']}")
    assert "di luar wilayah tugas Anda" in camat.text and "Pos ronda" not in camat.text
    await put_in(camat, DIALOG, "detail", {"activity_id": ids["pos"]})
    await camat.says("halo")
    assert "di luar wilayah tugas Anda" in camat.text and "Pos ronda" not in camat.text
    await put_in(camat, DIALOG, "people", {"activity_id": ids["pos"]})
    await camat.says("halo")
    assert "Rudi" not in camat.text and "di luar wilayah" in camat.text


async def test_a_kelurahan_official_sees_only_theirs(
    app: App, clock: Clock, rt: SeededRt, other_rt: SeededRt
) -> None:
    await seed(app, clock, rt, other_rt)
    lurah = await official(app, "bpjs", "lurah", "kelurahan", "15.71.02.1004")
    await lurah.says("/kegiatanrt")
    text = plain(lurah.text)
    assert "Kegiatan — Kel. Thehok" in text and "2 kegiatan" in text
    assert "Pos ronda Thehok" in text and "Gang Melati" not in text


async def test_non_officials_are_refused(ketua: Chat, warga: Chat) -> None:
    for chat in (ketua, warga):
        await chat.says("/kegiatanrt")
        assert "tidak tersedia untuk Anda" in chat.text
        assert (await stored_state(chat))[0] == "menu"


async def test_pages(app: App, petugas: Chat, rt: SeededRt) -> None:
    for n in range(1, 10):
        await create_activity(app, rt.id, title=f"Kegiatan {n}", start=date(2026, 3, n + 1))
    await petugas.says("/kegiatanrt")
    assert "9 kegiatan · halaman 1 dari 2" in plain(petugas.text)
    assert petugas.choices[:7] == [f"Kegiatan {n} · draf" for n in range(9, 2, -1)]
    assert petugas.choices[7:] == ["Berikutnya ➡️", "🔎 Filter"]
    await petugas.taps("Berikutnya")
    assert "halaman 2 dari 2" in petugas.text
    assert petugas.choices == [
        "Kegiatan 2 · draf",
        "Kegiatan 1 · draf",
        "⬅️ Sebelumnya",
        "🔎 Filter",
    ]
    await petugas.says("1")  # the first line of this page
    assert "Kegiatan 2" in petugas.text and "Nomor: belum bernomor" in plain(petugas.text)
    await petugas.taps("Kembali ke daftar")
    await petugas.taps("Sebelumnya")
    assert "halaman 1 dari 2" in petugas.text


async def test_filters(
    app: App, clock: Clock, petugas: Chat, rt: SeededRt, other_rt: SeededRt
) -> None:
    await seed(app, clock, rt, other_rt)
    await petugas.says("/kegiatanrt")
    await petugas.taps("Filter")
    await petugas.taps("Status")
    await petugas.taps("berjalan")
    text = plain(petugas.text)
    assert "Filter: berjalan" in text and "2 kegiatan" in text
    assert "Gang Melati" in text and "Pos ronda" in text and "Drainase" not in text
    await petugas.taps("Filter")
    await petugas.taps("Kelurahan")
    assert "Ketik nama kelurahan" in petugas.text  # 68 kelurahan: typed, not buttons
    await petugas.says("thehok")
    text = plain(petugas.text)
    assert "Filter: berjalan · Kel. Thehok" in text and "1 kegiatan" in text
    assert "Pos ronda" in text and "Gang Melati" not in text
    await petugas.taps("Filter")
    await petugas.taps("Hapus semua")
    assert "5 kegiatan" in petugas.text
    await petugas.taps("Filter")
    await petugas.taps("Tanggal")
    await petugas.says("1/2/2026 - 28/2/2026")
    text = plain(petugas.text)
    assert "Filter: 1 Februari 2026 – 28 Februari 2026" in text and "1 kegiatan" in text
    assert "Kerja bakti Februari" in text
    await petugas.taps("Filter")
    await petugas.taps("Tanggal")
    await petugas.says("21 Maret 2026")
    assert "Drainase RT 01" in petugas.text and "4 kegiatan" in petugas.text
    await petugas.taps("Filter")
    await petugas.taps("Tanggal")
    await petugas.taps("Bulan ini")
    assert "1 Maret 2026 – 31 Maret 2026" in plain(petugas.text)
    await petugas.taps("Filter")
    await petugas.taps("Status")
    await petugas.taps("dibatalkan")
    assert "Lomba batal" in petugas.text and "1 kegiatan" in petugas.text
    await petugas.taps("Filter")
    await petugas.taps("Status")
    await petugas.taps("selesai")
    assert "Tidak ada kegiatan yang cocok" in petugas.text
    assert petugas.choices == ["🔎 Filter"]


async def test_filter_bad_input(app: App, clock: Clock, rt: SeededRt, other_rt: SeededRt) -> None:
    await seed(app, clock, rt, other_rt)
    camat = await official(app, "petugas", "camat", "kecamatan", "15.71.01")
    await camat.says("/kegiatanrt")
    await camat.taps("Filter")
    for nonsense in ("🙂", "x" * 5000, "apa ini"):
        await camat.says(nonsense)
        assert (await stored_state(camat))[1] == "filters"
    await camat.taps("Kelurahan")
    # Seven kelurahan in Telanaipura: buttons.
    assert "Simpang IV Sipin" in camat.choices and len(camat.choices) == 8
    await camat.says("Thehok")
    assert "di luar wilayah tugas Anda" in camat.text
    await camat.says("Atlantis")
    assert "tidak saya kenal" in camat.text
    await camat.says("🙂🙂")
    assert "tidak saya kenal" in camat.text
    await camat.says("kenali")  # Buluran Kenali, Teluk Kenali, Aur Kenali
    assert "Ada 3 kelurahan" in camat.text
    assert sorted(camat.choices) == ["Aur Kenali", "Buluran Kenali", "Semua", "Teluk Kenali"]
    await camat.taps("Buluran")
    assert "Kel. Buluran Kenali" in plain(camat.text) and "0 kegiatan" in camat.text
    await camat.taps("Filter")
    await camat.taps("Tanggal")
    for bad, expected in (
        ("31/2/2026", "tidak ada di kalender"),
        ("kemarin lusa", "tidak bisa saya baca"),
        ("1/3/2026 - 2/3/2026 - 3/3/2026", "tidak bisa saya baca"),
        ("31/3/2026 - 1/3/2026", "Tanggal awal harus sebelum"),
        ("x" * 5000, "panjang"),
    ):
        await camat.says(bad)
        assert expected in camat.text, camat.text
        assert (await stored_state(camat))[1] == "filter_dates"
    await camat.says("1/3/2026-31/3/2026")
    assert "1 Maret 2026 – 31 Maret 2026" in plain(camat.text)
    await camat.taps("Filter")
    await camat.taps("Status")
    await camat.says("rusak")
    assert "Pilih salah satu status" in camat.text


async def test_detail_letter_and_masked_people(
    app: App, clock: Clock, petugas: Chat, rt: SeededRt, other_rt: SeededRt
) -> None:
    ids = await seed(app, clock, rt, other_rt)
    async with app.uow_factory() as uow:
        activity = await uow.activities.get(ids["jalan"])
        await coverage.extend_end(uow, activity, date(2026, 4, 5), clock.now, None)
        joko = await uow.persons.find_by_nik(JOKO[0])
        row = await uow.participations.active_for(ids["jalan"], joko.id)
        await uow.participations.remove(row, None, datetime(2026, 3, 2, 1, 0, tzinfo=UTC))
        await uow.commit()
    await add_participant(
        app, ids["jalan"], RUDI, role="phl", added_at=datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
    )
    number = await number_of(app, ids["jalan"])
    await petugas.says(f"/kegiatanrt {number}")
    text = plain(petugas.text)
    assert "Perbaikan jalan Gang Melati" in text and f"Nomor: {number}" in text
    assert "Status: berjalan" in text
    assert "RT 01 · Kel. Simpang IV Sipin · Kec. Telanaipura" in text
    assert "Ketua RT: Budi Santoso · +6281200000001" in text
    assert (
        "Masa perlindungan: 1 Maret 2026 pukul 20.00 WIB s.d. 5 April 2026 pukul 23.59 WIB" in text
    )
    assert "Nilai: Rp25.000.000 (tanpa PPN)" in text
    assert "Premi: Rp60.000 (JKK Rp52.500 + JKM Rp7.500)" in text
    assert "Peserta: 2 orang (dihapus: 1)" in text
    assert "Perubahan tercatat: 1" in text
    assert "Surat tugas: 001/ST-KB/RT01/SIVS/III/2026 (revisi 1)" in text
    await petugas.taps("Unduh surat tugas")
    pdf = documents(petugas)
    assert len(pdf) == 1 and pdf[0].mime_type == "application/pdf"
    assert "001/ST-KB/RT01/SIVS/III/2026" in pdf_text(pdf[0].data)
    await petugas.taps("Peserta")
    text = petugas.text  # the masked NIK's stars are not emphasis
    assert (
        "1. Siti Aminah — 1571********0001 — Warga\n    Terlindungi: 1 Maret 2026 20.00 WIB s.d. 5 April 2026"
        in text
    )
    assert (
        "2. Joko Susilo — 1571********0002 — Warga — dihapus\n    Terlindungi: 1 Maret 2026 20.00 WIB s.d. 2 Maret 2026 08.00 WIB"
        in text
    )
    assert (
        "3. Rudi Hartono — 1571********0003 — PHL (pekerja harian lepas)\n    Terlindungi: 2 Maret 2026 08.30 WIB s.d. 5 April 2026"
        in text
    )
    assert SITI[0] not in petugas.text
    assert "Tampilkan NIK lengkap" not in petugas.choices
    for nonsense in ("Tampilkan NIK lengkap", "🙂", "x" * 5000, "7"):
        await petugas.says(nonsense)
        assert SITI[0] not in petugas.text and (await stored_state(petugas))[1] == "people"
    # A petugas put at the reveal step anyway is refused, and nothing is audited.
    async with app.uow_factory() as uow:
        participation = (await uow.participations.for_activity(ids["jalan"]))[0]
    await put_in(
        petugas, DIALOG, "reveal", {"activity_id": ids["jalan"]}, [[f"p{participation.id}", "Siti"]]
    )
    await petugas.taps_id(f"p{participation.id}")
    assert SITI[0] not in petugas.text and "hanya dapat ditampilkan untuk admin" in petugas.text
    async with app.uow_factory() as uow:
        assert [e for e in await uow.audit.recent(50) if e.action == "nik_revealed"] == []


async def test_full_nik_for_admin_and_bpjs_audited(
    app: App, clock: Clock, admin: Chat, rt: SeededRt, other_rt: SeededRt
) -> None:
    ids = await seed(app, clock, rt, other_rt)
    bpjs = await official(app, "bpjs", "bpjs", "kecamatan", "15.71.02")
    for chat, activity_id, person in ((admin, ids["jalan"], JOKO), (bpjs, ids["pos"], RUDI)):
        await chat.says(f"/kegiatanrt {await number_of(app, activity_id)}")
        await chat.taps("Peserta")
        assert person[0] not in chat.text
        await chat.taps("Tampilkan NIK lengkap")
        assert "dicatat di log audit" in chat.text and person[0] not in chat.text
        for nonsense in ("🙂", "99", "x" * 5000):
            await chat.says(nonsense)
            assert person[0] not in chat.text
            assert (await stored_state(chat))[1] == "reveal"
        await chat.taps(person[1])
        assert f"NIK lengkap {person[1]}: {person[0]}" in plain(chat.text)
        assert (await stored_state(chat))[1] == "people"
        dialog, step, data = await stored_state(chat)
        assert person[0] not in str(data)
    async with app.uow_factory() as uow:
        events = [e for e in await uow.audit.recent(50) if e.action == "nik_revealed"]
        joko = await uow.persons.find_by_nik(JOKO[0])
        rudi = await uow.persons.find_by_nik(RUDI[0])
    assert sorted(e.subject_person_id for e in events) == sorted([joko.id, rudi.id])
    assert all(e.at == clock.now for e in events)
    assert all(JOKO[0] not in str(e.detail) and RUDI[0] not in str(e.detail) for e in events)


async def test_a_participant_of_another_activity_cannot_be_revealed(
    app: App, clock: Clock, admin: Chat, rt: SeededRt, other_rt: SeededRt
) -> None:
    ids = await seed(app, clock, rt, other_rt)
    async with app.uow_factory() as uow:
        elsewhere = (await uow.participations.for_activity(ids["pos"]))[0]
    await put_in(
        admin, DIALOG, "reveal", {"activity_id": ids["jalan"]}, [[f"p{elsewhere.id}", "Rudi"]]
    )
    await admin.taps_id(f"p{elsewhere.id}")
    assert RUDI[0] not in admin.text and "sudah tidak ada di daftar" in admin.text


async def test_list_and_detail_bad_input(
    app: App, clock: Clock, petugas: Chat, rt: SeededRt, other_rt: SeededRt
) -> None:
    await seed(app, clock, rt, other_rt)
    await petugas.says("/kegiatanrt")
    for nonsense in ("🙂", "x" * 5000, "KB-2026-99999", "a1", "99"):
        await petugas.says(nonsense)
        assert (await stored_state(petugas))[1] == "list"
    await petugas.says("KB-2026-99999")
    assert "tidak ditemukan" in petugas.text
    await petugas.taps("Gang Melati")
    for nonsense in ("🙂", "lihat dong", "x" * 5000):
        await petugas.says(nonsense)
        assert (await stored_state(petugas))[1] == "detail"
    await petugas.says("kembali")
    assert (await stored_state(petugas))[1] == "list"
    await petugas.says("/kegiatanrt nomor-salah")
    assert "tidak ditemukan" in petugas.text and (await stored_state(petugas))[1] == "list"
    await petugas.says("bantuan")
    assert "wilayah tugas Anda" in petugas.text


async def test_a_draft_has_no_letter_and_people_unconfirmed(
    app: App, petugas: Chat, rt: SeededRt
) -> None:
    draft = await create_activity(app, rt.id, title="Draf saja")
    await add_participant(app, draft, SITI)
    await petugas.says("/kegiatanrt")
    await petugas.taps("Draf saja")
    assert "Unduh surat tugas" not in petugas.choices
    await petugas.taps("Peserta")
    assert "Terlindungi: belum (kegiatan belum dikonfirmasi)" in plain(petugas.text)
    await petugas.taps("Kembali ke kegiatan")
    assert "Draf saja" in petugas.text


async def test_a_cancelled_activity_says_when_and_why(
    app: App, clock: Clock, petugas: Chat, rt: SeededRt, other_rt: SeededRt
) -> None:
    """Cancelled on its third day with a reason: the list line and the detail say when,
    the detail why, the cover runs until then, and the premium is not a bare figure."""
    activity_id = await confirmed(
        app, rt.id, "Lomba 17-an", date(2026, 3, 1), date(2026, 3, 31), (SITI,)
    )
    clock.advance(days=1, hours=5)  # 3 March 2026 14.00 WIB
    async with app.uow_factory() as uow:
        activity = await uow.activities.get(activity_id)
        await coverage.cancel(uow, activity, clock.now, None, "Cuaca")
        await uow.commit()
    await petugas.says("/kegiatanrt")
    assert "1 – 31 Maret 2026 · 1 orang · dibatalkan 3 Maret 2026 14.00 WIB" in plain(petugas.text)
    await petugas.says(await number_of(app, activity_id))
    text = plain(petugas.last.text)
    assert "Status: dibatalkan" in text
    assert "Dibatalkan 3 Maret 2026 14.00 WIB — alasan: Cuaca" in text
    assert (
        "Masa perlindungan: 1 Maret 2026 pukul 20.00 WIB s.d. 3 Maret 2026 14.00 WIB (dibatalkan)"
        in text
    )
    assert "31 Maret 2026 pukul 23.59" not in text
    assert "Premi: — (kegiatan dibatalkan; premi yang dihitung saat konfirmasi, Rp60.000" in text
    assert "dibatalkan, tidak memakai anggaran RT" in text
    await petugas.taps("Peserta")
    assert "Terlindungi: 1 Maret 2026 20.00 WIB s.d. 3 Maret 2026 14.00 WIB" in petugas.text


async def test_someone_removed_before_the_start_is_not_called_cancelled(
    app: App, clock: Clock, petugas: Chat, rt: SeededRt
) -> None:
    activity_id = await confirmed(
        app, rt.id, "Pos ronda", date(2026, 3, 10), date(2026, 3, 20), (SITI,)
    )
    async with app.uow_factory() as uow:
        siti = await uow.persons.find_by_nik(SITI[0])
        row = await uow.participations.active_for(activity_id, siti.id)
        await uow.participations.remove(row, None, clock.now)
        await uow.commit()
    await petugas.says(f"/kegiatanrt {await number_of(app, activity_id)}")
    await petugas.taps("Peserta")
    assert "Terlindungi: tidak (dihapus sebelum perlindungannya mulai)" in petugas.text
    assert "dibatalkan" not in petugas.last.text


async def test_a_kelurahan_typed_loosely_is_asked_back_with_buttons(
    app: App, clock: Clock, rt: SeededRt, other_rt: SeededRt
) -> None:
    await seed(app, clock, rt, other_rt)
    camat = await official(app, "petugas", "camat", "kecamatan", "15.71.01")
    await camat.says("/kegiatanrt")
    await camat.taps("Filter")
    await camat.taps("Kelurahan")
    await camat.says("Bulurn Kenal")
    assert "Maksud Anda Kel. Buluran Kenali?" in camat.text
    assert "Buluran Kenali" in camat.choices and len(camat.choices) <= 4
    await camat.taps("Buluran Kenali")
    assert "Kel. Buluran Kenali" in plain(camat.text)
    await camat.taps("Filter")
    await camat.taps("Kelurahan")
    await camat.says("Kel. Simpang 4 Sipin")  # an abbreviation and a digit: found directly
    assert "Kel. Simpang IV Sipin" in plain(camat.text)

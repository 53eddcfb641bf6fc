"""Lapor kecelakaan as a Ketua RT and a resident live it, through the real conversation
service and database: the victim from the worker list or by NIK, when/where/what/how
bad/who reports, the summary, and what is saved and sent — the reference, the 2×24-hour
deadline in WIB, and the urgent alert to every official in scope (and nobody else)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import App
from bot.domain.nik import parse_nik
from storage.models import Activity
from support.chat import Chat, Clock
from support.seeding import SeededRt, grant, seed_rt

SITI = "1571014107900001"  # on the list
BUDI = "1571010203850002"  # on the list
NEW_NIK = "1571025505950004"  # nobody knows this one yet
CONFIRMED = datetime(2026, 3, 1, 3, 0, tzinfo=UTC)  # the day before the clock's "today"
DESCRIPTION = "Terjatuh dari tangga saat memasang atap, kaki kiri terkilir"


@dataclass(frozen=True)
class SeededActivity:
    id: int
    title: str
    people: dict[str, int]  # NIK -> person id


async def confirmed_activity(
    app: App,
    rt: SeededRt,
    title: str = "Perbaikan drainase Gang Damai",
    start: date = date(2026, 3, 2),
    end: date = date(2026, 3, 20),
    people: tuple[tuple[str, str], ...] = ((SITI, "Siti Aminah"), (BUDI, "Budi Hartono")),
    number: str = "KB-2026-0001",
    confirmed_at: datetime = CONFIRMED,
) -> SeededActivity:
    async with app.uow_factory() as uow:
        activity = await uow.activities.add(
            Activity(
                rt_id=rt.id, number=number, year=start.year, title=title, kind="drainase",
                place="Gang Damai RT 01", start_date=start, end_date=end, value=25_000_000,
                premium_jkk=52_500, premium_jkm=7_500, premium_total=60_000,
                status="confirmed", confirmed_at=confirmed_at,
            )
        )  # fmt: skip
        ids = {}
        for nik_text, name in people:
            nik = parse_nik(nik_text, date(2026, 3, 2))
            person = await uow.persons.find_by_nik(nik.value) or await uow.persons.add(
                nik.value, name, nik.birth_date, nik.sex
            )
            await uow.participations.add(
                activity_id=activity.id, person_id=person.id, role="warga", added_at=confirmed_at
            )
            ids[nik_text] = person.id
        await uow.commit()
        return SeededActivity(activity.id, title, ids)


async def stored_step(chat: Chat) -> tuple[str, str]:
    async with chat.app.uow_factory() as uow:
        conversation = await uow.conversations.get(chat.address.channel, chat.address.chat_id)
        return conversation.dialog, conversation.step


async def incidents(app: App) -> list:
    async with app.uow_factory() as uow:
        return sorted(await uow.incidents.open_incidents(), key=lambda i: i.id)


async def alerts(app: App, clock: Clock) -> list:
    async with app.uow_factory() as uow:
        return [m for m in await uow.outbox.due(clock.now, 100) if m.kind == "accident"]


async def open_report(chat: Chat) -> None:
    await chat.says("menu")
    await chat.taps("Lapor kecelakaan")


async def up_to_severity(
    chat: Chat, activity: SeededActivity, victim: str = "Siti", when: str | None = None
) -> None:
    """Through the report up to the severity question; `when` typed, or "Sekarang" tapped."""
    await open_report(chat)
    await chat.taps(activity.title[:20])
    await chat.taps(victim)
    await (chat.says(when) if when else chat.taps("Sekarang"))
    await chat.taps("Di lokasi kegiatan")
    await chat.says(DESCRIPTION)


async def report(chat: Chat, activity: SeededActivity, severity: str = "Rawat inap") -> None:
    await up_to_severity(chat, activity)
    await chat.taps(severity)
    await chat.taps("Pakai data saya")
    await chat.taps("Kirim laporan")


async def official(app: App, chat_id: str, phone: str, role: str = "petugas", **scope) -> Chat:
    """An official whose account exists (they wrote to the bot once)."""
    await grant(app, role, phone, chat_id.title(), **scope)
    chat = Chat(app, chat_id, channel="telegram", phone=phone, name=chat_id)
    await chat.says("menu")
    return chat


async def account_id(chat: Chat) -> int:
    async with chat.app.uow_factory() as uow:
        account = await uow.accounts.find(chat.address.channel, chat.address.chat_id)
        return account.id


# --- the Ketua RT's report ------------------------------------------------------------


async def test_a_participants_accident_is_saved_and_every_official_in_scope_alerted(
    app: App, clock: Clock, ketua: Chat, rt: SeededRt, petugas: Chat
) -> None:
    await petugas.says("menu")
    kecamatan = await official(app, "p2", "+6281100000010", scope_kind="kecamatan",
                               scope_code="15.71.01")  # fmt: skip
    kelurahan = await official(app, "p3", "+6281100000011", scope_kind="kelurahan",
                               scope_code="15.71.01.1001")  # fmt: skip
    bpjs = await official(app, "p4", "+6281100000012", role="bpjs")
    elsewhere = await official(app, "p5", "+6281100000013", scope_kind="kecamatan",
                               scope_code="15.71.02")  # fmt: skip
    other_kelurahan = await official(app, "p6", "+6281100000014", scope_kind="kelurahan",
                                     scope_code="15.71.01.1002")  # fmt: skip
    activity = await confirmed_activity(app, rt)

    await open_report(ketua)
    assert "Di kegiatan mana" in ketua.text
    assert ketua.choices == [activity.title, "Bukan kegiatan terdaftar"]
    await ketua.taps("drainase")
    assert ketua.choices == ["Siti Aminah", "Budi Hartono"]
    await ketua.taps("Siti Aminah")
    assert "Kapan" in ketua.text
    await ketua.taps("Sekarang")
    await ketua.taps("Di lokasi kegiatan")
    await ketua.says(DESCRIPTION)
    assert ketua.choices == ["Luka ringan", "Rawat inap", "Cacat", "Meninggal dunia"]
    await ketua.taps("Rawat inap")
    assert "Budi Santoso, +6281200000001" in ketua.text
    await ketua.taps("Pakai data saya")
    summary = ketua.text
    for expected in ("Siti Aminah", "1571********0001", "2 Maret 2026 09.00 WIB", "Gang Damai",
                     DESCRIPTION, "Rawat inap", "terlindungi", "RT 01"):  # fmt: skip
        assert expected in summary
    assert SITI not in summary
    await ketua.taps("Kirim laporan")

    text = ketua.text
    assert "LK-20260302-0001" in text
    assert "paling lambat 4 Maret 2026 09.00 WIB" in text
    assert "bukan* laporan resmi" in text and "Disnaker" in text
    # Honest: the bot's report reaches the city officials, who file the one with BPJS.
    assert "sampai ke petugas Pemkot" in text and "dibuat oleh petugas Pemkot" in text
    assert "petugaslah yang membuat laporan resmi ke BPJS" in text
    assert "kuitansi" in text and "surat keterangan dokter" in text and "175" in text
    assert "4 orang" in text
    assert await stored_step(ketua) == ("menu", "main")

    (incident,) = await incidents(app)
    assert incident.reference == "LK-20260302-0001"
    assert incident.activity_id == activity.id and incident.rt_id == rt.id
    assert incident.person_id == activity.people[SITI] and incident.victim_name == "Siti Aminah"
    assert incident.occurred_at == clock.now and incident.reported_at == clock.now
    assert (incident.place, incident.description) == ("Gang Damai RT 01", DESCRIPTION)
    assert (incident.severity, incident.covered, incident.status) == ("rawat_inap", True, "open")
    assert (incident.reporter_name, incident.reporter_phone) == ("Budi Santoso", rt.chair_phone)
    assert incident.reporter_account_id == await account_id(ketua)
    async with app.uow_factory() as uow:
        (event,) = await uow.audit.recent(subject_person_id=activity.people[SITI])
    assert event.action == "incident_reported" and event.detail["reference"] == incident.reference

    sent = await alerts(app, clock)
    wanted = {await account_id(c) for c in (petugas, kecamatan, kelurahan, bpjs)}
    assert {m.account_id for m in sent} == wanted
    assert await account_id(elsewhere) not in wanted
    assert await account_id(other_kelurahan) not in wanted
    for message in sent:
        body = message.payload["text"]
        assert message.priority == 1 and message.payload["urgent"] is True
        assert "⚠️ *KECELAKAAN KERJA* — LK-20260302-0001" in body
        for expected in ("RT 01", "Simpang IV Sipin", "Telanaipura", activity.title,
                         "Siti Aminah", "1571********0001", "Rawat inap", "terlindungi",
                         "+6281200000001", "4 Maret 2026 09.00 WIB"):  # fmt: skip
            assert expected in body
        assert SITI not in body
        assert message.payload["template"]["name"] == "accident_alert"
        assert message.dedup_key == f"accident:{incident.id}:{message.account_id}"


async def test_a_nik_not_on_the_list_is_saved_and_flagged_not_registered(
    app: App, clock: Clock, ketua: Chat, rt: SeededRt, petugas: Chat
) -> None:
    await petugas.says("menu")
    activity = await confirmed_activity(app, rt)
    await open_report(ketua)
    await ketua.taps("drainase")
    await ketua.says(NEW_NIK)
    assert "beserta nama" in ketua.text
    assert await stored_step(ketua) == ("accident_report", "person")
    await ketua.says(f"{NEW_NIK} rahmat hidayat")
    assert "tidak ada di daftar peserta" in ketua.text
    assert "Kapan" in ketua.text
    await ketua.taps("Sekarang")
    await ketua.says("Jl. Sultan Agung no. 5")
    await ketua.says(DESCRIPTION)
    await ketua.taps("Luka ringan")
    await ketua.taps("Pakai data saya")
    assert "tidak terdaftar pada saat kejadian" in ketua.text
    assert "1571********0004" in ketua.text
    await ketua.taps("Kirim laporan")
    assert "tidak terdaftar pada saat kejadian" in ketua.text

    (incident,) = await incidents(app)
    assert incident.covered is False and incident.activity_id == activity.id
    assert incident.victim_name == "Rahmat Hidayat"
    async with app.uow_factory() as uow:
        person = await uow.persons.find_by_nik(NEW_NIK)
    assert person is not None and incident.person_id == person.id
    assert person.sex == "P" and person.birth_date == date(1995, 5, 15)
    (alert,) = await alerts(app, clock)
    assert "tidak terdaftar pada saat kejadian" in alert.payload["text"]
    assert NEW_NIK not in alert.payload["text"]


async def test_a_known_nik_typed_alone_does_not_reveal_the_stored_name(
    app: App, ketua: Chat, rt: SeededRt, other_rt: SeededRt
) -> None:
    await confirmed_activity(app, other_rt, people=((NEW_NIK, "Nama Rahasia"),), number="KB-9")
    activity = await confirmed_activity(app, rt)
    await open_report(ketua)
    await ketua.taps(activity.title[:20])
    await ketua.says(NEW_NIK)
    assert "Nama Rahasia" not in ketua.text and "beserta nama" in ketua.text


async def test_an_accident_outside_any_registered_activity(
    app: App, clock: Clock, ketua: Chat, rt: SeededRt, petugas: Chat
) -> None:
    await petugas.says("menu")
    await open_report(ketua)
    assert "belum punya kegiatan" in ketua.text
    await ketua.taps("Bukan kegiatan terdaftar")
    assert "NIK dan nama" in ketua.text
    await ketua.says("Siti Aminah")
    assert "NIK" in ketua.text and await stored_step(ketua) == ("accident_report", "person")
    await ketua.says(f"{SITI} Siti Aminah")
    await ketua.says("kemarin jam 4 sore")
    await ketua.says("Balai RT 01")
    await ketua.says("Tersengat listrik saat memasang lampu jalan")
    await ketua.says("meninggal")
    await ketua.taps("Pakai data saya")
    assert "bukan kegiatan terdaftar" in ketua.text
    await ketua.taps("Kirim laporan")
    assert "paling lambat 3 Maret 2026 16.00 WIB" in ketua.text

    (incident,) = await incidents(app)
    assert incident.activity_id is None and incident.rt_id == rt.id
    assert (incident.covered, incident.severity) == (False, "meninggal")
    (alert,) = await alerts(app, clock)
    assert "bukan kegiatan terdaftar" in alert.payload["text"]


async def test_before_the_activity_started_the_participant_was_not_covered(
    app: App, ketua: Chat, rt: SeededRt
) -> None:
    activity = await confirmed_activity(app, rt)  # starts today, 2 March
    await up_to_severity(ketua, activity, when="kemarin jam 8 pagi")
    await ketua.taps("Cacat")
    await ketua.taps("Pakai data saya")
    assert "tidak terdaftar pada saat kejadian" in ketua.text
    await ketua.taps("Kirim laporan")
    (incident,) = await incidents(app)
    assert (incident.covered, incident.person_id) == (False, activity.people[SITI])
    assert incident.severity == "cacat"


async def test_on_the_first_day_before_the_confirmation_the_victim_was_not_yet_covered(
    app: App, clock: Clock, ketua: Chat, rt: SeededRt, petugas: Chat
) -> None:
    await petugas.says("menu")  # an official with an account, to be alerted
    # Registered "hari ini" and confirmed at 08.30 WIB; the accident was at 08.00.
    confirmed_at = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
    activity = await confirmed_activity(app, rt, confirmed_at=confirmed_at)
    await up_to_severity(ketua, activity, when="jam 8 pagi")
    await ketua.taps("Cacat")
    await ketua.taps("Pakai data saya")
    card = ketua.text
    assert "belum terlindungi saat kejadian" in card and "2 Maret 2026 08.30 WIB" in card
    assert "terdaftar dan terlindungi" not in card
    await ketua.taps("Kirim laporan")
    assert "baru berlaku sejak 2 Maret 2026 08.30 WIB" in ketua.text
    (incident,) = await incidents(app)
    assert (incident.covered, incident.person_id) == (False, activity.people[SITI])
    [alert] = await alerts(app, clock)
    assert "belum terlindungi saat kejadian" in alert.payload["text"]


async def test_after_removal_from_the_list_the_person_was_not_covered(
    app: App, clock: Clock, ketua: Chat, rt: SeededRt
) -> None:
    activity = await confirmed_activity(app, rt)
    async with app.uow_factory() as uow:
        ((row, _),) = await uow.incidents.worker_list_rows(activity.people[BUDI], activity.id)
        row.removed_at = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 08.00 WIB
        await uow.commit()
    await open_report(ketua)
    await ketua.taps("drainase")
    assert ketua.choices == ["Siti Aminah"]
    await ketua.says(f"{BUDI} Budi Hartono")
    await ketua.says("hari ini 08.30")
    await ketua.taps("Di lokasi kegiatan")
    await ketua.says(DESCRIPTION)
    await ketua.taps("Luka ringan")
    await ketua.taps("Pakai data saya")
    await ketua.taps("Kirim laporan")
    assert "paling lambat 4 Maret 2026 08.30 WIB" in ketua.text
    (incident,) = await incidents(app)
    assert (incident.covered, incident.person_id) == (False, activity.people[BUDI])


async def test_removed_but_still_covered_before_the_removal(
    app: App, ketua: Chat, rt: SeededRt
) -> None:
    activity = await confirmed_activity(app, rt)
    async with app.uow_factory() as uow:
        ((row, _),) = await uow.incidents.worker_list_rows(activity.people[BUDI], activity.id)
        row.removed_at = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 08.00 WIB
        await uow.commit()
    await open_report(ketua)
    await ketua.taps("drainase")
    await ketua.says(f"{BUDI} Budi Hartono")
    await ketua.says("hari ini 07.30")
    await ketua.taps("Di lokasi kegiatan")
    await ketua.says(DESCRIPTION)
    await ketua.taps("Luka ringan")
    await ketua.taps("Pakai data saya")
    await ketua.taps("Kirim laporan")
    (incident,) = await incidents(app)
    assert incident.covered is True


@pytest.mark.parametrize(
    ("tapped", "code"),
    [("Luka ringan", "luka_ringan"), ("Rawat inap", "rawat_inap"), ("Cacat", "cacat"),
     ("Meninggal", "meninggal")],
)  # fmt: skip
async def test_each_severity_is_stored(
    app: App, ketua: Chat, rt: SeededRt, tapped: str, code: str
) -> None:
    activity = await confirmed_activity(app, rt)
    await report(ketua, activity, severity=tapped)
    (incident,) = await incidents(app)
    assert incident.severity == code


async def test_someone_else_reports_and_a_second_report_gets_the_next_number(
    app: App, ketua: Chat, rt: SeededRt
) -> None:
    activity = await confirmed_activity(app, rt)
    await report(ketua, activity)
    await up_to_severity(ketua, activity, victim="Budi")
    await ketua.taps("Luka ringan")
    await ketua.says("Siti Aminah")
    assert "Nomor HP" in ketua.text
    await ketua.says("Siti Aminah 0812-ABCD")
    assert await stored_step(ketua) == ("accident_report", "reporter")
    await ketua.says("Siti Aminah 0812-345")
    assert "tidak bisa saya pakai" in ketua.text
    await ketua.says("siti aminah 0812-3456-7890")
    assert "Siti Aminah, +6281234567890" in ketua.text
    await ketua.taps("Kirim laporan")
    assert "LK-20260302-0002" in ketua.text
    second = (await incidents(app))[1]
    assert (second.reporter_name, second.reporter_phone) == ("Siti Aminah", "+6281234567890")


async def test_a_reporter_may_give_a_landline(app: App, ketua: Chat, rt: SeededRt) -> None:
    # The reporter's number is only for calling back, so an office line is fine.
    activity = await confirmed_activity(app, rt)
    await report(ketua, activity)
    await up_to_severity(ketua, activity, victim="Budi")
    await ketua.taps("Luka ringan")
    await ketua.says("Siti Aminah (0741) 7551234")
    assert "Siti Aminah, +627417551234" in ketua.text
    await ketua.taps("Kirim laporan")
    assert (await incidents(app))[-1].reporter_phone == "+627417551234"


async def test_change_a_field_from_the_summary(app: App, ketua: Chat, rt: SeededRt) -> None:
    activity = await confirmed_activity(app, rt)
    await up_to_severity(ketua, activity)
    await ketua.taps("Luka ringan")
    await ketua.taps("Pakai data saya")
    await ketua.taps("Ubah")
    await ketua.taps("Akibat")
    await ketua.taps("Rawat inap")
    assert "Periksa laporan" in ketua.text and "Rawat inap" in ketua.text
    await ketua.taps("Ubah")
    await ketua.taps("Korban")
    await ketua.taps("Budi")
    assert "Periksa laporan" in ketua.text and "Budi Hartono" in ketua.text
    await ketua.taps("Kirim laporan")
    (incident,) = await incidents(app)
    assert (incident.severity, incident.person_id) == ("rawat_inap", activity.people[BUDI])


async def test_a_shared_location_is_the_place(app: App, ketua: Chat, rt: SeededRt) -> None:
    activity = await confirmed_activity(app, rt)
    await open_report(ketua)
    await ketua.taps(activity.title[:20])
    await ketua.taps("Siti")
    await ketua.taps("Sekarang")
    await ketua.shares_location(-1.61234, 103.58765)
    assert "Apa yang terjadi" in ketua.text
    await ketua.says(DESCRIPTION)
    await ketua.taps("Luka ringan")
    await ketua.taps("Pakai data saya")
    assert "-1.61234, 103.58765" in ketua.text


async def test_future_and_long_ago_times(app: App, ketua: Chat, rt: SeededRt) -> None:
    activity = await confirmed_activity(app, rt)
    await open_report(ketua)
    await ketua.taps(activity.title[:20])
    await ketua.taps("Siti")
    for typed in ("besok jam 8 pagi", "hari ini 23.00", "2/3/2027 08.00"):
        await ketua.says(typed)
        assert "belum terjadi" in ketua.text
        assert await stored_step(ketua) == ("accident_report", "when")
    await ketua.says("kemarin")
    assert "Tambahkan jamnya" in ketua.text
    await ketua.says("5/1/2026 08.00")
    assert "lebih dari 30 hari" in ketua.text
    await ketua.taps("Ya")
    assert "Di mana" in ketua.text


async def _at_when(app: App, chat: Chat, rt: SeededRt) -> None:
    activity = await confirmed_activity(app, rt)
    await open_report(chat)
    await chat.taps(activity.title[:20])
    await chat.taps("Siti")


async def test_a_bare_hour_is_asked_back_with_both_readings(
    app: App, ketua: Chat, rt: SeededRt, clock: Clock
) -> None:
    await _at_when(app, ketua, rt)
    clock.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # 16.00 WIB
    await ketua.says("2")
    assert "Maksudnya *2* pagi/malam atau siang/sore?" in ketua.text
    assert await stored_step(ketua) == ("accident_report", "when")
    # Each hour at its latest moment, newest first; "Sekarang" keeps its place.
    assert ketua.choices == ["Sekarang", "2 Maret 2026 14.00 WIB", "2 Maret 2026 02.00 WIB"]
    await ketua.taps("2 Maret 2026 14.00 WIB")
    assert await stored_step(ketua) == ("accident_report", "where")
    await ketua.taps("Di lokasi kegiatan")
    await ketua.says(DESCRIPTION)
    await ketua.taps("Rawat inap")
    await ketua.taps("Pakai data saya")
    assert "2 Maret 2026 14.00 WIB" in ketua.text


async def test_an_hour_still_to_come_today_is_offered_from_yesterday(
    app: App, ketua: Chat, rt: SeededRt
) -> None:
    await _at_when(app, ketua, rt)  # 09.00 WIB
    await ketua.says("jam 2")
    assert ketua.choices == ["Sekarang", "2 Maret 2026 02.00 WIB", "1 Maret 2026 14.00 WIB"]
    # A number past the buttons is an hour, asked back; one within them is that button
    # (here the 02.00 reading), as at every step.
    await ketua.says("5")
    assert ketua.choices == ["Sekarang", "2 Maret 2026 05.00 WIB", "1 Maret 2026 17.00 WIB"]
    assert await stored_step(ketua) == ("accident_report", "when")
    await ketua.says("2")
    assert await stored_step(ketua) != ("accident_report", "when")


@pytest.mark.parametrize("typed", ["kemarin jam 2", "jam 2 kemarin", "1/3/2026 pukul 2"])
async def test_a_day_with_a_bare_hour_is_asked_back_with_both_readings(
    app: App, ketua: Chat, rt: SeededRt, typed: str
) -> None:
    await _at_when(app, ketua, rt)  # 09.00 WIB on 2 March
    await ketua.says(typed)
    assert "pagi/malam atau siang/sore" in ketua.text
    assert ketua.choices == ["Sekarang", "1 Maret 2026 14.00 WIB", "1 Maret 2026 02.00 WIB"]
    await ketua.taps("1 Maret 2026 14.00 WIB")
    assert await stored_step(ketua) == ("accident_report", "where")
    await ketua.taps("Di lokasi kegiatan")
    await ketua.says(DESCRIPTION)
    await ketua.taps("Rawat inap")
    await ketua.taps("Pakai data saya")
    assert "1 Maret 2026 14.00 WIB" in ketua.text


async def test_today_with_an_hour_still_to_come_has_one_reading(
    app: App, ketua: Chat, rt: SeededRt
) -> None:
    await _at_when(app, ketua, rt)  # 09.00 WIB: "hari ini jam 2" can only be 02.00
    await ketua.says("hari ini jam 2")
    assert await stored_step(ketua) == ("accident_report", "where")
    await ketua.taps("Di lokasi kegiatan")
    await ketua.says(DESCRIPTION)
    await ketua.taps("Rawat inap")
    await ketua.taps("Pakai data saya")
    assert "2 Maret 2026 02.00 WIB" in ketua.text


@pytest.mark.parametrize("typed", ["jam 2 pagi", "07.15", "pukul 07.15 WIB", "hari ini jam 8 pagi"])
async def test_an_unambiguous_time_is_taken(
    app: App, ketua: Chat, rt: SeededRt, typed: str
) -> None:
    await _at_when(app, ketua, rt)
    await ketua.says(typed)
    assert await stored_step(ketua) == ("accident_report", "where")


@pytest.mark.parametrize("typed", ["kapan-kapan", "besok jam 8 pagi", "kemarin"])
async def test_sekarang_stays_first_after_an_error(
    app: App, ketua: Chat, rt: SeededRt, typed: str
) -> None:
    await _at_when(app, ketua, rt)
    assert ketua.choices == ["Sekarang"]
    await ketua.says(typed)
    assert await stored_step(ketua) == ("accident_report", "when")
    assert ketua.choices == ["Sekarang"]
    await ketua.says("5/1/2026 08.00")
    assert ketua.choices == ["Sekarang", "Ya, 5 Januari 2026 08.00 WIB"]
    await ketua.taps("Sekarang")
    assert await stored_step(ketua) == ("accident_report", "where")


async def test_another_rts_chair_cannot_report_on_your_activity(
    app: App, ketua: Chat, other_ketua: Chat, rt: SeededRt, other_rt: SeededRt
) -> None:
    activity = await confirmed_activity(app, rt)
    await open_report(other_ketua)
    assert activity.title not in other_ketua.choices
    await other_ketua.taps_id(f"a:{activity.id}")
    assert "sudah tidak berlaku" in other_ketua.text
    await other_ketua.says(f"a:{activity.id}")
    await other_ketua.says("KB-2026-0001")
    assert await stored_step(other_ketua) == ("accident_report", "start")
    await other_ketua.taps("Bukan kegiatan terdaftar")
    await other_ketua.taps_id(f"p:{activity.people[SITI]}")
    assert await stored_step(other_ketua) == ("accident_report", "person")
    assert await incidents(app) == []


async def test_batal_leaves_nothing_behind(app: App, ketua: Chat, rt: SeededRt) -> None:
    activity = await confirmed_activity(app, rt)
    await open_report(ketua)
    await ketua.taps(activity.title[:20])
    await ketua.says(f"{NEW_NIK} Rahmat Hidayat")
    await ketua.taps("Sekarang")
    await ketua.says("batal")
    assert "Batalkan laporan kecelakaan atas nama Rahmat Hidayat?" in ketua.text
    await ketua.taps("Tidak, lanjutkan")  # a slip: nothing typed is lost
    assert await stored_step(ketua) == ("accident_report", "where")
    await ketua.says("batal")
    await ketua.taps("Ya, hapus isian")
    assert "Dibatalkan: laporan kecelakaan atas nama Rahmat Hidayat" in ketua.text
    async with app.uow_factory() as uow:
        assert await uow.persons.find_by_nik(NEW_NIK) is None
    assert await incidents(app) == []

    await up_to_severity(ketua, activity)
    await ketua.taps("Luka ringan")
    await ketua.taps("Pakai data saya")
    await ketua.taps("Batal")
    await ketua.says("1")  # "Ya, hapus isian", typed
    assert "Dibatalkan" in ketua.text and await incidents(app) == []


async def test_menu_keeps_an_unsent_report_to_continue(app: App, ketua: Chat, rt: SeededRt) -> None:
    activity = await confirmed_activity(app, rt)
    await open_report(ketua)
    await ketua.taps(activity.title[:20])
    await ketua.says(f"{NEW_NIK} Rahmat Hidayat")
    await ketua.taps("Sekarang")
    await ketua.says("menu")
    assert "Isian Anda disimpan: laporan kecelakaan atas nama Rahmat Hidayat" in ketua.text
    await ketua.says("/lapor")
    await ketua.taps("Lanjutkan")
    assert await stored_step(ketua) == ("accident_report", "where")
    async with app.uow_factory() as uow:
        assert await uow.persons.find_by_nik(NEW_NIK) is not None  # kept with the report


async def test_a_victim_created_then_replaced_is_not_kept(
    app: App, ketua: Chat, rt: SeededRt
) -> None:
    activity = await confirmed_activity(app, rt)
    await open_report(ketua)
    await ketua.taps(activity.title[:20])
    await ketua.says(f"{NEW_NIK} Rahmat Hidayat")
    await ketua.says("kembali")
    await ketua.taps("Siti")
    await ketua.taps("Sekarang")
    await ketua.taps("Di lokasi kegiatan")
    await ketua.says(DESCRIPTION)
    await ketua.taps("Luka ringan")
    await ketua.taps("Pakai data saya")
    await ketua.taps("Kirim laporan")
    async with app.uow_factory() as uow:
        assert await uow.persons.find_by_nik(NEW_NIK) is None


# --- bad input at every step -----------------------------------------------------------

BAD_INPUTS = ("asdfgh qwerty", "🤕🚑🔥", "x" * 5000, "99")


async def _at_step(chat: Chat, app: App, rt: SeededRt, step: str) -> None:
    activity = await confirmed_activity(app, rt)
    await open_report(chat)
    path = [
        ("start", lambda: chat.taps(activity.title[:20])),
        ("person", lambda: chat.taps("Siti")),
        ("when", lambda: chat.taps("Sekarang")),
        ("where", lambda: chat.taps("Di lokasi kegiatan")),
        ("what", lambda: chat.says(DESCRIPTION)),
        ("severity", lambda: chat.taps("Rawat inap")),
        ("reporter", lambda: chat.taps("Pakai data saya")),
        ("summary", lambda: chat.taps("Ubah")),
    ]
    for name, action in path:
        if name == step:
            return
        await action()


STEPS = ("start", "person", "when", "where", "what", "severity", "reporter", "summary", "change")


@pytest.mark.parametrize("step", STEPS)
async def test_every_step_answers_bad_input_and_stays(
    app: App, ketua: Chat, rt: SeededRt, step: str
) -> None:
    await _at_step(ketua, app, rt, step)
    assert await stored_step(ketua) == ("accident_report", step)
    for bad in BAD_INPUTS:
        if step in ("where", "what") and bad == "asdfgh qwerty":
            continue  # free text: words are a place or a description, however odd
        await ketua.says(bad)
        assert await stored_step(ketua) == ("accident_report", step), bad
        assert ketua.last.text
        await ketua.says(bad)  # the same again
        assert await stored_step(ketua) == ("accident_report", step), bad
    await ketua.taps_id("nav:nonsense")
    assert "sudah tidak berlaku" in ketua.text
    assert await stored_step(ketua) == ("accident_report", step)
    assert await incidents(app) == []


# --- the resident's report (issue 4) ---------------------------------------------------


async def test_a_resident_reports_by_name_and_rt(
    app: App, clock: Clock, warga: Chat, rt: SeededRt, petugas: Chat
) -> None:
    await petugas.says("menu")
    kecamatan = await official(app, "p2", "+6281100000010", scope_kind="kecamatan",
                               scope_code="15.71.01")  # fmt: skip
    elsewhere = await official(app, "p5", "+6281100000013", scope_kind="kecamatan",
                               scope_code="15.71.02")  # fmt: skip
    await open_report(warga)
    assert "Siapa korbannya" in warga.text
    await warga.says("🤕")
    assert await stored_step(warga) == ("accident_report", "start")
    await warga.says("Ahmad Yani")
    assert "RT mana" in warga.text
    await warga.says("RT 9 Kota Atlantis")
    assert "tidak saya temukan" in warga.text
    await warga.says("RT 7 Simpang IV Sipin")
    assert "tidak ada di daftar RT" in warga.text
    await warga.says("RT 1 Simpang 4 Sipin")
    await warga.taps("Sekarang")
    await warga.says("Depan masjid Al-Ikhlas")
    await warga.says("Tertimpa kayu saat membersihkan selokan")
    await warga.taps("Luka ringan")
    await warga.taps("Pakai data saya")
    assert "Siti Aminah, +6281300000001" in warga.text
    await warga.taps("Kirim laporan")
    assert "LK-20260302-0001" in warga.text

    (incident,) = await incidents(app)
    assert (incident.person_id, incident.victim_name) == (None, "Ahmad Yani")
    assert (incident.rt_id, incident.activity_id, incident.covered) == (rt.id, None, False)
    sent = await alerts(app, clock)
    assert {m.account_id for m in sent} == {
        await account_id(petugas),
        await account_id(kecamatan),
    }
    assert await account_id(elsewhere) not in {m.account_id for m in sent}
    assert "NIK tidak diketahui" in sent[0].payload["text"]


async def test_a_resident_naming_a_covered_participant_links_the_activity(
    app: App, warga: Chat, rt: SeededRt
) -> None:
    activity = await confirmed_activity(app, rt)
    await open_report(warga)
    await warga.says(f"{SITI} Siti Aminah")
    # Typing someone's NIK must not tell where they work or whether they are covered.
    assert warga.choices == ["Tidak tahu"]
    await warga.taps("Tidak tahu")
    await warga.taps("Sekarang")
    await warga.says("Gang Damai")
    await warga.says(DESCRIPTION)
    await warga.taps("Rawat inap")
    await warga.taps("Pakai data saya")
    assert "terlindungi" not in warga.text and activity.title not in warga.text
    assert "diperiksa petugas" in warga.text
    await warga.taps("Kirim laporan")
    assert "tidak terdaftar" not in warga.text
    (incident,) = await incidents(app)
    assert (incident.activity_id, incident.rt_id, incident.covered) == (activity.id, rt.id, True)


async def test_a_resident_reporting_about_themselves_sees_their_coverage(
    app: App, rt: SeededRt
) -> None:
    activity = await confirmed_activity(app, rt)
    async with app.uow_factory() as uow:
        person = await uow.persons.find_by_nik(SITI)
        await uow.persons.update_phone(person, "+6281300000077")
        await uow.commit()
    siti = Chat(app, "siti", channel="whatsapp", phone="+6281300000077", name="Siti")
    await open_report(siti)
    await siti.says(f"{SITI} Siti Aminah")
    assert siti.choices == ["RT 01 · Simpang IV Sipin", "Tidak tahu"]
    await siti.taps("RT 01")
    await siti.taps("Sekarang")
    await siti.says("Gang Damai")
    await siti.says(DESCRIPTION)
    await siti.taps("Rawat inap")
    await siti.taps("Pakai data saya")
    assert "terlindungi" in siti.text and activity.title in siti.text


async def test_a_resident_without_rt_alerts_only_city_wide_officials(
    app: App, clock: Clock, warga: Chat, petugas: Chat
) -> None:
    await petugas.says("menu")
    await official(app, "p2", "+6281100000010", scope_kind="kecamatan", scope_code="15.71.01")
    await open_report(warga)
    await warga.says("Ahmad Yani")
    await warga.taps("Tidak tahu")
    await warga.taps("Sekarang")
    await warga.says("Pasar Angso Duo")
    await warga.says("Terjatuh dari gerobak saat angkut sampah")
    await warga.taps("Luka ringan")
    await warga.taps("Pakai data saya")
    assert "RT tidak diketahui" in warga.text
    await warga.taps("Kirim laporan")
    assert [m.account_id for m in await alerts(app, clock)] == [await account_id(petugas)]


# --- reading reports back ---------------------------------------------------------------


async def test_reports_by_rt_and_open_reports_in_an_officials_scope(
    app: App, ketua: Chat, other_ketua: Chat, rt: SeededRt, other_rt: SeededRt
) -> None:
    await report(ketua, await confirmed_activity(app, rt))
    await report(other_ketua, await confirmed_activity(app, other_rt, number="KB-2026-0002"))
    async with app.uow_factory() as uow:
        telanaipura = await uow.incidents.active_in_scope(kecamatan_codes=["15.71.01"])
        thehok = await uow.incidents.active_in_scope(kelurahan_codes=[other_rt.kelurahan_code])
        city = await uow.incidents.active_in_scope(city_wide=True)
        assert await uow.incidents.next_sequence(date(2026, 3, 2)) == 3
        assert await uow.incidents.next_sequence(date(2026, 3, 3)) == 1
    assert [(i.rt_id, i.reference) for i, *_ in thehok] == [(other_rt.id, "LK-20260302-0002")]
    assert [i.rt_id for i, *_ in telanaipura] == [rt.id]
    assert len(city) == 2


async def test_the_lapor_command_opens_the_report(app: App, ketua: Chat, rt: SeededRt) -> None:
    await confirmed_activity(app, rt)
    await ketua.says("/lapor")
    assert "Di kegiatan mana" in ketua.text


async def test_a_participant_reports_their_own_accident(
    app: App, warga: Chat, rt: SeededRt
) -> None:
    activity = await confirmed_activity(app, rt)
    async with app.uow_factory() as uow:
        person = await uow.persons.get(activity.people[SITI])
        person.phone = warga.phone
        await uow.commit()
    await open_report(warga)
    await warga.taps("Saya sendiri")
    await warga.taps("RT 01")
    await warga.taps("Sekarang")
    await warga.says("Gang Damai")
    await warga.says(DESCRIPTION)
    await warga.taps("Luka ringan")
    await warga.taps("Pakai data saya")
    await warga.taps("Kirim laporan")
    (incident,) = await incidents(app)
    assert (incident.person_id, incident.covered) == (activity.people[SITI], True)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(victim=st.text(max_size=80), when=st.text(max_size=80))
async def test_any_text_gets_a_real_answer(warga: Chat, victim: str, when: str) -> None:
    await open_report(warga)
    for typed in (victim, "Ahmad Yani", "RT 1 Simpang IV Sipin", when):
        await warga.says(typed)
        assert warga.replies and all(reply.text.strip() for reply in warga.replies)
        assert "gangguan" not in warga.text  # never the apology for an internal error


async def test_a_chair_of_two_rts_says_which_rt_when_no_activity(
    app: App, ketua: Chat, rt: SeededRt
) -> None:
    second = await seed_rt(app, "15.71.01.1002", 2, rt.chair_name, rt.chair_phone)
    await open_report(ketua)
    await ketua.taps("Bukan kegiatan terdaftar")
    await ketua.says(f"{NEW_NIK} Rahmat Hidayat")
    assert "Di RT mana" in ketua.text and len(ketua.choices) == 2
    await ketua.says("RT 5 Thehok")
    assert await stored_step(ketua) == ("accident_report", "rt")
    await ketua.taps("RT 02")
    await ketua.taps("Sekarang")
    await ketua.says("Pos ronda RT 02")
    await ketua.says(DESCRIPTION)
    await ketua.taps("Luka ringan")
    await ketua.taps("Pakai data saya")
    await ketua.taps("Kirim laporan")
    (incident,) = await incidents(app)
    assert (incident.rt_id, incident.activity_id, incident.covered) == (second.id, None, False)


async def test_a_new_victims_nik_with_two_plausible_centuries_is_asked(
    app: App, warga: Chat, rt: SeededRt
) -> None:
    """Born 1 January 20: 6 or 106 years old on 2 March 2026; never guessed."""
    await open_report(warga)
    await warga.says("1571010101200005 Mbah Sastro")
    assert "Lahir tahun 2020 atau 1920?" in warga.text
    assert warga.choices == ["2020", "1920"]
    assert await stored_step(warga) == ("accident_report", "victim_century")
    await warga.says("2021")  # neither reading: asked again
    assert await stored_step(warga) == ("accident_report", "victim_century")
    await warga.taps("1920")
    assert "RT mana" in warga.text
    async with app.uow_factory() as uow:
        person = await uow.persons.find_by_nik("1571010101200005")
        assert person.birth_date == date(1920, 1, 1)

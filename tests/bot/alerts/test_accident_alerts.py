"""Who is alerted about an accident in a kelurahan (officials whose scope covers it, each
account once, opted-out accounts never), and what the urgent alert carries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.alerts.accident import AccidentFacts, accident_alert, officials_in_scope
from bot.app import App
from bot.core.markup import strip_marks
from handlers.catalogue import Catalogue
from support.seeding import grant

SIMPANG_IV_SIPIN = "15.71.01.1001"  # Kec. Telanaipura 15.71.01
OTHER_IN_TELANAIPURA = "15.71.01.1002"
THEHOK = "15.71.02.1004"  # Kec. Jambi Selatan 15.71.02


async def account(app: App, chat_id: str, phone: str | None, channel: str = "whatsapp") -> int:
    async with app.uow_factory() as uow:
        row, _ = await uow.accounts.get_or_create(channel, chat_id, chat_id)
        await uow.accounts.set_phone(row, phone)
        await uow.commit()
        return row.id


async def in_scope(app: App, kelurahan_code: str | None) -> list[int]:
    async with app.uow_factory() as uow:
        return [a.id for a in await officials_in_scope(uow, kelurahan_code)]


async def test_officials_whose_scope_covers_the_kelurahan(app: App) -> None:
    city = await account(app, "city", "+6281100000001")
    kecamatan = await account(app, "kec", "+6281100000002")
    kelurahan = await account(app, "kel", "+6281100000003")
    bpjs = await account(app, "bpjs", "+6281100000004")
    other_kec = await account(app, "kec2", "+6281100000005")
    other_kel = await account(app, "kel2", "+6281100000006")
    chair = await account(app, "chair", "+6281100000007")
    await grant(app, "petugas", "+6281100000001", "Kota")
    await grant(app, "admin", "+6281100000002", "Kec", "kecamatan", "15.71.01")
    await grant(app, "petugas", "+6281100000003", "Kel", "kelurahan", SIMPANG_IV_SIPIN)
    await grant(app, "bpjs", "+6281100000004", "BPJS")
    await grant(app, "petugas", "+6281100000005", "Kec2", "kecamatan", "15.71.02")
    await grant(app, "petugas", "+6281100000006", "Kel2", "kelurahan", OTHER_IN_TELANAIPURA)
    await grant(app, "ketua_rt", "+6281100000007", "Chair", "rt", "1")

    assert await in_scope(app, SIMPANG_IV_SIPIN) == [city, kecamatan, kelurahan, bpjs]
    assert await in_scope(app, THEHOK) == [city, bpjs, other_kec]
    assert chair not in await in_scope(app, SIMPANG_IV_SIPIN)
    assert other_kel not in await in_scope(app, SIMPANG_IV_SIPIN)


async def test_an_unknown_place_reaches_only_city_wide_officials(app: App) -> None:
    city = await account(app, "city", "+6281100000001")
    await account(app, "kec", "+6281100000002")
    await grant(app, "petugas", "+6281100000001", "Kota")
    await grant(app, "petugas", "+6281100000002", "Kec", "kecamatan", "15.71.01")
    assert await in_scope(app, None) == [city]
    assert await in_scope(app, "99.99.99.9999") == [city]


async def test_each_account_once_every_chat_of_a_phone_and_grants_to_an_account(
    app: App,
) -> None:
    whatsapp = await account(app, "wa", "+6281100000001")
    telegram = await account(app, "tg", "+6281100000001", channel="telegram")
    invited = await account(app, "invited", None, channel="telegram")
    await grant(app, "petugas", "+6281100000001", "Rina")
    await grant(app, "admin", "+6281100000001", "Rina", "kelurahan", SIMPANG_IV_SIPIN)
    async with app.uow_factory() as uow:
        await uow.roles.grant("petugas", account_id=invited, scope_kind="kecamatan",
                              scope_code="15.71.01")  # fmt: skip
        await uow.commit()
    assert await in_scope(app, SIMPANG_IV_SIPIN) == [whatsapp, telegram, invited]


async def test_opted_out_accounts_and_phones_without_a_chat_are_skipped(app: App) -> None:
    quiet = await account(app, "quiet", "+6281100000001")
    loud = await account(app, "loud", "+6281100000002")
    await grant(app, "petugas", "+6281100000001", "Quiet")
    await grant(app, "petugas", "+6281100000002", "Loud")
    await grant(app, "petugas", "+6281100000003", "Never wrote to the bot")
    async with app.uow_factory() as uow:
        row = await uow.accounts.get(quiet)
        row.opted_out = True
        await uow.commit()
    assert await in_scope(app, SIMPANG_IV_SIPIN) == [loud]


def facts() -> AccidentFacts:
    occurred = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
    return AccidentFacts(
        incident_id=7,
        reference="LK-20260302-0007",
        rt="RT 01",
        kelurahan="Simpang IV Sipin",
        kecamatan="Telanaipura",
        activity="Perbaikan drainase (KB-2026-0001)",
        victim_name="Siti Aminah",
        victim_nik_masked="1571********0001",
        occurred_at=occurred,
        place="Gang Damai",
        description="Terjatuh dari tangga",
        severity="rawat_inap",
        covered=False,
        reporter_name="Budi Santoso",
        reporter_phone="+6281200000001",
        deadline=occurred + timedelta(hours=48),
    )


class Official:
    def __init__(self, account_id: int, language: str) -> None:
        self.id = account_id
        self.language = language


def test_the_alert_is_urgent_masked_and_queued_once_per_incident_and_account() -> None:
    note = accident_alert(Catalogue(), Official(12, "id"), facts())
    assert note.account_id == 12 and note.kind == "accident"
    assert note.reply.urgent is True
    assert note.dedup_key == "accident:7:12"
    text = strip_marks(note.reply.text)  # the NIK mask's asterisks are marked
    assert text.startswith("⚠️ *KECELAKAAN KERJA* — LK-20260302-0007")
    for expected in ("RT 01, Kel. Simpang IV Sipin, Kec. Telanaipura", "Perbaikan drainase",
                     "Siti Aminah (NIK 1571********0001)", "2 Maret 2026 09.00 WIB",
                     "Gang Damai", "Terjatuh dari tangga", "Rawat inap",
                     "tidak terdaftar pada saat kejadian", "Budi Santoso, +6281200000001",
                     "paling lambat *4 Maret 2026 09.00 WIB*"):  # fmt: skip
        assert expected in text
    assert "belum sampai ke BPJS" in text and "/insiden" in text  # the officials file it
    assert note.template == "accident_alert"
    assert note.template_params == (
        "LK-20260302-0007",
        "Rawat inap",
        "RT 01 · Simpang IV Sipin",
        "4 Maret 2026 09.00 WIB",
    )


def test_an_official_reads_the_alert_in_their_language() -> None:
    note = accident_alert(Catalogue(), Official(3, "en"), facts())
    assert note.reply.text.startswith("⚠️ *WORK ACCIDENT* — LK-20260302-0007")
    assert "Hospitalised" in note.reply.text
    assert "not registered at the time of the accident" in note.reply.text

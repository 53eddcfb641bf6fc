"""Consent records (UU 27/2022), proven on real journeys: the privacy notice at first
contact is recorded once (version, time, chat); a participant entered by a Ketua RT gets
the notice with their first coverage notice, recorded once (person, chat, activity); a
parent's or guardian's consent for a participant under 18 is asked and stored with who
consented and which chair recorded it, and a child left off leaves none; and the notice
says what is true (only the NIK encrypted, the retention periods of the settings)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.app import App
from bot.core.privacy import NOTICE_VERSION, notice_values
from handlers.catalogue import Catalogue
from storage.models import Account, OutboxMessage
from support.activity_helpers import JOKO, SITI, add_participant, create_activity, put_in
from support.chat import Chat, Clock
from support.participants import MINOR, make_activity, nik, open_participants
from support.rights import consents
from support.seeding import SeededRt


async def account_id(app: App, chat: Chat) -> int:
    async with app.uow_factory() as uow:
        query = select(Account.id).where(Account.chat_id == chat.address.chat_id)
        return int(await uow.session.scalar(query) or 0)


async def coverage_notices(app: App) -> list[OutboxMessage]:
    async with app.uow_factory() as uow:
        query = select(OutboxMessage).where(OutboxMessage.kind == "coverage")
        return list(await uow.session.scalars(query.order_by(OutboxMessage.id)))


def fields(consent: Any) -> tuple[Any, ...]:
    return (consent.how, consent.notice_version, consent.person_id, consent.account_id)


async def test_the_notice_at_first_contact_is_recorded_once(
    app: App, warga: Chat, clock: Clock
) -> None:
    await warga.says("halo")
    assert f"Pemberitahuan privasi* (versi {NOTICE_VERSION})" in warga.text
    clock.advance(minutes=5)
    await warga.says("menu")
    assert "Pemberitahuan privasi" not in warga.text
    (consent,) = await consents(app)
    assert fields(consent) == ("shown_in_chat", NOTICE_VERSION, None, await account_id(app, warga))
    assert consent.at == clock.now.replace(minute=0)


async def test_a_participant_gets_the_notice_with_the_first_coverage_notice_only(
    app: App, ketua: Chat, warga: Chat, rt: SeededRt, clock: Clock
) -> None:
    await warga.says("menu")  # Siti has a chat; the Ketua RT enters her
    first = await create_activity(app, rt.id, title="Kerja bakti selokan")
    await add_participant(app, first, SITI, phone=warga.phone)
    await add_participant(app, first, JOKO)  # no phone, no chat: told nothing
    await put_in(ketua, "coverage_confirmation", "final", {"activity_id": first})
    await ketua.says("?")
    await ketua.taps("Ya, konfirmasi")
    second = await create_activity(app, rt.id, title="Pengecatan pos ronda")
    await add_participant(app, second, SITI, phone=warga.phone)
    await put_in(ketua, "coverage_confirmation", "final", {"activity_id": second})
    await ketua.says("?")
    await ketua.taps("Ya, konfirmasi")

    notice_one, notice_two = await coverage_notices(app)
    assert "Kerja bakti selokan" in notice_one.payload["text"]
    assert f"Pemberitahuan privasi* (versi {NOTICE_VERSION})" in notice_one.payload["text"]
    assert "Hanya NIK yang disimpan terenkripsi" in notice_one.payload["text"]
    assert "Pemberitahuan privasi" not in notice_two.payload["text"]
    async with app.uow_factory() as uow:
        siti = await uow.persons.find_by_nik(SITI[0])
        joko = await uow.persons.find_by_nik(JOKO[0])
    sent = [c for c in await consents(app) if c.how == "sent_with_coverage"]
    assert [fields(c) for c in sent] == [
        ("sent_with_coverage", NOTICE_VERSION, siti.id, await account_id(app, warga))
    ]
    assert sent[0].activity_id == first and sent[0].at == clock.now
    assert all(c.person_id != joko.id for c in await consents(app))


async def test_a_guardian_consent_for_a_minor_is_asked_and_stored(
    app: App, ketua: Chat, rt: SeededRt
) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tambah satu peserta")
    await ketua.says(MINOR)
    await ketua.taps("Ya, benar")
    await ketua.taps("Ya, tetap tambahkan")
    assert "Siapa orang tua atau wali yang menyetujui?" in ketua.text
    await ketua.says("ibu")
    assert "Tulis nama orang tua atau wali" in ketua.text
    await ketua.says("Rahma 2")
    assert "tanpa angka" in ketua.text
    await ketua.says("Rahmawati,   ibu kandung")
    # Not on the list yet: nothing recorded.
    assert [c for c in await consents(app) if c.how == "guardian_via_chair"] == []
    await ketua.says("Andi Pratama")
    await ketua.taps("Warga")
    await ketua.taps("Lewati")
    await ketua.taps("Lewati")

    (consent,) = [c for c in await consents(app) if c.how == "guardian_via_chair"]
    async with app.uow_factory() as uow:
        child = await uow.persons.find_by_nik(MINOR)
    assert consent.person_id == child.id and consent.activity_id == activity_id
    assert consent.guardian == "Rahmawati, ibu kandung"
    assert consent.given_by == await account_id(app, ketua)
    assert consent.notice_version == NOTICE_VERSION


async def test_a_child_left_off_leaves_no_consent(app: App, ketua: Chat, rt: SeededRt) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tambah satu peserta")
    await ketua.says(MINOR)
    await ketua.taps("Ya, benar")
    await ketua.taps("Ya, tetap tambahkan")
    await ketua.says("Rahmawati, ibu")
    await ketua.says("batal")
    await ketua.taps("Tambah satu peserta")
    await ketua.says(MINOR)
    await ketua.taps("Ya, benar")
    await ketua.taps("Jangan tambahkan")
    assert [c for c in await consents(app) if c.how == "guardian_via_chair"] == []


async def test_pasted_minors_are_added_with_the_chairs_recorded_statement(
    app: App, ketua: Chat, rt: SeededRt
) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tempel daftar peserta")
    child = nik(3, year=12)
    await ketua.says(f"{nik(1)}; Budi Santoso; phl\n{child}; Andi Pratama; warga")
    assert "Anda menyatakan orang tua atau wali mereka setuju" in ketua.last.text
    await ketua.taps("Ya, tambahkan")
    (consent,) = [c for c in await consents(app) if c.how == "guardian_via_chair"]
    async with app.uow_factory() as uow:
        andi = await uow.persons.find_by_nik(child)
    assert consent.person_id == andi.id and consent.guardian == ""
    assert consent.given_by == await account_id(app, ketua)


def test_the_notice_says_what_is_true(app: App) -> None:
    for language, only_nik, encrypted_all in (
        ("id", "Hanya NIK yang disimpan terenkripsi", "disimpan terenkripsi, dan"),
        ("en", "Only the NIK is stored encrypted", "stored encrypted, and"),
    ):
        for key in ("privacy_notice", "mydata_privacy"):
            text = app.texts.text(language, key, version="v9", inactive_days=11, claims_days=22)
            assert only_nik in text and encrypted_all not in text
            assert "v9" in text and "11" in text and "22" in text
    settings = app.settings.model_copy(
        update={
            "retention": app.settings.retention.model_copy(
                update={"person_inactive_days": 400, "claims_kept_days": 700}
            )
        }
    )
    shown = app.texts.text("id", "privacy_notice", **notice_values(settings))
    assert "dianonimkan 400 hari setelah" in shown and "disimpan 700 hari lagi" in shown
    helped = Catalogue(helpdesk="DPMPPA, telp. 0741-000").text(
        "id", "privacy_notice", **notice_values(settings)
    )
    assert helped.endswith("DPMPPA, telp. 0741-000")

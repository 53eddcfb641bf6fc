"""The admin manages officials: the list (phones masked), adding one with a role and a
scope (which the new official then has), removing one after a confirmation, and the guard
that keeps the admins from locking themselves out."""

from __future__ import annotations

from bot.app import App
from support.chat import Chat
from support.seeding import grant

NEW_PHONE = "+6281355500001"


async def open_officials(admin: Chat) -> None:
    await admin.says("/admin")
    await admin.taps("Petugas")
    assert "Petugas" in admin.last.text


async def grants(app: App, phone: str) -> list[tuple[str, str, str | None, str]]:
    async with app.uow_factory() as uow:
        return [
            (r.role, r.scope_kind, r.scope_code, r.name) for r in await uow.roles.for_phone(phone)
        ]


async def start_adding(
    admin: Chat, name: str = "dewi lestari", phone: str = "0813-5550-0001"
) -> None:
    await open_officials(admin)
    await admin.taps("Tambah petugas")
    await admin.says(name)
    await admin.says(phone)


async def test_the_list_shows_name_masked_phone_role_and_scope(app: App, admin: Chat) -> None:
    await grant(app, "petugas", "+6281100000009", "Rina Marlina", "kecamatan", "15.71.01")
    await grant(app, "bpjs", "+6281100000008", "Bayu BPJS")
    await open_officials(admin)
    text = admin.last.text
    assert "Rina Marlina · +62811****0009 · Petugas · Kec. Telanaipura" in text
    assert "Bayu BPJS · +62811****0008 · BPJS · Seluruh Kota Jambi" in text
    assert "Admin Kota · +62811****0002 · Admin" in text
    assert "81100000009" not in text  # never the whole number
    assert admin.choices == ["Tambah petugas", "Hapus petugas", "Menu admin"]


async def test_add_a_kecamatan_official_who_then_has_that_scope(app: App, admin: Chat) -> None:
    await start_adding(admin)
    assert admin.choices == ["Petugas", "BPJS", "Admin"]
    await admin.taps("Petugas")
    await admin.taps("Satu kecamatan")
    assert "Telanaipura" in admin.choices
    await admin.taps("Jambi Selatan")
    text = admin.last.text
    assert "Nama: Dewi Lestari" in text and "HP: +6281355500001" in text
    assert "Wilayah: Kec. Jambi Selatan" in text
    await admin.taps("Simpan")
    assert "Ditambahkan: Dewi Lestari · +62813****0001 · Petugas · Kec. Jambi Selatan" in admin.text
    assert await grants(app, NEW_PHONE) == [("petugas", "kecamatan", "15.71.02", "Dewi Lestari")]
    async with app.uow_factory() as uow:
        event = (await uow.audit.recent(1))[0]
        assert event.action == "official_added" and event.detail["scope_code"] == "15.71.02"

    dewi = Chat(app, "dewi", channel="whatsapp", phone=NEW_PHONE)
    await dewi.says("menu")
    assert "Selamat datang, Dewi Lestari" in dewi.text
    await dewi.says("/admin")
    assert "tidak tersedia" in dewi.text


async def test_add_a_kelurahan_official_by_typing_the_kelurahan(app: App, admin: Chat) -> None:
    await start_adding(admin)
    await admin.taps("BPJS")
    await admin.taps("Satu kelurahan")
    await admin.says("simpang 4 sipin")  # typed straight away, spelled loosely
    assert "Wilayah: Kel. Simpang IV Sipin" in admin.last.text
    await admin.taps("Simpan")
    assert await grants(app, NEW_PHONE) == [("bpjs", "kelurahan", "15.71.01.1001", "Dewi Lestari")]


async def test_add_a_kelurahan_official_step_by_step(app: App, admin: Chat) -> None:
    await start_adding(admin)
    await admin.taps("Petugas")
    await admin.taps("Satu kelurahan")
    await admin.says("Jambi Selatan")
    assert "Thehok" in admin.choices
    await admin.taps("Thehok")
    await admin.taps("Simpan")
    assert await grants(app, NEW_PHONE) == [
        ("petugas", "kelurahan", "15.71.02.1004", "Dewi Lestari")
    ]


async def test_add_a_city_wide_admin(app: App, admin: Chat) -> None:
    await start_adding(admin)
    await admin.taps("Admin")
    await admin.taps("Seluruh kota")
    await admin.taps("Simpan")
    assert await grants(app, NEW_PHONE) == [("admin", "kota", None, "Dewi Lestari")]


async def test_bad_names_phones_and_places_are_explained(app: App, admin: Chat) -> None:
    await open_officials(admin)
    await admin.taps("Tambah petugas")
    await admin.says("🙂🙂")
    assert "Nama hanya boleh berisi huruf" in admin.text
    await admin.says("Dewi Lestari")
    await admin.says("021 555 1234")
    assert "bukan nomor HP" in admin.text
    await admin.says("bukan nomor")
    assert "tidak bisa saya baca" in admin.text
    await admin.says("0813 5550 0001")
    await admin.says("raja")
    assert "pilih salah satu" in admin.text.lower()
    await admin.taps("Petugas")
    await admin.taps("Satu kecamatan")
    await admin.says("Kecamatan Antah Berantah")
    assert "tidak saya kenal" in admin.text
    await admin.says("telanai pura")
    assert "Wilayah: Kec. Telanaipura" in admin.last.text


async def test_not_saving_and_cancelling_leave_nothing(app: App, admin: Chat) -> None:
    await start_adding(admin)
    await admin.taps("Petugas")
    await admin.taps("Seluruh kota")
    await admin.taps("Tidak")
    assert "tidak disimpan" in admin.text
    await admin.taps("Tambah petugas")
    await admin.says("Dewi")
    await admin.says("batal")
    assert "Dibatalkan" in admin.text
    assert await grants(app, NEW_PHONE) == []


async def test_the_same_grant_twice_is_refused_and_other_roles_are_shown(
    app: App, admin: Chat
) -> None:
    await grant(app, "petugas", NEW_PHONE, "Dewi Lestari")
    await start_adding(admin)
    await admin.taps("Petugas")
    await admin.taps("Seluruh kota")
    assert "Nomor ini sudah punya peran" in admin.last.text
    await admin.taps("Simpan")
    assert "sudah punya peran dan wilayah yang sama" in admin.text
    assert len(await grants(app, NEW_PHONE)) == 1


async def test_remove_an_official_after_confirming(app: App, admin: Chat) -> None:
    await grant(app, "petugas", NEW_PHONE, "Dewi Lestari", "kecamatan", "15.71.02")
    await open_officials(admin)
    await admin.taps("Hapus petugas")
    await admin.taps("Dewi Lestari")
    assert "Hapus peran ini?" in admin.last.text
    await admin.taps("Tidak")
    assert await grants(app, NEW_PHONE) != []
    await admin.taps("Hapus petugas")
    await admin.taps("Dewi Lestari")
    await admin.taps("Ya, hapus")
    assert "Dihapus: Dewi Lestari" in admin.text
    assert await grants(app, NEW_PHONE) == []
    async with app.uow_factory() as uow:
        assert (await uow.audit.recent(1))[0].action == "official_removed"


async def test_a_removed_role_is_stale(app: App, admin: Chat) -> None:
    await grant(app, "petugas", NEW_PHONE, "Dewi Lestari")
    await open_officials(admin)
    await admin.taps("Hapus petugas")
    await admin.taps("Dewi Lestari")
    async with app.uow_factory() as uow:  # another admin removes it meanwhile
        role = (await uow.roles.for_phone(NEW_PHONE))[0]
        await uow.roles.revoke(role.id)
        await uow.commit()
    await admin.taps("Ya, hapus")
    assert "sudah tidak ada" in admin.text
    assert "Petugas" in admin.last.text  # the list again


async def test_the_only_admin_cannot_be_removed(app: App, admin: Chat) -> None:
    await open_officials(admin)
    await admin.taps("Hapus petugas")
    await admin.taps("Admin Kota")
    await admin.taps("Ya, hapus")
    assert "satu-satunya admin" in admin.text
    assert len(await grants(app, "+6281100000002")) == 1


async def test_an_admin_cannot_remove_their_own_last_admin_role(app: App, admin: Chat) -> None:
    await grant(app, "admin", "+6281100000007", "Admin Dua")
    await open_officials(admin)
    await admin.taps("Hapus petugas")
    await admin.taps("Admin Kota")
    await admin.taps("Ya, hapus")
    assert "admin Anda sendiri yang terakhir" in admin.text
    assert len(await grants(app, "+6281100000002")) == 1
    # Another admin's role may go: one admin remains.
    await admin.taps("Hapus petugas")
    await admin.taps("Admin Dua")
    await admin.taps("Ya, hapus")
    assert "Dihapus: Admin Dua" in admin.text


async def test_a_long_list_has_pages(app: App, admin: Chat) -> None:
    for n in range(12):
        await grant(app, "petugas", f"+62813000000{n:02d}", f"Petugas {chr(65 + n)}")
    await open_officials(admin)
    assert "(13)" in admin.last.text
    assert "Berikutnya ▶" in admin.choices
    await admin.taps("Berikutnya")
    assert "9. " in admin.last.text and "◀ Sebelumnya" in admin.choices
    await admin.taps("Sebelumnya")
    assert "1. " in admin.last.text

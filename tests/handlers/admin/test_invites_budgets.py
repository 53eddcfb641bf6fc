"""The admin picks an RT (typed in one go or step by step) to create an invite code for its
chair, or to see and set its yearly budget."""

from __future__ import annotations

import re

from bot.app import App
from support.activity_helpers import create_activity
from support.chat import Chat
from support.seeding import SeededRt

CODE = re.compile(r"\*([2-9A-Z]{8})\*")


async def open_invites(admin: Chat) -> None:
    await admin.says("/admin")
    await admin.taps("Kode undangan")
    assert "RT yang mana?" in admin.last.text


# --- invite codes -------------------------------------------------------------------


async def test_an_invite_code_the_chair_then_uses(app: App, admin: Chat, rt: SeededRt) -> None:
    await open_invites(admin)
    await admin.says("Simpang 4 Sipin RT 1")
    assert "RT 01 · Kel. Simpang IV Sipin · Kec. Telanaipura" in admin.last.text
    assert "Ketua: Budi Santoso · HP +62812****0001" in admin.last.text
    assert "sudah dikenali dari nomor HP-nya" in admin.last.text
    await admin.taps("Buat kode")
    text = admin.text
    code = CODE.search(text).group(1)
    # Created 2 March 2026 09:00 WIB, valid 7 days.
    assert "sampai 9 Maret 2026 09.00 WIB" in text
    assert f"/start {code}" in text and "Saya Ketua RT" in text
    assert "Menu admin" in admin.last.text
    async with app.uow_factory() as uow:
        invite = await uow.invites.find(code)
        assert invite.rt_id == rt.id and invite.created_by is not None
        assert (await uow.audit.recent(1))[0].action == "invite_created"

    newcomer = Chat(app, "tg-99", channel="telegram", name="Budi")
    await newcomer.says(f"/start {code}")
    await newcomer.says("menu")
    assert "Ketua RT 01, Kel. Simpang IV Sipin" in newcomer.text


async def test_pick_the_rt_step_by_step(app: App, admin: Chat, other_rt: SeededRt) -> None:
    await open_invites(admin)
    await admin.says("thehok")
    assert "Kel. *Thehok*: RT nomor berapa?" in admin.last.text
    assert "RT terdaftar: 05." in admin.last.text
    await admin.says("3")
    assert "RT 03 Kel. Thehok tidak ada di daftar RT" in admin.text
    await admin.says("🙂")
    assert "Ketik nomor RT saja" in admin.text
    await admin.says("RT 05")
    assert "RT 05 · Kel. Thehok" in admin.last.text
    await admin.taps("Tidak")
    assert "Menu admin" in admin.last.text
    async with app.uow_factory() as uow:
        assert await uow.audit.recent(5) == []


async def test_unknown_places_are_explained(app: App, admin: Chat, rt: SeededRt) -> None:
    await open_invites(admin)
    await admin.says("Kampung Antah RT 3")
    assert "Kelurahan 'Kampung Antah' tidak saya kenal" in admin.text
    await admin.says("x" * 5000)
    assert "terlalu panjang" in admin.text
    await admin.says("apa ya")
    assert "Kelurahan itu tidak saya kenal" in admin.text
    await admin.says("Simpang IV Sipin RT 9")
    assert "RT 09 Kel. Simpang IV Sipin tidak ada di daftar RT" in admin.text
    assert "RT yang mana?" in admin.last.text


async def test_places_typed_the_way_people_write_them(admin: Chat, rt: SeededRt) -> None:
    await open_invites(admin)
    await admin.says("Kel. Sp. IV Sipin RT 1")
    assert "RT 01 · Kel. Simpang IV Sipin · Kec. Telanaipura" in admin.last.text
    await admin.taps("Tidak")
    await admin.taps("Kode undangan")
    # Close but not exact: asked back with a button, never taken silently.
    await admin.says("Simpang IV Sipn RT 1")
    assert "Maksud Anda Kel. Simpang IV Sipin?" in admin.text
    assert "RT yang mana?" in admin.last.text
    await admin.taps("Kel. Simpang IV Sipin")
    assert "RT 01 · Kel. Simpang IV Sipin · Kec. Telanaipura" in admin.last.text
    await admin.taps("Tidak")
    await admin.taps("Kode undangan")
    await admin.says("simpang 4 sipn")
    await admin.taps("Kel. Simpang IV Sipin")
    assert "Kel. *Simpang IV Sipin*: RT nomor berapa?" in admin.last.text


# --- budgets --------------------------------------------------------------------------


async def open_budget(admin: Chat, rt_text: str = "RT 1 Simpang IV Sipin") -> None:
    await admin.says("/admin")
    await admin.taps("Anggaran RT")
    await admin.says(rt_text)


async def add_activity(app: App, rt: SeededRt, value: int) -> None:
    """A draft claims budget, shown apart from "terpakai" (bot.activities.lifecycle.budget_use)."""
    await create_activity(app, rt.id, value=value)


async def budget(app: App, rt: SeededRt, year: int) -> int | None:
    async with app.uow_factory() as uow:
        return await uow.rts.explicit_budget(rt.id, year)


async def test_see_and_set_the_budget(app: App, admin: Chat, rt: SeededRt) -> None:
    await add_activity(app, rt, 25_000_000)
    await open_budget(admin)
    text = admin.last.text
    assert (
        "Anggaran RT tahun 2026: Rp100.000.000 · terpakai Rp0 · draf: Rp25.000.000 belum terpakai"
        " · sisa Rp75.000.000 (sesudah draf)" in text
    )
    assert "Belum diatur" in text
    await admin.says("150 juta")
    assert "tahun 2026: Rp100.000.000 → *Rp150.000.000*" in admin.last.text
    await admin.taps("Simpan")
    assert "sekarang *Rp150.000.000*" in admin.text
    assert await budget(app, rt, 2026) == 150_000_000
    async with app.uow_factory() as uow:
        event = (await uow.audit.recent(1))[0]
        assert event.action == "budget_set"
        assert event.detail == {
            "rt_id": rt.id,
            "year": 2026,
            "old": 100_000_000,
            "new": 150_000_000,
        }


async def test_an_ambiguous_amount_is_offered_back(app: App, admin: Chat, rt: SeededRt) -> None:
    await open_budget(admin)
    await admin.says("150")
    assert "Maksud Anda *Rp150.000.000*?" in admin.text
    await admin.taps("Ya, Rp150.000.000")
    await admin.taps("Simpan")
    assert await budget(app, rt, 2026) == 150_000_000


async def test_an_amount_with_two_readings_offers_a_button_for_each(
    app: App, admin: Chat, rt: SeededRt
) -> None:
    await open_budget(admin)
    await admin.says("1,500 jt")
    assert "bisa dibaca lebih dari satu cara" in admin.text
    assert admin.choices[:2] == ["Rp1.500.000 (1,5 juta)", "Rp1.500.000.000 (1,5 miliar)"]
    await admin.taps("Rp1.500.000.000 (1,5 miliar)")
    await admin.taps("Simpan")
    assert await budget(app, rt, 2026) == 1_500_000_000


async def test_next_years_budget(app: App, admin: Chat, rt: SeededRt) -> None:
    await open_budget(admin)
    await admin.taps("Lihat tahun 2027")
    assert "Anggaran RT tahun 2027" in admin.last.text
    await admin.says("Rp 80.000.000")
    await admin.taps("Simpan")
    assert (await budget(app, rt, 2026), await budget(app, rt, 2027)) == (None, 80_000_000)


async def test_a_budget_below_what_is_used_is_warned_about(
    app: App, admin: Chat, rt: SeededRt
) -> None:
    await add_activity(app, rt, 25_000_000)
    await open_budget(admin)
    await admin.says("10 juta")
    assert "lebih kecil dari yang sudah terpakai" in admin.last.text
    await admin.taps("Tidak")
    assert "Ketik anggaran baru" in admin.last.text
    assert await budget(app, rt, 2026) is None


async def test_nonsense_amounts_stay_put(app: App, admin: Chat, rt: SeededRt) -> None:
    await open_budget(admin)
    for typed in ("banyak", "🙂", "-5 juta", "900 miliar"):
        await admin.says(typed)
        assert "Ketik anggaran baru" in admin.last.text, typed
    await admin.says("batal")
    assert await budget(app, rt, 2026) is None

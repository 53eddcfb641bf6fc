"""The audit log reads in Indonesian: every action the bot records is shown in words
(never as its English key), in the time zone the header names (WIB); an action the
catalogue does not know yet is shown as recorded, never hidden."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.app import App
from handlers.admin.audit import ACTIONS
from support.chat import Chat

RECORDED = (
    "alert_preferences_changed",
    "correction_approved",
    "correction_rejected",
    "correction_requested",
    "coverage_lookup_limited",
    "coverage_lookup_nik",
    "coverage_lookup_phone",
    "export",
    "incident_closed",
    "incident_marked_reported",
    "nik_revealed",
    "own_data_viewed",
)


async def test_every_action_reads_in_indonesian(app: App, admin: Chat) -> None:
    assert set(RECORDED) <= set(ACTIONS)
    at = datetime(2026, 3, 1, 3, 0, tzinfo=UTC)
    async with app.uow_factory() as uow:
        for n, action in enumerate(RECORDED):
            await uow.audit.record(action, actor=f"Orang {n:02d}", at=at + timedelta(minutes=n))
        await uow.commit()
    await admin.says("/admin")
    await admin.taps("Log audit")
    lines = admin.last.text.splitlines()
    assert "Waktu (WIB)" in lines[1]
    shown = "\n".join(lines[2:])
    for action in RECORDED:
        assert f"· {action} ·" not in shown, action
    assert "01/03/2026 10.11 · Orang 11 · data diri dilihat · -" in lines
    assert "01/03/2026 10.02 · Orang 02 · perbaikan data ditolak · -" in lines
    assert "01/03/2026 10.00 · Orang 00 · pengaturan peringatan diubah · -" in lines
    assert "NIK lengkap dibuka" in shown and "insiden ditutup" in shown
    assert "perbaikan data disetujui dan diterapkan" in shown


async def test_an_unknown_action_is_shown_as_recorded(app: App, admin: Chat) -> None:
    async with app.uow_factory() as uow:
        await uow.audit.record("brand_new_action", actor="Sistem Baru")
        await uow.commit()
    await admin.says("/admin")
    await admin.taps("Log audit")
    assert "· Sistem Baru · brand_new_action · -" in admin.last.text

"""The dialogs this build offers, by name. The composition root hands them to the engine."""

from __future__ import annotations

from bot.core.dialog import Dialog
from handlers.accident_report import dialog as accident_report
from handlers.admin import dialog as admin
from handlers.ketua_rt.confirm_coverage import dialog as coverage_confirmation
from handlers.ketua_rt.my_activities import dialog as my_activities
from handlers.ketua_rt.onboarding import dialog as onboarding
from handlers.ketua_rt.participants import dialog as participants
from handlers.ketua_rt.register_activity import dialog as activity_registration
from handlers.menu import dialog as menu
from handlers.petugas.activities import dialog as official_activities
from handlers.petugas.alert_settings import dialog as alert_settings
from handlers.petugas.export import dialog as official_export
from handlers.petugas.incidents import dialog as official_incidents
from handlers.petugas.summary import dialog as official_summary
from handlers.warga.benefits import dialog as benefits
from handlers.warga.coverage_check import dialog as coverage_check
from handlers.warga.my_data import dialog as my_data
from handlers.warga.premium import dialog as premium

# Slash commands (Telegram's command menu; typed anywhere) and the dialog each opens.
# "/start" alone shows the menu; "/start KODE" is an RT chair's invite code.
COMMANDS = {
    "/start": "onboarding",
    "/daftar": "activity_registration",
    "/kegiatan": "my_activities",
    "/cek": "coverage_check",
    "/lapor": "accident_report",
    "/premi": "premium",
    "/manfaat": "benefits",
    "/datasaya": "my_data",
    "/ringkasan": "official_summary",
    "/kegiatanrt": "official_activities",
    "/ekspor": "official_export",
    "/insiden": "official_incidents",
    "/peringatan": "alert_settings",
    "/admin": "admin",
}


def all_dialogs() -> dict[str, Dialog]:
    dialogs: tuple[Dialog, ...] = (menu.DIALOG, premium.DIALOG, onboarding.DIALOG)
    dialogs += (accident_report.DIALOG,)
    dialogs += (activity_registration.DIALOG, coverage_confirmation.DIALOG, my_activities.DIALOG)
    dialogs += (participants.DIALOG,)
    dialogs += (coverage_check.DIALOG, benefits.DIALOG, my_data.DIALOG)
    dialogs += (admin.DIALOG,)
    dialogs += (official_summary.DIALOG, official_activities.DIALOG)
    dialogs += (official_export.DIALOG,)
    dialogs += (official_incidents.DIALOG, alert_settings.DIALOG)
    return {dialog.name: dialog for dialog in dialogs}

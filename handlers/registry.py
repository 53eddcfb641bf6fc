"""The dialogs this build offers, by name. The composition root hands them to the engine."""

from __future__ import annotations

from bot.engine import Dialog
from handlers import (
    accident_report,
    activity_registration,
    admin,
    alert_settings,
    benefits,
    coverage_check,
    coverage_confirmation,
    menu,
    my_activities,
    my_data,
    official_activities,
    official_export,
    official_incidents,
    official_summary,
    onboarding,
    participants,
    premium,
)

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
    dialogs = (menu.DIALOG, premium.DIALOG, onboarding.DIALOG, accident_report.DIALOG)
    dialogs += (activity_registration.DIALOG, coverage_confirmation.DIALOG, my_activities.DIALOG)
    dialogs += (participants.DIALOG,)
    dialogs += (coverage_check.DIALOG, benefits.DIALOG, my_data.DIALOG)
    dialogs += (admin.DIALOG,)
    dialogs += (official_summary.DIALOG, official_activities.DIALOG)
    dialogs += (official_export.DIALOG,)
    dialogs += (official_incidents.DIALOG, alert_settings.DIALOG)
    return {dialog.name: dialog for dialog in dialogs}

"""The dialogs this build offers, by name. The composition root hands them to the engine."""

from __future__ import annotations

from bot.engine import Dialog
from handlers import menu, premium


# Slash commands (Telegram's command menu; typed anywhere) and the dialog each opens.
# "/start" alone shows the menu; "/start KODE" is an RT chair's invite code.
COMMANDS = {
    "/start": "onboarding",
    "/daftar": "activity_registration",
    "/kegiatan": "my_activities",
    "/cek": "coverage_check",
    "/lapor": "accident_report",
    "/premi": "premium",
}


def all_dialogs() -> dict[str, Dialog]:
    dialogs = (menu.DIALOG, premium.DIALOG)
    return {dialog.name: dialog for dialog in dialogs}

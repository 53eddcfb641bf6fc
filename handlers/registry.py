"""The dialogs this build offers, and everything derived from their declarations: the
engine's table by name, the slash commands, the main menu's lines and Telegram's command
menu. The composition root (bot/app.py) hands them to the engine and the channels.

Adding a dialog: declare it in its own package (name, steps, command, menu entry,
hand-offs, texts) and add it to `DIALOGS`. `build` refuses a registry that could not
work — two dialogs or two steps with one name, a hand-off to a dialog that is not
registered — when the application starts, not when a user reaches the broken step.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot.core.dialog import MENU, Dialog, TextArea
from bot.core.ports import Texts
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
from handlers.petugas.corrections import dialog as official_corrections
from handlers.petugas.erasure import dialog as official_erasure
from handlers.petugas.export import dialog as official_export
from handlers.petugas.incidents import dialog as official_incidents
from handlers.petugas.summary import dialog as official_summary
from handlers.warga.benefits import dialog as benefits
from handlers.warga.coverage_check import dialog as coverage_check
from handlers.warga.my_data import dialog as my_data
from handlers.warga.premium import dialog as premium

# In the order their commands are listed in Telegram's command menu.
DIALOGS: tuple[Dialog, ...] = (
    onboarding.DIALOG,
    activity_registration.DIALOG,
    my_activities.DIALOG,
    participants.DIALOG,
    coverage_confirmation.DIALOG,
    coverage_check.DIALOG,
    accident_report.DIALOG,
    premium.DIALOG,
    benefits.DIALOG,
    my_data.DIALOG,
    official_summary.DIALOG,
    official_activities.DIALOG,
    official_export.DIALOG,
    official_incidents.DIALOG,
    official_corrections.DIALOG,
    official_erasure.DIALOG,
    alert_settings.DIALOG,
    admin.DIALOG,
)
# Always in Telegram's command menu, first: the engine's own navigation words.
NAVIGATION = (("/menu", "command_menu"), ("/batal", "command_cancel"), ("/bantuan", "command_help"))


class RegistryError(ValueError):
    """The declared dialogs do not fit together; raised when the registry is built."""


@dataclass(frozen=True)
class Registry:
    # Every dialog by its stored name, the menu included.
    dialogs: Mapping[str, Dialog]
    # "/daftar" -> "activity_registration", in the order the dialogs are registered.
    commands: Mapping[str, str]

    def telegram_commands(self, texts: Texts, language: str = "id") -> list[tuple[str, str]]:
        """(command, description) for Telegram's command menu: navigation first, then
        each registered command that declares a description."""
        listed = [(word, texts.text(language, key)) for word, key in NAVIGATION]
        for dialog in self.dialogs.values():
            command = dialog.command
            if command is not None and command.description is not None:
                listed.append((command.word, texts.text(language, command.description)))
        return listed

    @property
    def text_areas(self) -> tuple[TextArea, ...]:
        """The dialogs' own text modules, each once, in registration order."""
        areas = [d.texts for d in self.dialogs.values() if d.texts is not None]
        return tuple(dict.fromkeys(areas))


def build(dialogs: Sequence[Dialog] = DIALOGS) -> Registry:
    """The registry of `dialogs` plus the main menu made of their entries."""
    entries = [(d.name, d.entry) for d in dialogs if d.entry is not None]
    everything = (menu.build(entries), *dialogs)
    problems = list(_problems(everything))
    if problems:
        raise RegistryError("; ".join(problems))
    commands = {d.command.word: d.name for d in everything if d.command is not None}
    return Registry(dialogs={d.name: d for d in everything}, commands=commands)


def _problems(dialogs: Iterable[Dialog]) -> Iterable[str]:
    dialogs = list(dialogs)
    names = Counter(d.name for d in dialogs)
    yield from (f"two dialogs named {name!r}" for name, n in names.items() if n > 1)
    if MENU not in names:
        yield "no dialog named 'menu'"
    words = Counter(d.command.word.casefold() for d in dialogs if d.command is not None)
    yield from (f"command {word} opens two dialogs" for word, n in words.items() if n > 1)
    for dialog in dialogs:
        declared = getattr(dialog.steps, "declared", tuple(dialog.steps))
        twice = sorted(step for step, n in Counter(declared).items() if n > 1)
        yield from (f"dialog {dialog.name!r} declares step {s!r} twice" for s in twice)
        if dialog.first not in dialog.steps:
            yield f"dialog {dialog.name!r} starts at unknown step {dialog.first!r}"
        for target in dialog.hands_off_to:
            if target not in names:
                yield f"dialog {dialog.name!r} hands off to unknown dialog {target!r}"


REGISTRY = build()

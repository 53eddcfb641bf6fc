"""Which buttons each Telegram chat has on screen, so a tap on an answered question's
buttons cannot act twice.

Per chat: the message carrying the current question's inline keyboard (the "live" one,
with the choice ids behind its buttons) and whether the "Bagikan nomor HP" reply
keyboard is showing. A tap on any other message is stale. Kept in memory only: after a
restart nothing is known, a tap passes through as sent and the engine judges it against
the conversation's stored choices (a forgotten token becomes an expired button).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from telegram import InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove

from bot.channels.telegram.render import NAVIGATION_PREFIX, STALE_CHOICE, Part, resolve_callback

MAX_CHATS = 50_000


@dataclass(frozen=True)
class Shown:
    live: int | None
    choice_ids: tuple[str, ...]
    phone_keyboard: bool


class KeyboardMemory:
    def __init__(self, max_chats: int = MAX_CHATS) -> None:
        self._chats: OrderedDict[str, Shown] = OrderedDict()
        self._max_chats = max_chats

    def choice_for(self, chat_id: str, message_id: int | None, data: str) -> str:
        """The choice id a tap means. A tap on any message but the current question's
        is stale — except navigation (menu, batal, …), which works from anywhere."""
        if data.startswith(NAVIGATION_PREFIX):
            return data
        shown = self._chats.get(chat_id)
        if shown is None:
            return resolve_callback(data, None)
        if message_id is None or message_id != shown.live:
            return STALE_CHOICE
        return resolve_callback(data, shown.choice_ids)

    def forget(self, chat_id: str) -> None:
        """Nothing is known of this chat's screen any more (as after a restart)."""
        self._chats.pop(chat_id, None)

    def phone_keyboard_up(self, chat_id: str) -> bool:
        shown = self._chats.get(chat_id)
        return shown is not None and shown.phone_keyboard

    def remember(self, chat_id: str, sent: Sequence[tuple[Part, int]], phone_up: bool) -> None:
        """What a turn's replies put on screen (`sent`: part and Telegram message id)."""
        inline = [
            (part, mid) for part, mid in sent if isinstance(part.markup, InlineKeyboardMarkup)
        ]
        live = next(((part, mid) for part, mid in reversed(inline) if part.choice_ids), None)
        phone = phone_up or any(isinstance(part.markup, ReplyKeyboardMarkup) for part, _ in sent)
        self._chats[chat_id] = Shown(
            live=live[1] if live else None,
            choice_ids=live[0].choice_ids if live else (),
            phone_keyboard=phone,
        )
        self._chats.move_to_end(chat_id)
        while len(self._chats) > self._max_chats:
            self._chats.popitem(last=False)


def remove_phone_keyboard(parts: list[Part]) -> tuple[list[Part], bool]:
    """Put ReplyKeyboardRemove on the first part without buttons of its own; returns the
    parts and whether the phone keyboard is still up (no such part)."""
    for n, part in enumerate(parts):
        if part.markup is None:
            return [*parts[:n], replace(part, markup=ReplyKeyboardRemove()), *parts[n + 1 :]], False
    return parts, True
